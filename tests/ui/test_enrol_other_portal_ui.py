"""The first run's connection step on a PC bound to the training portal (disconnected in the
settings), given the real portal's address and code (review of issue 10, finding 2): it says why in
Russian, points at the address, spends nothing."""

from __future__ import annotations

import two_portals
from PySide6.QtCore import Qt
from two_portals import REAL, TRAINING

from pfdo_desktop.ui.first_run import FirstRunWizard
from pfdo_desktop.ui.tasks import wait_for_all
from pfdo_portal import admin


def test_the_connection_step_refuses_another_portal_and_keeps_its_code(
        qtbot, enrolled_workspace, seeded_portal_template, demo_provider_id, tmp_path):
    b_db = two_portals.seeded_copy(seeded_portal_template, tmp_path / "real.sqlite3")
    real = two_portals.start(b_db, REAL)
    try:
        portal_id = enrolled_workspace.device().portal_id
        enrolled_workspace.disconnect(force=True)  # what the data belong to is kept
        wizard = FirstRunWizard(enrolled_workspace)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.mouseClick(wizard.connect_button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(wizard.url_edit, real.url)
        qtbot.keyClicks(wizard.code_edit, admin.issue_code(b_db, demo_provider_id))
        qtbot.mouseClick(wizard.enrol_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not wizard.busy and wizard.error_label.isVisible(), timeout=20_000)
        text = wizard.error_label.text()
        assert text.startswith(f"Эта база подключена к порталу «{TRAINING}»") and f"«{REAL}»" in text
        assert "отдельную папку данных" in text and "Код подключения не израсходован" in text
        assert wizard.pages.currentIndex() == wizard.CONNECT and wizard.focusWidget() is wizard.url_edit
        assert admin.list_devices(b_db) == []
        assert not enrolled_workspace.enrolled and enrolled_workspace.device().portal_id == portal_id
        wait_for_all(10_000)
    finally:
        real.stop()
