"""Enrolment of a PC, /info, authentication and version checks."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from portal_helpers import client_headers
from sqlalchemy import select

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db


def _enrol(http, code: str):
    return http.post(
        "/device/enrol", json={"code": code, "db_uuid": uuid.uuid4().hex, "app_version": "0.1.0"}
    )


def test_enrol_with_a_fresh_code_gives_a_token_for_that_provider(seeded, http, db_url):
    code = admin.issue_code(db_url, 2)
    r = _enrol(http, code)
    assert r.status_code == 200
    body = p.EnrolResponse.model_validate(r.json())
    assert body.provider_id == 2
    assert body.provider_name.startswith(
        "Муниципальное бюджетное учреждение дополнительного образования «Детская школа искусств"
    )
    # The portal keeps only the token's hash.
    engine = db.make_engine(db_url)
    with engine.connect() as conn:
        stored = conn.execute(select(db.devices)).one()
    engine.dispose()
    assert stored.token_sha256 != body.token and len(stored.token_sha256) == 64
    assert body.token not in str(tuple(stored))
    assert [d.id for d in admin.list_devices(db_url)] == [body.device_id]


def test_code_is_accepted_in_lower_case_without_the_hyphen(seeded, http, db_url):
    code = admin.issue_code(db_url, 1)
    assert _enrol(http, code.replace("-", "").lower()).status_code == 200


@pytest.mark.parametrize(
    ("case", "status", "error"),
    [("used", 409, "code_used"), ("wrong", 404, "code_invalid"), ("expired", 409, "code_expired")],
)
def test_enrol_refusals(seeded, http, db_url, case, status, error):
    code = admin.issue_code(db_url, 1)
    if case == "used":
        assert _enrol(http, code).status_code == 200
    elif case == "wrong":
        code = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"
    else:
        admin.expire_code(db_url, code)
    r = _enrol(http, code)
    assert r.status_code == status
    assert r.json()["code"] == error
    assert r.json()["message"]  # a human message for the operator
    assert len(admin.list_devices(db_url)) == (1 if case == "used" else 0)


def test_info_reports_time_and_limits(device):
    before = datetime.now(UTC)
    r = device.http.get("/info")
    assert r.status_code == 200
    info = p.InfoResponse.model_validate(r.json())
    assert before.timestamp() - 1 <= info.server_time.timestamp() <= datetime.now(UTC).timestamp() + 1
    assert info.protocol_min <= p.PROTOCOL_VERSION <= info.protocol_max
    assert info.max_ops_per_push == p.MAX_OPS_PER_PUSH
    assert info.max_pull_limit == p.MAX_PULL_LIMIT
    assert info.portal_name


def test_unknown_token_is_401_token_invalid(portal, seeded):
    import httpx

    with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers("nonsense-token")) as c:
        for r in (
            c.get("/info"),
            c.get("/pull", params={"stream": "master"}),
            c.post("/push", json={}),
        ):
            assert r.status_code == 401
            assert r.json()["code"] == "token_invalid"


def test_revoked_device_gets_401_token_revoked(device, db_url):
    assert device.pull("master", limit=1).status_code == 200
    admin.revoke_device(db_url, device.device_id)
    r = device.pull("master")
    assert r.status_code == 401
    assert r.json()["code"] == "token_revoked"
    assert device.push([]).json()["code"] == "token_revoked"
    assert admin.list_devices(db_url)[0].revoked_at is not None


@pytest.mark.parametrize(
    ("headers", "code"),
    [
        ({p.HEADER_CLIENT_VERSION: "0.0.9"}, "client_too_old"),
        ({p.HEADER_PROTOCOL: "2"}, "protocol_unsupported"),
        ({p.HEADER_PROTOCOL: "abc"}, "protocol_unsupported"),
    ],
)
def test_old_clients_get_426(device, headers, code):
    r = device.http.get("/info", headers=headers)
    assert r.status_code == 426
    assert r.json()["code"] == code
    assert "Обновите программу" in r.json()["message"]
    # Enrolment says the same before a code is spent.
    r = device.http.post(
        "/device/enrol",
        json={"code": "ABCD-EFGH", "db_uuid": "x" * 10, "app_version": "0"},
        headers=headers,
    )
    assert r.status_code == 426


def test_info_without_a_token_checks_the_address(http, seeded):
    r = http.get("/info")
    assert r.status_code == 200
    assert r.json()["protocol_max"] >= 1
