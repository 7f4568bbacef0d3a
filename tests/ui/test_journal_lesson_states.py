"""The journal's lesson states (issue 12), driven like an operator: the lesson column header's menu
«Занятие не проведено по вине исполнителя…» asks the reason, the column is then struck through and
greyed, says why, and its cells refuse marks; «Занятие проведено» brings it back; «Перенести занятие
на…» asks the date and the lesson shows on its new date."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from ui_helpers import click, settle, type_text

from pfdo_desktop.ui.journal.lesson_dialogs import CancelLessonDialog, MoveLessonDialog


def _unmarked_column(qtbot, panel) -> int:
    """A lesson column of the shown month (or one of the next ones) without any mark, not billed."""
    model = panel.model
    for _ in range(4):
        for col in range(model.lesson_count - 1, -1, -1):
            lesson = model.lesson_at(col)
            if model.is_billed(lesson.lesson_date) or lesson.cancelled or lesson.moved_from:
                continue
            if all(model.code_of(model.child_at(r).child_id, lesson.lesson_date) is None
                   for r in range(model.child_count)) and any(
                       model.is_editable(model.index(r, col)) for r in range(model.child_count)):
                return col
        panel.on_next_button_clicked()
        settle(qtbot)
    raise AssertionError("no unmarked lesson in the next months")


def _action(menu, text: str):
    [action] = [a for a in menu.actions() if a.text() == text]
    return action


def _column_of(model, day: date) -> int:
    return next((c for c in range(model.lesson_count) if model.lesson_at(c).lesson_date == day), -1)


def test_a_lesson_cancelled_from_the_header_menu_is_struck_and_refuses_marks(
        qtbot, main_window, journal_panel):
    panel, model = journal_panel, journal_panel.model
    col = _unmarked_column(qtbot, panel)
    day = model.lesson_at(col).lesson_date
    menu = panel.lesson_menu(col)
    assert [a.text() for a in menu.actions()] == [
        "Тема занятия…", "", "Занятие не проведено по вине исполнителя…", "Перенести занятие на…",
        "Занятие проведено"]
    assert not _action(menu, "Занятие проведено").isEnabled()  # it is held already

    _action(menu, "Занятие не проведено по вине исполнителя…").trigger()
    dialog = panel.lesson_dialog
    assert isinstance(dialog, CancelLessonDialog) and dialog.isVisible()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason yet: asked for one
    assert dialog.isVisible()
    assert dialog.problem_label.text() == "Укажите причину, по которой занятие не проведено."
    type_text(dialog.reason_edit, "болезнь педагога")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: model.lesson_at(_column_of(model, day)).cancelled)

    col = _column_of(model, day)
    assert model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.FontRole).strikeOut()
    tip = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"{day:%d.%m.%Y}")
    assert tip.endswith("Занятие не проведено по вине исполнителя: болезнь педагога")
    row = next(r for r in range(model.child_count) if model.child_at(r).is_member_on(day))
    cell = model.index(row, col)
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == (
        "Занятие не проведено по вине исполнителя: болезнь педагога — отметки на нём не ставятся")
    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    assert model.data(cell) == ""
    assert main_window.message_label.text().startswith(
        f"Занятие {day:%d.%m.%Y} не проведено по вине исполнителя: отметки на нём не ставятся.")
    qtbot.waitUntil(lambda: main_window.pending_label.text() == "Не отправлено: 1")  # the state, no mark

    # «Занятие проведено»: a plain lesson again, its cells take marks.
    _action(panel.lesson_menu(col), "Занятие проведено").trigger()
    settle(qtbot)
    qtbot.waitUntil(lambda: not model.lesson_at(_column_of(model, day)).cancelled)
    assert model.flags(model.index(row, _column_of(model, day))) & Qt.ItemFlag.ItemIsEditable


def test_a_lesson_moved_from_the_header_menu_shows_on_its_new_date(qtbot, main_window, journal_panel):
    panel, model = journal_panel, journal_panel.model
    col = _unmarked_column(qtbot, panel)
    day = model.lesson_at(col).lesson_date
    taken = {model.lesson_at(c).lesson_date for c in range(model.lesson_count)}
    new_day = next(d for d in (day + timedelta(days=i) for i in (1, 2, 3, -1, -2, -3))
                   if d not in taken and d.month == day.month
                   and model.journal.group.date_from <= d <= model.journal.group.date_to)

    _action(panel.lesson_menu(col), "Перенести занятие на…").trigger()
    dialog = panel.lesson_dialog
    assert isinstance(dialog, MoveLessonDialog)
    type_text(dialog.date_edit, f"{new_day:%d%m%Y}")
    type_text(dialog.reason_edit, "зал занят")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.waitUntil(lambda: _column_of(model, new_day) >= 0)

    assert _column_of(model, day) == -1  # not on its own date any more
    moved = model.lesson_at(_column_of(model, new_day))
    assert moved.moved_from == day
    assert model.headerData(_column_of(model, new_day), Qt.Orientation.Horizontal,
                            Qt.ItemDataRole.ToolTipRole).endswith(
        f"Занятие перенесено с {day:%d.%m.%Y}: зал занят")
    assert "↷" in model.headerData(_column_of(model, new_day), Qt.Orientation.Horizontal)
    row = next(r for r in range(model.child_count) if model.child_at(r).is_member_on(new_day))
    cell = model.index(row, _column_of(model, new_day))
    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    settle(qtbot)
    assert model.data(cell) == "+"
    assert main_window.message_label.text() == "" or "нет занятия" not in main_window.message_label.text()
