"""The portal in a background thread of this process (``pfdo-desktop --demo``, sync tests)."""

from __future__ import annotations

import uvicorn
from fastapi import FastAPI

from .app import PortalSettings, create_app
from .http_protocol import with_header_timeout
from .threaded_server import ThreadedServer


class EmbeddedPortal(ThreadedServer):
    """uvicorn + create_app(db_url) on 127.0.0.1 in a daemon thread.

    >>> with EmbeddedPortal("portal.db") as portal:
    ...     httpx.get(portal.url + "/api/sync/v1/info")

    ``stop()`` then ``start()`` serves again on the same port (tests simulate an outage).
    """

    thread_name = "pfdo-portal"
    what = "портал"

    def __init__(
        self,
        db_url: str,
        *,
        settings: PortalSettings | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        startup_timeout: float = 15.0,
    ) -> None:
        super().__init__(host=host, port=port, startup_timeout=startup_timeout)
        self.db_url = db_url
        self.settings = settings
        self.app: FastAPI | None = None

    def make_config(self) -> uvicorn.Config:
        app = create_app(self.db_url, settings=self.settings)
        self.app = app
        settings: PortalSettings = app.state.settings
        return uvicorn.Config(
            app, log_level="warning", access_log=False, lifespan="on", timeout_keep_alive=5,
            http=with_header_timeout(settings.header_timeout),
        )
