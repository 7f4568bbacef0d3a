"""One window per data folder, and «Файл → Резервные копии…» while another program has the folder
open (outside review of issue 14, F1): the second window says the program is open already and
closes; the restore is refused in the dialog, a scheduled sync meanwhile skips its run, and after
the dialog the window works again with the other program's change kept."""

from __future__ import annotations

import shutil

from folder_holder import Holder
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from pfdo_desktop import schedule
from pfdo_desktop.cli import main
from pfdo_desktop.sync import credentials
from pfdo_desktop.ui.app import Startup
from pfdo_desktop.ui.main_window import MainWindow
from pfdo_desktop.ui.tasks import wait_for_all


def test_a_second_window_on_the_same_folder_says_so_and_closes(qtbot, enrolled_template, tmp_path,
                                                                monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(enrolled_template.data_dir, folder)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    with Holder(folder, window=True) as first:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        startup = Startup(window, folder, demo=False)
        startup.start()
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        wait_for_all(5_000)
        assert shown[0].startswith("Программа уже открыта с этой папкой данных")
        assert not window.isVisible() and startup.workspace is None
        assert first.mark() >= 1  # the first window works on
        first.close()


def test_a_restore_from_the_window_waits_for_the_other_programs(qtbot, enrolled_template, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(enrolled_template.data_dir, folder)
    credentials.store_token(enrolled_template.db_uuid, enrolled_template.token)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, folder, demo=False)
    startup.start()
    qtbot.waitUntil(lambda: startup.workspace is not None, timeout=20_000)
    with Holder(folder) as other:
        window.backups_action.trigger()
        dialog = startup.restore_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "закройте их и повторите" in dialog.status_label.text(), timeout=20_000)
        assert "сейчас использует другая программа или окно PFDO Desktop" in dialog.status_label.text()
        assert not list(folder.glob("pfdo.sqlite3.replaced-*"))
        # a scheduled sync while the restore is under way skips its run
        assert main(["schedule", "run", "--data-dir", str(folder)]) == 0
        assert schedule.read_runs(folder)[-1].result == schedule.RESULT_BUSY
        unsent = other.mark()
        other.close()
    dialog.reject()
    qtbot.waitUntil(lambda: startup.workspace is not None, timeout=20_000)
    assert startup.workspace.unsent_count() == unsent  # the other program's change is there
    startup.close()
    wait_for_all(10_000)
