"""The provider's groups as a table model (rows come from `Workspace.groups`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from pfdo_desktop.services.rows import GroupRow

Index = QModelIndex | QPersistentModelIndex

COL_NAME, COL_PROGRAM, COL_TEACHER, COL_CHILDREN, COL_SCHEDULE = range(5)

HEADERS = (
    QT_TRANSLATE_NOOP("GroupsTableModel", "Группа"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Программа"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Педагог"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Детей"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Расписание"),
)

RowRole = Qt.ItemDataRole.UserRole + 1


class GroupsTableModel(QAbstractTableModel):
    """One row per group; ``RowRole`` gives the backing `GroupRow`. No I/O here."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[GroupRow] = []

    def set_rows(self, rows: Sequence[GroupRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[GroupRow]:
        return list(self._rows)

    def row_of(self, group_id: int) -> int:
        """The row showing ``group_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == group_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate("GroupsTableModel", str(HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return row.name
            if column == COL_PROGRAM:
                return row.program_name
            if column == COL_TEACHER:
                return row.teacher
            if column == COL_CHILDREN:
                return f"{row.children} / {row.capacity}"
            if column == COL_SCHEDULE:
                return row.schedule
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("GroupsTableModel", "%1\nМодуль: %2\nЗанятия: %3\nс %4 по %5")
                .replace("%1", row.program_name)
                .replace("%2", row.module_name)
                .replace("%3", row.schedule)
                .replace("%4", f"{row.date_from:%d.%m.%Y}")
                .replace("%5", f"{row.date_to:%d.%m.%Y}")
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CHILDREN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
