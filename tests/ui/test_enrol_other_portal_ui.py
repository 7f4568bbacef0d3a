"""The enrolment dialog of a PC bound to the training portal, given the real portal's address and
code (review of issue 10, finding 2): it says why in Russian, points at the address, spends nothing."""

from __future__ import annotations

import two_portals
from PySide6.QtCore import Qt
from two_portals import REAL, TRAINING

from pfdo_desktop.ui.sync.enrol_dialog import EnrolDialog
from pfdo_desktop.ui.tasks import wait_for_all
from pfdo_portal import admin


def test_the_dialog_refuses_another_portal_and_keeps_its_code(qtbot, enrolled_workspace, portal,
                                                              seeded_portal_template, demo_provider_id,
                                                              tmp_path):
    b_db = two_portals.seeded_copy(seeded_portal_template, tmp_path / "real.sqlite3")
    real = two_portals.start(b_db, REAL)
    try:
        dialog = EnrolDialog(enrolled_workspace.enrol, portal_url=portal.url)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.url_edit.clear()
        qtbot.keyClicks(dialog.url_edit, real.url)
        qtbot.keyClicks(dialog.code_edit, admin.issue_code(b_db, demo_provider_id))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error_label.isVisible() and dialog.ok_button.isEnabled(),
                        timeout=20_000)
        text = dialog.error_label.text()
        assert text.startswith(f"Эта база подключена к порталу «{TRAINING}»") and f"«{REAL}»" in text
        assert "отдельную папку данных" in text and "Код подключения не израсходован" in text
        assert dialog.isVisible() and dialog.focusWidget() is dialog.url_edit
        assert admin.list_devices(b_db) == []
        assert enrolled_workspace.device().portal_url == portal.url
        wait_for_all(10_000)
    finally:
        real.stop()
