"""The attendance journal of one group for a period: children × lesson dates.

The last column is the child's total (present / lessons held while a member), the last row the
number present at each lesson. Cells outside a child's membership are greyed and not editable.

Only lessons already held count in the totals (`domain.attendance.counts_in_totals`: earlier days,
and today's once somebody is marked): a mark on a future lesson (an excused absence known in
advance) is shown but not counted, and «Присутствовали» is blank under a lesson not held yet.
Today's column is marked: «сегодня» in its header and a tinted column.
«Today» is injected (``JournalModel(today=…)``) and read again at every `set_journal`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from pfdo_desktop.domain.attendance import AttendanceCode, counts_in_totals
from pfdo_desktop.workspace_types import Journal, JournalChild, LessonColumn

Index = QModelIndex | QPersistentModelIndex

CodeRole = Qt.ItemDataRole.UserRole + 1  # int | None of a mark cell
EditableRole = Qt.ItemDataRole.UserRole + 2  # bool: may the operator change this cell
ChildRole = Qt.ItemDataRole.UserRole + 3  # JournalChild of the row (None on the totals row)
LessonRole = Qt.ItemDataRole.UserRole + 4  # LessonColumn of the column (None on the totals column)

# Backgrounds readable with black text, distinguishable for the common colour blindnesses by the
# letter in the cell anyway.
CODE_BACKGROUND = {
    AttendanceCode.PRESENT: QColor("#d4edda"),
    AttendanceCode.ABSENT: QColor("#f8d0cc"),
    AttendanceCode.SICK: QColor("#fde7b0"),
    AttendanceCode.EXCUSED: QColor("#d6e4f5"),
}
CODE_FOREGROUND = {
    AttendanceCode.PRESENT: QColor("#1e5c2b"),
    AttendanceCode.ABSENT: QColor("#8f1d14"),
    AttendanceCode.SICK: QColor("#7a4b00"),
    AttendanceCode.EXCUSED: QColor("#1d4a80"),
}
OUTSIDE_BACKGROUND = QColor("#e4e4e4")
OUTSIDE_FOREGROUND = QColor("#8a8a8a")
TOTALS_BACKGROUND = QColor("#f1f1f1")
TODAY_BACKGROUND = QColor("#fff3c4")  # today's column (its empty cells; marks keep their colours)
TODAY_HEADER_BACKGROUND = QColor("#f5c842")
TODAY_HEADER_FOREGROUND = QColor("#5c4300")
FUTURE_HEADER_FOREGROUND = QColor("#6b6b6b")


def code_letter(code: AttendanceCode) -> str:
    """The mark as a cell shows it: «+», «н», «б», «у» (the journal's letters in the UI's language)."""
    letters = {
        AttendanceCode.PRESENT: "+",
        AttendanceCode.ABSENT: QCoreApplication.translate("JournalModel", "н", "«absent» in a cell"),
        AttendanceCode.SICK: QCoreApplication.translate("JournalModel", "б", "«ill» in a cell"),
        AttendanceCode.EXCUSED: QCoreApplication.translate("JournalModel", "у", "«excused» in a cell"),
    }
    return letters[code]


def code_title(code: AttendanceCode) -> str:
    titles = {
        AttendanceCode.PRESENT: QCoreApplication.translate("JournalModel", "был"),
        AttendanceCode.ABSENT: QCoreApplication.translate("JournalModel", "не был"),
        AttendanceCode.SICK: QCoreApplication.translate("JournalModel", "болел"),
        AttendanceCode.EXCUSED: QCoreApplication.translate("JournalModel", "уважительная причина"),
    }
    return titles[code]


def lesson_state_text(lesson: LessonColumn) -> str:
    """What a cancelled or moved lesson's column says (its header's and cells' tooltips)."""
    if lesson.cancelled:
        text = QCoreApplication.translate("JournalModel", "Занятие не проведено по вине исполнителя")
    else:
        assert lesson.moved_from is not None
        text = QCoreApplication.translate("JournalModel", "Занятие перенесено с %1").replace(
            "%1", f"{lesson.moved_from:%d.%m.%Y}")
    return f"{text}: {lesson.reason}" if lesson.reason else text


