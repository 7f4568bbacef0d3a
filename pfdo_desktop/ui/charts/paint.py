"""Painting a laid-out chart with any QPainter: the widget, a QImage, a QPdfWriter or a printer.

Each series has a colour (the Okabe–Ito set, readable by the colour-blind) *and* something that
survives grayscale print: a hatch (``Qt.BrushStyle``) on bars, a dash and a marker shape on lines.
Lines and hatches scale with the device's resolution, so a 300 dpi page looks like the screen."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from .data import ChartData, ChartKind
from .layout import ChartLayout, layout_chart

Hover = tuple[int, int] | None  # (category, series) under the pointer


@dataclass(frozen=True)
class SeriesStyle:
    color: str  # #rrggbb
    pattern: Qt.BrushStyle  # the hatch over a bar's colour
    line: Qt.PenStyle  # a line chart's dash
    marker: str  # circle, square, triangle, diamond


# Colours alternate dark and light so neighbours differ in grayscale too; the hatches tell the rest.
SERIES_STYLES = (
    SeriesStyle("#0072B2", Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, "circle"),
    SeriesStyle("#E69F00", Qt.BrushStyle.BDiagPattern, Qt.PenStyle.DashLine, "square"),
    SeriesStyle("#009E73", Qt.BrushStyle.CrossPattern, Qt.PenStyle.DotLine, "triangle"),
    SeriesStyle("#CC79A7", Qt.BrushStyle.FDiagPattern, Qt.PenStyle.DashDotLine, "diamond"),
    SeriesStyle("#56B4E9", Qt.BrushStyle.DiagCrossPattern, Qt.PenStyle.DashDotDotLine, "circle"),
    SeriesStyle("#D55E00", Qt.BrushStyle.HorPattern, Qt.PenStyle.DashLine, "square"),
    SeriesStyle("#F0E442", Qt.BrushStyle.VerPattern, Qt.PenStyle.DotLine, "triangle"),
    SeriesStyle("#555555", Qt.BrushStyle.Dense5Pattern, Qt.PenStyle.SolidLine, "diamond"),
)


def series_style(index: int) -> SeriesStyle:
    return SERIES_STYLES[index % len(SERIES_STYLES)]


def no_data_text() -> str:
    return QCoreApplication.translate("Charts", "Нет данных")


def _scale(painter: QPainter) -> float:
    """Device pixels per screen pixel (1 on screen, ≈3 on a 300 dpi page)."""
    device = painter.device()
    dpi = device.logicalDpiY() if device is not None else 96
    return max(1.0, dpi / 96.0)


def _hatch(painter: QPainter, rect: QRectF, pattern: Qt.BrushStyle, color: QColor, em: float) -> None:
    """Draw ``pattern`` over ``rect`` as lines spaced by the font: Qt's own pattern brushes are
    device pixels (invisible at 1200 dpi) and ignore a brush transform, these stay vectors in a PDF.
    The lines are anchored at the origin, so neighbouring bars' hatches line up."""
    if pattern is Qt.BrushStyle.NoBrush or rect.isEmpty():
        return
    gap = em * 0.42
    painter.save()
    painter.setClipRect(rect, Qt.ClipOperation.IntersectClip)
    painter.setPen(QPen(color, max(1.0, em / 15)))
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()

    def steps(start: float, end: float, step: float) -> range:
        return range(math.floor(start / step), math.ceil(end / step) + 1)

    lines: list[tuple[float, float, float, float]] = []
    if pattern in (Qt.BrushStyle.HorPattern, Qt.BrushStyle.CrossPattern):
        lines += [(left, k * gap, right, k * gap) for k in steps(top, bottom, gap)]
    if pattern in (Qt.BrushStyle.VerPattern, Qt.BrushStyle.CrossPattern):
        lines += [(k * gap, top, k * gap, bottom) for k in steps(left, right, gap)]
    diagonal = gap * math.sqrt(2)
    if pattern in (Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.DiagCrossPattern):  # «/»: x + y = c
        lines += [(k * diagonal - bottom, bottom, k * diagonal - top, top)
                  for k in steps(left + top, right + bottom, diagonal)]
    if pattern in (Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.DiagCrossPattern):  # «\»: x - y = c
        lines += [(k * diagonal + top, top, k * diagonal + bottom, bottom)
                  for k in steps(left - bottom, right - top, diagonal)]
    for x1, y1, x2, y2 in lines:
        painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
    if not lines:  # the dense patterns: a grid of dots
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        radius = max(0.6, em / 18)
        for i in steps(left, right, gap):
            for j in steps(top, bottom, gap):
                painter.drawEllipse(QPointF(i * gap + (gap / 2 if j % 2 else 0), j * gap), radius, radius)
    painter.restore()


