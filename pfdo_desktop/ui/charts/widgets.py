"""The chart widgets: plain data in through ``set_data``, painted with QPainter (not QtCharts:
it lives in the 175 MB add-ons and is GPL/commercial).

Hovering a bar (a point of a line) emphasises it and its tooltip gives the exact figure; an elided
category name shows whole in its tooltip. ``bar_rects()`` / ``points()`` return what was painted,
from the same ``layout_chart`` the painting uses."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from .data import NO_FIGURE, ChartData, ChartKind
from .layout import ChartLayout, layout_chart
from .paint import Hover, paint_layout


def tooltip_text(kind: ChartKind, data: ChartData, category: int, series: int) -> str:
    """«Октябрь 2026\\nОплачено: 12 000,00 ₽» (a stacked bar adds its total)."""
    value = data.value(category, series)
    figure = data.format_value(value) if value is not None else NO_FIGURE
    name = data.series[series].name
    lines = [data.categories[category], f"{name}: {figure}" if name else figure]
    if kind is ChartKind.STACKED_BARS and len(data.series) > 1:
        total = data.total(category)
        lines.append(QCoreApplication.translate("Charts", "Всего: %1").replace(
            "%1", data.format_value(total) if total is not None else NO_FIGURE))
    return "\n".join(lines)


class ChartWidget(QWidget):
    """A chart of ``kind`` (the subclasses fix it). ``hovered`` tells the category and series
    under the pointer (-1, -1 when it left them)."""

    kind: ClassVar[ChartKind] = ChartKind.BARS
    hovered = Signal(int, int)

    def __init__(self, data: ChartData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data if data is not None else ChartData()
        self.hover: Hover = None
        self.highlight: int | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # the chart paints its background
        self.setAccessibleName(self._data.title)

    # --- data ---------------------------------------------------------------------------------

    def set_data(self, data: ChartData) -> None:
        self._data = data
        self.hover = None
        self.highlight = None
        self.setAccessibleName(data.title)
        self.updateGeometry()
        self.update()

    def chart_data(self) -> ChartData:
        return self._data

    def set_highlight(self, category: int | None) -> None:
        """Shade a category's band (the row chosen in the table beside)."""
        if category != self.highlight:
            self.highlight = category
            self.update()

    # --- geometry: what is painted -------------------------------------------------------------

    def chart_layout(self, rect: QRectF | None = None) -> ChartLayout:
        return layout_chart(self.kind, self._data, rect if rect is not None else QRectF(self.rect()),
                            self.font(), self)

    def bar_rects(self) -> list[tuple[str, str, QRectF]]:
        """(category, series, rectangle) of every painted bar or stacked segment, in data order."""
        data = self._data
        return [(data.categories[b.category], data.series[b.series].name, QRectF(b.rect))
                for b in self.chart_layout().bars]

    def points(self) -> list[tuple[str, str, QPointF]]:
        """(category, series, centre) of every painted point of a line chart."""
        data = self._data
        return [(data.categories[p.category], data.series[p.series].name, QPointF(p.point))
                for p in self.chart_layout().points]

    def hit_at(self, pos: QPointF | QPoint) -> tuple[int, int] | None:
        """The (category, series) the pointer at ``pos`` names, or None."""
        at = QPointF(pos)
        layout = self.chart_layout()
        if layout.empty:
            return None
        if self.kind is ChartKind.LINE:
            near = [p for p in layout.points if p.hit.contains(at)]
            if not near:
                return None
            best = min(near, key=lambda p: abs(p.point.y() - at.y()))
            return best.category, best.series
        for bar in layout.bars:
            if bar.hit.contains(at):
                return bar.category, bar.series
        return None

    def tooltip_at(self, pos: QPointF | QPoint) -> str | None:
        """The figure under the pointer, or the whole name of an elided category; None elsewhere."""
        hit = self.hit_at(pos)
        if hit is not None:
            return tooltip_text(self.kind, self._data, *hit)
        at = QPointF(pos)
        for label in self.chart_layout().labels:
            if label.elided and label.rect.contains(at):
                return label.text
        return None

    # --- Qt ------------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:  # noqa: N802
        em = self.fontMetrics().height()
        return QSize(34 * em, 20 * em)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        em = self.fontMetrics().height()
        return QSize(16 * em, 10 * em)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            paint_layout(painter, self.chart_layout(), self.palette(), self.hover, self.highlight)
        finally:
            painter.end()

    def paint_to(self, painter: QPainter, rect: QRectF, background: bool = True) -> ChartLayout:
        """The same chart into ``rect`` of another painter (an image, a PDF page), without the
        hover; returns the layout painted."""
        layout = layout_chart(self.kind, self._data, rect, self.font(), painter.device())
        paint_layout(painter, layout, self.palette(), highlight=None, background=background)
        return layout

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._set_hover(self.hit_at(event.position()), event)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        self._set_hover(None, None)
        super().leaveEvent(event)

    def _set_hover(self, hit: tuple[int, int] | None, event: QMouseEvent | None) -> None:
        if hit == self.hover:
            return
        self.hover = hit
        self.update()
        self.hovered.emit(*(hit if hit is not None else (-1, -1)))
        if event is not None and QToolTip.isVisible():
            # a tooltip already open follows the pointer from bar to bar
            text = self.tooltip_at(event.position())
            if text:
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
            else:
                QToolTip.hideText()


class BarChart(ChartWidget):
    """Vertical bars: completeness per group, children on 1 / 2 / 3+ programmes."""

    kind = ChartKind.BARS


class StackedBarChart(ChartWidget):
    """Vertical bars of parts one on another: money by month (advance / invoiced / paid)."""

    kind = ChartKind.STACKED_BARS


class LineChart(ChartWidget):
    """A line per series through the categories: children enrolled by month."""

    kind = ChartKind.LINE


class HorizontalBarChart(ChartWidget):
    """Long names on the left, bars to the right: programmes and children by direction."""

    kind = ChartKind.HORIZONTAL_BARS

    def sizeHint(self) -> QSize:  # noqa: N802
        em = self.fontMetrics().height()
        data = self._data
        rows = max(3, len(data.categories)) * max(1.0, 0.8 * len(data.series))
        extra = 6 + (1.5 if len(data.series) > 1 else 0)
        return QSize(34 * em, round((extra + rows * 2.0) * em))


def render_to_image(widget: ChartWidget, size: QSize, dpi: int = 96) -> QImage:
    """The widget's chart drawn afresh into an image of ``size`` (its font and palette, no hover):
    for a screenshot, or a picture to embed in a PDF (``dpi`` 300 scales text and lines)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(widget.palette().color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    try:
        widget.paint_to(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image
