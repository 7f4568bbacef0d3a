"""A certificate's ПФ status on request (issue 17 §1, docs/certificates.md): учёт → ПФ under the
municipality's quota for the period, first come, first served.

The decision takes the period's row lock first (``SELECT … FOR UPDATE``), then the certificate's
(lock order: period → certificate; a period's close takes them in the same order), and counts the
places taken after the lock: on PostgreSQL a second request for the last place waits for the first
to commit and then counts it, so exactly one of them wins — the same way the last place of a group
is taken (``enrolment.applications``). SQLite serialises writers.

Who asks: a provider's PC (``certificate.activate``, only for a child the provider is linked to —
docs/enrolment.md «Privacy»; another child is ``unknown_child`` whether it exists or not), the parents'
pages or the administrator (``activate``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.catalog import CERT_PF
from pfdo_desktop.domain.money import to_money
from pfdo_desktop.sync import protocol as p

from . import db
from .common import Ctx, applied, utcnow
from .enrolment.shared import (
    certificate_changes,
    choose_certificate,
    lock_certificate,
    providers_seeing_child,
)
from .periods import as_period, current_period, taken_places
from .refusals import CommandRefused

SOURCE_DEVICE = "device"
SOURCE_PARENT = "parent"
SOURCE_ADMIN = "admin"


def certificate_record(row: Any) -> dict[str, Any]:
    """A certificate as it travels (the master entity «certificate»)."""
    return {
        "id": row.id,
        "child_id": row.child_id,
        "number": row.number,
        "status": row.status,
        "nominal": row.nominal,
        "balance": row.balance,
        "reserve": row.reserve,
        "unit": row.unit,
    }


@dataclass(frozen=True)
class Activation:
    """What a request came to: the certificate after it, and the refusal (None: ПФ granted)."""

    certificate: dict[str, Any]
    refusal: cp.ActivationRefusal | None


def activate(
    conn: Connection,
    certificate_id: int,
    *,
    today: date,
    now: datetime | None = None,
    source: str = SOURCE_ADMIN,
    provider_id: int | None = None,
    log_refusal: bool = True,
) -> Activation:
    """Decide one request for ПФ status (``cp.activation_refusal`` under the locked period row). A
    granted one gets the period's nominal and unit; its certificate is pulled by every provider
    linked to the child. Every decision is kept in ``certificate_activations`` (a refusal only when
    ``log_refusal``: a PC's refused command is rolled back and its result kept instead)."""
    c = db.certificates.c
    number = conn.execute(select(c.number).where(c.id == certificate_id)).scalar_one()
    period = current_period(conn, cp.municipality_code(number), today, lock=True)
    cert = lock_certificate(conn, certificate_id)
    taken = taken_places(conn, cp.municipality_code(number)) if period is not None else 0
    rule_period = as_period(period) if period is not None else None
    refusal = cp.activation_refusal(cert.status, rule_period, taken, today)
    outcome = refusal.reason if refusal is not None else "activated"
    if refusal is None or log_refusal:
        conn.execute(
            db.certificate_activations.insert().values(
                certificate_id=cert.id,
                period_id=period.id if period is not None else None,
                at=now or utcnow(),
                source=source,
                provider_id=provider_id,
                outcome=outcome,
            )
        )
    if refusal is None:
        assert rule_period is not None
        balance = cp.opened_balance(to_money(cert.balance), to_money(cert.reserve), rule_period.nominal)
        conn.execute(
            update(db.certificates)
            .where(c.id == cert.id)
            .values(
                status=CERT_PF,
                nominal=f"{rule_period.nominal:.2f}",
                balance=f"{balance:.2f}",
                unit=rule_period.unit,
            )
        )
        db.stamp(conn, certificate_changes(conn, cert.id, cert.child_id))
        cert = conn.execute(select(db.certificates).where(c.id == cert.id)).one()
    return Activation(certificate_record(cert), refusal)


def certificate_activate(ctx: Ctx, op_id: str, pl: p.CertificateActivatePayload) -> p.OpResult:
    """``certificate.activate``: a provider's PC sends the parent's application for ПФ status."""
    conn = ctx.conn
    child = conn.execute(select(db.children.c.id).where(db.children.c.id == pl.child_id)).first()
    if child is None or ctx.provider_id not in providers_seeing_child(conn, pl.child_id):
        raise CommandRefused(p.R_UNKNOWN_CHILD, with_record=False)
    cert = choose_certificate(conn, pl.child_id)
    if cert is None:
        raise CommandRefused(p.R_NO_CERTIFICATE)
    if pl.certificate_number and pl.certificate_number != cert.number:
        raise CommandRefused(p.R_CERTIFICATE_MISMATCH, record=certificate_record(cert))
    decision = activate(
        conn,
        cert.id,
        today=ctx.today,
        now=ctx.now,
        source=SOURCE_DEVICE,
        provider_id=ctx.provider_id,
        log_refusal=False,
    )
    if decision.refusal is not None:
        raise CommandRefused(decision.refusal.reason, decision.refusal.message, record=decision.certificate)
    return applied(op_id, decision.certificate)
