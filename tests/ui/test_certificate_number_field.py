"""«Новая заявка»: the «Номер сертификата» field (issue 10 §1) — prefilled for a child this PC sees,
empty and required for a child the portal answered «уже есть в реестре», checked as the operator
types with the message next to the field, and carried by the application."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import type_text

from pfdo_desktop.models import OutboxOp
from pfdo_desktop.services import applications as application_service
from pfdo_desktop.services import children as children_service
from pfdo_desktop.services.rows import NewChild
from pfdo_desktop.ui.applications.new_dialog import NewApplicationDialog
from pfdo_portal import admin

BORN = date(date.today().year - 10, 1, 15)




def erase(widget):
    widget.setFocus()
    widget.selectAll()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier))


def last_payload(workspace):
    with workspace.db.read() as s:
        op = s.scalars(select(OutboxOp).order_by(OutboxOp.id.desc()).limit(1)).one()
        return op.kind, dict(op.payload)


def certified_pair(workspace):
    """A registry child with a ПФ certificate and a certified group it may join today."""
    today = date.today()
    for group in application_service.groups_for_application(workspace.db):
        start = max(today, group.date_from)
        for child in children_service.search_children(workspace.db, ""):
            if child.certificate_status != "pf" or not child.certificate_number:
                continue
            check = application_service.precheck(workspace.db, child.key, group.id, start, today)
            if not check.refusals and check.cost is not None:
                return child, group
    raise AssertionError("no certified group with an eligible ПФ child in the demo district")


def open_dialog(qtbot, workspace, child, group_id):
    dialog = NewApplicationDialog(workspace, date.today(), child=child, group_id=group_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_child_this_pc_sees_gets_its_number_checked_as_typed(qtbot, main_window):
    workspace = main_window.workspace
    child, group = certified_pair(workspace)
    dialog = open_dialog(qtbot, workspace, child, group.id)
    edit, label = dialog.certificate_number_edit, dialog.certificate_number_label
    assert edit.text() == child.certificate_number  # prefilled: the provider is linked to the child
    assert dialog.ok_button.isEnabled() and "b00020" not in edit.styleSheet()
    assert label.text() == "Совпадает с номером сертификата ребёнка на этом ПК."

    # Not 10 digits: said next to the field at once, and nothing can be submitted.
    erase(edit)
    type_text(edit, child.certificate_number[:5])
    assert label.text() == "Номер сертификата — ровно 10 цифр, а введено 5: сверьте с заявлением родителя"
    assert "b00020" in edit.styleSheet() and not dialog.ok_button.isEnabled()
    type_text(edit, "абв")  # letters are not taken at all
    assert edit.text() == child.certificate_number[:5]

    # Another child's number: the pre-check compares it with the number this PC knows.
    wrong = child.certificate_number[:-1] + str((int(child.certificate_number[-1]) + 1) % 10)
    erase(edit)
    type_text(edit, wrong)
    assert label.text().startswith("Номер сертификата не совпадает с сертификатом ребёнка в реестре")
    assert "Номер сертификата не совпадает с сертификатом ребёнка в реестре." in dialog.check_label.text()
    assert "Сверьте номер с заявлением родителя" in dialog.check_label.text()  # what to do
    assert not dialog.ok_button.isEnabled()

    # None at all: a certified programme needs it.
    erase(edit)
    assert label.text().startswith("Программа сертифицированная: для оплаты сертификатом укажите номер")
    assert not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    assert dialog.isVisible()

    # The parent's number, typed with spaces as it is printed: accepted and sent as 10 digits.
    number = child.certificate_number
    type_text(edit, f"{number[:2]} {number[2:4]} {number[4:]}")
    assert dialog.ok_button.isEnabled() and "b00020" not in edit.styleSheet()
    with qtbot.waitSignal(dialog.submitted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    kind, payload = last_payload(workspace)
    assert kind == "application.create" and payload["certificate_number"] == number
    assert payload["uid"] == dialog.application_uid


def test_a_child_already_in_the_registry_needs_the_number_from_the_parent(qtbot, main_window, portal_db):
    workspace = main_window.workspace
    # A child of another school: the portal answers «уже есть в реестре» and tells nothing about it.
    _child_id, number = admin.add_child(portal_db, "Чужов", "Пётр", "Иванович", BORN,
                                        certificate_status="pf", nominal="20000.00")
    form = NewChild(last_name="Чужов", first_name="Пётр", middle_name="Иванович", birth_date=BORN, snils="",
                    doc_kind="birth_certificate", doc_number="IV-МЮ 654321", guardian_last_name="Чужова",
                    guardian_first_name="Ольга", guardian_middle_name="", guardian_relation="mother",
                    phone="+7 912 000-11-22", email="", certificate_number="")
    uid = workspace.request_child(form)
    workspace.sync()
    (row,) = workspace.search_children("чужов")
    assert (row.key, row.state) == (f"r:{uid}", "registered")
    # Its card says why there is nothing about the child and what to do.
    main_window.refresh_all()  # the sync ran outside the window
    main_window.tabs.setCurrentIndex(main_window.children_tab)
    panel = main_window.children_panel
    panel.search_edit.setText("Чужов Пётр")
    qtbot.waitUntil(lambda: panel.card.card is not None and panel.card.card.child.key == row.key)
    card = panel.card
    assert card.state_label.text() == "уже есть в реестре"
    assert card.note_label.text().startswith("Ребёнок с такими ФИО и датой рождения уже есть в реестре "
                                             "портала; данные о нём придут после заявки с номером "
                                             "сертификата")
    assert card.no_certificate_label.text() == (
        "Данные сертификата придут после заявки с его номером из заявления родителя.")
    assert card.new_application_button.isEnabled()
    today = date.today()
    group = next(g for g in application_service.groups_for_application(workspace.db)
                 if (c := application_service.precheck(workspace.db, row.key, g.id, max(today, g.date_from),
                                                       today, number)).registry == "general"
                 and not c.refusals)
    dialog = open_dialog(qtbot, workspace, row, group.id)
    edit, label = dialog.certificate_number_edit, dialog.certificate_number_label
    assert edit.text() == ""  # nothing to prefill: this PC does not know the child's certificate
    assert label.text() == ("Ребёнок уже есть в реестре: попросите у родителя номер сертификата и укажите "
                            "его в заявке")
    assert "b00020" in edit.styleSheet() and not dialog.ok_button.isEnabled()
    assert "Не указан номер сертификата ребёнка." in dialog.check_label.text()
    type_text(edit, number)
    assert label.text() == "Номер сверит портал при подаче заявки."
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.submitted, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    kind, payload = last_payload(workspace)
    assert (kind, payload["child_uid"], payload["certificate_number"]) == ("application.create", uid, number)
    # The portal decides: confirmed, and the child's card arrives with the download.
    workspace.sync()
    card = workspace.child_card(f"r:{uid}")
    assert card.child.key.startswith("c:")
    assert card.certificate is not None and card.certificate.number == number


def test_a_budget_programme_takes_no_number_but_checks_a_given_one(qtbot, main_window):
    workspace = main_window.workspace
    today = date.today()

    def budget_and_eligible(child, group):
        start = max(today, group.date_from)
        check = application_service.precheck(workspace.db, child.key, group.id, start, today)
        return check.registry not in ("certified", "paid") and not check.refusals

    child, group = next(
        (c, g)
        for g in application_service.groups_for_application(workspace.db)
        for c in children_service.search_children(workspace.db, "")
        if c.certificate_number and budget_and_eligible(c, g)
    )
    dialog = open_dialog(qtbot, workspace, child, group.id)
    edit, label = dialog.certificate_number_edit, dialog.certificate_number_label
    assert edit.text() == child.certificate_number and dialog.ok_button.isEnabled()
    erase(edit)
    assert label.text() == "Для этой программы номер можно не указывать." and dialog.ok_button.isEnabled()
    type_text(edit, "0000000000" if child.certificate_number != "0000000000" else "1111111111")
    assert label.text().startswith("Номер сертификата не совпадает") and not dialog.ok_button.isEnabled()
    dialog.reject()


def test_the_certificate_number_field_shows_its_placeholder_whole(qtbot, enrolled_workspace):
    """Review finding 12: the placeholder read «10 цифр из заявлени…»."""
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    child, group = certified_pair(enrolled_workspace)
    dialog = open_dialog(qtbot, enrolled_workspace, child, group.id)
    edit = dialog.certificate_number_edit
    edit.clear()
    assert edit.placeholderText() == "10 цифр из заявления родителя"
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    text_width = contents.width() - 4  # Qt keeps 2 pixels each side between the contents and the text
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= text_width
    # Also when the dialog is as narrow as it goes.
    dialog.resize(dialog.minimumWidth(), dialog.height())
    qtbot.waitUntil(lambda: dialog.width() == max(dialog.minimumWidth(), dialog.minimumSizeHint().width()))
    edit.initStyleOption(option)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= contents.width() - 4
