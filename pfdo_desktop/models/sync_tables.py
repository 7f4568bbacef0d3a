"""Sync bookkeeping: the device, the outbox (the only queue), cursors, issues and runs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UtcDateTime

OUTBOX_PENDING = "pending"  # never sent: may still be coalesced with a newer edit of the same cell
OUTBOX_SENT = "sent"  # sent at least once: re-sent with the same op_id until a result arrives
OUTBOX_HELD = "held"  # the portal answered «held» (accepted, its decision to come): not sent again


class Device(Base):
    """This database's identity and its enrolment (one row). The token lives in the OS keyring."""

    __tablename__ = "device"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    db_uuid: Mapped[str] = mapped_column(String(36), unique=True)
    portal_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    device_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    provider_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    provider_name: Mapped[str | None] = mapped_column(Text, nullable=True)
    enrolled_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    clock_offset_s: Mapped[float] = mapped_column(Float, default=0.0)  # portal − wall, last measured
    operator: Mapped[str] = mapped_column(String(64), default="")
    # The portal's clock pinned to this PC's monotonic clock at the last sync (domain/clock.py):
    # edits are dated on it when they are made. Null until the first sync of a version that has it.
    clock_anchor_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    clock_anchor_wall: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    clock_anchor_mono: Mapped[float | None] = mapped_column(Float, nullable=True)
    clock_anchor_boot: Mapped[str | None] = mapped_column(String(64), nullable=True)
    clock_anchor_rtt_s: Mapped[float | None] = mapped_column(Float, nullable=True)
    # The portal this database belongs to (its ``portal_id`` from /info and the enrolment answer, and
    # its name for messages): a sync or a re-enrolment with another portal is refused. Null until the
    # first enrolment or sync of a version that has it (or with a portal too old to say).
    portal_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    portal_name: Mapped[str | None] = mapped_column(Text, nullable=True)


class OutboxOp(Base):
    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(64), index=True)
    payload: Mapped[dict] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(8), default=OUTBOX_PENDING)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # The PC's clocks when the edit this op carries was made, and whether its time is provisional
    # (no measured anchor of that boot yet: the next sync in the boot re-dates it while pending;
    # domain/clock.py ``redated``). Null for ops without a time and ops queued by older versions.
    clock_boot: Mapped[str | None] = mapped_column(String(64), nullable=True)
    clock_mono: Mapped[float | None] = mapped_column(Float, nullable=True)
    clock_wall: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    clock_provisional: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class SyncCursor(Base):
    __tablename__ = "sync_cursor"
    stream: Mapped[str] = mapped_column(String(16), primary_key=True)
    cursor: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SyncIssue(Base):
    """Something the operator must look at («Требует внимания»): a rejected op or a sync problem."""

    __tablename__ = "sync_issue"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    kind: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(64), default="")
    code: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class SyncRun(Base):
    __tablename__ = "sync_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="running")  # running | ok | failed
    pushed: Mapped[int] = mapped_column(Integer, default=0)
    pulled: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    requests: Mapped[int] = mapped_column(Integer, default=0)
    bytes_sent: Mapped[int] = mapped_column(Integer, default=0)
    bytes_received: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
