"""«Тема занятия…» (КТП, issue 16) in the journal, driven like an operator: the lesson column header's
menu asks the theme in a small dialog, the header's tooltip then shows it, the change waits to be
sent, and the dialog opened again shows the theme to edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import settle, type_text

from pfdo_desktop.ui.journal.lesson_dialogs import LessonThemeDialog


def _action(menu, text: str):
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def _tooltip(model, col: int) -> str:
    return model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_a_theme_set_from_the_header_menu_shows_in_the_columns_tooltip(qtbot, main_window, journal_panel):
    panel, model = journal_panel, journal_panel.model
    col = model.lesson_count - 1
    day = model.lesson_at(col).lesson_date
    menu = panel.lesson_menu(col)
    assert [a.text() for a in menu.actions()][:2] == ["Тема занятия…", ""]  # then the lesson's states

    _action(menu, "Тема занятия…").trigger()
    dialog = panel.lesson_dialog
    assert isinstance(dialog, LessonThemeDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Тема занятия"
    assert f"{day:%d.%m.%Y}" in dialog.question_label.text()
    assert dialog.theme_edit.text() == "" and dialog.theme_edit.maxLength() == 500
    type_text(dialog.theme_edit, "Введение. Техника безопасности")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: "Введение. Техника безопасности" in _tooltip(model, col))
    assert _tooltip(model, col).startswith(f"{day:%d.%m.%Y}")
    qtbot.waitUntil(lambda: main_window.pending_label.text() == "Не отправлено: 1")

    # Opened again, the dialog shows the theme; an emptied theme clears it.
    _action(panel.lesson_menu(col), "Тема занятия…").trigger()
    again = panel.lesson_dialog
    assert isinstance(again, LessonThemeDialog)
    assert again.theme_edit.text() == "Введение. Техника безопасности"
    again.theme_edit.clear()
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: "Введение" not in _tooltip(model, col))
    assert main_window.pending_label.text() == "Не отправлено: 1"  # the one op, replaced
