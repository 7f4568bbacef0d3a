"""UI fixtures: the real main window on a real (enrolled, synced) workspace."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pfdo_desktop.ui.tasks import idle, wait_for_all


@pytest.fixture(autouse=True)
def _main_thread_gc(qapp) -> Iterator[None]:
    """As in the app: cycles are collected on the UI thread only, never by a worker thread."""
    from pfdo_desktop.ui.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector(qapp)
    yield
    wait_for_all(30_000)
    collector.stop()  # the last collection of this test's Qt garbage, here on the UI thread
    collector.deleteLater()
    # What survived is the session's (modules, pytest's items, caches): set it aside, so the next
    # test's full collection walks only what that test made, not the whole grown heap (a full
    # collection over it took ≈ 2 s a test late in a run).
    gc.freeze()


@pytest.fixture(autouse=True)
def _russian_ui() -> Iterator[None]:
    """Tests read the Russian UI; a test switching to English switches back here."""
    from PySide6.QtWidgets import QApplication

    from pfdo_desktop.ui.i18n import install_translator

    yield
    app = QApplication.instance()
    if app is not None:
        install_translator(app, "ru")


@pytest.fixture
def main_window(qtbot, enrolled_workspace):
    """The main window on the demo provider's freshly synced workspace."""
    from pfdo_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_workspace(enrolled_workspace)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(idle)  # what the window reads in the background is on screen
    yield window
    if window.sync_task is not None and window.sync_task.running:
        window.sync_task.cancel()
    wait_for_all(30_000)


@pytest.fixture
def journal_panel(qtbot, main_window):
    """The journal of the first group whose default month has lessons and children."""
    from ui_helpers import settle

    window = main_window
    panel = window.journal_panel
    groups = window.groups_panel
    for row in range(groups.model.rowCount()):
        groups.table.selectRow(row)
        settle(qtbot)  # the month is read in the background
        if panel.model.lesson_count and panel.model.child_count:
            return panel
    raise AssertionError("no group with lessons in its default month")
