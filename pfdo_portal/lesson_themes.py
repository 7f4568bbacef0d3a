"""Lesson themes pushed by a PC (``lesson.theme``, issue 16): the КТП, a theme per lesson of a group.
The provider's group, then the rule both sides apply (``domain.lesson_themes.theme_refusal``: the
theme's length, the group's dates, a lesson that day); the later edit wins, as for marks. A change is
stamped into the own stream (``lesson_theme``), so every PC of the provider pulls it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, select

from pfdo_desktop.domain.clock import portal_edit_time
from pfdo_desktop.domain.lesson_themes import normal_theme, theme_refusal
from pfdo_desktop.sync import protocol as p

from . import db
from .common import Ctx, as_utc, iso_dt, utcnow
from .lessons import lesson_row_changes, own_group, scheduled_days, states_of, store_lesson_row
from .refusals import rejected


def lesson_theme_row(row: Any) -> dict[str, Any]:
    """A stored lesson theme as it travels (``LessonThemeRecord``)."""
    return {
        "group_id": row.group_id,
        "lesson_date": row.lesson_date.isoformat(),
        "theme": row.theme,
        "changed_at": iso_dt(row.changed_at),
        "changed_by": row.changed_by,
    }


def lesson_theme(ctx: Ctx, op_id: str, pl: p.LessonThemePayload) -> p.OpResult:
    """``lesson.theme``: the theme of one lesson under the portal's rules."""
    conn = ctx.conn
    now = utcnow()
    changed_at = portal_edit_time(as_utc(pl.changed_at), now)
    lt = db.lesson_themes.c
    key = and_(lt.group_id == pl.group_id, lt.lesson_date == pl.lesson_date)
    theme = normal_theme(pl.theme)

    def refused(code: str, field_errors: dict[str, str] | None, stored: Any) -> p.OpResult:
        record = lesson_theme_row(stored) if stored is not None else {
            "group_id": pl.group_id, "lesson_date": pl.lesson_date.isoformat(), "theme": "",
            "changed_at": iso_dt(changed_at), "changed_by": ""}
        return rejected(op_id, code, field_errors).model_copy(update={"server_record": record})

    group, code = own_group(ctx, pl.group_id)
    if group is None:
        return refused(code, None, None)  # unknown, or never another provider's theme
    # Locked until commit (PostgreSQL): two PCs changing one theme at once apply one after the other.
    stored = conn.execute(select(db.lesson_themes).where(key).with_for_update()).first()
    stated = set(states_of(conn, pl.group_id))
    mk = db.marks.c
    marked = set(conn.execute(
        select(mk.lesson_date).where(mk.group_id == pl.group_id, mk.lesson_date == pl.lesson_date,
                                     mk.code.is_not(None)).limit(1)
    ).scalars())
    refusal = theme_refusal(pl.lesson_date, theme, group_from=group.date_from, group_to=group.date_to,
                            scheduled=scheduled_days(conn, pl.group_id, group), stated_days=stated,
                            marked_days=marked)
    if refusal is not None:
        return refused(refusal.reason, {refusal.field: refusal.message}, stored)
    if (stored.theme if stored is not None else "") == theme:
        return p.OpResult(op_id=op_id, status=p.DUPLICATE)  # no row is no theme
    if stored is not None and as_utc(stored.changed_at) > changed_at:
        return p.OpResult(
            op_id=op_id, status=p.CONFLICT,
            message="На портале есть более поздняя правка темы этого занятия; она сохранена.",
            server_record=lesson_theme_row(stored))
    values = {"theme": theme, "changed_at": changed_at, "changed_by": pl.changed_by,
              "device_id": ctx.device_id, "recorded_at": now}
    return store_lesson_row(ctx, op_id, db.lesson_themes, "lesson_theme", pl, stored, values,
                            cleared=not theme)


def lesson_theme_changes(conn: Connection, items: list[Any]) -> p.EntityChanges:
    """Own-stream rows (keyed by lesson_uid) → lesson themes; a theme cleared is a delete."""
    return lesson_row_changes(conn, db.lesson_themes, items, lambda row: not row.theme, lesson_theme_row)
