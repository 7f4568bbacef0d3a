"""The base of the list models: frozen rows in, translated headers, a role for the backing row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1
R = TypeVar("R")


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Subclasses set ``context`` and ``headers`` (QT_TRANSLATE_NOOP in that context) and implement
    ``cell(row, column, role)``. ``data()`` does no I/O; ``RowRole`` returns the backing row."""

    context = ""
    headers: Sequence[object] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def key_of(self, row: R) -> object:
        """What names ``row`` across readings (its id, uid or key): a selection is kept by it."""
        raise NotImplementedError

    def row_of(self, key: object) -> int:
        """The row showing the record named ``key``, or -1."""
        return next((i for i, r in enumerate(self._rows) if self.key_of(r) == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate(self.context, str(self.headers[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row: R, column: int, role: int) -> Any:
        raise NotImplementedError


def row_list_view(model: RowsTableModel[Any], *, word_wrap: bool = False) -> QTableView:
    """A read-only table that selects whole rows one at a time (the groups and issues lists)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(word_wrap)
    table.verticalHeader().hide()
    return table


def set_column_widths(table: QTableView, widths: Iterable[tuple[int, int]]) -> None:
    """Columns the operator may resize, starting at these widths; the last one stretches."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in widths:
        header.resizeSection(column, width)


def list_and_card(list_side: QWidget, card: QWidget, stretch: tuple[int, int],
                  sizes: tuple[int, int]) -> QSplitter:
    """The screens' layout: a list on the left, the selected record's card on the right."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(list_side)
    splitter.addWidget(card)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setSizes(list(sizes))
    splitter.setChildrenCollapsible(False)
    return splitter
