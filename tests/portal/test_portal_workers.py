"""``pfdo-portal serve --workers 2`` as an operator runs it (issue 15, «Region scale»): two worker
processes answer on one port, and what matters is kept in the database, not in a worker — an
address's wrong enrolment codes are counted together whichever worker takes them; each worker has
the request-head deadline and the log filter; a database that cannot be opened is still one
Russian line and exit code 1 (SQLite, and PostgreSQL with PFDO_PORTAL_TEST_DB)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator

import pytest
from portal_helpers import CLIENT_VERSION, TODAY
from portal_process import ServedPortal, free_port, read_answer, status_of

from pfdo_desktop.sync import protocol as p
from pfdo_portal import admin

ATTEMPTS = 200  # connections tried until both workers have answered one (a hang guard)
ENROL = f"{p.API_PREFIX}/device/enrol"
INFO = f"{p.API_PREFIX}/info"


def _wrong_code(n: int) -> str:
    # Digits 0 and 1 are not in the code alphabet: never an issued code.
    return f"ZZ{n % 10}0-{n // 10 % 10}1ZZ"


class Connection:
    """One kept-alive HTTP/1.1 connection from a given local address; answered by one worker."""

    def __init__(self, port: int, address: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30, source_address=(address, 0))
        self.address = address
        self.local_port = self.sock.getsockname()[1]

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict[str, str], dict]:
        data = json.dumps(body).encode() if body is not None else b""
        head = (f"{method} {path} HTTP/1.1\r\nHost: portal\r\n{p.HEADER_CLIENT_VERSION}: {CLIENT_VERSION}\r\n"
                f"{p.HEADER_PROTOCOL}: {p.PROTOCOL_VERSION}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(data)}\r\n\r\n")
        self.sock.sendall(head.encode() + data)
        answer = read_answer(self.sock)
        raw_head, _, raw_body = answer.partition(b"\r\n\r\n")
        headers = {k.strip().lower(): v.strip() for k, _, v in
                   (line.partition(":") for line in raw_head.decode("latin-1").split("\r\n")[1:])}
        return status_of(answer), headers, json.loads(raw_body) if raw_body else {}

    def enrol(self, code: str) -> tuple[int, dict[str, str], dict]:
        return self.request("POST", ENROL, {"code": code, "db_uuid": uuid.uuid4().hex,
                                            "app_version": CLIENT_VERSION})

    def close(self) -> None:
        self.sock.close()


def _worker_of(served: ServedPortal, conn: Connection) -> int:
    """The worker that answered the connection's last request: the process id its access-log line
    carries (``[pid] 127.0.0.3:54321 - "GET …" 200``)."""
    needle = re.compile(rf"\[(\d+)\] {re.escape(conn.address)}:{conn.local_port} - ")
    text = served.wait_for_log(lambda t: needle.search(t) is not None,
                               f"the access line of port {conn.local_port}")
    return int(needle.findall(text)[-1])


def _workers_started(served: ServedPortal) -> set[int]:
    text = served.wait_for_log(lambda t: len(re.findall(r"Started server process \[(\d+)\]", t)) >= 2,
                               "two workers started")
    return {int(pid) for pid in re.findall(r"Started server process \[(\d+)\]", text)}


def _one_connection_per_worker(served: ServedPortal, address: str) -> dict[int, Connection]:
    """A kept-alive connection to each worker, found by opening connections until both answered
    (the system hands a new connection to whichever worker accepts it first)."""
    pinned: dict[int, Connection] = {}
    for _ in range(ATTEMPTS):
        conn = Connection(served.port, address)
        assert conn.request("GET", INFO)[0] == 200
        pid = _worker_of(served, conn)
        if pid in pinned:
            conn.close()
        else:
            pinned[pid] = conn
        for kept in pinned.values():  # a request keeps a connection from its keep-alive timeout
            if kept is not conn:
                assert kept.request("GET", INFO)[0] == 200
        if len(pinned) == 2:
            return pinned
    raise AssertionError(f"{ATTEMPTS} connections were all answered by one worker:\n{served.log()}")


@pytest.fixture
def served(db_url, seeded, tmp_path) -> Iterator[ServedPortal]:
    with ServedPortal(db_url, tmp_path / "portal.log", "--workers", "2", "--today", TODAY.isoformat(),
                      "--header-timeout", "1") as running:
        yield running


def test_both_workers_count_one_addresss_wrong_codes_together(served, db_url):
    """10 wrong codes per address (the default limit), 5 taken by each worker: the 11th is refused
    by either, a valid code from that address too; another address still enrols."""
    good = [admin.issue_code(db_url, 1) for _ in range(2)]
    workers = _workers_started(served)
    pinned = _one_connection_per_worker(served, "127.0.0.3")
    assert set(pinned) == workers
    first, second = pinned.values()
    answers = [conn.enrol(_wrong_code(i)) for i in range(5) for conn in (first, second)]
    assert [(status, body["code"]) for status, _, body in answers] == [(404, "code_invalid")] * 10
    status, headers, body = first.enrol(_wrong_code(10))
    assert status == 429 and body["code"] == "rate_limited", body
    assert 1 <= int(headers["retry-after"]) <= 600
    status, _, body = second.enrol(good[0])  # blocked by what the other worker counted as well
    assert status == 429 and "с этого компьютера" in body["message"], body
    for conn in pinned.values():
        assert _worker_of(served, conn) in workers
        conn.close()
    other = Connection(served.port, "127.0.0.4")
    status, _, body = other.enrol(good[0])
    other.close()
    assert status == 200 and body["provider_id"] == 1, body
    assert [c.used_at is not None for c in admin.list_codes(db_url)] == [True, False]


def test_each_worker_keeps_secrets_out_of_its_log_and_times_out_request_heads(served):
    workers = _workers_started(served)
    pinned = _one_connection_per_worker(served, "127.0.0.5")
    secret = "Zq8" + "x" * 30
    for conn in pinned.values():
        assert conn.request("GET", f"{INFO}?stream=own&token={secret}")[0] == 200
        assert _worker_of(served, conn) in workers
    text = served.log()
    assert secret not in text
    assert {int(pid) for pid in re.findall(r"\[(\d+)\] [\d.:]+ - \"GET [^\"]*token=\*\*\*", text)} == workers
    # A head that never ends is closed by whichever worker holds it, with its own warning line.
    warned: set[int] = set()
    for _ in range(20):  # a hang guard: each round waits one deadline (1 s)
        heads = [socket.create_connection(("127.0.0.1", served.port), timeout=30) for _ in range(6)]
        for sock in heads:
            sock.sendall(b"GET /api/sync/v1/info HTTP/1.1\r\nHost: x\r\n")
        for sock in heads:
            assert sock.recv(100) == b""  # closed, nothing answered
            sock.close()
        text = served.wait_for_log(lambda t: "request head not complete" in t, "the warning line")
        warned = {int(pid) for pid in
                  re.findall(r"\[(\d+)\] [\d.:]+: request head not complete after 1 s", text)}
        if warned == workers:
            break
    assert warned == workers, served.log()
    for conn in pinned.values():
        conn.close()


def test_a_database_that_cannot_be_opened_is_one_russian_line_with_workers(tmp_path):
    bad = tmp_path / "portal.db"
    bad.write_bytes(b"this is a text file, not SQLite\n" * 100)
    done = subprocess.run(
        [sys.executable, "-m", "pfdo_portal", "serve", "--db", str(bad), "--workers", "2",
         "--port", str(free_port())],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1, done
    assert done.stdout == "" and len(done.stderr.splitlines()) == 1, done.stderr
    line = done.stderr.strip()
    assert line.startswith("pfdo-portal: ") and f"«{bad}»" in line and "не база" in line, line
    assert "Started" not in done.stderr and "Traceback" not in done.stderr
