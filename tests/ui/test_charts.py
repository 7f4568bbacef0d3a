"""The chart widgets (issue 13): the painted geometry against the data, hover, the empty chart,
the table beside each chart, print rendering; screenshots in /tmp/charts (looked at by a person,
also in grayscale)."""

from __future__ import annotations

import statistics
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QHelpEvent, QImage, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QToolTip

from pfdo_desktop.domain.money import NARROW_NBSP
from pfdo_desktop.ui.charts import (
    BarChart,
    ChartData,
    ChartKind,
    ChartWithTable,
    HorizontalBarChart,
    LineChart,
    Series,
    StackedBarChart,
    ValueRole,
    chart_image,
    draw_chart,
    format_number,
    money_format,
    nice_ticks,
    percent_format,
    render_to_image,
    series_style,
)

SHOTS = Path("/tmp/charts")
NB = NARROW_NBSP
MONTHS = ("Сентябрь 2026", "Октябрь 2026", "Ноябрь 2026", "Декабрь 2026", "Январь 2027", "Февраль 2027",
          "Март 2027", "Апрель 2027", "Май 2027")
GROUPS = ("Робототехника, гр. 1", "Робототехника, гр. 2", "Шахматы для начинающих",
          "Хореография (старшая группа)", "Английский язык, 5–7 лет", "Юный художник")
DIRECTIONS = ("Техническая", "Естественнонаучная", "Физкультурно-спортивная", "Художественная",
              "Туристско-краеведческая", "Социально-гуманитарная (в том числе программы подготовки к школе)")


def completeness() -> ChartData:
    return ChartData(
        categories=GROUPS, title="Заполненность групп", value_title="%", category_title="Группа",
        series=(Series("Заполненность", [Decimal("92.5"), Decimal("87.0"), Decimal("100.0"), Decimal("64.3"),
                                         Decimal("78.9"), None]),),
        format_value=percent_format(1), value_max=100)


def programmes_per_child() -> ChartData:
    return ChartData(categories=("1 программа", "2 программы", "3 и более"), title="Дети по числу программ",
                     series=(Series("Детей", [214, 57, 12]),), value_title="детей", category_title="Программ")


def money() -> ChartData:
    d = Decimal
    return ChartData(
        categories=MONTHS, title="Деньги по месяцам", value_title="₽", category_title="Месяц",
        format_value=money_format,
        series=(
            Series("Аванс", [d(120000), d("118500.50"), d(121000), d(95000), d(60000), d(119000), d(125000),
                             d(124000), d(90000)]),
            Series("Выставлено по счёту", [d(40000), d(38000), d("45000.25"), d(30000), d(20000), d(41000),
                                           d(43000), d(42000), d(30000)]),
            Series("Оплачено", [d(150000), d(140000), d(160000), d(120000), d(75000), d(155000), d(160000),
                                d(0), None]),
        ))


def enrolled() -> ChartData:
    return ChartData(
        categories=MONTHS, title="Зачислено детей по месяцам", value_title="детей", category_title="Месяц",
        series=(Series("Зачислено", [80, 112, 131, 135, 128, 140, 142, 139, 120]),
                Series("По сертификатам ПФ", [60, 90, 101, 105, 100, 109, 111, 110, 95])))


def directions() -> ChartData:
    return ChartData(
        categories=DIRECTIONS, title="Программы и дети по направлениям", category_title="Направление",
        series=(Series("Программы", [12, 5, 9, 17, 3, 11]), Series("Дети", [140, 45, 160, 230, 28, 96])))


SAMPLES = {
    "completeness": (BarChart, completeness),
    "programmes": (BarChart, programmes_per_child),
    "money": (StackedBarChart, money),
    "enrolled": (LineChart, enrolled),
    "directions": (HorizontalBarChart, directions),
}


