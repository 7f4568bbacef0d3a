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


@pytest.fixture
def db_uuid() -> str:
    return str(uuid.uuid4())
