"""Where everything of a chart goes in a rectangle: one function, ``layout_chart``, used by the
painting (screen, image, print) and by the widgets' accessors and hover, so what a test measures
and what a person sees are the same rectangles.

Sizes follow the font (``em`` = its line height), so a chart laid out on a 300 dpi page keeps the
proportions it has on screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice

from .data import (
    NO_FIGURE,
    ChartData,
    ChartKind,
    Number,
    format_number,
    nice_ticks,
    tick_decimals,
    to_decimal,
)

LABEL_LINES = 2  # a category name under a bar takes at most two lines


@dataclass(frozen=True)
class Tick:
    value: Decimal
    position: float  # y on a vertical value axis, x on a horizontal one
    label: str


@dataclass(frozen=True)
class CategoryLabel:
    index: int
    text: str  # the whole name
    lines: tuple[str, ...]  # as drawn (wrapped, elided)
    rect: QRectF
    elided: bool


@dataclass(frozen=True)
class BarGeometry:
    category: int
    series: int
    value: Number
    rect: QRectF  # the painted bar (or a stacked bar's segment)
    hit: QRectF  # where the pointer names this bar


@dataclass(frozen=True)
class PointGeometry:
    category: int
    series: int
    value: Number
    point: QPointF
    hit: QRectF  # the category's band: the nearest series' point answers


@dataclass(frozen=True)
class LegendItem:
    series: int
    swatch: QRectF
    text_rect: QRectF
    text: str


@dataclass(frozen=True)
class ValueLabel:
    text: str
    rect: QRectF
    align: Qt.AlignmentFlag


@dataclass
class ChartLayout:
    kind: ChartKind
    rect: QRectF
    font: QFont
    title_font: QFont
    em: float
    line: float  # the text's line spacing (a category name's lines)
    title: str = ""
    title_rect: QRectF = field(default_factory=QRectF)
    legend: list[LegendItem] = field(default_factory=list)
    empty: bool = False
    message_rect: QRectF = field(default_factory=QRectF)
    plot: QRectF = field(default_factory=QRectF)
    value_title: str = ""
    value_title_rect: QRectF = field(default_factory=QRectF)
    ticks: list[Tick] = field(default_factory=list)
    zero: float = 0.0  # the position of the value 0 (the line the bars stand on)
    bands: list[QRectF] = field(default_factory=list)  # a category's slice of the plot
    labels: list[CategoryLabel] = field(default_factory=list)
    bars: list[BarGeometry] = field(default_factory=list)
    points: list[PointGeometry] = field(default_factory=list)
    value_labels: list[ValueLabel] = field(default_factory=list)

    @property
    def vertical(self) -> bool:
        """Values go up (bars, stacked bars, line); the horizontal bars' values go right."""
        return self.kind is not ChartKind.HORIZONTAL_BARS


def chart_fonts(font: QFont) -> tuple[QFont, QFont]:
    """(the title's font, the text's font): the title bold and a little larger."""
    title = QFont(font)
    if font.pointSizeF() > 0:
        title.setPointSizeF(font.pointSizeF() * 1.15)
    else:
        title.setPixelSize(round(font.pixelSize() * 1.15))
    title.setBold(True)
    return title, QFont(font)


def _metrics(font: QFont, device: QPaintDevice | None) -> QFontMetricsF:
    return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)


def wrap_text(text: str, width: float, fm: QFontMetricsF, max_lines: int) -> tuple[tuple[str, ...], bool]:
    """Break ``text`` at spaces into at most ``max_lines`` lines of ``width``; what does not fit is
    elided with «…». Returns (lines, elided)."""
    width = max(width, 1.0)
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if fm.horizontalAdvance(candidate) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    elided = len(lines) > max_lines
    if elided:
        lines = lines[: max_lines - 1] + [" ".join(lines[max_lines - 1:])]
    out = []
    for line in lines:
        shown = fm.elidedText(line, Qt.TextElideMode.ElideRight, width)
        elided = elided or shown != line
        out.append(shown)
    return tuple(out), elided


def _value_range(data: ChartData, kind: ChartKind) -> tuple[Decimal, Decimal]:
    """The lowest and highest figure the axis must hold, always with zero (bars stand on it)."""
    low = high = Decimal(0)
    if kind is ChartKind.STACKED_BARS:
        for c in range(len(data.categories)):
            up = down = Decimal(0)
            for s in data.series:
                v = s.values[c]
                if v is None:
                    continue
                d = to_decimal(v)
                if d >= 0:
                    up += d
                else:
                    down += d
            high, low = max(high, up), min(low, down)
    else:
        for s in data.series:
            for v in s.values:
                if v is not None:
                    d = to_decimal(v)
                    high, low = max(high, d), min(low, d)
    if data.value_max is not None:
        high = max(high, to_decimal(data.value_max))
    return low, high


