"""The PC sends its advance request and invoice to the real portal and shows what the portal decided
(issue 12): from marked lessons to a paid invoice without leaving the app.

Sent → the portal has them as sent with the PC's figures; accepted and paid by the payer (the admin
core the CLI runs) → after a sync the PC shows «принят», then «оплачен», and the month is closed (a
mark in it refused at once); a lesson cancelled on a second PC after this PC computed → the invoice
is refused ``figures_differ`` naming the contracts, stays a draft, and a re-send after the sync is
taken."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import openpyxl
import pytest

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.services import payment as payment_service
from pfdo_desktop.services.errors import NotAllowed, ValidationError
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin
from pfdo_portal.app import PortalSettings
from pfdo_portal.embedded import EmbeddedPortal

TODAY = date.today()  # the demo district is seeded around today, and the portal decides on today


def _month_before(month: tuple[int, int]) -> tuple[int, int]:
    first = pay.month_first_day(month) - timedelta(days=1)
    return first.year, first.month


CURRENT = (TODAY.year, TODAY.month)
LAST = _month_before(CURRENT)
# The advance of the current month once it may be requested (from its 2nd working day), else the last's.
EXPEL_REASON = "parent_request"  # domain.applications.EXPEL_REASONS_RU
ADVANCE_MONTH = CURRENT
# The portal's and the PC's day for the advance: today, or the advance's first day when the month's
# advance may not be requested yet (its 1st, or January's holidays): an advance is for its own month.
ADVANCE_DAY = max(TODAY, pay.advance_request_from(CURRENT))


@pytest.fixture
def portal(portal_db: str) -> Iterator[EmbeddedPortal]:
    with EmbeddedPortal(portal_db, settings=PortalSettings(today=ADVANCE_DAY)) as server:
        yield server


def _doc(ws: Workspace, month, kind: str):
    [doc] = [d for d in ws.money_documents(month) if d.kind == kind]
    return doc


def _on_portal(portal_db: str, provider_id: int, month, kind: str) -> dict:
    [doc] = [d for d in admin.list_invoices(portal_db, provider_id, month)
             if d["kind"] == kind and d["status"] != "returned"]
    return doc


def _a_marked_lesson(ws: Workspace, month) -> tuple[int, date, list[int]]:
    """A group's held lesson of ``month`` with children marked at it (group, date, those children)."""
    first, last = pay.month_first_day(month), pay.month_last_day(month)
    for group in ws.groups():
        journal = ws.journal(group.id, first, last)
        for lesson in journal.lessons:
            if lesson.state != "held" or lesson.lesson_date > TODAY:
                continue
            marked = [c.child_id for c in journal.children
                      if (c.child_id, lesson.lesson_date) in journal.marks]
            if marked:
                return group.id, lesson.lesson_date, marked
    raise AssertionError(f"no marked lesson in {month}")


