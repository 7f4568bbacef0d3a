"""«Программы»: the catalogue with its filters and counts, the card editor (fill, an invalid field
refused and focused with its message, save a draft, submit → program.submit), a card under
moderation read-only, a returned card's comment, a conflict with the portal, a group's schedule."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import select
from ui_helpers import settle, type_text

from pfdo_desktop.domain.catalog import DIRECTIONS
from pfdo_desktop.models import OutboxOp
from pfdo_desktop.services import programs as svc
from pfdo_desktop.ui.programs.editor import TAB_GROUPS, TAB_MAIN, TAB_MODULES, ProgramEditorDialog
from pfdo_desktop.ui.programs.model import (
    COL_AGES,
    COL_STATUS,
    GCOL_PROBLEM,
    MCOL_PROBLEM,
    GroupsTableModel,
    ModulesTableModel,
    ProgramsTableModel,
    RowRole,
)
from pfdo_desktop.ui.programs.texts import schedule_text
from pfdo_desktop.ui.tasks import wait_for_all


def shown(panel):
    return [panel.model.data(panel.model.index(r, 0), RowRole) for r in range(panel.model.rowCount())]


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)




def outbox(workspace, kind):
    with workspace.db.read() as s:
        return list(s.scalars(select(OutboxOp).where(OutboxOp.kind == kind)))


def open_programs(window):
    window.tabs.setCurrentIndex(window.programs_tab)
    return window.programs_panel


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def has_focus(dialog, widget):
    focused = dialog.focusWidget()
    return focused is widget or (focused is not None and widget.isAncestorOf(focused))


def open_editor(qtbot, panel, key):
    """«Редактировать…» of ``key``: the card is read in the background, then the editor opens."""
    panel.open_editor(key)
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ProgramEditorDialog))
    return panel.dialog


def wait_task(qtbot, task):
    """The write is done, and what the screens read again because of it is on screen."""
    assert task is not None
    qtbot.waitUntil(lambda: not task.running)
    settle(qtbot)


def test_ctrl_4_opens_the_catalogue_with_counts_per_direction(qtbot, main_window):
    window = main_window
    assert window.tabs.tabText(window.programs_tab) == "Программы"
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.programs_tab
    panel = window.programs_panel
    everyone = shown(panel)
    assert len(everyone) >= 5
    assert panel.count_label.text() == f"Программ: {len(everyone)}"
    combo = panel.direction_combo
    assert combo.itemText(0) == f"Все направленности ({len(everyone)})"
    for i in range(1, combo.count()):
        code = combo.itemData(i)
        count = sum(1 for r in everyone if r.direction == code)
        assert combo.itemText(i) == f"{DIRECTIONS[code]} ({count})"
    assert "техническая (" in combo.itemText(1)
    first = everyone[0]
    assert cell(panel.model, 0, COL_AGES) == f"{first.age_from_years}–{first.age_to_years} лет"
    assert cell(panel.model, 0, COL_STATUS) == "опубликована"
    # the card beside the list: every part of it
    panel.table.selectRow(0)
    settle(qtbot)  # the card is read in the background
    text = panel.card.toPlainText()
    assert first.name in text and "Модули" in text
    view = svc.open_card(window.workspace.db, first.key)
    group = view.card.modules[0].groups[0]
    assert group.name in text and group.teacher in text
    assert schedule_text(group) in text  # «пн 14:30–15:15, каб. 205; …»


def test_filters_narrow_the_list(qtbot, main_window):
    panel = open_programs(main_window)
    everyone = shown(panel)

    choose(panel.direction_combo, "technical")
    settle(qtbot)
    technical = shown(panel)
    assert 0 < len(technical) < len(everyone)
    assert {r.direction for r in technical} == {"technical"}
    assert panel.count_label.text() == f"Программ: {len(technical)} из {len(everyone)}"
    choose(panel.direction_combo, None)
    settle(qtbot)

    panel.age_spin.setValue(16)
    settle(qtbot)
    for_16 = shown(panel)
    assert 0 < len(for_16) < len(everyone)
    assert all(r.age_from_years <= 16 <= r.age_to_years for r in for_16)
    # the counts per direction follow the other filters
    combo = panel.direction_combo
    assert combo.itemText(0) == f"Все направленности ({len(for_16)})"
    natural = sum(1 for r in for_16 if r.direction == "natural_science")
    assert combo.itemText(combo.findData("natural_science")) == f"естественнонаучная ({natural})"
    panel.age_spin.setValue(panel.age_spin.minimum())
    settle(qtbot)
    assert panel.age_spin.text() == "любого"
    assert len(shown(panel)) == len(everyone)

    choose(panel.registry_combo, "certified")
    settle(qtbot)
    certified = shown(panel)
    assert 0 < len(certified) < len(everyone) and {r.registry for r in certified} == {"certified"}
    choose(panel.registry_combo, None)
    settle(qtbot)

    teacher = panel.teacher_combo.itemData(1)
    choose(panel.teacher_combo, teacher)
    settle(qtbot)
    taught = shown(panel)
    assert 0 < len(taught) < len(everyone)
    choose(panel.teacher_combo, None)
    settle(qtbot)

    choose(panel.status_combo, "moderation")
    settle(qtbot)
    assert shown(panel) == []
    assert panel.count_label.text() == "Программ: 0"
    choose(panel.status_combo, None)
    settle(qtbot)

    type_text(panel.text_edit, "эколог")
    assert panel.filter_timer.isActive()  # typing never waits for the search
    qtbot.waitUntil(lambda: not panel.filter_timer.isActive())
    settle(qtbot)
    found = shown(panel)
    assert len(found) == 1 and "эколог" in found[0].name.lower()
    assert panel.card.view is not None and panel.card.view.key == found[0].key  # the only one: opened


def fill_new_card(dialog):
    dialog.main_tab.name_edit.setText("Шахматная школа")
    dialog.main_tab.on_field_edited("name")
    dialog.main_tab.short_name_edit.setText("Шахматы")
    dialog.main_tab.on_field_edited("short_name")
    choose(dialog.main_tab.direction_combo, "social")
    choose(dialog.main_tab.registry_combo, "general")
    dialog.main_tab.teachers_editor.set_values(["Петров Пётр Петрович"])
    dialog.main_tab.on_field_edited("teachers")


def test_editor_refuses_an_invalid_card_focuses_it_saves_a_draft_and_submits(qtbot, main_window):
    window = main_window
    workspace = window.workspace
    panel = open_programs(window)
    dialog = panel.on_new_button_clicked()
    assert isinstance(dialog, ProgramEditorDialog) and dialog.isVisible()
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Основное", "Модули", "Группы"]
    fill_new_card(dialog)
    dialog.main_tab.age_from_spin.setValue(12)
    dialog.main_tab.age_to_spin.setValue(9)  # from > to
    # live: the message stands under the ages as soon as they are touched
    assert dialog.main_tab.error_labels["age_to_years"].isVisible()
    assert "меньше возраста «от»" in dialog.main_tab.error_labels["age_to_years"].text()
    dialog.tabs.setCurrentIndex(TAB_MODULES)
    dialog.modules_tab.modules_table.selectRow(0)
    dialog.modules_tab.hours_spin.setValue(0)  # hours 0
    assert "больше нуля" in dialog.modules_tab.module_labels["hours"].text()
    assert "больше нуля" in cell(dialog.modules_tab.modules_model, 0, MCOL_PROBLEM)  # next to the row, too

    assert dialog.submit() is None  # refused: nothing is written
    assert dialog.tabs.currentIndex() == TAB_MAIN
    assert has_focus(dialog, dialog.main_tab.age_to_spin)
    assert "исправьте замечания (2)" in dialog.message_label.text()
    assert (
        dialog.tabs.tabText(TAB_MAIN) == "Основное (1)" and dialog.tabs.tabText(TAB_MODULES) == "Модули (1)"
    )

    dialog.main_tab.age_from_spin.setValue(7)
    dialog.main_tab.age_to_spin.setValue(11)
    assert not dialog.main_tab.error_labels["age_to_years"].isVisible()
    assert dialog.submit() is None
    assert dialog.tabs.currentIndex() == TAB_MODULES  # the next bad field: its tab and row
    assert has_focus(dialog, dialog.modules_tab.hours_spin)
    assert dialog.modules_tab.module_labels["hours"].isVisible()
    assert outbox(workspace, "program.submit") == []

    # «Сохранить черновик» keeps the unfinished card
    wait_task(qtbot, dialog.save_draft())
    assert dialog.key.startswith("d:")
    assert "Черновик сохранён" in dialog.message_label.text()
    row = next(r for r in shown(panel) if r.key == dialog.key)
    assert row.name == "Шахматная школа" and row.age_from_years == 7 and row.age_to_years == 11
    assert svc.open_card(workspace.db, dialog.key).card.modules[0].hours == 0
    assert outbox(workspace, "program.submit") == []

    dialog.modules_tab.hours_spin.setValue(72)
    wait_task(qtbot, dialog.submit())
    qtbot.waitUntil(lambda: panel.dialog is None)  # closed (and deleted)
    settle(qtbot)
    ops = outbox(workspace, "program.submit")
    assert len(ops) == 1
    card = ops[0].payload["card"]
    assert card["name"] == "Шахматная школа"
    assert (card["age_from_months"], card["age_to_months"]) == (7 * 12, 12 * 12 - 1)  # months on the wire
    assert card["modules"][0]["hours"] == 72
    assert panel.dialog is None
    assert "отправлена на модерацию" in panel.message_label.text()
    row = next(r for r in shown(panel) if r.name == "Шахматная школа")
    assert (
        row.status == "moderation"
        and cell(panel.model, shown(panel).index(row), COL_STATUS) == "на модерации"
    )
    pending = workspace.status().pending_ops
    qtbot.waitUntil(lambda: window.pending_label.text() == f"Не отправлено: {pending}")

    # under moderation: read-only, with the reason at the top
    moderated = open_editor(qtbot, panel, row.key)
    assert not moderated.editable
    assert moderated.banner.isVisible()
    assert moderated.banner_label.text() == svc.UNDER_MODERATION_RU
    assert moderated.main_tab.name_edit.isReadOnly()
    assert not moderated.main_tab.direction_combo.isEnabled()
    assert not moderated.modules_tab.hours_spin.isEnabled()
    assert not moderated.save_button.isEnabled() and not moderated.submit_button.isEnabled()
    assert not moderated.modules_tab.add_module_button.isEnabled()
    assert panel.edit_button.text() == "Открыть…"
    moderated.reject()  # nothing to lose: closes at once
    assert not moderated.isVisible()


def test_returned_card_shows_the_comment_and_a_conflict_shows_the_portal_version(
    qtbot, main_window, portal_db
):
    from pfdo_portal.admin import edit_program, return_program

    window = main_window
    db = window.workspace.db
    panel = open_programs(window)
    # a card submitted and returned by the moderator (round trip through the real portal)
    eco = next(r for r in shown(panel) if "эколог" in r.name.lower())
    dialog = open_editor(qtbot, panel, eco.key)
    dialog.main_tab.annotation_edit.setPlainText("Наблюдаем за природой родного края.")
    wait_task(qtbot, dialog.submit())
    qtbot.waitUntil(lambda: panel.dialog is None)  # closed (and deleted)
    task = window.start_sync()
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    settle(qtbot)
    return_program(portal_db, eco.program_id, "Уточните возраст")
    task = window.start_sync()
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    settle(qtbot)
    row = next(r for r in shown(panel) if r.key == eco.key)
    assert cell(panel.model, shown(panel).index(row), COL_STATUS) == "на доработке: Уточните возраст"
    returned = open_editor(qtbot, panel, eco.key)
    assert returned.editable and returned.banner.isVisible()
    assert "Уточните возраст" in returned.banner_label.text()
    assert returned.main_tab.annotation_edit.toPlainText() == "Наблюдаем за природой родного края."
    returned.reject()

    # a card edited on the portal while a local draft exists: the draft is kept, both are shown
    other = next(r for r in shown(panel) if r.key != eco.key and r.status == "published")
    draft = open_editor(qtbot, panel, other.key)
    draft.main_tab.short_name_edit.setText("Мой вариант")
    draft.main_tab.on_field_edited("short_name")
    wait_task(qtbot, draft.save_draft())
    draft.reject()
    draft.reject()
    edit_program(portal_db, other.program_id, short_name="Версия портала")
    task = window.start_sync()
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)
    settle(qtbot)
    conflict = open_editor(qtbot, panel, other.key)
    assert conflict.banner.isVisible() and "изменена на портале" in conflict.banner_label.text()
    assert conflict.main_tab.short_name_edit.text() == "Мой вариант"  # the draft is kept
    conflict.compare_button.click()
    assert conflict.conflict_table.isVisible()
    table = conflict.conflict_table
    rows = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    assert rows["Краткое название"] == ("Мой вариант", "Версия портала")
    assert conflict.submit() is None  # decide first
    assert "Сначала решите расхождение" in conflict.message_label.text()
    wait_task(qtbot, conflict.resolve_conflict(keep_draft=True))
    assert not conflict.banner.isVisible()  # decided: a plain draft, nothing to warn about
    assert conflict.main_tab.short_name_edit.text() == "Мой вариант"
    assert svc.open_card(db, other.key).conflict_card is None


def test_group_schedule_is_validated_next_to_its_row_and_saved_as_a_command(qtbot, main_window):
    window = main_window
    workspace = window.workspace
    panel = open_programs(window)
    program = shown(panel)[0]
    dialog = open_editor(qtbot, panel, program.key)
    dialog.tabs.setCurrentIndex(TAB_GROUPS)
    assert dialog.groups_tab.groups_model.rowCount() >= 1
    dialog.groups_tab.groups_table.selectRow(0)
    before = len(dialog.groups_tab.schedule.slot_rows)
    dialog.groups_tab.schedule.on_add_slot_button_clicked()
    slot = dialog.groups_tab.schedule.slot_rows[-1]
    assert len(dialog.groups_tab.schedule.slot_rows) == before + 1
    slot.from_edit.setTime(QTime(17, 0))
    slot.to_edit.setTime(QTime(16, 0))  # ends before it starts
    assert slot.error_label.isVisible() and "позже начала" in slot.error_label.text()
    assert "позже начала" in cell(dialog.groups_tab.groups_model, 0, GCOL_PROBLEM)
    assert dialog.save_group() is None  # refused and focused
    assert has_focus(dialog, slot.to_edit)
    assert outbox(workspace, "group.save") == []

    slot.to_edit.setTime(QTime(18, 0))
    assert not slot.error_label.isVisible()
    assert cell(dialog.groups_tab.groups_model, 0, GCOL_PROBLEM) == "изменена — нажмите «Сохранить группу»"
    wait_task(qtbot, dialog.save_group())
    ops = outbox(workspace, "group.save")
    assert len(ops) == 1
    slots = ops[0].payload["group"]["slots"]
    assert {
        "weekday": slot.slot().weekday,
        "time_from": "17:00",
        "time_to": "18:00",
        "room": slot.slot().room,
    } in slots
    assert cell(dialog.groups_tab.groups_model, 0, GCOL_PROBLEM) == "ожидает отправки"
    qtbot.waitUntil(lambda: window.pending_count >= 1)
    dialog.reject()
    assert not dialog.isVisible()


def test_a_new_programme_gets_groups_after_publication(qtbot, main_window):
    panel = open_programs(main_window)
    dialog = panel.on_new_button_clicked()
    dialog.tabs.setCurrentIndex(TAB_GROUPS)
    assert not dialog.groups_tab.add_group_button.isEnabled()
    assert "после публикации" in dialog.groups_tab.groups_note.text()
    # unsaved edits: the first «Закрыть» warns, the second closes
    fill_new_card(dialog)
    dialog.close_button.click()
    assert dialog.isVisible() and "несохранённые изменения" in dialog.message_label.text()
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_models(qtmodeltester, enrolled_workspace):
    rows = list(svc.catalogue(enrolled_workspace.db).rows)
    model = ProgramsTableModel()
    qtmodeltester.check(model, force_py=True)
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Программа"
    assert model.data(model.index(0, 0), RowRole) is rows[0]

    card = svc.open_card(enrolled_workspace.db, rows[0].key).card
    modules = ModulesTableModel()
    qtmodeltester.check(modules, force_py=True)
    modules.set_rows(list(card.modules), {0: "Количество часов должно быть больше нуля"})
    qtmodeltester.check(modules, force_py=True)
    assert cell(modules, 0, MCOL_PROBLEM) == "Количество часов должно быть больше нуля"
    modules.set_problems({})
    assert cell(modules, 0, MCOL_PROBLEM) == ""

    groups = GroupsTableModel()
    groups.set_rows(list(card.modules[0].groups))
    groups.set_notes({0: "ожидает отправки"})
    qtmodeltester.check(groups, force_py=True)
    assert cell(groups, 0, GCOL_PROBLEM) == "ожидает отправки"


def test_the_editor_reads_dictionary_titles_as_codes(qtbot, enrolled_workspace):
    """The portal's seed keeps «общеразвивающая» where the card wants the code ``general``."""
    view = svc.open_card(enrolled_workspace.db, "p:1")
    dialog = ProgramEditorDialog(enrolled_workspace, date.today(), view=view)
    qtbot.addWidget(dialog)
    card = dialog.card()
    assert card.kind in ("general", "preprofessional", "sport", "")
    assert card.form in ("full_time", "part_time", "distance", "full_time_distance", "")
    assert not [e for e in dialog.errors if e.path in ("kind", "form", "level")]
    assert isinstance(dialog.main_tab.name_edit, QLineEdit)
    wait_for_all(5000)


