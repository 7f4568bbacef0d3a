"""«Новая заявка» with its instant pre-check, and the «Заявки» screen with the portal's commands."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from sqlalchemy import select
from ui_helpers import settle, type_text

from pfdo_desktop.domain.applications import APP_NEW
from pfdo_desktop.models import OutboxOp
from pfdo_desktop.services import applications as application_service
from pfdo_desktop.services import children as children_service
from pfdo_desktop.ui.applications.action_dialog import ApplicationActionDialog
from pfdo_desktop.ui.applications.model import COL_CHILD, COL_REASON, COL_STATUS, RowRole
from pfdo_desktop.ui.applications.new_dialog import NewApplicationDialog


def outbox_kinds(workspace):
    with workspace.db.read() as s:
        return list(s.scalars(select(OutboxOp.kind).order_by(OutboxOp.id)))


def shown(panel):
    model = panel.model
    return [model.data(model.index(r, 0), RowRole) for r in range(model.rowCount())]


def cell(panel, uid, column, role=Qt.ItemDataRole.DisplayRole):
    model = panel.model
    return model.data(model.index(model.row_of(uid), column), role)


def find_pair(workspace, wanted):
    """(child, group, start) whose pre-check today gives ``wanted(check)``."""
    today = date.today()
    for group in application_service.groups_for_application(workspace.db):
        start = max(today, group.date_from)
        for child in children_service.search_children(workspace.db, ""):
            check = application_service.precheck(workspace.db, child.key, group.id, start, today)
            if wanted(check):
                return child, group, start
    raise AssertionError("no such child and group in the demo district")


def open_new_application(qtbot, window, child):
    window.tabs.setCurrentIndex(window.children_tab)
    panel = window.children_panel
    panel.search_edit.setText(f"{child.full_name} {child.birth_date:%d.%m.%Y}")
    qtbot.waitUntil(lambda: panel.card.card is not None and panel.card.card.child.key == child.key)
    qtbot.mouseClick(panel.card.new_application_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, NewApplicationDialog)
    qtbot.waitExposed(dialog)
    assert dialog.selected_child().key == child.key
    return dialog


def choose_group(dialog, group_id):
    combo = dialog.group_combo
    index = next(i for i in range(1, combo.count()) if combo.itemData(i).id == group_id)
    combo.setCurrentIndex(index)


def test_the_precheck_refuses_a_too_young_child_with_reason_and_advice(qtbot, main_window):
    child, group, _start = find_pair(
        main_window.workspace, lambda c: [r.code for r in c.refusals] == ["age_too_young"]
    )
    dialog = open_new_application(qtbot, main_window, child)
    assert not dialog.ok_button.isEnabled()  # no group yet
    choose_group(dialog, group.id)
    html = dialog.check_label.text()
    assert "Ребёнок младше возраста, на который рассчитана программа." in html
    assert "На дату начала обучения" in html  # the figures of this application
    assert "Что делать:" in html and "Проверьте дату рождения" in html
    assert "#b00020" in html  # red
    assert not dialog.ok_button.isEnabled()
    assert "b00020" in dialog.child_combo.styleSheet()  # the field the refusal is about
    dialog.reject()


def test_an_eligible_child_sees_the_contract_cost_and_submits(qtbot, main_window):
    workspace = main_window.workspace
    child, group, start = find_pair(workspace, lambda c: not c.refusals and c.cost is not None)
    cost = application_service.precheck(workspace.db, child.key, group.id, start, date.today()).cost
    dialog = open_new_application(qtbot, main_window, child)
    choose_group(dialog, group.id)
    assert dialog.start_date() == start
    html = dialog.check_label.text()
    assert "Ребёнка можно записать в эту группу." in html
    assert "Стоимость по договору" in html and "Оплачивает сертификат" in html
    assert "Доплачивает родитель" in html
    from pfdo_desktop.domain.money import format_rub

    assert format_rub(cost.all) in html and format_rub(cost.certificate_part) in html
    assert f"за {cost.months} мес." in html
    assert dialog.ok_button.isEnabled()

    # a start date after the group's end refuses at once, and back again
    dialog.start_date_edit.setDate(QDate(group.date_to.year + 1, 1, 15))
    assert "позже окончания занятий группы" in dialog.check_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.start_date_edit.setDate(QDate(start.year, start.month, start.day))
    assert dialog.ok_button.isEnabled()

    before = outbox_kinds(workspace)
    with qtbot.waitSignal(dialog.submitted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert outbox_kinds(workspace) == [*before, "application.create"]

    # the card and the «Заявки» screen show it waiting to be sent (the card is read again)
    settle(qtbot)
    card = main_window.children_panel.card
    assert card.applications_label.isVisible()
    assert f"{group.name}</b>" in card.applications_label.text()
    assert "ожидает отправки: подача заявки" in card.applications_label.text()
    panel = main_window.applications_panel
    uid = dialog.application_uid
    assert "ожидает отправки: подача заявки" in cell(panel, uid, COL_STATUS)
    assert child.full_name in cell(panel, uid, COL_CHILD)
    qtbot.waitUntil(lambda: main_window.pending_label.text() == f"Не отправлено: {len(before) + 1}")


def open_applications(window):
    window.tabs.setCurrentIndex(window.applications_tab)
    return window.applications_panel


def select_row(panel, uid):
    assert panel.select_application(uid)
    assert panel.selected_application().uid == uid


def a_new_application(panel):
    return next(r for r in shown(panel) if r.status == APP_NEW and not r.pending_action)


def test_withdraw_queues_the_command_and_the_list_shows_it_waiting(qtbot, main_window):
    panel = open_applications(main_window)
    app = a_new_application(panel)
    select_row(panel, app.uid)
    assert panel.withdraw_button.isEnabled() and panel.confirm_button.isEnabled()
    assert not panel.enrol_button.isEnabled() and not panel.expel_button.isEnabled()
    assert "только для статуса" in panel.enrol_button.toolTip()
    before = outbox_kinds(main_window.workspace)

    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ожидает отправки" in cell(panel, app.uid, COL_STATUS))
    assert cell(panel, app.uid, COL_STATUS) == "новая · ожидает отправки: отзыв заявки"
    assert cell(panel, app.uid, COL_STATUS, Qt.ItemDataRole.FontRole).bold()
    assert outbox_kinds(main_window.workspace) == [*before, "application.withdraw"]
    assert panel.selected_application().uid == app.uid
    assert not any(b.isEnabled() for b in panel.action_buttons.values())  # one command at a time
    assert "Ждёт ответа портала" in panel.confirm_button.toolTip()
    qtbot.waitUntil(lambda: main_window.pending_label.text() == f"Не отправлено: {len(before) + 1}")
    assert panel.count_label.text().endswith("ожидают отправки: 1")


def test_an_unsent_command_can_be_cancelled_a_sent_one_not(qtbot, main_window):
    panel = open_applications(main_window)
    app = a_new_application(panel)
    select_row(panel, app.uid)
    assert not panel.cancel_pending_button.isEnabled()  # nothing waits
    before = outbox_kinds(main_window.workspace)
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ожидает отправки" in cell(panel, app.uid, COL_STATUS))
    assert panel.cancel_pending_button.isEnabled()
    assert panel.cancel_pending_button.text() == "Отменить неотправленное"
    assert "отзыв заявки" in panel.cancel_pending_button.toolTip()

    qtbot.mouseClick(panel.cancel_pending_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(panel, app.uid, COL_STATUS) == "новая")
    assert outbox_kinds(main_window.workspace) == before
    assert "Отменено, на портал не уйдёт: отзыв заявки" in panel.message_label.text()
    assert panel.withdraw_button.isEnabled() and not panel.cancel_pending_button.isEnabled()
    qtbot.waitUntil(lambda: main_window.pending_label.text() == f"Не отправлено: {len(before)}")

    # once sent (the sync marks it before the wire), it cannot be taken back
    from sqlalchemy import update

    from pfdo_desktop.models import OUTBOX_SENT

    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ожидает отправки" in cell(panel, app.uid, COL_STATUS))
    with main_window.workspace.db.write() as s:
        s.execute(update(OutboxOp).values(state=OUTBOX_SENT))
    qtbot.mouseClick(panel.cancel_pending_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "уже отправлено" in panel.message_label.text())
    assert "дождитесь ответа" in panel.message_label.text()
    assert outbox_kinds(main_window.workspace) == [*before, "application.withdraw"]


def test_filters_narrow_the_list(qtbot, main_window):
    panel = open_applications(main_window)
    everything = shown(panel)
    assert len(everything) > 1
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(APP_NEW))
    settle(qtbot)
    assert {r.status for r in shown(panel)} == {APP_NEW}
    panel.status_combo.setCurrentIndex(0)
    group_id = everything[0].group_id
    panel.group_combo.setCurrentIndex(panel.group_combo.findData(group_id))
    settle(qtbot)
    assert shown(panel) and {r.group_id for r in shown(panel)} == {group_id}
    panel.group_combo.setCurrentIndex(0)
    surname = everything[-1].child_name.split()[0]
    type_text(panel.filter_edit, surname)
    qtbot.waitUntil(lambda: not panel.filter_timer.isActive())
    settle(qtbot)
    assert shown(panel) and all(surname in r.child_name for r in shown(panel))
    assert len(shown(panel)) < len(everything)


def test_the_list_is_read_in_the_background_only_the_newest_filter_shows_and_the_selection_stays(
    qtbot, main_window, monkeypatch
):
    import threading

    panel = open_applications(main_window)
    workspace = main_window.workspace
    everything = shown(panel)
    app = everything[-1]
    surname = app.child_name.split()[0]
    select_row(panel, app.uid)
    gate = threading.Event()
    on_ui_thread: list[bool] = []
    real = workspace.applications

    def held(**filters):
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        gate.wait(30)  # a slow disk
        return real(**filters)

    monkeypatch.setattr(workspace, "applications", held)
    shown_lists: list[list] = []
    panel.model.modelReset.connect(lambda: shown_lists.append(shown(panel)))
    type_text(panel.filter_edit, "Нет-такого")
    qtbot.waitUntil(lambda: panel.loading)  # the pause after the last key started a read
    panel.filter_edit.clear()
    type_text(panel.filter_edit, surname)
    qtbot.waitUntil(lambda: not panel.filter_timer.isActive())
    assert shown(panel) == everything  # meanwhile the list stays as it was, the row selected
    assert panel.selected_application().uid == app.uid
    gate.set()
    qtbot.waitUntil(lambda: not panel.loading)

    assert on_ui_thread == [False, False]
    assert len(shown_lists) == 1  # the answer to «Нет-такого» came late and was never shown
    assert shown(panel) and all(surname in r.child_name for r in shown(panel))
    assert panel.selected_application().uid == app.uid  # the same row is there: still selected
    assert panel.withdraw_button.isEnabled() == (app.status == APP_NEW and not app.pending_action)


def test_reject_asks_for_a_reason_and_shows_the_service_message_next_to_the_field(qtbot, main_window):
    panel = open_applications(main_window)
    app = a_new_application(panel)
    select_row(panel, app.uid)
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, ApplicationActionDialog)
    qtbot.waitExposed(dialog)

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason
    assert dialog.error_labels["reason"].isVisible()
    assert dialog.isVisible()

    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("other"))  # needs a comment
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_labels["comment"].isVisible())
    assert "комментарии" in dialog.error_labels["comment"].text()
    assert dialog.isVisible()

    dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("no_places"))
    with qtbot.waitSignal(dialog.queued, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ожидает отправки: отклонение заявки" in cell(panel, app.uid, COL_STATUS))


def test_termination_says_from_which_day_it_takes_effect(qtbot, main_window):
    panel = open_applications(main_window)
    app = a_new_application(panel)
    dialog = ApplicationActionDialog("terminate", app, main_window.workspace, date(2026, 11, 23))
    qtbot.addWidget(dialog)
    assert "с 01.12.2026" in dialog.effect_label.text()
    dialog.request_date_edit.setDate(QDate(2026, 12, 31))
    assert "с 01.01.2027" in dialog.effect_label.text()


def test_a_refusal_by_the_portal_shows_in_needs_attention(qtbot, main_window, portal_db):
    """The PC thinks a place is free; meanwhile the portal's group filled up. The portal refuses on
    sync: the application shows «отклонена» with the reason, and «Требует внимания» explains it."""
    from pfdo_portal.admin import set_group_capacity

    workspace = main_window.workspace
    child, group, start = find_pair(workspace, lambda c: not c.refusals and c.free_places > 0)
    dialog = open_new_application(qtbot, main_window, child)
    choose_group(dialog, group.id)
    with qtbot.waitSignal(dialog.submitted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    uid = dialog.application_uid

    assert group.children >= 1
    set_group_capacity(portal_db, group.id, 1)  # another PC filled the group meanwhile
    with qtbot.waitSignal(main_window.synced, timeout=60_000):
        main_window.start_sync()

    panel = open_applications(main_window)
    qtbot.waitUntil(lambda: panel.model.row_of(uid) >= 0)
    assert cell(panel, uid, COL_STATUS) == "отклонена"
    assert cell(panel, uid, COL_REASON)
    issues = main_window.issues_panel
    assert main_window.issues_dock.isVisible()
    texts = [
        " ".join(issues.model.data(issues.model.index(r, c)) or "" for c in range(4))
        for r in range(issues.model.rowCount())
    ]
    assert any("мест" in t for t in texts), texts
    assert main_window.issues_action.text() != "Требует внимания: 0"
    # the portal's reason code stands beside its text, quieter (for support)
    from pfdo_desktop.ui.sync import issues as issue_columns

    col_code, col_reason = issue_columns.COL_CODE, issue_columns.COL_REASON
    assert issues.model.headerData(col_code, Qt.Orientation.Horizontal) == "Код"
    row = next(r for r in range(issues.model.rowCount())
               if "мест" in (issues.model.data(issues.model.index(r, col_reason)) or ""))
    code = issues.model.index(row, col_code)
    assert issues.model.data(code) == "group_full"
    assert issues.model.data(code, Qt.ItemDataRole.ToolTipRole).endswith(": group_full")
    assert issues.model.data(code, Qt.ItemDataRole.ForegroundRole).color().name() == "#666666"
    assert not issues.table.isColumnHidden(col_code)


def test_applications_model(qtmodeltester, enrolled_workspace):
    from pfdo_desktop.ui.applications.model import ApplicationsTableModel

    model = ApplicationsTableModel()
    qtmodeltester.check(model, force_py=True)
    rows = application_service.list_applications(enrolled_workspace.db)
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) > 0
    assert model.headerData(COL_STATUS, Qt.Orientation.Horizontal) == "Статус"
    assert model.data(model.index(0, COL_STATUS)) == "новая"
    assert model.data(model.index(0, 0), RowRole) is rows[0]


def activate(qtbot, widget):
    """Focus moves (and leaves a field) only in the active window."""
    widget.show()
    widget.activateWindow()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow)


def test_action_dates_are_typed_as_digits_and_an_unfinished_one_is_refused(qtbot, main_window):
    """Issue 10 §3: «31122026» is a date; «31.12» + Tab gets a message, and OK refocuses it."""
    from pfdo_desktop.domain.applications import APP_ACTIVE

    workspace = main_window.workspace
    panel = open_applications(main_window)
    app = next(r for r in shown(panel) if r.status == APP_ACTIVE and not r.pending_action)
    today = date.today()
    dialog = ApplicationActionDialog("terminate", app, workspace, today)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    edit = dialog.request_date_edit
    assert edit.text() == f"{today:%d.%m.%Y}"
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "31122026")
    assert edit.text() == "31.12.2026" and "с 01.01.2027" in dialog.effect_label.text()

    edit.selectAll()
    qtbot.keyClicks(edit, f"{today:%d%m}")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    label = dialog.error_labels["request_date"]
    assert dialog.focusWidget() is not edit and edit.text() == f"{today:%d.%m}"  # moved on, text kept
    assert label.isVisible() and "не полностью" in label.text()
    before = outbox_kinds(workspace)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.focusWidget() is edit and edit.text() == f"{today:%d.%m}"
    assert label.isVisible() and outbox_kinds(workspace) == before

    edit.end(False)
    qtbot.keyClicks(edit, f"{today:%Y}")
    with qtbot.waitSignal(dialog.queued, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert outbox_kinds(workspace) == [*before, "application.terminate"]


def test_the_start_date_is_typed_as_digits_and_an_unfinished_one_blocks_the_application(
    qtbot, main_window
):
    workspace = main_window.workspace
    child, group, start = find_pair(workspace, lambda c: not c.refusals)
    dialog = open_new_application(qtbot, main_window, child)
    choose_group(dialog, group.id)
    activate(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    edit = dialog.start_date_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, f"{start:%d%m}")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == f"{start:%d.%m}"
    assert "Дата начала обучения" in dialog.check_label.text()
    assert "не полностью" in dialog.check_label.text()
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter in the form: refused, the date gets the focus back
    assert dialog.isVisible() and dialog.focusWidget() is edit

    edit.selectAll()
    qtbot.keyClicks(edit, f"{start:%d.%m.%Y}")
    assert dialog.start_date() == start
    assert "Ребёнка можно записать" in dialog.check_label.text() and dialog.ok_button.isEnabled()
    dialog.reject()


def test_a_budget_programme_reads_free_in_the_precheck_the_list_and_the_child_card(qtbot, main_window):
    """Issue 10 §3: «бесплатно» where a budget programme's cost is shown (not an empty cell)."""
    from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES
    from pfdo_desktop.ui.applications.model import COL_CONTRACT

    workspace = main_window.workspace
    child, group, start = find_pair(
        workspace, lambda c: not c.refusals and c.cost is None and c.registry in BUDGET_REGISTRIES
    )
    dialog = open_new_application(qtbot, main_window, child)
    choose_group(dialog, group.id)
    html = dialog.check_label.text()
    assert "Стоимость:</td><td><b>бесплатно</b>" in html
    with qtbot.waitSignal(dialog.submitted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    uid = dialog.application_uid
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot)  # the card is read again in the background

    card = main_window.children_panel.card
    assert "договор бесплатно" in card.applications_label.text()
    panel = open_applications(main_window)
    panel.reload()
    assert cell(panel, uid, COL_CONTRACT) == "бесплатно"
    # a certified programme's contract still reads in roubles
    priced = [r for r in shown(panel) if r.price_total is not None and r.registry == "certified"]
    assert priced and all("₽" in cell(panel, r.uid, COL_CONTRACT) for r in priced)
