"""A start shows the last-used journal before the workspace is open (issue 15: it is read from the
file while the ORM loads): the operator marks on it at once, and the marks are saved when the
workspace opens — none lost, none shown twice, the month's navigation waiting for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import free_cells, settle

from pfdo_desktop.ui.journal.model import CodeRole
from pfdo_desktop.ui.journal.panel import default_month
from pfdo_desktop.ui.main_window import MainWindow, read_first_view
from pfdo_desktop.ui.tasks import idle, wait_for_all
from pfdo_desktop.workspace_types import start_journal


def _remember_a_journal(ws):
    for group in ws.groups():
        month = default_month(group)
        shown = ws.journal_month(group.id, month)
        if shown.lessons and shown.children:
            ws.remember_journal(group.id, month)
            return group, month
    raise AssertionError("no group with lessons and children in its default month")


def test_marks_typed_on_the_journal_shown_before_the_workspace_are_saved_when_it_opens(qtbot,
                                                                                       enrolled_workspace):
    ws = enrolled_workspace
    group, month = _remember_a_journal(ws)
    start = start_journal(ws.data_dir)
    assert start is not None

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_start_journal(start)  # what Startup does with the read made before the opening
    panel = window.journal_panel
    assert window.workspace is None and panel.early and panel.isEnabled()
    assert (panel.group.id, panel.month) == (group.id, month)
    assert panel.title_label.text().startswith(group.name)
    assert panel.model.child_count == len(start.journal.children) > 0
    assert not panel.next_button.isEnabled() and not panel.print_button.isEnabled()  # they wait

    cell = free_cells(panel, 1)[0]
    child, day = panel.model.child_at(cell.row()).child_id, panel.model.lesson_at(cell.column()).lesson_date
    panel.table.setCurrentIndex(cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_3)
    assert panel.model.data(cell, CodeRole) == 3  # shown at once …
    assert ws.journal_month(group.id, month).marks.get((child, day)) is None  # … saved when it can be

    first = read_first_view(ws)  # the opening reads the first view before the mark is saved
    window.set_workspace(ws, first)
    qtbot.waitUntil(idle)
    settle(qtbot)
    wait_for_all(30_000)
    assert ws.journal_month(group.id, month).marks[(child, day)] == 3
    assert not panel.early and panel.next_button.isEnabled() == (month < group.date_to.replace(day=1))
    assert (panel.group.id, panel.month) == (group.id, month)
    shown = [i for i in (panel.model.index(r, cell.column()) for r in range(panel.model.child_count))
             if panel.model.child_at(i.row()).child_id == child]
    assert [panel.model.data(i, CodeRole) for i in shown] == [3]  # shown once, as saved
    assert window.groups_panel.selected_group().id == group.id


def test_a_workspace_that_does_not_open_takes_the_early_journal_away(qtbot, enrolled_workspace):
    ws = enrolled_workspace
    _remember_a_journal(ws)
    start = start_journal(ws.data_dir)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_start_journal(start)
    assert window.journal_panel.model.child_count > 0
    window.drop_start_journal()  # what a failed opening does (Startup._on_open_failed)
    assert window.journal_panel.group is None and window.journal_panel.model.child_count == 0
    assert not window.journal_panel.isEnabled() and not window.journal_panel.early
