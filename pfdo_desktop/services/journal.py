"""The attendance journal of a group: load a period, save marks (with audit and outbox)."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.attendance import mark_id, parse_code
from pfdo_desktop.models import (
    AUDIT_EDIT,
    AttendanceMark,
    Certificate,
    Child,
    Database,
    Device,
    Lesson,
    MarkAudit,
    Membership,
)
from pfdo_desktop.models.clock import date_edit, stamp_op
from pfdo_desktop.models.marks import apply_marks, stored_mark
from pfdo_desktop.sync import protocol as p

from .errors import NotAllowed, NotFound, ValidationError
from .groups import get_group
from .outbox import enqueue
from .rows import AuditRow, Journal, JournalChild, LessonColumn, MarkChange


def load_journal(db: Database, group_id: int, date_from: date, date_to: date) -> Journal:
    """Children × lesson dates of a group between two dates, with the marks."""
    group = get_group(db, group_id)
    if group is None:
        raise NotFound("Группа не найдена: возможно, она удалена на портале. Синхронизируйте данные.")
    with db.read() as s:
        lessons = {
            r.lesson_date: LessonColumn(r.lesson_date, r.time_from, r.theme, bool(r.off_schedule))
            for r in s.execute(
                select(Lesson.lesson_date, Lesson.time_from, Lesson.theme, Lesson.off_schedule).where(
                    Lesson.group_id == group_id,
                    Lesson.cancelled.is_(False),
                    Lesson.lesson_date.between(date_from, date_to),
                )
            )
        }
        marks = {
            (child_id, day): code
            for child_id, day, code in s.execute(
                select(AttendanceMark.child_id, AttendanceMark.lesson_date, AttendanceMark.code).where(
                    AttendanceMark.group_id == group_id,
                    AttendanceMark.lesson_date.between(date_from, date_to),
                )
            )
        }
        # A mark pulled for a day the local schedule does not know (a moved lesson) still shows.
        for _child, day in marks:
            lessons.setdefault(day, LessonColumn(day, "", ""))
        marked_children = {child_id for child_id, _day in marks}
        children = _journal_children(s, group_id, date_from, date_to, marked_children)
    return Journal(
        group=group,
        date_from=date_from,
        date_to=date_to,
        lessons=tuple(lessons[d] for d in sorted(lessons)),
        children=children,
        marks=marks,
    )


def _journal_children(
    s: Session, group_id: int, date_from: date, date_to: date, marked: set[int]
) -> tuple[JournalChild, ...]:
    overlaps = and_(
        Membership.date_from <= date_to,
        or_(Membership.date_to.is_(None), Membership.date_to >= date_from),
        Membership.archived.is_(False),
    )
    rows = s.execute(
        select(Child, Membership.date_from, Membership.date_to, Certificate.number)
        .join(Membership, Membership.child_id == Child.id)
        .outerjoin(Certificate, and_(Certificate.child_id == Child.id, Certificate.archived.is_(False)))
        .where(Membership.group_id == group_id, or_(overlaps, Child.id.in_(marked)))
        .order_by(Child.last_name, Child.first_name, Child.middle_name, Child.birth_date)
    ).all()
    seen: dict[int, JournalChild] = {}
    for child, member_from, member_to, number in rows:
        line = JournalChild(
            child_id=child.id,
            full_name=" ".join(p for p in (child.last_name, child.first_name, child.middle_name) if p),
            birth_date=child.birth_date,
            certificate_number=number or "",
            member_from=member_from,
            member_to=member_to,
        )
        previous = seen.get(child.id)
        if previous is None or (previous.member_to is not None and
                                (member_to is None or member_to > previous.member_to)):
            seen[child.id] = line  # a child re-enrolled in the same group: the latest membership
    return tuple(seen.values())


def mark_attendance(
    db: Database, group_id: int, lesson_date: date, changes: Sequence[MarkChange]
) -> int:
    """Save marks of one lesson in one transaction: the cells, their audit trail and the outbox ops.

    Returns the number of cells that changed. Unchanged cells write nothing.
    """
    if not changes:
        return 0
    codes: dict[int, int | None] = {}
    for change in changes:
        if change.code is not None:
            try:
                codes[change.child_id] = int(parse_code(change.code))
            except ValueError as exc:
                raise ValidationError("code", str(exc)) from None
        else:
            codes[change.child_id] = None
    changed = 0
    with db.write() as s:
        lesson = s.scalar(
            select(Lesson.id).where(
                Lesson.group_id == group_id, Lesson.lesson_date == lesson_date, Lesson.cancelled.is_(False)
            )
        )
        has_marks = s.scalar(
            select(AttendanceMark.id).where(
                AttendanceMark.group_id == group_id, AttendanceMark.lesson_date == lesson_date
            ).limit(1)
        )
        if lesson is None and has_marks is None:
            raise ValidationError(
                "lesson_date",
                f"{lesson_date:%d.%m.%Y} у группы нет занятия по расписанию: отметку поставить нельзя.",
            )
        members = _members_on(s, group_id, lesson_date)
        device = s.scalar(select(Device))
        # The operator's login, as long as the wire takes it (MarkSetPayload.changed_by).
        operator = ((device.operator if device is not None else "") or getpass.getuser())[:64]
        # Dated on the portal's clock now, when the edit is made (domain/clock.py): one reading
        # of the anchor for the whole save; a wrong or corrected wall clock does not move it.
        # Each op keeps the reading, so a provisional time is re-dated at the next sync.
        stamp = date_edit(device, db.clock)
        now = stamp.at
        # One function writes every cell of the journal (models/marks.py): only the cells this
        # save changes, each with its audit row; then one op per changed cell.
        applied = apply_marks(s, [stored_mark(group_id, child_id, lesson_date, code, now, operator)
                                  for child_id, code in codes.items()], AUDIT_EDIT)
        for (_id, _group, child_id, _day, _code, _at, _by), _old in applied:
            if child_id not in members:
                raise NotAllowed(  # the transaction is rolled back: nothing of this save stays
                    f"Ребёнок не числится в группе на {lesson_date:%d.%m.%Y}: отметку поставить нельзя."
                )
        for (key, _group, child_id, _day, code, _at, _by), _old in applied:
            payload: p.MarkSetPayload | p.MarkClearPayload
            if code is None:
                payload = p.MarkClearPayload(group_id=group_id, child_id=child_id, lesson_date=lesson_date,
                                             changed_at=now, changed_by=operator)
            else:
                payload = p.MarkSetPayload(group_id=group_id, child_id=child_id, lesson_date=lesson_date,
                                           code=code, changed_at=now, changed_by=operator)
            stamp_op(enqueue(s, key, payload), stamp)
        changed = len(applied)
    return changed


def _members_on(s: Session, group_id: int, day: date) -> set[int]:
    return set(
        s.scalars(
            select(Membership.child_id).where(
                Membership.group_id == group_id,
                Membership.archived.is_(False),
                Membership.date_from <= day,
                or_(Membership.date_to.is_(None), Membership.date_to >= day),
            )
        )
    )


def mark_history(db: Database, group_id: int, child_id: int, lesson_date: date) -> list[AuditRow]:
    """The audit trail of one cell, oldest first."""
    with db.read() as s:
        rows = s.scalars(
            select(MarkAudit)
            .where(MarkAudit.mark_id == mark_id(group_id, child_id, lesson_date))
            .order_by(MarkAudit.id)
        ).all()
        return [AuditRow(r.lesson_date, r.child_id, r.old_code, r.new_code, r.changed_at,
                         r.changed_by, r.reason) for r in rows]
