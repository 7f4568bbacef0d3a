"""An ASGI app served by uvicorn on 127.0.0.1 in a daemon thread of this process: the embedded
portal (``pfdo-desktop --demo``, sync tests) and the Navigator emulator share it."""

from __future__ import annotations

import socket
import threading
import time
from types import TracebackType
from typing import Self

import uvicorn


class ThreadedServer:
    """Binds the socket first (a free port unless one is given: ``url`` is known before a request),
    serves in a daemon thread, and returns from ``start()`` once uvicorn accepts connections.
    ``stop()`` then ``start()`` serves again on the same port (tests simulate an outage).
    Subclasses make the app's ``uvicorn.Config`` (``make_config``)."""

    thread_name = "asgi-server"
    what = "сервер"  # «… не запустился»

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, startup_timeout: float = 15.0) -> None:
        self.host = host
        self.port = port
        self.startup_timeout = startup_timeout
        self._sock: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def make_config(self) -> uvicorn.Config:
        raise NotImplementedError

    def on_stop(self) -> None:
        """After the server stopped (the app's resources may be released here)."""

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
        server = uvicorn.Server(self.make_config())
        self._server, self._sock = server, sock
        self._thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]},
                                        name=self.thread_name, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self.startup_timeout
        while not server.started:
            if not self._thread.is_alive():
                self.stop()
                raise RuntimeError(f"{self.what} не запустился")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"{self.what} не запустился вовремя")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        """Stop serving (open connections are closed); the port is free again afterwards."""
        server, thread = self._server, self._thread
        if server is not None and thread is not None:
            server.should_exit = True
            thread.join(timeout=10)
        if self._sock is not None:
            self._sock.close()
        self._server = self._thread = self._sock = None
        self.on_stop()

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