def _ticks(data: ChartData, kind: ChartKind, target: int) -> list[Decimal]:
    low, high = _value_range(data, kind)
    return nice_ticks(low, high, max(3, min(8, target)), data.is_integral())


def _tick_labels(ticks: list[Decimal]) -> list[str]:
    places = tick_decimals(ticks)
    return [format_number(t, places) for t in ticks]


def _legend(
    data: ChartData, fm: QFontMetricsF, left: float, top: float, width: float, em: float
) -> tuple[list[LegendItem], float]:
    """The series' names in rows under the title, each row centred; returns (items, height)."""
    if len(data.series) < 2:
        return [], 0.0
    box = em * 0.75
    gap, spacing = em * 0.3, em * 1.1
    rows: list[list[tuple[int, str, float]]] = [[]]
    row_width = 0.0
    for i, series in enumerate(data.series):
        text = fm.elidedText(series.name, Qt.TextElideMode.ElideRight, max(width - box - gap, em))
        item_width = box + gap + fm.horizontalAdvance(text)
        if rows[-1] and row_width + spacing + item_width > width:
            rows.append([])
            row_width = 0.0
        row_width += (spacing if rows[-1] else 0.0) + item_width
        rows[-1].append((i, text, item_width))
    items: list[LegendItem] = []
    line = fm.height()
    for r, row in enumerate(rows):
        total = sum(w for _, _, w in row) + spacing * (len(row) - 1)
        x = left + max(0.0, (width - total) / 2)
        y = top + r * line * 1.2
        for i, text, item_width in row:
            swatch = QRectF(x, y + (line - box) / 2, box, box)
            text_rect = QRectF(x + box + gap, y, item_width - box - gap, line)
            items.append(LegendItem(i, swatch, text_rect, text))
            x += item_width + spacing
    return items, len(rows) * line * 1.2


def layout_chart(
    kind: ChartKind, data: ChartData, rect: QRectF, font: QFont, device: QPaintDevice | None = None
) -> ChartLayout:
    """Lay ``data`` out as a chart of ``kind`` in ``rect``; metrics of ``font`` on ``device``
    (the widget, the image or the printer the chart is painted on)."""
    title_font, text_font = chart_fonts(font)
    fm, tfm = _metrics(text_font, device), _metrics(title_font, device)
    em = fm.height()
    pad = em * 0.5
    out = ChartLayout(kind=kind, rect=QRectF(rect), font=text_font, title_font=title_font, em=em,
                      line=fm.lineSpacing())
    area = QRectF(rect).adjusted(pad, pad, -pad, -pad)
    if area.width() < em * 2 or area.height() < em * 2:
        out.empty = True
        out.message_rect = QRectF(rect)
        return out
    y = area.top()
    if data.title:
        out.title = tfm.elidedText(data.title, Qt.TextElideMode.ElideRight, area.width())
        out.title_rect = QRectF(area.left(), y, area.width(), tfm.height())
        y += tfm.height() + pad * 0.6
    if data.is_empty:
        out.empty = True
        out.message_rect = QRectF(area.left(), y, area.width(), max(em, area.bottom() - y))
        return out
    out.legend, legend_height = _legend(data, fm, area.left(), y, area.width(), em)
    if legend_height:
        y += legend_height + pad * 0.4
    if data.value_title:
        out.value_title = fm.elidedText(data.value_title, Qt.TextElideMode.ElideRight, area.width())
        out.value_title_rect = QRectF(area.left(), y, area.width(), em)
        y += em
    if kind is ChartKind.HORIZONTAL_BARS:
        _layout_horizontal(out, data, area, y, fm)
    else:
        _layout_vertical(out, data, area, y, fm)
    return out


