"""Fixtures every test shares: a fresh data directory, an in-memory keyring, offscreen Qt, and
the real reference portal on a real socket."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import keyring  # noqa: E402
import pytest  # noqa: E402

from pfdo_desktop.sync.credentials import MemoryKeyring  # noqa: E402


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data directory per test; user dirs (logs, settings) point inside tmp too."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local/share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local/state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    return tmp_path / "data"


@pytest.fixture(scope="session")
def seeded_portal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo district seeded once per test session; each test gets its own copy."""
    from pfdo_portal.seed import seed_demo

    path = tmp_path_factory.mktemp("portal-template") / "portal.sqlite3"
    seed_demo(f"sqlite:///{path}", scale="demo")
    return path


@dataclass(frozen=True)
class EnrolledTemplate:
    """The demo district's portal with this PC enrolled and synced once, and that PC's data
    folder: made once per test session (worker), copied for each test that asks for
    ``enrolled_workspace`` — the enrolment and the first full sync are tested on their own, and
    doing them again for each of ≈ 450 UI and service tests cost a minute of the run."""

    portal_db: Path
    data_dir: Path
    db_uuid: str
    token: str


@pytest.fixture(scope="session")
def enrolled_template(tmp_path_factory: pytest.TempPathFactory, seeded_portal_template: Path
                      ) -> EnrolledTemplate:
    from pfdo_desktop.sync import credentials
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code, list_providers
    from pfdo_portal.embedded import EmbeddedPortal

    root = tmp_path_factory.mktemp("enrolled-template")
    portal_db = root / "portal.sqlite3"
    shutil.copyfile(seeded_portal_template, portal_db)
    url = f"sqlite:///{portal_db}"
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        with EmbeddedPortal(url) as server, Workspace.open(root / "data") as ws:
            ws.enrol(server.url, issue_code(url, list_providers(url)[0].id))
            ws.sync()
            db_uuid = ws.device().db_uuid
            token = credentials.load_token(db_uuid)
    finally:
        keyring.set_keyring(previous)
    assert token
    return EnrolledTemplate(portal_db, root / "data", db_uuid, token)


def _wants_enrolled(request: pytest.FixtureRequest) -> bool:
    return "enrolled_workspace" in request.fixturenames


@pytest.fixture
def portal_db(request: pytest.FixtureRequest, tmp_path: Path, seeded_portal_template: Path) -> str:
    """A copy of the seeded district for this test (with this PC enrolled and synced when the test
    uses ``enrolled_workspace``)."""
    path = tmp_path / "portal.sqlite3"
    if _wants_enrolled(request):
        shutil.copyfile(request.getfixturevalue("enrolled_template").portal_db, path)
    else:
        shutil.copyfile(seeded_portal_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def portal(portal_db: str) -> Iterator[object]:
    """The reference portal (seeded demo district) served by uvicorn on 127.0.0.1."""
    from pfdo_portal.embedded import EmbeddedPortal

    server = EmbeddedPortal(portal_db)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def demo_provider_id(portal_db: str) -> int:
    from pfdo_portal.admin import list_providers

    return list_providers(portal_db)[0].id


@pytest.fixture
def workspace(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[object]:
    from pfdo_desktop.sync import credentials
    from pfdo_desktop.workspace import Workspace

    if _wants_enrolled(request):  # the enrolled, synced PC's folder and its token in the keyring
        template: EnrolledTemplate = request.getfixturevalue("enrolled_template")
        shutil.copytree(template.data_dir, data_dir)
        credentials.store_token(template.db_uuid, template.token)
    ws = Workspace.open(data_dir)
    ws.client_settings.backoff_base = 0.01  # retries in tests: milliseconds, not seconds
    ws.client_settings.backoff_max = 0.05
    yield ws
    ws.close()


@pytest.fixture
def enrolled_workspace(workspace, portal, portal_db: str, demo_provider_id: int):
    """A workspace enrolled with the demo provider and synced once (copied from
    ``enrolled_template``: the same portal, on this test's port)."""
    assert workspace.enrolled and workspace.device().provider_id == demo_provider_id
    workspace.relocate_portal(portal.url)
    return workspace


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch):
    """Call it to make every database opened from then on sit on a full disk (``no_room_to_grow``);
    ``monkeypatch.undo()`` gives the room back."""
    from storage_faults import no_room_to_grow

    from pfdo_desktop.models import database as database_module

    def fill() -> None:
        real = database_module.make_engine

        def small_disk_engine(path):
            engine = real(path)
            no_room_to_grow(engine)
            return engine

        monkeypatch.setattr(database_module, "make_engine", small_disk_engine)

    return fill


@pytest.fixture
def file_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A tiny download server on 127.0.0.1 serving ``tmp_path/www``: (its URL, its folder)."""
    root = tmp_path / "www"
    root.mkdir()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):  # quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", root
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
