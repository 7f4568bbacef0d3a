"""What the enrolment commands share: numbers and history, which providers see a child
(``domain.privacy``, rule 1), and reading the rows a command decides on (a group with its terms,
a child's certificate and its reserve).

Decisions where docs/enrolment.md is silent:

* **The certificate** of a child with several is the ПФ one if there is one, else the newest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select, update

from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.domain import privacy
from pfdo_desktop.domain.catalog import CERT_PF
from pfdo_desktop.domain.money import to_money

from .. import db
from ..common import chunks, iso_dt
from ..records import application_row
from ..region import MUNICIPALITY_CODE, REGION_CODE

ZERO = Decimal("0.00")
SOURCE_DEVICE = "device"  # an application a PC sent
SOURCE_PORTAL = "portal"  # a parent's application on the portal

a_ = db.applications.c


# --- numbers and history ------------------------------------------------------------------------


def money_text(value: Decimal) -> str:
    return f"{to_money(value):.2f}"


def application_number(n: int) -> str:
    return f"З-{n:06d}"


def contract_number_for(number: str) -> str:
    """The contract of application «З-000123» is «Д-000123»."""
    return "Д-" + number.split("-", 1)[-1]


def new_application_number(conn: Connection) -> str:
    return application_number(db.next_number(conn, "application_number"))


def new_certificate_number(conn: Connection) -> str:
    """A free 10-digit number of this region and municipality (text: leading zeros matter)."""
    c = db.certificates.c
    while True:
        n = db.next_number(conn, "certificate_number") % 1_000_000
        number = f"{REGION_CODE}{MUNICIPALITY_CODE}{n:06d}"
        if conn.execute(select(c.id).where(c.number == number)).first() is None:
            return number


def issue_certificate(conn: Connection, child_id: int, status: str, nominal: str = "0.00") -> tuple[int, str]:
    """A new certificate of the child with a free number: ``nominal`` (money text) is its balance too,
    nothing reserved, in roubles. Returns its id and number (the caller stamps the changes)."""
    number = new_certificate_number(conn)
    cert_id = conn.execute(
        db.certificates.insert()
        .values(
            child_id=child_id,
            number=number,
            status=status,
            nominal=nominal,
            balance=nominal,
            reserve="0.00",
            unit="rub",
        )
        .returning(db.certificates.c.id)
    ).scalar_one()
    return cert_id, number


def history_add(history_json: str | None, at: datetime, status: str, note: str) -> str:
    items = json.loads(history_json or "[]")
    items.append({"at": iso_dt(at), "status": status, "note": note})
    return json.dumps(items, ensure_ascii=False)


def ru_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


# --- visibility (domain.privacy, rule 1) --------------------------------------------------------


def _linking_requests() -> Any:
    r = db.child_requests.c
    return r.outcome.in_(sorted(privacy.LINKING_REQUEST_OUTCOMES))


def providers_seeing_child(conn: Connection, child_id: int) -> set[int]:
    """Providers linked to a child (domain.privacy, rule 1): a membership in their groups, an
    application to them (any status), or a new-child request from one of their PCs that created
    the child. A request that merely matched the child by ФИО + date of birth is no link."""
    return providers_seeing_children(conn, [child_id]).get(child_id, set())


def providers_seeing_children(conn: Connection, child_ids: Iterable[int]) -> dict[int, set[int]]:
    """``providers_seeing_child`` of many children at once (three queries a chunk of 500)."""
    m, g, r = db.memberships.c, db.groups.c, db.child_requests.c
    out: dict[int, set[int]] = {}
    for chunk in chunks(sorted(set(child_ids)), 500):
        via_groups = (
            select(m.child_id, g.provider_id)
            .select_from(db.memberships.join(db.groups, m.group_id == g.id))
            .where(m.child_id.in_(chunk))
        )
        via_apps = select(a_.child_id, a_.provider_id).where(a_.child_id.in_(chunk))
        via_requests = select(r.child_id, r.provider_id).where(r.child_id.in_(chunk), _linking_requests())
        for child_id, provider_id in conn.execute(via_groups.union(via_apps, via_requests)):
            out.setdefault(int(child_id), set()).add(int(provider_id))
    return out


def linked_children(conn: Connection, provider_id: int, child_ids: Iterable[int]) -> set[int]:
    """Those of ``child_ids`` the provider is linked to (rule 1), in three queries."""
    ids = sorted(set(child_ids))
    if not ids:
        return set()
    m, g, r = db.memberships.c, db.groups.c, db.child_requests.c
    members: set[int] = set()
    applied: set[int] = set()
    created: set[int] = set()
    for chunk in chunks(ids, 500):
        members.update(conn.execute(
            select(m.child_id).select_from(db.memberships.join(db.groups, m.group_id == g.id))
            .where(g.provider_id == provider_id, m.child_id.in_(chunk))
        ).scalars())
        applied.update(conn.execute(
            select(a_.child_id).where(a_.provider_id == provider_id, a_.child_id.in_(chunk))
        ).scalars())
        created.update(conn.execute(
            select(r.child_id).where(r.provider_id == provider_id, r.child_id.in_(chunk), _linking_requests())
        ).scalars())
    return {
        i for i in ids
        if privacy.is_linked(created_record=i in created, has_application=i in applied,
                             has_membership=i in members)
    }


def child_visible_to(conn: Connection, child_id: int, provider_id: int) -> bool:
    return child_id in linked_children(conn, provider_id, [child_id])


def child_changes(conn: Connection, child_id: int, provider_ids: Iterable[int]) -> list[db.Change]:
    """The child's card, guardians and certificates for providers (when they gain visibility)."""
    pids = sorted(set(provider_ids))
    if not pids:
        return []
    guardian_ids = (
        conn.execute(select(db.guardians.c.id).where(db.guardians.c.child_id == child_id)).scalars().all()
    )
    cert_ids = (
        conn.execute(select(db.certificates.c.id).where(db.certificates.c.child_id == child_id))
        .scalars()
        .all()
    )
    out: list[db.Change] = []
    for pid in pids:
        out.append(db.Change("master", "child", str(child_id), pid))
        out += [db.Change("master", "guardian", str(i), pid) for i in guardian_ids]
        out += [db.Change("master", "certificate", str(i), pid) for i in cert_ids]
    return out