def _fill_bar(painter: QPainter, rect: QRectF, index: int, em: float, scale: float, hovered: bool) -> None:
    style = series_style(index)
    color = QColor(style.color)
    painter.fillRect(rect, color.lighter(125) if hovered else color)
    _hatch(painter, rect, style.pattern, color.darker(230), em)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(color.darker(170), scale))
    painter.drawRect(rect)


def _marker(painter: QPainter, centre: QPointF, radius: float, shape: str) -> None:
    x, y, r = centre.x(), centre.y(), radius
    if shape == "square":
        painter.drawRect(QRectF(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.1), QPointF(x + r, y + r * 0.7),
                                       QPointF(x - r, y + r * 0.7)]))
    elif shape == "diamond":
        painter.drawPolygon(QPolygonF([QPointF(x, y - r * 1.15), QPointF(x + r * 1.15, y),
                                       QPointF(x, y + r * 1.15), QPointF(x - r * 1.15, y)]))
    else:
        painter.drawEllipse(centre, r, r)


def _line_pen(index: int, width: float) -> QPen:
    pen = QPen(QColor(series_style(index).color), width)
    pen.setStyle(series_style(index).line)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_layout(
    painter: QPainter,
    layout: ChartLayout,
    palette: QPalette,
    hover: Hover = None,
    highlight: int | None = None,
    background: bool = True,
) -> None:
    """Paint what ``layout_chart`` laid out; ``hover`` is drawn emphasised, ``highlight`` (a
    category chosen in the table) gets a shaded band."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    scale = _scale(painter)
    text = palette.color(QPalette.ColorRole.Text)
    muted = QColor(text)
    muted.setAlpha(170)
    if background:
        painter.fillRect(layout.rect, palette.color(QPalette.ColorRole.Base))
    if layout.title:
        painter.setFont(layout.title_font)
        painter.setPen(text)
        painter.drawText(layout.title_rect, Qt.AlignmentFlag.AlignCenter, layout.title)
    painter.setFont(layout.font)
    if layout.empty:
        painter.setPen(muted)
        painter.drawText(layout.message_rect, Qt.AlignmentFlag.AlignCenter, no_data_text())
        painter.restore()
        return
    _paint_legend(painter, layout, text, scale)
    if layout.value_title:
        painter.setPen(muted)
        align = Qt.AlignmentFlag.AlignLeft if layout.vertical else Qt.AlignmentFlag.AlignRight
        painter.drawText(layout.value_title_rect, align | Qt.AlignmentFlag.AlignVCenter, layout.value_title)
    if highlight is not None and 0 <= highlight < len(layout.bands):
        shade = QColor(palette.color(QPalette.ColorRole.Highlight))
        shade.setAlpha(45)
        painter.fillRect(layout.bands[highlight], shade)
    _paint_axes(painter, layout, text, muted, scale)
    if layout.kind is ChartKind.LINE:
        _paint_lines(painter, layout, palette, hover, scale)
    else:
        for bar in layout.bars:
            _fill_bar(painter, bar.rect, bar.series, layout.em, scale, (bar.category, bar.series) == hover)
        for bar in layout.bars:
            if (bar.category, bar.series) == hover:
                pen = QPen(text, 2 * scale)
                pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(bar.rect.adjusted(-scale, -scale, scale, scale))
        _zero_line(painter, layout, muted, scale)  # again, over the bars' feet
    painter.setPen(text)
    for label in layout.value_labels:
        painter.drawText(label.rect, int(label.align), label.text)
    painter.restore()


def _paint_legend(painter: QPainter, layout: ChartLayout, text: QColor, scale: float) -> None:
    for item in layout.legend:
        if layout.kind is ChartKind.LINE:
            y = item.swatch.center().y()
            painter.setPen(_line_pen(item.series, 2 * scale))
            painter.drawLine(QPointF(item.swatch.left() - layout.em * 0.3, y),
                             QPointF(item.swatch.right() + layout.em * 0.1, y))
            painter.setPen(QPen(QColor(series_style(item.series).color).darker(150), scale))
            painter.setBrush(QColor(series_style(item.series).color))
            _marker(painter, item.swatch.center(), layout.em * 0.2, series_style(item.series).marker)
        else:
            _fill_bar(painter, item.swatch, item.series, layout.em, scale, False)
        painter.setPen(text)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(item.text_rect, align, item.text)


def _zero_line(painter: QPainter, layout: ChartLayout, color: QColor, scale: float) -> None:
    plot, zero = layout.plot, layout.zero
    painter.setPen(QPen(color, scale))
    if layout.vertical:
        painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
    else:
        painter.drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()))


def _paint_axes(painter: QPainter, layout: ChartLayout, text: QColor, muted: QColor, scale: float) -> None:
    plot, em = layout.plot, layout.em
    grid = QColor(text)
    grid.setAlpha(38)
    for tick in layout.ticks:
        painter.setPen(QPen(grid, scale))
        if layout.vertical:
            painter.drawLine(QPointF(plot.left(), tick.position), QPointF(plot.right(), tick.position))
            left = layout.rect.left()
            rect = QRectF(left, tick.position - em / 2, plot.left() - left - em * 0.4, em)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        else:
            painter.drawLine(QPointF(tick.position, plot.top()), QPointF(tick.position, plot.bottom()))
            rect = QRectF(tick.position - em * 4, plot.bottom() + em * 0.2, em * 8, em)
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.setPen(muted)
        painter.drawText(rect, int(align), tick.label)
    _zero_line(painter, layout, muted, scale)
    painter.setPen(text)
    line = layout.line
    for label in layout.labels:
        for i, shown in enumerate(label.lines):
            rect = QRectF(label.rect.left(), label.rect.top() + i * line, label.rect.width(), line)
            if layout.vertical:
                align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            else:
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(rect, int(align), shown)


def _paint_lines(
    painter: QPainter, layout: ChartLayout, palette: QPalette, hover: Hover, scale: float
) -> None:
    em = layout.em
    by_series: dict[int, list] = {}
    for point in layout.points:
        by_series.setdefault(point.series, []).append(point)
    for series, points in by_series.items():
        painter.setPen(_line_pen(series, max(2.0 * scale, em * 0.14)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        previous = None
        for point in points:
            # a category without a figure breaks the line rather than bridging it
            if previous is not None and point.category == previous.category + 1:
                path.lineTo(point.point)
            else:
                path.moveTo(point.point)
            previous = point
        painter.drawPath(path)
    for point in layout.points:
        style = series_style(point.series)
        color = QColor(style.color)
        hovered = (point.category, point.series) == hover
        radius = em * (0.34 if hovered else 0.22)
        painter.setBrush(color.lighter(125) if hovered else color)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight) if hovered else color.darker(160),
                            (2.0 if hovered else 1.0) * scale))
        _marker(painter, point.point, radius, style.marker)


def draw_chart(
    painter: QPainter,
    rect: QRectF,
    kind: ChartKind,
    data: ChartData,
    font: QFont | None = None,
    palette: QPalette | None = None,
    background: bool = True,
) -> ChartLayout:
    """Lay out and paint a chart into ``rect`` of any painter (an image, a PDF page, a printer):
    the printing path, without a widget. Returns the layout it painted."""
    font = font if font is not None else QFont(QGuiApplication.font())
    palette = palette if palette is not None else QPalette(QGuiApplication.palette())
    layout = layout_chart(kind, data, rect, font, painter.device())
    paint_layout(painter, layout, palette, background=background)
    return layout


def chart_image(
    kind: ChartKind,
    data: ChartData,
    size: QSize,
    font: QFont | None = None,
    palette: QPalette | None = None,
    dpi: int = 96,
) -> QImage:
    """The chart as an image of ``size`` pixels at ``dpi`` (a larger dpi makes the text and lines
    proportionally larger: 300 for a picture embedded in a PDF)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        draw_chart(painter, QRectF(0, 0, size.width(), size.height()), kind, data, font, palette)
    finally:
        painter.end()
    return image
