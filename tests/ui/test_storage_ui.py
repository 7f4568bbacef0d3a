"""Damaged or full storage in the app (issue 10 §4): a damaged database at start-up offers
«Восстановить из резервной копии…» (a small dialog with the backups); a save on a full disk says so
in a dialog. Never the crash dialog."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt

from pfdo_desktop.ui import errors as errors_module
from pfdo_desktop.ui.restore_dialog import BackupRole, RestoreDialog
from pfdo_desktop.ui.tasks import wait_for_all
from pfdo_desktop.workspace import Workspace


@pytest.fixture
def crashes(monkeypatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: seen.append(exc))
    return seen


def _damage_a_middle_page(path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek((size // 2) // 4096 * 4096)
        f.write(b"\xa5" * 8192)


def _damaged_workspace(enrolled_workspace):
    """An enrolled, synced database with the day's backup taken after the sync, then damaged."""
    ws = enrolled_workspace
    data_dir = ws.data_dir
    marks = ws.status().marks
    ws.close()
    for old in (data_dir / "backups").glob("*"):
        old.unlink()
    Workspace.open(data_dir).close()
    _damage_a_middle_page(data_dir / "pfdo.sqlite3")
    return data_dir, marks


def test_a_damaged_database_at_start_offers_the_restore_and_opens_the_restored_one(
        qtbot, enrolled_workspace, crashes):
    from pfdo_desktop.ui.app import Startup
    from pfdo_desktop.ui.main_window import MainWindow

    data_dir, marks = _damaged_workspace(enrolled_workspace)
    damaged = (data_dir / "pfdo.sqlite3").read_bytes()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, data_dir, demo=False)
    startup.start()
    qtbot.waitUntil(lambda: startup.damaged_box is not None and startup.damaged_box.isVisible(),
                    timeout=20_000)
    box = startup.damaged_box
    assert "повреждена" in box.text() and "резервной копии" in box.text()
    assert startup.restore_button.text() == "Восстановить из резервной копии…"
    assert startup.workspace is None

    qtbot.mouseClick(startup.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.restore_dialog is not None and startup.restore_dialog.isVisible(),
                    timeout=10_000)
    dialog = startup.restore_dialog
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    chosen = dialog.chosen()
    assert chosen is not None and chosen.sound and chosen.marks == marks
    model = dialog.model
    assert model.rowCount() == 1
    assert model.index(0, model.COL_KIND).data() == "ежедневная"
    assert f"отметок {marks:,}".replace(",", "\u00a0") in model.index(0, model.COL_HOLDS).data()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: startup.workspace is not None, timeout=30_000)
    assert window.message_label.text().startswith("База восстановлена из резервной копии")
    assert startup.restored_box is not None and "damaged-" in startup.restored_box.text()
    assert startup.workspace.status().marks == marks
    aside = next(data_dir.glob("pfdo.sqlite3.damaged-*[0-9]"))
    assert aside.read_bytes() == damaged
    assert crashes == []
    startup.close()
    wait_for_all(10_000)


def test_the_restore_dialog_shows_a_damaged_backup_but_never_chooses_it(qtbot, qtmodeltester, data_dir):
    Workspace.open(data_dir).close()
    backups = data_dir / "backups"
    (backups / "pfdo-20991231-235959-000001-daily.sqlite3").write_bytes(b"not a database" * 100)
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
    qtmodeltester.check(dialog.model)
    newest = dialog.model.index(0, dialog.model.COL_HOLDS)
    assert newest.data().startswith("повреждена")
    assert not dialog.model.flags(newest) & Qt.ItemFlag.ItemIsSelectable
    assert dialog.chosen() is dialog.model.index(1, 0).data(BackupRole)  # the sound, older one


def test_no_backups_says_what_to_do(qtbot, data_dir):
    data_dir.mkdir()
    dialog = RestoreDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Резервных копий нет" in dialog.status_label.text(), timeout=10_000)
    assert "Переименуйте повреждённый файл pfdo.sqlite3" in dialog.status_label.text()
    assert not dialog.restore_button.isEnabled()


def test_a_mark_saved_on_a_full_disk_says_so_in_a_dialog(qtbot, main_window, journal_panel,
                                                         enrolled_workspace, crashes):
    """SQLite's own «database or disk is full» (``max_page_count``), not a simulated error."""
    from storage_faults import no_room_to_grow
    from ui_helpers import free_cells

    from pfdo_desktop.ui.journal.model import CodeRole

    engine = enrolled_workspace.db.engine
    no_room_to_grow(engine)
    engine.dispose()  # every connection from now on has no room to grow
    panel = journal_panel
    free_cells(panel, 1)  # the month has room for marks
    for column in range(panel.model.lesson_count):  # mark until a page no longer fits
        for row in range(panel.model.child_count):
            if errors_module.storage_problem_box() is not None:
                break
            index = panel.model.index(row, column)
            if panel.model.is_editable(index) and panel.model.data(index, CodeRole) is None:
                panel.set_code_at(index, 2, move_down=False)
                wait_for_all(10_000)
                qtbot.wait(10)  # the result arrives through the event loop
    box = errors_module.storage_problem_box()
    assert box is not None, "the disk never filled up"
    assert box.text().startswith("Диск заполнен") and "Освободите место на диске" in box.text()
    assert main_window.message_label.text().startswith("Диск заполнен")
    assert crashes == []
    box.done(0)