def test_advance_and_invoice_sent_accepted_paid_and_the_month_closed(enrolled_workspace, portal_db,
                                                                     demo_provider_id):
    ws = enrolled_workspace
    advance = ws.send_advance(ADVANCE_MONTH, ADVANCE_DAY)
    invoice = ws.send_invoice(LAST)
    assert (advance.status, advance.status_text) == ("draft", "черновик — ждёт отправки на портал")
    assert invoice.status_text == "черновик — ждёт отправки на портал"
    assert invoice.total > 0 and invoice.lines > 0
    printed = ws.invoice_document(LAST)  # the printed invoice is the one sent
    assert (printed.total, printed.advance) == (invoice.total, invoice.advance)
    # What the portal would refuse is refused here at once, nothing queued.
    pending = ws.status().pending_ops
    with pytest.raises(NotAllowed) as twice:
        ws.send_invoice(LAST)
    assert twice.value.reason == p.R_ALREADY_INVOICED and "ждёт отправки" in twice.value.message
    ahead = pay.next_month(CURRENT)
    with pytest.raises(NotAllowed) as early:
        ws.send_advance(ahead)
    assert early.value.reason == p.R_TOO_EARLY
    assert f"{pay.advance_request_from(ahead):%d.%m.%Y}" in early.value.message
    assert ws.status().pending_ops == pending

    report = ws.sync()
    assert (report.rejected, ws.issues()) == (0, [])
    sent = _doc(ws, LAST, "invoice")
    assert (sent.status, sent.status_text) == ("sent", "отправлен")
    assert sent.number.startswith("С-") and sent.total == invoice.total
    on_portal = _on_portal(portal_db, demo_provider_id, LAST, "invoice")
    assert (on_portal["status"], on_portal["number"]) == ("sent", sent.number)
    assert Decimal(on_portal["total"]) == invoice.total and Decimal(on_portal["to_pay"]) == invoice.to_pay
    assert len(on_portal["lines"]) == invoice.lines
    adv_portal = _on_portal(portal_db, demo_provider_id, ADVANCE_MONTH, "advance")
    assert (adv_portal["status"], Decimal(adv_portal["total"])) == ("sent", advance.total)
    assert _doc(ws, ADVANCE_MONTH, "advance").status_text == "отправлена"  # «заявка … отправлена»
    with pytest.raises(NotAllowed) as standing:  # a standing invoice: no second one
        ws.send_invoice(LAST)
    assert standing.value.reason == p.R_ALREADY_INVOICED and sent.number in standing.value.message

    group_id, day, children = _a_marked_lesson(ws, LAST)
    admin.accept_invoice(portal_db, on_portal["id"])
    ws.sync()
    accepted = _doc(ws, LAST, "invoice")
    assert accepted.status == "accepted"
    assert accepted.status_text == f"принят {accepted.decided_on:%d.%m.%Y}"
    with pytest.raises(ValidationError) as locked:  # the month is closed: refused on the spot
        ws.mark(group_id, day, [MarkChange(children[0], None)])
    assert locked.value.reason == p.R_MONTH_LOCKED

    admin.pay_invoice(portal_db, on_portal["id"])
    ws.sync()
    paid = _doc(ws, LAST, "invoice")
    assert paid.status == "paid" and paid.paid_on is not None
    assert paid.status_text == f"оплачен {paid.paid_on:%d.%m.%Y}"


def test_a_lesson_cancelled_on_another_pc_is_refused_naming_the_contracts_and_a_resend_is_taken(
        enrolled_workspace, portal, portal_db, demo_provider_id, tmp_path):
    ws = enrolled_workspace
    group_id, day, children = _a_marked_lesson(ws, LAST)
    sent = ws.send_invoice(LAST)  # computed with every lesson of the group held

    other = Workspace.open(tmp_path / "second-pc")
    try:
        other.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
        other.sync()
        other.mark(group_id, day, [MarkChange(child, None) for child in children])
        assert other.cancel_lesson(group_id, day, "педагог на больничном")
        other.sync()
    finally:
        other.close()

    report = ws.sync()  # the push is refused, the pull brings the cancelled lesson
    assert report.rejected == 1
    draft = _doc(ws, LAST, "invoice")
    assert draft.uid == sent.uid and draft.status == "draft" and not draft.queued
    assert draft.status_text.startswith("черновик — портал не принял: Цифры не сходятся с порталом.")
    [issue] = ws.issues()
    assert issue.code == p.R_FIGURES_DIFFER
    assert issue.title.startswith(f"Счёт не принят порталом: за {LAST[1]:02d}.{LAST[0]}")
    figures = payment_service.load_month(ws.db, LAST).figures
    in_group = [c for c in figures.contracts if c.group_id == str(group_id) and c.on_invoice]
    assert in_group
    for contract in in_group:
        assert f"Договор № {contract.number}:" in issue.message
    assert admin.list_invoices(portal_db, demo_provider_id, LAST) == []

    again = ws.send_invoice(LAST)  # with the data the portal computed with
    assert again.uid == sent.uid and again.total < sent.total
    report = ws.sync()
    assert report.rejected == 0
    taken = _doc(ws, LAST, "invoice")
    assert taken.status == "sent" and taken.total == again.total
    assert Decimal(_on_portal(portal_db, demo_provider_id, LAST, "invoice")["total"]) == again.total


def test_an_advance_another_pc_sent_first_replaces_this_pc_s_draft(enrolled_workspace, portal, portal_db,
                                                                    demo_provider_id, tmp_path):
    ws = enrolled_workspace
    mine = ws.send_advance(ADVANCE_MONTH, ADVANCE_DAY)
    other = Workspace.open(tmp_path / "second-pc")
    try:
        other.enrol(portal.url, admin.issue_code(portal_db, demo_provider_id))
        other.sync()
        theirs = other.send_advance(ADVANCE_MONTH, ADVANCE_DAY)
        other.sync()
    finally:
        other.close()
    report = ws.sync()  # refused already_invoiced: the portal's standing advance is taken
    assert report.rejected == 1
    [doc] = ws.money_documents(ADVANCE_MONTH)
    assert (doc.uid, doc.status, doc.total) == (theirs.uid, "sent", mine.total)
    assert doc.number == _on_portal(portal_db, demo_provider_id, ADVANCE_MONTH, "advance")["number"]
    assert [i.code for i in ws.issues()] == [p.R_ALREADY_INVOICED]


