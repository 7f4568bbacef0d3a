"""The emulator served by uvicorn: in a background thread (tests, demo) or in the foreground
(``pfdo-portal navigator-emulator``)."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn

from .app import Control, EmulatorSettings, create_app


class EmbeddedNavigator:
    """The emulator on 127.0.0.1 (a free port unless one is given) in a daemon thread.

    >>> with EmbeddedNavigator("sqlite:///nav.db") as nav:
    ...     nav.control.delay = 0.2
    """

    def __init__(self, db_url: str, *, settings: EmulatorSettings | None = None, host: str = "127.0.0.1",
                 port: int = 0, startup_timeout: float = 15.0) -> None:
        self.db_url = db_url
        self.settings = settings or EmulatorSettings()
        self.host, self.port = host, port
        self.startup_timeout = startup_timeout
        self.control: Control | None = None
        self._sock: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> Self:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        app = create_app(self.db_url, self.settings)
        self.control = app.state.control
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                               timeout_keep_alive=5))
        self._server, self._sock = server, sock
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                                        name="navigator-emulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self.startup_timeout
        while not server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("эмулятор Навигатора не запустился")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        if self._sock is not None:
            self._sock.close()
        if self.control is not None:
            self.control.engine.dispose()
        self._server = self._thread = self._sock = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
