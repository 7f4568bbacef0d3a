"""A child's certificate and its municipality's period on the PC (issue 17 §1, docs/certificates.md).

- ``period_row``: the period a certificate's card shows (``domain.certificate_periods.period_of``
  over the pulled ``certificate_period`` rows);
- ``request_activation``: «Запросить ПФ (заявление родителя)» — the school sends the parent's
  application for ПФ status as the command ``certificate.activate``, answered at the next sync (a
  refusal goes to «Требует внимания»). The PC applies the same rule as the portal
  (``activation_refusal``) with what it knows: a certificate already ПФ and a municipality without
  an open period today are refused on the spot; the quota's free places only the portal knows
  (first come, first served), so it decides them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.ops import OP_CERTIFICATE_ACTIVATE, new_uid
from pfdo_desktop.domain.said import said
from pfdo_desktop.models import Certificate, CertificatePeriod, Child, Database, OutboxOp
from pfdo_desktop.sync import protocol as p

from .enrolment_rows import parse_key
from .errors import CHILD_NOT_FOUND, NotAllowed, NotFound
from .outbox import build_payload, enqueue_command
from .rows import PeriodRow

ENTITY = "certificate"

NO_CERTIFICATE = said(
    "certificate.none_for_activation",
    "У ребёнка нет сертификата: сначала нужен сертификат учёта (запрос «Новый ребёнок» с заявлением "
    "родителя о сертификате).")
ALREADY_QUEUED = said(
    "certificate.activation_queued",
    "Запрос ПФ для этого сертификата уже ждёт отправки на портал: ответ придёт при синхронизации.")


def entity_key(certificate_id: int) -> str:
    """The outbox key of a certificate's command: a pull never overwrites the certificate while
    its request waits (``sync.rows.pending_ids``)."""
    return f"{ENTITY}:{certificate_id}"


def periods(s: Session) -> list[cp.Period]:
    return [cp.Period(r.id, r.municipality, r.code, r.date_from, r.date_to, r.nominal, r.unit, r.quota,
                      r.unused_days, r.status)
            for r in s.scalars(select(CertificatePeriod).where(CertificatePeriod.archived.is_(False)))]


def period_of(s: Session, number: str, today: date) -> cp.Period | None:
    return cp.period_of(number, periods(s), today)


def period_row(s: Session, number: str, today: date) -> PeriodRow | None:
    """The period the card of certificate ``number`` shows (None: the portal sent none)."""
    period = period_of(s, number, today)
    if period is None:
        return None
    return PeriodRow(municipality=period.municipality, date_from=period.date_from, date_to=period.date_to,
                     nominal=period.nominal, unit=period.unit, quota=period.quota, status=period.status)


def activation_pending(s: Session, certificate_id: int) -> bool:
    return s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == entity_key(certificate_id),
                                              OutboxOp.kind == OP_CERTIFICATE_ACTIVATE).limit(1)) is not None


def child_certificate(s: Session, child_id: int) -> Certificate | None:
    """The child's certificate (the newest one the portal sent), as the card shows it."""
    return s.scalar(select(Certificate)
                    .where(Certificate.child_id == child_id, Certificate.archived.is_(False))
                    .order_by(Certificate.id.desc()).limit(1))


def request_activation(
    db: Database, child_key: str, today: date, application_date: date | None = None
) -> str:
    """Queue ``certificate.activate`` for a child of the registry whose parent applied for ПФ status;
    returns the request's uid. Raises ``NotFound`` (no such child here), ``NotAllowed`` (no
    certificate, a request already waiting, or the rule's refusal with its ``reason``)."""
    child_id, _uid = parse_key(child_key)
    if child_id is None:
        raise NotAllowed(said(
            "certificate.activation_needs_registry",
            "Ребёнок ещё не в реестре портала: запрос ПФ можно отправить после ответа на запрос «Новый "
            "ребёнок»."))
    with db.write() as s:
        if s.get(Child, child_id) is None:
            raise NotFound(CHILD_NOT_FOUND)
        cert = child_certificate(s, child_id)
        if cert is None:
            raise NotAllowed(NO_CERTIFICATE, reason=p.R_NO_CERTIFICATE)
        if activation_pending(s, cert.id):
            raise NotAllowed(ALREADY_QUEUED)
        # The quota's free places are the portal's to count: the PC passes none taken.
        refusal = cp.activation_refusal(cert.status, period_of(s, cert.number, today), 0, today)
        if refusal is not None:
            raise NotAllowed(refusal.message, reason=refusal.reason)
        uid = new_uid()
        payload = build_payload(p.CertificateActivatePayload, uid=uid, child_id=child_id,
                                certificate_number=cert.number, application_date=application_date or today)
        enqueue_command(s, entity_key(cert.id), payload)
        return uid
