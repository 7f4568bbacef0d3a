"""Connecting with a PFDO portal's one-time code on the first run's connection step («Подключить к
порталу…» opens the same wizard): a bad field keeps the step open with the focus on it, the portal's
own Russian answer, a valid code connects, no keyring and another organisation's code spend nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pfdo_desktop.ui.first_run import FirstRunWizard
from pfdo_desktop.ui.tasks import wait_for_all


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_wizard(qtbot, workspace) -> FirstRunWizard:
    """The wizard as the app opens it, on its connection step."""
    wizard = FirstRunWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    click(qtbot, wizard.connect_button)
    assert wizard.pages.currentIndex() == wizard.CONNECT
    return wizard


@pytest.fixture
def wizard(qtbot, workspace):
    """The connection step on a fresh, unconnected workspace."""
    wizard = open_wizard(qtbot, workspace)
    yield wizard
    wait_for_all(30_000)


def refused_text(qtbot, wizard: FirstRunWizard) -> str:
    qtbot.waitUntil(lambda: not wizard.busy and wizard.error_label.isVisible(), timeout=20_000)
    return wizard.error_label.text()


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
def test_bad_input_keeps_the_connection_step_open_on_the_bad_field(
        qtbot, wizard, url, code, bad_field, message):
    qtbot.keyClicks(wizard.url_edit, url)
    qtbot.keyClicks(wizard.code_edit, code)
    click(qtbot, wizard.enrol_button)
    assert wizard.isVisible() and not wizard.busy  # nothing was sent
    assert wizard.pages.currentIndex() == wizard.CONNECT and wizard.result() == 0
    assert message in wizard.error_label.text()
    assert wizard.error_label.isVisible()
    assert wizard.focusWidget() is getattr(wizard, bad_field)
    assert not wizard.workspace.enrolled


def test_a_wrong_code_shows_the_portals_russian_answer(qtbot, wizard, portal):
    qtbot.keyClicks(wizard.url_edit, portal.url)
    qtbot.keyClicks(wizard.code_edit, "ZZZZ-ZZZZ")
    click(qtbot, wizard.enrol_button)
    text = refused_text(qtbot, wizard)
    answer, advice = text.split("\n")
    assert answer == "Код подключения не найден. Проверьте, как он набран."  # the portal's own words
    assert advice.startswith("Проверьте код: латинские буквы и цифры")  # and what to do next
    assert wizard.isVisible() and wizard.pages.currentIndex() == wizard.CONNECT
    assert wizard.focusWidget() is wizard.code_edit
    assert wizard.enrol_button.text() == "Подключить" and wizard.enrol_button.isEnabled()


def test_a_valid_code_typed_in_lower_case_connects(qtbot, wizard, portal, portal_db, demo_provider_id,
                                                   workspace):
    """An address with a trailing slash and the code in small letters, as people type them."""
    from pfdo_portal.admin import issue_code, list_providers

    qtbot.keyClicks(wizard.url_edit, portal.url + "/")
    qtbot.keyClicks(wizard.code_edit, issue_code(portal_db, demo_provider_id).lower())
    click(qtbot, wizard.enrol_button)
    qtbot.waitUntil(lambda: wizard.pages.currentIndex() == wizard.SYNC, timeout=20_000)
    provider = next(p for p in list_providers(portal_db) if p.id == demo_provider_id)
    assert wizard.provider_name == provider.name
    assert wizard.sync_title.text() == f"Компьютер подключён: {provider.name}"
    assert (workspace.device().provider_id, workspace.device().portal_url) == (demo_provider_id, portal.url)
    qtbot.waitUntil(lambda: wizard.outcome == "synced", timeout=60_000)


def test_without_a_keyring_the_wizard_says_what_to_install_and_the_code_stays_valid(
        qtbot, wizard, portal, portal_db, demo_provider_id, workspace, memory_keyring, tmp_path):
    import keyring
    from keyring.backends import fail

    from pfdo_desktop.sync.credentials import no_keyring_advice
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.admin import issue_code, list_devices

    code = issue_code(portal_db, demo_provider_id)
    keyring.set_keyring(fail.Keyring())
    qtbot.keyClicks(wizard.url_edit, portal.url)
    qtbot.keyClicks(wizard.code_edit, code)
    click(qtbot, wizard.enrol_button)
    text = refused_text(qtbot, wizard)
    assert "хранилища паролей" in text and "Код подключения не использован" in text
    assert no_keyring_advice() in text  # what to install or unlock on this operating system
    assert wizard.pages.currentIndex() == wizard.CONNECT and not workspace.enrolled
    assert list_devices(portal_db) == []
    keyring.set_keyring(memory_keyring)
    other = Workspace.open(tmp_path / "other")
    try:
        other.enrol(portal.url, code)  # the code was not spent
        assert other.device().provider_id == demo_provider_id
        assert [d.id for d in list_devices(portal_db)] == [other.device().device_id]
    finally:
        other.close()


def test_a_code_of_another_provider_is_refused_and_changes_nothing(
        qtbot, portal, portal_db, enrolled_workspace, memory_keyring):
    """A PC disconnected in the settings keeps whose data it holds: another organisation's code is
    refused beside the code, and neither the keyring nor the portal's devices change."""
    from pfdo_portal.admin import issue_code, list_devices, list_providers

    ws = enrolled_workspace
    mine = ws.device()
    ws.disconnect(force=True)
    other = next(p.id for p in list_providers(portal_db) if p.id != mine.provider_id)
    tokens = dict(memory_keyring.store)
    devices = list_devices(portal_db)
    wizard = open_wizard(qtbot, ws)
    qtbot.keyClicks(wizard.url_edit, portal.url)
    qtbot.keyClicks(wizard.code_edit, issue_code(portal_db, other))
    click(qtbot, wizard.enrol_button)
    text = refused_text(qtbot, wizard)
    assert "другой организации" in text and "не израсходован" in text
    assert wizard.focusWidget() is wizard.code_edit and wizard.pages.currentIndex() == wizard.CONNECT
    assert memory_keyring.store == tokens and list_devices(portal_db) == devices
    assert not ws.enrolled and ws.device().provider_id == mine.provider_id
    wait_for_all(30_000)
