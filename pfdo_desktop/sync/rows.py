"""Pulled rows → the PC's tables: the local model of each master entity, a record (read with its
``protocol.ROW_READERS`` entry) as table columns, and which local rows wait for the portal."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.identity import search_name
from pfdo_desktop.models import (
    Application,
    Certificate,
    CertificatePeriod,
    Child,
    Guardian,
    Membership,
    Module,
    OutboxOp,
    Program,
    Provider,
    ScheduleSlot,
    StudyGroup,
)
from pfdo_desktop.services import programs as program_service

from . import protocol as p

MASTER_MODELS: dict[str, Any] = {
    "provider": Provider,
    "program": Program,
    "module": Module,
    "group": StudyGroup,
    "schedule_slot": ScheduleSlot,
    "child": Child,
    "guardian": Guardian,
    "certificate": Certificate,
    "membership": Membership,
    "application": Application,
    "period": CertificatePeriod,
}

# Columns only this PC writes: a wire row never sets them (a newer portal sending one is ignored).
_LOCAL_COLUMNS = {"search_name", "pending_action", "pending_at", "child_request_uid",
                  "expected_certificate_part", "search_text"}
# Lists of dates, stored as lists of ISO text (JSON columns): a group's days, a provider's billed
# months (their first days).
_DATE_LISTS = {"explicit_dates", "cancelled_dates", "locked_months"}


@functools.cache
def _columns(entity: str) -> tuple[frozenset[str], dict[str, Any]]:
    """The wire fields ``entity``'s table takes, and the default of each column that holds no
    null (a null from the portal there means the default: «» for a text)."""
    columns = MASTER_MODELS[entity].__table__.columns
    taken = frozenset(c.name for c in columns if c.name not in _LOCAL_COLUMNS)
    defaults = {c.name: c.default.arg for c in columns
                if not c.nullable and c.default is not None and c.default.is_scalar}
    return taken, defaults


def master_row(entity: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record as ``protocol.ROW_READERS[entity]`` read it (the fields the portal sent, typed) →
    the table's columns. Fields the table does not have (a newer portal's) are left out."""
    taken, defaults = _columns(entity)
    row: dict[str, Any] = {}
    for key, value in record.items():
        if key not in taken:
            continue
        if value is None and key in defaults:
            value = defaults[key]
        elif key in _DATE_LISTS:
            value = [day.isoformat() for day in value]
        row[key] = value
    if entity == "child":
        row["search_name"] = search_name(record.get("last_name") or "", record.get("first_name") or "",
                                         record.get("middle_name") or "")
    elif entity == "program":
        row["search_text"] = program_service.program_search_text(
            record.get("name") or "", record.get("short_name") or "", row.get("teachers") or [])
    row["archived"] = False
    return row


def portal_rows(model: Any) -> tuple[Any, ...]:
    """Conditions that leave out local rows the portal does not know (an application made on this
    PC has no portal number while its create waits, or when the portal refused it without keeping
    it), so archiving and the count check never touch them."""
    if model is Application:
        return (or_(Application.source != "device", Application.number != ""),)
    return ()


def pending_keys(s: Session) -> set[str]:
    """The ``entity_key`` of every op still in the outbox: rows a pull must not overwrite."""
    return set(s.scalars(select(OutboxOp.entity_key)))


def pending_ids(pending: set[str], entity: str) -> set[Any]:
    """Ids of ``entity`` rows that have an op in the outbox (``pending`` = ``pending_keys``)."""
    prefix = f"{entity}:"
    out: set[Any] = set()
    for key in pending:
        if key.startswith(prefix):
            raw = key[len(prefix):]
            if entity in p.TEXT_ID_ENTITIES:
                out.add(raw)
            elif raw.isdigit():
                out.add(int(raw))
    return out