def test_a_storage_problem_reaching_the_crash_hook_is_shown_as_what_it_is(qtbot, tmp_path, monkeypatch):
    """A full disk met where no handler expected it (a read on the UI thread): the storage dialog
    with what to do, not «Произошла непредвиденная ошибка»."""
    from PySide6.QtWidgets import QMessageBox

    from pfdo_desktop.logging_setup import setup_logging
    from pfdo_desktop.models import DiskFull
    from pfdo_desktop.ui.app import CrashHook

    crash_boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: crash_boxes.append(box.text()) or 0)
    hook = CrashHook(setup_logging(directory=tmp_path / "logs"))
    try:
        raise DiskFull(tmp_path / "pfdo.sqlite3")
    except DiskFull:
        hook(*sys.exc_info())
    box = errors_module.storage_problem_box()
    assert box is not None and box.text().startswith("Диск заполнен")
    assert crash_boxes == []
    box.done(0)


def test_a_data_folder_that_cannot_be_used_is_said_at_start_in_a_dialog(qtbot, tmp_path, monkeypatch,
                                                                         crashes):
    from PySide6.QtWidgets import QMessageBox

    from pfdo_desktop.ui.app import Startup
    from pfdo_desktop.ui.main_window import MainWindow

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, not_a_folder, demo=False)
    startup.start()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    wait_for_all(5_000)
    assert "не папка" in shown[0] and "--data-dir" in shown[0]
    assert startup.workspace is None and crashes == []


def test_file_backups_restores_a_copy_over_a_working_database_and_reopens_it(
        qtbot, enrolled_workspace, crashes):
    """Файл → Резервные копии…: the copies with what each holds; restoring one over a sound
    database closes it, keeps it aside (``replaced-``) and opens the restored one — a mark made
    after the copy is in the kept file only, as the dialog warned."""
    from pfdo_desktop.ui.app import Startup
    from pfdo_desktop.ui.main_window import MainWindow
    from pfdo_desktop.workspace_types import MarkChange

    ws = enrolled_workspace
    data_dir = ws.data_dir
    marks = ws.status().marks
    ws.close()
    for old in (data_dir / "backups").glob("*"):
        old.unlink()
    Workspace.open(data_dir).close()  # the day's copy, holding `marks`

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, data_dir, demo=False)
    startup.start()
    qtbot.waitUntil(lambda: startup.workspace is not None and window.groups_panel.model.rowCount() > 0,
                    timeout=20_000)
    live = startup.workspace
    group = live.groups()[0]
    journal = live.journal(group.id, group.date_from, group.date_to)
    lesson = next(les for les in journal.lessons if any(c.is_member_on(les.lesson_date)
                                                        for c in journal.children))
    child = next(c.child_id for c in journal.children if c.is_member_on(lesson.lesson_date))
    live.mark(group.id, lesson.lesson_date, [MarkChange(child, None)])
    live.mark(group.id, lesson.lesson_date, [MarkChange(child, 4)])
    assert live.unsent_count() >= 1

    window.backups_action.trigger()
    dialog = startup.restore_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Восстановление из резервной копии"
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    assert dialog.chosen().marks == marks
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: startup.workspace is not None and startup.workspace is not live,
                    timeout=30_000)
    assert window.message_label.text().startswith("База восстановлена из резервной копии")
    assert "replaced-" in startup.restored_box.text()
    assert startup.workspace.unsent_count() == 0  # the copy's state: the later mark is in the kept file
    kept = next(data_dir.glob("pfdo.sqlite3.replaced-*[0-9]"))
    con = sqlite3.connect(kept)
    assert con.execute("select count(*) from outbox").fetchone()[0] >= 1
    con.close()
    qtbot.waitUntil(lambda: window.groups_panel.model.rowCount() > 0, timeout=20_000)
    assert crashes == []
    startup.close()
    wait_for_all(10_000)


def test_file_backups_cancelled_leaves_the_database_open(qtbot, enrolled_workspace):
    from pfdo_desktop.ui.app import Startup
    from pfdo_desktop.ui.main_window import MainWindow

    data_dir = enrolled_workspace.data_dir
    enrolled_workspace.close()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    startup = Startup(window, data_dir, demo=False)
    startup.start()
    qtbot.waitUntil(lambda: startup.workspace is not None, timeout=20_000)
    live = startup.workspace
    window.backups_action.trigger()
    dialog = startup.restore_dialog
    qtbot.waitUntil(lambda: not dialog.listing, timeout=20_000)
    dialog.reject()
    qtbot.waitUntil(lambda: startup.restore_dialog is None)
    assert startup.workspace is live and live.status().groups > 0
    startup.close()
    wait_for_all(10_000)
