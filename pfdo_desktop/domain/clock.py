"""The time of an edit, on the portal's clock (issue 10 §6; docs/sync-protocol.md «Time of an edit»).

«Later edit wins» compares the times of edits made on different PCs, so every edit is dated on one
clock — the portal's — and dated **when it is made**, not when it is sent: a PC's wall clock may be
a day off, be corrected between the edit and the sync, or the PC may reboot in between.

- At each sync the PC samples the portal's clock (``GET /info``) and keeps an ``Anchor``: the
  portal's time at a reading of a clock that only moves forward within one boot (``mono``), the
  boot it belongs to, and the offset of the wall clock from the portal's.
- An edit made in the anchor's boot is dated ``anchor time + (mono now − anchor mono)``, whatever
  the wall clock says now. After a reboot it is dated ``wall clock + the last offset`` (never
  before the anchor: the new boot started after it) and the anchor is re-based there, so later
  changes of the wall clock in that boot do not matter. With no anchor yet: the wall clock plus the
  last known offset (0 before the first sync).
- Such a time is *provisional*: nothing measured in this boot backs it. Each op keeps the reading
  of the PC's clocks it was made at, and the next sync in the same boot, once ``GET /info`` has
  given a measured anchor, re-dates the ops still waiting from their monotonic reading
  (``redated``); an op of an earlier boot keeps its estimate, and an op already sent is never
  changed.
- The portal keeps an edit's time but never later than the moment it receives the edit
  (``portal_edit_time``).

Pure arithmetic over plain values; the clocks themselves are read in ``models/clock.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from .ops import OP_APP_CREATE, OP_LESSON_STATE, OP_LESSON_THEME, OP_MARK_CLEAR, OP_MARK_SET

# A round trip this short dates the portal's clock within ±0.1 s: no more samples are needed.
GOOD_ROUND_TRIP_S = 0.2
# At most this many ``GET /info`` samples per sync (only while every answer so far was slow).
MAX_SAMPLES = 4
# Without a boot id (not Linux), a reboot shows as the boot's start (wall − mono) moving forward
# by at least the uptime the anchor was taken at; this much of such a move is taken for clock
# drift or a small wall-clock correction.
REBOOT_SLACK_S = 60.0
# The payload field that carries an op's time on the portal's clock, by op kind.
TIMED_FIELDS = {OP_MARK_SET: "changed_at", OP_MARK_CLEAR: "changed_at", OP_APP_CREATE: "created_at",
                OP_LESSON_STATE: "changed_at", OP_LESSON_THEME: "changed_at"}


@dataclass(frozen=True)
class ClockReading:
    """The PC's clocks read at one moment."""

    wall: datetime  # the wall clock, aware UTC; may be wrong and may jump
    mono: float  # seconds since boot; never jumps, moves forward within one boot
    boot_id: str  # the boot this reading belongs to; "" where the OS gives none


class Clock(Protocol):
    """The PC's clocks (``models.clock.SystemClock``; tests inject shifted ones)."""

    def read(self) -> ClockReading: ...


@dataclass(frozen=True)
class InfoSample:
    """One ``GET /info``: the PC's clocks when it was sent and when its answer arrived, and the
    portal's time in the answer (taken somewhere in between)."""

    sent: ClockReading
    received: ClockReading
    server_time: datetime

    @property
    def round_trip(self) -> float:
        return max(0.0, self.received.mono - self.sent.mono)


@dataclass(frozen=True)
class Anchor:
    """The portal's clock pinned to a reading of the PC's monotonic clock."""

    portal_time: datetime  # the portal's clock at ``mono``
    wall: datetime  # the PC's wall clock at ``mono``
    mono: float
    boot_id: str
    offset: timedelta  # portal clock − wall clock, as last measured (the fallback after a reboot)
    round_trip: float | None  # of the sample it came from; None: re-based after a reboot

    @property
    def measured(self) -> bool:
        """Taken from ``GET /info`` samples. A re-based anchor (after a reboot) is only the wall
        clock plus an old offset: the edits it dates stay provisional."""
        return self.round_trip is not None


@dataclass(frozen=True)
class EditTime:
    at: datetime  # the edit's time on the portal's clock
    rebased: Anchor | None  # a new anchor to keep (after a reboot), else None
    provisional: bool  # no measured anchor of this boot dated it (``redated`` may do better later)


def wants_another_sample(samples: Sequence[InfoSample]) -> bool:
    """Another ``GET /info`` is worth it only while every answer so far was slow: a fast link
    costs no extra request (a no-op sync stays at 3 requests)."""
    if not samples or len(samples) >= MAX_SAMPLES:
        return False
    return min(s.round_trip for s in samples) > GOOD_ROUND_TRIP_S


