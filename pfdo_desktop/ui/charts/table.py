"""Every chart has its table: ``ChartWithTable`` puts the figures of the chart beside it.

The table lists a row per category and a column per series (a stacked chart adds «Всего»);
``ValueRole`` gives the figure itself (a number stays a number for an export). Hovering a bar
selects its row; choosing a row shades its category in the chart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .data import NO_FIGURE, ChartData, ChartKind
from .widgets import ChartWidget

Index = QModelIndex | QPersistentModelIndex
ValueRole = Qt.ItemDataRole.UserRole + 1


class ChartTableModel(QAbstractTableModel):
    """The figures of a chart: category, then a column per series (and the total of a stacked one)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._data = ChartData()
        self._with_total = False

    def set_data(self, data: ChartData, with_total: bool = False) -> None:
        self.beginResetModel()
        self._data = data
        self._with_total = with_total and len(data.series) > 1
        self.endResetModel()

    def chart_data(self) -> ChartData:
        return self._data

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._data.categories)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid():
            return 0
        return 1 + len(self._data.series) + (1 if self._with_total else 0)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self._data.category_title or QCoreApplication.translate("Charts", "Категория")
        if 1 <= section <= len(self._data.series):
            return self._data.series[section - 1].name or self._data.value_title
        if self._with_total and section == len(self._data.series) + 1:
            return QCoreApplication.translate("Charts", "Всего")
        return None

    def _figure(self, row: int, column: int) -> Any:
        if column <= len(self._data.series):
            return self._data.value(row, column - 1)
        return self._data.total(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._data.categories):
            return None
        row, column = index.row(), index.column()
        if not 0 <= column < self.columnCount():
            return None
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ValueRole):
                return self._data.categories[row]
            return None
        figure = self._figure(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._data.format_value(figure) if figure is not None else NO_FIGURE
        if role == ValueRole:
            return figure
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ChartWithTable(QWidget):
    """A chart and the table of its figures side by side in a splitter; «Таблица» hides or shows
    the table."""

    def __init__(self, chart: ChartWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.model = ChartTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self.on_table_current_changed)
        self.chart.hovered.connect(self.on_chart_hovered)

        self.table_button = QToolButton()
        self.table_button.setText(self.tr("Таблица"))
        self.table_button.setToolTip(self.tr("Показать или скрыть таблицу с цифрами графика"))
        self.table_button.setCheckable(True)
        self.table_button.setChecked(True)
        self.table_button.toggled.connect(self.on_table_button_toggled)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.table_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._fit_pending = True
        self.set_data(chart.chart_data())

    def set_data(self, data: ChartData) -> None:
        self.chart.set_data(data)
        self.model.set_data(data, with_total=self.chart.kind is ChartKind.STACKED_BARS)
        self.table.resizeColumnsToContents()
        self._fit_table()

    def table_width(self) -> int:
        """The width that shows every column of the table without a horizontal scroll bar."""
        header = self.table.horizontalHeader()
        columns = sum(header.sectionSize(c) for c in range(self.model.columnCount()))
        return columns + 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()

    def _fit_table(self) -> None:
        """Give the table its columns' width, but never more than 45 % of the panel."""
        total = sum(self.splitter.sizes())
        if total <= 0 or not self.isVisible() or not self.table.isVisibleTo(self):
            self._fit_pending = True  # when shown; a width the operator dragged is kept after that
            return
        self._fit_pending = False
        table = min(self.table_width(), round(total * 0.45))
        self.splitter.setSizes([total - table, table])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._fit_pending:
            self._fit_table()

    def chart_data(self) -> ChartData:
        return self.chart.chart_data()

    @Slot(bool)
    def on_table_button_toggled(self, shown: bool) -> None:
        self.table.setVisible(shown)
        if shown:
            self._fit_table()

    @Slot(int, int)
    def on_chart_hovered(self, category: int, _series: int) -> None:
        if category < 0 or not self.table.isVisible():
            return
        index = self.model.index(category, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    @Slot(QModelIndex, QModelIndex)
    def on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.chart.set_highlight(current.row() if current.isValid() else None)
