"""The certificate's ПФ status requested from the PC (issue 17 §1) end to end: the period pulled
to the PC and shown on the card, «Запросить ПФ» queued as certificate.activate, the portal's
answer at the next sync (ПФ with the period's nominal), a refusal under an exhausted quota in
«Требует внимания», the PC's own pre-check of the same rule."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.domain.ops import OP_CERTIFICATE_ACTIVATE
from pfdo_desktop.models import Certificate, OutboxOp
from pfdo_desktop.services.errors import NotAllowed
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin, db, periods


def _children(ws: Workspace, status: str, n: int) -> list[int]:
    """Children whose certificate (of the demo municipality, «18») has ``status``."""
    with ws.db.read() as s:
        ids = list(s.scalars(select(Certificate.child_id).where(
            Certificate.status == status, Certificate.number.like("4718%"), Certificate.archived.is_(False))
            .order_by(Certificate.id)))
    # a child with one certificate only (the card shows the newest)
    with ws.db.read() as s:
        ids = [i for i in ids
               if len(s.scalars(select(Certificate.id).where(Certificate.child_id == i)).all()) == 1]
    assert len(ids) >= n
    return ids[:n]


def _portal(portal_db: str, fn, *args):
    with db.open_engine(portal_db) as engine, db.write_tx(engine) as conn:
        return fn(conn, *args)


def _fill_quota(conn) -> None:
    t = db.certificate_periods.c
    row = conn.execute(db.certificate_periods.select().where(t.status == "open")).one()
    conn.execute(db.certificate_periods.update().where(t.id == row.id)
                 .values(quota=periods.taken_places(conn, row.code)))


def test_a_pc_requests_pf_status_and_the_sync_brings_the_portals_answer(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    first, second = _children(ws, "uchet", 2)
    card = ws.child_card(f"c:{first}")
    assert card.certificate is not None and card.certificate.status == "uchet"
    period = card.certificate.period
    assert period is not None and period.municipality == "Заречный муниципальный округ"
    assert (period.nominal, period.unit, period.status) == (Decimal("24000.00"), "rub", "open")

    ws.request_certificate_activation(f"c:{first}")
    card = ws.child_card(f"c:{first}")
    assert card.certificate.activation_pending and card.certificate.status == "uchet"
    with pytest.raises(NotAllowed, match="уже ждёт отправки"):
        ws.request_certificate_activation(f"c:{first}")

    report = ws.sync()
    assert report.applied >= 1
    card = ws.child_card(f"c:{first}")
    assert not card.certificate.activation_pending
    assert (card.certificate.status, card.certificate.nominal, card.certificate.balance) == (
        "pf", Decimal("24000.00"), Decimal("24000.00"))
    assert admin.get_certificate(portal_db, card.certificate.number)["status"] == "pf"
    # Already ПФ: the PC refuses by the same rule, nothing queued.
    with pytest.raises(NotAllowed) as refused:
        ws.request_certificate_activation(f"c:{first}")
    assert refused.value.reason == cp.R_ALREADY_PF

    # The quota runs out on the portal before the second request arrives: refused at the sync.
    _portal(portal_db, _fill_quota)
    ws.request_certificate_activation(f"c:{second}")
    ws.sync()
    card = ws.child_card(f"c:{second}")
    assert card.certificate.status == "uchet" and not card.certificate.activation_pending
    [issue] = [i for i in ws.issues() if i.code == cp.R_QUOTA_EXHAUSTED]
    assert issue.title.startswith("Запрос ПФ не принят")
    assert "исчерпана" in issue.message and "квоте освободятся" in issue.advice
    with ws.db.read() as s:
        assert not s.scalars(select(OutboxOp).where(OutboxOp.kind == OP_CERTIFICATE_ACTIVATE)).all()


def test_no_open_period_is_refused_on_the_pc(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    [child] = _children(ws, "uchet", 1)
    _portal(portal_db, lambda conn: periods.close_period(conn, "Заречный муниципальный округ"))
    ws.sync()
    card = ws.child_card(f"c:{child}")
    assert card.certificate.period is not None and card.certificate.period.status == "closed"
    with pytest.raises(NotAllowed) as refused:
        ws.request_certificate_activation(f"c:{child}")
    assert refused.value.reason == cp.R_NO_PERIOD and "нет открытого периода" in str(refused.value)
