"""The activation rule on both sides (issue 17 §1, ``domain.certificate_periods.activation_refusal``):
the PC's pre-check (``Workspace.request_certificate_activation``) and the portal (a
``certificate.activate`` pushed over a real socket) give the same verdict and reason code — except
the quota's free places, which only the portal counts (first come, first served): the PC queues
that request and the portal refuses it at the sync."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from pfdo_desktop.domain import certificate_periods as cp
from pfdo_desktop.models import Certificate
from pfdo_desktop.services.errors import NotAllowed
from pfdo_desktop.sync import credentials
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.sync.client import PortalClient
from pfdo_portal import db, periods

ACCEPTED = "accepted"
MUNICIPALITY = "Заречный муниципальный округ"


def _push(ws: Any, payload: Any) -> p.OpResult:
    device = ws.device()
    with PortalClient(device.portal_url, token=credentials.load_token(device.db_uuid)) as client:
        answer = client.push(p.PushRequest(device_id=device.device_id, batch_id=str(uuid.uuid4()),
                                           ops=[p.wire_op(p.typed_op(str(uuid.uuid4()), payload))]))
    (result,) = answer.results
    return result


def _child(ws: Any, status: str) -> tuple[int, str]:
    with ws.db.read() as s:
        for cert in s.scalars(select(Certificate).where(Certificate.status == status,
                                                        Certificate.number.like("4718%")).order_by(Certificate.id)):
            if len(s.scalars(select(Certificate.id).where(Certificate.child_id == cert.child_id)).all()) == 1:
                return cert.child_id, cert.number
    raise AssertionError(f"no child with a single {status} certificate")


def _on_portal(portal_db: str, fn) -> None:
    with db.open_engine(portal_db) as engine, db.write_tx(engine) as conn:
        fn(conn)


def _no_period(conn) -> None:
    periods.close_period(conn, MUNICIPALITY)


def _quota_full(conn) -> None:
    t = db.certificate_periods.c
    conn.execute(db.certificate_periods.update().where(t.status == "open").values(
        quota=periods.taken_places(conn, "18")))


CASES = [
    ("an accounting certificate in an open period", "uchet", None, ACCEPTED, ACCEPTED),
    ("already ПФ", "pf", None, cp.R_ALREADY_PF, cp.R_ALREADY_PF),
    ("the municipality's period closed", "uchet", _no_period, cp.R_NO_PERIOD, cp.R_NO_PERIOD),
    ("the quota taken: the portal's to count", "uchet", _quota_full, ACCEPTED, cp.R_QUOTA_EXHAUSTED),
]


@pytest.mark.parametrize(("status", "change", "on_pc", "on_portal"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_an_activation_gets_the_rules_verdict_on_both_sides(enrolled_workspace, portal_db, status, change,
                                                             on_pc, on_portal):
    ws = enrolled_workspace
    if change is not None:
        _on_portal(portal_db, change)
        ws.sync()
    child_id, number = _child(ws, status)
    try:
        ws.request_certificate_activation(f"c:{child_id}")
        pc = ACCEPTED
    except NotAllowed as refused:
        assert refused.message
        pc = refused.reason
    result = _push(ws, p.CertificateActivatePayload(uid=str(uuid.uuid4()), child_id=child_id,
                                                    certificate_number=number, application_date=date.today()))
    portal = ACCEPTED if result.status == p.APPLIED else result.code
    assert (pc, portal) == (on_pc, on_portal), result.message
