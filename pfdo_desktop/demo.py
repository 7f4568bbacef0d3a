"""Demo mode: the reference portal in-process on 127.0.0.1 with a demo district, this PC enrolled
with its first provider and synced once. A newcomer sees real data and a working sync.

The demo keeps its own data folder (``<data dir>/demo``) so it never mixes with real work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.errors import KeyringError, NoKeyringError

from pfdo_desktop.sync import credentials
from pfdo_desktop.workspace import Workspace, default_data_dir

log = logging.getLogger(__name__)

StepFn = Callable[[str], None]


@dataclass
class DemoSession:
    workspace: Workspace
    portal_url: str
    portal_db_url: str
    provider_id: int
    keyring_in_memory: bool
    _portal: object

    def close(self) -> None:
        self.workspace.close()
        self._portal.stop()  # type: ignore[attr-defined]


def demo_dir(data_dir: Path | None) -> Path:
    return (Path(data_dir) if data_dir is not None else default_data_dir()) / "demo"


def start_demo(data_dir: Path | None = None, step: StepFn | None = None) -> DemoSession:
    """Start the embedded portal, seed it once, enrol this PC and sync. ``step`` gets a Russian
    description of each stage (for a progress label)."""
    from pfdo_portal.admin import issue_code, list_providers
    from pfdo_portal.embedded import EmbeddedPortal
    from pfdo_portal.seed import seed_demo

    say = step or (lambda text: None)
    root = demo_dir(data_dir)
    (root / "portal").mkdir(parents=True, exist_ok=True)
    portal_db = f"sqlite:///{root / 'portal' / 'portal.sqlite3'}"
    say("Создаём демонстрационный район на встроенном портале…")
    seed_demo(portal_db, scale="demo")
    provider_id = list_providers(portal_db)[0].id
    say("Запускаем встроенный портал…")
    portal = EmbeddedPortal(portal_db)
    portal.start()
    try:
        in_memory = _ensure_keyring()
        workspace = Workspace.open(root / "desktop")
        device = workspace.device()
        token = credentials.load_token(device.db_uuid)
        if not device.device_id or not token:
            say("Подключаем ПК к порталу…")
            workspace.enrol(portal.url, issue_code(portal_db, provider_id))
        elif device.portal_url != portal.url:
            workspace.relocate_portal(portal.url)  # the embedded portal gets a new port each start
        say("Синхронизация…")
        workspace.sync()
    except BaseException:
        portal.stop()
        raise
    return DemoSession(workspace, portal.url, portal_db, provider_id, in_memory, portal)


def _ensure_keyring() -> bool:
    """True when the demo had to fall back to an in-memory keyring: the OS has no usable one (none,
    keyring's null backend, or one that fails to store). Real work never does this."""
    try:
        credentials.check_usable()
        return False
    except (credentials.CredentialsUnavailable, NoKeyringError, KeyringError):
        log.warning("no usable OS keyring: the demo keeps its token in memory for this session")
        keyring.set_keyring(credentials.MemoryKeyring())
        return True
