"""Lesson themes — the КТП (issue 16): «Тема занятия» of a group's lesson on a date.

A theme is set on this PC with its outbox op (``lesson.theme``) in one transaction, after the rule
the portal decides by (``domain.lesson_themes.theme_refusal``) on this PC's copy of the group, its
schedule, its lesson states and its marks — a refusal carries the portal's reason code. The theme
lives on the local ``lesson`` row (``theme``); a pulled theme (own stream ``lesson_theme``) and the
portal's record after a refusal or a lost conflict are written by ``store_theme``, each change with
its row of ``lesson_theme_audit`` (who, when, old → new, why; a pulled theme that only fills an empty
one is not audited here — its origin is audited on the portal, as for marks).
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.domain.lesson_themes import normal_theme, theme_refusal
from pfdo_desktop.domain.lessons import HELD
from pfdo_desktop.models import (
    AUDIT_EDIT,
    AUDIT_PULLED,
    AttendanceMark,
    Database,
    Device,
    Lesson,
    LessonThemeAudit,
    StudyGroup,
    utcnow,
)
from pfdo_desktop.models.clock import date_edit, stamp_op

from .errors import ValidationError
from .lesson_states import GroupSchedule
from .outbox import build_payload, enqueue

log = logging.getLogger(__name__)

ENTITY_PREFIX = "theme:"  # the outbox key of a lesson.theme op: «theme:<domain.attendance.lesson_id>»


def entity_key(group_id: int, day: date | str) -> str:
    return ENTITY_PREFIX + lesson_id(group_id, day)


def set_lesson_theme(db: Database, group_id: int, lesson_date: date, theme: str) -> bool:
    """Set the theme of the group's lesson on ``lesson_date`` (empty: clear it) and queue it for the
    portal, in one transaction. Returns False when nothing changes. Raises ``ValidationError`` with
    the rule's reason code and field (``theme``, ``lesson_date``) and the Russian message, and
    ``NotFound`` for a group this PC does not have."""
    theme = normal_theme(theme)
    with db.write() as s:
        group = GroupSchedule(s, group_id)
        stated = set(s.scalars(select(Lesson.lesson_date).where(
            Lesson.group_id == group_id, Lesson.lesson_date == lesson_date, Lesson.state != HELD)))
        marked = set(s.scalars(select(AttendanceMark.lesson_date).where(
            AttendanceMark.group_id == group_id, AttendanceMark.lesson_date == lesson_date).limit(1)))
        refusal = theme_refusal(lesson_date, theme, group_from=group.group_from, group_to=group.group_to,
                                scheduled=group.scheduled, stated_days=stated, marked_days=marked)
        if refusal is not None:
            raise ValidationError(refusal.field, refusal.message, reason=refusal.reason)
        lesson = s.get(Lesson, lesson_id(group_id, lesson_date))
        if (lesson.theme if lesson is not None else "") == theme:
            return False
        device = s.scalar(select(Device))
        operator = ((device.operator if device is not None else "") or getpass.getuser())[:64]
        stamp = date_edit(device, db.clock)  # on the portal's clock, like a mark (re-dated if provisional)
        from pfdo_desktop.sync import protocol as p  # the wire's models load with the first op

        payload = build_payload(p.LessonThemePayload, group_id=group_id, lesson_date=lesson_date,
                                theme=theme, changed_at=stamp.at, changed_by=operator)
        store_theme(s, group_id, lesson_date, theme, reason=AUDIT_EDIT, changed_at=stamp.at,
                    changed_by=operator)
        stamp_op(enqueue(s, entity_key(group_id, lesson_date), payload), stamp)
    log.info("lesson theme set: group %s, %s (%d characters)", group_id, lesson_date, len(theme))
    return True


def store_theme(s: Session, group_id: int, lesson_date: date, theme: str, *, reason: str,
                changed_at: datetime | None, changed_by: str) -> None:
    """Write a lesson's theme on its local row, made when the PC has none (a past lesson the PC never
    generated, or one pulled before its schedule), with its audit row (``reason``: ``AUDIT_EDIT``,
    ``AUDIT_PULLED``, ``AUDIT_CONFLICT_LOST``, ``AUDIT_REJECTED``). No theme on a lesson the PC does
    not have, or a group it does not have: nothing to write; the same theme: nothing either."""
    key = lesson_id(group_id, lesson_date)
    lesson = s.get(Lesson, key)
    if lesson is None:
        if not theme or s.get(StudyGroup, group_id) is None:
            return
        lesson = Lesson(id=key, group_id=group_id, lesson_date=lesson_date,
                        time_from="", time_to="", theme="", cancelled=False, off_schedule=False)
        s.add(lesson)
    old = lesson.theme or ""
    if old == theme:
        return
    lesson.theme = theme
    if reason == AUDIT_PULLED and not old:
        return  # a pulled theme filling an empty one: audited on the portal
    s.add(LessonThemeAudit(lesson_id=key, group_id=group_id, lesson_date=lesson_date, old_theme=old,
                           new_theme=theme, changed_at=changed_at, changed_by=changed_by[:64], reason=reason,
                           recorded_at=utcnow()))


@dataclass(frozen=True, slots=True)
class ThemeChange:
    """One row of a lesson theme's audit trail."""

    old_theme: str
    new_theme: str
    changed_at: datetime | None
    changed_by: str
    reason: str


def theme_history(db: Database, group_id: int, lesson_date: date) -> list[ThemeChange]:
    """The audit trail of one lesson's theme, oldest first."""
    a = LessonThemeAudit
    with db.read() as s:
        return [ThemeChange(*row) for row in s.execute(
            select(a.old_theme, a.new_theme, a.changed_at, a.changed_by, a.reason)
            .where(a.lesson_id == lesson_id(group_id, lesson_date)).order_by(a.id))]
