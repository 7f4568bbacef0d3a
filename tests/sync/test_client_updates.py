"""A newer PFDO Desktop (issue 14 §5) on the PC: learnt from the portal's ``/info`` at each sync
and kept in the local database; offered only when newer than the running program; downloaded on
request into ``updates/`` and refused (deleted) when its SHA-256 is not the published one; an old
program refused by the portal is told which version to install and where."""

from __future__ import annotations

import hashlib
import logging
import sys

import pytest

from pfdo_desktop import __version__
from pfdo_desktop.domain.updates import UpdateInfo, install_advice_ru, numeric_newer
from pfdo_desktop.services import updates as update_service
from pfdo_desktop.sync.client import SyncError
from pfdo_portal import releases
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal

INSTALLER = b"MZ fake installer " * 5000  # ~90 KB: several chunks


def publish(portal_db: str, version: str, url: str = "https://example.org/pfdo-setup.exe",
            sha256: str = "0" * 64, notes: str = "Что нового") -> None:
    releases.publish_client(portal_db, version, url, sha256, notes)


def test_the_pc_learns_the_release_at_sync_and_offers_only_a_newer_one(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    assert ws.available_update() is None
    publish(portal_db, "99.0.0", notes="Печать на A3")
    assert ws.available_update() is None  # nothing is known before a sync
    ws.sync()
    assert ws.available_update() == UpdateInfo("99.0.0", "https://example.org/pfdo-setup.exe", "0" * 64,
                                               "Печать на A3")
    for published, offered in [("0.0.9", False), (__version__, False), ("99.1", True)]:  # older, equal, newer
        publish(portal_db, published)
        ws.sync()
        update = ws.available_update()
        assert (update.version if update else None) == (published if offered else None), published
    releases.clear_client(portal_db)  # withdrawn: forgotten at the next sync
    ws.sync()
    assert ws.available_update() is None


@pytest.mark.parametrize(
    ("candidate", "running", "newer"),
    [("0.2.0", "0.1.0", True), ("0.1.0", "0.1.0", False), ("0.1", "0.1.0", False), ("0.1.10", "0.1.9", True),
     ("0.0.9", "0.1.0", False), ("1.0.0rc1", "1.0.0", False), ("1.0.0", "1.0.0rc1", True),
     ("2.0.0", "10.0.0", False)],
)
@pytest.mark.parametrize("packaging", [True, False], ids=["pep440", "numbers"])
def test_versions_compare_with_and_without_packaging(monkeypatch, candidate, running, newer, packaging):
    if not packaging:
        monkeypatch.setitem(sys.modules, "packaging.version", None)  # import fails: the numbers decide
    assert update_service.is_newer(candidate, running) is newer
    assert numeric_newer(candidate, running) is newer


def test_the_download_is_checked_and_kept_in_the_updates_folder(enrolled_workspace, portal_db, file_server):
    url, root = file_server
    name = "pfdo-desktop-99.0.0-setup.exe"
    (root / name).write_bytes(INSTALLER)
    publish(portal_db, "99.0.0", f"{url}/{name}", hashlib.sha256(INSTALLER).hexdigest())
    ws = enrolled_workspace
    ws.sync()
    seen: list[tuple[str, int, int | None]] = []
    path = ws.download_update(lambda stage, done, total: seen.append((stage, done, total)))
    assert path == ws.data_dir / "updates" / name
    assert path.read_bytes() == INSTALLER
    assert seen[-1] == ("download", len(INSTALLER), len(INSTALLER)) and len(seen) > 2
    assert ws.verify_update(path) == path  # «Установить» checks it once more
    assert [p.name for p in path.parent.iterdir()] == [name]  # no .part left
    path.write_bytes(b"something else")  # changed after the download: not handed to the installer
    with pytest.raises(SyncError, match="контрольной суммой"):
        ws.verify_update(path)
    assert not path.exists()


def test_a_corrupted_or_missing_download_is_refused_and_nothing_is_kept(enrolled_workspace, portal_db,
                                                                       file_server, caplog):
    url, root = file_server
    (root / "setup.exe").write_bytes(INSTALLER[:-1] + b"X")  # one byte changed on the way
    publish(portal_db, "99.0.0", f"{url}/setup.exe", hashlib.sha256(INSTALLER).hexdigest())
    ws = enrolled_workspace
    ws.sync()
    caplog.set_level(logging.DEBUG)
    with pytest.raises(SyncError) as refused:
        ws.download_update()
    assert refused.value.code == "checksum_mismatch"
    assert "контрольной суммой" in refused.value.message and "удалён" in refused.value.message
    assert list((ws.data_dir / "updates").iterdir()) == []
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("pfdo_desktop")]
    assert ours and not any(url in line for line in ours)  # the address (it may carry a key) is not logged
    publish(portal_db, "99.0.0", f"{url}/missing.exe")  # the server does not have it
    ws.sync()
    with pytest.raises(SyncError) as refused:
        ws.download_update()
    assert refused.value.code == "http_404"
    assert list((ws.data_dir / "updates").iterdir()) == []


def test_nothing_to_download_without_a_newer_release(workspace):
    with pytest.raises(SyncError) as refused:
        workspace.download_update()
    assert refused.value.code == "no_update"


def test_a_too_old_program_is_told_which_version_to_install(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    messages = []
    with EmbeddedPortal(portal_db, settings=PortalSettings(min_client_version="98.0.0")) as strict:
        ws.relocate_portal(strict.url)
        for published in (False, True):
            if published:
                publish(portal_db, "99.0.0", "https://example.org/pfdo-99.exe")
            with pytest.raises(SyncError) as refused:
                ws.sync()
            assert refused.value.code == "client_too_old"
            messages.append(refused.value.message)
    for message in messages:
        assert f"Версия программы {__version__} устарела" in message
        assert "Несинхронизированные данные сохранены" in message
    assert "Установите PFDO Desktop версии 98.0.0 или новее" in messages[0]
    assert "Установите PFDO Desktop 99.0.0: https://example.org/pfdo-99.exe" in messages[1]


def test_the_protocol_refusal_names_the_published_release_too():
    release = UpdateInfo("2.0.0", "https://example.org/2.exe", "0" * 64)
    assert install_advice_ru(None, release) == "Установите PFDO Desktop 2.0.0: https://example.org/2.exe"
    assert "2.0.0" not in install_advice_ru("3.0.0", release)
