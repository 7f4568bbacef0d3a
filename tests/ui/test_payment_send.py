"""«Оплата»: «Отправить на портал» for the invoice of the shown month and the advance of the current
one, and the documents' statuses as the portal decides them, refreshed by the sync (issue 12)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from ui_helpers import settle

from pfdo_desktop.domain import payment as pay
from pfdo_portal import admin

TODAY = date.today()
CURRENT = (TODAY.year, TODAY.month)
LAST = (TODAY.year - 1, 12) if TODAY.month == 1 else (TODAY.year, TODAY.month - 1)


def open_tab(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    return window.payment_panel


def sync(qtbot, window) -> None:
    assert window.start_sync() is not None
    settle(qtbot, 60_000)


def test_send_the_invoice_and_see_the_portal_decide(qtbot, main_window, portal_db, demo_provider_id):
    window = main_window
    panel = open_tab(qtbot, window)
    assert panel.month == LAST
    head = f"Счёт за {pay.month_ru(LAST)}"
    assert panel.invoice_status.text() == f"{head}: ещё не отправлен на портал"
    assert panel.send_invoice_button.isEnabled()
    assert panel.send_advance_button.isEnabled() == (pay.advance_request_from(CURRENT) <= TODAY)

    qtbot.mouseClick(panel.send_invoice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert panel.message_label.text() == "В очереди: Счёт. Уйдёт на портал при следующей синхронизации."
    assert panel.invoice_status.text().startswith(f"{head}: черновик — ждёт отправки на портал · ")
    assert not panel.send_invoice_button.isEnabled()  # one invoice a month

    sync(qtbot, window)
    [doc] = admin.list_invoices(portal_db, demo_provider_id, LAST)
    assert panel.invoice_status.text().startswith(f"{head} № {doc['number']}: отправлен · ")
    assert not panel.send_invoice_button.isEnabled()

    admin.return_invoice(portal_db, doc["id"], "нет подписи руководителя")
    sync(qtbot, window)
    assert panel.invoice_status.text().startswith(
        f"{head} № {doc['number']}: возвращён: нет подписи руководителя · ")
    assert panel.send_invoice_button.isEnabled()  # a returned invoice may be sent again

    qtbot.mouseClick(panel.send_invoice_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    sync(qtbot, window)
    again = next(d for d in admin.list_invoices(portal_db, demo_provider_id, LAST) if d["status"] == "sent")
    assert again["number"] == f"{doc['number']}/2"
    admin.accept_invoice(portal_db, again["id"])
    admin.pay_invoice(portal_db, again["id"])
    sync(qtbot, window)
    assert panel.invoice_status.text().startswith(f"{head} № {again['number']}: оплачен {TODAY:%d.%m.%Y} · ")
    assert not panel.send_invoice_button.isEnabled()


def test_a_month_not_over_cannot_be_sent_yet(qtbot, main_window):
    panel = open_tab(qtbot, main_window)
    ahead = pay.next_month(CURRENT)
    panel.set_month(ahead)
    settle(qtbot)
    assert not panel.send_invoice_button.isEnabled()
    opens = pay.invoice_issue_from(ahead)
    assert panel.send_invoice_button.toolTip() == f"Можно отправить с {opens:%d.%m.%Y}"


def test_the_advance_waits_for_nothing_once_the_month_s_invoice_stands(qtbot, main_window):
    """An advance after the month's invoice is refused (too_late) on both sides: the button says so
    instead of offering a send that can only be refused."""
    panel = open_tab(qtbot, main_window)
    assert panel.view is not None and not panel.current_invoiced
    panel.current_invoiced = True  # what reload() sets when the current month's invoice stands or waits
    panel._show_documents(panel.view)
    assert not panel.send_advance_button.isEnabled()
    tip = "За этот месяц уже выставлен счёт: аванс после счёта не подаётся"
    assert panel.send_advance_button.toolTip() == tip
