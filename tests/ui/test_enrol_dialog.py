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
    text = dialog.error_label.text()
    assert any("а" <= ch <= "я" for ch in text.lower()) and "Traceback" not in text
    assert dialog.focusWidget() is dialog.code_edit
    assert dialog.ok_button.text() == "Подключить"


def test_a_valid_code_enrols_and_closes(qtbot, dialog, portal, portal_db, demo_provider_id, workspace):
    from pfdo_portal.admin import issue_code

    qtbot.keyClicks(dialog.url_edit, portal.url + "/")
    qtbot.keyClicks(dialog.code_edit, issue_code(portal_db, demo_provider_id).lower())
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.provider_name
    assert workspace.enrolled
