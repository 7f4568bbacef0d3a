"""Lesson states (issue 12): «не проведено по вине исполнителя», «перенесено на …», «проведено».

A state is set on this PC with its outbox op (``lesson.state``) in one transaction, after the rule
the portal decides by (``domain.lessons.state_refusal``) on this PC's copy of the group, its
schedule, its lesson states, its marks and the provider's billed months — a refusal carries the
portal's reason code. The state lives on the local ``lesson`` row (``state``, ``moved_to``,
``state_reason``); a pulled state (own stream ``lesson_state``) and the portal's record after a
refusal or a lost conflict are written by ``store_state``.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.domain.lessons import HELD, MOVED, LessonState, state_refusal
from pfdo_desktop.domain.schedule import is_lesson_day
from pfdo_desktop.models import AttendanceMark, Database, Device, Lesson, Provider, ScheduleSlot, StudyGroup
from pfdo_desktop.models.clock import date_edit, stamp_op

from .errors import GROUP_NOT_FOUND, NotFound, ValidationError
from .outbox import build_payload, enqueue

ENTITY_PREFIX = "lesson:"  # the outbox key of a lesson.state op: «lesson:<domain.attendance.lesson_id>»


def entity_key(group_id: int, day: date | str) -> str:
    return ENTITY_PREFIX + lesson_id(group_id, day)


def group_states(s: Session, group_id: int) -> dict[date, LessonState]:
    """The group's lessons whose state is not held, by their date (``domain.lessons``' input)."""
    return {
        day: LessonState(state, moved_to, reason or "")
        for day, state, moved_to, reason in s.execute(
            select(Lesson.lesson_date, Lesson.state, Lesson.moved_to, Lesson.state_reason).where(
                Lesson.group_id == group_id, Lesson.state != HELD))
    }


class GroupSchedule:
    """What the rules need of a group, read from this PC's tables: its dates, the schedule's
    lesson-day rule (``schedule.is_lesson_day``) and the provider's billed months."""

    def __init__(self, s: Session, group_id: int) -> None:
        group = s.execute(
            select(StudyGroup.date_from, StudyGroup.date_to, StudyGroup.explicit_dates,
                   StudyGroup.cancelled_dates, Provider.locked_months)
            .outerjoin(Provider, Provider.id == StudyGroup.provider_id).where(StudyGroup.id == group_id)
        ).first()
        if group is None:
            raise NotFound(GROUP_NOT_FOUND)
        self.group_from: date = group.date_from
        self.group_to: date = group.date_to
        self.locked_months = {date.fromisoformat(m) for m in group.locked_months or ()}
        weekdays = set(s.scalars(select(ScheduleSlot.weekday).where(
            ScheduleSlot.group_id == group_id, ScheduleSlot.archived.is_(False))))
        explicit = {date.fromisoformat(d) for d in group.explicit_dates or ()}
        cancelled = {date.fromisoformat(d) for d in group.cancelled_dates or ()}

        def scheduled(day: date) -> bool:
            return is_lesson_day(day, group_from=group.date_from, group_to=group.date_to, weekdays=weekdays,
                                 explicit_dates=explicit, cancelled_dates=cancelled)

        self.scheduled: Callable[[date], bool] = scheduled


def set_lesson_state(db: Database, group_id: int, lesson_date: date, state: str, *,
                     moved_to: date | None = None, reason: str = "") -> bool:
    """Set the state of the group's lesson on ``lesson_date`` and queue it for the portal, in one
    transaction. Returns False when nothing changes. Raises ``ValidationError`` with the rule's
    reason code and field (``reason``, ``lesson_date``, ``moved_to``) and the Russian message."""
    new = LessonState(state, moved_to if state == MOVED else None, reason.strip())
    with db.write() as s:
        group = GroupSchedule(s, group_id)
        states = group_states(s, group_id)
        current = states.get(lesson_date, LessonState())
        days = {d for d in (lesson_date, new.moved_to, current.moved_to) if d is not None}
        marked = set(s.scalars(select(AttendanceMark.lesson_date).where(
            AttendanceMark.group_id == group_id, AttendanceMark.lesson_date.in_(days)).distinct()))
        refusal = state_refusal(lesson_date, new, group_from=group.group_from, group_to=group.group_to,
                                scheduled=group.scheduled, states=states, marked_days=marked,
                                locked_months=group.locked_months)
        if refusal is not None:
            raise ValidationError(refusal.field, refusal.message, reason=refusal.reason)
        if (current.state, current.moved_to, current.reason) == (new.state, new.moved_to, new.reason):
            return False
        device = s.scalar(select(Device))
        operator = ((device.operator if device is not None else "") or getpass.getuser())[:64]
        stamp = date_edit(device, db.clock)  # on the portal's clock, like a mark (re-dated if provisional)
        now = stamp.at
        from pfdo_desktop.sync import protocol as p  # the wire's models load with the first op

        payload = build_payload(p.LessonStatePayload, group_id=group_id, lesson_date=lesson_date,
                                state=new.state, moved_to=new.moved_to, reason=new.reason, changed_at=now,
                                changed_by=operator)
        store_state(s, group_id, lesson_date, new, now, operator)
        stamp_op(enqueue(s, entity_key(group_id, lesson_date), payload), stamp)
    return True


def store_state(s: Session, group_id: int, lesson_date: date, state: LessonState,
                changed_at: datetime | None, changed_by: str) -> None:
    """Write a lesson's state on its local row (made when the PC has none: a past lesson the PC
    never generated). Held on a lesson the PC does not have: nothing to write."""
    lesson = s.get(Lesson, lesson_id(group_id, lesson_date))
    if lesson is None:
        if state.state == HELD or s.get(StudyGroup, group_id) is None:
            return
        lesson = Lesson(id=lesson_id(group_id, lesson_date), group_id=group_id, lesson_date=lesson_date,
                        time_from="", time_to="", theme="", cancelled=False, off_schedule=False)
        s.add(lesson)
    lesson.state = state.state
    lesson.moved_to = state.moved_to if state.state == MOVED else None
    lesson.state_reason = state.reason
    lesson.state_changed_at = changed_at
    lesson.state_changed_by = changed_by[:64]
