"""Lesson states pushed by a PC (``lesson.state``, issue 12): a lesson held (the default), cancelled
by the provider or moved to another date. The provider's group, then the rule both sides apply
(``domain.lessons.state_refusal``: the group's dates, a lesson of the schedule that day, the new
date of a move free, no billed month touched, no marks on the date the lesson leaves); the later
edit wins, as for marks. A change is stamped into the own stream (``lesson_state``), so every PC
of the provider pulls it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table, and_, select, update

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.domain.clock import portal_edit_time
from pfdo_desktop.domain.lessons import HELD, HELD_STATE, LessonState, state_refusal
from pfdo_desktop.domain.schedule import is_lesson_day
from pfdo_desktop.sync import protocol as p

from . import db
from .common import Ctx, as_utc, chunks, iso_dt, iso_or_none, utcnow
from .refusals import rejected


def lesson_state_row(row: Any) -> dict[str, Any]:
    """A stored lesson state as it travels (``LessonStateRecord``)."""
    return {
        "group_id": row.group_id,
        "lesson_date": row.lesson_date.isoformat(),
        "state": row.state,
        "moved_to": iso_or_none(row.moved_to),
        "reason": row.reason,
        "changed_at": iso_dt(row.changed_at),
        "changed_by": row.changed_by,
    }


def states_of(conn: Connection, group_id: int) -> dict[date, LessonState]:
    """The group's lessons whose state is not held, by their date (``domain.lessons``' input)."""
    ls = db.lesson_states.c
    return {
        row.lesson_date: LessonState(row.state, row.moved_to, row.reason)
        for row in conn.execute(
            select(ls.lesson_date, ls.state, ls.moved_to, ls.reason).where(
                ls.group_id == group_id, ls.state != HELD)
        )
    }


def scheduled_days(conn: Connection, group_id: int, group: Any) -> Any:
    """The schedule's lesson-day rule of the group as the portal holds it (``is_lesson_day``)."""
    weekdays = set(conn.execute(
        select(db.schedule_slots.c.weekday).where(db.schedule_slots.c.group_id == group_id)
    ).scalars())
    explicit = {date.fromisoformat(d) for d in json.loads(group.explicit_dates or "[]")}
    cancelled = {date.fromisoformat(d) for d in json.loads(group.cancelled_dates or "[]")}

    def scheduled(day: date) -> bool:
        return is_lesson_day(day, group_from=group.date_from, group_to=group.date_to, weekdays=weekdays,
                             explicit_dates=explicit, cancelled_dates=cancelled)

    return scheduled


def lesson_state(ctx: Ctx, op_id: str, pl: p.LessonStatePayload) -> p.OpResult:
    """``lesson.state``: the state of one lesson under the portal's rules."""
    conn = ctx.conn
    now = utcnow()
    changed_at = portal_edit_time(as_utc(pl.changed_at), now)
    ls = db.lesson_states.c
    key = and_(ls.group_id == pl.group_id, ls.lesson_date == pl.lesson_date)

    def refused(code: str, field_errors: dict[str, str] | None, stored: Any) -> p.OpResult:
        record = lesson_state_row(stored) if stored is not None else {
            "group_id": pl.group_id, "lesson_date": pl.lesson_date.isoformat(), "state": HELD,
            "moved_to": None, "reason": "", "changed_at": iso_dt(changed_at), "changed_by": ""}
        return rejected(op_id, code, field_errors).model_copy(update={"server_record": record})

    group, code = own_group(ctx, pl.group_id)
    if group is None:
        return refused(code, None, None)  # unknown, or never another provider's state
    # Locked until commit (PostgreSQL): two PCs changing one lesson at once apply one after the other.
    stored = conn.execute(select(db.lesson_states).where(key).with_for_update()).first()
    new = LessonState(pl.state, pl.moved_to if pl.state == "moved" else None, pl.reason.strip())
    states = states_of(conn, pl.group_id)
    days = [d for d in (pl.lesson_date, new.moved_to, states.get(pl.lesson_date, HELD_STATE).moved_to) if d]
    mk = db.marks.c
    marked = set(conn.execute(
        select(mk.lesson_date).where(mk.group_id == pl.group_id, mk.lesson_date.in_(days),
                                     mk.code.is_not(None)).distinct()
    ).scalars())
    lm = db.locked_months.c
    locked = set(conn.execute(select(lm.month).where(lm.provider_id == ctx.provider_id)).scalars())
    refusal = state_refusal(
        pl.lesson_date, new, group_from=group.date_from, group_to=group.date_to,
        scheduled=scheduled_days(conn, pl.group_id, group), states=states, marked_days=marked,
        locked_months=locked)
    if refusal is not None:
        return refused(refusal.reason, {refusal.field: refusal.message}, stored)
    if stored is not None and (stored.state, stored.moved_to, stored.reason) == (new.state, new.moved_to,
                                                                                new.reason):
        return p.OpResult(op_id=op_id, status=p.DUPLICATE)
    if stored is None and new.state == HELD:
        return p.OpResult(op_id=op_id, status=p.DUPLICATE)  # held is what a lesson is without a row
    if stored is not None and as_utc(stored.changed_at) > changed_at:
        return p.OpResult(
            op_id=op_id, status=p.CONFLICT,
            message="На портале есть более поздняя правка состояния этого занятия; она сохранена.",
            server_record=lesson_state_row(stored))
    values = {"state": new.state, "moved_to": new.moved_to, "reason": new.reason, "changed_at": changed_at,
              "changed_by": pl.changed_by, "device_id": ctx.device_id, "recorded_at": now}
    return store_lesson_row(ctx, op_id, db.lesson_states, "lesson_state", pl, stored, values,
                            cleared=new.state == HELD)