def _layout_vertical(out: ChartLayout, data: ChartData, area: QRectF, top: float, fm: QFontMetricsF) -> None:
    kind, em = out.kind, out.em
    n = len(data.categories)
    top += em * 0.9  # room for the figure above the tallest bar and for half the top tick label
    line = fm.lineSpacing()
    gap = em * 0.4

    def frame(label_lines: int) -> tuple[QRectF, list[Decimal], list[str]]:
        bottom = area.bottom() - label_lines * line - em * 0.3
        height = max(em, bottom - top)
        ticks = _ticks(data, kind, int(height / (em * 3)))
        labels = _tick_labels(ticks)
        left = area.left() + max(fm.horizontalAdvance(t) for t in labels) + gap
        return QRectF(left, top, max(em, area.right() - left), height), ticks, labels

    plot, ticks, tick_labels = frame(LABEL_LINES)
    band = plot.width() / n
    step = 1  # with many narrow categories every step-th is named (the tooltip names them all)
    while band * step < em * 2.6 and step < n:
        step += 1

    def label_box(i: int) -> tuple[float, float]:
        """(centre, width) of category i's name: ``step`` bands wide, never past the chart's edges."""
        centre = plot.left() + (i + 0.5) * band
        width = min(band * step, 2 * (centre - area.left()), 2 * (area.right() - centre))
        return centre, width

    wrapped = [wrap_text(data.categories[i], label_box(i)[1] - em * 0.15, fm, LABEL_LINES)
               for i in range(0, n, step)]
    lines_needed = max((len(w[0]) for w in wrapped), default=1)
    if lines_needed < LABEL_LINES:
        plot, ticks, tick_labels = frame(lines_needed)
    band = plot.width() / n
    out.plot = plot
    low, high = float(ticks[0]), float(ticks[-1])

    def pos(value: float) -> float:
        return plot.bottom() - (value - low) / (high - low) * plot.height()

    out.zero = pos(0.0)
    out.ticks = [Tick(t, pos(float(t)), label) for t, label in zip(ticks, tick_labels, strict=True)]
    out.bands = [QRectF(plot.left() + i * band, plot.top(), band, plot.height()) for i in range(n)]

    label_top = plot.bottom() + em * 0.3
    for i in range(0, n, step):
        centre, width = label_box(i)
        lines, elided = wrap_text(data.categories[i], width - em * 0.15, fm, lines_needed)
        rect = QRectF(centre - width / 2, label_top, width, len(lines) * line)
        out.labels.append(CategoryLabel(i, data.categories[i], lines, rect, elided))

    k = len(data.series)
    if kind is ChartKind.LINE:
        for c, band_rect in enumerate(out.bands):
            x = band_rect.center().x()
            for s, series in enumerate(data.series):
                v = series.values[c]
                if v is not None:
                    out.points.append(PointGeometry(c, s, v, QPointF(x, pos(float(v))), band_rect))
        return
    if kind is ChartKind.STACKED_BARS:
        group = min(band * 0.72, em * 3.5)
        for c, band_rect in enumerate(out.bands):
            x = band_rect.center().x() - group / 2
            up = down = 0.0
            for s, series in enumerate(data.series):
                v = series.values[c]
                if v is None:
                    continue
                start = up if float(v) >= 0 else down
                end = start + float(v)
                if float(v) >= 0:
                    up = end
                else:
                    down = end
                bar = QRectF(QPointF(x, pos(end)), QPointF(x + group, pos(start))).normalized()
                hit = QRectF(bar)
                if hit.height() < 4:
                    hit.adjust(0, -(4 - hit.height()) / 2, 0, (4 - hit.height()) / 2)
                out.bars.append(BarGeometry(c, s, v, bar, hit))
            total = data.total(c)
            if total is not None and data.value_labels:
                _value_label_above(out, fm, data.format_value(total), band_rect.center().x(), band,
                                   pos(up) if float(total) >= 0 else pos(down), float(total) >= 0)
        return
    group = min(band * 0.72, k * em * 3.2)
    slot = group / k
    inner = slot - (min(2.0, slot * 0.1) if k > 1 else 0.0)
    for c, band_rect in enumerate(out.bands):
        x0 = band_rect.center().x() - group / 2
        for s, series in enumerate(data.series):
            v = series.values[c]
            x = x0 + s * slot
            if v is None:  # «—» on the axis: on paper a missing figure is not mistaken for a forgotten bar
                if data.value_labels:
                    room = band if k == 1 else slot
                    _value_label_above(out, fm, NO_FIGURE, x + inner / 2, room, out.zero, True)
                continue
            bar = QRectF(QPointF(x, pos(float(v))), QPointF(x + inner, out.zero)).normalized()
            hit = QRectF(x, plot.top(), slot, plot.height())
            out.bars.append(BarGeometry(c, s, v, bar, hit))
            if data.value_labels:
                room = band if k == 1 else slot
                edge = bar.top() if float(v) >= 0 else bar.bottom()
                _value_label_above(out, fm, data.format_value(v), x + inner / 2, room, edge, float(v) >= 0)


