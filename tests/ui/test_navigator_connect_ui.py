"""Connecting a PC to a regional «Навигатор» from the app (issue 16): the kind of portal chosen on
the first run's connection step (the first start and «Подключить к порталу…» open the same wizard),
the organisation's e-mail and password (hidden, never kept in the window nor logged), each refusal
beside the field to fix, and the PFDO portal's code path unchanged."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QRadioButton

from pfdo_desktop.ui.first_run import FirstRunWizard
from pfdo_desktop.ui.tasks import wait_for_all
from pfdo_portal.navigator_emulator import schema
from pfdo_portal.navigator_emulator.app import EmulatorSettings
from pfdo_portal.navigator_emulator.seeding import Account, seed_navigator
from pfdo_portal.navigator_emulator.server import EmbeddedNavigator


def click(qtbot, button) -> None:
    if isinstance(button, QRadioButton):  # on its circle: a radio button takes no click past its text
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
        return
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture(scope="module")
def navigator_seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Account]]:
    path = tmp_path_factory.mktemp("navigator-ui") / "navigator.sqlite3"
    engine = schema.open_engine(f"sqlite:///{path}")
    try:
        accounts = seed_navigator(engine)
    finally:
        engine.dispose()
    return path, accounts


@pytest.fixture
def navigator(tmp_path: Path, navigator_seeded) -> Iterator[tuple[EmbeddedNavigator, Account]]:
    """The emulator (no delay) on this test's copy of the demo district, and its first account."""
    template, accounts = navigator_seeded
    path = tmp_path / "navigator.sqlite3"
    shutil.copyfile(template, path)
    server = EmbeddedNavigator(f"sqlite:///{path}", settings=EmulatorSettings(delay=0.0)).start()
    try:
        yield server, accounts[0]
    finally:
        server.stop()


@pytest.fixture
def wizard(qtbot, workspace):
    """The first run on a fresh, unconnected workspace («Подключить к порталу…» opens the same)."""
    wizard = FirstRunWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    yield wizard
    wait_for_all(30_000)


def navigator_step(qtbot, wizard: FirstRunWizard, url: str, email: str, password: str) -> None:
    """The connection step, «Навигатор» chosen, its fields filled."""
    click(qtbot, wizard.connect_button)
    click(qtbot, wizard.kind_choice.navigator_radio)
    wizard.url_edit.setText(url)
    wizard.email_edit.setText(email)
    wizard.password_edit.setText(password)


def refused(qtbot, wizard: FirstRunWizard) -> str:
    qtbot.waitUntil(lambda: not wizard.busy and wizard.error_label.isVisible(), timeout=20_000)
    assert wizard.pages.currentIndex() == wizard.CONNECT and wizard.enrol_button.isEnabled()
    return wizard.error_label.text()


def test_the_connection_step_offers_both_kinds_and_shows_the_fields_of_the_one_chosen(qtbot, wizard):
    click(qtbot, wizard.connect_button)
    choice = wizard.kind_choice
    assert choice.isVisible()
    assert choice.portal_radio.text() == "Портал ПФДО (код подключения)"
    assert choice.navigator_radio.text() == (
        "Навигатор дополнительного образования (e-mail и пароль организации)")
    assert choice.portal_radio.isChecked()  # the PFDO portal as before
    assert wizard.code_edit.isVisible() and not wizard.email_edit.isVisible()
    assert "одноразовый код подключения" in wizard.connect_intro.text()

    click(qtbot, choice.navigator_radio)
    assert wizard.email_edit.isVisible() and wizard.password_edit.isVisible()
    assert not wizard.code_edit.isVisible()
    assert wizard.url_edit.placeholderText() == "https://р29.навигатор.дети"
    assert "e-mail и пароль" in wizard.connect_intro.text()
    assert "хранилище паролей этого компьютера" in wizard.connect_intro.text()

    click(qtbot, choice.portal_radio)
    assert wizard.code_edit.isVisible() and not wizard.password_edit.isVisible()
    assert wizard.check_button.isVisible()
    assert wizard.url_label.text() == "Адрес портала:"
    assert wizard.url_edit.placeholderText() == "https://pfdo.example.ru"


NAV = "https://р29.навигатор.дети"