def lesson_state_changes(conn: Connection, items: list[Any]) -> p.EntityChanges:
    """Own-stream rows (keyed by lesson_uid) → lesson states; a lesson back to held is a delete."""
    return lesson_row_changes(conn, db.lesson_states, items, lambda row: row.state == HELD, lesson_state_row)


# --- shared by lesson states and lesson themes (lesson_themes.py): a row per lesson of a group ---


def own_group(ctx: Ctx, group_id: int) -> tuple[Any, str]:
    """The group's dates and schedule fields, or (None, the refusal's code): unknown, or another
    provider's (``forbidden``: a device never touches another provider's lessons)."""
    g = db.groups.c
    group = ctx.conn.execute(
        select(g.provider_id, g.date_from, g.date_to, g.explicit_dates, g.cancelled_dates).where(
            g.id == group_id)
    ).first()
    if group is None:
        return None, p.R_UNKNOWN_GROUP
    if group.provider_id != ctx.provider_id:
        return None, p.R_FORBIDDEN
    return group, ""


def store_lesson_row(ctx: Ctx, op_id: str, table: Table, entity: str, pl: Any, stored: Any,
                     values: dict[str, Any], *, cleared: bool) -> p.OpResult:
    """Insert or update the lesson's row of ``table`` and stamp it into the own stream (``cleared``:
    a delete there)."""
    uid = lesson_id(pl.group_id, pl.lesson_date)
    if stored is None:
        ctx.conn.execute(table.insert().values(group_id=pl.group_id, lesson_date=pl.lesson_date,
                                               provider_id=ctx.provider_id, lesson_uid=uid, **values))
    else:
        ctx.conn.execute(update(table).where(and_(table.c.group_id == pl.group_id,
                                                  table.c.lesson_date == pl.lesson_date)).values(**values))
    db.stamp(ctx.conn, [db.Change("own", entity, uid, ctx.provider_id, cleared)])
    return p.OpResult(op_id=op_id, status=p.APPLIED)


def lesson_row_changes(conn: Connection, table: Table, items: list[Any], cleared: Callable[[Any], bool],
                       row_of: Callable[[Any], dict[str, Any]]) -> p.EntityChanges:
    """Own-stream rows (keyed by lesson_uid) → ``table``'s rows as they travel; a row gone or
    ``cleared`` is a delete of the lesson's entity."""
    uids = [r.entity_key for r in items]
    found: dict[str, Any] = {}
    for chunk in chunks(uids, 900):
        for stored in conn.execute(select(table).where(table.c.lesson_uid.in_(chunk))):
            found[stored.lesson_uid] = stored
    upserts: list[dict[str, Any]] = []
    deletes: list[Any] = []
    for r in items:
        row = found.get(r.entity_key)
        if row is None:
            continue
        if r.deleted or cleared(row):
            deletes.append({"group_id": row.group_id, "lesson_date": row.lesson_date.isoformat()})
        else:
            upserts.append(row_of(row))
    return p.EntityChanges(upserts=upserts, deletes=deletes)
