"""Certificate periods on the portal (issue 17 §1, docs/certificates.md): a municipality opens its
period (dates, nominal in its unit, quota of ПФ places), closes it (the unspent returns to the
budget) and turns back unused ПФ certificates into учёт. The rules: ``domain.certificate_periods``;
the activation of a certificate under the quota: ``certificates.py``.

A period travels to every provider's PCs as the master entity «period» (``period_changes``: every
provider sees every period — they are public, few, and a child of another municipality may study
at any provider).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, or_, select, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF
from pfdo_desktop.domain.money import to_money

from . import db
from .common import as_utc, utcnow
from .enrolment.shared import certificates_changes
from .indicators import IndicatorsError, municipality_scope
from .region import REGION_CODE

ZERO = Decimal("0.00")


class PeriodError(ValueError):
    """A period command that cannot be done (the message says why and what to do)."""


def as_period(row: Any) -> cp.Period:
    return cp.Period(
        row.id,
        row.municipality,
        row.code,
        row.date_from,
        row.date_to,
        to_money(row.nominal),
        row.unit,
        row.quota,
        row.unused_days,
        row.status,
    )


def period_changes(conn: Connection, period_id: int) -> list[db.Change]:
    """A period (re-)published to every provider's PCs."""
    return [
        db.Change("master", "period", str(period_id), pid)
        for pid in conn.execute(select(db.providers.c.id)).scalars()
    ]


def prefix_of(code: str) -> str:
    return f"{REGION_CODE}{code}"


def certificates_of(code: str) -> Any:
    """The condition «a certificate of the municipality with ``code``» (its number's digits)."""
    return db.certificates.c.number.like(prefix_of(code) + "%")


def taken_places(conn: Connection, code: str) -> int:
    """The quota places taken: the municipality's certificates with ПФ status now."""
    c = db.certificates.c
    return int(
        conn.execute(select(func.count()).where(certificates_of(code), c.status == CERT_PF)).scalar_one()
    )


def current_period(conn: Connection, code: str, today: date, *, lock: bool = False) -> Any:
    """The open period of the municipality with ``code`` covering ``today`` (None: none)."""
    t = db.certificate_periods.c
    q = select(db.certificate_periods).where(
        t.code == code, t.status == cp.PERIOD_OPEN, t.date_from <= today, t.date_to >= today
    )
    if lock:
        q = q.with_for_update()
    return conn.execute(q).first()


def _open_row(conn: Connection, municipality: str, *, lock: bool = False) -> Any:
    t = db.certificate_periods.c
    q = select(db.certificate_periods).where(
        t.municipality == municipality.strip(), t.status == cp.PERIOD_OPEN
    )
    if lock:
        q = q.with_for_update()
    row = conn.execute(q).first()
    if row is None:
        raise PeriodError(
            f"у муниципалитета «{municipality.strip()}» нет открытого периода "
            "(список: pfdo-portal period list)"
        )
    return row


def period_dict(conn: Connection, row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "municipality": row.municipality,
        "code": row.code,
        "date_from": row.date_from,
        "date_to": row.date_to,
        "nominal": row.nominal,
        "unit": row.unit,
        "quota": row.quota,
        "unused_days": row.unused_days,
        "status": row.status,
        "returned": row.returned,
        "taken": taken_places(conn, row.code) if row.status == cp.PERIOD_OPEN else None,
    }


# --- open -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Opened:
    period: dict[str, Any]
    certificates: int  # ПФ certificates given the new nominal


