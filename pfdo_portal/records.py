"""Stored rows as they travel: in a pulled page, and as the ``server_record`` of an op's result.

Dates ISO, times ``common.iso_dt``, money as decimal text, JSON columns as lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import Connection, select

from pfdo_desktop.domain import payment as pay

from . import db
from .common import iso_dt, iso_or_none

# Columns of «program» stored as JSON text and sent as lists.
PROGRAM_LIST_FIELDS = ("ovz", "addresses", "teachers")
# Columns of «certificate_periods» that are not on the wire (``protocol.PeriodRecord``).
PERIOD_PORTAL_FIELDS = ("opened_at", "closed_at", "returned")


def mark_row(row: Any) -> dict[str, Any]:
    """A stored mark as it travels in the own stream (``code`` is None for a cleared cell)."""
    return {
        "group_id": row.group_id,
        "child_id": row.child_id,
        "lesson_date": row.lesson_date.isoformat(),
        "code": row.code,
        "changed_at": iso_dt(row.changed_at),
        "changed_by": row.changed_by,
    }


def application_row(row: Any) -> dict[str, Any]:
    """An application as it travels (master entity «application», and the server_record of the
    application commands): dates ISO, money as decimal text, the history as a list."""
    return {
        "id": row.id,
        "number": row.number,
        "child_id": row.child_id,
        "group_id": row.group_id,
        "provider_id": row.provider_id,
        "start_date": row.start_date.isoformat(),
        "status": row.status,
        "source": row.source,
        "created_at": iso_dt(row.created_at),
        "decided_at": iso_dt(row.decided_at) if row.decided_at is not None else None,
        "reason_code": row.reason_code,
        "reason_text": row.reason_text,
        "order_number": row.order_number,
        "order_date": iso_or_none(row.order_date),
        "end_date": iso_or_none(row.end_date),
        "end_order_number": row.end_order_number,
        "end_order_date": iso_or_none(row.end_order_date),
        "end_reason": row.end_reason,
        "contract_number": row.contract_number,
        "price_total": row.price_total,
        "certificate_part": row.certificate_part,
        "parent_part": row.parent_part,
        "transferred_to": row.transferred_to,
        "history": json.loads(row.history or "[]"),
    }


def locked_months(conn: Connection, provider_ids: Iterable[int]) -> dict[int, list[str]]:
    """The billed months (``locked_months``) of each provider, as their first days in ISO,
    ascending; a provider with none is left out."""
    ids = sorted(set(provider_ids))
    out: dict[int, list[str]] = {}
    if not ids:
        return out
    lm = db.locked_months.c
    for provider_id, month in conn.execute(
        select(lm.provider_id, lm.month).where(lm.provider_id.in_(ids)).order_by(lm.provider_id, lm.month)
    ):
        out.setdefault(provider_id, []).append(month.isoformat())
    return out


def advance_percent(conn: Connection) -> str:
    """The region's advance percentage as it travels (``portal_settings.advance_percent``, default
    80, checked by ``domain.payment.advance_percent``)."""
    value = db.get_setting(conn, db.ADVANCE_PERCENT_KEY)
    return f"{pay.advance_percent(value if value is not None else pay.DEFAULT_ADVANCE_PERCENT)}"


def provider_rows(conn: Connection, rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Providers as they travel (master «provider»): their columns (with the payment requisites),
    their billed months (``locked_months``), so a PC refuses a mark in a billed month before it is
    sent, and the region's advance percentage (``advance_percent``), so the PC's advance request
    is the one the portal computes."""
    rows = list(rows)
    months = locked_months(conn, (row.id for row in rows))
    percent = advance_percent(conn) if rows else ""
    return [{**master_row("provider", row), "locked_months": months.get(row.id, []),
             "advance_percent": percent} for row in rows]


def master_row(entity: str, row: Any) -> dict[str, Any]:
    """A row of a master entity's table as it travels (``application``: ``application_row``; a
    provider's row here has only its columns: ``provider_rows`` adds its billed months)."""
    if entity == "application":
        return application_row(row)
    out: dict[str, Any] = {}
    for key, value in zip(row._fields, row, strict=True):
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = value
    if entity == "group":
        out["cancelled_dates"] = json.loads(out["cancelled_dates"] or "[]")
        out["explicit_dates"] = json.loads(out.get("explicit_dates") or "[]")
    elif entity == "period":  # the portal's bookkeeping of a close stays on the portal
        for key in PERIOD_PORTAL_FIELDS:
            out.pop(key, None)
    elif entity == "program":
        for key in PROGRAM_LIST_FIELDS:
            out[key] = json.loads(out.get(key) or "[]")
        out["medical_certificate"] = bool(out.get("medical_certificate"))
    return out
