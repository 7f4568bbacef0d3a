"""The restore dialog says which backup keeps the PC's enrolment (review of issue 10, finding 4): a
backup is taken right after the enrolment and is proposed; a copy taken before it says that a new
code will be needed instead of «синхронизируйте»."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pfdo_desktop.ui.restore_dialog import BackupRole, RestoreDialog
from pfdo_desktop.ui.tasks import wait_for_all

NOT_ENROLLED = ("ПК в этой копии не подключён к порталу — после восстановления понадобится новый код "
                "подключения")


def _damage_a_middle_page(path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(b"\xa5" * 8192)


def test_the_dialog_proposes_the_enrolled_copy_and_says_a_copy_before_needs_a_new_code(
        qtbot, qtmodeltester, enrolled_workspace):
    data_dir = enrolled_workspace.data_dir
    enrolled_workspace.close()  # day 1 of a new PC: the day's copy (before enrol) and the enrolled one
    _damage_a_middle_page(data_dir / "pfdo.sqlite3")
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    model = dialog.model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    kinds = [model.index(row, model.COL_KIND).data() for row in range(2)]
    assert kinds == ["после подключения к порталу", "ежедневная"]
    assert dialog.chosen() is model.index(0, 0).data(BackupRole)  # the newest: it holds the device
    assert "ПК в копии не подключён" not in model.index(0, model.COL_HOLDS).data()
    assert dialog.advice_label.text().startswith("После восстановления синхронизируйте")

    assert model.index(1, model.COL_HOLDS).data().endswith("; ПК в копии не подключён к порталу")
    dialog.table.selectRow(1)
    assert dialog.advice_label.text().startswith(NOT_ENROLLED)
    assert "синхронизируйте" not in dialog.advice_label.text().lower()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_info is not None, timeout=20_000)
    message = dialog.result_info.message_ru()
    assert NOT_ENROLLED in message and "Синхронизируйте" not in message
    wait_for_all(10_000)
