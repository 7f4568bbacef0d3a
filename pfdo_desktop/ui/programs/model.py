"""Table models of the programmes screen: the catalogue, and the editor's modules and groups.

No I/O here. The editor's models hold the working copy's modules/groups and the errors of
`validate_card` by row; a row with an error shows the message in its last column («Замечание»),
red, so the message stands next to the row it is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from pfdo_desktop.domain.money import format_rub
from pfdo_desktop.domain.program_card import GroupCard, ModuleCard
from pfdo_desktop.workspace_types import ProgramListRow

from ..common.texts import cost_text
from ..rows_model import Index, RowRole, RowsTableModel
from .texts import ages_text, direction_text, registry_text, schedule_text, status_text

ERROR_COLOR = QColor("#b00020")
DRAFT_COLOR = QColor("#8a5300")
MODERATION_COLOR = QColor("#1d4a80")
PUBLISHED_COLOR = QColor("#1e5c2b")


def status_color(status: str, draft_state: str) -> QColor:
    if draft_state in ("returned", "conflict") or status == "returned":
        return ERROR_COLOR
    if draft_state == "submitted" or status == "moderation":
        return MODERATION_COLOR
    if draft_state == "draft":
        return DRAFT_COLOR
    if status == "published":
        return PUBLISHED_COLOR
    return QColor("#555555")


# --- the catalogue ------------------------------------------------------------------------------

(COL_NAME, COL_DIRECTION, COL_AGES, COL_REGISTRY, COL_STATUS, COL_TEACHERS, COL_SIZE) = range(7)

CATALOGUE_HEADERS = (
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Программа"),
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Направленность"),
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Возраст"),
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Реестр"),
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Статус"),
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Педагоги"),
    QT_TRANSLATE_NOOP("ProgramsTableModel", "Мод./гр."),
)


class ProgramsTableModel(RowsTableModel[ProgramListRow]):
    """One row per programme (`ProgramListRow`); ``RowRole`` gives the row."""

    context = "ProgramsTableModel"
    headers = CATALOGUE_HEADERS

    def key_of(self, row: ProgramListRow) -> object:
        return row.key

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == COL_SIZE
        ):
            return QCoreApplication.translate("ProgramsTableModel", "Модулей / групп")
        return super().headerData(section, orientation, role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_NAME and row.short_name and row.short_name != row.name:
                return f"{row.name}\n{row.short_name}"
            return self._text(row, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS:
            return QBrush(status_color(row.status, row.draft_state))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_AGES, COL_SIZE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _text(self, row: Any, column: int) -> str:
        if column == COL_NAME:
            return (
                row.name
                or row.short_name
                or QCoreApplication.translate("ProgramsTableModel", "(без названия)")
            )
        if column == COL_DIRECTION:
            return direction_text(row.direction) if row.direction else "—"
        if column == COL_AGES:
            return ages_text(row.age_from_years, row.age_to_years)
        if column == COL_REGISTRY:
            return registry_text(row.registry)
        if column == COL_STATUS:
            return status_text(row.status, row.draft_state, row.comment)
        if column == COL_TEACHERS:
            return row.teachers
        if column == COL_SIZE:
            return f"{row.modules} / {row.groups}"
        return ""


# --- the editor's modules and groups ----------------------------------------------------------


class _CardPartsModel(RowsTableModel[Any]):
    """Rows of the working copy plus one message per row (the first error of that row)."""

    problem_column = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._problems: dict[int, str] = {}
        self._notes: dict[int, str] = {}  # shown in the problem column when the row has no problem

    def set_rows(self, rows: Sequence[Any], problems: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._problems = dict(problems or {})
        self._notes = {}
        self.endResetModel()

    def set_notes(self, notes: dict[int, str]) -> None:
        """«не сохранена», «ожидает отправки»: what the row's state is, when it has no problem."""
        if notes == self._notes:
            return
        self._notes = dict(notes)
        if self._rows:
            column = self.problem_column
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def replace_row(self, row: int, value: Any) -> None:
        """One row changed in the form: repaint it without a reset (the selection stays)."""
        self._rows[row] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_problems(self, problems: dict[int, str]) -> None:
        if problems == self._problems:
            return
        self._problems = dict(problems)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def problem(self, row: int) -> str:
        return self._problems.get(row, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        column = index.column()
        problem = self._problems.get(index.row(), "")
        note = self._notes.get(index.row(), "")
        if role == Qt.ItemDataRole.DisplayRole:
            return (problem or note) if column == self.problem_column else self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or (note if column == self.problem_column else self.text(row, column)) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if problem:
                return QBrush(ERROR_COLOR)
            if note and column == self.problem_column:
                return QBrush(DRAFT_COLOR)
        return None

    def text(self, row: Any, column: int) -> str:
        raise NotImplementedError


(MCOL_NAME, MCOL_HOURS, MCOL_CHILDREN, MCOL_PRICE, MCOL_NORMATIVE, MCOL_GROUPS, MCOL_PROBLEM) = range(7)


class ModulesTableModel(_CardPartsModel):
    context = "ModulesTableModel"
    headers = (
        QT_TRANSLATE_NOOP("ModulesTableModel", "Модуль"),
        QT_TRANSLATE_NOOP("ModulesTableModel", "Часов"),
        QT_TRANSLATE_NOOP("ModulesTableModel", "Детей в группе"),
        QT_TRANSLATE_NOOP("ModulesTableModel", "Цена"),
        QT_TRANSLATE_NOOP("ModulesTableModel", "Нормативная стоимость"),
        QT_TRANSLATE_NOOP("ModulesTableModel", "Групп"),
        QT_TRANSLATE_NOOP("ModulesTableModel", "Замечание"),
    )
    problem_column = MCOL_PROBLEM
    registry = ""  # the card's: a budget programme's price reads «бесплатно»

    def set_registry(self, registry: str) -> None:
        if registry != self.registry:
            self.registry = registry
            if self.rowCount():
                self.dataChanged.emit(self.index(0, MCOL_PRICE), self.index(self.rowCount() - 1, MCOL_PRICE))

    def text(self, row: ModuleCard, column: int) -> str:
        if column == MCOL_NAME:
            return row.name
        if column == MCOL_HOURS:
            return str(row.hours)
        if column == MCOL_CHILDREN:
            return f"{row.min_children}–{row.max_children}"
        if column == MCOL_PRICE:
            return cost_text(row.price, self.registry)
        if column == MCOL_NORMATIVE:
            return format_rub(row.normative_price)
        if column == MCOL_GROUPS:
            return str(len(row.groups))
        return ""


(GCOL_NAME, GCOL_DATES, GCOL_CAPACITY, GCOL_TEACHER, GCOL_SCHEDULE, GCOL_PROBLEM) = range(6)


class GroupsTableModel(_CardPartsModel):
    context = "GroupsTableModel"
    headers = (
        QT_TRANSLATE_NOOP("GroupsTableModel", "Группа"),
        QT_TRANSLATE_NOOP("GroupsTableModel", "Сроки"),
        QT_TRANSLATE_NOOP("GroupsTableModel", "Мест"),
        QT_TRANSLATE_NOOP("GroupsTableModel", "Педагог"),
        QT_TRANSLATE_NOOP("GroupsTableModel", "Расписание"),
        QT_TRANSLATE_NOOP("GroupsTableModel", "Замечание"),
    )
    problem_column = GCOL_PROBLEM

    def text(self, row: GroupCard, column: int) -> str:
        if column == GCOL_NAME:
            return row.name
        if column == GCOL_DATES:
            start = f"{row.date_from:%d.%m.%Y}" if row.date_from else "…"
            end = f"{row.date_to:%d.%m.%Y}" if row.date_to else "…"
            return f"{start} – {end}"
        if column == GCOL_CAPACITY:
            return str(row.capacity)
        if column == GCOL_TEACHER:
            return row.teacher
        if column == GCOL_SCHEDULE:
            return schedule_text(row)
        return ""
