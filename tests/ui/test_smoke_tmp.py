def test_window_opens(main_window, journal_panel, qtbot):
    panel = journal_panel
    print(main_window.windowTitle(), panel.month, panel.model.child_count, panel.model.lesson_count)
    print(main_window.pending_label.text(), main_window.last_sync_label.text())