def test_an_existing_groups_schedule_shows_at_once_and_survives_a_save_without_edits(qtbot, main_window):
    """Issue 10 §3: the «Расписание» of a group showed empty (only «Добавить день») until the module
    was switched and back — the slot rows were built while the «Группы» tab was hidden and kept
    hidden; an operator then added the days again."""
    window = main_window
    workspace = window.workspace
    panel = open_programs(window)
    key, m, g, group = next(
        (row.key, m, g, group)
        for row in shown(panel)
        for m, module in enumerate(svc.open_card(workspace.db, row.key).card.modules)
        for g, group in enumerate(module.groups)
        if len(group.slots) >= 2 and group.id is not None
    )
    dialog = open_editor(qtbot, panel, key)
    qtbot.waitExposed(dialog)
    if dialog.groups_tab.module_row != m:
        dialog.groups_tab.choose_module(m)  # the module of the group (no switch back and forth)
    dialog.groups_tab.groups_table.selectRow(g)
    dialog.tabs.setCurrentIndex(TAB_GROUPS)
    schedule = dialog.groups_tab.schedule
    assert schedule.weekly_radio.isChecked() and schedule.weekly_page.isVisible()
    visible = [row for row in schedule.slot_rows if row.isVisible()]
    assert [row.slot() for row in visible] == list(group.slots)
    assert all(row.weekday_combo.isVisible() and row.from_edit.isVisible() for row in visible)

    # the first group of the first module: shown as the editor opens, with no selection by hand
    first = dialog.card().modules[0].groups[0]
    dialog.groups_tab.choose_module(0)
    assert [row.slot() for row in schedule.slot_rows if row.isVisible()] == list(first.slots)

    # «Сохранить группу» with no edit sends the schedule as it is
    dialog.groups_tab.choose_module(m)
    dialog.groups_tab.groups_table.selectRow(g)
    wait_task(qtbot, dialog.save_group())
    ops = outbox(workspace, "group.save")
    assert len(ops) == 1
    sent = ops[0].payload["group"]["slots"]
    assert sent == [
        {"weekday": s.weekday, "time_from": s.time_from, "time_to": s.time_to, "room": s.room}
        for s in group.slots
    ]
    dialog.reject()


