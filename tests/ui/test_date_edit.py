"""The one date field of every form (issue 10 §3): digits laid out as ДД.ММ.ГГГГ, a placeholder, a
calendar, and what is wrong with an unfinished or impossible date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from pfdo_desktop.ui.widgets.date_edit import (
    EMPTY,
    INVALID,
    OK,
    PARTIAL,
    TOO_EARLY,
    TOO_LATE,
    DateEdit,
    layout_date_text,
)


@pytest.mark.parametrize(
    ("raw", "laid"),
    [
        ("0", "0"),
        ("01", "01"),
        ("010", "01.0"),
        ("0101", "01.01"),
        ("01012", "01.01.2"),
        ("01012015", "01.01.2015"),
        ("010120159", "01.01.2015"),  # a fifth digit of the year is dropped
        ("01.", "01."),
        ("1.1.2015", "1.1.2015"),
        ("01/01/2015", "01.01.2015"),
        ("01-01-2015", "01.01.2015"),
        ("2015-01-31", "31.01.2015"),  # pasted ISO
        ("", ""),
    ],
)
def test_digits_are_laid_out_as_they_are_typed(raw, laid):
    assert layout_date_text(raw) == (laid, len(laid))


def test_letters_are_refused_and_the_cursor_keeps_its_digit():
    assert layout_date_text("01.0a") is None
    assert layout_date_text("0101", 2) == ("01.01", 2)  # a dot deleted comes back; the cursor stays
    assert layout_date_text("01.01", 3) == ("01.01", 3)


@pytest.fixture
def form(qtbot):
    page = QWidget()
    layout = QVBoxLayout(page)
    edit = DateEdit(minimum=date(2020, 1, 1), maximum=date(2030, 12, 31))
    after = QLineEdit()
    layout.addWidget(edit)
    layout.addWidget(after)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    page.windowHandle().requestActivate()
    qtbot.waitUntil(page.isActiveWindow)
    edit.page = page  # keeps the window (and so its fields) alive for the test
    return edit, after


@pytest.mark.parametrize(
    ("typed", "state", "value", "message"),
    [
        ("", EMPTY, None, ""),
        ("0109", PARTIAL, None, "не полностью"),
        ("01.09.26", PARTIAL, None, "не полностью"),
        ("30022026", INVALID, None, "Такой даты нет: 30.02.2026"),
        ("01131026", INVALID, None, "Такой даты нет"),
        ("31122019", TOO_EARLY, None, "раньше 01.01.2020"),
        ("01012031", TOO_LATE, None, "позже 31.12.2030"),
        ("1.9.2026", OK, date(2026, 9, 1), ""),
    ],
)
def test_the_value_and_the_message(qtbot, form, typed, state, value, message):
    edit, after = form
    edit.setFocus()
    with qtbot.assertNotEmitted(edit.dateChanged) if value is None else qtbot.waitSignal(edit.dateChanged):
        qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert after.hasFocus()  # Tab moves on, whatever was typed
    assert edit.state() == state and edit.date() == value
    assert message in edit.problem() and bool(message) == bool(edit.problem())
    assert edit.toolTip() == edit.problem()
    if value is not None:
        assert edit.text() == f"{value:%d.%m.%Y}"  # «1.9.2026» written out when the field is left


def test_a_placeholder_not_a_mask_and_set_date(qtbot, form):
    edit, _after = form
    assert edit.text() == "" and edit.placeholderText() == "ДД.ММ.ГГГГ"
    with qtbot.waitSignal(edit.dateChanged) as signal:
        edit.setDate(date(2026, 3, 5))
    assert signal.args == [date(2026, 3, 5)] and edit.text() == "05.03.2026"
    edit.setDate(QDate(2027, 1, 2))  # what the callers of QDateEdit passed
    assert edit.date() == date(2027, 1, 2)
    with qtbot.waitSignal(edit.dateChanged) as signal:
        edit.setDate(None)
    assert signal.args == [None] and edit.text() == ""


def test_a_pasted_iso_date_reads_as_a_date(qtbot, form):
    edit, _after = form
    QGuiApplication.clipboard().setText("2026-02-03")
    edit.setFocus()
    edit.paste()
    assert edit.text() == "03.02.2026" and edit.date() == date(2026, 2, 3)


def test_the_calendar_opens_on_the_date_and_a_click_fills_the_field(qtbot, form):
    edit, _after = form
    edit.setDate(date(2026, 9, 1))
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    calendar = edit.calendar
    assert calendar is not None and edit.popup is not None and edit.popup.isVisible()
    assert calendar.selectedDate() == QDate(2026, 9, 1)
    assert calendar.minimumDate() == QDate(2020, 1, 1) and calendar.maximumDate() == QDate(2030, 12, 31)
    with qtbot.waitSignal(edit.dateChanged) as signal:
        calendar.clicked.emit(QDate(2026, 9, 15))
    assert signal.args == [date(2026, 9, 15)] and edit.text() == "15.09.2026"
    assert not edit.popup.isVisible()

    edit.clear()
    edit.set_calendar_start(date(2025, 5, 1))
    calendar = edit.show_calendar()
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 5)  # an empty field: the start
    edit.popup.hide()
    edit.setReadOnly(True)
    assert not edit.calendar_action.isEnabled()
