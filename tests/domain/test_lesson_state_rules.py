"""domain.lessons: may a lesson's state change (``state_refusal``) and what a day is for marks
(``day_of``) — hand-made cases over a group that meets on Mondays and Wednesdays."""

from __future__ import annotations

from datetime import date

import pytest

from pfdo_desktop.domain.attendance import mark_refusal
from pfdo_desktop.domain.lessons import (
    CANCELLED,
    HELD,
    MOVED,
    R_INVALID,
    R_LESSON_CANCELLED,
    R_LESSON_MARKED,
    R_LESSON_MOVED,
    R_MONTH_LOCKED,
    R_MOVED_TO_TAKEN,
    R_NO_LESSON,
    R_OUTSIDE_GROUP_DATES,
    LessonState,
    day_of,
    state_refusal,
)

G_FROM, G_TO = date(2026, 9, 1), date(2027, 5, 31)
MON, TUE, WED = date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 11)


def scheduled(day: date) -> bool:
    return G_FROM <= day <= G_TO and day.isoweekday() in (1, 3)


def verdict(day: date, new: LessonState, *, states=None, marked=(), locked=()) -> tuple[str, str] | None:
    refusal = state_refusal(day, new, group_from=G_FROM, group_to=G_TO, scheduled=scheduled,
                            states=states or {}, marked_days=set(marked), locked_months=set(locked))
    return None if refusal is None else (refusal.reason, refusal.field)


CASES = [
    ("cancel with a reason", MON, LessonState(CANCELLED, reason="болезнь педагога"), {}, None),
    ("cancel without a reason", MON, LessonState(CANCELLED, reason="  "), {}, (R_INVALID, "reason")),
    ("a reason of 201 characters", MON, LessonState(CANCELLED, reason="я" * 201), {}, (R_INVALID, "reason")),
    ("an unknown state", MON, LessonState("postponed"), {}, (R_INVALID, "state")),
    ("a day without a lesson", TUE, LessonState(CANCELLED, reason="x"), {}, (R_NO_LESSON, "lesson_date")),
    ("before the group", date(2026, 8, 31), LessonState(CANCELLED, reason="x"), {},
     (R_OUTSIDE_GROUP_DATES, "lesson_date")),
    ("move to a free day", MON, LessonState(MOVED, TUE), {}, None),
    ("move without a date", MON, LessonState(MOVED), {}, (R_INVALID, "moved_to")),
    ("move to the same day", MON, LessonState(MOVED, MON), {}, (R_INVALID, "moved_to")),
    ("move to a lesson day", MON, LessonState(MOVED, WED), {}, (R_MOVED_TO_TAKEN, "moved_to")),
    ("move after the group", MON, LessonState(MOVED, date(2027, 6, 1)), {},
     (R_OUTSIDE_GROUP_DATES, "moved_to")),
    ("move to where another lesson went", MON, LessonState(MOVED, TUE),
     {"states": {WED: LessonState(MOVED, TUE)}}, (R_MOVED_TO_TAKEN, "moved_to")),
    ("move to a day with marks", MON, LessonState(MOVED, TUE), {"marked": [TUE]},
     (R_MOVED_TO_TAKEN, "moved_to")),
    ("cancel in a billed month", MON, LessonState(CANCELLED, reason="x"), {"locked": [date(2026, 11, 1)]},
     (R_MONTH_LOCKED, "lesson_date")),
    ("move into a billed month", date(2026, 10, 26), LessonState(MOVED, date(2026, 11, 3)),
     {"locked": [date(2026, 11, 1)]}, (R_MONTH_LOCKED, "moved_to")),
    ("back to held from a move into a billed month", date(2026, 10, 26), LessonState(HELD),
     {"states": {date(2026, 10, 26): LessonState(MOVED, date(2026, 11, 3))}, "locked": [date(2026, 11, 1)]},
     (R_MONTH_LOCKED, "lesson_date")),
    ("held in a billed month changes nothing", MON, LessonState(HELD), {"locked": [date(2026, 11, 1)]}, None),
    ("cancel a lesson with marks", MON, LessonState(CANCELLED, reason="x"), {"marked": [MON]},
     (R_LESSON_MARKED, "lesson_date")),
    ("held again from a move with marks on the new date", MON, LessonState(HELD),
     {"states": {MON: LessonState(MOVED, TUE)}, "marked": [TUE]}, (R_LESSON_MARKED, "lesson_date")),
    ("a moved lesson's reason changed, marks on its new date", MON, LessonState(MOVED, TUE, "ремонт"),
     {"states": {MON: LessonState(MOVED, TUE)}, "marked": [TUE]}, None),
    ("held again from a cancel", MON, LessonState(HELD),
     {"states": {MON: LessonState(CANCELLED, reason="x")}}, None),
]


@pytest.mark.parametrize("day,new,kw,expected",
                         [pytest.param(d, n, k, e, id=name) for name, d, n, k, e in CASES])
def test_may_a_lesson_s_state_change(day, new, kw, expected):
    assert verdict(day, new, **kw) == expected


def test_a_moved_to_date_holds_the_lesson_for_marks_and_the_old_one_refuses():
    states = {MON: LessonState(MOVED, TUE), WED: LessonState(CANCELLED, reason="болезнь педагога")}
    new_day, old_day, cancelled = (day_of(d, scheduled=scheduled(d), states=states) for d in (TUE, MON, WED))

    def refusal(day, d):
        r = mark_refusal(day, group_from=G_FROM, group_to=G_TO, lesson_day=d.lesson_day,
                         marked_that_day=False, member=True, month_locked=False, cancelled=d.cancelled,
                         moved_to=d.moved_to)
        return r and r.reason

    assert refusal(TUE, new_day) is None
    assert refusal(MON, old_day) == R_LESSON_MOVED
    assert refusal(WED, cancelled) == R_LESSON_CANCELLED
    assert refusal(date(2026, 11, 16), day_of(date(2026, 11, 16), scheduled=True, states=states)) is None
