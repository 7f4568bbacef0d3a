"""Helpers of the enrolment tests: command ops, groups of the demo district, fresh children."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from portal_helpers import TODAY, Device
from sqlalchemy import select

from pfdo_desktop.domain.ages import age_in_months
from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db
from pfdo_portal.enrolment import applications, shared

# The first day of the month after TODAY: inside the open period and every group's dates.
START = date(2025, 12, 1)

_counter = itertools.count(1)
_LETTERS = "абвгдежзик"


def unique_surname() -> str:
    """A surname nobody in the demo district has («Пробабвов»), so matching finds no one."""
    return "Проб" + "".join(_LETTERS[int(d)] for d in str(next(_counter))) + "ов"


def op(kind: str, **payload: Any) -> dict[str, Any]:
    return {"op_id": p.new_op_id(), "kind": kind, "payload": payload}


def child_create_op(
    last_name: str,
    birth_date: date,
    *,
    first_name: str = "Иван",
    middle_name: str = "Петрович",
    uid: str | None = None,
    guardian: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "uid": uid or p.new_uid(),
        "last_name": last_name,
        "first_name": first_name,
        "middle_name": middle_name,
        "birth_date": birth_date.isoformat(),
        **extra,
    }
    if guardian is not None:
        payload["guardian"] = guardian
    return op(p.OP_CHILD_CREATE, **payload)


def app_create_op(
    group_id: int,
    start_date: date = START,
    *,
    child_id: int | None = None,
    child_uid: str | None = None,
    uid: str | None = None,
    expected: str | None = None,
    certificate_number: str | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "uid": uid or p.new_uid(),
        "group_id": group_id,
        "start_date": start_date.isoformat(),
        "created_at": datetime.now(UTC).isoformat(),
    }
    if child_id is not None:
        payload["child_id"] = child_id
    if child_uid is not None:
        payload["child_uid"] = child_uid
    if expected is not None:
        payload["expected_certificate_part"] = expected
    if certificate_number is not None:  # the number from the parent's application (issue 10 §1)
        payload["certificate_number"] = certificate_number
    return op(p.OP_APP_CREATE, **payload)


@dataclass(frozen=True)
class GroupFacts:
    id: int
    provider_id: int
    module_id: int
    registry: str
    age_from_months: int
    age_to_months: int
    capacity: int
    occupied: int  # on START
    date_from: date
    date_to: date

    @property
    def free(self) -> int:
        return self.capacity - self.occupied

    def birth_date_for(self, years: float | None = None) -> date:
        """A birth date that makes the child ``years`` old on START (default: mid-range)."""
        months = int(years * 12) if years is not None else (self.age_from_months + self.age_to_months) // 2
        year, month = divmod(START.year * 12 + START.month - 1 - months, 12)
        return date(year, month + 1, 1)


def groups(db_url: str, provider_id: int) -> list[GroupFacts]:
    engine = db.make_engine(db_url)
    out = []
    with engine.connect() as conn:
        rows = conn.execute(
            select(db.groups.c.id, db.groups.c.module_id)
            .where(db.groups.c.provider_id == provider_id)
            .order_by(db.groups.c.id)
        ).all()
        for row in rows:
            g = shared.load_group(conn, row.id)
            assert g is not None
            out.append(
                GroupFacts(
                    g.id,
                    g.provider_id,
                    row.module_id,
                    g.registry,
                    g.age_from_months,
                    g.age_to_months,
                    g.capacity,
                    applications.occupied_places(conn, g.id, START),
                    g.date_from,
                    g.date_to,
                )
            )
    engine.dispose()
    return out


def find_group(
    db_url: str,
    provider_id: int,
    *,
    certified: bool | None = None,
    min_free: int = 1,
    born: date | None = None,
) -> GroupFacts:
    """A group of the provider with free places (certified or a budget one), for a child born on
    ``born`` if given."""
    for g in groups(db_url, provider_id):
        if certified is not None and (g.registry == "certified") != certified:
            continue
        if g.registry == "paid" or g.free < min_free:
            continue
        if born is not None and not g.age_from_months <= age_in_months(born, START) <= g.age_to_months:
            continue
        return g
    raise AssertionError(f"the demo district has no such group for provider {provider_id}")


def new_child(
    device: Device, db_url: str, birth_date: date, *, pf_balance: str | None = None, **extra: Any
) -> tuple[int, str]:
    """A child registered through this PC (child.create → created): (child id, certificate number).
    ``pf_balance``: the certificate is switched to ПФ with this nominal and balance."""
    [res] = device.push_ok([child_create_op(unique_surname(), birth_date, **extra)])
    assert res["status"] == "applied" and res["server_record"]["outcome"] == "created", res
    child_id, number = res["server_record"]["child_id"], res["server_record"]["certificate_number"]
    if pf_balance is not None:
        admin.set_certificate(db_url, number, status="pf", nominal=pf_balance, balance=pf_balance)
    return child_id, number


def reserve_of(db_url: str, number: str) -> Decimal:
    cert = admin.get_certificate(db_url, number)
    assert cert is not None
    return Decimal(cert["reserve"])


def pulled(device: Device, entity: str, cursor: str = "") -> tuple[list[dict[str, Any]], str]:
    pages, cursor = device.pull_all("master", cursor)
    rows = [r for page in pages for r in page["changes"].get(entity, {}).get("upserts", [])]
    return rows, cursor


__all__ = ["TODAY"]