def activate(qtbot, widget):
    """Focus moves (and leaves a field) only in the active window."""
    widget.activateWindow()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


def test_group_dates_are_typed_as_digits_and_an_unfinished_one_is_refused_next_to_it(qtbot, main_window):
    """Issue 10 §3: every date field takes digits; an unfinished date gets a message, not a revert."""
    window = main_window
    workspace = window.workspace
    panel = open_programs(window)
    dialog = open_editor(qtbot, panel, shown(panel)[0].key)
    activate(qtbot, dialog)
    dialog.tabs.setCurrentIndex(TAB_GROUPS)
    dialog.groups_tab.groups_table.selectRow(0)
    group = dialog.card().modules[dialog.groups_tab.module_row].groups[0]
    edit = dialog.groups_tab.date_to_edit
    assert edit.text() == f"{group.date_to:%d.%m.%Y}"
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "0109")
    label = dialog.groups_tab.group_labels["date_to"]
    assert not label.isVisible()  # no message while the date is being typed
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not edit and edit.text() == "01.09"  # Tab moved on, the text stayed
    assert label.isVisible() and "не полностью" in label.text()
    assert "не полностью" in cell(dialog.groups_tab.groups_model, 0, GCOL_PROBLEM)

    assert dialog.save_group() is None  # refused, the field refocused with its text
    assert dialog.focusWidget() is edit and edit.text() == "01.09"
    assert outbox(workspace, "group.save") == []

    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, f"{group.date_to:%d%m%Y}")  # digits only
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == f"{group.date_to:%d.%m.%Y}" and not label.isVisible()
    wait_task(qtbot, dialog.save_group())
    ops = outbox(workspace, "group.save")
    assert len(ops) == 1 and ops[0].payload["group"]["date_to"] == group.date_to.isoformat()

    # «По датам»: the date to add is typed the same way; an unfinished one is said under the list
    schedule = dialog.groups_tab.schedule
    schedule.dates_radio.setChecked(True)
    new = schedule.new_date_edit
    new.setFocus()
    new.selectAll()
    qtbot.keyClicks(new, "1501")
    schedule.add_date_button.click()
    assert schedule.dates_list.count() == 0
    assert schedule.dates_error_label.isVisible() and "не полностью" in schedule.dates_error_label.text()
    assert dialog.focusWidget() is new and new.text() == "15.01"
    day = group.date_from.replace(day=15)
    new.selectAll()
    qtbot.keyClicks(new, f"{day:%d.%m.%Y}")
    schedule.add_date_button.click()
    dates = schedule.dates_list
    assert [dates.item(i).text() for i in range(dates.count())] == [f"{day:%d.%m.%Y}"]
    assert "не полностью" not in schedule.dates_error_label.text()
    dialog.reject()
    dialog.reject()


