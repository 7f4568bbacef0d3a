"""The emulator's data: the reference portal's demo district, as the Navigator would hold it.

The district is drawn by the portal's own generator (``pfdo_portal.seed``) with the same seed,
so the children, groups, programmes and marks are those a PC enrolled in the demo portal sees;
only the ids are the Navigator's kind (numbers for organisations, programmes, groups and orders,
UUIDs for children). Each organisation gets one admin account; the passwords are drawn afresh
each time (``seed_navigator``) and only their hashes are kept.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import random
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from pfdo_desktop.domain.schedule import WeeklySlot, lesson_dates

from .. import db as portal_db
from .. import seed as portal_seed
from . import schema as t

EVENT_ID_BASE = 20_000
GROUP_ID_BASE = 70_000
ORDER_ID_BASE = 1_400_000
EMAIL_DOMAIN = "zarechny.navigator.example"  # .example: a reserved domain, no real mailbox
# The seeded district's «уважительная причина» (our code 4) has no Navigator code: a school in a
# Navigator region would have marked such a child «не был».
SEED_VALUE = {1: 1, 2: 2, 3: 3, 4: 2}
_KID_NS = uuid.UUID("3d0c6a1e-5f1b-4b8e-9a43-2f7d0c9e6b11")
_PBKDF2_ROUNDS = 20_000  # an emulator's fictional accounts: enough to never store a password


@dataclass(frozen=True)
class Account:
    partner_id: int
    partner_name: str
    email: str
    password: str


def hash_password(password: str, salt: str | None = None) -> str:
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), _PBKDF2_ROUNDS).hex()
    return f"{salt}${digest}"


def check_password(password: str, stored: str) -> bool:
    salt, _, _digest = stored.partition("$")
    return hmac.compare_digest(hash_password(password, salt), stored)


def kid_uuid(child_id: int) -> str:
    return str(uuid.uuid5(_KID_NS, f"kid/{child_id}"))


def email_of(partner_id: int) -> str:
    return f"org{partner_id}.admin@{EMAIL_DOMAIN}"


def new_password() -> str:
    return secrets.token_urlsafe(9)


def seed_navigator(engine: Engine, today: date | None = None, seed: int = portal_seed.DEMO_SEED
                   ) -> list[Account]:
    """Fill an empty emulator database with the demo district; give every account a new password
    (a filled database keeps its data and only gets new passwords) and return the accounts."""
    today = today or date.today()
    with portal_db.write_tx(engine) as conn:
        if conn.execute(select(func.count()).select_from(t.partners)).scalar_one() == 0:
            data = portal_seed._generate(random.Random(seed), "demo", today)
            _insert(conn, data, today)
        accounts = []
        for row in conn.execute(select(t.users.c.id, t.users.c.email, t.users.c.partner_id, t.partners.c.name)
                                .join(t.partners).order_by(t.users.c.partner_id)):
            password = new_password()
            conn.execute(update(t.users).where(t.users.c.id == row.id)
                         .values(password_hash=hash_password(password)))
            accounts.append(Account(row.partner_id, row.name, row.email, password))
        conn.execute(delete(t.tokens))  # new passwords: the old sessions end
    return accounts


def _insert(conn: Connection, data: dict[str, list[dict[str, Any]]], today: date) -> None:
    year_from, year_to = portal_seed.academic_year(today)
    for start in (year_from.year - 1, year_from.year):
        conn.execute(insert(t.academic_years).values(
            id=start, date_start=date(start, 9, 1), date_end=date(start + 1, 8, 31)))
    for p in data["provider"]:
        conn.execute(insert(t.partners).values(id=p["id"], name=p["name"], public_name=p["short_name"]))
        conn.execute(insert(t.users).values(
            id=p["id"], partner_id=p["id"], email=email_of(p["id"]),
            password_hash=hash_password(new_password()), name=p["head_name"], is_locked=False))
    for pr in data["program"]:
        conn.execute(insert(t.events).values(
            id=EVENT_ID_BASE + pr["id"], partner_id=pr["provider_id"], name=pr["name"],
            age_from=pr["age_from_months"] // 12, age_to=pr["age_to_months"] // 12,
            direction=pr["direction"]))
    slots: dict[int, list[WeeklySlot]] = {}
    for s in data["schedule_slot"]:
        slots.setdefault(s["group_id"], []).append(WeeklySlot(
            s["weekday"], time.fromisoformat(s["time_from"]), time.fromisoformat(s["time_to"]), s["room"]))
    lesson_rows = []
    for g in data["group"]:
        gid = GROUP_ID_BASE + g["id"]
        own = sorted(slots.get(g["id"], []), key=lambda s: s.weekday)
        conn.execute(insert(t.groups).values(
            id=gid, event_id=EVENT_ID_BASE + g["program_id"], partner_id=g["provider_id"], name=g["name"],
            teacher=g["teacher"], size=g["capacity"], date_start=g["date_from"], date_end=g["date_to"],
            academic_year_id=g["date_from"].year,
            schedule=json.dumps([{"week_day": s.weekday, "time_start": s.time_from.strftime("%H:%M"),
                                  "time_end": s.time_to.strftime("%H:%M")} for s in own])))
        by_day = {s.weekday: s for s in own}
        cancelled = [date.fromisoformat(d) for d in json.loads(g["cancelled_dates"])]
        for day in lesson_dates(own, g["date_from"], g["date_to"], cancelled):
            slot = by_day[day.isoweekday()]
            span = datetime.combine(day, slot.time_to) - datetime.combine(day, slot.time_from)
            minutes = span.seconds // 60
            lesson_rows.append({"group_id": gid, "date": day, "theme": "", "description": "", "types": "[]",
                                "time_start": slot.time_from.strftime("%H:%M"), "duration": minutes})
    _bulk(conn, t.lessons, lesson_rows)
    for c in data["child"]:
        conn.execute(insert(t.kids).values(
            id=kid_uuid(c["id"]), last_name=c["last_name"], first_name=c["first_name"],
            patro_name=c["middle_name"], birthday=c["birth_date"],
            site_user_id=str(uuid.uuid5(_KID_NS, f"parent/{c['id']}"))))
    program_of = {g["id"]: g["program_id"] for g in data["group"]}
    order_id = ORDER_ID_BASE
    member_rows, order_rows = [], []
    for m in data["membership"]:
        order_id += 1
        gid = GROUP_ID_BASE + m["group_id"]
        provider = next(g["provider_id"] for g in data["group"] if g["id"] == m["group_id"])
        order_rows.append({
            "id": order_id, "partner_id": provider, "kid_id": kid_uuid(m["child_id"]),
            "event_id": EVENT_ID_BASE + program_of[m["group_id"]], "group_id": gid,
            "academic_year_id": m["date_from"].year if m["date_from"].month >= 9 else m["date_from"].year - 1,
            "state": "deduct" if m["date_to"] else "study",
            "created_ts": datetime.combine(m["date_from"] - timedelta(days=7), time(10, 0)),
            "comment": "", "date_enroll": m["date_from"], "date_deduct": m["date_to"],
            "decree_number": f"{order_id % 1000}-о", "financing_source": 1, "cancel_reasons": "[]"})
        member_rows.append({"id": m["id"], "group_id": gid, "kid_id": kid_uuid(m["child_id"]),
                            "order_id": order_id, "date_start": m["date_from"], "date_end": m["date_to"]})
    # An application with a membership already has its order above; the rest wait for a decision.
    states = {"new": "initial", "confirmed": "approve", "rejected": "cancel", "withdrawn": "cancel",
              "expired": "cancel"}
    for a in data["application"]:
        if a["membership_id"] is not None or a["status"] not in states:
            continue
        order_id += 1
        order_rows.append({
            "id": order_id, "partner_id": a["provider_id"], "kid_id": kid_uuid(a["child_id"]),
            "event_id": EVENT_ID_BASE + program_of[a["group_id"]], "group_id": GROUP_ID_BASE + a["group_id"],
            "academic_year_id": year_from.year, "state": states[a["status"]],
            "created_ts": a["created_at"].replace(tzinfo=None), "comment": "", "date_enroll": None,
            "date_deduct": None, "decree_number": "", "financing_source": None, "cancel_reasons": "[]"})
    _bulk(conn, t.orders, order_rows)
    _bulk(conn, t.members, member_rows)
    stamp = datetime.combine(today, time(0, 0))
    _bulk(conn, t.attendance, [
        {"group_id": GROUP_ID_BASE + mk["group_id"], "kid_id": kid_uuid(mk["child_id"]),
         "date": mk["lesson_date"], "value": SEED_VALUE[mk["code"]], "saved_at": stamp}
        for mk in data["mark"]])


def _bulk(conn: Connection, table: Any, rows: list[dict[str, Any]], chunk: int = 5_000) -> None:
    for i in range(0, len(rows), chunk):
        conn.execute(insert(table), rows[i:i + chunk])


def add_kids_to_group(engine: Engine, group_id: int, count: int, date_start: date | None = None) -> list[str]:
    """Enrol ``count`` new fictional children in a group (tests: a group of 60 members)."""
    rng = random.Random(group_id * 7919 + count)
    with portal_db.write_tx(engine) as conn:
        group = conn.execute(select(t.groups).where(t.groups.c.id == group_id)).one()
        next_member = (conn.execute(select(func.max(t.members.c.id))).scalar() or 0) + 1
        next_order = (conn.execute(select(func.max(t.orders.c.id))).scalar() or ORDER_ID_BASE) + 1
        added = []
        for n in range(count):
            male = rng.random() < 0.5
            last = rng.choice(portal_seed.SURNAMES)[0 if male else 1]
            first = rng.choice(portal_seed.MALE_NAMES if male else portal_seed.FEMALE_NAMES)
            patro = rng.choice(portal_seed.PATRONYMICS)[0 if male else 1]
            kid = str(uuid.uuid5(_KID_NS, f"added/{group_id}/{next_member + n}"))
            conn.execute(insert(t.kids).values(
                id=kid, last_name=last, first_name=first, patro_name=patro,
                birthday=date(2014, 1, 1) + timedelta(days=rng.randint(0, 1500)),
                site_user_id=str(uuid.uuid5(_KID_NS, f"added-parent/{kid}"))))
            start = date_start or group.date_start
            conn.execute(insert(t.orders).values(
                id=next_order + n, partner_id=group.partner_id, kid_id=kid, event_id=group.event_id,
                group_id=group_id, academic_year_id=group.academic_year_id, state="study",
                created_ts=datetime.combine(start, time(9, 0)), comment="", date_enroll=start,
                decree_number=f"{n + 1}-о", financing_source=1, cancel_reasons="[]"))
            conn.execute(insert(t.members).values(
                id=next_member + n, group_id=group_id, kid_id=kid, order_id=next_order + n, date_start=start))
            added.append(kid)
    return added
