"""Attendance codes and the deterministic identity of a mark."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from .said import said

# A fixed namespace: every PC and the portal derive the same id for the same cell, so marks made
# on two PCs converge instead of duplicating.
MARK_NAMESPACE = uuid.UUID("6f1c3a52-52a4-4c1e-9d0e-5a2f3c1b9e01")
LESSON_NAMESPACE = uuid.UUID("0b7e1f2a-9c44-4d3b-8a51-3e6d2c7f4a10")


class AttendanceCode(IntEnum):
    """Marks compatible with the regional portals (1, 2, 3) plus an excused absence (4).

    «Уважительная причина» is added because operators otherwise put a sick mark on a child who
    was at a competition or a family event, and completeness of service counts both the same.
    """

    PRESENT = 1  # был
    ABSENT = 2  # не был
    SICK = 3  # болел
    EXCUSED = 4  # уважительная причина

    @property
    def short(self) -> str:
        """The letter shown in a journal cell and on the printed journal."""
        return _SHORT[self]

    @property
    def title_ru(self) -> str:
        return _TITLE_RU[self]

    @property
    def attended(self) -> bool:
        return self is AttendanceCode.PRESENT


_SHORT = {
    AttendanceCode.PRESENT: "+",
    AttendanceCode.ABSENT: "н",
    AttendanceCode.SICK: "б",
    AttendanceCode.EXCUSED: "у",
}
_TITLE_RU = {
    AttendanceCode.PRESENT: "был",
    AttendanceCode.ABSENT: "не был",
    AttendanceCode.SICK: "болел",
    AttendanceCode.EXCUSED: "уважительная причина",
}

VALID_CODES = frozenset(int(c) for c in AttendanceCode)

# The «Навигатор» (issue 16, docs/navigator.md) keeps three codes: 1 был, 2 не был, 3 болел, 0 = empty.
# «Уважительная причина» goes as the code the provider chose (a setting of the PC): «не был» by
# default, or «болел».
NAVIGATOR_EXCUSED_CHOICES = (int(AttendanceCode.ABSENT), int(AttendanceCode.SICK))
NAVIGATOR_EXCUSED_DEFAULT = int(AttendanceCode.ABSENT)
NAVIGATOR_EMPTY = 0


def navigator_value(code: int | None, excused_as: int = NAVIGATOR_EXCUSED_DEFAULT) -> int:
    """The Navigator's value for our ``code`` (None = the cell cleared → 0)."""
    if code is None:
        return NAVIGATOR_EMPTY
    if code == AttendanceCode.EXCUSED:
        return excused_as
    return int(code)


def from_navigator(value: int | None, local: int | None) -> int | None:
    """Our code for the Navigator's ``value`` of a cell whose code on this PC is ``local``: a local
    «уважительная причина» is kept while the Navigator shows an absence of either kind (it has no
    code of its own, and the code it was sent as may have been changed in the settings since); «был»
    or an empty cell there replaces it. None and 0 are «no mark»."""
    if not value:
        return None
    if local == AttendanceCode.EXCUSED and value in NAVIGATOR_EXCUSED_CHOICES:
        return int(local)
    return int(value)


def counts_in_totals(lesson_date: date, today: date, *, marked: bool = False) -> bool:
    """Does a lesson count in the journal's totals (a child's «Итого», «Присутствовали», the printed
    journal's sums)? Only once it is held: an earlier day's lesson always; today's once somebody is
    marked at it (at 9 a.m. an evening lesson is still ahead, and an unmarked «0 были» would be
    wrong); a future one never — a mark there (an excused absence known in advance) is kept, but
    counts when that day comes. ``marked``: at least one child has a mark at this lesson."""
    return lesson_date < today or (lesson_date == today and marked)


