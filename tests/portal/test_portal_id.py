"""The portal's identity (review of issue 10, finding 2): a UUID made once and kept in the portal's
settings; /info and the enrolment answer carry it, and it survives a restart (a portal moved to a
new address is the same portal). On SQLite and on PostgreSQL (PFDO_PORTAL_TEST_DB)."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
from portal_helpers import client_headers

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db, service
from pfdo_portal.embedded import EmbeddedPortal


def _info(url: str) -> p.InfoResponse:
    with httpx.Client(base_url=url + p.API_PREFIX, headers=client_headers(), timeout=20) as c:
        r = c.get("/info")
    assert r.status_code == 200, r.text
    return p.InfoResponse.model_validate(r.json())


def test_info_and_the_enrolment_answer_carry_one_stable_portal_id(seeded, portal, http, db_url):
    first = _info(portal.url).portal_id
    assert first is not None and str(uuid.UUID(first)) == first
    assert _info(portal.url).portal_id == first
    code = admin.issue_code(db_url, seeded.demo_provider_id)
    r = http.post("/device/enrol", json={"code": code, "db_uuid": uuid.uuid4().hex, "app_version": "0.1.0"})
    assert r.status_code == 200, r.text
    assert p.EnrolResponse.model_validate(r.json()).portal_id == first
    engine = db.make_engine(db_url)
    try:
        with db.read_tx(engine) as conn:
            assert db.get_setting(conn, service.PORTAL_ID_KEY) == first  # kept in the portal's settings
    finally:
        engine.dispose()
    portal.stop()
    with EmbeddedPortal(db_url) as again:  # restarted (or moved): the same portal
        assert _info(again.url).portal_id == first


def test_requests_racing_for_a_new_portals_id_all_get_the_same_one(db_url):
    engine = db.make_engine(db_url)
    try:
        with db.read_tx(engine) as conn:
            assert db.get_setting(conn, service.PORTAL_ID_KEY) is None  # a portal that never answered
        for _round in range(10):
            with ThreadPoolExecutor(max_workers=4) as pool:
                ids = list(pool.map(lambda _n: service.portal_id(engine), range(8)))
            assert len(set(ids)) == 1 and ids[0]
            with db.write_tx(engine) as conn:
                assert db.get_setting(conn, service.PORTAL_ID_KEY) == ids[0]
                db.set_setting(conn, service.PORTAL_ID_KEY, None)  # a new portal again, for the next round
    finally:
        engine.dispose()


def test_an_older_portals_answers_without_an_id_are_still_read():
    """A desktop of this version reads /info and the enrolment answer of a portal that has no id."""
    info = p.InfoResponse.model_validate({
        "server_time": "2026-12-07T09:00:00Z", "protocol_min": 1, "protocol_max": 1,
        "min_client_version": "0.1.0", "max_ops_per_push": 500, "max_pull_limit": 5000,
        "portal_name": "портал"})
    assert info.portal_id is None
    answer = p.EnrolResponse.model_validate({"device_id": "d", "token": "t", "provider_id": 1,
                                             "provider_name": "школа"})
    assert answer.portal_id is None
