"""«Показатели» (Ctrl+6, issue 13): the provider's own figures for a chosen month and the year so far,
«по данным на» the last sync, and the pictures a person reads at a glance — money by month
(stacked), completeness per group, children enrolled by month (a line), children on 1 / 2 / 3+
programmes, programmes and children by direction — each with its table beside it (the charts are
QPainter widgets, ``ui/charts``). «Экспорт в Excel…» writes every table; «Отчёт для подписи…»
prints the one-page report (the same charts, drawn by ReportLab).

The figures are read off the UI thread (``Workspace.provider_indicators``); what the charts show is
the workspace's ``indicator_charts`` — the definition the printed report uses too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pfdo_desktop.domain.documents import (
    CHART_BARS,
    CHART_HBARS,
    CHART_LINE,
    CHART_STACKED,
    FORM_INDICATORS,
    ChartSpec,
)
from pfdo_desktop.domain.payment import month_ru
from pfdo_desktop.workspace_types import Changes, ProviderIndicators

from ..charts import (
    BarChart,
    ChartData,
    ChartWidget,
    ChartWithTable,
    Formatter,
    HorizontalBarChart,
    LineChart,
    Series,
    StackedBarChart,
    money_format,
    number_format,
    percent_format,
)
from ..common.domain_words import title as domain_title
from ..common.domain_words import word
from ..common.export import ask_xlsx_path, export_button, run_export, safe_file_name
from ..common.styles import MUTED_STYLE, message_style
from ..printing.job import PrintJob, form_file_name, start_print
from ..tasks import LatestQuery

if TYPE_CHECKING:
    from pfdo_desktop.workspace import Workspace

READS_ON = Changes.MARKS | Changes.GROUPS | Changes.APPLICATIONS | Changes.MONEY | Changes.CHILDREN
_WIDGETS: dict[str, type[ChartWidget]] = {CHART_BARS: BarChart, CHART_STACKED: StackedBarChart,
                                          CHART_LINE: LineChart, CHART_HBARS: HorizontalBarChart}


# The charts' words as ``services.indicators.chart_specs`` says them (the printed report keeps them
# Russian; the screen says them in the UI's language): for pyside6-lupdate.
CHART_WORDS = (
    QT_TRANSLATE_NOOP("ChartTexts", "Деньги по месяцам"),
    QT_TRANSLATE_NOOP("ChartTexts", "Аванс"),
    QT_TRANSLATE_NOOP("ChartTexts", "Оплачено по счёту"),
    QT_TRANSLATE_NOOP("ChartTexts", "Выставлено, не оплачено"),
    QT_TRANSLATE_NOOP("ChartTexts", "Объём услуги"),
    QT_TRANSLATE_NOOP("ChartTexts", "Обучающихся по месяцам"),
    QT_TRANSLATE_NOOP("ChartTexts", "Детей"),
    QT_TRANSLATE_NOOP("ChartTexts", "детей"),
    QT_TRANSLATE_NOOP("ChartTexts", "Дети по числу программ"),
    QT_TRANSLATE_NOOP("ChartTexts", "1 программа"),
    QT_TRANSLATE_NOOP("ChartTexts", "2 программы"),
    QT_TRANSLATE_NOOP("ChartTexts", "3 и более"),
    QT_TRANSLATE_NOOP("ChartTexts", "Программы и дети по направлениям"),
    QT_TRANSLATE_NOOP("ChartTexts", "Программ"),
    QT_TRANSLATE_NOOP("ChartTexts", "янв"),
    QT_TRANSLATE_NOOP("ChartTexts", "фев"),
    QT_TRANSLATE_NOOP("ChartTexts", "мар"),
    QT_TRANSLATE_NOOP("ChartTexts", "апр"),
    QT_TRANSLATE_NOOP("ChartTexts", "май"),
    QT_TRANSLATE_NOOP("ChartTexts", "июн"),
    QT_TRANSLATE_NOOP("ChartTexts", "июл"),
    QT_TRANSLATE_NOOP("ChartTexts", "авг"),
    QT_TRANSLATE_NOOP("ChartTexts", "сен"),
    QT_TRANSLATE_NOOP("ChartTexts", "окт"),
    QT_TRANSLATE_NOOP("ChartTexts", "ноя"),
    QT_TRANSLATE_NOOP("ChartTexts", "дек"),
)
_COMPLETENESS_TITLE = "Объём оказания услуги по группам, "  # + the month («11.2026»)


def chart_word(text: str) -> str:
    """A chart's title, series, unit or fixed category in the UI's language (a group's name, and
    anything else not a chart word, as it is)."""
    if text.startswith(_COMPLETENESS_TITLE):
        month = text[len(_COMPLETENESS_TITLE):]
        return QCoreApplication.translate("ChartTexts", "Объём оказания услуги по группам, %1").replace(
            "%1", month
        )
    return word("Direction", word("ChartTexts", text))


def indicator_title(key: str, title: str) -> str:
    """A line of the main table (``domain.indicators.Indicators.table_values``): the domain's
    Russian ``title`` in Russian; in another language said again from its ``key``."""
    if QLocale().language() == QLocale.Language.Russian:
        return title
    fixed = {
        "children_5_18": QCoreApplication.translate("IndicatorTitles", "Детей 5–18 лет в территории"),
        "certificates.issued": QCoreApplication.translate(
            "IndicatorTitles", "Выдано сертификатов (доля от детей 5–18 лет)"),
        "certificates.pf": QCoreApplication.translate("IndicatorTitles", "из них ПФ"),
        "certificates.accounting": QCoreApplication.translate("IndicatorTitles", "из них учёта"),
        "certificates.nominal_rub": QCoreApplication.translate("IndicatorTitles", "Номинал сертификатов"),
        "certificates.nominal_hours": QCoreApplication.translate(
            "IndicatorTitles", "Номинал сертификатов, ч"),
        "certificates.used": QCoreApplication.translate("IndicatorTitles", "Используются (доля от выданных)"),
        "certificates.on_1": QCoreApplication.translate("IndicatorTitles", "Обучаются на 1 программе"),
        "certificates.on_2": QCoreApplication.translate("IndicatorTitles", "Обучаются на 2 программах"),
        "certificates.on_3_plus": QCoreApplication.translate(
            "IndicatorTitles", "Обучаются на 3 и более программах"),
        "coverage": QCoreApplication.translate(
            "IndicatorTitles", "Охват детей 5–17 лет (доля от детей 5–18 лет)"),
        "places.places": QCoreApplication.translate("IndicatorTitles", "Мест в группах"),
        "places.occupied": QCoreApplication.translate("IndicatorTitles", "Занято мест (наполняемость)"),
    }
    if key in fixed:
        return fixed[key]
    head, _dot, tail = key.partition(".")
    if head == "directions" and tail.endswith(".programmes"):
        return QCoreApplication.translate("IndicatorTitles", "Программ: %1").replace(
            "%1", domain_title("Direction", tail.removesuffix(".programmes")))
    if head == "directions" and tail.endswith(".children"):
        return QCoreApplication.translate("IndicatorTitles", "Детей: %1").replace(
            "%1", domain_title("Direction", tail.removesuffix(".children")))
    if head == "applications":
        return QCoreApplication.translate("IndicatorTitles", "Заявок: %1").replace(
            "%1", domain_title("ApplicationStatus", tail))
    return title


def chart_data(spec: ChartSpec) -> ChartData:
    """A ``ChartSpec`` (the workspace's, shared with the paper) as the screen's chart data, its
    words in the UI's language."""
    fmt: Formatter
    if spec.unit == "₽":
        fmt = money_format
    elif spec.unit == "%":
        fmt = percent_format(spec.decimals)
    else:
        fmt = number_format(spec.decimals)
    series = tuple(Series(chart_word(name), list(values)) for name, values in spec.series)
    categories = tuple(chart_word(c) for c in spec.categories)
    return ChartData(categories=categories, series=series, title=chart_word(spec.title),
                     value_title=chart_word(spec.unit),
                     format_value=fmt, value_max=spec.value_max)


class IndicatorsPanel(QWidget):
    message = Signal(str, bool)  # text, error

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.figures: ProviderIndicators | None = None
        self.query = LatestQuery(self)
        self.print_job: PrintJob | None = None

        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("MM.yyyy")
        today = date.today()
        self.month_edit.setDate(QDate(today.year, today.month, 1))
        self.month_edit.dateChanged.connect(self.reload)
        self.as_of = QLabel()
        self.as_of.setStyleSheet(MUTED_STYLE)
        self.export_button = export_button(self)
        self.export_button.clicked.connect(self.export_xlsx)
        self.report_button = QPushButton(self.tr("Отчёт для подписи…"))
        self.report_button.setToolTip(self.tr("Одна страница: показатели и графики, подпись руководителя"))
        self.report_button.clicked.connect(self.print_report)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Месяц:")))
        top.addWidget(self.month_edit)
        top.addWidget(self.as_of, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.report_button)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Показатель"), self.tr("За месяц"), self.tr("Доля"),
                                              self.tr("С начала года"), self.tr("Доля")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(column,
                                                               QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.charts: list[ChartWithTable] = []
        self.chart_grid = QGridLayout()
        self.chart_grid.setHorizontalSpacing(12)
        self.chart_grid.setVerticalSpacing(12)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.table)
        inner.addLayout(self.chart_grid)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

    # --- reading -------------------------------------------------------------------------------

    @property
    def month(self) -> tuple[int, int]:
        d = self.month_edit.date()
        return d.year(), d.month()

    def show_month_of(self, today: date) -> None:
        """Open on the month of the portal's ``today`` (when the workspace is attached)."""
        self.month_edit.setDate(QDate(today.year, today.month, 1))

    def on_changes(self, changes: Changes, _initiator: object = None) -> None:
        if changes & READS_ON:
            self.reload()

    @Slot()
    def reload(self) -> None:
        workspace, month = self.workspace, self.month
        if workspace is None or not self.isVisible():
            return
        self.status.setText(self.tr("Считаю показатели за %1…").replace("%1", month_ru(month)))
        self.status.setStyleSheet(MUTED_STYLE)

        def read() -> tuple[ProviderIndicators, tuple[ChartSpec, ...]]:
            figures = workspace.provider_indicators(month)
            return figures, workspace.indicator_charts(figures)

        self.query.run(read, self._show, self._failed)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.figures is None or self.figures.month != self.month:
            self.reload()

    def _failed(self, exc: BaseException) -> None:
        self._say(getattr(exc, "message", None) or str(exc), True)

    def _show(self, result: tuple[ProviderIndicators, tuple[ChartSpec, ...]]) -> None:
        figures, specs = result
        self.figures = figures
        self.status.setText("")
        synced = figures.synced_at
        self.as_of.setText(
            self.tr("по данным на %1").replace("%1", synced.astimezone().strftime("%d.%m.%Y %H:%M")) if synced
            else self.tr("портал ещё не синхронизирован: показаны данные этого ПК"))
        rows = figures.table()
        year = {line.key for line in figures.year_figures.table_rows()}
        keys = [line.key for line in figures.month_figures.table_rows() if line.key in year]  # table()'s
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(indicator_title(keys[r], text) if c == 0 else text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(len(rows)))
        self.table.setFixedHeight(height)  # the page scrolls, not the table
        self._show_charts(specs)

    def _show_charts(self, specs: tuple[ChartSpec, ...]) -> None:
        if [type(c.chart) for c in self.charts] != [_WIDGETS[s.kind] for s in specs]:
            for old in self.charts:
                self.chart_grid.removeWidget(old)
                old.deleteLater()
            self.charts = [ChartWithTable(_WIDGETS[spec.kind](chart_data(spec))) for spec in specs]
            for view in self.charts:
                view.setMinimumHeight(300)
            self._arrange(specs)
        else:
            for view, spec in zip(self.charts, specs, strict=True):
                view.set_data(chart_data(spec))

    def _arrange(self, specs: tuple[ChartSpec, ...]) -> None:
        """The wide ones (money by month, the directions) across; the rest two by two."""
        row, column = 0, 0
        for view, spec in zip(self.charts, specs, strict=True):
            wide = spec.kind in (CHART_STACKED, CHART_HBARS)
            if wide:
                if column:
                    row, column = row + 1, 0
                self.chart_grid.addWidget(view, row, 0, 1, 2)
                row += 1
            else:
                self.chart_grid.addWidget(view, row, column)
                row, column = (row, 1) if column == 0 else (row + 1, 0)

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(message_style(error))
        self.message.emit(text, error)

    # --- out ----------------------------------------------------------------------------------

    @Slot()
    def print_report(self) -> None:
        workspace, month = self.workspace, self.month
        if workspace is None:
            return
        self.print_job = start_print(self, workspace, FORM_INDICATORS,
                                     lambda ws: [ws.indicators_report(month)],
                                     form_file_name(FORM_INDICATORS, f"{month[0]:04d}-{month[1]:02d}"),
                                     self._say)

    @Slot()
    def export_xlsx(self) -> None:
        month = self.month
        out = ask_xlsx_path(self, self.tr("Экспорт показателей в Excel"),
                            safe_file_name(self.tr("Показатели"), f"{month[0]:04d}-{month[1]:02d}"))
        if out is not None:
            self.export_to(out)

    def export_to(self, out: Path) -> None:
        workspace, month = self.workspace, self.month
        if workspace is None:
            return
        run_export(self, lambda: workspace.export_indicators(month, out), out,
                   lambda n: self.tr("листов: %1").replace("%1", str(n)), self._say, self.export_button)


__all__ = ["IndicatorsPanel", "chart_data"]
