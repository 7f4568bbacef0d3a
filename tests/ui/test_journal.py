"""Marking the journal with the keyboard and the mouse, and what the operator sees."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from ui_helpers import click, free_cells, settle

from pfdo_desktop.ui.journal.model import OUTSIDE_BACKGROUND
from pfdo_desktop.ui.journal.panel import add_months


def test_mark_by_keyboard_then_sync_sends_every_mark_to_the_portal(
    qtbot, main_window, journal_panel, portal_db
):
    from pfdo_portal.admin import get_mark

    panel, model = journal_panel, journal_panel.model
    *cells, below = free_cells(panel, 5)  # four to mark and the child below them
    panel.table.setFocus()
    click(qtbot, panel.table, cells[0])
    rows = []
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Space, Qt.Key.Key_3):
        qtbot.keyClick(panel.table, key)
        rows.append(panel.table.currentIndex().row())

    assert [model.data(i) for i in cells] == ["+", "н", "+", "б"]
    # after each mark the cursor went down to the next child
    assert rows == [i.row() for i in [*cells[1:], below]]
    assert model.data(below) == ""
    qtbot.waitUntil(lambda: main_window.pending_label.text() == "Не отправлено: 4")

    sync_button = main_window.toolbar.widgetForAction(main_window.sync_action)
    with qtbot.waitSignal(main_window.synced, timeout=30_000):
        qtbot.mouseClick(sync_button, Qt.MouseButton.LeftButton)

    assert main_window.pending_label.text() == "Не отправлено: 0"
    assert main_window.message_label.text().startswith("Синхронизация завершена: отправлено 4")
    group_id = panel.group.id
    on_portal = []
    for index in cells:
        child = model.child_at(index.row())
        lesson = model.lesson_at(index.column())
        mark = get_mark(portal_db, group_id, child.child_id, lesson.lesson_date)
        on_portal.append(mark and mark["code"])
    assert on_portal == [1, 2, 1, 3]
    # the journal was re-read after the sync and still shows the marks
    assert [model.data(i) for i in cells] == ["+", "н", "+", "б"]


def held_absent_cell(panel):
    """An editable cell of a lesson already held (only those count in the totals), not «был»."""
    model = panel.model
    for col in range(model.lesson_count - 1, -1, -1):
        if not model.is_held(model.lesson_at(col).lesson_date):
            continue
        for row in range(model.child_count):
            index = model.index(row, col)
            if model.is_editable(index) and model.data(index) != "+":
                return index
    raise AssertionError("no cell of a held lesson without «был» in this month")


def test_delete_clears_a_mark_and_totals_follow(qtbot, main_window, journal_panel):
    panel, model = journal_panel, journal_panel.model
    cell = held_absent_cell(panel)
    totals_row = model.index(model.child_count, cell.column())
    totals_col = model.index(cell.row(), model.lesson_count)
    present_before = int(model.data(totals_row))
    child_before = model.data(totals_col)

    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    assert int(model.data(totals_row)) == present_before + 1
    assert model.data(totals_col) != child_before
    qtbot.waitUntil(lambda: main_window.pending_label.text() == "Не отправлено: 1")

    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert model.data(cell) == ""
    assert int(model.data(totals_row)) == present_before
    assert model.data(totals_col) == child_before


def test_double_click_cycles_and_context_menu_sets_a_code(qtbot, main_window, journal_panel):
    panel, model = journal_panel, journal_panel.model
    cell = free_cells(panel, 1)[0]

    def double_click():
        # QTest's double click alone skips the press an item view expects before it
        click(qtbot, panel.table, cell)
        qtbot.mouseDClick(
            panel.table.viewport(), Qt.MouseButton.LeftButton, pos=panel.table.visualRect(cell).center()
        )

    double_click()
    assert model.data(cell) == "+"
    double_click()
    assert model.data(cell) == "н"

    menu = panel.code_menu(cell)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[2].startswith("б") and "болел" in texts[2]
    assert texts[-1].startswith("Очистить")
    menu.actions()[3].trigger()  # «у»
    assert model.data(cell) == "у"
    qtbot.waitUntil(
        lambda: (
            main_window.workspace.journal_month(panel.group.id, panel.month).marks.get(
                (model.child_at(cell.row()).child_id, model.lesson_at(cell.column()).lesson_date)
            )
            == 4
        )
    )


def test_cells_outside_membership_are_grey_and_refuse_marks(
    qtbot, main_window, journal_panel, portal_db, demo_provider_id
):
    from pfdo_portal.admin import expel, provider_groups

    panel, model = journal_panel, journal_panel.model
    lessons = [model.lesson_at(c).lesson_date for c in range(model.lesson_count)]
    child = model.child_at(0)
    group = next(g for g in provider_groups(portal_db, demo_provider_id) if g["id"] == panel.group.id)
    membership = next(m for m in group["members"] if m["child_id"] == child.child_id)
    expel(portal_db, membership["id"], lessons[0])
    with qtbot.waitSignal(main_window.synced, timeout=30_000):
        main_window.start_sync()

    row = next(r for r in range(model.child_count) if model.child_at(r).child_id == child.child_id)
    cell = model.index(row, model.lesson_count - 1)
    assert not model.is_editable(cell)
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).color() == OUTSIDE_BACKGROUND
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    before = model.data(cell)

    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)

    assert model.data(cell) == before
    assert "не числился в группе" in main_window.message_label.text()
    assert main_window.pending_label.text() == "Не отправлено: 0"
    # the first lesson (the expulsion day) is still the child's: editable
    assert model.is_editable(model.index(row, 0))


def test_a_billed_month_is_shown_closed_and_refuses_marks_at_once(
    qtbot, main_window, journal_panel, portal_db, demo_provider_id
):
    """``lock-month`` on the portal reaches the open journal with the next sync: the month's cells
    cannot be changed, say why, and nothing is queued."""
    from pfdo_portal.admin import lock_month

    panel, model = journal_panel, journal_panel.model
    cell = free_cells(panel, 1)[0]
    day = model.lesson_at(cell.column()).lesson_date
    assert model.is_editable(cell)
    lock_month(portal_db, demo_provider_id, day.replace(day=1))
    with qtbot.waitSignal(main_window.synced, timeout=30_000):
        main_window.start_sync()
    qtbot.waitUntil(lambda: not model.is_editable(cell))  # the journal read itself again

    assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == "Месяц закрыт для оплаты: отметки не меняются"
    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)
    assert model.data(cell) == ""
    assert main_window.message_label.text() == (
        f"Месяц {day:%m.%Y} уже закрыт для оплаты: отметки за него не меняются. Если отметка неверна, "
        "обратитесь в уполномоченную организацию.")
    assert main_window.pending_label.text() == "Не отправлено: 0"


def test_refused_save_reverts_the_cell_and_shows_why(qtbot, main_window, journal_panel, monkeypatch):
    from pfdo_desktop.services.errors import NotAllowed

    panel, model = journal_panel, journal_panel.model
    cell = free_cells(panel, 1)[0]

    def refuse(*_args, **_kwargs):
        raise NotAllowed("Ребёнок не числится в группе на эту дату.")

    monkeypatch.setattr(main_window.workspace, "mark", refuse)
    panel.table.setFocus()
    click(qtbot, panel.table, cell)
    qtbot.keyClick(panel.table, Qt.Key.Key_2)
    assert model.data(cell) == "н"  # shown at once…
    qtbot.waitUntil(lambda: model.data(cell) == "")  # …and taken back when the save is refused
    assert main_window.message_label.text() == "Ребёнок не числится в группе на эту дату."
    assert main_window.pending_label.text() == "Не отправлено: 0"


def test_month_navigation_and_child_tooltip(qtbot, main_window, journal_panel):
    panel = journal_panel
    month = panel.month
    header_tip = panel.model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "Дата рождения:" in header_tip
    child = panel.model.child_at(0)
    assert f"{child.birth_date:%d.%m.%Y}" in header_tip
    if child.certificate_number:
        assert f"Сертификат № {child.certificate_number}" in header_tip

    qtbot.mouseClick(panel.prev_button, Qt.MouseButton.LeftButton)
    settle(qtbot)  # the month is read in the background
    assert panel.month == add_months(month, -1)
    assert panel.month_label.text().endswith(str(panel.month.year))
    if panel.model.lesson_count:
        assert all(
            panel.model.lesson_at(c).lesson_date.month == panel.month.month
            for c in range(panel.model.lesson_count)
        )
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.month == month


def test_default_month_is_clamped_into_the_group_dates(journal_panel):
    from dataclasses import replace

    from pfdo_desktop.ui.journal.panel import default_month

    group = journal_panel.group
    assert default_month(group, date(1999, 1, 15)) == group.date_from.replace(day=1)
    assert default_month(group, date(2999, 1, 15)) == group.date_to.replace(day=1)
    inside = replace(group, date_from=date(2020, 9, 1), date_to=date(2021, 5, 31))
    assert default_month(inside, date(2021, 3, 10)) == date(2021, 3, 1)
    assert journal_panel.model.index(0, 0).isValid()


def test_a_lesson_kept_off_schedule_is_flagged_in_its_column(qtbot, journal_panel, enrolled_workspace):
    """A lesson that left the schedule but has marks stays in the journal, flagged ⚠ with why."""
    from sqlalchemy import update

    from pfdo_desktop.models import Lesson

    panel = journal_panel
    lesson = panel.model.lesson_at(0)
    group_id = panel.model.journal.group.id
    with enrolled_workspace.db.write() as s:
        s.execute(update(Lesson).where(Lesson.group_id == group_id, Lesson.lesson_date == lesson.lesson_date)
                  .values(off_schedule=True))
    panel.reload()
    settle(qtbot)
    title = panel.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    tip = panel.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert title.startswith(f"{lesson.lesson_date:%d.%m} ⚠")
    assert "нет в новом расписании" in tip
    plain = panel.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert "⚠" not in plain


# --- future lessons and today's column (issue 10 §3), with a fixed «today» ---------------------------


def a_journal_with_lessons(workspace, at_least=4):
    """A month of a group with at least ``at_least`` lessons, a child who is a member at all of them
    and nothing marked yet on its first four lessons (the months to come of the demo district)."""
    for group in workspace.groups():
        month = group.date_from.replace(day=1)
        while month <= group.date_to:
            journal = workspace.journal_month(group.id, month)
            lessons = [lesson.lesson_date for lesson in journal.lessons]
            members = [c for c in journal.children if all(c.is_member_on(d) for d in lessons)]
            unmarked = not any(day in lessons[:4] for _child, day in journal.marks)
            if len(lessons) >= at_least and len(members) >= 2 and unmarked:
                return journal, members[0]
            month = add_months(month, 1)
    raise AssertionError("no group month with unmarked lessons in the demo district")


def test_future_marks_do_not_count_and_todays_column_is_marked(qtmodeltester, enrolled_workspace):
    from dataclasses import replace

    from pfdo_desktop.ui.journal.model import (
        TODAY_BACKGROUND,
        TODAY_HEADER_BACKGROUND,
        JournalModel,
    )

    journal, child = a_journal_with_lessons(enrolled_workspace)
    days = [lesson.lesson_date for lesson in journal.lessons]
    today = days[1]  # two lessons held (the first and today's), the rest to come
    marks = {
        (child.child_id, days[0]): 1,  # был
        (child.child_id, days[1]): 2,  # не был (today)
        (child.child_id, days[2]): 1,  # «был» put on a future lesson by mistake
        (child.child_id, days[3]): 4,  # an excused absence known in advance
    }
    model = JournalModel(today=lambda: today)
    model.set_journal(replace(journal, marks={**journal.marks, **marks}))
    qtmodeltester.check(model, force_py=True)
    row = next(r for r in range(model.child_count) if model.child_at(r).child_id == child.child_id)
    totals = model.index(row, model.lesson_count)
    assert model.data(totals) == "1 / 2"  # «Итого»: present at 1 of the 2 lessons held so far
    assert model.present_count(child) == (1, 2)
    assert model.data(model.index(row, 3)) == "у"  # the future mark is shown …
    present_row = model.child_count
    for column, day in enumerate(days):
        shown = model.data(model.index(present_row, column))
        if day > today:  # … and «Присутствовали» is blank under a future lesson
            assert shown == ""
            tip = model.data(model.index(present_row, column), Qt.ItemDataRole.ToolTipRole)
            assert "ещё не прошло" in tip
        else:
            assert shown.isdigit()
    assert model.data(model.index(present_row, 2)) == ""
    # today's column: «сегодня» in a highlighted header, its empty cells tinted
    header = model.headerData(1, Qt.Orientation.Horizontal)
    assert header == f"{today:%d.%m}\nсегодня"
    assert "сегодня" not in model.headerData(0, Qt.Orientation.Horizontal)
    assert (
        model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole).color()
        == TODAY_HEADER_BACKGROUND
    )
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.BackgroundRole) is None
    empty_today = next(  # a child without marks who was a member at the first lesson too
        model.index(r, 1)
        for r in range(model.child_count)
        if all(model.data(model.index(r, c)) == "" and model.is_editable(model.index(r, c)) for c in (0, 1))
    )
    assert model.data(empty_today, Qt.ItemDataRole.BackgroundRole).color() == TODAY_BACKGROUND
    # the same child's empty cell of the earlier lesson is not tinted
    assert model.data(model.index(empty_today.row(), 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "будущее занятие" in model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    # the day after the last lesson: every mark counts
    later = JournalModel(today=lambda: days[-1] + timedelta(days=1))
    later.set_journal(replace(journal, marks={**journal.marks, **marks}))
    assert later.present_count(child) == (
        sum(1 for d in days if {**journal.marks, **marks}.get((child.child_id, d)) == 1),
        len(days),
    )


def test_the_journal_view_marks_today_and_leaves_the_future_out_of_the_totals(qtbot, enrolled_workspace):
    """The panel with a fixed today: it opens on today's month, today's column is tinted on screen,
    and a mark put on a future lesson changes neither «Итого» nor «Присутствовали»."""
    from PySide6.QtGui import QColor

    from pfdo_desktop.ui.journal.model import TODAY_BACKGROUND
    from pfdo_desktop.ui.journal.panel import JournalPanel

    journal, child = a_journal_with_lessons(enrolled_workspace)
    days = [lesson.lesson_date for lesson in journal.lessons]
    today = days[1]
    panel = JournalPanel(today=lambda: today)
    qtbot.addWidget(panel)
    panel.set_workspace(enrolled_workspace)
    panel.resize(1200, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_group(journal.group)  # no month given: today's
    settle(qtbot)  # the month is read in the background
    model = panel.model
    assert panel.month == today.replace(day=1)
    header = panel.table.horizontalHeader()
    assert "сегодня" in model.headerData(1, Qt.Orientation.Horizontal)
    assert header.sectionSize(1) > header.sectionSize(0)  # room for «сегодня»

    row = next(r for r in range(model.child_count) if model.child_at(r).child_id == child.child_id)
    future = model.index(row, 3)
    totals = model.index(row, model.lesson_count)
    present_row = model.index(model.child_count, 3)
    before = model.data(totals)
    assert model.data(present_row) == ""
    panel.table.setFocus()
    click(qtbot, panel.table, future)
    qtbot.keyClick(panel.table, Qt.Key.Key_1)  # «был» on a future lesson (allowed, not counted)
    assert model.data(future) == "+"
    assert model.data(totals) == before and model.data(present_row) == ""
    qtbot.waitUntil(
        lambda: enrolled_workspace.journal_month(journal.group.id, panel.month).marks.get(
            (child.child_id, days[3])
        )
        == 1
    )

    # on screen: an empty cell of today's column is tinted, the same cell a column earlier is not
    empty = next(
        r
        for r in range(model.child_count)
        if model.data(model.index(r, 1)) == "" and model.data(model.index(r, 0)) == ""
        and model.is_editable(model.index(r, 1)) and model.is_editable(model.index(r, 0))
    )
    panel.table.setCurrentIndex(model.index(model.child_count, model.lesson_count))  # the cursor away
    image = panel.table.viewport().grab().toImage()
    today_cell = panel.table.visualRect(model.index(empty, 1)).center()
    earlier_cell = panel.table.visualRect(model.index(empty, 0)).center()
    assert QColor(image.pixel(today_cell)) == TODAY_BACKGROUND
    assert QColor(image.pixel(earlier_cell)) != TODAY_BACKGROUND


def test_todays_lesson_counts_once_somebody_is_marked_at_it(qtbot, qtmodeltester, enrolled_workspace):
    """At 9 a.m. an evening lesson has not happened: «Присутствовали» is blank and nobody's «Итого»
    counts it; the first mark makes it held for everybody at once (the view is told)."""
    from dataclasses import replace

    from pfdo_desktop.ui.journal.model import JournalModel

    journal, child = a_journal_with_lessons(enrolled_workspace)
    days = [lesson.lesson_date for lesson in journal.lessons]
    today = days[1]
    marks = {k: v for k, v in journal.marks.items() if k[1] != today}  # nobody marked yet today
    marks[(child.child_id, days[0])] = 1
    model = JournalModel(today=lambda: today)
    model.set_journal(replace(journal, marks=marks))
    qtmodeltester.check(model, force_py=True)
    present_row = model.child_count
    row = next(r for r in range(model.child_count) if model.child_at(r).child_id == child.child_id)
    assert model.data(model.index(present_row, 1)) == ""  # not «0 were present»
    assert model.present_count(child) == (1, 1)
    assert model.data(model.index(row, model.lesson_count)) == "1 / 1"
    with qtbot.waitSignals([model.dataChanged] * 4, timeout=1000):
        model.set_code(child.child_id, today, 1)
    assert model.present_count(child) == (2, 2)
    assert model.data(model.index(present_row, 1)) == "1"
    other = next(c for c in journal.children if c.child_id != child.child_id and c.is_member_on(today))
    assert model.present_count(other)[1] == sum(1 for d in days[:2] if other.is_member_on(d))
    model.set_code(child.child_id, today, None)  # the only mark cleared: not held again
    assert model.data(model.index(present_row, 1)) == ""
    assert model.present_count(child) == (1, 1)