def test_a_contract_shortened_after_its_month_was_accepted_is_corrected_on_the_next_invoice(
        enrolled_workspace, portal_db, demo_provider_id, tmp_path):
    """An expulsion shortens a contract: the portal splits its certificate part over fewer months,
    so a month already accepted owes a different sum. The next invoice carries the «корректировка»
    of that month, computed alike on the PC and the portal (``closed_month_corrections``): the
    portal takes it as sent."""
    ws = enrolled_workspace
    # Two months whose invoices may be issued today: the last and this one in December (invoiced
    # inside December), else the two before this one.
    in_december = pay.invoice_issue_from(CURRENT) <= TODAY
    closed, later = (LAST, CURRENT) if in_december else (_month_before(LAST), LAST)
    ws.send_invoice(closed)
    ws.sync()
    admin.accept_invoice(portal_db, _on_portal(portal_db, demo_provider_id, closed, "invoice")["id"])
    ws.sync()
    before = payment_service.load_month(ws.db, closed).figures
    contract = next(c for c in before.contracts if c.on_invoice and c.certificate_payment > 0)
    ws.expel_application(contract.contract_id, "12-о", TODAY, TODAY, EXPEL_REASON, today=TODAY)
    ws.sync()
    now = payment_service.load_month(ws.db, closed).figures
    delta = (next(c for c in now.contracts if c.contract_id == contract.contract_id).certificate_payment
             - contract.certificate_payment)
    assert delta != 0, "the shorter contract changes the accepted month's sum"
    ws.send_invoice(later)
    report = ws.sync()
    assert (report.rejected, ws.issues()) == (0, [])
    on_portal = _on_portal(portal_db, demo_provider_id, later, "invoice")
    corrections = [(line["contract_id"], line["corrects_month"], Decimal(str(line["amount"])))
                   for line in on_portal["lines"] if line["corrects_month"]]
    assert corrections == [(contract.contract_id, pay.month_text(closed), delta)]

    # The paper is the invoice the portal holds: its number, the correction line, the advance.
    printed = ws.invoice_document(later)
    assert printed.number == on_portal["number"]
    assert [(c.contract_number, (c.year, c.month), c.amount) for c in printed.corrections] == [
        (contract.number, closed, delta)]
    assert printed.total == Decimal(str(on_portal["total"]))
    assert printed.total - printed.advance == Decimal(str(on_portal["to_pay"])) - Decimal(
        str(on_portal["advance_excess"]))
    xlsx = tmp_path / "месяц.xlsx"
    ws.export_month(later, xlsx)
    rows = list(openpyxl.load_workbook(xlsx)["Приложение к счёту"].iter_rows(values_only=True))
    fixes = [r for r in rows if isinstance(r[0], int) and str(r[4]).startswith("за ")]
    assert [(r[1], Decimal(str(r[5])).quantize(Decimal("0.01"))) for r in fixes] == [(contract.number, delta)]
    def figure(label: str) -> Decimal:
        return Decimal(str(next(r[5] for r in rows if r[4] == label))).quantize(Decimal("0.01"))

    assert (figure("Итого"), figure("Аванс")) == (printed.total, printed.advance)
    reprinted_closed = ws.invoice_document(closed)  # the accepted month reprints as accepted
    assert reprinted_closed.total == sum((c.certificate_payment for c in before.contracts if c.on_invoice),
                                         Decimal("0.00"))

    # Accepting the invoice books the correction on the certificate: an overpaid month is returned.
    cert_before = admin.get_certificate(portal_db, contract.certificate_number)
    admin.accept_invoice(portal_db, on_portal["id"])
    cert_after = admin.get_certificate(portal_db, contract.certificate_number)
    later_figures = payment_service.load_month(ws.db, later).figures
    later_payment = next((c.certificate_payment for c in later_figures.contracts
                          if c.contract_id == contract.contract_id), Decimal("0.00"))
    assert Decimal(cert_after["balance"]) == Decimal(cert_before["balance"]) - later_payment - delta
