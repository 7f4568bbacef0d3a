"""The device token lives only in the OS keyring; without one the user is told what to do."""

from __future__ import annotations

import sqlite3

import keyring
import pytest
from keyring.backends import fail, null

from pfdo_desktop.sync.credentials import CredentialsUnavailable
from pfdo_portal import admin


@pytest.mark.parametrize("backend", [fail.Keyring, null.Keyring], ids=["no-keyring", "null-keyring"])
def test_enrol_without_a_working_keyring_says_so_and_stays_unenrolled(workspace, portal, portal_db,
                                                                      demo_provider_id, backend):
    keyring.set_keyring(backend())
    with pytest.raises(CredentialsUnavailable) as err:
        workspace.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
    assert "хранилища паролей" in err.value.message or "Хранилище паролей" in err.value.message
    assert "PYTHON_KEYRING_BACKEND" in err.value.message
    assert not workspace.enrolled


def test_the_token_is_in_the_keyring_and_nowhere_in_the_database(enrolled_workspace, memory_keyring):
    ws = enrolled_workspace
    tokens = list(memory_keyring.store.values())
    assert len(tokens) == 1 and len(tokens[0]) >= 20
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
    from pfdo_desktop.sync.client import SyncError

    with pytest.raises(SyncError) as err:
        enrolled_workspace.sync()
    assert err.value.code == "no_token" and "заново" in err.value.message
