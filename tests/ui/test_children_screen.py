"""«Дети и сертификаты»: search as you type, namesakes, the child card, «Новый ребёнок», and the
choice among the portal's candidates."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select
from ui_helpers import settle, type_text

from pfdo_desktop.models import OutboxOp
from pfdo_desktop.ui.children.model import COL_BIRTH, COL_CERTIFICATE, COL_NAME, COL_STATE, RowRole
from pfdo_desktop.ui.children.new_child_dialog import NewChildDialog
from pfdo_desktop.ui.widgets.text_width import text_area_width


def shown(panel):
    model = panel.model
    return [model.data(model.index(r, 0), RowRole) for r in range(model.rowCount())]


def text(panel, row, column, role=Qt.ItemDataRole.DisplayRole):
    return panel.model.data(panel.model.index(row, column), role)




def outbox_kinds(workspace):
    with workspace.db.read() as s:
        return list(s.scalars(select(OutboxOp.kind).order_by(OutboxOp.id)))


def open_children(window):
    window.tabs.setCurrentIndex(window.children_tab)
    return window.children_panel


def type_search(qtbot, panel, query):
    panel.search_edit.clear()
    type_text(panel.search_edit, query)
    qtbot.waitUntil(lambda: not panel.search_timer.isActive())
    settle(qtbot)  # the card of the only match is read in the background


def namesake_pair(panel):
    for row in shown(panel):
        if row.namesakes:
            return row
    raise AssertionError("the demo district has no namesakes")


def test_search_as_you_type_narrows_the_list_and_marks_namesakes(qtbot, main_window):
    panel = open_children(main_window)
    everyone = shown(panel)
    assert len(everyone) > 20
    assert panel.count_label.text() == f"Детей: {len(everyone)}"

    namesake = namesake_pair(panel)
    surname = namesake.full_name.split()[0]
    type_search(qtbot, panel, surname[:4])
    narrowed = shown(panel)
    assert 0 < len(narrowed) < len(everyone)
    assert all(any(w.startswith(surname[:4]) for w in r.full_name.split()) for r in narrowed)

    type_search(qtbot, panel, namesake.full_name)
    twins = shown(panel)
    assert len(twins) >= 2 and {r.full_name for r in twins} == {namesake.full_name}
    for row in range(len(twins)):  # marked, and told apart by the date of birth and the certificate
        assert text(panel, row, COL_NAME).startswith("⚠ ")
        assert "тёзка" in text(panel, row, COL_NAME, Qt.ItemDataRole.ToolTipRole)
        assert "сверьте дату рождения и сертификат" in text(panel, row, COL_STATE)
        assert text(panel, row, COL_NAME, Qt.ItemDataRole.FontRole).bold()
    assert len({text(panel, r, COL_BIRTH) for r in range(len(twins))}) == len(twins)

    # the date of birth picks one of them
    one = twins[0]
    type_search(qtbot, panel, f"{one.full_name.split()[0]} {one.birth_date:%d.%m.%Y}")
    assert [r.key for r in shown(panel)] == [one.key]
    assert panel.count_label.text() == "Найдено: 1"
    # the only match is opened at once
    card = panel.card
    assert card.title_label.text() == one.full_name
    assert "тёзка" in card.note_label.text() and card.note_label.isVisible()

    type_search(qtbot, panel, "Яяяяя")
    assert shown(panel) == []
    assert panel.count_label.text() == "Найдено: 0"


def test_the_card_shows_the_certificate_guardian_and_applications(qtbot, main_window):
    panel = open_children(main_window)
    child = next(r for r in shown(panel) if r.certificate_number)
    panel.table.selectRow(shown(panel).index(child))
    settle(qtbot)
    card = panel.card
    assert card.title_label.text() == child.full_name
    assert card.birth_label.text() == f"{child.birth_date:%d.%m.%Y}"
    assert card.cert_number_label.text() == child.certificate_number
    assert card.cert_status_label.text() in ("учёт", "ПФ")
    assert card.cert_balance_label.text().endswith("₽")
    assert card.cert_as_of_label.text().startswith("по данным на ")
    assert card.certificate_box.isVisible() and card.person_box.isVisible()
    assert not card.candidates_box.isVisible()
    row = shown(panel).index(child)
    assert child.certificate_number in text(panel, row, COL_CERTIFICATE)

    # a child with a parent's online application: the guardian and the application's history
    from pfdo_desktop.services import applications as application_service
    from pfdo_desktop.services import children as children_service

    app = application_service.list_applications(main_window.workspace.db)[0]
    data = children_service.child_card(main_window.workspace.db, app.child_key)
    panel.show_child(app.child_key)
    settle(qtbot)
    assert card.title_label.text() == app.child_name
    for guardian in data.guardians:
        assert guardian.full_name in card.guardians_label.text()
    html = card.applications_label.text()
    assert card.applications_label.isVisible() and app.group_name in html
    assert "новая" in html and app.number in html
    assert all(event.note in html for event in data.history[app.uid])


def fill_good_form(dialog, *, last="Соколова", first="Ева", middle="Андреевна", born=date(2016, 4, 12)):
    dialog.last_name_edit.setText(last)
    dialog.first_name_edit.setText(first)
    dialog.middle_name_edit.setText(middle)
    dialog.birth_date_edit.setDate(QDate(born.year, born.month, born.day))
    dialog.snils_edit.setText("112-233-445 95")
    dialog.doc_kind_combo.setCurrentIndex(dialog.doc_kind_combo.findData("birth_certificate"))
    dialog.doc_number_edit.setText("IV-МЮ 123456")
    dialog.guardian_last_name_edit.setText("Соколова")
    dialog.guardian_first_name_edit.setText("Ирина")
    dialog.guardian_middle_name_edit.setText("Петровна")
    dialog.phone_edit.setText("+7 912 345-67-89")
    dialog.email_edit.setText("sokolova@mail.ru")


def open_new_child_dialog(qtbot, panel) -> NewChildDialog:
    qtbot.mouseClick(panel.new_child_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert isinstance(dialog, NewChildDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_new_child_dialog_refuses_bad_fields_next_to_them_and_sends_a_good_request(qtbot, main_window):
    panel = open_children(main_window)
    before = outbox_kinds(main_window.workspace)
    dialog = open_new_child_dialog(qtbot, panel)
    fill_good_form(dialog)

    # a Latin letter in the surname: the message under the surname, as the operator types
    dialog.last_name_edit.clear()
    type_text(dialog.last_name_edit, "Sokolova")
    label = dialog.error_labels["last_name"]
    assert label.isVisible() and "русскими буквами" in label.text()

    # a СНИЛС whose control number does not match
    dialog.snils_edit.clear()
    type_text(dialog.snils_edit, "11223344596")
    assert dialog.error_labels["snils"].isVisible()
    assert "контрольное число" in dialog.error_labels["snils"].text().casefold()

    # too young for a certificate
    dialog.birth_date_edit.setDate(QDate(2024, 1, 10))
    assert "меньше 5 лет" in dialog.error_labels["birth_date"].text()

    # OK does not send: the dialog stays, the focus goes to the first bad field
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.last_name_edit
    assert outbox_kinds(main_window.workspace) == before

    # corrected: the messages go away and the request is saved with its outbox op
    dialog.last_name_edit.setText("Соколова")
    dialog.snils_edit.setText("112-233-445 95")
    dialog.birth_date_edit.setDate(QDate(2016, 4, 12))
    assert not any(lab.isVisible() for lab in dialog.error_labels.values())
    with qtbot.waitSignal(dialog.requested, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot)
    assert outbox_kinds(main_window.workspace) == [*before, "child.create"]

    # the request is listed and opened; the window counts it as not sent
    card = panel.card
    assert card.title_label.text() == "Соколова Ева Андреевна"
    assert card.state_label.text() == "ждёт ответа портала"
    assert "ожидает отправки" in card.note_label.text()
    qtbot.waitUntil(lambda: main_window.pending_label.text() == f"Не отправлено: {len(before) + 1}")
    type_search(qtbot, panel, "Соколова Ева")
    assert [r.state for r in shown(panel)] == ["pending"]
    assert text(panel, 0, COL_STATE) == "ждёт ответа портала"


def test_a_child_already_on_this_pc_is_offered_instead_of_a_duplicate(qtbot, main_window):
    panel = open_children(main_window)
    known = shown(panel)[3]
    dialog = open_new_child_dialog(qtbot, panel)
    last, first, *middle = known.full_name.split()
    fill_good_form(dialog, last=last, first=first, middle=" ".join(middle), born=known.birth_date)
    dialog.snils_edit.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicate_frame.isVisible())
    assert "уже есть" in dialog.duplicate_label.text()
    assert dialog.isVisible()

    qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    settle(qtbot)
    assert panel.card.title_label.text() == known.full_name
    assert panel.card.birth_label.text() == f"{known.birth_date:%d.%m.%Y}"


def test_an_ambiguous_answer_shows_the_candidates_and_the_choice_is_queued(
    qtbot, main_window, portal_db
):
    from pfdo_portal.admin import add_child, apply_online

    born = date(2015, 6, 1)
    first_id, first_number = add_child(portal_db, "Лебедев", "Матвей", "Ильич", born, snils="112-233-445 95")
    second_id, _ = add_child(portal_db, "Лебедев", "Матвей", "Ильич", born)
    # Candidates are only children the school is linked to (issue 10 §1): both parents applied to it on
    # the portal, and this PC has not downloaded them yet.
    for child_id in (first_id, second_id):
        _apply_online_somewhere(portal_db, main_window.workspace, child_id, apply_online)
    panel = open_children(main_window)
    dialog = open_new_child_dialog(qtbot, panel)
    fill_good_form(dialog, last="Лебедев", first="Матвей", middle="Ильич", born=born)
    dialog.snils_edit.clear()
    with qtbot.waitSignal(dialog.requested, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(main_window.synced, timeout=60_000):
        main_window.start_sync()
    type_search(qtbot, panel, "Лебедев Матвей")

    def request_row():  # the two namesakes came with the download; the request is listed after them
        return next(i for i, r in enumerate(shown(panel)) if r.key.startswith("r:"))

    rows = shown(panel)
    assert [r.state for r in rows] == ["", "", "ambiguous"]
    assert text(panel, request_row(), COL_STATE) == "выберите ребёнка"
    panel.table.selectRow(request_row())
    settle(qtbot)
    card = panel.card
    assert card.candidates_box.isVisible()
    frames = card.candidate_frames
    assert len(frames) == 2
    numbers = {f.candidate.certificate_number for f in frames}
    assert first_number in numbers
    chosen = next(f for f in frames if f.candidate.child_id == first_id)
    assert chosen.candidate.birth_date == born

    before = outbox_kinds(main_window.workspace)
    assert not card.cancel_pending_button.isVisible()
    qtbot.mouseClick(chosen.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outbox_kinds(main_window.workspace) == [*before, "child.resolve"])
    qtbot.waitUntil(lambda: "Выбор сохранён" in panel.message_label.text())
    settle(qtbot)
    # The request stays «ambiguous» (the portal decides); the choice waits in the outbox.
    assert [r.state for r in shown(panel)] == ["", "", "ambiguous"]
    assert text(panel, request_row(), COL_STATE) == "ожидает отправки: выбор ребёнка"
    card = panel.card
    assert card.state_label.text() == "ожидает отправки: выбор ребёнка"
    assert "Сейчас: ожидает отправки: выбор ребёнка" in card.note_label.text()
    assert card.candidates_box.isVisible()
    assert not any(f.choose_button.isEnabled() for f in card.candidate_frames)  # one choice at a time
    assert not card.new_child_button.isEnabled()

    # «Отменить неотправленное» takes the choice back: the operator may choose again
    assert card.cancel_pending_button.isVisible() and card.cancel_pending_button.isEnabled()
    qtbot.mouseClick(card.cancel_pending_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outbox_kinds(main_window.workspace) == before)
    qtbot.waitUntil(lambda: "Выбор ребёнка отменён" in panel.message_label.text())
    settle(qtbot)
    card = panel.card
    assert text(panel, request_row(), COL_STATE) == "выберите ребёнка"
    assert all(f.choose_button.isEnabled() for f in card.candidate_frames)
    assert not card.cancel_pending_button.isVisible()


def _apply_online_somewhere(portal_db, workspace, child_id, apply_online):
    """A parent's application on the portal to one of the school's budget groups that takes the child."""
    from pfdo_desktop.services import applications as application_service
    from pfdo_portal.admin import AdminError

    today = date.today()
    for group in application_service.groups_for_application(workspace.db):
        start = max(today, group.date_from)
        try:
            apply_online(portal_db, child_id, group.id, start)
        except AdminError:  # the rulebook refuses this group (age, registry): try the next one
            continue
        return
    raise AssertionError("no group of the school takes the child")


def test_an_unsent_new_child_request_can_be_cancelled_from_its_card(qtbot, main_window):
    panel = open_children(main_window)
    before = outbox_kinds(main_window.workspace)
    dialog = open_new_child_dialog(qtbot, panel)
    fill_good_form(dialog)
    with qtbot.waitSignal(dialog.requested, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    card = panel.card
    qtbot.waitUntil(lambda: card.title_label.text() == "Соколова Ева Андреевна")
    assert card.cancel_pending_button.isVisible() and card.cancel_pending_button.isEnabled()
    qtbot.mouseClick(card.cancel_pending_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outbox_kinds(main_window.workspace) == before)
    qtbot.waitUntil(lambda: "отменён" in panel.message_label.text())
    assert "Соколова Ева Андреевна" not in [r.full_name for r in shown(panel)]
    assert panel.card.card is None  # the request is gone: no card of it, the hint instead
    assert panel.card.empty_label.isVisible() and not panel.card.title_label.isVisible()
    qtbot.waitUntil(lambda: main_window.pending_label.text() == f"Не отправлено: {len(before)}")


def test_children_model(qtmodeltester, enrolled_workspace):
    from pfdo_desktop.services import children as children_service
    from pfdo_desktop.ui.children.model import ChildrenTableModel

    model = ChildrenTableModel()
    qtmodeltester.check(model, force_py=True)
    rows = children_service.search_children(enrolled_workspace.db, "")
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(rows) > 0
    assert model.headerData(COL_NAME, Qt.Orientation.Horizontal) == "ФИО"
    assert model.data(model.index(0, 0), RowRole) is rows[0]
    assert model.row_of(rows[-1].key) == len(rows) - 1


# --- «Дата рождения»: typed as digits (issue 10 §3) -------------------------------------------------

TODAY = date(2026, 12, 7)


def open_bare_new_child_dialog(qtbot, workspace) -> NewChildDialog:
    dialog = NewChildDialog(workspace, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()  # focus moves (and leaves a field) only in the active window
    dialog.activateWindow()
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_an_empty_birth_date_shows_a_hint_not_a_mask(qtbot, workspace):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.birth_date_edit
    assert edit.text() == ""  # nothing to type over
    assert edit.placeholderText() == "ДД.ММ.ГГГГ"
    assert dialog.form().birth_date is None


@pytest.mark.parametrize("typed", ["01012015", "01.01.2015", "1.1.2015", "01/01/2015"])
def test_a_birth_date_typed_as_digits_reads_as_a_date_and_tab_moves_on(qtbot, workspace, typed):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.birth_date_edit
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "01.01.2015"
    assert dialog.form().birth_date == date(2015, 1, 1)
    assert dialog.focusWidget() is dialog.snils_edit  # Tab left the field
    assert not dialog.error_labels["birth_date"].isVisible()


def test_an_unfinished_birth_date_gets_a_message_and_the_dialog_refocuses_it(qtbot, workspace):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    fill_good_form(dialog)
    edit = dialog.birth_date_edit
    edit.clear()
    edit.setFocus()
    qtbot.keyClicks(edit, "0101")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    label = dialog.error_labels["birth_date"]
    assert dialog.focusWidget() is dialog.snils_edit  # Tab moved on …
    assert edit.text() == "01.01"  # … the typed text stayed …
    assert label.isVisible() and "не полностью" in label.text()  # … and the message says why
    assert "ДД.ММ.ГГГГ" in label.text()

    before = outbox_kinds(workspace)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused
    assert dialog.focusWidget() is edit and edit.text() == "01.01"
    assert label.isVisible() and "не полностью" in label.text()
    assert outbox_kinds(workspace) == before

    # finished: the message goes, the request can be sent
    edit.setFocus()
    edit.end(False)
    qtbot.keyClicks(edit, "2015")
    assert edit.text() == "01.01.2015"
    assert not label.isVisible()
    assert dialog.errors() == {}


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("10012024", "меньше 5 лет"),
        ("01012005", "до достижения 18"),
        ("31022015", "Такой даты нет"),
        ("01012030", "позже 07.12.2026"),
    ],
)
def test_a_birth_date_out_of_range_still_gets_its_message(qtbot, workspace, typed, message):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.birth_date_edit
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    label = dialog.error_labels["birth_date"]
    assert label.isVisible() and message in label.text()
    assert "birth_date" in dialog.errors()


# --- «СНИЛС»: typed as digits, like the date (review finding 12) -------------------------------------


def test_an_empty_snils_shows_a_hint_not_a_mask(qtbot, workspace):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.snils_edit
    assert edit.inputMask() == "" and edit.text() == ""  # nothing to type over
    assert edit.placeholderText() == "123-456-789 01"
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= text_area_width(edit)
    assert dialog.form().snils == ""


@pytest.mark.parametrize("typed", ["11223344595", "112-233-445 95", "112 233 445 95", "112233445 95"])
def test_a_snils_typed_as_digits_reads_as_a_snils_and_tab_moves_on(qtbot, workspace, typed):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.snils_edit
    type_text(edit, typed)
    assert edit.text() == "112-233-445 95"
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not edit
    assert dialog.form().snils == "112-233-445 95"
    assert not dialog.error_labels["snils"].isVisible()


def test_letters_and_a_twelfth_digit_do_not_get_into_the_snils(qtbot, workspace):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.snils_edit
    type_text(edit, "112а233-445x 95 7")
    assert edit.text() == "112-233-445 95"
    edit.clear()
    edit.setText("11223344595")  # set by the program (a roster row, a test): laid out too
    assert edit.text() == "112-233-445 95"


def test_a_digit_typed_in_the_middle_keeps_the_cursor_after_it(qtbot, workspace):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.snils_edit
    type_text(edit, "1122334459")
    edit.setCursorPosition(3)  # after «112»
    type_text(edit, "9")
    assert edit.text() == "112-923-344 59"
    assert edit.cursorPosition() == 5  # right after the 9


def test_a_wrong_snils_gets_the_checksum_message_next_to_the_field(qtbot, workspace):
    dialog = open_bare_new_child_dialog(qtbot, workspace)
    edit = dialog.snils_edit
    label = dialog.error_labels["snils"]
    type_text(edit, "1122334")
    assert not label.isVisible()  # still being typed: no «unfinished» message yet
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert label.isVisible() and "11 цифр" in label.text()  # left unfinished: said so
    edit.setFocus()
    edit.end(False)
    type_text(edit, "4596")
    assert edit.text() == "112-233-445 96"
    assert label.isVisible() and "контрольное число" in label.text().casefold()
    # The message sits right under the field, in the same form.
    assert label.parentWidget() is edit.parentWidget()
    assert label.geometry().top() >= edit.geometry().bottom()
    assert label.geometry().top() - edit.geometry().bottom() < 2 * edit.height()
    edit.backspace()
    type_text(edit, "5")
    assert not label.isVisible() and "snils" not in dialog.errors()


# --- «Это другой ребёнок»: a registered request sent again with the СНИЛС (review finding 7) ---------


def _sync(qtbot, window):
    with qtbot.waitSignal(window.synced, timeout=60_000):
        window.start_sync()


def _resend(qtbot, window, card, snils):
    before = outbox_kinds(window.workspace)
    card.resend_snils_edit.clear()
    type_text(card.resend_snils_edit, snils)
    qtbot.mouseClick(card.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outbox_kinds(window.workspace) == [*before, "child.create"])
    settle(qtbot)  # the operation's answer reached the screen (it clears the search)


def test_a_registered_request_becomes_another_child_told_apart_by_its_snils(qtbot, main_window, portal_db):
    from pfdo_desktop.domain.identity import make_snils
    from pfdo_portal.admin import add_child

    born = date(2015, 6, 1)
    theirs = make_snils(701_234_567)  # the registry child's СНИЛС: this school has no link to it
    add_child(portal_db, "Лебедев", "Матвей", "Ильич", born, snils=theirs)
    panel = open_children(main_window)
    dialog = open_new_child_dialog(qtbot, panel)
    fill_good_form(dialog, last="Лебедев", first="Матвей", middle="Ильич", born=born)
    dialog.snils_edit.clear()  # the form had no СНИЛС
    with qtbot.waitSignal(dialog.requested, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _sync(qtbot, main_window)

    # «Уже есть в реестре»: the card says what to do for the same child and for another one.
    type_search(qtbot, panel, "Лебедев Матвей")
    [row] = shown(panel)
    assert row.state == "registered"
    panel.table.selectRow(0)
    settle(qtbot)
    card = panel.card
    assert card.state_label.text() == "уже есть в реестре"
    note = card.note_label.text()
    assert "номер сертификата" in note and "укажите его СНИЛС" in note
    assert card.other_child_box.isVisible()
    assert card.resend_snils_edit.placeholderText() == "123-456-789 01"

    # A СНИЛС with a wrong control number: the message next to the field, nothing queued.
    before = outbox_kinds(main_window.workspace)
    type_text(card.resend_snils_edit, "11223344596")
    qtbot.mouseClick(card.resend_button, Qt.MouseButton.LeftButton)
    assert card.resend_error_label.isVisible()
    assert "контрольное число" in card.resend_error_label.text().casefold()
    assert outbox_kinds(main_window.workspace) == before

    # The registry child's own СНИЛС: the portal says «registered» again — and nothing more.
    _resend(qtbot, main_window, card, theirs)
    qtbot.waitUntil(lambda: "снова" in panel.message_label.text())
    settle(qtbot)
    _sync(qtbot, main_window)
    type_search(qtbot, panel, "Лебедев Матвей")
    [row] = shown(panel)
    assert (row.state, row.snils) == ("registered", theirs)
    panel.table.selectRow(0)
    settle(qtbot)
    card = panel.card
    assert "уполномоченную организацию" in card.note_label.text()
    assert card.other_child_box.isVisible()
    # The same СНИЛС again is refused on the PC: the portal's answer would be the same.
    before = outbox_kinds(main_window.workspace)
    type_text(card.resend_snils_edit, theirs)
    qtbot.mouseClick(card.resend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: card.resend_error_label.isVisible())
    assert "уже получил этот СНИЛС" in card.resend_error_label.text()
    assert outbox_kinds(main_window.workspace) == before

    # The child's real СНИЛС, another one: the portal creates another child with its own certificate.
    mine = make_snils(702_345_678)
    _resend(qtbot, main_window, card, mine)
    type_search(qtbot, panel, "Лебедев Матвей")
    assert [(r.state, r.snils) for r in shown(panel)] == [("pending", mine)]  # one request, not two
    _sync(qtbot, main_window)
    type_search(qtbot, panel, "Лебедев Матвей")
    [row] = shown(panel)
    assert row.state == "" and row.child_id is not None and row.snils == mine
    assert row.certificate_number
    panel.table.selectRow(0)
    settle(qtbot)
    card = panel.card
    assert card.state_label.text() == "в реестре портала"
    assert not card.other_child_box.isVisible()
    assert card.certificate_box.isVisible() and card.cert_number_label.text() == row.certificate_number
    # The other Лебедев's data never came to this PC.
    assert theirs not in [r.snils for r in main_window.workspace.search_children("Лебедев")]
