"""The device token lives only in the OS keyring; without one the user is told what to do, and an
enrolment that cannot succeed spends nothing and changes nothing (issue 10 §2)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordSetError

from pfdo_desktop.sync.client import EnrolRefused, SyncError
from pfdo_desktop.sync.credentials import SERVICE, CredentialsUnavailable, MemoryKeyring
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin

ROOT = Path(__file__).resolve().parents[2]


class WriteFailingKeyring(KeyringBackend):
    """An OS keyring that reads but refuses every write (a locked or read-only store)."""

    priority = 0  # type: ignore[assignment]

    def __init__(self, store: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.store = store

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


class TokenManglingKeyring(WriteFailingKeyring):
    """Accepts the enrolment's probe entry but garbles the next write of the device token (a write
    torn by a crash of the keyring daemon): the token it was given cannot be read back."""

    garbled = False

    def set_password(self, service: str, username: str, password: str) -> None:
        if username.startswith("device-token:") and not self.garbled:
            self.garbled = True
            password = password[:8]
        self.store[(service, username)] = password


def _second_pc_enrols_with(tmp_path: Path, portal, code: str) -> Workspace:
    ws = Workspace.open(tmp_path / "second-pc")
    ws.enrol(portal.url, code)
    return ws


def test_importing_our_modules_never_makes_an_in_memory_keyring_the_default(tmp_path):
    """A Linux with no Secret Service: keyring must fall back to its fail backend, not to the demo's
    in-memory class (which made `enrol` report success and lose the token with the process)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON_KEYRING", "KEYRING_", "DBUS_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    code = (
        "import pfdo_desktop.sync.credentials, pfdo_desktop.workspace, pfdo_desktop.cli, "
        "pfdo_desktop.demo\n"
        "import keyring\n"
        "k = keyring.get_keyring()\n"
        "print(type(k).__module__ + '.' + type(k).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    backend = out.stdout.strip()
    assert not backend.startswith("pfdo_desktop"), backend
    assert backend in ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"), backend


def test_the_in_memory_keyring_can_still_be_installed_explicitly():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    keyring.set_password(SERVICE, "a", "b")
    assert backend.store == {(SERVICE, "a"): "b"}
    assert "MemoryKeyring" in str(backend)
    assert not MemoryKeyring.viable


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring, "write-failing"],
                         ids=["no-keyring", "null-keyring", "write-failing"])
def test_enrol_without_a_working_keyring_says_so_and_spends_nothing(workspace, portal, portal_db,
                                                                    demo_provider_id, backend,
                                                                    tmp_path, memory_keyring):
    code = admin.issue_code(portal_db, demo_provider_id)
    devices_before = len(admin.list_devices(portal_db))
    keyring.set_keyring(WriteFailingKeyring({}) if backend == "write-failing" else backend())
    with pytest.raises(CredentialsUnavailable) as err:
        workspace.enrol(portal.url, code)
    message = err.value.message
    assert "хранилищ" in message.lower() and "Код подключения не использован" in message
    assert "PYTHON_KEYRING_BACKEND" in message
    if sys.platform.startswith("linux"):
        assert "gnome-keyring" in message and "KWallet" in message and "apt install" in message
    assert not workspace.enrolled
    assert len(admin.list_devices(portal_db)) == devices_before  # nothing was spent on the portal …
    keyring.set_keyring(memory_keyring)
    other = _second_pc_enrols_with(tmp_path, portal, code)  # … so the same code still works
    try:
        assert other.enrolled
    finally:
        other.close()


def test_the_advice_names_what_each_os_has():
    from pfdo_desktop.sync.credentials import no_keyring_advice

    assert "диспетчер учётных данных" in no_keyring_advice("win32")
    assert "связка ключей" in no_keyring_advice("darwin")
    linux = no_keyring_advice("linux")
    assert "sudo apt install gnome-keyring" in linux and "KWallet" in linux and "разблокировано" in linux


