"""Helpers shared by the portal tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin

# A fixed "today" inside an academic year (2025-09-01 … 2026-05-31), so data never drifts.
TODAY = date(2025, 11, 24)
CLIENT_VERSION = "0.1.0"
PG_URL = os.environ.get("PFDO_PORTAL_TEST_DB")


def client_headers(token: str | None = None) -> dict[str, str]:
    headers = {p.HEADER_CLIENT_VERSION: CLIENT_VERSION, p.HEADER_PROTOCOL: str(p.PROTOCOL_VERSION)}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return headers


@dataclass
class Device:
    """An enrolled PC as the tests drive it."""

    http: httpx.Client
    device_id: str
    token: str
    provider_id: int

    def push(self, ops: list[dict[str, Any]], **kw: Any) -> httpx.Response:
        return self.http.post(
            "/push",
            json={"device_id": self.device_id, "batch_id": str(uuid.uuid4()), "ops": ops},
            **kw,
        )

    def push_ok(self, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        r = self.push(ops)
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def pull(self, stream: str, cursor: str = "", limit: int | None = None, **params: Any) -> httpx.Response:
        q: dict[str, Any] = {"stream": stream, "cursor": cursor, **params}
        if limit is not None:
            q["limit"] = limit
        return self.http.get("/pull", params=q)

    def pull_all(self, stream: str, cursor: str = "", limit: int | None = None) -> tuple[list[dict], str]:
        """All pages from a cursor: the pages (as JSON) and the final cursor."""
        pages = []
        while True:
            r = self.pull(stream, cursor, limit)
            assert r.status_code == 200, r.text
            page = r.json()
            pages.append(page)
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return pages, cursor


def mark_op(
    group_id: int,
    child_id: int,
    lesson_date: date,
    code: int | None,
    *,
    changed_at: datetime | None = None,
    op_id: str | None = None,
    changed_by: str = "operator",
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "group_id": group_id,
        "child_id": child_id,
        "lesson_date": lesson_date.isoformat(),
        "changed_at": (changed_at or datetime.now(UTC)).isoformat(),
        "changed_by": changed_by,
    }
    if code is not None:
        payload["code"] = code
    return {
        "op_id": op_id or p.new_op_id(),
        "kind": p.OP_MARK_SET if code is not None else p.OP_MARK_CLEAR,
        "payload": payload,
    }


@dataclass(frozen=True)
class Cell:
    group_id: int
    child_id: int
    lesson_date: date


def member_cells(db_url: str, provider_id: int, n: int = 3) -> list[Cell]:
    """Cells (group, active member, a lesson day of the group in Dec 2025 without a seeded mark) of
    a provider: a mark there passes the rules both sides apply (domain.attendance.mark_refusal)."""
    out: list[Cell] = []
    for group in admin.provider_groups(db_url, provider_id):
        for m in group["members"]:
            if m["date_to"] is None:
                days = [d for d in lesson_days(db_url, group, date(2025, 12, 10), date(2025, 12, 31))
                        if admin.get_mark(db_url, group["id"], m["child_id"], d) is None]
                if days:
                    out.append(Cell(group["id"], m["child_id"], days[len(out) % len(days)]))
                break
        if len(out) >= n:
            return out
    return out


def lesson_days(db_url: str, group: dict, date_from: date, date_to: date) -> list[date]:
    """The group's lesson days between two dates by its schedule on the portal (``is_lesson_day``)."""
    from datetime import timedelta

    from sqlalchemy import select

    from pfdo_desktop.domain.schedule import is_lesson_day
    from pfdo_portal import db

    with db.open_engine(db_url) as engine, db.read_tx(engine) as conn:
        weekdays = set(conn.execute(select(db.schedule_slots.c.weekday).where(
            db.schedule_slots.c.group_id == group["id"])).scalars())
    explicit = {date.fromisoformat(d) for d in group.get("explicit_dates") or ()}
    cancelled = {date.fromisoformat(d) for d in group.get("cancelled_dates") or ()}
    days = [date_from + timedelta(days=i) for i in range((date_to - date_from).days + 1)]
    return [d for d in days if is_lesson_day(
        d, group_from=date.fromisoformat(group["date_from"]), group_to=date.fromisoformat(group["date_to"]),
        weekdays=weekdays, explicit_dates=explicit, cancelled_dates=cancelled)]
