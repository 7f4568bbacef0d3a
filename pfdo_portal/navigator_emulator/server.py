"""The emulator served by uvicorn: in a background thread (tests, demo) or in the foreground
(``pfdo-portal navigator-emulator``)."""

from __future__ import annotations

import uvicorn

from ..threaded_server import ThreadedServer
from .app import Control, EmulatorSettings, create_app


class EmbeddedNavigator(ThreadedServer):
    """The emulator on 127.0.0.1 (a free port unless one is given) in a daemon thread.

    >>> with EmbeddedNavigator("sqlite:///nav.db") as nav:
    ...     nav.control.delay = 0.2
    """

    thread_name = "navigator-emulator"
    what = "эмулятор Навигатора"

    def __init__(self, db_url: str, *, settings: EmulatorSettings | None = None, host: str = "127.0.0.1",
                 port: int = 0, startup_timeout: float = 15.0) -> None:
        super().__init__(host=host, port=port, startup_timeout=startup_timeout)
        self.db_url = db_url
        self.settings = settings or EmulatorSettings()
        self.control: Control | None = None

    def make_config(self) -> uvicorn.Config:
        app = create_app(self.db_url, self.settings)
        self.control = app.state.control
        return uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                              timeout_keep_alive=5)

    def on_stop(self) -> None:
        if self.control is not None:
            self.control.engine.dispose()
