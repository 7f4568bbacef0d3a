"""What every part of the portal shares: an error of a whole request, the device a request comes
from and the context a command runs in, the portal's time (an op's result statuses are the
protocol's: ``p.APPLIED`` …).

It imports no other module of the portal, so the use cases (``service``), the op dispatch
(``ops``) and every command module can import it without a cycle.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection

from pfdo_desktop.sync import protocol as p


class ApiError(Exception):
    """An error of a whole request: HTTP status, machine code, Russian message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True, slots=True)
class Device:
    """An enrolled PC, as its token tells the portal (``service.authenticate``)."""

    id: str
    provider_id: int


@dataclass(frozen=True)
class Ctx:
    """What a command runs with: its transaction, who sent it, the portal's today and now."""

    conn: Connection
    provider_id: int
    device_id: str | None
    today: date
    now: datetime


def applied(op_id: str, record: dict[str, Any] | None, message: str | None = None) -> p.OpResult:
    """An applied op, with the portal's record of what it changed."""
    return p.OpResult(op_id=op_id, status=p.APPLIED, message=message, server_record=record)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Aware UTC (SQLite gives naive datetimes back; they were stored as UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def iso_dt(value: datetime) -> str:
    """UTC with microseconds and «Z» (ISO 8601): the client stores this text as it is.
    (``isoformat`` of the naive UTC time: the text of ``strftime("%Y-%m-%dT%H:%M:%S.%fZ")``, several
    times faster — a page carries thousands of times.)"""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds") + "Z"


def iso_or_none(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def chunks(values: list[Any], size: int) -> Iterable[list[Any]]:
    """``values`` in slices of ``size`` (an IN list stays within what a database takes)."""
    for i in range(0, len(values), size):
        yield values[i : i + size]


def contains_nul(value: Any) -> bool:
    """A NUL character anywhere in a text, or in the keys and values of a JSON value: PostgreSQL
    cannot store it in a text column, and no real data carries it."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_nul(v) for v in value)
    return False