def test_a_budget_programme_reads_free_wherever_its_cost_is_shown(qtbot, main_window):
    """Issue 10 §3: «бесплатно», not «0,00 ₽» or an empty cell (`domain.pricing.price_text`)."""
    from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES
    from pfdo_desktop.domain.money import format_rub
    from pfdo_desktop.ui.programs.model import MCOL_PRICE

    panel = open_programs(main_window)
    rows = shown(panel)
    budget = next(r for r in rows if r.registry in BUDGET_REGISTRIES)
    certified = next(r for r in rows if r.registry == "certified")

    panel.table.selectRow(rows.index(budget))  # the card beside the catalogue
    settle(qtbot)
    text = panel.card.toPlainText()
    assert "цена бесплатно" in text and "цена 0,00" not in text
    panel.table.selectRow(rows.index(certified))
    settle(qtbot)
    module = svc.open_card(main_window.workspace.db, certified.key).card.modules[0]
    plain = " ".join(panel.card.toPlainText().replace("\u202f", " ").replace("\xa0", " ").split())
    assert f"цена {format_rub(module.price)}".replace("\u202f", " ") in plain, plain

    dialog = open_editor(qtbot, panel, budget.key)
    assert cell(dialog.modules_tab.modules_model, 0, MCOL_PRICE) == "бесплатно"
    dialog.modules_tab.price_spin.setValue(0)
    assert dialog.modules_tab.price_spin.text() == "бесплатно"  # a zero price in the form too
    choose(dialog.main_tab.registry_combo, "certified")  # now priced: the roubles show
    dialog.main_tab.on_field_edited("registry")
    assert cell(dialog.modules_tab.modules_model, 0, MCOL_PRICE) == "бесплатно"  # 0 ₽ is free in any registry
    dialog.modules_tab.price_spin.setValue(1500)
    assert cell(dialog.modules_tab.modules_model, 0, MCOL_PRICE) == format_rub(Decimal("1500"))
    choose(dialog.main_tab.registry_combo, "general")
    dialog.main_tab.on_field_edited("registry")
    assert cell(dialog.modules_tab.modules_model, 0, MCOL_PRICE) == "бесплатно"
    dialog.reject()
    dialog.reject()


