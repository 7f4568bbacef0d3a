"""Charts drawn with QPainter for «Показатели» (issue 13): bars, stacked bars, a line, horizontal
bars; each with its table beside it (``ChartWithTable``), and the same drawing for print
(``draw_chart`` into any painter, ``render_to_image`` / ``chart_image``).

    chart = StackedBarChart()
    chart.set_data(ChartData(categories=("Сентябрь", "Октябрь"), title="Деньги по месяцам",
                             series=(Series("Аванс", [Decimal("1000"), Decimal("1200")]), ...),
                             format_value=money_format, value_title="₽"))
"""

from .data import (
    NO_FIGURE,
    ChartData,
    ChartKind,
    Formatter,
    Number,
    Series,
    format_number,
    money_format,
    nice_ticks,
    number_format,
    percent_format,
)
from .layout import BarGeometry, CategoryLabel, ChartLayout, PointGeometry, Tick, layout_chart
from .paint import SERIES_STYLES, SeriesStyle, chart_image, draw_chart, paint_layout, series_style
from .table import ChartTableModel, ChartWithTable, ValueRole
from .widgets import (
    BarChart,
    ChartWidget,
    HorizontalBarChart,
    LineChart,
    StackedBarChart,
    render_to_image,
    tooltip_text,
)

__all__ = [
    "NO_FIGURE", "SERIES_STYLES", "BarChart", "BarGeometry", "CategoryLabel", "ChartData", "ChartKind",
    "ChartLayout", "ChartTableModel", "ChartWidget", "ChartWithTable", "Formatter", "HorizontalBarChart",
    "LineChart", "Number", "PointGeometry", "Series", "SeriesStyle", "StackedBarChart", "Tick", "ValueRole",
    "chart_image", "draw_chart", "format_number", "layout_chart", "money_format", "nice_ticks",
    "number_format", "paint_layout", "percent_format", "render_to_image", "series_style", "tooltip_text",
]