def test_re_enrol_with_another_providers_code_leaves_the_pc_as_it_was(enrolled_workspace, portal,
                                                                      portal_db, memory_keyring,
                                                                      tmp_path):
    ws = enrolled_workspace
    mine = ws.device()
    other_provider = next(p.id for p in admin.list_providers(portal_db) if p.id != mine.provider_id)
    code = admin.issue_code(portal_db, other_provider)
    token_before = dict(memory_keyring.store)
    devices_before = admin.list_devices(portal_db)
    with pytest.raises(EnrolRefused) as err:
        ws.enrol(portal.url, code)
    assert err.value.code == "code_other_provider"
    assert admin.list_devices(portal_db) == devices_before  # no device of the other provider
    assert memory_keyring.store == token_before  # the PC's own token is still there …
    after = ws.device()
    assert (after.device_id, after.provider_id, after.provider_name, after.enrolled_at) == (
        mine.device_id, mine.provider_id, mine.provider_name, mine.enrolled_at)
    ws.sync()  # … and works
    assert ws.status().last_sync_status == "ok"
    other = _second_pc_enrols_with(tmp_path, portal, code)  # the code was not spent
    try:
        assert other.device().provider_id == other_provider
    finally:
        other.close()


def test_re_enrol_with_a_keyring_that_fails_on_write_spends_nothing(enrolled_workspace, portal,
                                                                    portal_db, demo_provider_id,
                                                                    memory_keyring, tmp_path):
    ws = enrolled_workspace
    before = ws.device()
    token_before = dict(memory_keyring.store)
    code = admin.issue_code(portal_db, demo_provider_id)
    devices_before = admin.list_devices(portal_db)
    keyring.set_keyring(WriteFailingKeyring(memory_keyring.store))
    with pytest.raises(CredentialsUnavailable):
        ws.enrol(portal.url, code)
    assert admin.list_devices(portal_db) == devices_before
    assert memory_keyring.store == token_before
    assert ws.device().device_id == before.device_id
    ws.sync()  # the old token, read from the same (read-only) store, still works
    keyring.set_keyring(memory_keyring)
    other = _second_pc_enrols_with(tmp_path, portal, code)
    other.close()


def test_a_token_the_keyring_garbles_after_the_answer_keeps_the_old_token_and_device(enrolled_workspace,
                                                                              portal, portal_db,
                                                                              demo_provider_id,
                                                                              memory_keyring):
    """The probe passed but the keyring garbled the token itself: the portal has spent the code (it
    cannot be helped), yet the PC keeps its working token and its device row."""
    ws = enrolled_workspace
    before = ws.device()
    token_before = dict(memory_keyring.store)
    keyring.set_keyring(TokenManglingKeyring(memory_keyring.store))
    with pytest.raises(CredentialsUnavailable):
        ws.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
    assert memory_keyring.store == token_before
    after = ws.device()
    assert (after.device_id, after.enrolled_at) == (before.device_id, before.enrolled_at)
    ws.sync()
    assert ws.status().last_sync_status == "ok"


def test_the_token_is_in_the_keyring_and_nowhere_in_the_database(enrolled_workspace, memory_keyring):
    ws = enrolled_workspace
    tokens = list(memory_keyring.store.values())
    assert len(tokens) == 1 and len(tokens[0]) >= 20  # the enrolment's probe entry is gone
    raw = b""
    for path in ws.data_dir.rglob("*"):
        if path.is_file():
            raw += path.read_bytes()
    assert tokens[0].encode() not in raw
    con = sqlite3.connect(ws.db.path)
    try:
        dump = "\n".join(con.iterdump())
    finally:
        con.close()
    assert tokens[0] not in dump


def test_a_lost_keyring_entry_asks_to_enrol_again(enrolled_workspace, memory_keyring):
    memory_keyring.store.clear()

    with pytest.raises(SyncError) as err:
        enrolled_workspace.sync()
    assert err.value.code == "no_token" and "заново" in err.value.message


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["no-keyring", "null-keyring"])
def test_the_demo_alone_falls_back_to_memory_when_the_os_keyring_is_unusable(backend, memory_keyring):
    from pfdo_desktop.demo import _ensure_keyring

    keyring.set_keyring(backend())
    assert _ensure_keyring() is True
    assert isinstance(keyring.get_keyring(), MemoryKeyring)
    keyring.set_keyring(memory_keyring)  # a usable keyring is kept as it is
    assert _ensure_keyring() is False and keyring.get_keyring() is memory_keyring
