"""The provider's groups as a table model (rows come from `Workspace.groups`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from pfdo_desktop.workspace_types import GroupRow

from ..common.texts import group_schedule
from ..rows_model import RowRole, RowsTableModel  # noqa: F401 - RowRole re-exported

COL_NAME, COL_PROGRAM, COL_TEACHER, COL_CHILDREN, COL_SCHEDULE = range(5)

HEADERS = (
    QT_TRANSLATE_NOOP("GroupsTableModel", "Группа"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Программа"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Педагог"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Детей"),
    QT_TRANSLATE_NOOP("GroupsTableModel", "Расписание"),
)


class GroupsTableModel(RowsTableModel[GroupRow]):
    """One row per group; ``RowRole`` gives the backing `GroupRow`. No I/O here."""

    context = "GroupsTableModel"
    headers = HEADERS

    def key_of(self, row: GroupRow) -> object:
        return row.id

    def cell(self, row: GroupRow, column: int, role: int) -> Any:
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
                return group_schedule(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                QCoreApplication.translate("GroupsTableModel", "%1\nМодуль: %2\nЗанятия: %3\nс %4 по %5")
                .replace("%1", row.program_name)
                .replace("%2", row.module_name)
                .replace("%3", group_schedule(row))
                .replace("%4", f"{row.date_from:%d.%m.%Y}")
                .replace("%5", f"{row.date_to:%d.%m.%Y}")
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CHILDREN:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
