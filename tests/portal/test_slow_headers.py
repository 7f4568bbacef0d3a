"""A request whose line and headers never finish is timed out (review item 8, «slowloris»): the
portal closes such a connection after ``header_timeout`` seconds — also a connection that sends
nothing and the next request on a kept-alive connection — with one warning line each, while it
goes on answering everybody else."""

from __future__ import annotations

import logging
import socket
import threading
import time

import httpx
import pytest
from portal_helpers import TODAY, client_headers
from portal_process import ServedPortal

from pfdo_desktop.sync import protocol as p
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal

HEADER_TIMEOUT = 1.0
PARTIAL = b"GET /api/sync/v1/info HTTP/1.1\r\nHost: x\r\n"  # no blank line: the head never ends
WHOLE = b"GET /api/sync/v1/info HTTP/1.1\r\nHost: x\r\n\r\n"
HANG_GUARD = 30.0  # a closed socket shows at once; this only stops a broken test from hanging


def _closed(sock: socket.socket) -> bool:
    """Whether the portal closed the connection (and answered nothing on it)."""
    sock.settimeout(HANG_GUARD)
    try:
        data = sock.recv(65536)
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
    assert data == b"", data
    return True


def _read_answer(sock: socket.socket) -> bytes:
    """One whole answer (headers + Content-Length bytes) on a kept-alive connection."""
    sock.settimeout(HANG_GUARD)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))
    while len(body) < length:
        body += sock.recv(65536)
    return head


@pytest.fixture
def portal(db_url):
    settings = PortalSettings(today=TODAY, header_timeout=HEADER_TIMEOUT)
    with EmbeddedPortal(db_url, settings=settings) as running:
        yield running


def test_unfinished_request_heads_are_closed_while_others_are_answered(portal, caplog):
    caplog.set_level(logging.WARNING, logger="pfdo_portal")
    started = time.monotonic()
    partial = [socket.create_connection(("127.0.0.1", portal.port)) for _ in range(20)]
    silent = socket.create_connection(("127.0.0.1", portal.port))  # sends nothing at all
    kept = socket.create_connection(("127.0.0.1", portal.port))
    try:
        for sock in partial:
            sock.sendall(PARTIAL)
        # A keep-alive connection: one whole request answered, then the head of the next stalls.
        kept.sendall(WHOLE)
        assert _read_answer(kept).startswith(b"HTTP/1.1 200")
        kept.sendall(PARTIAL)
        # Meanwhile the portal answers a normal client on another connection.
        with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
            assert c.get("/info").status_code == 200
        assert all(_closed(sock) for sock in partial)
        assert _closed(silent) and _closed(kept)
        # Not before its time: each had its full allowance.
        assert time.monotonic() - started >= HEADER_TIMEOUT
    finally:
        for sock in (*partial, silent, kept):
            sock.close()
    lines = [r for r in caplog.records if r.name.startswith("pfdo_portal") and r.levelno == logging.WARNING]
    assert len(lines) == 22, [r.getMessage() for r in lines]
    assert all(r.exc_info is None for r in lines)
    assert sum("request head not complete" in r.getMessage() for r in lines) == 21
    assert sum("no request within" in r.getMessage() for r in lines) == 1
    # … and the portal still answers afterwards.
    with httpx.Client(base_url=portal.url + p.API_PREFIX, headers=client_headers()) as c:
        assert c.get("/info").status_code == 200


def test_a_whole_request_sent_slowly_but_in_time_is_answered(portal):
    with socket.create_connection(("127.0.0.1", portal.port)) as sock:
        for piece in (WHOLE[:10], WHOLE[10:30], WHOLE[30:]):
            sock.sendall(piece)
        assert _read_answer(sock).startswith(b"HTTP/1.1 200")
        # The next request on the same connection is answered too.
        sock.sendall(WHOLE)
        assert _read_answer(sock).startswith(b"HTTP/1.1 200")


def test_serve_times_out_request_heads_with_one_warning_line(db_url, seeded, tmp_path):
    with ServedPortal(db_url, tmp_path / "portal.log", "--header-timeout", "1") as served:
        with socket.create_connection(("127.0.0.1", served.port)) as sock:
            sock.sendall(PARTIAL)
            assert _closed(sock)
        text = served.wait_for_log(lambda t: "request head" in t, "the warning line")
    lines = [ln for ln in text.splitlines() if "WARNING" in ln or "ERROR" in ln]
    assert len(lines) == 1 and "request head not complete after 1 s" in lines[0], text
    assert "Traceback" not in text


def test_a_body_the_portal_does_not_read_cannot_hold_the_connection(portal, caplog):
    """GET /info with a declared body sent a byte at a time: the answer comes, then the connection
    is closed after header_timeout (each byte used to keep it open for ever)."""
    caplog.set_level(logging.WARNING, logger="pfdo_portal")
    stop = threading.Event()
    with socket.create_connection(("127.0.0.1", portal.port)) as sock:
        sock.sendall(b"GET /api/sync/v1/info HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n0123456789")
        assert _read_answer(sock).startswith(b"HTTP/1.1 200")

        def drip() -> None:
            while not stop.wait(0.2):
                try:
                    sock.sendall(b"x")
                except OSError:
                    return

        dripper = threading.Thread(target=drip, daemon=True)
        dripper.start()
        try:
            assert _closed(sock)
        finally:
            stop.set()
            dripper.join(timeout=HANG_GUARD)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("pfdo_portal")]
    assert len(lines) == 1 and "does not read" in lines[0], lines