def certificate_changes(conn: Connection, certificate_id: int, child_id: int) -> list[db.Change]:
    """A certificate whose reserve or balance changed, for every provider that sees the child."""
    return certificates_changes(conn, [(certificate_id, child_id)])


def certificates_changes(conn: Connection, certificates: Sequence[tuple[int, int]]) -> list[db.Change]:
    """``certificate_changes`` of many (certificate id, child id) at once (a period's open or close)."""
    seeing = providers_seeing_children(conn, [child_id for _cert, child_id in certificates])
    return [
        db.Change("master", "certificate", str(cert_id), pid)
        for cert_id, child_id in certificates
        for pid in sorted(seeing.get(child_id, ()))
    ]


# --- reading rows -------------------------------------------------------------------------------


def load_child(conn: Connection, child_id: int) -> Any:
    return conn.execute(select(db.children).where(db.children.c.id == child_id)).first()


def load_application(conn: Connection, uid: str, *, lock: bool = False) -> Any:
    q = select(db.applications).where(a_.id == uid)
    if lock:
        q = q.with_for_update()
    return conn.execute(q).first()


def application_record(conn: Connection, uid: str) -> dict[str, Any] | None:
    row = load_application(conn, uid)
    return application_row(row) if row is not None else None


@dataclass(frozen=True)
class GroupInfo:
    id: int
    provider_id: int
    date_from: date
    date_to: date
    capacity: int
    registry: str
    age_from_months: int
    age_to_months: int
    price: str
    normative_price: str

    @property
    def certified(self) -> bool:
        return self.registry == rules.CERTIFIED_REGISTRY


def load_group(conn: Connection, group_id: int, *, lock: bool = False) -> GroupInfo | None:
    """The group with its programme's terms and module's prices; ``lock`` takes its row lock."""
    g, pr, mo = db.groups.c, db.programs.c, db.modules.c
    # The group's row is the lock for its places (PostgreSQL; SQLite serialises writers).
    if lock and conn.execute(select(g.id).where(g.id == group_id).with_for_update()).first() is None:
        return None
    row = conn.execute(
        select(
            g.id,
            g.provider_id,
            g.date_from,
            g.date_to,
            g.capacity,
            pr.registry,
            pr.age_from_months,
            pr.age_to_months,
            mo.price,
            mo.normative_price,
        )
        .select_from(
            db.groups.join(db.programs, pr.id == g.program_id).join(db.modules, mo.id == g.module_id)
        )
        .where(g.id == group_id)
    ).first()
    if row is None:
        return None
    return GroupInfo(
        row.id,
        row.provider_id,
        row.date_from,
        row.date_to,
        row.capacity,
        row.registry,
        row.age_from_months,
        row.age_to_months,
        row.price,
        row.normative_price,
    )


def choose_certificate(conn: Connection, child_id: int, *, lock: bool = False) -> Any:
    """The child's certificate: the ПФ one if there is one, else the newest."""
    c = db.certificates.c
    rows = conn.execute(select(db.certificates).where(c.child_id == child_id).order_by(c.id)).all()
    if not rows:
        return None
    best: Any = next((r for r in reversed(rows) if r.status == CERT_PF), rows[-1])
    if lock:
        best = conn.execute(select(db.certificates).where(c.id == best.id).with_for_update()).first()
    return best


def lock_certificate(conn: Connection, certificate_id: int) -> Any:
    c = db.certificates.c
    return conn.execute(select(db.certificates).where(c.id == certificate_id).with_for_update()).first()


def free_balance(cert: Any) -> Decimal:
    return max(ZERO, to_money(cert.balance) - to_money(cert.reserve))


def change_reserve(conn: Connection, certificate_id: int, delta: Decimal) -> list[db.Change]:
    """Add ``delta`` (negative: release) to a certificate's reserve; the changes to stamp."""
    if delta == 0:
        return []
    cert = lock_certificate(conn, certificate_id)
    reserve = max(ZERO, to_money(cert.reserve) + delta)
    conn.execute(
        update(db.certificates)
        .where(db.certificates.c.id == certificate_id)
        .values(reserve=money_text(reserve))
    )
    return certificate_changes(conn, certificate_id, cert.child_id)
