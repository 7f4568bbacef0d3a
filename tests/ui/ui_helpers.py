"""Helpers shared by the UI tests: find cells to mark, click like a person."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pfdo_desktop.ui.journal.model import CodeRole


def free_cells(panel, count: int):
    """``count`` consecutive children with editable, empty cells in one lesson column."""
    model = panel.model
    for col in range(model.lesson_count - 1, -1, -1):
        run = []
        for row in range(model.child_count):
            index = model.index(row, col)
            if model.is_editable(index) and model.data(index, CodeRole) is None:
                run.append(index)
                if len(run) == count:
                    return run
            else:
                run = []
    raise AssertionError("no free column in this month")


def click(qtbot, table, index, button=Qt.MouseButton.LeftButton):
    qtbot.mouseClick(table.viewport(), button, pos=table.visualRect(index).center())


def type_text(widget, text):
    """Type like a person, one key event per character (QTest.keyClicks takes ASCII only)."""
    widget.setFocus()
    for ch in text:
        key = Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))


def settle(qtbot, timeout=10_000):
    """Wait until every background read and write has landed (a card, a month, the catalogue)."""
    from pfdo_desktop.ui.tasks import idle

    qtbot.waitUntil(idle, timeout=timeout)
