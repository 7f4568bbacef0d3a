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


# --- a code of another provider (issue 10 §2): refused before anything is spent -----------------


def _provider_name(db_url: str, provider_id: int) -> str:
    info = next(x for x in admin.list_providers(db_url) if x.id == provider_id)
    return info.short_name or info.name


def _enrol_expecting(http, code: str, expected_provider_id: int | None):
    return http.post(
        "/device/enrol",
        json={
            "code": code,
            "db_uuid": uuid.uuid4().hex,
            "app_version": "0.1.0",
            "expected_provider_id": expected_provider_id,
        },
    )


def test_a_code_of_another_provider_is_refused_and_nothing_is_spent(seeded, http, db_url):
    code = admin.issue_code(db_url, 2)
    r = _enrol_expecting(http, code, 1)
    assert r.status_code == 409
    body = p.ErrorBody.model_validate(r.json())
    assert body.code == p.E_CODE_OTHER_PROVIDER == "code_other_provider"
    # The message names both organisations and says what to do.
    assert _provider_name(db_url, 2) in body.message
    assert _provider_name(db_url, 1) in body.message
    assert "попросите код для своей организации" in body.message
    assert "отдельную папку данных" in body.message
    # Nothing spent: no device, the code still unused and still good for its own provider.
    assert admin.list_devices(db_url) == []
    assert [c.used_at for c in admin.list_codes(db_url)] == [None]
    r = _enrol_expecting(http, code, 2)
    assert r.status_code == 200, r.text
    assert r.json()["provider_id"] == 2
    assert [d.provider_id for d in admin.list_devices(db_url)] == [2]


def test_a_code_of_the_expected_provider_or_with_no_expectation_enrols(seeded, http, db_url):
    assert _enrol_expecting(http, admin.issue_code(db_url, 3), 3).status_code == 200
    assert _enrol_expecting(http, admin.issue_code(db_url, 3), None).status_code == 200
    assert sorted(d.provider_id for d in admin.list_devices(db_url)) == [3, 3]


def test_pcs_racing_for_one_code_get_one_winner(seeded, portal, db_url):
    import threading

    import httpx

    code = admin.issue_code(db_url, 1)
    n = 6
    barrier = threading.Barrier(n)
    answers: list[tuple[int, str | None]] = []
    lock = threading.Lock()

    def run(expected: int | None) -> None:
        with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers(), timeout=60) as c:
            barrier.wait(timeout=30)
            r = _enrol_expecting(c, code, expected)
        with lock:
            answers.append((r.status_code, r.json().get("code")))

    # Half of the PCs belong to another provider: they never take the code away from the rest.
    threads = [threading.Thread(target=run, args=(1 if i % 2 else 2,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    assert len(answers) == n
    assert sorted(answers, key=str).count((200, None)) == 1, answers
    assert sorted(s for s, _ in answers).count(409) == n - 1
    refusals = {c for s, c in answers if s == 409}
    assert refusals <= {"code_used", "code_other_provider"}
    assert [d.provider_id for d in admin.list_devices(db_url)] == [1]