def _value_label_above(
    out: ChartLayout, fm: QFontMetricsF, text: str, centre: float, room: float, edge: float, up: bool
) -> None:
    """A figure over (under, when negative) its bar, if it fits its slot and stays in the chart."""
    width = fm.horizontalAdvance(text) + 2
    if width > room - out.em * 0.3:  # neighbours' figures keep a gap between them
        return
    height = fm.height()
    top = edge - height - 1 if up else edge + 1
    rect = QRectF(centre - width / 2, top, width, height)
    if out.rect.contains(rect):
        out.value_labels.append(ValueLabel(text, rect, Qt.AlignmentFlag.AlignCenter))


def _layout_horizontal(
    out: ChartLayout, data: ChartData, area: QRectF, top: float, fm: QFontMetricsF
) -> None:
    em = out.em
    n, k = len(data.categories), len(data.series)
    line = fm.lineSpacing()
    top += em * 0.3
    bottom = area.bottom() - fm.height() - em * 0.3
    plot_height = max(em, bottom - top)
    band = plot_height / n
    label_width = min(max(fm.horizontalAdvance(c) for c in data.categories) + 2, area.width() * 0.38)
    figures = [data.format_value(v) for s in data.series for v in s.values if v is not None]
    value_room = em * 0.5
    if data.value_labels:
        value_room = min(max(fm.horizontalAdvance(f) for f in figures) + em * 0.6, area.width() * 0.25)
    left = area.left() + label_width + em * 0.5
    right = area.right() - value_room
    width = max(em, right - left)
    rough = _tick_labels(_ticks(data, out.kind, 5))
    widest = max(fm.horizontalAdvance(t) for t in rough)
    ticks = _ticks(data, out.kind, int(width / (widest + em * 1.5)))
    tick_labels = _tick_labels(ticks)
    overhang = fm.horizontalAdvance(tick_labels[-1]) / 2 + 2
    if overhang > value_room:
        width -= overhang - value_room
    plot = QRectF(left, top, width, plot_height)
    out.plot = plot
    low, high = float(ticks[0]), float(ticks[-1])

    def pos(value: float) -> float:
        return plot.left() + (value - low) / (high - low) * plot.width()

    out.zero = pos(0.0)
    out.ticks = [Tick(t, pos(float(t)), label) for t, label in zip(ticks, tick_labels, strict=True)]
    out.bands = [QRectF(plot.left(), top + i * band, plot.width(), band) for i in range(n)]
    max_lines = 2 if band >= 2 * line + em * 0.2 else 1
    for i, band_rect in enumerate(out.bands):
        lines, elided = wrap_text(data.categories[i], label_width, fm, max_lines)
        height = len(lines) * line
        rect = QRectF(area.left(), band_rect.center().y() - height / 2, label_width, height)
        out.labels.append(CategoryLabel(i, data.categories[i], lines, rect, elided))
    group = min(band * 0.72, k * em * 1.5)
    slot = group / k
    inner = slot - (min(2.0, slot * 0.1) if k > 1 else 0.0)
    for c, band_rect in enumerate(out.bands):
        y0 = band_rect.center().y() - group / 2
        for s, series in enumerate(data.series):
            v = series.values[c]
            y = y0 + s * slot
            if v is None:
                v_text, v_width = NO_FIGURE, fm.horizontalAdvance(NO_FIGURE) + 2
                rect = QRectF(out.zero + em * 0.25, y, v_width, inner)
                if data.value_labels and inner >= fm.height() * 0.8:
                    out.value_labels.append(
                        ValueLabel(v_text, rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter))
                continue
            bar = QRectF(QPointF(out.zero, y), QPointF(pos(float(v)), y + inner)).normalized()
            hit = QRectF(plot.left(), y, plot.width(), slot)
            out.bars.append(BarGeometry(c, s, v, bar, hit))
            if data.value_labels:
                text = data.format_value(v)
                text_width = fm.horizontalAdvance(text) + 2
                if float(v) >= 0:
                    rect = QRectF(bar.right() + em * 0.25, y, text_width, inner)
                    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                else:
                    rect = QRectF(bar.left() - em * 0.25 - text_width, y, text_width, inner)
                    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                if inner >= fm.height() * 0.8 and out.rect.contains(rect) and rect.left() >= plot.left() - 1:
                    out.value_labels.append(ValueLabel(text, rect, align))
