"""The parents' navigator (issue 17, part 2): the public catalogue of published programmes, a
parent's demo login by a one-time code, the parent's children with their certificates and
applications, an application with the rulebook's pre-check, and the certificate requests.

The pages themselves are ``web/`` (Jinja2); this module reads and writes the rows.

Decisions where the issue was silent:

* **Who a parent is.** Real ЕСИА is out of scope. A portal operator issues a one-time code for one
  or more children (``pfdo-portal parent-code --child N --snils …``); the code opens a *parent
  account* holding exactly those children. The same set of children is one account (a second code
  for them logs into the same account). A parent never sees or names any other child: every
  child id of a request is checked against the account.
* **Codes** are 8 characters (``ABCD-EFGH``, 32 letters and digits), one-time, 24 hours by
  default; only their SHA-256 is stored. Wrong codes are counted with the wrong enrolment codes
  (``limits.GuessGuard``: the same per-address limit).
* **The session** is a cookie signed with HMAC-SHA256 by a secret the portal makes on first use
  and keeps in its settings table (never in the code): the account and the expiry, 8 hours.
  The POST forms carry a CSRF token derived from the session (or, for the login form, from a
  random cookie of the visitor).
* **The pre-check** is the portal's own decision (``enrolment.applications.decide``: the rulebook
  ``domain.enrolment.check_application`` and ``domain.pricing.contract_cost_for_period`` with the
  certificate's free balance). A full group is shown as a warning and does not stop the parent:
  the place is decided when the provider confirms (``submit_online``).
* **The cost split on the programme page** is ``contract_cost_for_period`` for the whole of the
  group's remaining period with a balance large enough (the module's price): what the certificate
  pays at most and what the parent pays on top. A logged-in parent sees the split with the
  child's real free balance in the pre-check.
* **Certificate requests** are decided at once and kept in ``parent_requests`` with their outcome:
  «Получить сертификат» issues a сертификат учёта (a number, no money) to a child of the registry
  without one; «Активировать сертификат ПФ» is the certificate periods' decision under the
  municipality's quota (``certificates.activate``, source «parent»: part 1 of issue 17).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF, CERTIFICATE_STATUSES, DIRECTIONS, REGISTRIES
from pfdo_desktop.domain.identity import format_snils, snils_digits
from pfdo_desktop.domain.membership import places_taken
from pfdo_desktop.domain.money import format_rub, to_money
from pfdo_desktop.domain.pricing import ContractCost, contract_cost_for_period, free_for_family, price_text
from pfdo_desktop.domain.program_card import FORMS_RU, KINDS_RU, LEVELS_RU, OVZ_RU, months_to_years
from pfdo_desktop.domain.schedule import WEEKDAYS_RU
from pfdo_desktop.sync import protocol as p

from . import certificates, db
from .common import chunks, utcnow
from .enrolment import applications as portal_apps
from .enrolment.shared import (
    GroupInfo,
    certificate_changes,
    choose_certificate,
    free_balance,
    issue_certificate,
    load_group,
)
from .refusals import CommandRefused

# --- tables (their own metadata: created by ensure_schema, beside the portal's) -----------------

parents_metadata = MetaData()

parent_accounts = Table(
    "parent_accounts",
    parents_metadata,
    Column("id", Integer, primary_key=True),
    Column("children_key", String(400), nullable=False, unique=True),  # sorted child ids, «3,17»
    Column("created_at", DateTime(timezone=True), nullable=False),
)

parent_children = Table(
    "parent_children",
    parents_metadata,
    Column("account_id", Integer, primary_key=True),
    Column("child_id", Integer, primary_key=True),
)

# One-time login codes: only the SHA-256 of the normalised code, and its first letters for lists.
parent_codes = Table(
    "parent_codes",
    parents_metadata,
    Column("code_sha256", String(64), primary_key=True),
    Column("code_hint", String(16), nullable=False, default=""),
    Column("account_id", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

# «Получить сертификат» / «Активировать сертификат ПФ»: waiting for the authorised organisation.
parent_requests = Table(
    "parent_requests",
    parents_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account_id", Integer, nullable=False),
    Column("child_id", Integer, nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # REQUEST_KINDS_RU
    Column("status", String(16), nullable=False),  # REQUEST_STATUSES_RU
    Column("note", String(500), nullable=False, default=""),  # the refusal's words, the number issued
    Column("created_at", DateTime(timezone=True), nullable=False),
)

SECRET_KEY = "parents_session_secret"
REQ_ISSUE = "issue"
REQ_ACTIVATE = "activate"
REQUEST_KINDS_RU = {REQ_ISSUE: "получить сертификат", REQ_ACTIVATE: "активировать сертификат ПФ"}
ST_ISSUED = "issued"
ST_ACTIVATED = "activated"
ST_REFUSED = "refused"
REQUEST_STATUSES_RU = {
    ST_ISSUED: "выдан сертификат учёта",
    ST_ACTIVATED: "сертификат переведён в статус ПФ",
    ST_REFUSED: "отказ",
}

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no I, O, 0, 1: read aloud without mistakes
CODE_TTL_HOURS = 24
SESSION_SECONDS = 8 * 3600
PER_PAGE = 50


class ParentError(Exception):
    """What a parent or the operator did wrong, in Russian, said as it is."""


def ensure_schema(engine: Engine) -> None:
    parents_metadata.create_all(engine)


# --- the secret, codes and sessions ---------------------------------------------------------------


def session_secret(engine: Engine) -> bytes:
    """The portal's secret for the parents' cookies: made once, kept in the settings table (two
    workers making it at once: the second one's insert fails and it reads the first one's)."""
    with db.read_tx(engine) as conn:
        value = db.get_setting(conn, SECRET_KEY)
    if value is None:
        try:
            with db.write_tx(engine) as conn:
                value = db.get_setting(conn, SECRET_KEY)
                if value is None:
                    value = secrets.token_hex(32)
                    db.set_setting(conn, SECRET_KEY, value)
        except IntegrityError:
            with db.read_tx(engine) as conn:
                value = db.get_setting(conn, SECRET_KEY)
    assert value is not None
    return bytes.fromhex(value)


def normalize_code(text: str) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def _code_sha256(normalized: str) -> str:
    return hashlib.sha256(normalized.encode()).hexdigest()


def _account_for(conn: Connection, child_ids: list[int], now: datetime) -> int:
    key = ",".join(str(i) for i in sorted(set(child_ids)))
    found = conn.execute(select(parent_accounts.c.id).where(parent_accounts.c.children_key == key)).scalar()
    if found is not None:
        return int(found)
    account_id = int(
        conn.execute(
            parent_accounts.insert().values(children_key=key, created_at=now).returning(parent_accounts.c.id)
        ).scalar_one()
    )
    conn.execute(
        parent_children.insert(), [{"account_id": account_id, "child_id": i} for i in sorted(set(child_ids))]
    )
    return account_id


@dataclass(frozen=True)
class IssuedCode:
    code: str  # «ABCD-EFGH», shown once
    children: int
    expires_at: datetime


def issue_code(
    engine: Engine, child_ids: list[int], snils: list[str], *, ttl_hours: float = CODE_TTL_HOURS
) -> IssuedCode:
    """A one-time code for the parent of these children (by registry number or СНИЛС)."""
    ensure_schema(engine)
    now = utcnow()
    c = db.children.c
    with db.write_tx(engine) as conn:
        ids: list[int] = []
        for child_id in child_ids:
            if conn.execute(select(c.id).where(c.id == child_id)).first() is None:
                raise ParentError(f"ребёнка № {child_id} нет в реестре портала")
            ids.append(child_id)
        for text in snils:
            digits = snils_digits(text)
            if len(digits) != 11:
                raise ParentError(f"СНИЛС «{text}»: нужно 11 цифр")
            found = conn.execute(select(c.id).where(c.snils == format_snils(digits))).scalars().all()
            if not found:
                raise ParentError(f"ребёнка со СНИЛС {format_snils(digits)} нет в реестре портала")
            ids += found
        if not ids:
            raise ParentError("укажите ребёнка: --child НОМЕР или --snils СНИЛС")
        account_id = _account_for(conn, ids, now)
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
        expires = now + timedelta(hours=ttl_hours)
        conn.execute(
            parent_codes.insert().values(
                code_sha256=_code_sha256(raw),
                code_hint=raw[:2] + "••-••••",
                account_id=account_id,
                created_at=now,
                expires_at=expires,
            )
        )
    return IssuedCode(f"{raw[:4]}-{raw[4:]}", len(set(ids)), expires)


def redeem_code(engine: Engine, code: str) -> int | None:
    """The account a one-time code opens (the code is spent), or None: unknown, used or expired."""
    normalized = normalize_code(code)
    if len(normalized) != 8:
        return None
    now = utcnow()
    pc = parent_codes.c
    with db.write_tx(engine) as conn:
        row = conn.execute(
            select(parent_codes).where(pc.code_sha256 == _code_sha256(normalized)).with_for_update()
        ).first()
        if row is None or row.used_at is not None:
            return None
        expires = row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=UTC)
        if expires <= now:
            return None
        conn.execute(parent_codes.update().where(pc.code_sha256 == row.code_sha256).values(used_at=now))
        return int(row.account_id)


def _sign(secret: bytes, text: str) -> str:
    return hmac.new(secret, text.encode(), hashlib.sha256).hexdigest()


def make_session(secret: bytes, account_id: int, *, now: float | None = None) -> str:
    expires = int((now or time.time()) + SESSION_SECONDS)
    body = f"{account_id}.{expires}"
    return f"{body}.{_sign(secret, 'session:' + body)}"


def read_session(secret: bytes, value: str | None, *, now: float | None = None) -> int | None:
    """The account of a session cookie, or None: missing, forged or expired."""
    if not value:
        return None
    parts = value.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit():
        return None
    body = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(parts[2], _sign(secret, "session:" + body)):
        return None
    if int(parts[1]) <= (now or time.time()):
        return None
    return int(parts[0])


def csrf_token(secret: bytes, bound_to: str) -> str:
    """The token a POST form carries: bound to the session cookie (or the visitor's login cookie)."""
    return _sign(secret, "csrf:" + bound_to)


def csrf_ok(secret: bytes, bound_to: str | None, token: str | None) -> bool:
    return (
        bool(bound_to)
        and bool(token)
        and hmac.compare_digest(csrf_token(secret, bound_to or ""), token or "")
    )


# --- the catalogue --------------------------------------------------------------------------------

PAY_FREE = "free"
PAY_CERTIFICATE = "certificate"
PAY_CHOICES = {PAY_FREE: "только бесплатные", PAY_CERTIFICATE: "по сертификату (сертифицированные)"}


@dataclass(frozen=True)
class Filters:
    q: str = ""
    direction: str = ""
    age: int | None = None
    municipality: str = ""
    registry: str = ""
    free_places: bool = False
    pay: str = ""
    page: int = 1


@dataclass(frozen=True)
class CatalogItem:
    id: int
    name: str
    provider: str
    municipality: str
    direction: str
    registry: str
    ages: str
    price: str
    free_places: int
    groups: int


@dataclass(frozen=True)
class CatalogPage:
    items: list[CatalogItem]
    total: int
    page: int
    pages: int
    municipalities: list[str]


def ages_text(age_from_months: int, age_to_months: int) -> str:
    return f"от {months_to_years(age_from_months)} до {months_to_years(age_to_months)} лет"


def _open_groups(conn: Connection, program_ids: list[int], today: date) -> dict[int, list[Any]]:
    """Groups of these programmes not ended by ``today``, by programme."""
    g = db.groups.c
    out: dict[int, list[Any]] = {}
    for chunk in chunks(program_ids, 500):
        rows = conn.execute(
            select(g.id, g.program_id, g.module_id, g.date_from, g.date_to, g.capacity)
            .where(g.program_id.in_(chunk), g.date_to >= today)
            .order_by(g.id)
        )
        for r in rows:
            out.setdefault(r.program_id, []).append(r)
    return out


def free_places_by_group(conn: Connection, groups: list[Any], today: date) -> dict[int, int]:
    """Free places of each group for an application starting on the later of today and the
    group's first day (``domain.membership.places_taken``, the rule the decision counts by)."""
    ids = [r.id for r in groups]
    ends: dict[int, list[date | None]] = {}
    confirmed: dict[int, int] = {}
    m, a = db.memberships.c, db.applications.c
    for chunk in chunks(ids, 500):
        for gid, end, n in conn.execute(
            select(m.group_id, m.date_to, func.count())
            .where(m.group_id.in_(chunk))
            .group_by(m.group_id, m.date_to)
        ):
            ends.setdefault(gid, []).extend([end] * int(n))
        for gid, n in conn.execute(
            select(a.group_id, func.count())
            .where(a.group_id.in_(chunk), a.status == apps.APP_CONFIRMED)
            .group_by(a.group_id)
        ):
            confirmed[gid] = int(n)
    out = {}
    for r in groups:
        on = max(today, r.date_from)
        out[r.id] = max(0, r.capacity - places_taken(ends.get(r.id, []), on, confirmed.get(r.id, 0)))
    return out


def municipalities(conn: Connection) -> list[str]:
    pv, pr = db.providers.c, db.programs.c
    rows = conn.execute(
        select(pv.municipality)
        .distinct()
        .select_from(db.providers.join(db.programs, pr.provider_id == pv.id))
        .where(pr.status == "published", pv.municipality != "")
        .order_by(pv.municipality)
    )
    return [r[0] for r in rows]


def catalogue_query(filters: Filters) -> Any:
    """The published programmes the filters that SQL can apply leave (the raw query of the page)."""
    pr, pv = db.programs.c, db.providers.c
    q = (
        select(
            pr.id,
            pr.name,
            pr.direction,
            pr.registry,
            pr.age_from_months,
            pr.age_to_months,
            pv.short_name,
            pv.name.label("provider_name"),
            pv.municipality,
        )
        .select_from(db.programs.join(db.providers, pv.id == pr.provider_id))
        .where(pr.status == "published")
        .order_by(pr.name, pr.id)
    )
    if filters.direction:
        q = q.where(pr.direction == filters.direction)
    if filters.registry:
        q = q.where(pr.registry == filters.registry)
    if filters.pay == PAY_CERTIFICATE:
        q = q.where(pr.registry == rules.CERTIFIED_REGISTRY)
    if filters.municipality:
        q = q.where(pv.municipality == filters.municipality)
    if filters.age is not None:  # a child of N full years: N×12 … N×12 + 11 months
        q = q.where(pr.age_from_months <= filters.age * 12 + 11, pr.age_to_months >= filters.age * 12)
    if filters.q.strip():
        q = q.where(func.lower(pr.name).contains(filters.q.strip().lower()))
    return q


def _prices(conn: Connection, ids: list[int]) -> dict[int, list[Decimal]]:
    mo = db.modules.c
    prices: dict[int, list[Decimal]] = {}
    for chunk in chunks(ids, 500):
        for pid, price in conn.execute(select(mo.program_id, mo.price).where(mo.program_id.in_(chunk))):
            prices.setdefault(pid, []).append(to_money(price))
    return prices


def _places(conn: Connection, ids: list[int], today: date) -> tuple[dict[int, int], dict[int, int]]:
    """(free places, open groups) by programme."""
    groups = _open_groups(conn, ids, today)
    free = free_places_by_group(conn, [g for gs in groups.values() for g in gs], today)
    return (
        {pid: sum(free[g.id] for g in gs) for pid, gs in groups.items()},
        {pid: len(gs) for pid, gs in groups.items()},
    )


def catalogue(conn: Connection, filters: Filters, today: date, per_page: int = PER_PAGE) -> CatalogPage:
    """One page of the catalogue. Prices and free places are read for every programme only when a
    filter asks for them; otherwise for the page's programmes alone (benchmarks row 17a)."""
    rows = conn.execute(catalogue_query(filters)).all()
    prices: dict[int, list[Decimal]] = {}
    places: dict[int, int] = {}
    counts: dict[int, int] = {}
    if filters.pay == PAY_FREE:
        prices = _prices(conn, [r.id for r in rows])
        rows = [r for r in rows if free_for_family(min(prices.get(r.id, []), default=None), r.registry)]
    if filters.free_places:
        places, counts = _places(conn, [r.id for r in rows], today)
        rows = [r for r in rows if places.get(r.id, 0) > 0]
    pages = max(1, -(-len(rows) // per_page))
    page = min(max(1, filters.page), pages)
    shown = rows[(page - 1) * per_page : page * per_page]
    ids = [r.id for r in shown]
    if filters.pay != PAY_FREE:
        prices = _prices(conn, ids)
    if not filters.free_places:
        places, counts = _places(conn, ids, today)
    items: list[CatalogItem] = []
    for r in shown:
        own = prices.get(r.id, [])
        lowest = min(own, default=None)
        free = free_for_family(lowest, r.registry)
        items.append(
            CatalogItem(
                r.id,
                r.name,
                r.short_name or r.provider_name,
                r.municipality,
                DIRECTIONS.get(r.direction, r.direction),
                REGISTRIES.get(r.registry, r.registry),
                ages_text(r.age_from_months, r.age_to_months),
                ("от " if len(own) > 1 and not free else "") + price_text(lowest, r.registry),
                places.get(r.id, 0),
                counts.get(r.id, 0),
            )
        )
    return CatalogPage(items, len(rows), page, pages, municipalities(conn))


# --- a programme ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupView:
    id: int
    name: str
    teacher: str
    date_from: date
    date_to: date
    capacity: int
    free_places: int
    schedule: list[str]
    open: bool  # not ended: a parent may apply


@dataclass(frozen=True)
class ModuleView:
    id: int
    name: str
    hours: int
    price: str
    normative: str
    split: ContractCost | None  # what a certificate pays at most / the parent on top (certified)
    split_from: date | None
    groups: list[GroupView]


@dataclass(frozen=True)
class ProgramView:
    id: int
    name: str
    annotation: str
    provider: str
    provider_address: str
    municipality: str
    direction: str
    registry: str
    registry_code: str
    kind: str
    form: str
    level: str
    ages: str
    duration_weeks: int
    ovz: list[str]
    medical_certificate: bool
    addresses: list[str]
    teachers: list[str]
    free_for_family: bool
    modules: list[ModuleView] = field(default_factory=list)


def _schedule(conn: Connection, group: Any) -> list[str]:
    s = db.schedule_slots.c
    slots = conn.execute(
        select(s.weekday, s.time_from, s.time_to, s.room)
        .where(s.group_id == group.id)
        .order_by(s.weekday, s.time_from)
    ).all()
    out = [
        f"{WEEKDAYS_RU[sl.weekday - 1] if 1 <= sl.weekday <= 7 else sl.weekday} {sl.time_from}–{sl.time_to}"
        + (f", {sl.room}" if sl.room else "")
        for sl in slots
    ]
    explicit = json.loads(group.explicit_dates or "[]")
    if explicit:
        shown = ", ".join(date.fromisoformat(d).strftime("%d.%m") for d in explicit[:8])
        out.append(f"по датам: {shown}" + (f" и ещё {len(explicit) - 8}" if len(explicit) > 8 else ""))
    return out


def certificate_split(
    price: object,
    normative: object,
    group_from: date,
    group_to: date,
    today: date,
    balance: object | None = None,
) -> tuple[ContractCost | None, date | None]:
    """The contract of the group's remaining period (from the later of today and its first day):
    ``domain.pricing.contract_cost_for_period``; without a balance, one large enough."""
    start = max(today, group_from)
    if start > group_to:
        return None, None
    try:
        cost = contract_cost_for_period(
            start,
            group_to,
            group_from,
            group_to,
            price,
            normative,
            to_money(price) if balance is None else balance,
        )
    except ValueError:
        return None, None
    return cost, start


def program(conn: Connection, program_id: int, today: date) -> ProgramView | None:
    pr, pv, mo, g = db.programs.c, db.providers.c, db.modules.c, db.groups.c
    row = conn.execute(
        select(
            db.programs,
            pv.name.label("provider_name"),
            pv.short_name.label("provider_short"),
            pv.address.label("provider_address"),
            pv.municipality,
        )
        .select_from(db.programs.join(db.providers, pv.id == pr.provider_id))
        .where(pr.id == program_id, pr.status == "published")
    ).first()
    if row is None:
        return None
    modules = conn.execute(select(db.modules).where(mo.program_id == program_id).order_by(mo.id)).all()
    groups = conn.execute(
        select(db.groups).where(g.program_id == program_id).order_by(g.date_from, g.id)
    ).all()
    free = free_places_by_group(conn, list(groups), today)
    certified = row.registry == rules.CERTIFIED_REGISTRY
    lowest = min((to_money(m.price) for m in modules), default=None)
    view = ProgramView(
        row.id,
        row.name,
        row.annotation,
        row.provider_name,
        row.provider_address,
        row.municipality,
        DIRECTIONS.get(row.direction, row.direction),
        REGISTRIES.get(row.registry, row.registry),
        row.registry,
        KINDS_RU.get(row.kind, row.kind),
        FORMS_RU.get(row.form, row.form),
        LEVELS_RU.get(row.level, row.level),
        ages_text(row.age_from_months, row.age_to_months),
        row.duration_weeks,
        [OVZ_RU.get(k, k) for k in json.loads(row.ovz or "[]")],
        bool(row.medical_certificate),
        json.loads(row.addresses or "[]"),
        json.loads(row.teachers or "[]"),
        free_for_family(lowest, row.registry),
    )
    for m in modules:
        own = [gr for gr in groups if gr.module_id == m.id]
        split, split_from = (None, None)
        if certified:
            live = [gr for gr in own if gr.date_to >= today]
            if live:
                split, split_from = certificate_split(
                    m.price, m.normative_price, live[0].date_from, live[0].date_to, today
                )
        view.modules.append(
            ModuleView(
                m.id,
                m.name,
                m.hours,
                price_text(to_money(m.price), row.registry),
                format_rub(to_money(m.normative_price)),
                split,
                split_from,
                [
                    GroupView(
                        gr.id,
                        gr.name,
                        gr.teacher,
                        gr.date_from,
                        gr.date_to,
                        gr.capacity,
                        free[gr.id],
                        _schedule(conn, gr),
                        gr.date_to >= today,
                    )
                    for gr in own
                ],
            )
        )
    return view


# --- the parent's cabinet ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateView:
    number: str
    status: str
    status_code: str
    nominal: str
    balance: str
    reserve: str
    free: str


@dataclass(frozen=True)
class ApplicationView:
    uid: str
    number: str
    program: str
    program_id: int
    group: str
    provider: str
    start_date: date
    status: str
    status_code: str
    reason: str
    certificate_part: str
    parent_part: str


@dataclass(frozen=True)
class RequestView:
    kind: str
    status: str
    note: str
    created_at: datetime


@dataclass(frozen=True)
class ChildView:
    id: int
    name: str
    birth_date: date
    certificates: list[CertificateView]
    applications: list[ApplicationView]
    requests: list[RequestView]
    can_request_issue: bool
    can_request_activate: bool


def account_children(conn: Connection, account_id: int) -> list[int]:
    pc = parent_children.c
    return [
        int(i)
        for i in conn.execute(
            select(pc.child_id).where(pc.account_id == account_id).order_by(pc.child_id)
        ).scalars()
    ]


def owns_child(conn: Connection, account_id: int, child_id: int) -> bool:
    return child_id in account_children(conn, account_id)


def _money(text: str | None) -> str:
    return format_rub(to_money(text)) if text is not None else ""


def cabinet(conn: Connection, account_id: int) -> list[ChildView]:
    """The account's children: certificates with balance and reserve, applications, requests."""
    c, ce, a, g, pr, pv = (
        db.children.c,
        db.certificates.c,
        db.applications.c,
        db.groups.c,
        db.programs.c,
        db.providers.c,
    )
    rq = parent_requests.c
    out: list[ChildView] = []
    for child_id in account_children(conn, account_id):
        child = conn.execute(select(db.children).where(c.id == child_id)).first()
        if child is None:
            continue
        certs = conn.execute(select(db.certificates).where(ce.child_id == child_id).order_by(ce.id)).all()
        app_rows = conn.execute(
            select(
                a.id,
                a.number,
                a.start_date,
                a.status,
                a.reason_text,
                a.certificate_part,
                a.parent_part,
                g.name.label("group_name"),
                pr.id.label("program_id"),
                pr.name.label("program_name"),
                pv.short_name,
                pv.name.label("provider_name"),
            )
            .select_from(
                db.applications.join(db.groups, g.id == a.group_id)
                .join(db.programs, pr.id == g.program_id)
                .join(db.providers, pv.id == a.provider_id)
            )
            .where(a.child_id == child_id)
            .order_by(a.created_at.desc(), a.number.desc())
        ).all()
        reqs = conn.execute(
            select(parent_requests).where(rq.child_id == child_id).order_by(rq.id.desc())
        ).all()
        statuses = {cert.status for cert in certs}
        out.append(
            ChildView(
                child.id,
                " ".join(x for x in (child.last_name, child.first_name, child.middle_name) if x),
                child.birth_date,
                [
                    CertificateView(
                        cert.number,
                        CERTIFICATE_STATUSES.get(cert.status, cert.status),
                        cert.status,
                        _money(cert.nominal),
                        _money(cert.balance),
                        _money(cert.reserve),
                        format_rub(free_balance(cert)),
                    )
                    for cert in certs
                ],
                [
                    ApplicationView(
                        r.id,
                        r.number,
                        r.program_name,
                        r.program_id,
                        r.group_name,
                        r.short_name or r.provider_name,
                        r.start_date,
                        apps.APPLICATION_STATUSES_RU.get(r.status, r.status),
                        r.status,
                        r.reason_text,
                        _money(r.certificate_part),
                        _money(r.parent_part),
                    )
                    for r in app_rows
                ],
                [
                    RequestView(
                        REQUEST_KINDS_RU.get(r.kind, r.kind),
                        REQUEST_STATUSES_RU.get(r.status, r.status),
                        r.note,
                        r.created_at,
                    )
                    for r in reqs
                ],
                can_request_issue=not certs,
                can_request_activate=bool(certs) and CERT_PF not in statuses and CERT_ACCOUNTING in statuses,
            )
        )
    return out


def group_names(conn: Connection, group_id: int) -> dict[str, Any]:
    """What the application page says about a group: programme, module, group, provider."""
    g, pr, mo, pv = db.groups.c, db.programs.c, db.modules.c, db.providers.c
    row = conn.execute(
        select(
            g.name,
            g.teacher,
            mo.name.label("module_name"),
            pr.id.label("program_id"),
            pr.name.label("program_name"),
            pv.short_name,
            pv.name.label("provider_name"),
        )
        .select_from(
            db.groups.join(db.programs, pr.id == g.program_id)
            .join(db.modules, mo.id == g.module_id)
            .join(db.providers, pv.id == g.provider_id)
        )
        .where(g.id == group_id)
    ).one()
    return {
        "group_name": row.name,
        "teacher": row.teacher,
        "module_name": row.module_name,
        "program_id": row.program_id,
        "program_name": row.program_name,
        "provider_name": row.short_name or row.provider_name,
    }


def child_name(conn: Connection, child_id: int) -> str:
    c = db.children.c
    row = conn.execute(select(c.last_name, c.first_name).where(c.id == child_id)).first()
    return f"{row.last_name} {row.first_name}" if row is not None else ""


# The rulebook's advice speaks to the operator; where a parent does something else, the page says that.
PARENT_ADVICE_RU = {
    rules.R_NO_CERTIFICATE: "Нажмите «Получить сертификат» в личном кабинете; заявку можно будет подать, "
    "когда сертификат выдадут.",
    rules.R_CERT_ACCOUNTING_ON_CERTIFIED: "Нажмите «Активировать сертификат ПФ» в личном кабинете и подайте "
    "заявку, когда статус станет «ПФ», или выберите бюджетную программу.",
    rules.R_DUPLICATE_ENROLMENT: "Заявка в эту группу уже есть: её статус — в личном кабинете.",
    rules.R_START_IN_CLOSED_PERIOD: "Поставьте дату начала не раньше 1-го числа текущего месяца.",
}


def parent_advice(refusal: rules.Refusal) -> str:
    return PARENT_ADVICE_RU.get(refusal.code) or str(refusal.advice)


@dataclass(frozen=True)
class Precheck:
    refusals: list[rules.Refusal]
    place_warning: str  # the group is full now: the provider decides when it confirms
    cost: ContractCost | None
    certified: bool

    @property
    def may_send(self) -> bool:
        return not self.refusals


def catalogue_group(conn: Connection, group_id: int) -> GroupInfo | None:
    """A group of a published programme (what a parent may apply to), or None."""
    pr, g = db.programs.c, db.groups.c
    published = conn.execute(
        select(g.id)
        .select_from(db.groups.join(db.programs, pr.id == g.program_id))
        .where(g.id == group_id, pr.status == "published")
    ).first()
    return load_group(conn, group_id) if published is not None else None


def precheck(
    conn: Connection, account_id: int, child_id: int, group_id: int, start: date, today: date
) -> Precheck:
    """The rulebook's check before sending (the portal's own decision, without reserving)."""
    if not owns_child(conn, account_id, child_id):
        raise ParentError("Этого ребёнка нет среди ваших детей.")
    child = conn.execute(select(db.children).where(db.children.c.id == child_id)).first()
    group = catalogue_group(conn, group_id)
    if child is None or group is None:
        raise ParentError("Такой группы нет в каталоге.")
    decision = portal_apps.decide(conn, child=child, group=group, start_date=start, today=today)
    full = [r for r in decision.refusals if r.code == rules.R_GROUP_FULL]
    others = [r for r in decision.refusals if r.code != rules.R_GROUP_FULL]
    cost = decision.cost
    if cost is None and not others and group.certified:  # the full group hid the cost: work it out
        again = portal_apps.decide(
            conn, child=child, group=group, start_date=start, today=today, check_place=False
        )
        cost = again.cost
    warning = (
        f"{full[0].message}. Заявку можно подать: организация подтвердит её, если место освободится."
        if full
        else ""
    )
    return Precheck(others, warning, cost, group.certified)


def submit(engine: Engine, account_id: int, child_id: int, group_id: int, start: date, today: date) -> dict:
    """The parent's application (status «новая», source «portal»): the provider's PCs pull it."""
    now = utcnow()
    with db.write_tx(engine) as conn:
        if not owns_child(conn, account_id, child_id):
            raise ParentError("Этого ребёнка нет среди ваших детей.")
        if catalogue_group(conn, group_id) is None:
            raise ParentError("Такой группы нет в каталоге: программа не опубликована.")
        try:
            return portal_apps.submit_online(conn, child_id, group_id, start, today, now, p.new_uid())
        except CommandRefused as refused:
            raise ParentError(refused.message) from None


def request_certificate(engine: Engine, account_id: int, child_id: int, kind: str, today: date) -> str:
    """«Получить сертификат»: a сертификат учёта is issued at once (a number, no money).
    «Активировать сертификат ПФ»: decided at once under the municipality's quota for the period
    (``certificates.activate``, the same decision as a school's ``certificate.activate``). Both are
    kept in ``parent_requests`` with the outcome; returns what to tell the parent."""
    if kind not in REQUEST_KINDS_RU:
        raise ParentError("Неизвестный запрос.")
    now = utcnow()
    with db.write_tx(engine) as conn:
        if not owns_child(conn, account_id, child_id):
            raise ParentError("Этого ребёнка нет среди ваших детей.")
        cert = choose_certificate(conn, child_id)
        if kind == REQ_ISSUE:
            if cert is not None:
                raise ParentError(f"У ребёнка уже есть сертификат № {cert.number}.")
            cert_id, number = issue_certificate(conn, child_id, CERT_ACCOUNTING)
            db.stamp(conn, certificate_changes(conn, cert_id, child_id))
            status, note = ST_ISSUED, f"Выдан сертификат учёта № {number}"
        else:
            if cert is None:
                raise ParentError("У ребёнка нет сертификата: сначала нажмите «Получить сертификат».")
            if cert.status == CERT_PF:
                raise ParentError(f"Сертификат № {cert.number} уже в статусе ПФ.")
            decided = certificates.activate(
                conn, cert.id, today=today, now=now, source=certificates.SOURCE_PARENT
            )
            if decided.refusal is None:
                status = ST_ACTIVATED
                note = (
                    f"Сертификат № {cert.number} переведён в статус ПФ, номинал "
                    f"{format_rub(to_money(decided.certificate['nominal']))}"
                )
            else:
                status, note = ST_REFUSED, str(decided.refusal.message)
        conn.execute(
            parent_requests.insert().values(
                account_id=account_id,
                child_id=child_id,
                kind=kind,
                status=status,
                note=note[:500],
                created_at=now,
            )
        )
    return note


def list_requests(engine: Engine) -> list[dict]:
    """The parents' certificate requests (for the operator: ``pfdo-portal parent-requests``)."""
    ensure_schema(engine)
    rq = parent_requests.c
    with db.read_tx(engine) as conn:
        return [dict(r._mapping) for r in conn.execute(select(parent_requests).order_by(rq.id))]
