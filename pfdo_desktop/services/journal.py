"""The attendance journal of a group: load a period, save marks (with audit and outbox)."""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.attendance import R_INVALID, MarkRefusal, code_error, mark_id, mark_refusal, month_of
from pfdo_desktop.domain.lessons import day_of
from pfdo_desktop.domain.membership import member_on_any
from pfdo_desktop.models import (
    AUDIT_EDIT,
    AttendanceMark,
    Database,
    Device,
    MarkAudit,
    Membership,
)
from pfdo_desktop.models.clock import date_edit
from pfdo_desktop.models.marks import apply_marks, stored_mark

from .errors import GROUP_NOT_FOUND, NotAllowed, NotFound, ValidationError
from .journal_read import read_group, read_journal
from .lesson_states import GroupSchedule, group_states
from .outbox import enqueue_edits
from .rows import AuditRow, Journal, MarkChange


def load_journal(db: Database, group_id: int, date_from: date, date_to: date) -> Journal:
    """Children × lesson dates of a group between two dates, with the marks (``journal_read``:
    plain SQL on the session's own connection, in its read transaction)."""
    with db.read() as s:
        cur = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            found = read_group(cur, group_id)
            if found is None:
                raise NotFound(GROUP_NOT_FOUND)
            group, locked_months = found
            return read_journal(cur, group, locked_months, date_from, date_to)
        finally:
            cur.close()


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
            if error := code_error(change.code):
                raise ValidationError("code", error, reason=R_INVALID)
            codes[change.child_id] = int(change.code)
        else:
            codes[change.child_id] = None
    changed = 0
    with db.write() as s:
        # The rules the portal decides by (domain.attendance.mark_refusal), on this PC's copy of the
        # group, its schedule, its marks and memberships, and the provider's billed months (as of
        # the last sync: a month billed since is refused by the portal at the next one).
        rule = _MarkRule(s, group_id, lesson_date)
        # The group's dates and its lesson that day (membership and the billed month, which come
        # after them in the rule's order, per child below).
        if refusal := rule.refusal(member=True, month_locked=False):
            _raise(refusal)
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
            if refusal := rule.refusal(member=rule.member(child_id)):
                _raise(refusal)  # the transaction is rolled back: nothing of this save stays
        payloads = _MarkPayloads(group_id, lesson_date, now, operator)
        enqueue_edits(s, [(key, *payloads.op(child_id, code))
                          for (key, _group, child_id, _day, code, _at, _by), _old in applied], stamp)
        changed = len(applied)
    return changed


class _MarkPayloads:
    """The ops of one save: ``mark.set`` / ``mark.clear`` payloads as the wire's models
    (``sync.protocol``) make them. The cells of a save differ only in the child and the code, so
    each code's payload is built and checked by its model once and the other cells take it with
    their child (an ``int``, checked here); thirty model instances a save cost more than the save."""

    def __init__(self, group_id: int, lesson_date: date, changed_at: datetime, changed_by: str) -> None:
        self.group_id, self.lesson_date = group_id, lesson_date
        self.changed_at, self.changed_by = changed_at, changed_by
        self.made: dict[int | None, tuple[str, dict[str, Any]]] = {}

    def op(self, child_id: int, code: int | None) -> tuple[str, dict[str, Any]]:
        """(kind, payload JSON) of the cell of ``child_id`` getting ``code`` (None: cleared)."""
        if not isinstance(child_id, int) or isinstance(child_id, bool):
            raise TypeError(f"child_id must be an int, not {type(child_id).__name__}")
        made = self.made.get(code)
        if made is None:
            from pfdo_desktop.sync import protocol as p

            model: p.MarkSetPayload | p.MarkClearPayload
            if code is None:
                model = p.MarkClearPayload(group_id=self.group_id, child_id=child_id,
                                           lesson_date=self.lesson_date, changed_at=self.changed_at,
                                           changed_by=self.changed_by)
            else:
                model = p.MarkSetPayload(group_id=self.group_id, child_id=child_id,
                                         lesson_date=self.lesson_date, code=code, changed_at=self.changed_at,
                                         changed_by=self.changed_by)
            made = self.made[code] = (p.kind_of(model), p.payload_json(model))
        kind, payload = made
        return kind, {**payload, "child_id": child_id}


class _MarkRule:
    """What ``domain.attendance.mark_refusal`` needs of one group's day, read from this PC's tables."""

    def __init__(self, s: Session, group_id: int, day: date) -> None:
        self.day = day
        group = GroupSchedule(s, group_id)  # the group's dates, its lesson days, the billed months
        self.month_locked = month_of(day) in group.locked_months
        self.group_from, self.group_to = group.group_from, group.group_to
        # The day with the group's lesson states (issue 12, domain.lessons.day_of): a date a lesson
        # was moved to holds it; one cancelled by the provider or moved away takes no marks.
        self.day_for_marks = day_of(day, scheduled=group.scheduled(day), states=group_states(s, group_id))
        self.marked = s.scalar(
            select(AttendanceMark.code).where(
                AttendanceMark.group_id == group_id, AttendanceMark.lesson_date == day
            ).limit(1)
        ) is not None
        self.spans: dict[int, list[tuple[date, date | None]]] = {}
        for child_id, member_from, member_to in s.execute(
            select(Membership.child_id, Membership.date_from, Membership.date_to).where(
                Membership.group_id == group_id, Membership.archived.is_(False))
        ):
            self.spans.setdefault(child_id, []).append((member_from, member_to))

    def member(self, child_id: int) -> bool:
        return member_on_any(self.spans.get(child_id, ()), self.day)

    def refusal(self, *, member: bool, month_locked: bool | None = None) -> MarkRefusal | None:
        """The rule's verdict for a child (``member``); ``month_locked`` None: this day's month."""
        d = self.day_for_marks
        return mark_refusal(self.day, group_from=self.group_from, group_to=self.group_to,
                            lesson_day=d.lesson_day, marked_that_day=self.marked, member=member,
                            month_locked=self.month_locked if month_locked is None else month_locked,
                            cancelled=d.cancelled, moved_to=d.moved_to)


def _raise(refusal: MarkRefusal) -> None:
    if refusal.field == "child_id":
        raise NotAllowed(refusal.message, reason=refusal.reason)
    raise ValidationError(refusal.field, refusal.message, reason=refusal.reason)


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
