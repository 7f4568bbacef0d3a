"""The menu bar, «Настройки» and «О программе» (issue 14 §2): what a person finds in the menus,
the language and the automatic sync kept per user, «Проверить соединение» against the real portal
(and a dead address said in Russian), the facts a support call asks for."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from ui_helpers import settle

from pfdo_desktop.sync.client import SyncError
from pfdo_desktop.ui import preferences
from pfdo_desktop.ui.about_dialog import AboutDialog
from pfdo_desktop.ui.i18n import chosen_language
from pfdo_desktop.ui.settings_dialog import SettingsDialog


def test_the_menu_bar_has_file_service_and_help(main_window):
    menus = {a.text().replace("&", ""): [x.text() for x in a.menu().actions() if x.text()]
             for a in main_window.menuBar().actions()}
    assert list(menus) == ["Файл", "Сервис", "Справка"]
    assert menus["Файл"] == ["Печать…", "Экспорт в Excel…", "Резервные копии…", "Выход"]
    assert menus["Сервис"][0].endswith("Синхронизировать") and menus["Сервис"][-1] == "Настройки…"
    assert menus["Справка"] == ["Руководство", "Горячие клавиши", "Журнал программы", "О программе"]


def test_settings_keep_the_language_and_the_automatic_sync_per_user(qtbot, main_window, monkeypatch):
    monkeypatch.delenv("PFDO_LANG", raising=False)
    assert preferences.load() == preferences.Preferences()  # nothing chosen yet: Russian, by hand
    dialog = SettingsDialog(main_window.workspace, main_window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.sync_every.setCurrentIndex(dialog.sync_every.findData(30))
    assert dialog.sync_every.currentText() == "каждые 30 мин"
    dialog.accept()
    assert dialog.restart_needed
    saved = json.loads(preferences.preferences_path().read_text(encoding="utf-8"))
    assert saved == {"language": "en", "sync_every_minutes": 30}
    assert chosen_language() == "en"  # applied at the next start
    main_window.apply_preferences()
    assert main_window.auto_sync.isActive() and main_window.auto_sync.interval() == 30 * 60_000
    # a damaged file is the defaults, not a crash at start
    preferences.preferences_path().write_text("{не json", encoding="utf-8")
    assert preferences.load() == preferences.Preferences() and chosen_language() == "ru"


def test_check_connection_names_the_portal_or_says_what_is_wrong(qtbot, main_window):
    dialog = SettingsDialog(main_window.workspace, main_window)
    qtbot.addWidget(dialog)
    assert dialog.portal.text() == main_window.workspace.device().portal_url
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "отвечает" in dialog.check_result.text(), timeout=15_000)
    assert dialog.check_result.text().startswith("Портал «")
    with pytest.raises(SyncError) as dead:
        main_window.workspace.check_portal("http://127.0.0.1:9")
    assert dead.value.message.startswith("Портал по адресу http://127.0.0.1:9 не отвечает.")
    assert "код" not in dead.value.message.lower()  # a check spends nothing and asks for nothing
    with pytest.raises(SyncError, match="http:// или https://"):
        main_window.workspace.check_portal("portal.example")
    qtbot.waitUntil(lambda: dialog.schedule.text() != "Проверяю…", timeout=15_000)
    assert dialog.schedule.text() == "не настроена (pfdo-desktop schedule install)"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None and len(buttons.buttons()) == 2


def test_about_says_the_version_the_database_the_portal_and_the_device(qtbot, main_window):
    ws = main_window.workspace
    dialog = AboutDialog(ws, main_window)
    qtbot.addWidget(dialog)
    rows = dict(dialog.rows)
    from pfdo_desktop import __version__

    assert rows["PFDO Desktop"] == __version__
    assert rows["База данных"] == ws.schema_version() and rows["База данных"].startswith("00")
    assert rows["Номер компьютера на портале"] == ws.device().device_id
    assert rows["Портал"] == ws.device().portal_url
    text = dialog.label.toPlainText()
    assert "SIL Open Font License 1.1" in text and "LGPL 3" in text and "pytrovich" in text


def test_the_timer_syncs_an_enrolled_pc(qtbot, main_window):
    before = main_window.workspace.status().last_sync_at
    main_window.on_auto_sync()
    assert main_window.sync_task is not None
    qtbot.waitUntil(lambda: not main_window.sync_task.running, timeout=30_000)
    settle(qtbot)
    assert main_window.workspace.status().last_sync_at > before