def open_period(
    conn: Connection,
    municipality: str,
    date_from: date,
    date_to: date,
    nominal: str,
    quota: int,
    *,
    unit: str = "rub",
    unused_days: int = 0,
    now: datetime | None = None,
) -> Opened:
    """Open a municipality's period; the certificates keeping ПФ status get its nominal
    (``cp.opened_balance``) and unit; every provider's PCs pull the period and those certificates."""
    try:
        scope = municipality_scope(conn, municipality)
    except IndicatorsError as exc:
        raise PeriodError(str(exc)) from None
    code = scope.prefix[len(REGION_CODE) :]
    try:
        amount = to_money(nominal)
    except (TypeError, ValueError):
        raise PeriodError(f"номинал «{nominal}» — не число (пример: 25000.00)") from None
    t = db.certificate_periods.c
    existing = [as_period(r) for r in conn.execute(select(db.certificate_periods).with_for_update())]
    errors = cp.period_errors(
        scope.municipality, code, date_from, date_to, amount, unit, quota, unused_days, existing
    )
    if errors:
        raise PeriodError("; ".join(errors.values()))
    period_id = conn.execute(
        db.certificate_periods.insert()
        .values(
            municipality=scope.municipality,
            code=code,
            date_from=date_from,
            date_to=date_to,
            nominal=f"{amount:.2f}",
            unit=unit,
            quota=quota,
            unused_days=unused_days,
            status=cp.PERIOD_OPEN,
            opened_at=now or utcnow(),
        )
        .returning(t.id)
    ).scalar_one()
    c = db.certificates.c
    certs = conn.execute(
        select(db.certificates)
        .where(certificates_of(code), c.status == CERT_PF)
        .order_by(c.id)
        .with_for_update()
    ).all()
    _update_certificates(conn, [
        {"cid": cert.id, "nominal": f"{amount:.2f}", "unit": unit,
         "balance": f"{cp.opened_balance(to_money(cert.balance), to_money(cert.reserve), amount):.2f}"}
        for cert in certs
    ])
    given = len(certs)
    db.stamp(conn, period_changes(conn, period_id)
             + certificates_changes(conn, [(cert.id, cert.child_id) for cert in certs]))
    row = conn.execute(select(db.certificate_periods).where(t.id == period_id)).one()
    return Opened(period_dict(conn, row), given)


def seed_period(
    conn: Connection, date_from: date, date_to: date, nominal: str = "24000.00", free: int = 20
) -> None:
    """The demo district's open period (``seed.seed_demo``): of the providers' municipality, with
    ``free`` quota places left. The seeded certificates keep their figures (they came before it)."""
    municipality = conn.execute(select(db.providers.c.municipality).order_by(db.providers.c.id)).scalar()
    if not municipality:
        return
    code = municipality_scope(conn, municipality).prefix[len(REGION_CODE) :]
    period_id = conn.execute(
        db.certificate_periods.insert()
        .values(
            municipality=municipality,
            code=code,
            date_from=date_from,
            date_to=date_to,
            nominal=nominal,
            unit="rub",
            quota=taken_places(conn, code) + free,
            unused_days=90,
            status=cp.PERIOD_OPEN,
            opened_at=datetime.combine(date_from, time(), UTC),
        )
        .returning(db.certificate_periods.c.id)
    ).scalar_one()
    db.stamp(conn, period_changes(conn, period_id))


def _update_certificates(conn: Connection, values: list[dict[str, Any]]) -> None:
    """Each certificate's new figures (``cid`` and the columns to set), in one executemany."""
    if not values:
        return
    c = db.certificates.c
    columns = [k for k in values[0] if k != "cid"]
    conn.execute(update(db.certificates).where(c.id == bindparam("cid"))
                 .values({k: bindparam(k) for k in columns}), values)


# --- close ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClosedReport:
    period: dict[str, Any]
    certificates: int  # certificates whose unspent went back
    returned: Decimal  # in the period's unit
    kept: int  # certificates keeping the reserve of a contract that goes on


def _continuing(conn: Connection, period_to: date) -> set[int]:
    """Certificates with a contract in force past ``period_to`` (confirmed or active, ending later)."""
    a, g = db.applications.c, db.groups.c
    end = func.coalesce(a.end_date, g.date_to)
    q = (
        select(a.certificate_id)
        .select_from(db.applications.join(db.groups, g.id == a.group_id))
        .where(
            a.certificate_id.is_not(None),
            a.status.in_((apps.APP_CONFIRMED, apps.APP_ACTIVE)),
            end > period_to,
        )
    )
    return {int(x) for x in conn.execute(q).scalars()}