def parse_code(value: object) -> AttendanceCode:
    """Return the code for 1..4; raise ValueError with a readable message otherwise."""
    try:
        return AttendanceCode(int(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ValueError(code_error(value)) from None


def code_error(value: object) -> str | None:
    """None for a code 1..4 (an int or its text), else what is wrong: the message both sides show."""
    if isinstance(value, bool):
        value = None
    try:
        if int(value) in VALID_CODES:  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        pass
    return said("mark.unknown_code", f"неизвестный код посещаемости: {value!r} (ожидается 1, 2, 3 или 4)",
                value=repr(value))


# --- may a mark be set or cleared: the rules both sides apply (docs/rules.md) ---------------------
# Reason codes: the wire's (sync.protocol R_* are these strings); the PC's pre-check refuses with
# the same code the portal answers.

R_INVALID = "invalid"  # a code other than 1..4 (the field ``code``)
R_OUTSIDE_GROUP_DATES = "outside_group_dates"
R_NO_LESSON = "no_lesson"
R_NOT_MEMBER = "not_member"
R_MONTH_LOCKED = "month_locked"
# Lesson states (issue 12, domain.lessons): a mark on a lesson cancelled by the provider, or on the
# date a lesson was moved away from.
R_LESSON_CANCELLED = "lesson_cancelled"
R_LESSON_MOVED = "lesson_moved"

TEXT_RU = {
    R_NO_LESSON: "В этот день у группы нет занятия",
}
ADVICE_RU = {
    R_NO_LESSON: ("Проверьте дату. Если занятие было, но его нет в расписании группы, добавьте эту "
                  "дату в расписание группы на портале и повторите отметку после синхронизации."),
}


@dataclass(frozen=True, slots=True)
class MarkRefusal:
    """Why a mark may not be set or cleared: the reason code, the field it concerns (``lesson_date``
    or ``child_id``) and what to say (Russian: what is wrong and what to do)."""

    reason: str
    field: str
    message: str


def month_of(day: date) -> date:
    """The month a day belongs to, as its first day (how billed months are kept)."""
    return day.replace(day=1)


def mark_refusal(
    day: date,
    *,
    group_from: date,
    group_to: date,
    lesson_day: bool,
    marked_that_day: bool,
    member: bool,
    month_locked: bool,
    cancelled: bool = False,
    moved_to: date | None = None,
) -> MarkRefusal | None:
    """May a cell of the group on ``day`` be set or cleared? None: yes. The checks in order: the
    group's dates, a lesson that day (``schedule.lesson_held``: a lesson day by the schedule, or a
    mark of the group already there), the child's membership on the day, a month not yet billed.
    ``lesson_day``: ``schedule.is_lesson_day`` with the group's lesson states
    (``lessons.day_of``: a date a lesson was moved to is a lesson day, the date it left and a
    lesson cancelled by the provider are not); ``cancelled`` / ``moved_to``: the schedule's lesson
    that day was cancelled by the provider / moved to that date — a mark there is refused
    ``lesson_cancelled`` / ``lesson_moved`` (issue 12), even where the group has marks that day;
    ``member``: ``membership.member_on_any``."""
    when = f"{day:%d.%m.%Y}"
    if not group_from <= day <= group_to:
        return MarkRefusal(
            R_OUTSIDE_GROUP_DATES, "lesson_date",
            said("mark.outside_group_dates",
                 f"{when} вне дат группы: группа работает с {group_from:%d.%m.%Y} по {group_to:%d.%m.%Y}. "
                 "Проверьте дату отметки.", day=day, group_from=group_from, group_to=group_to))
    if cancelled:
        return MarkRefusal(
            R_LESSON_CANCELLED, "lesson_date",
            said("mark.lesson_cancelled",
                 f"Занятие {when} не проведено по вине исполнителя: отметки на нём не ставятся. Если "
                 "занятие было, отметьте его проведённым (меню заголовка столбца) и повторите отметку.",
                 day=day))
    if moved_to is not None:
        return MarkRefusal(
            R_LESSON_MOVED, "lesson_date",
            said("mark.lesson_moved",
                 f"Занятие {when} перенесено на {moved_to:%d.%m.%Y}: отметки ставятся в столбце "
                 f"{moved_to:%d.%m.%Y}.", day=day, moved_to=moved_to))
    if not (lesson_day or marked_that_day):
        return MarkRefusal(
            R_NO_LESSON, "lesson_date",
            said("mark.no_lesson",
                 f"{when} у группы нет занятия по расписанию: отметку поставить нельзя. Если занятие "
                 "было, добавьте эту дату в расписание группы на портале и повторите отметку после "
                 "синхронизации.", day=day))
    if not member:
        return MarkRefusal(
            R_NOT_MEMBER, "child_id",
            said("mark.not_member",
                 f"Ребёнок не числится в группе на {when}: отметку поставить нельзя. Проверьте даты "
                 "зачисления и отчисления в карточке ребёнка.", day=day))
    if month_locked:
        return MarkRefusal(
            R_MONTH_LOCKED, "lesson_date",
            said("mark.month_locked",
                 f"Месяц {day:%m.%Y} уже закрыт для оплаты: отметки за него не меняются. Если отметка "
                 "неверна, обратитесь в уполномоченную организацию.", month=f"{day:%m.%Y}"))
    return None


def mark_id(group_id: int, child_id: int, lesson_date: date | str) -> str:
    """The id of the attendance cell (group, child, lesson date): uuid5, identical on every PC.

    ``lesson_date`` may be a ``date`` or its ISO text (as on the wire; saves a parse per mark).
    """
    day = lesson_date if isinstance(lesson_date, str) else lesson_date.isoformat()
    return _uuid5(_MARK_NS, f"{group_id}:{child_id}:{day}")


def lesson_id(group_id: int, lesson_date: date | str) -> str:
    """The id of a group's lesson on a date: uuid5, identical on every PC."""
    day = lesson_date if isinstance(lesson_date, str) else lesson_date.isoformat()
    return _uuid5(_LESSON_NS, f"{group_id}:{day}")


_MARK_NS = MARK_NAMESPACE.bytes
_LESSON_NS = LESSON_NAMESPACE.bytes


# The RFC 4122 variant's hex digit for each first hex digit of byte 8 (its two top bits set to 10).
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def _uuid5(namespace: bytes, name: str) -> str:
    """``str(uuid.uuid5(ns, name))`` without building UUID objects or bytes (5× faster; a first
    sync derives tens of thousands of lesson ids): the SHA-1's hex with the version digit «5» and
    the variant digit put in."""
    h = hashlib.sha1(namespace + name.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"
