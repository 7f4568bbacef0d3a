"""The portal in a background thread of this process (``pfdo-desktop --demo``, sync tests)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn
from fastapi import FastAPI

from .app import PortalSettings, create_app
from .http_protocol import with_header_timeout


class EmbeddedPortal:
    """uvicorn + create_app(db_url) on 127.0.0.1 in a daemon thread.

    >>> with EmbeddedPortal("portal.db") as portal:
    ...     httpx.get(portal.url + "/api/sync/v1/info")

    ``stop()`` then ``start()`` serves again on the same port (tests simulate an outage).
    """

    def __init__(
        self,
        db_url: str,
        *,
        settings: PortalSettings | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        startup_timeout: float = 15.0,
    ) -> None:
        self.db_url = db_url
        self.settings = settings
        self.host = host
        self.port = port
        self.startup_timeout = startup_timeout
        self.app: FastAPI | None = None
        self._sock: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> Self:
        if self.running:
            return self
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError:
            sock.close()
            raise
        self.port = sock.getsockname()[1]
        app = create_app(self.db_url, settings=self.settings)
        self.app = app
        settings: PortalSettings = app.state.settings
        config = uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="on", timeout_keep_alive=5,
            http=with_header_timeout(settings.header_timeout),
        )
        server = uvicorn.Server(config)
        self._server = server
        self._thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="pfdo-portal", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + self.startup_timeout
        while not server.started:
            if not self._thread.is_alive():
                sock.close()
                raise RuntimeError("портал не запустился")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError("портал не запустился вовремя")
            time.sleep(0.01)
        self._sock = sock
        return self

    def stop(self) -> None:
        """Stop serving (open connections are closed); the port is free again afterwards."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout=10)
        sock = self._sock
        if sock is not None:
            sock.close()
            self._sock = None
        self._server = None
        self._thread = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