class JournalModel(QAbstractTableModel):
    """A month (or any period) of a group's journal; edits are optimistic (`set_code`)."""

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today_of = today
        self.today = today()
        self._journal: Journal | None = None
        self._children: tuple[JournalChild, ...] = ()
        self._lessons: tuple[LessonColumn, ...] = ()
        self._marks: dict[tuple[int, date], int] = {}
        self._marked_days: dict[date, int] = {}  # lesson date → marks at it (is today's held yet?)
        self._cancelled: set[date] = set()  # lessons cancelled by the provider (issue 12)
        self._bold = QFont()
        self._bold.setBold(True)
        self._struck = QFont()
        self._struck.setStrikeOut(True)

    # --- feeding ----------------------------------------------------------------------------

    def set_journal(self, journal: Journal | None) -> None:
        self.beginResetModel()
        self.today = self._today_of()  # a journal kept open past midnight moves on at its next read
        self._journal = journal
        self._children = journal.children if journal else ()
        self._lessons = journal.lessons if journal else ()
        self._marks = dict(journal.marks) if journal else {}
        self._marked_days = {}
        self._cancelled = {c.lesson_date for c in self._lessons if c.cancelled}
        for _child_id, day in self._marks:
            self._marked_days[day] = self._marked_days.get(day, 0) + 1
        self.endResetModel()

    @property
    def journal(self) -> Journal | None:
        return self._journal

    @property
    def child_count(self) -> int:
        return len(self._children)

    @property
    def lesson_count(self) -> int:
        return len(self._lessons)

    def child_at(self, row: int) -> JournalChild | None:
        return self._children[row] if 0 <= row < len(self._children) else None

    def lesson_at(self, column: int) -> LessonColumn | None:
        return self._lessons[column] if 0 <= column < len(self._lessons) else None

    def index_of(self, child_id: int, lesson_date: date) -> QModelIndex:
        row = next((i for i, c in enumerate(self._children) if c.child_id == child_id), -1)
        col = next((i for i, c in enumerate(self._lessons) if c.lesson_date == lesson_date), -1)
        return self.index(row, col) if row >= 0 and col >= 0 else QModelIndex()

    def code_of(self, child_id: int, lesson_date: date) -> int | None:
        return self._marks.get((child_id, lesson_date))

    def is_editable(self, index: Index) -> bool:
        child, lesson = self.child_at(index.row()), self.lesson_at(index.column())
        return (child is not None and lesson is not None and child.is_member_on(lesson.lesson_date)
                and not self.is_billed(lesson.lesson_date) and not lesson.cancelled)

    def is_billed(self, day: date) -> bool:
        """The portal has billed ``day``'s month: its marks are a closed financial record."""
        return self._journal is not None and self._journal.is_billed(day)

    def set_code(self, child_id: int, lesson_date: date, code: int | None) -> None:
        """Show ``code`` in the cell now (the save runs in the background; see `JournalPanel`)."""
        had = (child_id, lesson_date) in self._marks
        was_held = self.is_held(lesson_date)
        if code is None:
            self._marks.pop((child_id, lesson_date), None)
        else:
            self._marks[(child_id, lesson_date)] = code
        delta = ((child_id, lesson_date) in self._marks) - had
        if delta:
            self._marked_days[lesson_date] = self._marked_days.get(lesson_date, 0) + delta
        index = self.index_of(child_id, lesson_date)
        if not index.isValid():
            return
        last_row, last_col = self.rowCount() - 1, self.columnCount() - 1
        self.dataChanged.emit(index, index)
        self.dataChanged.emit(self.index(index.row(), last_col), self.index(index.row(), last_col))
        self.dataChanged.emit(self.index(last_row, index.column()), self.index(last_row, index.column()))
        if self.is_held(lesson_date) != was_held:  # today's first mark: every child's «Итого» moves
            self.dataChanged.emit(self.index(0, last_col), self.index(last_row, last_col))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, index.column(), index.column())

    def is_held(self, lesson_date: date) -> bool:
        """An earlier lesson, or today's once somebody is marked at it: it counts in the totals —
        unless the provider cancelled it (issue 12)."""
        if lesson_date in self._cancelled:
            return False
        return counts_in_totals(lesson_date, self.today, marked=self._marked_days.get(lesson_date, 0) > 0)

    def present_count(self, child: JournalChild) -> tuple[int, int]:
        """(lessons present, lessons held while a member) in the period; future lessons not counted."""
        lessons = [
            c.lesson_date
            for c in self._lessons
            if child.is_member_on(c.lesson_date) and self.is_held(c.lesson_date)
        ]
        present = sum(1 for d in lessons if self._marks.get((child.child_id, d)) == AttendanceCode.PRESENT)
        return present, len(lessons)

    def present_on(self, lesson_date: date) -> int | None:
        """Children present at the lesson; None for a future lesson (nobody can have been there)."""
        if not self.is_held(lesson_date):
            return None
        return sum(
            1 for c in self._children if self._marks.get((c.child_id, lesson_date)) == AttendanceCode.PRESENT
        )

    # --- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or not self._children:
            return 0
        return len(self._children) + 1  # + the totals row

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or not self._children:
            return 0
        return len(self._lessons) + 1  # + the totals column

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            lesson = self.lesson_at(section)
            if role == Qt.ItemDataRole.DisplayRole:
                if lesson is not None:
                    weekday = QLocale().dayName(
                        lesson.lesson_date.isoweekday(), QLocale.FormatType.ShortFormat
                    )
                    flag = " ⚠" if lesson.off_schedule else " ↷" if lesson.moved_from else ""
                    if lesson.lesson_date == self.today:
                        weekday = QCoreApplication.translate("JournalModel", "сегодня")
                    return f"{lesson.lesson_date:%d.%m}{flag}\n{weekday}"
                if section == len(self._lessons) and self._children:
                    return QCoreApplication.translate("JournalModel", "Итого")
            if lesson is not None and lesson.lesson_date == self.today:
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(TODAY_HEADER_BACKGROUND)
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(TODAY_HEADER_FOREGROUND)
                if role == Qt.ItemDataRole.FontRole:
                    return self._bold
            if lesson is not None and lesson.cancelled:  # struck through, greyed (issue 12)
                if role == Qt.ItemDataRole.FontRole:
                    return self._struck
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(OUTSIDE_FOREGROUND)
            future = lesson is not None and not self.is_held(lesson.lesson_date)
            if future and role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(FUTURE_HEADER_FOREGROUND)
            if role == Qt.ItemDataRole.ToolTipRole:
                if lesson is not None:
                    parts = [f"{lesson.lesson_date:%d.%m.%Y}"]
                    if lesson.time_from:
                        parts.append(lesson.time_from)
                    if lesson.theme:
                        parts.append(lesson.theme)
                    if lesson.off_schedule:
                        parts.append(QCoreApplication.translate(
                            "JournalModel",
                            "занятия нет в новом расписании; оставлено, потому что есть отметки"))
                    if lesson.cancelled or lesson.moved_from:
                        parts.append(lesson_state_text(lesson))
                        return " · ".join(parts)
                    if lesson.lesson_date == self.today:
                        parts.append(QCoreApplication.translate("JournalModel", "сегодня"))
                    elif not self.is_held(lesson.lesson_date):
                        parts.append(QCoreApplication.translate(
                            "JournalModel", "будущее занятие: в итоги войдёт, когда пройдёт"))
                    return " · ".join(parts)
                if section == len(self._lessons):
                    return QCoreApplication.translate(
                        "JournalModel", "Был на занятиях / проведено занятий (будущие не считаются)"
                    )
            return None
        child = self.child_at(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if child is not None:
                return child.full_name
            if section == len(self._children) and self._children:
                return QCoreApplication.translate("JournalModel", "Присутствовали")
        if role == Qt.ItemDataRole.ToolTipRole and child is not None:
            lines = [
                QCoreApplication.translate("JournalModel", "Дата рождения: %1").replace(
                    "%1", f"{child.birth_date:%d.%m.%Y}"
                )
            ]
            if child.certificate_number:
                lines.append(
                    QCoreApplication.translate("JournalModel", "Сертификат № %1").replace(
                        "%1", child.certificate_number
                    )
                )
            member = QCoreApplication.translate("JournalModel", "В группе с %1").replace(
                "%1", f"{child.member_from:%d.%m.%Y}"
            )
            if child.member_to is not None:
                member += " " + (
                    QCoreApplication.translate("JournalModel", "по %1").replace(
                        "%1", f"{child.member_to:%d.%m.%Y}"
                    )
                )
            lines.append(member)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.FontRole and section == len(self._children):
            return self._bold
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        child, lesson = self.child_at(row), self.lesson_at(column)
        if child is None and lesson is None:  # the corner: present at all lessons in the period
            if role == Qt.ItemDataRole.DisplayRole:
                return str(sum(self.present_on(c.lesson_date) or 0 for c in self._lessons))
            return self._totals_style(role)
        if child is None:  # the totals row
            assert lesson is not None
            present = self.present_on(lesson.lesson_date)
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if present is None else str(present)  # a future lesson: blank, not «0»
            if role == Qt.ItemDataRole.ToolTipRole and present is None:
                return QCoreApplication.translate("JournalModel", "Занятие ещё не прошло")
            return self._totals_style(role)
        if lesson is None:  # the totals column
            present, lessons = self.present_count(child)
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{present} / {lessons}"
            return self._totals_style(role)
        code = self._marks.get((child.child_id, lesson.lesson_date))
        member = child.is_member_on(lesson.lesson_date)
        if role == CodeRole:
            return code
        if role == EditableRole:
            return member and not self.is_billed(lesson.lesson_date) and not lesson.cancelled
        if role == ChildRole:
            return child
        if role == LessonRole:
            return lesson
        if role == Qt.ItemDataRole.DisplayRole:
            return code_letter(AttendanceCode(code)) if code in CODE_BACKGROUND else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            if not member or lesson.cancelled:
                return QBrush(OUTSIDE_BACKGROUND)
            if code in CODE_BACKGROUND:
                return QBrush(CODE_BACKGROUND[AttendanceCode(code)])
            if lesson.lesson_date == self.today:
                return QBrush(TODAY_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not member:
                return QBrush(OUTSIDE_FOREGROUND)
            if code in CODE_FOREGROUND:
                return QBrush(CODE_FOREGROUND[AttendanceCode(code)])
            return None
        if role == Qt.ItemDataRole.FontRole and code is not None:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if lesson.cancelled:
                return lesson_state_text(lesson) + QCoreApplication.translate(
                    "JournalModel", " — отметки на нём не ставятся")
            if not member:
                return QCoreApplication.translate("JournalModel", "%1 ребёнок не числился в группе").replace(
                    "%1", f"{lesson.lesson_date:%d.%m.%Y}"
                )
            title = code_title(AttendanceCode(code)) if code in CODE_BACKGROUND else None
            if self.is_billed(lesson.lesson_date):
                billed = QCoreApplication.translate(
                    "JournalModel", "месяц закрыт для оплаты: отметки не меняются")
                return f"{title} — {billed}" if title else billed[:1].upper() + billed[1:]
            return title
        return None

    def _totals_style(self, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(TOTALS_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None
