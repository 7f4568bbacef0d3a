"""The Navigator emulator on a real socket, seeded with the demo district once per session."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pfdo_portal.navigator_emulator import schema
from pfdo_portal.navigator_emulator.app import Control, EmulatorSettings
from pfdo_portal.navigator_emulator.seeding import Account, seed_navigator
from pfdo_portal.navigator_emulator.server import EmbeddedNavigator


@dataclass(frozen=True)
class NavigatorTemplate:
    path: Path
    accounts: list[Account]


@dataclass
class RunningNavigator:
    url: str
    db_url: str
    control: Control
    accounts: list[Account]
    server: EmbeddedNavigator


@pytest.fixture(scope="session")
def navigator_template(tmp_path_factory: pytest.TempPathFactory) -> NavigatorTemplate:
    path = tmp_path_factory.mktemp("navigator-template") / "navigator.sqlite3"
    engine = schema.open_engine(f"sqlite:///{path}")
    try:
        accounts = seed_navigator(engine)
    finally:
        engine.dispose()
    return NavigatorTemplate(path, accounts)


@pytest.fixture
def navigator(tmp_path: Path, navigator_template: NavigatorTemplate) -> Iterator[RunningNavigator]:
    """The emulator (no delay) over this test's own copy of the seeded district."""
    path = tmp_path / "navigator.sqlite3"
    shutil.copyfile(navigator_template.path, path)
    db_url = f"sqlite:///{path}"
    server = EmbeddedNavigator(db_url, settings=EmulatorSettings(delay=0.0)).start()
    assert server.control is not None
    try:
        yield RunningNavigator(server.url, db_url, server.control, navigator_template.accounts, server)
    finally:
        server.stop()


@dataclass(frozen=True)
class SyncedPcTemplate:
    """A PC connected to the demo district's Navigator with its first account and synced once:
    made once per session (worker), copied for each test that starts from a synced PC — the
    connection and the first sync are tested on their own."""

    data_dir: Path
    db_uuid: str
    password: str


@pytest.fixture(scope="session")
def synced_pc_template(tmp_path_factory: pytest.TempPathFactory,
                       navigator_template: NavigatorTemplate) -> SyncedPcTemplate:
    import keyring

    from pfdo_desktop.sync.credentials import MemoryKeyring
    from pfdo_desktop.workspace import Workspace

    root = tmp_path_factory.mktemp("navigator-pc-template")
    shutil.copyfile(navigator_template.path, root / "navigator.sqlite3")
    account = navigator_template.accounts[0]
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    server = EmbeddedNavigator(f"sqlite:///{root / 'navigator.sqlite3'}",
                               settings=EmulatorSettings(delay=0.0)).start()
    try:
        with Workspace.open(root / "pc") as ws:
            ws.enrol_navigator(server.url, account.email, account.password)
            ws.sync()
            db_uuid = ws.device().db_uuid
    finally:
        server.stop()
        keyring.set_keyring(previous)
    return SyncedPcTemplate(root / "pc", db_uuid, account.password)


@pytest.fixture
def synced_pc(tmp_path: Path, navigator: RunningNavigator,
              synced_pc_template: SyncedPcTemplate) -> Iterator[object]:
    """A PC connected to ``navigator`` and synced once (a copy of ``synced_pc_template``; its
    password in this test's keyring, the Navigator's address this test's)."""
    yield from _copied_pc(tmp_path / "pc", navigator, synced_pc_template)


@pytest.fixture
def second_synced_pc(tmp_path: Path, navigator: RunningNavigator,
                     synced_pc_template: SyncedPcTemplate) -> Iterator[object]:
    """Another PC of the same organisation, synced once before (its own folder)."""
    yield from _copied_pc(tmp_path / "pc2", navigator, synced_pc_template)


def _copied_pc(folder: Path, navigator: RunningNavigator, template: SyncedPcTemplate) -> Iterator[object]:
    from pfdo_desktop.sync.navigator_client import NavigatorCredentials
    from pfdo_desktop.workspace import Workspace

    shutil.copytree(template.data_dir, folder)
    NavigatorCredentials(template.db_uuid).store_password(template.password)
    ws = Workspace.open(folder)
    try:
        ws.relocate_portal(navigator.url)
        yield ws
    finally:
        ws.close()


@pytest.fixture
def db_uuid() -> str:
    return str(uuid.uuid4())