@pytest.mark.parametrize(
    ("url", "email", "password", "bad_field", "message"),
    [
        ("", "org@example.ru", "secret", "url_edit", "Введите адрес Навигатора."),
        ("navigator.example.ru", "org@example.ru", "secret", "url_edit",
         "Адрес Навигатора должен начинаться с http:// или https://"),
        (NAV, "", "secret", "email_edit", "Введите e-mail учётной записи организации"),
        (NAV, "org.example.ru", "secret", "email_edit", "например org@example.ru"),
        (NAV, "org@example.ru", "", "password_edit", "Введите пароль учётной записи"),
    ],
)
def test_a_navigator_form_missing_a_part_keeps_the_step_open_on_it(
        qtbot, wizard, url, email, password, bad_field, message):
    navigator_step(qtbot, wizard, url, email, password)
    click(qtbot, wizard.enrol_button)
    assert wizard.pages.currentIndex() == wizard.CONNECT and not wizard.busy  # nothing was sent
    assert message in wizard.error_label.text() and wizard.error_label.isVisible()
    assert wizard.focusWidget() is getattr(wizard, bad_field)
    assert not wizard.workspace.enrolled


def test_a_wrong_password_is_said_beside_the_password_which_is_cleared(
        qtbot, wizard, navigator, workspace, caplog):
    server, account = navigator
    caplog.set_level(logging.DEBUG)
    navigator_step(qtbot, wizard, server.url, account.email, "not-" + account.password)
    click(qtbot, wizard.enrol_button)
    text = refused(qtbot, wizard)
    assert text.startswith("Навигатор не принял e-mail или пароль")
    assert "учётная запись организации в Навигаторе" in text
    assert wizard.focusWidget() is wizard.password_edit and wizard.password_edit.text() == ""
    assert wizard.email_edit.text() == account.email  # only the password is typed again
    assert wizard.url_edit.text() == server.url
    assert not workspace.enrolled
    assert "not-" + account.password not in caplog.text


def test_a_locked_account_is_said_beside_the_password(qtbot, wizard, navigator):
    server, account = navigator
    assert server.control is not None
    server.control.lock_account(account.email)
    navigator_step(qtbot, wizard, server.url, account.email, account.password)
    click(qtbot, wizard.enrol_button)
    text = refused(qtbot, wizard)
    assert text.startswith("Навигатор не пускает эту учётную запись") and "администратор Навигатора" in text
    assert wizard.focusWidget() is wizard.password_edit
    assert not wizard.workspace.enrolled


def test_an_address_where_nothing_answers_is_said_beside_the_address(qtbot, wizard, workspace):
    navigator_step(qtbot, wizard, "http://127.0.0.1:9", "org@example.ru", "secret")
    click(qtbot, wizard.enrol_button)
    text = refused(qtbot, wizard)
    assert text == ("Навигатор по адресу http://127.0.0.1:9 не отвечает. Проверьте адрес и подключение к "
                    "интернету и повторите; на этом ПК ничего не изменилось.")
    assert wizard.focusWidget() is wizard.url_edit
    assert wizard.password_edit.text() == "secret"  # the address is wrong, not the password
    assert not workspace.enrolled


def test_without_a_keyring_the_navigator_path_says_the_password_is_not_saved(
        qtbot, wizard, navigator, workspace):
    from pfdo_desktop.sync.credentials import no_keyring_advice

    server, account = navigator
    keyring.set_keyring(FailKeyring())
    navigator_step(qtbot, wizard, server.url, account.email, account.password)
    click(qtbot, wizard.enrol_button)
    text = refused(qtbot, wizard)
    assert text.startswith("Пароль не сохранён: в системе нет хранилища паролей")
    assert "Код подключения" not in text and "ПК не подключён к Навигатору" in text
    assert no_keyring_advice() in text
    assert wizard.focusWidget() is wizard.password_edit and wizard.password_edit.text() == ""
    assert not workspace.enrolled


# --- the whole first run ---------------------------------------------------------------------------