def anchor_from(samples: Sequence[InfoSample]) -> Anchor:
    """The anchor of the sample with the shortest round trip. The portal read its clock somewhere
    between sending and receiving, so ``server_time + rtt/2`` at the moment of receipt is off by at
    most rtt/2 — a slow answer among fast ones does not shift anything."""
    if not samples:
        raise ValueError("no /info sample")
    best = min(samples, key=lambda s: s.round_trip)
    at = best.server_time + timedelta(seconds=best.round_trip / 2)
    got = best.received
    return Anchor(portal_time=at, wall=got.wall, mono=got.mono, boot_id=got.boot_id,
                  offset=at - got.wall, round_trip=best.round_trip)


def same_boot(anchor: Anchor, now: ClockReading) -> bool:
    """Whether ``now`` is in the anchor's boot, so the monotonic clock links the two."""
    if now.mono < anchor.mono:
        return False  # the monotonic clock went backwards: it restarted, a reboot
    if anchor.boot_id and now.boot_id:
        return anchor.boot_id == now.boot_id
    # No boot id: the boot started at wall − mono. A reboot after the anchor moves that start
    # forward by more than the anchor's uptime; a wall clock set back never moves it forward.
    moved = (now.wall - anchor.wall).total_seconds() - (now.mono - anchor.mono)
    return moved <= max(anchor.mono, REBOOT_SLACK_S)


def edit_time(anchor: Anchor | None, offset: timedelta, now: ClockReading) -> EditTime:
    """The time of an edit made at ``now`` on the portal's clock.

    ``offset`` is the last measured wall-clock offset (used only without an anchor: a database
    last synced by an older version, or never synced, when it is 0).
    """
    if anchor is None:
        return EditTime(now.wall + offset, None, provisional=True)
    if same_boot(anchor, now):
        return EditTime(anchor.portal_time + timedelta(seconds=now.mono - anchor.mono), None,
                        provisional=not anchor.measured)
    # A reboot: the wall clock with the last offset, never before the anchor (this boot began
    # after it). Re-based here, the rest of this boot follows the monotonic clock again.
    at = max(now.wall + anchor.offset, anchor.portal_time)
    rebased = Anchor(portal_time=at, wall=now.wall, mono=now.mono, boot_id=now.boot_id,
                     offset=anchor.offset, round_trip=None)
    return EditTime(at, rebased, provisional=True)


def made_in_boot_of(anchor: Anchor, made: ClockReading) -> bool:
    """Whether an edit read ``made`` in the boot ``anchor`` was measured in. With boot ids on both
    sides they decide. Without (not Linux) only an edit read before the anchor is linked, and only
    when the boot's start (wall − mono) did not move forward between them by more than the edit's
    uptime (the rule of ``same_boot``; a wall clock corrected back never moves it forward)."""
    if anchor.boot_id and made.boot_id:
        return anchor.boot_id == made.boot_id
    if made.mono > anchor.mono:
        return False  # cannot tell a later reading of this boot from one of an earlier, longer boot
    moved = (anchor.wall - made.wall).total_seconds() - (anchor.mono - made.mono)
    return moved <= max(made.mono, REBOOT_SLACK_S)


def redated(anchor: Anchor, made: ClockReading) -> datetime | None:
    """A provisional edit's time from a measured anchor of its boot: ``anchor time − (anchor
    mono − edit mono)``, whatever the wall clock said when the edit was made. None when the anchor
    cannot date it: a re-based (provisional) anchor, or an edit of another boot, which keeps its
    estimate."""
    if not anchor.measured or not made_in_boot_of(anchor, made):
        return None
    return anchor.portal_time - timedelta(seconds=anchor.mono - made.mono)


def portal_edit_time(sent: datetime, received: datetime) -> datetime:
    """The time the portal keeps for an edit: the PC's (already on the portal's clock), but never
    later than the moment the portal receives it — no clock can make an edit unbeatable."""
    return min(sent, received)


# A PC clock this far from the portal's is said to the operator: the journal picks «today», the
# backups and the printed dates follow the PC's clock (the edits themselves are dated on the
# portal's, above). A few minutes are normal drift; ten are a wrong clock or time zone.
WRONG_CLOCK_S = 600


def clock_warning_ru(offset_s: float | None) -> str | None:
    """What to tell the operator when the PC's clock is off the portal's by ``offset_s`` (portal −
    PC, as measured at the last sync); None while it is close or not measured yet."""
    if offset_s is None or abs(offset_s) < WRONG_CLOCK_S:
        return None
    behind = offset_s > 0
    seconds = abs(offset_s)
    days, rest = divmod(int(seconds), 86_400)
    if days:
        size = f"{days} дн."
    elif rest >= 3600:
        size = f"{rest // 3600} ч {rest % 3600 // 60} мин"
    else:
        size = f"{rest // 60} мин"
    way = "отстают" if behind else "спешат"
    return (f"Часы этого ПК {way} от портала на {size}. Исправьте дату, время и часовой пояс в "
            "настройках системы: по ним журнал выбирает сегодняшний день, а резервные копии и печатные "
            "формы — дату. Отметки датируются по часам портала и не пострадают.")
