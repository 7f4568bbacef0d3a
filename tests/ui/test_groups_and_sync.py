"""The groups list with its filters, sync failures and the «Требует внимания» list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import click, free_cells, settle

from pfdo_desktop.ui.groups.model import RowRole


def shown_groups(window):
    model = window.groups_panel.model
    return [model.data(model.index(r, 0), RowRole) for r in range(model.rowCount())]


def test_window_title_names_the_provider(main_window):
    status = main_window.workspace.status()
    assert main_window.windowTitle() == f"PFDO Desktop — {status.provider_name}"
    assert main_window.provider_label.text() == status.provider_name
    assert main_window.last_sync_label.text().startswith("Синхронизация: ")


def test_programme_and_teacher_filters_narrow_the_list(qtbot, main_window):
    panel = main_window.groups_panel
    everything = shown_groups(main_window)
    assert len(everything) > 1
    assert panel.count_label.text() == f"Групп: {len(everything)}"
    assert panel.program_combo.itemText(0) == "Все программы"

    programme = everything[-1].program_id
    panel.program_combo.setCurrentIndex(panel.program_combo.findData(programme))
    narrowed = shown_groups(main_window)
    assert 0 < len(narrowed) < len(everything)
    assert {g.program_id for g in narrowed} == {programme}
    assert panel.count_label.text() == f"Групп: {len(narrowed)}"
    # the journal follows the (only remaining) selection
    assert main_window.journal_panel.group.program_id == programme

    panel.program_combo.setCurrentIndex(0)
    teacher = everything[0].teacher
    panel.teacher_combo.setCurrentIndex(panel.teacher_combo.findData(teacher))
    by_teacher = shown_groups(main_window)
    assert by_teacher and {g.teacher for g in by_teacher} == {teacher}
    assert len(by_teacher) < len(everything)

    panel.teacher_combo.setCurrentIndex(0)
    assert len(shown_groups(main_window)) == len(everything)


def test_sync_with_a_stopped_portal_shows_a_russian_error_and_keeps_the_marks(
    qtbot, main_window, journal_panel, portal
):
    panel = journal_panel
    cell = free_cells(panel, 1)[0]
    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: main_window.pending_label.text() == "Не отправлено: 1")

    portal.stop()
    with qtbot.waitSignal(main_window.synced, timeout=60_000):
        qtbot.mouseClick(
            main_window.toolbar.widgetForAction(main_window.sync_action), Qt.MouseButton.LeftButton
        )

    text = main_window.message_label.text()
    assert text.startswith("Синхронизация не удалась: ")
    assert "Traceback" not in text and any("а" <= ch <= "я" for ch in text[27:])
    assert main_window.pending_label.text() == "Не отправлено: 1"
    assert panel.model.data(cell) == "+"
    assert main_window.sync_action.isEnabled()  # the operator can try again
    assert not main_window.progress_bar.isVisible()


def test_a_rejected_mark_appears_in_needs_attention_and_can_be_marked_read(
    qtbot, main_window, journal_panel, portal_db, demo_provider_id
):
    from pfdo_portal.admin import lock_month

    panel, window = journal_panel, main_window
    lock_month(portal_db, demo_provider_id, panel.month)
    cell = free_cells(panel, 1)[0]
    child = panel.model.child_at(cell.row())
    surname = child.full_name.split()[0]
    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_3)
    assert window.issues_action.text() == "Требует внимания: 0"
    assert not window.issues_dock.isVisible()

    with qtbot.waitSignal(window.synced, timeout=30_000):
        window.start_sync()

    assert window.issues_dock.isVisible()
    assert window.issues_action.text() == "Требует внимания: 1"
    assert "отклонено 1" in window.message_label.text()
    issues = window.issues_panel
    model = issues.model
    assert model.rowCount() == 1
    title = model.data(model.index(0, 1))
    reason = model.data(model.index(0, 2))
    assert surname in title
    assert reason  # the portal's own words
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Что делать"

    assert issues.resolve_button.isEnabled()
    qtbot.mouseClick(issues.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert window.issues_action.text() == "Требует внимания: 0"
    assert issues.empty_label.isVisibleTo(issues)


def test_slow_sync_shows_progress_and_can_be_cancelled(qtbot, main_window, monkeypatch):
    """Progress appears only after the delay; «Отменить» sets the flag the engine checks."""
    import threading

    from pfdo_desktop.sync.engine import SyncCancelled

    started = threading.Event()

    def slow_sync(progress=None, cancel=None):
        progress("push", 1, 3)
        started.set()
        assert cancel.wait(20)
        raise SyncCancelled()

    monkeypatch.setattr(main_window.workspace, "sync", slow_sync)
    main_window.start_sync()
    assert not main_window.progress_bar.isVisible()  # not before 600 ms
    assert not main_window.sync_action.isEnabled()
    qtbot.waitUntil(main_window.cancel_button.isVisible, timeout=5000)
    assert main_window.progress_bar.isVisible()
    assert main_window.progress_bar.format() == "Отправка 1 из 3"
    with qtbot.waitSignal(main_window.synced, timeout=10_000):
        qtbot.mouseClick(main_window.cancel_button, Qt.MouseButton.LeftButton)
    assert "Синхронизация прервана" in main_window.message_label.text()
    assert not main_window.cancel_button.isVisible()


# --- no groups yet: the journal says what to do and offers it (issue 10 §3) --------------------------


def open_window(qtbot, workspace):
    from pfdo_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_workspace(workspace)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)  # the status (enrolled or not) is read in the background
    return window


def test_a_pc_not_enrolled_is_told_to_connect_with_a_button_for_it(qtbot, workspace):
    window = open_window(qtbot, workspace)
    asked = []
    window.enrol_requested = lambda: asked.append(True)
    journal = window.journal_panel
    assert journal.title_label.text() == "ПК не подключён к порталу"
    assert journal.empty_label.isVisible() and "Подключите ПК к порталу" in journal.empty_label.text()
    assert journal.empty_button.isVisible() and journal.empty_button.text() == "Подключить к порталу…"
    qtbot.mouseClick(journal.empty_button, Qt.MouseButton.LeftButton)
    assert asked == [True]


def test_a_pc_enrolled_without_groups_offers_the_first_sync_and_it_loads_the_groups(
    qtbot, workspace, portal, portal_db, demo_provider_id
):
    """Enrolled (e.g. with «pfdo-desktop enrol») but never synced: not «Выберите группу слева» over
    an empty list, but what to do, with the button that does it."""
    from pfdo_portal.admin import issue_code

    workspace.enrol(portal.url, issue_code(portal_db, demo_provider_id))
    window = open_window(qtbot, workspace)
    journal = window.journal_panel
    assert window.groups_panel.model.rowCount() == 0
    assert journal.title_label.text() == "Групп пока нет"
    assert journal.empty_label.isVisible()
    assert "Групп пока нет. Нажмите «Синхронизировать», чтобы загрузить группы с портала." in (
        journal.empty_label.text()
    )
    assert journal.empty_button.isVisible() and journal.empty_button.text() == "⟳ Синхронизировать"

    with qtbot.waitSignal(window.synced, timeout=30_000):
        qtbot.mouseClick(journal.empty_button, Qt.MouseButton.LeftButton)
        assert journal.title_label.text() == "Загружаю группы с портала…"  # while it runs
        assert not journal.empty_button.isVisible()
    assert window.groups_panel.model.rowCount() > 0
    group = window.groups_panel.selected_group()
    assert group is not None and journal.group is not None and journal.group.id == group.id
    assert journal.title_label.text() == f"{group.name} — {group.program_name}"
    assert not journal.empty_button.isVisible()


def test_a_failed_first_sync_says_why_and_offers_it_again(
    qtbot, workspace, portal, portal_db, demo_provider_id
):
    from pfdo_portal.admin import issue_code

    workspace.enrol(portal.url, issue_code(portal_db, demo_provider_id))
    portal.stop()
    window = open_window(qtbot, workspace)
    journal = window.journal_panel
    with qtbot.waitSignal(window.synced, timeout=60_000):
        qtbot.mouseClick(journal.empty_button, Qt.MouseButton.LeftButton)
    assert journal.title_label.text() == "Групп пока нет"
    assert "Синхронизация не удалась:" in journal.empty_label.text()
    assert journal.empty_button.isVisible() and journal.empty_button.text() == "⟳ Синхронизировать"
