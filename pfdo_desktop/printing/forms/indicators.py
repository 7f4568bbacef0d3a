"""Отчёт о показателях организации за месяц (issue 13): one A4 page for the head to sign.

The provider's letterhead, the title with «по данным на» the last sync, the main figures for the
month and the year so far (the certificates, the children on 1 / 2 / 3+ programmes, places and
occupancy; the directions and the money are in the charts), then the charts the «Показатели» tab
shows — the same ``ChartSpec``s — drawn with ReportLab's graphics in grays a black-and-white
printer keeps apart, each with its figures written on it, and the head's signature with «М. П.».
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from pfdo_desktop.domain.documents import (
    CHART_BARS,
    CHART_HBARS,
    CHART_LINE,
    CHART_STACKED,
    ChartSpec,
    IndicatorsReportDoc,
)

from ..fonts import SANS, SANS_BOLD
from ..layout import CENTER, LEFT, RIGHT, Page, Sheet
from ..text import NBSP, format_date, head_short_name
from .common import head_role, letterhead
from .money import for_month

# Grays a black-and-white printer keeps apart (the screen's colours and hatches are Qt's).
GRAYS = (colors.Color(0.25, 0.25, 0.25), colors.Color(0.62, 0.62, 0.62), colors.Color(0.88, 0.88, 0.88))
CHART_H = 56 * mm
GAP = 6 * mm
# The rows of the main table the report prints (the directions and applications are in the tab).
SKIPPED = ("Программ:", "Детей:", "Заявок:", "Детей 5–18 лет")
HEADER = ("Показатель", "За месяц", "Доля", "С начала года", "Доля")


def _figure(value: Decimal | int | float | None, decimals: int) -> str:
    """«1 234,50» with a no-break space the PT fonts have (not the narrow one ``format_rub`` uses)."""
    if value is None:
        return "—"
    return f"{Decimal(str(value)):,.{decimals}f}".replace(",", NBSP).replace(".", ",")


def _printable(text: str) -> str:
    return text.replace("\u202f", NBSP)


def _number(value: Decimal | int | None) -> float | None:
    return None if value is None else float(value)


def _title(drawing: Drawing, spec: ChartSpec, width: float, height: float) -> None:
    unit = f", {spec.unit}" if spec.unit else ""
    drawing.add(String(width / 2, height - 9, f"{spec.title}{unit}", fontName=SANS_BOLD, fontSize=8.5,
                       textAnchor="middle"))


def _legend(drawing: Drawing, spec: ChartSpec, x: float, y: float) -> None:
    if len(spec.series) < 2:
        return
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = SANS, 7
    legend.columnMaximum = 1
    legend.deltax, legend.dxTextSpace, legend.dx, legend.dy = 70, 3, 7, 7
    legend.strokeWidth, legend.strokeColor = 0.4, colors.black
    legend.colorNamePairs = [(GRAYS[i % len(GRAYS)], name) for i, (name, _v) in enumerate(spec.series)]
    drawing.add(legend)


def chart_drawing(spec: ChartSpec, width: float, height: float = CHART_H) -> Drawing:
    """One ``ChartSpec`` as a ReportLab drawing ``width`` × ``height`` points."""
    drawing = Drawing(width, height)
    _title(drawing, spec, width, height)
    data = [[_number(v) for v in values] for _name, values in spec.series]
    if not spec.categories or all(v is None or v == 0 for row in data for v in row):
        drawing.add(String(width / 2, height / 2, "Нет данных", fontName=SANS, fontSize=8,
                           textAnchor="middle"))
        return drawing
    legend_h = 10 if len(spec.series) > 1 else 0
    if spec.kind == CHART_LINE:
        chart = HorizontalLineChart()
        chart.data = data
        chart.lines[0].strokeWidth = 1.2
        chart.lines[0].strokeColor = colors.black
        chart.lineLabelFormat = (lambda v: _figure(v, 0))
        chart.lineLabels.fontName, chart.lineLabels.fontSize = SANS, 6.5
        chart.lineLabels.dy = 4
    elif spec.kind == CHART_HBARS:
        chart = HorizontalBarChart()
        chart.data = data
        chart.barLabelFormat = (lambda v: _figure(v, 0))
    else:
        chart = VerticalBarChart()
        chart.data = data
        if spec.kind == CHART_STACKED:
            chart.categoryAxis.style = "stacked"
        else:
            chart.barLabelFormat = (lambda v: _figure(v, spec.decimals))
    if spec.kind in (CHART_BARS, CHART_HBARS):
        chart.barLabels.fontName, chart.barLabels.fontSize = SANS, 6
        chart.barLabels.nudge = 5
    for i in range(len(data)):
        if spec.kind != CHART_LINE:
            chart.bars[i].fillColor = GRAYS[i % len(GRAYS)]
            chart.bars[i].strokeColor = colors.black
            chart.bars[i].strokeWidth = 0.3
    label_w = 0.0
    if spec.kind == CHART_HBARS:
        label_w = min(width * 0.42, max(len(c) for c in spec.categories) * 3.6 + 6)
    longest = max(len(c) for c in spec.categories)
    rotate = spec.kind != CHART_HBARS and (len(spec.categories) > 6 or longest > 9)
    chart.x = 30 + label_w
    chart.y = 14 + legend_h + (22 if rotate else 0)
    chart.width = width - chart.x - (22 if spec.kind == CHART_HBARS else 8)
    chart.height = height - chart.y - 24
    chars = 26 if spec.kind == CHART_HBARS else 14
    chart.categoryAxis.categoryNames = [_short(c, chars) for c in spec.categories]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName, axis.labels.fontSize = SANS, 6.5
        axis.strokeWidth = 0.4
    chart.valueAxis.valueMin = 0
    tops = [sum(v or 0 for v in col) for col in zip(*data, strict=True)] if spec.kind == CHART_STACKED else [
        v or 0 for row in data for v in row]
    chart.valueAxis.valueMax = max(float(spec.value_max or 0), max(tops) * 1.12) or 1
    chart.valueAxis.labelTextFormat = (lambda v: _figure(v, 0))
    if spec.kind == CHART_HBARS:
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.reverseDirection = True
    elif rotate:
        chart.categoryAxis.labels.angle = 35
        chart.categoryAxis.labels.boxAnchor = "ne"
    drawing.add(chart)
    _legend(drawing, spec, 12, 6)
    return drawing


def _short(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def check(doc: IndicatorsReportDoc) -> None:
    for spec in doc.charts:
        for name, values in spec.series:
            if len(values) != len(spec.categories):
                raise ValueError(f"График «{spec.title}»: у ряда «{name}» {len(values)} значений на "
                                 f"{len(spec.categories)} категорий. Сформируйте отчёт заново.")


def _place(page: Page, drawings: Sequence[Drawing], left: float, top: float, width: float) -> float:
    """Drawings side by side across ``width`` from ``top`` down; returns the new top."""
    x = left
    height = max(d.height for d in drawings)
    for d in drawings:
        page.drawings.append((x, top - d.height, d))
        page.box(x, top - d.height, d.width, d.height, 0.3)
        x += d.width + GAP
    return top - height - 3 * mm


def layout(doc: IndicatorsReportDoc) -> list[Page]:
    check(doc)
    sheet = Sheet(top=10 * mm, bottom=10 * mm)
    month = for_month(doc.year, doc.month)
    letterhead(sheet, doc.provider)
    sheet.title("ОТЧЁТ", f"о показателях организации за {month}", size=11.5, after=2)
    sheet.para(f"по данным на {format_date(doc.as_of)} (последняя синхронизация с порталом)",
               size=8.5, align=CENTER, after=4)
    rows = [tuple(_printable(cell) for cell in row) for row in doc.table if not row[0].startswith(SKIPPED)]
    sheet.table(HEADER, rows, [5.2, 1.3, 1.0, 1.5, 1.0], aligns=[LEFT, RIGHT, RIGHT, RIGHT, RIGHT], size=7.5,
                pad=1.4)
    sheet.space(3 * mm)
    half = (sheet.width - GAP) / 2
    charts = list(doc.charts)
    top = sheet.y
    if charts:
        top = _place(sheet.page, [chart_drawing(charts[0], sheet.width, CHART_H - 6 * mm)], sheet.left, top,
                     sheet.width)
    rest = charts[1:]
    for i in range(0, len(rest), 2):
        pair = [chart_drawing(spec, half) for spec in rest[i:i + 2]]
        top = _place(sheet.page, pair, sheet.left, top, sheet.width)
    sheet.y = top - 2 * mm
    sheet.ensure(14 * mm)
    sheet.signature(head_role(doc.provider), head_short_name(doc.provider.head_name), dated=None)
    sheet.page.text(sheet.left, sheet.y - 2 * mm, "М. П.", size=9)
    sheet.page.text(sheet.right, sheet.y - 2 * mm, f"Сформирован {format_date(doc.printed_on)}", SANS, 7,
                    RIGHT)
    return sheet.pages


__all__ = ["chart_drawing", "check", "layout"]
