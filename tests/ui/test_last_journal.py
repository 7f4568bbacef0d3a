"""The journal last shown comes back at the next start (issue 15: «the last-used journal usable»):
its group and month are kept with the data, and a window opened on them shows that journal."""

from __future__ import annotations

from ui_helpers import settle

from pfdo_desktop.ui.main_window import MainWindow
from pfdo_desktop.ui.tasks import wait_for_all


def _reopened(qtbot, workspace) -> MainWindow:
    """A new window on the same data, as the next start makes it."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_workspace(workspace)
    window.show()
    settle(qtbot)
    return window


def test_the_group_and_month_shown_last_are_shown_again_by_the_next_window(qtbot, main_window):
    window = main_window
    groups, journal = window.groups_panel, window.journal_panel
    assert groups.model.rowCount() >= 2
    groups.table.selectRow(groups.model.rowCount() - 1)  # not the group a start picks by default
    settle(qtbot)
    chosen = journal.group
    journal.next_button.click()  # and not the current month either
    settle(qtbot)
    month = journal.month
    assert chosen is not None and month is not None
    assert window.workspace.last_journal() == (chosen.id, month)

    again = _reopened(qtbot, window.workspace)
    assert (again.journal_panel.group.id, again.journal_panel.month) == (chosen.id, month)
    assert again.groups_panel.selected_group().id == chosen.id
    assert again.journal_panel.title_label.text().startswith(chosen.name)
    wait_for_all(30_000)


def test_a_remembered_group_that_is_gone_opens_the_first_group_at_this_month(qtbot, main_window):
    window = main_window
    default = (window.journal_panel.group.id, window.journal_panel.month)  # a start with nothing remembered
    assert default == (window.groups_panel.selected_group().id, window.journal_panel.month)
    window.workspace.remember_journal(987_654, default[1].replace(year=default[1].year - 1))  # removed since
    again = _reopened(qtbot, window.workspace)
    assert (again.journal_panel.group.id, again.journal_panel.month) == default
    wait_for_all(30_000)
