"""«Показатели» (Ctrl+6, issue 13): the provider's figures for a month and the year so far, «по данным
на» the last sync, the five charts with their tables — painted from the same figures the workspace
computes — and the export of every table to XLSX."""

from __future__ import annotations

from datetime import date

import openpyxl
from PySide6.QtCore import QDate, Qt
from ui_helpers import settle

from pfdo_desktop.ui.charts import BarChart, HorizontalBarChart, LineChart, StackedBarChart

TODAY = date.today()
LAST = (TODAY.year - 1, 12) if TODAY.month == 1 else (TODAY.year, TODAY.month - 1)
SINCE_SEPTEMBER = (LAST[1] - 9) % 12 + 1  # the academic year so far


def open_tab(qtbot, window, month=LAST):
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.indicators_tab
    panel = window.indicators_panel
    panel.month_edit.setDate(QDate(month[0], month[1], 1))
    settle(qtbot)
    qtbot.waitUntil(lambda: panel.figures is not None and panel.figures.month == month, timeout=20000)
    settle(qtbot)
    return panel


def test_the_tab_shows_the_month_and_the_year_and_five_charts_drawn_from_them(qtbot, main_window):
    window = main_window
    panel = open_tab(qtbot, window)
    figures = window.workspace.provider_indicators(LAST)
    table = [[panel.table.item(r, c).text() for c in range(5)] for r in range(panel.table.rowCount())]
    assert table == [list(row) for row in figures.table()]
    assert panel.as_of.text().startswith("по данным на ")
    assert [type(c.chart) for c in panel.charts] == [StackedBarChart, BarChart, LineChart, BarChart,
                                                     HorizontalBarChart]
    # completeness per group: every group's bar as tall as its k (100 % fills the scale to 100)
    completeness = panel.charts[1].chart
    bars = completeness.bar_rects()
    assert len(bars) == len(figures.completeness) > 0
    plot = completeness.chart_layout().plot
    for (_category, _series, rect), (_name, k) in zip(bars, figures.completeness, strict=True):
        assert abs(rect.height() / plot.height() - float(k) / 100) < 0.02
    # children on 1 / 2 / 3+ programmes: the bars keep the figures' proportions
    c = figures.month_figures.certificates
    heights = [rect.height() for _c, _s, rect in panel.charts[3].chart.bar_rects()]
    assert abs(heights[1] / heights[0] - c.on_2 / c.on_1) < 0.02
    # children enrolled by month: a point per month, its table beside the chart
    line = panel.charts[2]
    assert len(line.chart.points()) == SINCE_SEPTEMBER
    assert line.model.rowCount() == SINCE_SEPTEMBER


def test_the_tables_go_to_excel_with_numbers_as_numbers(qtbot, main_window, tmp_path):
    window = main_window
    panel = open_tab(qtbot, window)
    out = tmp_path / "показатели.xlsx"
    panel.export_to(out)
    qtbot.waitUntil(lambda: "Сохранено" in panel.status.text(), timeout=20000)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Показатели", "Деньги по месяцам", "Посещаемость", "По направлениям",
                               "Обучающиеся по месяцам"]
    figures = window.workspace.provider_indicators(LAST)
    main = list(book["Показатели"].iter_rows(values_only=True))
    header = main.index(("Показатель", "За месяц", "Доля за месяц, %", "С начала года",
                         "Доля с начала года, %"))
    rows = {r[0]: r for r in main[header + 1:]}
    c = figures.month_figures.certificates
    assert rows["Используются (доля от выданных)"][1:3] == (c.used, float(c.used_share))
    assert book["Показатели"].freeze_panes == f"A{header + 2}"
    money = list(book["Деньги по месяцам"].iter_rows(values_only=True))
    start = next(i for i, r in enumerate(money) if r[0] == "Месяц") + 1
    assert len(money) - start == SINCE_SEPTEMBER
    assert all(isinstance(v, (int, float)) for r in money[start:] for v in r[1:6])
