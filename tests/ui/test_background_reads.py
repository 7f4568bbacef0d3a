"""Issue 11 §3 «One door from the UI»: the status bar is read off the UI thread, a burst of marks
reads it twice rather than once per mark, and a sync refreshes only the screens showing what it
brought."""

from __future__ import annotations

import threading
from collections import Counter

from PySide6.QtCore import Qt
from ui_helpers import click, free_cells, settle

from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.workspace import SYNC_STATUS, Workspace, sync_changes
from pfdo_desktop.workspace_types import Changes, MarkChange

# What the screens read, by the `Workspace` method each calls.
SCREEN_READS = {
    "journal_month": "the journal",
    "groups": "the groups list",
    "search_children": "the children list",
    "child_card": "the child card",
    "applications": "the applications list",
    "program_catalogue": "the catalogue",
}


def count_reads(monkeypatch, workspace, names=SCREEN_READS) -> Counter:
    """Count the calls of the workspace's read methods ``names`` from now on."""
    reads: Counter = Counter()
    for name in names:
        real = getattr(workspace, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            reads[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(workspace, name, counted)
    return reads


def sync(qtbot, window) -> None:
    with qtbot.waitSignal(window.synced, timeout=60_000):
        qtbot.mouseClick(window.toolbar.widgetForAction(window.sync_action), Qt.MouseButton.LeftButton)
    settle(qtbot)


def test_a_burst_of_marks_reads_the_status_bar_off_the_ui_thread_twice_not_per_mark(
    qtbot, main_window, journal_panel, monkeypatch
):
    window, panel = main_window, journal_panel
    workspace = window.workspace
    before = workspace.status().pending_ops
    held = threading.Event()
    threads: list[bool] = []  # each status read: on the UI thread?
    real_status = workspace.status

    def status():
        threads.append(threading.current_thread() is threading.main_thread())
        if len(threads) == 1:
            held.wait(30)  # a slow disk: the first read takes a while
        return real_status()

    monkeypatch.setattr(workspace, "status", status)
    window.refresh_status()  # the read the burst meets under way
    cells = free_cells(panel, 5)
    panel.table.setFocus()
    for cell in cells:
        click(qtbot, panel.table, cell)
        qtbot.keyClick(panel.table, Qt.Key.Key_1)
    assert [panel.model.data(c) for c in cells] == ["+"] * 5  # typing never waited for the status
    held.set()
    settle(qtbot)

    assert window.pending_label.text() == f"Не отправлено: {before + 5}"
    assert window.pending_count == before + 5
    assert threads == [False, False, False]  # the held read, the first mark's, one for the rest


def test_a_sync_that_brought_nothing_reads_no_screen_again(qtbot, main_window, journal_panel, monkeypatch):
    window = main_window
    reads = count_reads(monkeypatch, window.workspace)
    journal_resets: list[int] = []
    journal_panel.model.modelReset.connect(lambda: journal_resets.append(1))

    sync(qtbot, window)

    assert window.message_label.text() == "Синхронизация завершена: отправлено 0, получено 0, отклонено 0"
    assert window.last_sync_label.text().startswith("Синхронизация: ")
    assert window.pending_label.text() == "Не отправлено: 0"
    assert not reads, f"read again after a sync that brought nothing: {dict(reads)}"
    assert not journal_resets


def test_a_sync_that_pulled_marks_shows_them_in_the_journal_and_leaves_the_other_screens(
    qtbot, main_window, journal_panel, monkeypatch, portal, portal_db, demo_provider_id, tmp_path
):
    from pfdo_portal.admin import issue_code

    window, panel = main_window, journal_panel
    cell = free_cells(panel, 1)[0]
    child = panel.model.child_at(cell.row())
    lesson = panel.model.lesson_at(cell.column())
    assert child is not None and lesson is not None
    other_pc = Workspace.open(tmp_path / "other-pc")  # the teacher's laptop marks the lesson
    try:
        other_pc.enrol(portal.url, issue_code(portal_db, demo_provider_id))
        other_pc.sync()
        other_pc.mark(panel.group.id, lesson.lesson_date, [MarkChange(child.child_id, AttendanceCode.SICK)])
        assert other_pc.sync().pushed == 1
    finally:
        other_pc.close()
    reads = count_reads(monkeypatch, window.workspace)

    sync(qtbot, window)

    assert "получено 1" in window.message_label.text()
    assert panel.model.data(cell) == "б"  # the other PC's mark is on screen
    assert reads["journal_month"] >= 1
    untouched = {name: n for name, n in reads.items() if name != "journal_month" and n}
    assert not untouched, f"screens read again for marks they do not show: {untouched}"


def test_what_a_sync_reports_it_changed():
    """The mapping behind the two tests above, for the entities they do not pull."""
    from pfdo_desktop.sync.context import SyncReport

    assert sync_changes(SyncReport(), []) == SYNC_STATUS
    assert sync_changes(SyncReport(pulled=2, pulled_by_entity={"child": 1, "certificate": 1}), []) == (
        SYNC_STATUS | Changes.CHILDREN
    )
    assert sync_changes(SyncReport(pulled=1, pulled_by_entity={"schedule_slot": 1}), []) & Changes.GROUPS
    assert sync_changes(SyncReport(pulled=1, pulled_by_entity={"membership": 1}), []) & (
        Changes.GROUPS | Changes.APPLICATIONS
    ) == Changes.GROUPS | Changes.APPLICATIONS
    # marks taken by the portal as typed: on screen already; a refused one takes the portal's value
    assert sync_changes(SyncReport(pushed=2, applied=2), ["mark.set", "mark.set"]) == SYNC_STATUS
    assert sync_changes(SyncReport(pushed=2, applied=1, rejected=1), ["mark.set"] * 2) & Changes.MARKS
    # an application's answer: the list and the child card
    assert sync_changes(SyncReport(pushed=1, applied=1), ["application.withdraw"]) & Changes.APPLICATIONS
