"""The PC's clocks, and the portal-clock anchor kept on the ``device`` row (domain/clock.py).

``Database.clock`` is a ``SystemClock`` unless a test injects another; services date edits with
``date_edit`` (and record the reading on the op with ``stamp_op``), the sync engine keeps a fresh
anchor with ``store_anchor``, and ``services.outbox.redate_pending`` re-dates the provisional ops
still waiting (their local copies with ``redate_local``).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pfdo_desktop.domain.clock import Anchor, Clock, ClockReading, edit_time
from pfdo_desktop.domain.ops import OP_APP_CREATE, OP_LESSON_STATE, OP_LESSON_THEME

from .entities import AUDIT_EDIT, Application, AttendanceMark, Lesson, LessonThemeAudit, MarkAudit
from .sync_tables import Device, OutboxOp

BOOT_ID_PATH = Path("/proc/sys/kernel/random/boot_id")


def _since_boot() -> float:
    """Seconds since boot that never jump. Linux: CLOCK_BOOTTIME, which keeps counting while the
    PC sleeps (CLOCK_MONOTONIC, behind ``time.monotonic()``, stops then, and an edit made after a
    night in suspend would be dated to the evening). Elsewhere ``time.monotonic()`` (Windows:
    milliseconds since boot)."""
    if sys.platform.startswith("linux") and hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


def _boot_id() -> str:
    """Linux names every boot; other systems give no id a program can read, and the rule in
    ``domain.clock.same_boot`` works from the clocks alone there."""
    try:
        return BOOT_ID_PATH.read_text(encoding="ascii").strip()
    except OSError:
        return ""


class SystemClock:
    """The real clocks of this PC."""

    def __init__(self) -> None:
        self._boot_id = _boot_id()  # one boot per process lifetime

    def read(self) -> ClockReading:
        return ClockReading(wall=datetime.now(UTC), mono=_since_boot(), boot_id=self._boot_id)


def anchor_of(device: Device) -> Anchor | None:
    if device.clock_anchor_at is None or device.clock_anchor_mono is None or device.clock_anchor_wall is None:
        return None
    return Anchor(portal_time=device.clock_anchor_at, wall=device.clock_anchor_wall,
                  mono=device.clock_anchor_mono, boot_id=device.clock_anchor_boot or "",
                  offset=timedelta(seconds=device.clock_offset_s or 0.0),
                  round_trip=device.clock_anchor_rtt_s)


def store_anchor(device: Device, anchor: Anchor) -> None:
    """Keep ``anchor`` on the (session-attached) device row; the caller's transaction writes it."""
    device.clock_anchor_at = anchor.portal_time
    device.clock_anchor_wall = anchor.wall
    device.clock_anchor_mono = anchor.mono
    device.clock_anchor_boot = anchor.boot_id
    device.clock_anchor_rtt_s = anchor.round_trip
    device.clock_offset_s = anchor.offset.total_seconds()


@dataclass(frozen=True)
class EditStamp:
    """The time of an edit on the portal's clock, with the reading of the PC's clocks it was made
    at and whether that time is provisional (``domain.clock.EditTime``)."""

    at: datetime
    made: ClockReading
    provisional: bool


def date_edit(device: Device | None, clock: Clock) -> EditStamp:
    """Now on the portal's clock, for the edits of one save (call once per save: one reading of
    the device row). After a reboot the re-based anchor is stored on ``device`` (attached to the
    caller's write session)."""
    now = clock.read()
    if device is None:
        return EditStamp(now.wall, now, provisional=True)
    dated = edit_time(anchor_of(device), timedelta(seconds=device.clock_offset_s or 0.0), now)
    if dated.rebased is not None:
        store_anchor(device, dated.rebased)
    return EditStamp(dated.at, now, dated.provisional)


def edit_time_now(device: Device | None, clock: Clock) -> datetime:
    """``date_edit`` for a time that goes on no op."""
    return date_edit(device, clock).at


def stamp_op(op: OutboxOp, stamp: EditStamp) -> None:
    """Keep on ``op`` the clocks its edit was made at, so a sync can re-date it while it waits."""
    op.clock_boot = stamp.made.boot_id
    op.clock_mono = stamp.made.mono
    op.clock_wall = stamp.made.wall
    op.clock_provisional = stamp.provisional


def redate_local(s: Session, kind: str, entity_key: str, uid: str, old: datetime, at: datetime) -> None:
    """The local copies of a re-dated op's time (``services.outbox.redate_pending``): an
    application's creation (``uid``), a lesson's state, or the mark ``entity_key`` and the audit
    row of that edit."""
    if kind == OP_APP_CREATE:
        s.execute(update(Application).where(Application.id == uid, Application.created_at == old)
                  .values(created_at=at))
        s.execute(update(Application).where(Application.id == uid, Application.pending_at == old)
                  .values(pending_at=at))
        return
    if kind == OP_LESSON_THEME:  # «theme:<lesson id>» (services.lesson_themes.entity_key): its audit row
        s.execute(update(LessonThemeAudit).where(
            LessonThemeAudit.lesson_id == entity_key.removeprefix("theme:"),
            LessonThemeAudit.reason == AUDIT_EDIT, LessonThemeAudit.changed_at == old).values(changed_at=at))
        return
    if kind == OP_LESSON_STATE:  # «lesson:<lesson id>» (services.lesson_states.entity_key)
        s.execute(update(Lesson).where(Lesson.id == entity_key.removeprefix("lesson:"),
                                       Lesson.state_changed_at == old).values(state_changed_at=at))
        return
    # A mark's op is keyed by the cell's id (uuid5 of the cell), which the journal does not store:
    # the audit row of that edit names the cell.
    cell = s.execute(select(MarkAudit.group_id, MarkAudit.child_id, MarkAudit.lesson_date)
                     .where(MarkAudit.mark_id == entity_key).limit(1)).first()
    if cell is not None:
        s.execute(update(AttendanceMark).where(
            AttendanceMark.group_id == cell.group_id, AttendanceMark.lesson_date == cell.lesson_date,
            AttendanceMark.child_id == cell.child_id, AttendanceMark.changed_at == old).values(changed_at=at))
    s.execute(update(MarkAudit).where(MarkAudit.mark_id == entity_key, MarkAudit.reason == AUDIT_EDIT,
                                      MarkAudit.changed_at == old).values(changed_at=at))