def test_the_editor_opens_once_its_card_is_read_in_the_background(qtbot, main_window, monkeypatch):
    """«Редактировать…» reads the card off the UI thread, the buttons waiting; a card that cannot
    be read is said in Russian and the buttons come back."""
    import threading

    from pfdo_desktop.workspace_types import NotFound

    workspace = main_window.workspace
    panel = open_programs(main_window)
    program = shown(panel)[0]
    panel.table.selectRow(0)
    settle(qtbot)
    assert panel.edit_button.isEnabled()
    gate = threading.Event()
    on_ui_thread: list[bool] = []
    real = workspace.open_program

    def held(key):
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        gate.wait(30)
        return real(key)

    monkeypatch.setattr(workspace, "open_program", held)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    assert panel.dialog is None
    assert not panel.edit_button.isEnabled() and not panel.new_button.isEnabled()
    gate.set()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, ProgramEditorDialog))
    dialog = panel.dialog
    assert dialog.isVisible() and dialog.main_tab.name_edit.text() == program.name
    assert on_ui_thread == [False]
    dialog.reject()
    qtbot.waitUntil(lambda: panel.dialog is None)

    def gone(_key):
        raise NotFound("Программа не найдена на этом ПК: синхронизируйте и откройте снова.")

    monkeypatch.setattr(workspace, "open_program", gone)
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.message_label.isVisible())
    assert panel.message_label.text() == "Программа не найдена на этом ПК: синхронизируйте и откройте снова."
    assert panel.dialog is None
    assert panel.edit_button.isEnabled() and panel.new_button.isEnabled()
