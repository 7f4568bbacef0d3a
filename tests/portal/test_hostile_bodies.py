"""The portal under hostile traffic (issue 10 §5): request bodies are capped before they are read,
stalled bodies time out, an aborted upload is one log line, and no token or code reaches the log.

The portal runs as ``pfdo-portal serve`` in its own process (its memory and its log are measured),
or embedded on a real socket where only its answers matter."""

from __future__ import annotations

import gzip
import json
import uuid
import zlib

import httpx
import pytest
from portal_helpers import TODAY, client_headers, mark_op, member_cells
from portal_process import ServedPortal, body_of, read_answer, send_raw, status_of

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal

ENROL = p.API_PREFIX + "/device/enrol"
MB = 1024 * 1024
BODY = 100 * MB


def _head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json",
             f"{p.HEADER_CLIENT_VERSION}: 0.1.0", f"{p.HEADER_PROTOCOL}: {p.PROTOCOL_VERSION}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _junk(total: int, size: int = 256 * 1024):
    """``total`` bytes of a JSON-looking body, a chunk at a time (never held whole)."""
    chunk = b'{"code": "' + b"A" * (size - 10)
    for _ in range(total // len(chunk)):
        yield chunk


def _chunked(total: int):
    for chunk in _junk(total):
        yield f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    yield b"0\r\n\r\n"


def _gzip_of_zeros(total: int) -> bytes:
    comp = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"0" * MB
    parts = [comp.compress(block) for _ in range(total // MB)]
    parts.append(comp.flush())
    return b"".join(parts)


def _error(answer: bytes) -> p.ErrorBody:
    return p.ErrorBody.model_validate_json(body_of(answer))


@pytest.fixture
def served(db_url, seeded, tmp_path):
    with ServedPortal(db_url, tmp_path / "portal.log", "--body-timeout", "1") as running:
        yield running


# --- 1. bodies are capped before they are read ------------------------------------------------


def test_a_100_mb_body_without_a_token_is_refused_before_it_is_read(served):
    with httpx.Client(base_url=served.url + p.API_PREFIX, headers=client_headers()) as c:
        # Warm up: the first answers of a fresh process allocate what every later one reuses.
        for _ in range(3):
            assert c.post("/device/enrol", json={"code": "ZZZZ-ZZZZ", "db_uuid": "x" * 10,
                                                 "app_version": "0.1.0"}).status_code == 404
            assert c.get("/info").status_code == 200
    before = served.peak_rss_bytes()

    # A declared length over the limit: refused on the headers alone.
    answer, stopped = send_raw(served.port, _head(ENROL, {"Content-Length": str(BODY)}), _junk(BODY))
    assert status_of(answer) == 413 and stopped
    error = _error(answer)
    assert error.code == p.E_BODY_TOO_LARGE == "body_too_large"
    assert "4 КБ" in error.message

    # No length (chunked): counted as it arrives, refused at the limit.
    answer, stopped = send_raw(served.port, _head(ENROL, {"Transfer-Encoding": "chunked"}), _chunked(BODY))
    assert status_of(answer) == 413 and stopped
    assert _error(answer).code == "body_too_large" and "4 КБ" in _error(answer).message

    # A gzip body within the 4 KB that unpacks to 3 MB: unpacked a piece at a time, refused at 4 KB.
    bomb = _gzip_of_zeros(3 * MB)
    assert len(bomb) < 4 * 1024
    head = _head(ENROL, {"Content-Length": str(len(bomb)), "Content-Encoding": "gzip"})
    answer, _ = send_raw(served.port, head, [bomb])
    assert status_of(answer) == 413
    assert _error(answer).code == "body_too_large"
    assert "4 КБ после распаковки" in _error(answer).message

    grown = served.peak_rss_bytes() - before
    assert grown < BODY // 10, f"the portal grew by {grown / MB:.1f} MB for a {BODY // MB} MB body"


def test_a_push_that_unpacks_to_100_mb_is_refused_at_its_limit(served, db_url, seeded):
    code = admin.issue_code(db_url, seeded.demo_provider_id)
    with httpx.Client(base_url=served.url + p.API_PREFIX, headers=client_headers()) as c:
        token = c.post("/device/enrol", json={"code": code, "db_uuid": uuid.uuid4().hex,
                                              "app_version": "0.1.0"}).json()["token"]
        for _ in range(3):
            assert c.get("/info", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    before = served.peak_rss_bytes()
    size = 2 * BODY  # the growth allowed (a tenth of it) is well above the 8 MB limit
    bomb = _gzip_of_zeros(size)
    assert len(bomb) < MB
    head = _head(p.API_PREFIX + "/push", {"Content-Length": str(len(bomb)), "Content-Encoding": "gzip",
                                         "Authorization": f"Bearer {token}"})
    answer, _ = send_raw(served.port, head, [bomb])
    assert status_of(answer) == 413
    assert _error(answer).code == "body_too_large"
    assert "8 МБ после распаковки" in _error(answer).message
    grown = served.peak_rss_bytes() - before
    assert grown < size // 10, f"the portal grew by {grown / MB:.1f} MB for a {size // MB} MB body"
    # And it still serves.
    with httpx.Client(base_url=served.url + p.API_PREFIX, headers=client_headers()) as c:
        assert c.get("/info").status_code == 200


def test_a_push_is_capped_by_its_size_and_its_number_of_ops(db_url, device):
    cell = member_cells(db_url, device.provider_id, 1)[0]
    marks_before = admin.count_marks(db_url)
    ops = [mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1 + i % 4) for i in range(501)]
    r = device.push(ops)
    assert r.status_code == 413
    error = p.ErrorBody.model_validate(r.json())
    assert error.code == p.E_TOO_MANY_OPS == "too_many_ops"
    assert "500" in error.message
    assert admin.count_marks(db_url) == marks_before  # refused before any op was applied

    # A push whose unpacked body is over max_ops_per_push × 16 KB (8 МБ by default).
    big = json.dumps({"device_id": device.device_id, "batch_id": str(uuid.uuid4()),
                      "ops": [mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1)
                              | {"pad": "x" * (9 * MB)}]}).encode()
    r = device.http.post("/push", content=gzip.compress(big, 1),
                         headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json()["code"] == "body_too_large" and "8 МБ" in r.json()["message"]
    r = device.http.post("/push", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "8 МБ" in r.json()["message"]
    assert admin.count_marks(db_url) == marks_before
    # The ops of a push within the limits are applied.
    assert [x["status"] for x in device.push_ok(ops[:2])] == ["applied", "applied"]


def test_a_refused_body_is_drained_so_the_client_can_read_the_refusal(portal):
    """A 413 comes before the body is read; if the portal then closed its socket with the client's
    body still arriving, its system would answer with a reset that can destroy the 413 on its way
    (seen as «peer closed connection without sending complete message body» under load). The portal
    half-closes instead and drops the rest of the body for up to header_timeout."""
    import socket

    head = _head(ENROL, {"Content-Length": str(BODY)})
    with socket.create_connection(("127.0.0.1", portal.port), timeout=30) as sock:
        sock.sendall(head)
        answer = read_answer(sock)
        assert status_of(answer) == 413 and _error(answer).code == "body_too_large"
        # The client goes on sending what it had started: the portal takes it in and drops it.
        chunk = b"A" * (64 * 1024)
        for _ in range(32):
            sock.sendall(chunk)  # a closed socket would have answered with a reset by now
        sock.shutdown(socket.SHUT_WR)
        assert sock.recv(1) == b""  # the portal's end was closed in order (FIN), after the answer


def test_a_portal_with_fewer_ops_per_push_says_its_own_limit(db_url, seeded):
    with EmbeddedPortal(db_url, settings=PortalSettings(today=TODAY, max_ops_per_push=3)) as portal:
        code = admin.issue_code(db_url, seeded.demo_provider_id)
        with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
            enrolled = c.post("/device/enrol", json={"code": code, "db_uuid": uuid.uuid4().hex,
                                                     "app_version": "0.1.0"}).json()
            cell = member_cells(db_url, enrolled["provider_id"], 1)[0]
            ops = [mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1) for _ in range(4)]
            r = c.post("/push", headers={"Authorization": f"Bearer {enrolled['token']}"},
                       json={"device_id": enrolled["device_id"], "batch_id": "b1", "ops": ops})
    assert r.status_code == 413
    assert r.json()["code"] == "too_many_ops" and "не больше 3" in r.json()["message"]


# --- 2. slow bodies time out; an aborted upload is one line -----------------------------------


def test_stalled_and_aborted_uploads_get_408_or_nothing_and_one_log_line_each(served):
    import socket

    head = _head(ENROL, {"Content-Length": "300"})
    for _ in range(2):  # stalled: headers and part of the body, then nothing
        with socket.create_connection(("127.0.0.1", served.port), timeout=20) as sock:
            sock.sendall(head + b'{"code": "ABCD')
            answer = read_answer(sock)  # the portal gives up on the body (1 s here) …
            assert status_of(answer) == 408
            assert _error(answer).code == p.E_BODY_TIMEOUT == "body_timeout"
            assert sock.recv(1) == b""  # … and closes the connection
    for _ in range(3):  # aborted: the client goes away in the middle of the body
        with socket.create_connection(("127.0.0.1", served.port), timeout=20) as sock:
            sock.sendall(head + b'{"code": "ABCD')

    def warnings(text: str) -> list[str]:
        return [ln for ln in text.splitlines() if "WARNING" in ln or "ERROR" in ln]

    text = served.wait_for_log(lambda t: len(warnings(t)) >= 5, "five warnings")
    with httpx.Client(base_url=served.url + p.API_PREFIX, headers=client_headers()) as c:
        assert c.get("/info").status_code == 200  # anything more would be logged before this answer
    served.stop()
    text = served.log()
    assert "Traceback" not in text, text
    lines = warnings(text)
    assert len(lines) == 5, text
    assert sum("408" in ln for ln in lines) == 2, lines
    assert sum("the client aborted the request body after" in ln for ln in lines) == 3, lines


# --- 3c. no token or code in the log ----------------------------------------------------------


def test_no_token_or_code_reaches_the_log(served, db_url, seeded):
    code = admin.issue_code(db_url, seeded.demo_provider_id)
    with httpx.Client(base_url=served.url + p.API_PREFIX, headers=client_headers()) as c:
        r = c.post("/device/enrol", params={"code": code},
                   json={"code": code, "db_uuid": uuid.uuid4().hex, "app_version": "0.1.0"})
        assert r.status_code == 200
        token = r.json()["token"]
        auth = {"Authorization": f"Bearer {token}"}
        assert c.get("/info", params={"token": token}, headers=auth).status_code == 200
        assert c.get("/pull", params={"stream": "master", "limit": 1, "access_token": token,
                                      "cursor": "x"}, headers=auth).status_code == 410
        assert c.get("/info", headers={"Authorization": "Bearer WRONG-token-123456"}).status_code == 401
        assert c.post("/device/enrol?code=QQQQ-WWWW&token=query-secret-777",
                      json={"code": "QQQQ-WWWW", "db_uuid": "x" * 10, "app_version": "0"}).status_code == 404
        # A code or a token in a parameter the API knows, where its value is not of that parameter's
        # kind, in a parameter's name, or in the path (review item 12).
        assert c.get("/pull", params={"stream": "master", "limit": "UAW6-W69A"},
                     headers=auth).status_code == 400
        assert c.get("/pull", params={"stream": "KMNP-QRST", "cursor": token[:30]},
                     headers=auth).status_code == 400
        assert c.get("/pull", params={"provider": "XYZW2345", "cursor": "beef.1"},
                     headers=auth).status_code == 400
        assert c.get("/info?RSTU-VWXY").status_code == 200
        assert c.get("/device/ABCD-EFGH").status_code == 404
        assert c.get(f"/device/{token}/enrol").status_code == 404
        assert c.get("/device/mnpq%20rstu").status_code == 404
        assert c.get("/nothing", params={"token": "query-secret-888"}).status_code == 404
    text = served.wait_for_log(lambda t: "/nothing" in t, "the access line of the last request")
    served.stop()
    text = served.log()
    assert "GET /api/sync/v1/info" in text  # the access log is on …
    assert "stream=master" in text and "limit=1" in text  # … and keeps what is not secret
    assert "GET /api/sync/v1/device/*** " in text and "/device/***/enrol" in text
    for secret in (token, token[:30], code, code.replace("-", ""), "WRONG-token-123456", "QQQQ-WWWW",
                   "query-secret-777", "query-secret-888", "UAW6", "W69A", "KMNP", "XYZW2345",
                   "RSTU", "ABCD-EFGH", "mnpq"):
        assert secret not in text, (secret, text)


@pytest.mark.parametrize(("logged", "masked"), [
    ("/api/sync/v1/pull?stream=master&limit=1&cursor=0a1b2c3d.42&provider=3",
     "/api/sync/v1/pull?stream=master&limit=1&cursor=0a1b2c3d.42&provider=3"),
    ("/api/sync/v1/pull?stream=master&limit=UAW6-W69A", "/api/sync/v1/pull?stream=master&limit=***"),
    ("/api/sync/v1/pull?stream=uaw6w69a&cursor=x", "/api/sync/v1/pull?stream=***&cursor=***"),
    ("/api/sync/v1/pull?limit=23456789", "/api/sync/v1/pull?limit=***"),
    ("/api/sync/v1/info?UAW6-W69A", "/api/sync/v1/info?***=***"),
    ("/api/sync/v1/info?token=abc&code=UAW6W69A", "/api/sync/v1/info?token=***&code=***"),
    ("/api/sync/v1/device/UAW6-W69A", "/api/sync/v1/device/***"),
    ("/api/sync/v1/device/uaw6%20w69a/x", "/api/sync/v1/device/***/x"),
    ("/api/sync/v1/" + "Ab1_" * 11, "/api/sync/v1/***"),
    ("/openapi.json", "/openapi.json"),
    ("/api/sync/v1/device/enrol", "/api/sync/v1/device/enrol"),
])
def test_the_access_log_masks_codes_and_tokens_anywhere_in_the_url(logged, masked):
    import logging

    from pfdo_portal.app import SecretsFilter

    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", logged, "1.1", 200), None)
    assert SecretsFilter().filter(record)
    assert record.getMessage() == f'127.0.0.1:5000 - "GET {masked} HTTP/1.1" 200'


def test_our_own_lines_lose_codes_tokens_and_query_values():
    import logging

    from pfdo_portal.app import SecretsFilter

    token = "x" * 20 + "Q9_-" * 6
    device = "b0c3b1a2-5d7e-4f7a-9e38-1f2a3b4c5d6e"
    record = logging.LogRecord(
        "pfdo_portal.app", logging.WARNING, __file__, 1,
        "device %s: GET /api/sync/v1/pull?stream=own&limit=UAW6-W69A code UAW6-W69A, token %s",
        (device, token), None)
    assert SecretsFilter().filter(record)
    line = record.getMessage()
    assert line == f"device {device}: GET /api/sync/v1/pull?stream=own&limit=*** code ***, token ***", line


@pytest.mark.parametrize("big", [2**31, 2**70, -(2**31) - 1])
def test_a_number_beyond_the_database_is_refused_not_a_server_error(db_url, device, big):
    """Found by the OpenAPI contract run once payloads were typed (review item 6): an id or a count
    past PostgreSQL's INTEGER (or SQLite's 64 bits) made the portal answer 503 «retry later» for
    ever (or 500). Such an op is refused on its own as invalid, naming the field."""
    from enrolment_helpers import op
    from test_programs import card, group, group_op, module, submit_op

    cell = member_cells(db_url, device.provider_id, 1)[0]
    good = mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1)
    ops = [
        mark_op(big, cell.child_id, cell.lesson_date, 2),
        op(p.OP_APP_CREATE, uid=p.new_uid(), child_id=big, group_id=cell.group_id,
           start_date=TODAY.isoformat(), created_at="2025-11-24T10:00:00Z"),
        group_op(group(1, id=big)),
        submit_op(card(modules=[module(hours=big)])),
        op(p.OP_CHILD_RESOLVE, uid=p.new_uid(), child_id=big),
        good,
    ]
    results = device.push_ok(ops)
    statuses = [(r["status"], r["code"]) for r in results]
    assert statuses == [("rejected", p.R_INVALID)] * 5 + [("applied", None)]
    assert [next(iter(r["field_errors"])) for r in results[:5]] == [
        "group_id", "child_id", "group.id", "card.modules.0.hours", "child_id"]
    out_of_range = {"число вне допустимого диапазона"}
    assert all(set(r["field_errors"].values()) == out_of_range for r in results[:5]), results
    assert all("вне допустимого диапазона" in r["message"] for r in results[1:5]), results


def test_a_nul_character_is_refused_not_a_server_error(db_url, device, http):
    """PostgreSQL cannot store NUL in text (found by the OpenAPI contract run): the portal refuses
    it as bad data — the ids of a request with 400, an op's payload with that op's «invalid» —
    instead of failing with 500 or a «retry later» that would repeat forever."""
    cell = member_cells(db_url, device.provider_id, 1)[0]
    good = mark_op(cell.group_id, cell.child_id, cell.lesson_date, 1)
    r = device.push([mark_op(cell.group_id, cell.child_id, cell.lesson_date, 2, op_id="op\x00id-12345")])
    assert r.status_code == 400 and r.json()["code"] == "bad_request"
    bad = mark_op(cell.group_id, cell.child_id, cell.lesson_date, 2, changed_by="опер\x00атор")
    odd_kind = {**good, "op_id": p.new_op_id(), "kind": "mark.\x00set"}
    results = device.push_ok([bad, odd_kind, good])
    assert [(x["status"], x["code"]) for x in results] == [
        ("rejected", "invalid"), ("rejected", "invalid"), ("applied", None)]
    assert "нулевой символ" in results[0]["field_errors"]["payload"]
    assert admin.get_mark(db_url, cell.group_id, cell.child_id, cell.lesson_date)["code"] == 1
    r = http.post("/device/enrol",
                  json={"code": "ABCD-EFGH", "db_uuid": "db\x00uuid-123", "app_version": "0"})
    assert r.status_code == 400 and r.json()["code"] == "bad_request"
