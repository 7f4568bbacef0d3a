"""The first run (issue 14 §2): from an empty data folder to a synced journal through the wizard —
the choice, the connection with its check and every refusal said with what to do, the first sync
with progress, the training portal, «Позже»."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import Qt

from pfdo_desktop.ui.first_run import FirstRunWizard
from pfdo_desktop.ui.tasks import wait_for_all


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def wizard(qtbot, workspace):
    """The wizard on a fresh, unconnected workspace."""
    wizard = FirstRunWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    wait_for_all(30_000)


def connect_page(qtbot, wizard: FirstRunWizard, url: str, code: str = "") -> None:
    click(qtbot, wizard.connect_button)
    assert wizard.pages.currentIndex() == wizard.CONNECT
    wizard.url_edit.clear()
    qtbot.keyClicks(wizard.url_edit, url)
    if code:
        qtbot.keyClicks(wizard.code_edit, code)


def start_app(qtbot, data_dir):
    """The app as ``run_gui`` starts it on ``data_dir``: the window shown, then the start-up."""
    from pfdo_desktop.ui.app import Startup
    from pfdo_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, data_dir, demo=False)
    startup.start()
    return window, startup


def refused_text(qtbot, wizard: FirstRunWizard) -> str:
    qtbot.waitUntil(lambda: not wizard.busy and wizard.error_label.isVisible(), timeout=20_000)
    return wizard.error_label.text()


def test_a_new_user_reaches_a_synced_journal_through_the_wizard(
    qtbot, data_dir, portal, portal_db, demo_provider_id
):
    """Start with an empty folder: the wizard comes up over the window, the connection is checked
    without spending the code, the code connects, the first sync shows its progress and what came,
    «Открыть журнал» lands on the journal of the first group."""
    from pfdo_portal.admin import issue_code

    window, startup = start_app(qtbot, data_dir)
    qtbot.waitUntil(lambda: startup.first_run is not None and startup.first_run.isVisible(),
                    timeout=20_000)
    wizard = startup.first_run
    assert wizard.windowTitle() == "Начало работы — PFDO Desktop"
    assert [wizard.connect_button.text(), wizard.demo_button.text(), wizard.later_button.text()] == [
        "Подключить к порталу", "Открыть учебный портал", "Позже"]
    qtbot.waitUntil(lambda: window.provider_label.text() == "ПК не подключён к порталу")

    code = issue_code(portal_db, demo_provider_id)
    connect_page(qtbot, wizard, portal.url)
    click(qtbot, wizard.check_button)
    qtbot.waitUntil(lambda: "отвечает" in wizard.check_label.text(), timeout=20_000)
    assert wizard.check_label.text().startswith("Портал «") and not wizard.error_label.isVisible()
    assert not startup.workspace.enrolled  # the check spends nothing
    qtbot.keyClicks(wizard.code_edit, code)
    wizard.check_button.setFocus()  # where the focus was does not matter:
    wizard.code_edit.setFocus()
    progress: list[str] = []
    shown = wizard._on_progress  # what the sync step says as it goes, recorded as shown

    def on_progress(*args):
        shown(*args)
        progress.append(wizard.sync_label.text())

    wizard._on_progress = on_progress
    qtbot.keyClick(wizard.code_edit, Qt.Key.Key_Return)  # Return in the code's field connects
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == wizard.SYNC, timeout=20_000)
    assert wizard.sync_title.text().startswith("Компьютер подключён: ")
    assert not wizard.finish_button.isEnabled()  # the sync is running
    qtbot.waitUntil(lambda: wizard.outcome == "synced", timeout=60_000)
    groups = len(startup.workspace.groups())
    assert groups > 0
    assert wizard.sync_title.text() == "Готово: данные загружены"
    assert f"групп: {groups}." in wizard.sync_label.text()
    assert wizard.finish_button.isEnabled() and wizard.finish_button.text() == "Открыть журнал"
    assert any(text.startswith("Получено записей: ") for text in progress)

    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # «Открыть журнал»
    qtbot.waitUntil(lambda: startup.first_run is None)
    qtbot.waitUntil(lambda: window.groups_panel.model.rowCount() == groups, timeout=20_000)
    qtbot.waitUntil(lambda: window.journal_panel.group is not None, timeout=20_000)
    assert window.message_label.text().startswith("ПК подключён: ")
    assert window.pending_label.text() == "Не отправлено: 0"
    assert not window.enrol_action.isVisible()
    startup.close()
    wait_for_all(10_000)


def test_each_refused_connection_says_what_to_do_and_points_at_the_field(
    qtbot, wizard, portal, portal_db, demo_provider_id, tmp_path, file_server
):
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code

    # no network (nothing listens there): the address is what to look at
    connect_page(qtbot, wizard, "http://127.0.0.1:9", "ABCD-EFGH")
    click(qtbot, wizard.enrol_button)
    text = refused_text(qtbot, wizard)
    assert text.startswith("Портал по адресу http://127.0.0.1:9 не отвечает.")
    assert "подключён к интернету" in text and "Код подключения не израсходован." in text
    assert "синхронизац" not in text  # a connection, not a sync: nothing «повторите синхронизацию»
    assert wizard.url_edit.hasFocus()

    # a typo in the address
    wizard.url_edit.setText("pfdo.example.ru")
    click(qtbot, wizard.check_button)
    assert wizard.error_label.text().startswith("Адрес портала должен начинаться с http://")

    # plain http to another computer: the key and the children's data would go unencrypted
    wizard.url_edit.setText("http://pfdo.example.ru")
    click(qtbot, wizard.check_button)
    text = refused_text(qtbot, wizard)
    assert text.startswith("Адрес http://pfdo.example.ru начинается с http://") and "https://" in text
    assert wizard.url_edit.hasFocus()

    # a wrong path on the portal's host: the portal says so itself
    wizard.url_edit.setText(portal.url + "/nothing-here")
    click(qtbot, wizard.check_button)
    assert refused_text(qtbot, wizard).startswith(f"По адресу {portal.url}/nothing-here отвечает не портал")
    assert wizard.url_edit.hasFocus()

    # a web server that is no portal, answering a page instead of the portal's JSON
    site, www = file_server
    (www / "api" / "sync" / "v1").mkdir(parents=True)
    (www / "api" / "sync" / "v1" / "info").write_text("<html>Школьный сайт</html>", encoding="utf-8")
    wizard.url_edit.setText(site)
    wizard.code_edit.setText("ABCD-EFGH")
    click(qtbot, wizard.enrol_button)
    text = refused_text(qtbot, wizard)
    assert text.startswith(f"По адресу {site} отвечает не портал ПФДО.") and "не израсходован." in text
    assert "синхронизац" not in text and wizard.url_edit.hasFocus()

    # a wrong code: the code is what to look at
    wizard.url_edit.setText(portal.url)
    wizard.code_edit.setText("ZZZZ-ZZZZ")
    click(qtbot, wizard.enrol_button)
    text = refused_text(qtbot, wizard)
    assert "Проверьте код" in text and wizard.code_edit.hasFocus()

    # a code already used by another PC
    code = issue_code(portal_db, demo_provider_id)
    with Workspace.open(tmp_path / "other-pc") as other:
        other.enrol(portal.url, code)
    wizard.code_edit.setText(code)
    click(qtbot, wizard.enrol_button)
    assert "попросите новый код" in refused_text(qtbot, wizard)

    # no keyring on this PC: said before the code is spent
    fresh = issue_code(portal_db, demo_provider_id)
    keyring.set_keyring(FailKeyring())
    wizard.code_edit.setText(fresh)
    click(qtbot, wizard.enrol_button)
    assert refused_text(qtbot, wizard).startswith("В системе нет хранилища паролей")
    assert "Код подключения не использован" in wizard.error_label.text()
    assert not wizard.workspace.enrolled and wizard.pages.currentIndex() == wizard.CONNECT
    assert wizard.outcome == "later"


def test_a_failed_first_sync_offers_retry_or_the_journal(qtbot, workspace, portal_db, demo_provider_id):
    """Connected, then the line drops: the wizard says the data will come with the next sync, and
    «Повторить» runs it again once the portal answers."""
    from pfdo_portal.admin import issue_code
    from pfdo_portal.embedded import EmbeddedPortal

    server = EmbeddedPortal(portal_db)
    server.start()
    try:
        provider = workspace.enrol(server.url, issue_code(portal_db, demo_provider_id))
    finally:
        server.stop()
    wizard = FirstRunWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.provider_name = provider
    wizard.outcome = "connected"
    wizard.start_sync()
    qtbot.waitUntil(lambda: wizard.retry_button.isVisible(), timeout=30_000)
    assert wizard.sync_title.text() == "Компьютер подключён, но данные ещё не загружены"
    assert wizard.sync_error.text().startswith("Нет связи с порталом")
    assert wizard.finish_button.isEnabled() and wizard.outcome == "connected"

    server = EmbeddedPortal(portal_db)
    server.start()
    try:
        workspace.relocate_portal(server.url)  # the same portal, on a new port
        click(qtbot, wizard.retry_button)
        qtbot.waitUntil(lambda: wizard.outcome == "synced", timeout=60_000)
        assert not wizard.retry_button.isVisible() and not wizard.sync_error.isVisible()
    finally:
        wait_for_all(30_000)
        server.stop()


def test_later_keeps_the_pc_unconnected_and_the_toolbar_offers_it_again(qtbot, data_dir):

    window, startup = start_app(qtbot, data_dir)
    qtbot.waitUntil(lambda: startup.first_run is not None and startup.first_run.isVisible(),
                    timeout=20_000)
    click(qtbot, startup.first_run.later_button)
    qtbot.waitUntil(lambda: startup.first_run is None)
    assert window.message_label.text().startswith("ПК не подключён к порталу")
    qtbot.waitUntil(window.enrol_action.isVisible)
    window.enrol_action.trigger()
    qtbot.waitUntil(lambda: startup.first_run is not None and startup.first_run.isVisible())
    assert startup.first_run.pages.currentIndex() == FirstRunWizard.CHOICE
    click(qtbot, startup.first_run.later_button)
    startup.close()
    wait_for_all(10_000)


def test_the_training_portal_opens_the_demo_district_and_leaves_the_folder_unconnected(qtbot, data_dir):
    from pfdo_desktop.workspace import Workspace

    window, startup = start_app(qtbot, data_dir)
    qtbot.waitUntil(lambda: startup.first_run is not None and startup.first_run.isVisible(),
                    timeout=20_000)
    click(qtbot, startup.first_run.demo_button)
    qtbot.waitUntil(lambda: startup.demo_session is not None, timeout=120_000)
    qtbot.waitUntil(lambda: window.groups_panel.model.rowCount() > 0, timeout=30_000)
    qtbot.waitUntil(lambda: window.windowTitle().endswith("(демо)"))
    assert window.message_label.text().startswith("Демо: портал запущен на http://127.0.0.1:")
    assert startup.workspace.data_dir == data_dir / "demo" / "desktop"
    startup.close()
    wait_for_all(10_000)
    with Workspace.open(data_dir) as real:  # the real folder: untouched, the next start asks again
        assert not real.enrolled and real.groups() == []


def test_disconnecting_in_the_settings_reaches_the_window_and_the_wizard_connects_again(
    qtbot, data_dir, enrolled_workspace, portal, portal_db, demo_provider_id
):
    """Сервис → Настройки… → «Отключить ПК от портала»: the window says so and offers the
    connection; the wizard connects the same PC again with a new code (the data kept)."""
    from PySide6.QtWidgets import QMessageBox

    from pfdo_portal.admin import issue_code

    enrolled_workspace.close()
    window, startup = start_app(qtbot, data_dir)
    qtbot.waitUntil(lambda: window.groups_panel.model.rowCount() > 0, timeout=20_000)
    groups = window.groups_panel.model.rowCount()
    assert startup.first_run is None  # a connected PC starts on its journal

    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert dialog is not None and dialog.isVisible()
    click(qtbot, dialog.disconnect_button)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
    said = dialog.confirm_box.text()
    assert "Если компьютер передают другой организации" in said and "удалите папку данных" in said
    assert "персональные данные детей" in dialog.backups_button.toolTip()  # a stick holds them unencrypted
    go = next(b for b in dialog.confirm_box.buttons() if b.text() == "Отключить")
    assert dialog.confirm_box.buttonRole(go) == QMessageBox.ButtonRole.DestructiveRole
    with qtbot.waitSignal(dialog.portal_disconnected, timeout=15_000):
        click(qtbot, go)
    assert window.message_label.text().startswith("ПК отключён от портала.")
    dialog.reject()
    qtbot.waitUntil(lambda: window.settings_dialog is None)
    qtbot.waitUntil(window.enrol_action.isVisible)

    window.enrol_action.trigger()
    wizard = startup.first_run
    assert wizard is not None and wizard.isVisible()
    connect_page(qtbot, wizard, portal.url, issue_code(portal_db, demo_provider_id))
    click(qtbot, wizard.enrol_button)
    qtbot.waitUntil(lambda: wizard.outcome == "synced", timeout=60_000)
    click(qtbot, wizard.finish_button)
    qtbot.waitUntil(lambda: not window.enrol_action.isVisible(), timeout=20_000)
    assert window.groups_panel.model.rowCount() == groups
    startup.close()
    wait_for_all(10_000)


def test_a_pc_clock_far_off_the_portal_is_said_in_the_status_bar(qtbot, main_window):
    """Outside review of issue 14 (F10): the PC's clock a year behind the portal's, as the last sync
    measured it: the status bar says so, with what to do; a clock a minute off says nothing."""
    import sqlite3

    ws = main_window.workspace
    label = main_window.clock_label
    assert not label.isVisible()
    cases = ((365 * 86_400.0, "⚠ Часы ПК отстают от портала на 365 дн."),
             (-3 * 3600.0, "⚠ Часы ПК спешат относительно портала на 3 ч"), (60.0, None))
    for offset, text in cases:
        con = sqlite3.connect(ws.db.path)
        con.execute("update device set clock_offset_s = ?", (offset,))
        con.commit()
        con.close()
        main_window.refresh_status()
        if text is None:
            qtbot.waitUntil(lambda: not label.isVisible(), timeout=10_000)
        else:
            qtbot.waitUntil(lambda text=text: label.isVisible() and label.text() == text, timeout=10_000)
            assert label.toolTip().startswith("Исправьте дату, время и часовой пояс")
