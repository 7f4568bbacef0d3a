"""`pfdo-portal serve` in a child process, as an operator runs it: its memory and its log are the
process's own (used by the tests of the portal under hostile traffic)."""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Self


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServedPortal:
    """``python -m pfdo_portal serve --db URL --port N [extra…]``; stdout and stderr go to a file."""

    def __init__(self, db_url: str, log_path: Path, *extra: str) -> None:
        self.db_url = db_url
        self.log_path = log_path
        self.extra = extra
        self.port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "pfdo_portal", "serve", "--db", self.db_url,
                 "--port", str(self.port), *self.extra],
                stdout=log, stderr=subprocess.STDOUT, env=env,
            )
        deadline = time.monotonic() + 60  # a hang guard, not a timing check
        while "Uvicorn running on" not in self.log():
            if self.proc.poll() is not None:
                raise RuntimeError("the portal did not start:\n" + self.log())
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("the portal did not start:\n" + self.log())
            time.sleep(0.05)
        # With --workers the parent logs «running» once the socket is bound; it listens only when a
        # worker has started its server: wait until a connection is accepted.
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=5).close()
                break
            except ConnectionRefusedError:
                if self.proc.poll() is not None:
                    raise RuntimeError("the portal did not start:\n" + self.log()) from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise TimeoutError("the portal never accepted a connection:\n" + self.log()) from None
                time.sleep(0.05)
        return self

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_for_log(self, predicate, what: str) -> str:
        """Wait until the log satisfies ``predicate`` (the portal logs after it answered)."""
        deadline = time.monotonic() + 30  # a hang guard, not a timing check
        while True:
            text = self.log()
            if predicate(text):
                return text
            if time.monotonic() > deadline:
                raise AssertionError(f"the portal's log never showed {what}:\n{text}")
            time.sleep(0.05)

    def peak_rss_bytes(self) -> int:
        """The most memory the process has held so far (VmHWM: its resident set's high-water mark)."""
        assert self.proc is not None
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
        assert match, status
        return int(match.group(1)) * 1024

    def stop(self) -> None:
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGINT)  # uvicorn shuts down gracefully on Ctrl+C
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def send_raw(
    port: int,
    head: bytes,
    chunks,
    *,
    timeout: float = 30.0,
) -> tuple[bytes, bool]:
    """Send a request head, then body chunks for as long as the portal reads them; return what the
    portal answered and whether it stopped reading before the body was over.

    The portal may answer (413) before the body is sent: the sender watches for an answer before
    each chunk and stops sending as soon as one comes, as a well-behaved HTTP client does.
    """
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    stopped_early = False
    try:
        sock.sendall(head)
        for chunk in chunks:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                stopped_early = True
                break
            try:
                sock.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                stopped_early = True
                break
        return read_answer(sock), stopped_early
    finally:
        sock.close()


def read_answer(sock: socket.socket) -> bytes:
    """Everything the portal sends until it closes the connection or a whole answer has come."""
    data = b""
    while True:
        try:
            part = sock.recv(65536)
        except ConnectionResetError:
            return data
        if not part:
            return data
        data += part
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            m = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
            if m and len(body) >= int(m.group(1)):
                return data


def status_of(answer: bytes) -> int:
    m = re.match(rb"HTTP/1\.1 (\d{3}) ", answer)
    assert m, answer[:200]
    return int(m.group(1))


def body_of(answer: bytes) -> bytes:
    return answer.partition(b"\r\n\r\n")[2]
