"""The first-run enrolment dialog: validation in accept(), errors from the portal in the dialog."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pfdo_desktop.ui.sync.enrol_dialog import EnrolDialog


@pytest.fixture
def dialog(qtbot, workspace):
    dialog = EnrolDialog(workspace.enrol)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(
    ("url", "code", "bad_field", "message"),
    [
        ("", "ABCD-EFGH", "url_edit", "Введите адрес портала."),
        ("pfdo.example.ru", "ABCD-EFGH", "url_edit", "должен начинаться с http:// или https://"),
        ("ftp://pfdo.example.ru", "ABCD-EFGH", "url_edit", "должен начинаться с http:// или https://"),
        ("https://", "ABCD-EFGH", "url_edit", "должен начинаться с http:// или https://"),
        ("https://pfdo.example.ru", "  ", "code_edit", "Введите код подключения."),
    ],
)
def test_bad_input_keeps_the_dialog_open_on_the_bad_field(qtbot, dialog, url, code, bad_field, message):
    qtbot.keyClicks(dialog.url_edit, url)
    qtbot.keyClicks(dialog.code_edit, code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.result() == 0
    assert message in dialog.error_label.text()
    assert dialog.error_label.isVisible()
    assert dialog.focusWidget() is getattr(dialog, bad_field)


def test_a_wrong_code_shows_the_portals_russian_answer(qtbot, dialog, portal):
    qtbot.keyClicks(dialog.url_edit, portal.url)
    qtbot.keyClicks(dialog.code_edit, "ZZZZ-ZZZZ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and dialog.ok_button.isEnabled(), timeout=20_000)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Код подключения не найден. Проверьте, как он набран."
    assert dialog.focusWidget() is dialog.code_edit
    assert dialog.ok_button.text() == "Подключить"


def test_a_valid_code_enrols_and_closes(qtbot, dialog, portal, portal_db, demo_provider_id, workspace):
    from pfdo_portal.admin import issue_code, list_providers

    qtbot.keyClicks(dialog.url_edit, portal.url + "/")
    qtbot.keyClicks(dialog.code_edit, issue_code(portal_db, demo_provider_id).lower())
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    provider = next(p for p in list_providers(portal_db) if p.id == demo_provider_id)
    assert dialog.provider_name == provider.name
    assert (workspace.device().provider_id, workspace.device().portal_url) == (demo_provider_id, portal.url)


def test_without_a_keyring_the_dialog_says_what_to_install_and_the_code_stays_valid(
        qtbot, dialog, portal, portal_db, demo_provider_id, workspace, memory_keyring, tmp_path):
    import keyring
    from keyring.backends import fail

    from pfdo_desktop.sync.credentials import no_keyring_advice
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code, list_devices

    code = issue_code(portal_db, demo_provider_id)
    keyring.set_keyring(fail.Keyring())
    qtbot.keyClicks(dialog.url_edit, portal.url)
    qtbot.keyClicks(dialog.code_edit, code)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and dialog.ok_button.isEnabled(), timeout=20_000)
    text = dialog.error_label.text()
    assert "хранилища паролей" in text and "Код подключения не использован" in text
    assert no_keyring_advice() in text  # what to install or unlock on this operating system
    assert dialog.isVisible() and not workspace.enrolled
    assert list_devices(portal_db) == []
    keyring.set_keyring(memory_keyring)
    other = Workspace.open(tmp_path / "other")
    try:
        other.enrol(portal.url, code)  # the code was not spent
        assert other.device().provider_id == demo_provider_id
        assert [d.id for d in list_devices(portal_db)] == [other.device().device_id]
    finally:
        other.close()


def test_a_code_of_another_provider_is_refused_in_the_dialog_and_changes_nothing(
        qtbot, portal, portal_db, enrolled_workspace, memory_keyring):
    from pfdo_portal.admin import issue_code, list_devices, list_providers

    ws = enrolled_workspace
    mine = ws.device()
    other = next(p.id for p in list_providers(portal_db) if p.id != mine.provider_id)
    tokens = dict(memory_keyring.store)
    devices = list_devices(portal_db)
    dialog = EnrolDialog(ws.enrol, mine.portal_url or "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.code_edit, issue_code(portal_db, other))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible() and dialog.ok_button.isEnabled(), timeout=20_000)
    assert "другой организации" in dialog.error_label.text()
    assert "не израсходован" in dialog.error_label.text()
    assert memory_keyring.store == tokens and list_devices(portal_db) == devices
    assert ws.device().device_id == mine.device_id
