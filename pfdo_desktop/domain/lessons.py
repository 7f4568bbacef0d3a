"""Lesson states (issue 12): a lesson is held — the default —, cancelled by the provider
(«не проведено по вине исполнителя»: the teacher ill, the room closed) or moved to another date,
which then holds it. A child's absence never cancels a lesson: only the provider's decision does.

One rule says whether a lesson's state may be changed (``state_refusal``), and one says what a
day is for marks given the group's lesson states (``day_of``): both sides apply them (the PC's
pre-check in ``services.lesson_states`` and ``services.journal``, the portal in
``pfdo_portal.lessons`` and ``pfdo_portal.marks``), refusing with the same reason codes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from .attendance import (
    R_INVALID,
    R_LESSON_CANCELLED,
    R_LESSON_MOVED,
    R_MONTH_LOCKED,
    R_NO_LESSON,
    R_OUTSIDE_GROUP_DATES,
    month_of,
)
from .said import said

HELD = "held"
CANCELLED = "cancelled_by_provider"
MOVED = "moved"
LESSON_STATES = (HELD, CANCELLED, MOVED)
STATE_TITLE_RU = {
    HELD: "занятие проведено",
    CANCELLED: "не проведено по вине исполнителя",
    MOVED: "перенесено",
}
REASON_MAX = 200  # characters of the reason text (the wire's limit too)

# Reason codes (the wire's: sync.protocol R_* are these strings). Shared with marks:
# R_INVALID, R_OUTSIDE_GROUP_DATES, R_NO_LESSON, R_MONTH_LOCKED.
R_MOVED_TO_TAKEN = "moved_to_taken"  # the new date already has a lesson of the group
R_LESSON_MARKED = "lesson_marked"  # the lesson has marks on the date it leaves
# R_LESSON_CANCELLED (a mark on a lesson cancelled by the provider) and R_LESSON_MOVED (a mark on
# the date a lesson was moved away from) are attendance's: mark_refusal refuses with them.

TEXT_RU = {
    R_MOVED_TO_TAKEN: "На дату переноса у группы уже есть занятие.",
    R_LESSON_MARKED: "На занятии уже есть отметки детей.",
    R_LESSON_CANCELLED: "Занятие не проведено по вине исполнителя: отметки на нём не ставятся.",
    R_LESSON_MOVED: "Занятие перенесено на другую дату: отметки ставятся в день, на который его перенесли.",
}
ADVICE_RU = {
    R_MOVED_TO_TAKEN: "Выберите для переноса день, в который у группы нет занятия.",
    R_LESSON_MARKED: "Снимите отметки детей с этого занятия и повторите.",
    R_LESSON_CANCELLED: "Если занятие всё же было, отметьте его проведённым и поставьте отметки снова.",
    R_LESSON_MOVED: "Поставьте отметки в столбце даты, на которую перенесено занятие.",
}


@dataclass(frozen=True, slots=True)
class LessonState:
    """A lesson's state: ``HELD`` (the default), ``CANCELLED`` (with the reason) or ``MOVED``
    (to ``moved_to``, with an optional reason)."""

    state: str = HELD
    moved_to: date | None = None
    reason: str = ""


HELD_STATE = LessonState()


@dataclass(frozen=True, slots=True)
class LessonRefusal:
    """Why a lesson's state may not be changed: the reason code, the field it concerns
    (``state``, ``lesson_date``, ``moved_to``, ``reason``) and what to say (Russian)."""

    reason: str
    field: str
    message: str


def state_refusal(
    day: date,
    new: LessonState,
    *,
    group_from: date,
    group_to: date,
    scheduled: Callable[[date], bool],
    states: Mapping[date, LessonState],
    marked_days: Collection[date],
    locked_months: Collection[date],
) -> LessonRefusal | None:
    """May the group's lesson on ``day`` take the state ``new``? None: yes (also when nothing
    changes). The checks in order: the state and its reason, the group's dates, a lesson of the
    schedule that day, the new date of a move (given, another day, inside the group's dates, not
    already a lesson day — by the schedule, by another move, or by marks there), a month not yet
    billed (the lesson's, the old and the new date of a move), no marks on the date the lesson
    leaves.

    ``scheduled``: the schedule's lesson-day rule (``schedule.is_lesson_day`` over the group);
    ``states``: the group's lessons whose state is not held, by their date; ``marked_days``: the
    days the group has a mark on (at least those of ``day`` and the moves); ``locked_months``:
    the provider's billed months as their first days."""
    when = f"{day:%d.%m.%Y}"
    if new.state not in LESSON_STATES:
        return LessonRefusal(R_INVALID, "state", said("lesson.unknown_state",
                             f"Неизвестное состояние занятия: {new.state!r}.", state=repr(new.state)))
    if len(new.reason) > REASON_MAX:
        return LessonRefusal(R_INVALID, "reason", said("lesson.reason_too_long",
                             f"Причина длиннее {REASON_MAX} символов: сократите её.", limit=REASON_MAX))
    if new.state == CANCELLED and not new.reason.strip():
        return LessonRefusal(R_INVALID, "reason", said(
            "lesson.reason_required",
            "Укажите причину, по которой занятие не проведено (например, «болезнь педагога»)."))
    if not group_from <= day <= group_to:
        return LessonRefusal(
            R_OUTSIDE_GROUP_DATES, "lesson_date",
            said("lesson.outside_group_dates",
                 f"{when} вне дат группы: группа работает с {group_from:%d.%m.%Y} по {group_to:%d.%m.%Y}.",
                 day=day, group_from=group_from, group_to=group_to))
    if not scheduled(day):
        return LessonRefusal(
            R_NO_LESSON, "lesson_date",
            said("lesson.not_scheduled",
                 f"{when} у группы нет занятия по расписанию: отменить или перенести можно только занятие "
                 "из расписания группы.", day=day))
    current = states.get(day, HELD_STATE)
    if new.state == MOVED:
        target = new.moved_to
        if target is None or target == day:
            return LessonRefusal(R_INVALID, "moved_to", said(
                "lesson.moved_to_required",
                "Укажите дату, на которую переносится занятие (другую, чем дата занятия)."))
        if not group_from <= target <= group_to:
            return LessonRefusal(
                R_OUTSIDE_GROUP_DATES, "moved_to",
                said("lesson.moved_outside_group_dates",
                     f"{target:%d.%m.%Y} вне дат группы: перенести занятие можно на день с "
                     f"{group_from:%d.%m.%Y} по {group_to:%d.%m.%Y}.",
                     day=target, group_from=group_from, group_to=group_to))
        moved_here = any(other.state == MOVED and other.moved_to == target
                         for other_day, other in states.items() if other_day != day)
        if scheduled(target) or moved_here or (target in marked_days and target != current.moved_to):
            return LessonRefusal(
                R_MOVED_TO_TAKEN, "moved_to",
                said("lesson.moved_to_taken",
                     f"{target:%d.%m.%Y} у группы уже есть занятие: выберите для переноса другой день.",
                     day=target))
    if _normal(new) == _normal(current):
        return None  # nothing changes
    locked = set(locked_months)
    touched_days = (("lesson_date", day), ("lesson_date", current.moved_to), ("moved_to", new.moved_to))
    for field, touched in touched_days:
        if touched is not None and month_of(touched) in locked:
            return LessonRefusal(
                R_MONTH_LOCKED, field,
                said("lesson.month_locked",
                     f"Месяц {touched:%m.%Y} уже закрыт для оплаты: занятия за него не меняются. Если "
                     "занятие отмечено неверно, обратитесь в уполномоченную организацию.",
                     month=f"{touched:%m.%Y}"))
    held_on = _held_on(day, current)
    if held_on is not None and held_on != _held_on(day, new) and held_on in marked_days:
        return LessonRefusal(
            R_LESSON_MARKED, "lesson_date",
            said("lesson.marked",
                 f"На занятии {held_on:%d.%m.%Y} уже отмечены дети: занятие с отметками нельзя отменить или "
                 "перенести. Снимите отметки и повторите.", day=held_on))
    return None


def _normal(state: LessonState) -> tuple[str, date | None, str]:
    return state.state, state.moved_to if state.state == MOVED else None, state.reason


def _held_on(day: date, state: LessonState) -> date | None:
    """The date a lesson is held on in ``state`` (None: not held)."""
    if state.state == CANCELLED:
        return None
    if state.state == MOVED:
        return state.moved_to
    return day


@dataclass(frozen=True, slots=True)
class DayForMarks:
    """What a day is for marks, given the group's lesson states: a lesson day (by the schedule and
    not moved away or cancelled, or a day a lesson was moved to), and, for a scheduled lesson
    cancelled or moved away, which (``attendance.mark_refusal``'s ``cancelled`` / ``moved_to``)."""

    lesson_day: bool
    cancelled: bool = False
    moved_to: date | None = None


def day_of(day: date, *, scheduled: bool, states: Mapping[date, LessonState]) -> DayForMarks:
    """The day for marks: ``scheduled`` is ``schedule.is_lesson_day`` for it; ``states`` the group's
    lessons whose state is not held, by their date. A date a lesson was moved to holds it."""
    if any(s.state == MOVED and s.moved_to == day for s in states.values()):
        return DayForMarks(True)
    own = states.get(day)
    if own is not None and own.state == CANCELLED:
        return DayForMarks(False, cancelled=True)
    if own is not None and own.state == MOVED:
        return DayForMarks(False, moved_to=own.moved_to)
    return DayForMarks(scheduled)


def moved_to_dates(states: Mapping[date, LessonState]) -> dict[date, date]:
    """New date → the lesson's own date, for every moved lesson of a group."""
    return {s.moved_to: day for day, s in states.items() if s.state == MOVED and s.moved_to is not None}


__all__ = [
    "ADVICE_RU", "CANCELLED", "HELD", "HELD_STATE", "LESSON_STATES", "MOVED", "R_INVALID",
    "R_LESSON_CANCELLED", "R_LESSON_MARKED", "R_LESSON_MOVED", "R_MONTH_LOCKED", "R_MOVED_TO_TAKEN",
    "R_NO_LESSON", "R_OUTSIDE_GROUP_DATES", "REASON_MAX", "STATE_TITLE_RU", "TEXT_RU", "DayForMarks",
    "LessonRefusal", "LessonState", "day_of", "moved_to_dates", "state_refusal",
]
