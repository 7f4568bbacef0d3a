"""«Доступна версия X.Y» (issue 14 §5): the status bar's notice appears after a sync that learnt of
a newer release; its dialog shows the notes, downloads only on «Скачать», and «Установить» hands
the checked file to the OS (``QDesktopServices.openUrl``, recorded here) — the program runs
nothing itself."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from pfdo_desktop.ui.tasks import idle
from pfdo_desktop.ui.update_notice import UpdateDialog
from pfdo_portal import releases

INSTALLER = b"MZ installer " * 4000


@pytest.fixture
def opened(monkeypatch) -> list[QUrl]:
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def sync(qtbot, window) -> None:
    with qtbot.waitSignal(window.synced, timeout=30_000):
        window.start_sync()
    qtbot.waitUntil(idle)


def test_the_notice_appears_after_a_sync_and_installs_only_a_checked_file(qtbot, main_window, portal_db,
                                                                          file_server, opened):
    window = main_window
    notice = window.update_notice
    assert notice.isHidden()  # nothing newer published
    url, root = file_server
    (root / "setup.exe").write_bytes(INSTALLER)
    releases.publish_client(portal_db, "99.0.0", f"{url}/setup.exe", hashlib.sha256(INSTALLER).hexdigest(),
                            "Печать журнала на A3.\nБыстрее синхронизация.")
    sync(qtbot, window)
    qtbot.waitUntil(notice.isVisible)
    assert notice.text() == "Доступна версия 99.0.0"
    assert not (window.workspace.data_dir / "updates").exists()  # nothing downloaded by itself

    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton)
    dialog = notice.dialog
    assert isinstance(dialog, UpdateDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Доступна версия 99.0.0"
    assert dialog.notes_view.toPlainText() == "Печать журнала на A3.\nБыстрее синхронизация."
    assert dialog.install_button.isHidden()

    qtbot.mouseClick(dialog.download_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.downloaded is not None, timeout=20_000)
    assert dialog.install_button.isVisible() and dialog.download_button.isHidden()
    assert opened == []  # downloaded, not opened
    qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    assert Path(opened[0].toLocalFile()).read_bytes() == INSTALLER
    assert "Установщик открыт" in dialog.status_label.text()
    dialog.later_button.click()


def test_a_corrupted_download_is_said_and_not_installable(qtbot, main_window, portal_db, file_server, opened):
    url, root = file_server
    (root / "setup.exe").write_bytes(b"tampered" + INSTALLER)
    releases.publish_client(portal_db, "99.0.0", f"{url}/setup.exe", hashlib.sha256(INSTALLER).hexdigest())
    sync(qtbot, main_window)
    notice = main_window.update_notice
    qtbot.waitUntil(notice.isVisible)
    dialog = UpdateDialog(main_window.workspace, notice.update_info, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.notes_view.toPlainText() == "Портал не описал изменения."
    dialog.download_button.click()
    qtbot.waitUntil(lambda: "контрольной суммой" in dialog.status_label.text(), timeout=20_000)
    assert dialog.install_button.isHidden() and dialog.download_button.isEnabled()
    assert list((main_window.workspace.data_dir / "updates").iterdir()) == []
    assert opened == []
