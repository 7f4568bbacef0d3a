"""Enrolment codes under attack (issue 10 §5): stored hashed, listed by their first letters only,
wrong guesses rate-limited per client address and in total (SQLite, and PostgreSQL with
PFDO_PORTAL_TEST_DB)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from portal_helpers import TODAY, client_headers
from sqlalchemy import text

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin, db
from pfdo_portal.app import PortalSettings
from pfdo_portal.cli import main
from pfdo_portal.embedded import EmbeddedPortal


def _enrol(c: httpx.Client, code: str) -> httpx.Response:
    return c.post("/device/enrol", json={"code": code, "db_uuid": uuid.uuid4().hex, "app_version": "0.1.0"})


def _wrong_code(n: int) -> str:
    # Digits 0 and 1 are not in the code alphabet: never an issued code.
    return f"ZZ{n % 10}0-{n // 10 % 10}1ZZ"


def _raw_code_rows(db_url: str) -> list[tuple]:
    engine = db.make_engine(db_url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("SELECT * FROM enrol_codes"))]
    finally:
        engine.dispose()


# --- stored hashed ------------------------------------------------------------------------------


def test_the_database_keeps_only_the_hash_of_a_code(seeded, db_url, http):
    code = admin.issue_code(db_url, 2)
    rows = _raw_code_rows(db_url)
    assert len(rows) == 1
    stored = " ".join(str(v) for v in rows[0])
    assert code not in stored and code.replace("-", "") not in stored and code[:4] not in stored
    assert hashlib.sha256(code.encode()).hexdigest() in stored
    # The code as typed (lower case, no hyphen) still works, once.
    assert _enrol(http, code.replace("-", "").lower()).status_code == 200
    assert _enrol(http, code).json()["code"] == "code_used"


def test_codes_are_listed_by_their_first_letters_and_expiry(seeded, db_url, http, capsys):
    used = admin.issue_code(db_url, 2)
    fresh = admin.issue_code(db_url, 2, ttl_hours=5)
    other = admin.issue_code(db_url, 3)
    device_id = _enrol(http, used).json()["device_id"]
    assert main(["codes", "--db", db_url, "--provider", "2"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    for code in (used, fresh, other):
        # Nothing past the first two letters (a pair of them alone may occur in a date or an id).
        assert code not in out and code[2:] not in out and code.replace("-", "")[2:] not in out
    assert lines[0].startswith(f"{used[:2]}••-••••\t2\t") and "использован" in lines[0]
    assert device_id in lines[0]
    assert lines[1].startswith(f"{fresh[:2]}••-••••\t2\t") and "действует до" in lines[1]
    admin.expire_code(db_url, fresh)
    assert main(["codes", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 3 and "истёк" in out and other not in out
    infos = admin.list_codes(db_url, 3)
    assert [(c.hint, c.provider_id, c.used_at) for c in infos] == [(f"{other[:2]}••-••••", 3, None)]


def test_plain_codes_of_an_older_database_are_hashed_when_the_portal_opens_it(seeded, db_url):
    """The portal has no migrations: the table is rebuilt as it was before codes were hashed
    (a VARCHAR(16) key holding the code, no hint column), and opening the database hashes it."""
    now = datetime.now(UTC)
    engine = db.make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE enrol_codes"))
        conn.execute(text(
            "CREATE TABLE enrol_codes (code VARCHAR(16) PRIMARY KEY, provider_id INTEGER NOT NULL "
            "REFERENCES providers(id), created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at "
            "TIMESTAMP WITH TIME ZONE NOT NULL, used_at TIMESTAMP WITH TIME ZONE, used_by_device VARCHAR(40))"
        ))
        for code, used in (("KMNP-QRST", None), ("ABCD-EFGH", now)):
            conn.execute(
                text("INSERT INTO enrol_codes (code, provider_id, created_at, expires_at, used_at) "
                     "VALUES (:c, 4, :n, :e, :u)"),
                {"c": code, "n": now, "e": now + timedelta(hours=72), "u": used},
            )
    engine.dispose()
    with EmbeddedPortal(db_url, settings=PortalSettings(today=TODAY)) as portal:
        stored = " ".join(" ".join(str(v) for v in row) for row in _raw_code_rows(db_url))
        assert "KMNP-QRST" not in stored and "ABCD-EFGH" not in stored
        assert hashlib.sha256(b"KMNP-QRST").hexdigest() in stored
        with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
            r = _enrol(c, "kmnp qrst")
            assert r.status_code == 200, r.text
            assert r.json()["provider_id"] == 4
            assert _enrol(c, "ABCD-EFGH").json()["code"] == "code_used"
    # Opening it again changes nothing: a hash is not hashed again.
    before = sorted(_raw_code_rows(db_url), key=str)
    assert {c.hint: c.used_at is not None for c in admin.list_codes(db_url)} == {
        "AB••-••••": True, "KM••-••••": True}
    assert sorted(_raw_code_rows(db_url), key=str) == before


# --- wrong guesses are rate-limited -------------------------------------------------------------


@pytest.fixture
def guarded_portal(db_url, seeded):
    """A portal with its general rate limit off (the default): the guard on codes works anyway."""
    settings = PortalSettings(today=TODAY, enrol_failures_per_address=10, enrol_failures_total=25)
    assert settings.rate_limit_per_minute is None
    with EmbeddedPortal(db_url, settings=settings) as running:
        yield running


def _client(portal: EmbeddedPortal, address: str = "127.0.0.1") -> httpx.Client:
    # All of 127.0.0.0/8 is this machine: each address is another client for the portal.
    return httpx.Client(
        base_url=portal.url + p.API_PREFIX,
        headers=client_headers(),
        transport=httpx.HTTPTransport(local_address=address),
        timeout=30,
    )


def test_wrong_codes_from_one_address_get_429_with_retry_after(guarded_portal, db_url):
    good = [admin.issue_code(db_url, 1) for _ in range(3)]
    with _client(guarded_portal) as c:
        for i in range(9):
            r = _enrol(c, _wrong_code(i))
            assert r.status_code == 404 and r.json()["code"] == "code_invalid", (i, r.text)
        # A correct code is not counted as a wrong guess.
        assert _enrol(c, good[0]).status_code == 200
        assert _enrol(c, _wrong_code(9)).status_code == 404  # the 10th wrong one
        r = _enrol(c, _wrong_code(10))
        assert r.status_code == 429
        body = p.ErrorBody.model_validate(r.json())
        assert body.code == "rate_limited"
        retry_after = int(r.headers["Retry-After"])
        assert 1 <= retry_after <= 600
        assert f"{(retry_after + 59) // 60} мин" in body.message
        # Blocked means blocked: a good code from this address is not even checked now …
        assert _enrol(c, good[1]).status_code == 429
    # … while another address is served as usual.
    with _client(guarded_portal, "127.0.0.2") as other:
        assert _enrol(other, good[1]).status_code == 200
        assert _enrol(other, _wrong_code(11)).status_code == 404
    assert [c.used_at is not None for c in admin.list_codes(db_url)] == [True, True, False]


def _guess_from_many_addresses(portal: EmbeddedPortal, guesses: int, first: int = 10) -> list[httpx.Response]:
    """``guesses`` wrong codes, 3 from each address (127.0.0.<first>, …), as a spread-out guesser."""
    answers: list[httpx.Response] = []
    for i in range(0, guesses, 3):
        with _client(portal, f"127.0.0.{first + i // 3}") as c:
            answers += [_enrol(c, _wrong_code(i + k)) for k in range(min(3, guesses - i))]
    return answers


def test_over_the_total_wrong_codes_get_429_and_valid_codes_still_enrol(guarded_portal, db_url, caplog):
    """Review item 3: 25 wrong codes from many addresses (the total) must not lock the region out.
    Wrong codes past the total get 429 + Retry-After (one warning line for the administrator);
    a code the portal issued, unused and unexpired, enrols from a clean address."""
    good = [admin.issue_code(db_url, 1) for _ in range(3)]
    caplog.set_level("WARNING", logger="pfdo_portal")
    answers = _guess_from_many_addresses(guarded_portal, 30)
    assert [r.status_code for r in answers[:25]] == [404] * 25
    assert [r.status_code for r in answers[25:]] == [429] * 5
    late = answers[-1]
    assert late.json()["code"] == "rate_limited" and "не найден" in late.json()["message"]
    assert 1 <= int(late.headers["Retry-After"]) <= 600
    with _client(guarded_portal, "127.0.0.200") as clean:
        r = _enrol(clean, good[0])
        assert r.status_code == 200, r.text
        assert _enrol(clean, _wrong_code(99)).status_code == 429  # still over the total: 429, not 404
        assert _enrol(clean, good[1]).status_code == 200  # one wrong code (a typo) does not block it
    warnings = [rec for rec in caplog.records
                if rec.levelname == "WARNING" and rec.name.startswith("pfdo_portal")]
    assert len(warnings) == 1, [w.getMessage() for w in warnings]
    line = warnings[0].getMessage()
    assert "wrong enrolment codes" in line and "127.0.0" not in line
    assert all(code not in line for code in good)
    assert [c.used_at is not None for c in admin.list_codes(db_url)] == [True, True, False]


def test_an_address_over_its_own_limit_gets_429_even_for_a_valid_code(guarded_portal, db_url):
    good = admin.issue_code(db_url, 1)
    with _client(guarded_portal, "127.0.0.5") as c:
        assert [_enrol(c, _wrong_code(i)).status_code for i in range(10)] == [404] * 10
        r = _enrol(c, good)
        assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1
    # Under attack (the total reached) an address is blocked sooner: after 3 wrong codes.
    _guess_from_many_addresses(guarded_portal, 21, first=20)
    with _client(guarded_portal, "127.0.0.20") as c:
        r = _enrol(c, good)
        assert r.status_code == 429 and "с этого компьютера" in r.json()["message"]
    with _client(guarded_portal, "127.0.0.6") as c:
        assert _enrol(c, good).status_code == 200
    assert admin.list_codes(db_url)[0].used_at is not None


def test_the_guard_keeps_bounded_memory_and_forgets_with_the_window(empty_db_url):
    """The guard's rows in the database (shared by the workers) stay bounded and leave with the window."""
    from pfdo_portal.limits import GuessGuard

    now = [1000.0]
    engine = db.make_engine(empty_db_url)
    db.create_schema(engine)
    guard = GuessGuard(engine, per_address=10, total=100, window=600, max_rows=200, clock=lambda: now[0])
    refusals = [guard.failed(f"10.0.{i // 256}.{i % 256}") for i in range(300)]
    assert refusals[:100] == [None] * 100 and all(r is not None and r.status == 429 for r in refusals[100:])
    assert guard.tracked() == (200, 100)  # addresses, wrong codes kept for the total
    guard.check("10.0.0.1")  # forgotten (the least recently wrong address): not blocked
    now[0] += 599
    assert guard.tracked() == (200, 100)
    now[0] += 1
    assert guard.tracked() == (0, 0)
    assert guard.failed("10.0.0.1") is None  # under the total again: a wrong code is a 404 again
    engine.dispose()


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("192.0.2.7", "192.0.2.7"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),  # one client's /64: one count
        ("2001:db8:1:3::1", "2001:db8:1:3::/64"),
    ],
)
def test_guesses_are_counted_per_ipv4_address_or_ipv6_network(host, key):
    from starlette.requests import Request

    from pfdo_portal.app import client_key

    assert client_key(Request({"type": "http", "client": (host, 50000), "headers": []})) == key