def test_the_first_run_connects_to_a_navigator_and_loads_its_groups(
        qtbot, wizard, navigator, workspace, caplog):
    server, account = navigator
    caplog.set_level(logging.DEBUG)
    assert "e-mail и пароль вашей организации" in wizard.connect_button.description()
    click(qtbot, wizard.connect_button)
    assert wizard.kind_choice.portal_radio.isChecked()
    assert wizard.check_button.isVisible() and not wizard.password_edit.isVisible()
    click(qtbot, wizard.kind_choice.navigator_radio)
    assert not wizard.check_button.isVisible()  # it asks a PFDO portal who it is
    assert not wizard.code_edit.isVisible()
    assert wizard.email_edit.isVisible() and wizard.password_edit.isVisible()
    assert wizard.password_edit.echoMode() == QLineEdit.EchoMode.Password
    assert wizard.url_label.text() == "Адрес Навигатора:"

    wizard.url_edit.setText(server.url)
    qtbot.keyClicks(wizard.email_edit, account.email)
    qtbot.keyClicks(wizard.password_edit, "wrong")
    click(qtbot, wizard.enrol_button)
    qtbot.waitUntil(lambda: not wizard.busy and wizard.error_label.isVisible(), timeout=20_000)
    assert wizard.error_label.text().startswith("Навигатор не принял e-mail или пароль")
    assert wizard.password_edit.hasFocus() and wizard.password_edit.text() == ""

    qtbot.keyClicks(wizard.password_edit, account.password)
    qtbot.keyClick(wizard.password_edit, Qt.Key.Key_Return)  # Return connects
    qtbot.waitUntil(lambda: wizard.outcome == "synced", timeout=60_000)
    assert wizard.sync_title.text() == "Готово: данные загружены"
    assert wizard.provider_name == workspace.device().provider_name == "МАОУ СОШ № 3"
    assert wizard.password_edit.text() == ""  # the keyring has it; the window keeps none
    device = workspace.device()
    assert (device.portal_id or "").startswith("navigator:") and device.portal_url == server.url
    assert workspace.groups()  # the organisation's groups came from the Navigator
    assert account.password not in caplog.text


def test_a_pc_once_connected_to_a_navigator_is_offered_the_navigator_again(qtbot, workspace, navigator):
    server, account = navigator
    workspace.enrol_navigator(server.url, account.email, account.password)
    workspace.disconnect(force=True)
    wizard = FirstRunWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard.connect_button)
    assert wizard.kind_choice.navigator_radio.isChecked()
    assert wizard.email_edit.isVisible() and not wizard.code_edit.isVisible()


# --- «Настройки»: what a «уважительная причина» goes to the Navigator as ------------------------------


def settings_dialog(qtbot, workspace):
    from pfdo_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(1)  # «Портал»
    return dialog


def test_a_navigator_pc_chooses_what_an_excused_absence_is_sent_as(qtbot, workspace, navigator):
    server, account = navigator
    workspace.enrol_navigator(server.url, account.email, account.password)
    dialog = settings_dialog(qtbot, workspace)
    label = dialog.portal_form.labelForField(dialog.excused)
    assert label.text() == "Уважительная причина\nотправляется в Навигатор как:"
    assert dialog.disconnect_button.text() == "Отключить ПК от Навигатора…"
    assert dialog.excused.isVisible() and dialog.excused_note.isVisible()
    assert [dialog.excused.itemText(i) for i in range(dialog.excused.count())] == ["«не был»", "«болел»"]
    assert dialog.excused.currentText() == "«не был»"  # the default
    assert not dialog.check_button.isVisible()  # it asks a PFDO portal who it is
    assert "e-mail и паролем организации" in " ".join(
        w.text() for w in dialog.findChildren(type(dialog.excused_note)))

    assert dialog.at_once.isVisible() and dialog.at_once.value() == 3  # polite by default
    assert (dialog.at_once.minimum(), dialog.at_once.maximum()) == (1, 5)

    dialog.excused.setCurrentIndex(dialog.excused.findData(3))
    dialog.at_once.setValue(2)
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert workspace.navigator_excused_code() == 3
    assert workspace.navigator_at_once() == 2
    again = settings_dialog(qtbot, workspace)
    assert again.excused.currentText() == "«болел»"  # as saved
    assert again.at_once.value() == 2


def test_a_pfdo_portal_pc_has_no_navigator_setting(qtbot, workspace):
    dialog = settings_dialog(qtbot, workspace)
    assert not dialog.excused.isVisible() and not dialog.excused_note.isVisible()
    assert not dialog.at_once.isVisible()
    assert dialog.portal_form.labelForField(dialog.excused).isHidden()
    assert dialog.check_button.isVisible()
