"""A real HTTP proxy in front of the real portal that can break answers on purpose.

It forwards every request to the portal unchanged; a planned fault then replaces the answer:
``drop`` (the portal processed the request, the connection dies before the answer arrives),
``500``, ``garbage`` (200 with a body that is not the protocol), ``delay`` seconds, ``rewrite``
(the answer's JSON passed through a function: a portal that answers differently, without touching
the portal's code), ``hold``: the request waits, not yet forwarded, until ``release()``, or
``hold_answer``: the portal has processed it, its answer waits until ``release()``. ``holding``
tells the test a request is held (e.g. to kill the client at a known point); after ``release()``
a new ``holding`` event waits for the next hold.
A fault can be limited to requests whose query string contains ``query`` and let the first
``skip`` of those through.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn


@dataclass
class Fault:
    path: str  # "/push", "/pull", "/info"
    action: str  # drop | 500 | garbage | delay | rewrite | hold | hold_answer
    times: int = 1  # how many matching requests it hits (-1: until cleared)
    seconds: float = 0.0
    query: str = ""  # only requests whose query string contains this ("stream=own")
    skip: int = 0  # matching requests let through before it hits
    rewrite: Callable[[Any], Any] | None = None  # rewrite: the answer's JSON → what the client gets


class FaultProxy:
    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.faults: list[Fault] = []
        self.hits: list[tuple[str, str]] = []  # (path, action) of each broken answer
        self.forwarded: list[str] = []
        self.holding = threading.Event()  # a request is held (action "hold")
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, path: str, action: str, times: int = 1, seconds: float = 0.0, *, query: str = "",
            skip: int = 0, rewrite: Callable[[Any], Any] | None = None) -> None:
        with self._lock:
            self.faults.append(Fault(path, action, times, seconds, query, skip, rewrite))

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def release(self) -> None:
        """Let the held requests through; a later hold waits for the next release()."""
        with self._lock:
            released, self._released = self._released, threading.Event()
            self.holding = threading.Event()
        released.set()

    async def _hold(self) -> None:
        with self._lock:
            released = self._released
            self.holding.set()
        await asyncio.to_thread(released.wait)

    def _take(self, path: str, query: str = "") -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if path.endswith(fault.path) and fault.query in query and fault.times != 0:
                    if fault.skip > 0:
                        fault.skip -= 1
                        continue
                    if fault.times > 0:
                        fault.times -= 1
                    return fault
        return None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        path = scope["path"]
        query = scope.get("query_string", b"").decode()
        headers = [(k.decode(), v.decode()) for k, v in scope["headers"]
                   if k.lower() not in (b"host", b"content-length", b"connection")]
        fault = self._take(path, query)
        action = fault.action if fault else None
        if fault:
            self.hits.append((path, fault.action))
        if action == "hold":
            await self._hold()
            action = None
        async with httpx.AsyncClient() as client:
            upstream = await client.request(
                scope["method"], f"{self.upstream}{path}" + (f"?{query}" if query else ""),
                headers=headers, content=body)
        self.forwarded.append(path)
        if action == "hold_answer":
            await self._hold()
            action = None
        if action == "delay":
            await asyncio.sleep(fault.seconds)  # type: ignore[union-attr]
            action = None
        if action == "drop":
            # Promise a body and die before sending it: the client sees a broken connection.
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-length", b"100000")]})
            await send({"type": "http.response.body", "body": b'{"batch_id":', "more_body": True})
            raise ConnectionResetError("fault proxy: connection dropped on purpose")
        if action == "500":
            await _respond(send, 500, b'{"code":"internal","message":"boom"}')
            return
        if action == "garbage":
            await _respond(send, 200, b"<html><body>Proxy login required</body></html>",
                           b"text/html")
            return
        skip = {"content-encoding", "content-length", "transfer-encoding", "connection"}
        out_headers = [(k.encode(), v.encode()) for k, v in upstream.headers.items()
                       if k.lower() not in skip]
        content = upstream.content
        if action == "rewrite":
            assert fault is not None and fault.rewrite is not None
            content = json.dumps(fault.rewrite(json.loads(content))).encode()
        await _respond(send, upstream.status_code, content, None, out_headers)

    def start(self) -> FaultProxy:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(self, log_level="critical", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]},
                                        daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise TimeoutError("fault proxy did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.release()  # a held request must not keep the server from stopping
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)


async def _respond(send, status: int, body: bytes, content_type: bytes | None = b"application/json",
                   headers: list[tuple[bytes, bytes]] | None = None) -> None:
    hdrs = list(headers or [])
    if content_type:
        hdrs.append((b"content-type", content_type))
    hdrs.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": hdrs})
    await send({"type": "http.response.body", "body": body})