@pytest.fixture(scope="module")
def chart_font(qapp) -> QFont:
    """The application's font (PT Sans, as ``install_fonts`` registers it), set on each chart only."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    import fontpkg

    for weight in (400, 700):
        QFontDatabase.addApplicationFont(str(fontpkg.path("PT Sans", weight=weight)))
    font = QFont("PT Sans")
    font.setPointSizeF(10)
    return font


@pytest.fixture
def make_chart(qtbot, chart_font):
    def make(cls, data: ChartData, size: QSize | None = None):
        chart = cls(data)
        chart.setFont(chart_font)
        qtbot.addWidget(chart)
        chart.resize(size if size is not None else QSize(640, 400))
        chart.show()
        qtbot.waitExposed(chart)
        return chart

    return make


def close(a: float, b: float, tolerance: float = 0.6) -> bool:
    return abs(a - b) <= tolerance


# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (Decimal("1234.5"), None, f"1{NB}234,5"),
    (1234567, None, f"1{NB}234{NB}567"),
    (-1234567, None, f"-1{NB}234{NB}567"),
    (Decimal("12.50"), None, "12,50"),
    (0, None, "0"),
    (999, None, "999"),
    (2.25, 1, "2,3"),  # half up, from the float's shortest repr
    (0.1 + 0.2, None, "0,3"),
    (Decimal("0.05"), 1, "0,1"),
    (Decimal("-0.04"), 1, "0,0"),
    (Decimal("4E+5"), None, f"400{NB}000"),
    (None, None, "—"),
])
def test_numbers_read_the_russian_way(value, decimals, text):
    assert format_number(value, decimals) == text


def test_formatters():
    assert percent_format()(Decimal("87.45")) == "87,5\u00a0%"
    assert percent_format()(100) == "100,0\u00a0%"
    assert money_format(Decimal("1234.5")) == f"1{NB}234,50 ₽"
    assert money_format(120000) == f"120{NB}000,00 ₽"


@pytest.mark.parametrize(("low", "high", "integral", "ticks"), [
    (0, 142, False, [0, 50, 100, 150]),
    (0, 330000, False, [0, 100000, 200000, 300000, 400000]),
    (0, 3, True, [0, 1, 2, 3]),
    (0, Decimal("0.7"), False, ["0", "0.2", "0.4", "0.6", "0.8"]),
    (-25, 80, False, [-25, 0, 25, 50, 75, 100]),
    (0, 100, False, [0, 20, 40, 60, 80, 100]),
    (0, 0, True, [0, 1]),
])
def test_nice_ticks(low, high, integral, ticks):
    assert nice_ticks(low, high, 5, integral) == [Decimal(t) for t in ticks]


@given(st.decimals(min_value=-10**7, max_value=10**7, places=2),
       st.decimals(min_value=-10**7, max_value=10**7, places=2),
       st.integers(min_value=2, max_value=8), st.booleans())
def test_nice_ticks_cover_the_range_in_round_equal_steps(a, b, target, integral):
    low, high = min(a, b, Decimal(0)), max(a, b, Decimal(0))
    ticks = nice_ticks(low, high, target, integral)
    assert ticks[0] <= low and ticks[-1] >= high
    assert Decimal(0) in ticks  # the bars stand on a tick
    steps = {y - x for x, y in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    step = steps.pop()
    assert (step / Decimal(10) ** step.adjusted()).normalize() in {1, 2, Decimal("2.5"), 5}
    if integral:
        assert step == step.to_integral_value()
    assert len(ticks) <= 2 * target + 3


def test_series_must_match_the_categories():
    with pytest.raises(ValueError, match="2 figures for 3 categories"):
        ChartData(categories=("a", "b", "c"), series=(Series("s", [1, 2]),))


# --- geometry ------------------------------------------------------------------------------------


def test_bar_heights_are_proportional_to_the_figures(make_chart):
    data = ChartData(categories=("один", "два", "три", "четыре"), series=(Series("Детей", [10, 20, 40, 0]),))
    chart = make_chart(BarChart, data)
    bars = chart.bar_rects()
    assert [(c, s) for c, s, _ in bars] == [("один", "Детей"), ("два", "Детей"), ("три", "Детей"),
                                            ("четыре", "Детей")]
    rects = [r for _, _, r in bars]
    layout = chart.chart_layout()
    for rect in rects:
        assert close(rect.bottom(), layout.zero)  # every bar stands on zero
        assert layout.plot.contains(rect.center())
    per_unit = rects[0].height() / 10
    assert per_unit > 2
    for rect, value in zip(rects, (10, 20, 40, 0), strict=True):
        assert close(rect.height(), value * per_unit)
    assert [r.center().x() for r in rects] == sorted(r.center().x() for r in rects)
    assert len({round(r.width(), 3) for r in rects}) == 1
    # the axis reaches a round number at or above the tallest bar
    assert layout.ticks[-1].value == 40 and close(layout.ticks[-1].position, rects[2].top())
    assert [t.label for t in layout.ticks] == ["0", "10", "20", "30", "40"]


def test_grouped_bars_keep_the_series_order_within_a_category(make_chart):
    data = ChartData(categories=("А", "Б"), series=(Series("x", [3, 1]), Series("y", [1, 3])))
    chart = make_chart(BarChart, data)
    bars = chart.bar_rects()
    assert [(c, s) for c, s, _ in bars] == [("А", "x"), ("А", "y"), ("Б", "x"), ("Б", "y")]
    a_x, a_y, b_x, b_y = (r for _, _, r in bars)
    assert a_x.right() <= a_y.left() < b_x.left() and b_x.right() <= b_y.left()
    assert close(a_x.height(), 3 * a_y.height()) and close(b_y.height(), 3 * b_x.height())
    assert close(a_x.height(), b_y.height())


def test_a_negative_figure_hangs_below_zero(make_chart):
    chart = make_chart(BarChart, ChartData(categories=("a", "b"), series=(Series("s", [-20, 60]),)))
    (_, _, down), (_, _, up) = chart.bar_rects()
    zero = chart.chart_layout().zero
    assert close(down.top(), zero) and close(up.bottom(), zero)
    assert close(up.height(), 3 * down.height())
    assert any(t.value < 0 for t in chart.chart_layout().ticks)


def test_stacked_segments_sum_to_the_total_bar(make_chart):
    data = money()
    chart = make_chart(StackedBarChart, data, QSize(800, 450))
    layout = chart.chart_layout()
    by_category: dict[int, list] = {}
    for bar in layout.bars:
        by_category.setdefault(bar.category, []).append(bar)
    assert sorted(by_category) == list(range(len(MONTHS)))
    per_rouble = None
    for c, segments in by_category.items():
        assert [b.series for b in segments] == sorted(b.series for b in segments)  # advance at the foot
        assert close(segments[0].rect.bottom(), layout.zero)
        for lower, upper in zip(segments, segments[1:], strict=False):
            assert close(lower.rect.top(), upper.rect.bottom())  # one on another, no gap
            assert close(lower.rect.left(), upper.rect.left())
            assert close(lower.rect.width(), upper.rect.width())
        height = segments[0].rect.bottom() - segments[-1].rect.top()
        total = data.total(c)
        assert total == sum(data.value(c, s) or 0 for s in range(3))
        assert close(sum(b.rect.height() for b in segments), height)
        if per_rouble is None:
            per_rouble = height / float(total)
        assert close(height, float(total) * per_rouble, 1.0)
        for bar in segments:
            assert close(bar.rect.height(), float(bar.value) * per_rouble, 1.0)
    # May has no «Оплачено» figure: two segments; April's is 0: a segment of no height
    assert len(by_category[8]) == 2 and len(by_category[7]) == 3 and close(by_category[7][2].rect.height(), 0)


def test_line_points_follow_the_figures(make_chart):
    data = ChartData(categories=MONTHS[:6], series=(Series("Зачислено", [10, 20, 30, 30, None, 5]),))
    chart = make_chart(LineChart, data)
    points = chart.points()
    assert [c for c, _, _ in points] == [MONTHS[0], MONTHS[1], MONTHS[2], MONTHS[3], MONTHS[5]]
    xs = [p.x() for _, _, p in points]
    ys = [p.y() for _, _, p in points]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert ys[0] > ys[1] > ys[2]  # rising figures go up the screen
    assert close(ys[2], ys[3])
    assert ys[4] > ys[0]
    layout = chart.chart_layout()
    assert close((ys[0] - ys[1]), (ys[1] - ys[2]))  # equal steps for equal differences
    assert close(layout.zero - ys[0], ys[0] - ys[1])  # 10 above zero as 20 is above 10
    for (_, _, point), band in zip(points, [layout.bands[i] for i in (0, 1, 2, 3, 5)], strict=True):
        assert close(point.x(), band.center().x())


def test_two_lines_are_ordered_by_their_figures(make_chart):
    chart = make_chart(LineChart, enrolled())
    points = chart.points()
    first = [p for _, s, p in points if s == "Зачислено"]
    second = [p for _, s, p in points if s == "По сертификатам ПФ"]
    assert len(first) == len(second) == len(MONTHS)
    assert all(a.y() < b.y() for a, b in zip(first, second, strict=True))


def test_horizontal_bar_lengths_and_long_names(make_chart):
    data = ChartData(categories=DIRECTIONS, series=(Series("Программы", [12, 5, 9, 17, 3, 11]),))
    chart = make_chart(HorizontalBarChart, data, QSize(560, 360))
    bars = chart.bar_rects()
    assert [c for c, _, _ in bars] == list(DIRECTIONS)
    rects = [r for _, _, r in bars]
    layout = chart.chart_layout()
    assert all(close(r.left(), layout.zero) for r in rects)
    per_unit = rects[0].width() / 12
    for rect, value in zip(rects, (12, 5, 9, 17, 3, 11), strict=True):
        assert close(rect.width(), value * per_unit)
    assert [r.top() for r in rects] == sorted(r.top() for r in rects)  # in the given order, top down
    # the long name is cut with «…» and left of the bars; its tooltip says it whole
    long_label = layout.labels[-1]
    assert long_label.elided and long_label.lines[-1].endswith("…")
    assert long_label.rect.right() < layout.plot.left()
    assert chart.tooltip_at(long_label.rect.center()) == DIRECTIONS[-1]
    short = layout.labels[0]
    assert not short.elided and short.lines == ("Техническая",)
    assert chart.tooltip_at(short.rect.center()) is None


def test_figures_are_written_on_the_bars_where_they_fit(make_chart):
    chart = make_chart(BarChart, completeness(), QSize(700, 400))
    labels = chart.chart_layout().value_labels
    assert [v.text for v in labels] == ["92,5\u00a0%", "87,0\u00a0%", "100,0\u00a0%", "64,3\u00a0%",
                                        "78,9\u00a0%", "—"]  # «Юный художник» has no figure
    bars = chart.chart_layout().bars
    assert close(labels[-1].rect.bottom(), chart.chart_layout().zero, 1.5)
    for label, bar in zip(labels, bars, strict=False):
        assert label.rect.bottom() <= bar.rect.top() and close(label.rect.center().x(), bar.rect.center().x())
    assert all(not a.rect.intersects(b.rect) for a, b in zip(labels, labels[1:], strict=False))
    # a percent axis ends at 100
    assert chart.chart_layout().ticks[-1].value == 100


@pytest.mark.parametrize("name", list(SAMPLES))
@pytest.mark.parametrize("size", [QSize(320, 200), QSize(640, 400), QSize(1200, 700)])
def test_nothing_overlaps_or_leaves_the_chart(make_chart, name, size):
    cls, data = SAMPLES[name]
    chart = make_chart(cls, data(), size)
    layout = chart.chart_layout()
    inside = QRectF(chart.rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    for label in layout.labels:
        assert inside.contains(label.rect), label.text
    fm = QFontMetricsF(layout.font, chart)
    for label in layout.labels:
        assert all(fm.horizontalAdvance(line) <= label.rect.width() + 0.5 for line in label.lines), label
    for a, b in zip(layout.labels, layout.labels[1:], strict=False):
        if layout.vertical:
            assert a.rect.right() <= b.rect.left() + 0.5, (a.text, b.text)
        else:
            assert a.rect.bottom() <= b.rect.top() + 0.5, (a.text, b.text)
    for label in layout.value_labels:
        assert inside.contains(label.rect)
    if layout.vertical:
        spacing = [b.position - a.position for a, b in zip(layout.ticks[1:], layout.ticks, strict=False)]
        assert min(spacing) >= layout.em  # tick labels never touch
    for item in layout.legend:
        assert inside.contains(item.text_rect)
    plot = layout.plot.adjusted(-1, -1, 1, 1)
    for bar in layout.bars:  # (a bar of 0 has no area: its corners)
        assert plot.contains(bar.rect.topLeft()) and plot.contains(bar.rect.bottomRight())


# --- hover ---------------------------------------------------------------------------------------


def _help_event(qtbot, chart, pos: QPoint) -> str:
    """What a person resting the pointer at ``pos`` reads in the tooltip ("" when none opens)."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, chart.mapToGlobal(pos))
    QApplication.sendEvent(chart, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_hover_names_the_bar_and_its_exact_figure(qtbot, make_chart):
    chart = make_chart(StackedBarChart, money(), QSize(800, 450))
    layout = chart.chart_layout()
    bar = next(b for b in layout.bars if (b.category, b.series) == (1, 0))  # October's advance
    centre = bar.rect.center().toPoint()
    with qtbot.waitSignal(chart.hovered, check_params_cb=lambda c, s: (c, s) == (1, 0)):
        qtbot.mouseMove(chart, centre)
    assert chart.hover == (1, 0)
    expected = f"Октябрь 2026\nАванс: 118{NB}500,50 ₽\nВсего: 296{NB}500,50 ₽"
    assert chart.tooltip_at(centre) == expected
    assert _help_event(qtbot, chart, centre) == expected
    shot = chart.grab().toImage()
    shot.save(str(SHOTS / "money-hover.png"))
    # the hovered segment is painted lighter than its neighbour of the same series
    other = next(b for b in layout.bars if (b.category, b.series) == (0, 0))
    lighter = shot.pixelColor(centre).lightness()
    assert lighter > shot.pixelColor(other.rect.center().toPoint()).lightness()
    # off the bars: no tooltip, no hover
    corner = QPoint(2, chart.height() - 2)
    with qtbot.waitSignal(chart.hovered, check_params_cb=lambda c, s: (c, s) == (-1, -1)):
        qtbot.mouseMove(chart, corner)
    assert chart.hover is None and chart.tooltip_at(corner) is None
    assert _help_event(qtbot, chart, corner) == ""


def test_hover_on_a_low_bar_answers_over_its_whole_column(qtbot, make_chart):
    chart = make_chart(BarChart, programmes_per_child())
    layout = chart.chart_layout()
    low = layout.bars[2]  # 12 children, a short bar: its column above answers too
    above = QPoint(round(low.rect.center().x()), round(layout.plot.top() + 5))
    assert chart.tooltip_at(above) == "3 и более\nДетей: 12"
    assert _help_event(qtbot, chart, low.rect.center().toPoint()) == "3 и более\nДетей: 12"


def test_hover_on_a_line_takes_the_nearest_point(qtbot, make_chart):
    chart = make_chart(LineChart, enrolled())
    layout = chart.chart_layout()
    point = next(p for p in layout.points if (p.category, p.series) == (3, 1))
    qtbot.mouseMove(chart, point.point.toPoint())
    qtbot.waitUntil(lambda: chart.hover == (3, 1))
    assert _help_event(qtbot, chart, point.point.toPoint()) == "Декабрь 2026\nПо сертификатам ПФ: 105"
    chart.grab().save(str(SHOTS / "enrolled-hover.png"))


def test_hover_on_a_horizontal_bar(qtbot, make_chart):
    chart = make_chart(HorizontalBarChart, directions(), QSize(640, 480))
    bar = next(b for b in chart.chart_layout().bars if (b.category, b.series) == (3, 1))
    qtbot.mouseMove(chart, bar.rect.center().toPoint())
    qtbot.waitUntil(lambda: chart.hover == (3, 1))
    assert _help_event(qtbot, chart, bar.rect.center().toPoint()) == "Художественная\nДети: 230"
    chart.grab().save(str(SHOTS / "directions-hover.png"))


# --- empty -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    ChartData(title="Заполненность групп"),
    ChartData(categories=("a", "b"), series=(Series("s", [None, None]),), title="Заполненность групп"),
])
@pytest.mark.parametrize("cls", [BarChart, StackedBarChart, LineChart, HorizontalBarChart])
def test_no_data_says_so_in_the_middle(make_chart, cls, data):
    chart = make_chart(cls, data)
    layout = chart.chart_layout()
    assert layout.empty and not layout.bars and not layout.points and not layout.ticks
    assert chart.bar_rects() == [] and chart.points() == []
    assert close(layout.message_rect.center().x(), chart.width() / 2, 1)
    assert chart.tooltip_at(QPoint(chart.width() // 2, chart.height() // 2)) is None
    image = render_to_image(chart, chart.size())
    centre = layout.message_rect.center().toPoint()
    base = image.pixelColor(5, chart.height() - 5)
    inked = [(x, y) for x in range(centre.x() - 60, centre.x() + 60)
             for y in range(centre.y() - 10, centre.y() + 10) if image.pixelColor(x, y) != base]
    assert inked, "«Нет данных» is painted in the middle"
    below = [(x, y) for x in range(0, chart.width(), 7) for y in range(centre.y() + 30, chart.height(), 7)
             if image.pixelColor(x, y) != base]
    assert not below, "nothing else is painted"
    image.save(str(SHOTS / f"empty-{cls.__name__}.png"))


def test_set_data_replaces_the_chart(make_chart):
    chart = make_chart(BarChart, ChartData())
    assert chart.chart_layout().empty
    chart.set_data(programmes_per_child())
    assert len(chart.bar_rects()) == 3 and chart.accessibleName() == "Дети по числу программ"
    assert chart.sizeHint().width() > chart.minimumSizeHint().width() > 0


# --- the table beside ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(SAMPLES))
def test_every_chart_has_its_table_with_the_same_figures(qtbot, qtmodeltester, chart_font, name):
    cls, make_data = SAMPLES[name]
    data = make_data()
    chart = cls()
    chart.setFont(chart_font)
    panel = ChartWithTable(chart)
    panel.set_data(data)
    qtbot.addWidget(panel)
    panel.resize(1000, 420)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.model
    qtmodeltester.check(model)
    stacked = cls is StackedBarChart
    assert model.rowCount() == len(data.categories)
    assert model.columnCount() == 1 + len(data.series) + (1 if stacked else 0)
    assert model.headerData(0, Qt.Orientation.Horizontal) == data.category_title
    assert [model.headerData(1 + s, Qt.Orientation.Horizontal) for s in range(len(data.series))] == [
        s.name for s in data.series]
    for row, category in enumerate(data.categories):
        assert model.index(row, 0).data() == category
        for s, series in enumerate(data.series):
            index = model.index(row, 1 + s)
            value = series.values[row]
            assert index.data(ValueRole) == value
            assert index.data() == (data.format_value(value) if value is not None else "—")
        if stacked:
            total = model.index(row, len(data.series) + 1)
            assert total.data(ValueRole) == data.total(row)
    # the chart beside shows the same figures: one bar (or point) per figure
    figures = sum(v is not None for s in data.series for v in s.values)
    painted = chart.chart_layout()
    assert len(painted.points if cls is LineChart else painted.bars) == figures
    panel.grab().save(str(SHOTS / f"{name}-with-table.png"))


def test_the_table_and_the_chart_point_at_each_other(qtbot, chart_font):
    chart = BarChart()
    chart.setFont(chart_font)
    panel = ChartWithTable(chart)
    panel.set_data(completeness())
    qtbot.addWidget(panel)
    panel.resize(1000, 420)
    panel.show()
    qtbot.waitExposed(panel)
    bar = chart.chart_layout().bars[3]
    qtbot.mouseMove(chart, bar.rect.center().toPoint())
    qtbot.waitUntil(lambda: panel.table.currentIndex().row() == 3)
    assert chart.highlight == 3  # the chosen row shades its category
    panel.table.selectRow(1)
    assert chart.highlight == 1
    assert panel.table.isVisible()
    panel.table_button.click()
    assert not panel.table.isVisible() and not panel.table_button.isChecked()
    panel.table_button.click()
    assert panel.table.isVisible()


# --- print and pictures ----------------------------------------------------------------------------


def test_the_same_chart_at_print_resolution_scales_with_it(chart_font):
    data = money()
    screen = QImage(QSize(640, 400), QImage.Format.Format_ARGB32_Premultiplied)
    screen.setDotsPerMeterX(round(96 / 0.0254))
    screen.setDotsPerMeterY(round(96 / 0.0254))
    factor = 300 / 96
    page = QImage(QSize(round(640 * factor), round(400 * factor)), QImage.Format.Format_ARGB32_Premultiplied)
    page.setDotsPerMeterX(round(300 / 0.0254))
    page.setDotsPerMeterY(round(300 / 0.0254))
    layouts = []
    for image in (screen, page):
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        layouts.append(draw_chart(painter, QRectF(image.rect()), ChartKind.STACKED_BARS, data, chart_font))
        painter.end()
    small, large = layouts
    assert len(small.bars) == len(large.bars)
    for a, b in zip(small.bars, large.bars, strict=True):
        assert abs(b.rect.height() - a.rect.height() * factor) <= 0.04 * b.rect.height() + 3
        assert abs(b.rect.center().x() - a.rect.center().x() * factor) <= 0.03 * page.width()
    page.save(str(SHOTS / "money-300dpi.png"))


def test_a_chart_draws_onto_a_pdf_page(tmp_path, chart_font):
    out = tmp_path / "chart.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    painter = QPainter(writer)
    page = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
    top = QRectF(0, 0, page.width(), page.height() / 2)
    layout = draw_chart(painter, top, ChartKind.HORIZONTAL_BARS, directions(), chart_font)
    painter.end()
    assert out.read_bytes().startswith(b"%PDF") and len(layout.bars) == 12
    assert layout.em > 30  # the font at 300 dpi, not at screen pixels


def _gray_stats(image: QImage, rect: QRectF) -> tuple[float, float]:
    r = rect.adjusted(2, 2, -2, -2)
    values = [image.pixelColor(x, y).value()
              for x in range(int(r.left()), int(r.right())) for y in range(int(r.top()), int(r.bottom()))]
    return statistics.mean(values), statistics.pstdev(values)


def test_series_are_told_apart_in_grayscale(make_chart):
    data = ChartData(categories=("a",), series=tuple(Series(f"s{i}", [10]) for i in range(4)))
    chart = make_chart(BarChart, data, QSize(700, 400))
    gray = render_to_image(chart, chart.size()).convertToFormat(QImage.Format.Format_Grayscale8)
    stats = [_gray_stats(gray, b.rect) for b in chart.chart_layout().bars]
    for i, (mean_a, texture_a) in enumerate(stats):
        for mean_b, texture_b in stats[i + 1:]:
            assert abs(mean_a - mean_b) >= 12 or abs(texture_a - texture_b) >= 12, stats
    styles = [series_style(i) for i in range(8)]
    assert len({s.pattern for s in styles}) == 8 and len({s.color for s in styles}) == 8


@pytest.mark.parametrize("name", list(SAMPLES))
def test_screenshots(make_chart, chart_font, name):
    """Each chart as a person sees it (and as a grayscale print): /tmp/charts/<name>.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    cls, data = SAMPLES[name]
    chart = make_chart(cls, data())
    chart.resize(chart.sizeHint())
    image = render_to_image(chart, chart.sizeHint())
    assert image.save(str(SHOTS / f"{name}.png"))
    assert image.convertToFormat(QImage.Format.Format_Grayscale8).save(str(SHOTS / f"{name}-gray.png"))
    small = chart_image(cls.kind, data(), QSize(330, 210), chart_font)
    assert small.save(str(SHOTS / f"{name}-small.png"))
    assert not chart.grab().toImage().isNull()
