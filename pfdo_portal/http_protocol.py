"""uvicorn's HTTP/1.1 protocol with a time limit on request heads (docs/sync-protocol.md, «Limits»).

uvicorn (0.55, h11) never times out a connection whose request line and headers do not finish: a
client that sends ``GET … HTTP/1.1\\r\\nHost: x\\r\\n`` and stops («slowloris») holds a connection and
its memory for ever, and a thousand of them exhaust the portal. Its keep-alive timer does not help:
it is cancelled by the first byte of the next request.

``HeaderTimeoutProtocol`` closes such a connection when the head is not complete ``header_timeout``
seconds after its first byte — or after the connection was opened, when nothing came at all — with
one warning line and no answer (there is no request to answer). The timer is armed again for each
request on a kept-alive connection. What comes after the head (the body) is timed by the portal's
body reader (``read_body``: idle and total timeouts → 408) — except a body the portal does not read
(``GET /info`` with a ``Content-Length``, a refusal before the body): uvicorn goes on taking it
after the answer, and a byte now and then would hold the connection as long; such a rest of a body
gets the same ``header_timeout`` after the answer, then the connection is closed.

An answer that closes the connection before the body was read (413, 408, a refusal on the headers)
is followed by a *lingering close*: the portal half-closes (its answer, then FIN) and reads and
drops what the client is still sending, until the client closes or ``header_timeout`` passes.
Closing at once with the client's bytes still arriving would make the system answer them with a
reset, which can destroy the answer on its way: the client would see a broken connection instead
of «Запрос слишком большой…».
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

DEFAULT_HEADER_TIMEOUT = 10.0


class HeaderTimeoutProtocol(H11Protocol):
    """H11Protocol + a deadline for each request's line and headers."""

    header_timeout: float = DEFAULT_HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._lingering = False  # answered and half-closed: the rest of the body is dropped

    # A request head is awaited while h11 waits for a request (IDLE): from the connection until the
    # first request, and from the first byte of each later one (the idle time between requests is
    # uvicorn's keep-alive timeout).

    def connection_made(self, transport: asyncio.BaseTransport) -> None:  # type: ignore[override]
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._lingering:
            return  # the rest of a body after the answer: read and dropped
        if self._head_timer is None and self.conn.their_state is h11.IDLE:
            self._arm()
        super().data_received(data)

    def handle_events(self) -> None:
        super().handle_events()
        cycle = self.cycle
        if cycle is not None and not isinstance(cycle.transport, _LingeringTransport):
            # The request's cycle closes the connection after a closing answer: it lingers.
            cycle.transport = _LingeringTransport(self.transport, self)  # type: ignore[assignment]
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _waiting(self) -> str:
        """What the connection waits for from the client that has a deadline: «head», «rest»
        (of a body nobody reads: the answer is sent) or «» (nothing: the app is at work)."""
        if self.transport.is_closing():
            return ""
        if self.conn.their_state is h11.IDLE:
            return "head"
        if self.conn.their_state is h11.SEND_BODY and self.conn.our_state in (h11.DONE, h11.MUST_CLOSE):
            return "rest"
        return ""

    def _close_lingering(self) -> None:
        """Close after a closing answer: at once when the request is complete, else half-close and
        drop the rest of the body until the client closes or ``header_timeout`` passes."""
        transport = self.transport
        if transport.is_closing():
            return
        if self.conn.their_state is not h11.SEND_BODY or not transport.can_write_eof():
            transport.close()
            return
        self._disarm()
        self._lingering = True
        transport.write_eof()  # after the answer, in order
        transport.resume_reading()  # uvicorn may have paused it while the body piled up
        self._head_timer = self.loop.call_later(self.header_timeout, self._linger_over)

    def _linger_over(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def _watch(self) -> None:
        if self._lingering:
            return  # its own deadline
        waiting = self._waiting()
        if not waiting:
            self._disarm()
        elif self._head_timer is None and (waiting == "rest" or self.conn.trailing_data[0]):
            self._arm()  # the rest of an unread body, or part of a pipelined request, is awaited

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        waiting = self._waiting()
        if not waiting:
            return
        # The client's address and nothing of what it sent (a head may carry a token).
        client = f"{self.client[0]}:{self.client[1]}" if self.client else "?"
        received = len(self.conn.trailing_data[0])
        if waiting == "rest":
            log.warning("%s: the rest of a request body the portal does not read still arriving after "
                        "%.0f s; connection closed", client, self.header_timeout)
        elif received:
            log.warning("%s: request head not complete after %.0f s (%d bytes); connection closed",
                        client, self.header_timeout, received)
        else:
            log.warning("%s: no request within %.0f s; connection closed", client, self.header_timeout)
        self.transport.close()


class _LingeringTransport:
    """The connection's transport as a request's cycle holds it: ``close()`` lingers
    (``HeaderTimeoutProtocol._close_lingering``); everything else is the transport's own."""

    def __init__(self, transport: asyncio.Transport, protocol: HeaderTimeoutProtocol) -> None:
        self._transport = transport
        self._protocol = protocol

    def close(self) -> None:
        self._protocol._close_lingering()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def with_header_timeout(seconds: float) -> type[HeaderTimeoutProtocol]:
    """The protocol class for ``uvicorn.Config(http=…)`` with its deadline set."""
    return type("HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": float(seconds)})


# `serve --workers N`: uvicorn starts each worker as a fresh interpreter and finds the protocol by
# its import string, so a class made by with_header_timeout (not importable by name — pickled, it
# would come back as the base class with the default deadline) cannot be handed over. The parent
# puts the deadline in the environment instead, and each worker's protocol reads it.
HEADER_TIMEOUT_ENV = "PFDO_PORTAL_HEADER_TIMEOUT"
WORKER_PROTOCOL = f"{__name__}:WorkerHeaderTimeoutProtocol"


class WorkerHeaderTimeoutProtocol(HeaderTimeoutProtocol):
    """The protocol of a worker of ``serve --workers N``: the deadline from ``HEADER_TIMEOUT_ENV``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.header_timeout = float(os.environ.get(HEADER_TIMEOUT_ENV) or DEFAULT_HEADER_TIMEOUT)
