"""Attendance marks pushed by a PC (``mark.set`` / ``mark.clear``) or entered on the portal itself
(``admin.set_mark``): one cell under the portal's rules — the provider's group, then the rules both
sides apply (``domain.attendance.mark_refusal``: the group's dates, a lesson that day, the child's
membership on that day, a month not yet billed), the later edit wins.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, select, update

from pfdo_desktop.domain.attendance import (
    R_LESSON_CANCELLED,
    R_LESSON_MOVED,
    R_NO_LESSON,
    R_OUTSIDE_GROUP_DATES,
    code_error,
    mark_id,
    mark_refusal,
)
from pfdo_desktop.domain.clock import portal_edit_time
from pfdo_desktop.domain.lessons import day_of
from pfdo_desktop.domain.membership import member_on_any
from pfdo_desktop.domain.schedule import is_lesson_day
from pfdo_desktop.sync import protocol as p

from . import db
from .common import Ctx, as_utc, iso_dt, utcnow
from .lessons import states_of
from .records import mark_row
from .refusals import rejected


def mark_set(ctx: Ctx, op_id: str, pl: p.MarkSetPayload) -> p.OpResult:
    """``mark.set``: a code 1..4 in one cell."""
    if error := code_error(pl.code):
        return rejected(op_id, p.R_INVALID, {"code": error})
    return _apply(ctx, op_id, pl, pl.code)


def mark_clear(ctx: Ctx, op_id: str, pl: p.MarkClearPayload) -> p.OpResult:
    """``mark.clear``: the cell emptied (a code sent along is not read)."""
    return _apply(ctx, op_id, pl, None)


def _apply(ctx: Ctx, op_id: str, pl: p.MarkSetPayload | p.MarkClearPayload, code: int | None) -> p.OpResult:
    return apply_mark(
        ctx.conn,
        provider_id=ctx.provider_id,
        group_id=pl.group_id,
        child_id=pl.child_id,
        lesson_date=pl.lesson_date,
        code=code,
        changed_at=as_utc(pl.changed_at),
        changed_by=pl.changed_by,
        device_id=ctx.device_id,
        op_id=op_id,
    )


def apply_mark(
    conn: Connection,
    *,
    provider_id: int,
    group_id: int,
    child_id: int,
    lesson_date: date,
    code: int | None,
    changed_at: datetime,
    changed_by: str,
    device_id: str | None,
    op_id: str,
) -> p.OpResult:
    """Set (code 1..4) or clear (code None) one attendance cell under the portal's rules.

    A refusal carries the portal's value of the cell (``code`` None: no mark), so the PC shows what
    the portal holds; the refused value stays in the PC's audit trail.
    """
    now = utcnow()  # the moment the portal receives this edit
    # The PC dates an edit on the portal's clock when it is made; whatever went wrong on the way,
    # an edit is never dated after it reached the portal (no window in which it beats real ones).
    changed_at = portal_edit_time(changed_at, now)
    mk = db.marks.c
    cell = and_(mk.group_id == group_id, mk.child_id == child_id, mk.lesson_date == lesson_date)

    def refused(code: str, field_errors: dict[str, str] | None = None, stored: Any = None) -> p.OpResult:
        record = mark_row(stored) if stored is not None else {
            "group_id": group_id, "child_id": child_id, "lesson_date": lesson_date.isoformat(),
            "code": None, "changed_at": iso_dt(changed_at), "changed_by": ""}
        return rejected(op_id, code, field_errors).model_copy(update={"server_record": record})

    g = db.groups.c
    group = conn.execute(
        select(g.provider_id, g.date_from, g.date_to, g.explicit_dates, g.cancelled_dates).where(
            g.id == group_id
        )
    ).first()
    if group is None:
        return refused(p.R_UNKNOWN_GROUP)
    if group.provider_id != provider_id:
        return refused(p.R_FORBIDDEN)  # never another provider's value
    # Locked until commit (PostgreSQL): two PCs pushing one cell at once apply one after the other.
    stored = conn.execute(select(db.marks).where(cell).with_for_update()).first()
    # The day with the group's lesson states (issue 12): a date a lesson was moved to holds it;
    # a lesson cancelled by the provider or moved away takes no marks.
    day = day_of(lesson_date, scheduled=_lesson_day(conn, group_id, group, lesson_date),
                 states=states_of(conn, group_id))
    refusal = mark_refusal(
        lesson_date,
        group_from=group.date_from,
        group_to=group.date_to,
        lesson_day=day.lesson_day,
        cancelled=day.cancelled,
        moved_to=day.moved_to,
        marked_that_day=conn.execute(
            select(mk.child_id).where(mk.group_id == group_id, mk.lesson_date == lesson_date,
                                      mk.code.is_not(None)).limit(1)
        ).first() is not None,
        member=member_on_any(
            conn.execute(
                select(db.memberships.c.date_from, db.memberships.c.date_to).where(
                    db.memberships.c.group_id == group_id, db.memberships.c.child_id == child_id
                )
            ).all(),
            lesson_date,
        ),
        month_locked=conn.execute(
            select(db.locked_months.c.month).where(
                db.locked_months.c.provider_id == provider_id,
                db.locked_months.c.month == lesson_date.replace(day=1),
            )
        ).first() is not None,
    )
    if refusal is not None:  # a refused mark leaves the stored (for a billed month: billed) value
        # the date is what to check
        dated = refusal.reason in (R_OUTSIDE_GROUP_DATES, R_NO_LESSON, R_LESSON_CANCELLED, R_LESSON_MOVED)
        details = {refusal.field: refusal.message} if dated else None
        return refused(refusal.reason, details, stored)
    old_code = stored.code if stored is not None else None

    def audit(outcome: str) -> None:  # «applied», or «lost» to a later edit on the portal
        conn.execute(db.mark_audit.insert().values(
            group_id=group_id, child_id=child_id, lesson_date=lesson_date, old_code=old_code,
            new_code=code, changed_at=changed_at, changed_by=changed_by, device_id=device_id,
            op_id=op_id, outcome=outcome, recorded_at=now))

    if old_code == code:
        return p.OpResult(op_id=op_id, status=p.DUPLICATE)
    if stored is not None and as_utc(stored.changed_at) > changed_at:
        # A later edit is already on the portal: it wins; the loser is kept in the audit trail.
        audit("lost")
        return p.OpResult(
            op_id=op_id,
            status=p.CONFLICT,
            message="На портале есть более поздняя правка этой отметки; она сохранена.",
            server_record=mark_row(stored),
        )
    values = {
        "code": code,
        "changed_at": changed_at,
        "changed_by": changed_by,
        "device_id": device_id,
        "recorded_at": now,
    }
    if stored is None:
        conn.execute(
            db.marks.insert().values(
                group_id=group_id,
                child_id=child_id,
                lesson_date=lesson_date,
                mark_uid=mark_id(group_id, child_id, lesson_date),
                provider_id=provider_id,
                **values,
            )
        )
    else:
        conn.execute(update(db.marks).where(cell).values(**values))
    audit("applied")
    db.stamp(
        conn,
        [db.Change("own", "mark", mark_id(group_id, child_id, lesson_date), provider_id, code is None,
                   lesson_date)],
    )
    return p.OpResult(op_id=op_id, status=p.APPLIED)


def _lesson_day(conn: Connection, group_id: int, group: Any, day: date) -> bool:
    """Is ``day`` a lesson day of the group by the schedule the portal holds (``is_lesson_day``)?"""
    weekdays = set(conn.execute(
        select(db.schedule_slots.c.weekday).where(db.schedule_slots.c.group_id == group_id)
    ).scalars())
    return is_lesson_day(
        day, group_from=group.date_from, group_to=group.date_to, weekdays=weekdays,
        explicit_dates={date.fromisoformat(d) for d in json.loads(group.explicit_dates or "[]")},
        cancelled_dates={date.fromisoformat(d) for d in json.loads(group.cancelled_dates or "[]")},
    )