def close_period(conn: Connection, municipality: str, *, now: datetime | None = None,
                 today: date | None = None) -> ClosedReport:
    """Close the municipality's open period: every certificate of it returns its unspent balance and
    the reserve of ended contracts (``cp.closed_certificate``); the period is closed with the sum.
    A contract goes on when it ends after the period's last day — or after ``today`` when the period
    is closed before its end: a contract running now keeps its reserve either way."""
    row = _open_row(conn, municipality, lock=True)
    c = db.certificates.c
    continuing = _continuing(conn, min(today or date.today(), row.date_to))
    changes = period_changes(conn, row.id)
    returned, count, kept = ZERO, 0, 0
    holding = or_(c.balance != "0.00", c.reserve != "0.00")
    certs = conn.execute(
        select(db.certificates)
        .where(and_(certificates_of(row.code), holding))
        .order_by(c.id)
        .with_for_update()
    ).all()
    values = []
    for cert in certs:
        closed = cp.closed_certificate(to_money(cert.balance), to_money(cert.reserve), cert.id in continuing)
        values.append({"cid": cert.id, "balance": f"{closed.balance:.2f}",
                       "reserve": f"{closed.reserve:.2f}"})
        returned += closed.returned
        count += closed.returned > 0
        kept += closed.reserve > 0
    _update_certificates(conn, values)
    changes += certificates_changes(conn, [(cert.id, cert.child_id) for cert in certs])
    t = db.certificate_periods.c
    conn.execute(
        update(db.certificate_periods)
        .where(t.id == row.id)
        .values(status=cp.PERIOD_CLOSED, closed_at=now or utcnow(), returned=f"{returned:.2f}")
    )
    db.stamp(conn, changes)
    fresh = conn.execute(select(db.certificate_periods).where(t.id == row.id)).one()
    return ClosedReport(period_dict(conn, fresh), count, returned, kept)


# --- unused ПФ certificates back to учёт ---------------------------------------------------------------


def activations_since(conn: Connection, period: Any) -> dict[int, date]:
    """Since when each ПФ certificate activated in the period counts as unused: its latest activation
    there (one query for all). The others — certificates that kept their status — count from the
    period's start."""
    ac = db.certificate_activations.c
    rows = conn.execute(
        select(ac.certificate_id, func.max(ac.at))
        .where(ac.outcome == "activated", ac.period_id == period.id)
        .group_by(ac.certificate_id)
    ).all()
    return {int(cid): max(period.date_from, as_utc(at).date()) for cid, at in rows}


def expire_unused(
    conn: Connection, municipality: str, today: date, *, now: datetime | None = None
) -> list[str]:
    """Turn back into учёт the municipality's ПФ certificates unused for the period's ``unused_days``
    (``cp.is_unused``), freeing their quota places; returns their numbers."""
    row = _open_row(conn, municipality, lock=True)
    if row.unused_days <= 0:
        raise PeriodError(
            f"у периода муниципалитета «{row.municipality}» не задан срок неиспользования "
            "(--unused-days при открытии): сертификаты ПФ не возвращаются в учёт"
        )
    c = db.certificates.c
    numbers: list[str] = []
    expired: list[tuple[int, int]] = []
    since_of = activations_since(conn, row)
    for cert in conn.execute(
        select(db.certificates)
        .where(certificates_of(row.code), c.status == CERT_PF)
        .order_by(c.id)
        .with_for_update()
    ).all():
        since = since_of.get(cert.id, row.date_from)
        if not cp.is_unused(
            to_money(cert.balance),
            to_money(cert.reserve),
            to_money(cert.nominal),
            since,
            today,
            row.unused_days,
        ):
            continue
        conn.execute(
            update(db.certificates)
            .where(c.id == cert.id)
            .values(status=CERT_ACCOUNTING, nominal="0.00", balance="0.00")
        )
        conn.execute(
            db.certificate_activations.insert().values(
                certificate_id=cert.id,
                period_id=row.id,
                at=now or utcnow(),
                source="expiry",
                outcome="expired",
            )
        )
        expired.append((cert.id, cert.child_id))
        numbers.append(cert.number)
    db.stamp(conn, certificates_changes(conn, expired))
    return numbers


def list_periods(conn: Connection) -> list[dict[str, Any]]:
    t = db.certificate_periods.c
    return [
        period_dict(conn, r)
        for r in conn.execute(select(db.certificate_periods).order_by(t.municipality, t.date_from))
    ]
