"""The provider's advance requests and invoices on their way to the portal and back (issue 12):
``send_advance`` / ``send_invoice`` turn the PC's month (``services.payment``: the domain's
``build_advance`` / ``build_invoice``) into ``month.advance`` / ``month.invoice`` commands, queued in
the outbox in one transaction with the local document (``models.MoneyDocument``); the portal's
answers (``sync/results.py``) and the own stream's ``invoice`` rows (``sync/pull.py``) bring its
decisions through ``store_record``.

Decisions where the issue is silent (docs/payment.md «On the desktop»):

* **A document is a «черновик» on this PC until the portal answers**: queued, it waits in the
  outbox («ждёт отправки»); refused, it stays a draft with the portal's words and can be sent again
  (same uid: the portal kept nothing of it) — a ``figures_differ`` after the next sync, when the PC
  has the data the portal computed with. «отправлен» is the portal's word: it took the figures.
* **The invoice's advance is the advance that stands on the portal for the month** (sent, accepted
  or paid, as this PC knows it — also one still waiting in the outbox ahead of the invoice, which
  the portal decides first), else 0.00: the portal compares with exactly that
  (``pfdo_portal.money.live_advance``). No corrections: those of closed months are the portal's.
* **The advance's percentage** is the region's default, 80 % (the PC does not receive the region's
  setting; another setting comes back as ``figures_differ`` «процент аванса»).
* **Refused at once, with the portal's reason code**: before the first day (``too_early``), a month
  that already has a standing document of the kind (``already_invoiced``), one waiting in the outbox.
* ``already_invoiced`` from the portal: its standing document (maybe another PC's) replaces the draft.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain.clock import edit_time
from pfdo_desktop.domain.documents import AdvanceContractLine, AdvanceDoc, InvoiceDoc, PayerInfo
from pfdo_desktop.domain.payment_month import (
    Correction,
    CorrectionLine,
    Invoice,
    InvoicedLine,
    build_invoice,
    closed_month_corrections,
)
from pfdo_desktop.domain.payment_month import InvoiceLine as AnnexLine
from pfdo_desktop.domain.pricing import YearMonth
from pfdo_desktop.domain.said import said, term
from pfdo_desktop.models import (
    MONEY_ACCEPTED,
    MONEY_DRAFT,
    MONEY_PAID,
    MONEY_RETURNED,
    MONEY_STANDING,
    Database,
    Device,
    MoneyDocument,
    OutboxOp,
    utcnow,
)
from pfdo_desktop.models.clock import anchor_of
from pfdo_desktop.sync import protocol as p

from . import documents as document_service
from . import payment as payment_service
from .errors import NotAllowed
from .money_rows import KIND_ADVANCE, KIND_INVOICE, KINDS_RU, MoneyDocumentRow
from .outbox import build_payload, enqueue_command

ZERO = Decimal("0.00")
ENTITY = "invoice"


def entity_key(uid: str) -> str:
    return f"{ENTITY}:{uid}"


# --- reading -------------------------------------------------------------------------------------


def _queued(s: Session) -> set[str]:
    return set(s.scalars(select(OutboxOp.entity_key).where(OutboxOp.entity_key.like(f"{ENTITY}:%"))))


def _day(moment: datetime | None) -> date | None:
    return document_service._local_date(moment) if moment is not None else None


def _row(doc: MoneyDocument, queued: set[str]) -> MoneyDocumentRow:
    return MoneyDocumentRow(
        uid=doc.uid, kind=doc.kind, month=pay.parse_month(doc.month), payer=doc.payer, number=doc.number,
        status=doc.status, reason=doc.reason, refused_text=doc.refused_text,
        queued=entity_key(doc.uid) in queued, total=doc.total, advance=doc.advance, to_pay=doc.to_pay,
        lines=len(doc.lines or ()), sent_on=_day(doc.sent_at), decided_on=_day(doc.decided_at),
        paid_on=_day(doc.paid_at))


def month_documents(db: Database, month: YearMonth) -> list[MoneyDocumentRow]:
    """The month's advance requests and invoices, the advance first, the latest of a kind first."""
    with db.read() as s:
        queued = _queued(s)
        docs = s.scalars(select(MoneyDocument).where(MoneyDocument.month == pay.month_text(month))).all()
        order = {KIND_ADVANCE: 0, KIND_INVOICE: 1}
        docs = sorted(docs, key=lambda d: (order.get(d.kind, 2), -d.created_at.timestamp()))
        return [_row(d, queued) for d in docs]


def _current(s: Session, kind: str, month: YearMonth, payer: str) -> MoneyDocument | None:
    """The document of the kind that stands for the month (or waits), else None."""
    docs = s.scalars(select(MoneyDocument).where(
        MoneyDocument.kind == kind, MoneyDocument.month == pay.month_text(month),
        MoneyDocument.payer == payer, MoneyDocument.status != MONEY_RETURNED)).all()
    standing = [d for d in docs if d.status in MONEY_STANDING]
    if standing:
        return standing[0]
    return docs[0] if docs else None


# --- sending -------------------------------------------------------------------------------------


def _refuse_standing(s: Session, kind: str, month: YearMonth, payer: str) -> MoneyDocument | None:
    """The draft to send again, or None for a new document; refuses a standing or queued one."""
    doc = _current(s, kind, month, payer)
    if doc is None:
        return None
    what = KINDS_RU[kind].lower()
    if doc.status in MONEY_STANDING:
        status = _row(doc, set()).status_text
        raise NotAllowed(said(
            "money.already_on_portal",
            f"{KINDS_RU[kind]} за {pay.month_ru(month)} уже на портале (№ {doc.number}, "
            f"{status}): второй за тот же месяц не принимается. Новый можно "
            "отправить, только если портал вернёт этот.", kind=term("MoneyKind", KINDS_RU[kind]),
            month=pay.month_ru(month), number=doc.number, status=status), reason=p.R_ALREADY_INVOICED)
    if entity_key(doc.uid) in _queued(s):
        raise NotAllowed(said(
            "money.already_waiting", f"{what.capitalize()} за {pay.month_ru(month)} уже ждёт "
            "отправки на портал: синхронизируйте данные.",
            kind=term("MoneyKind", KINDS_RU[kind]), month=pay.month_ru(month)),
                         reason=p.R_ALREADY_INVOICED)
    return doc


def _refuse_out_of_time(s: Session, kind: str, month: YearMonth, payer: str, today: date) -> None:
    """The portal's rule (``payment.document_refusal``) on this PC, before anything is queued: too
    early, or an advance for a month that is over or whose invoice stands here (or waits)."""
    invoice = _current(s, KIND_INVOICE, month, payer)
    stands = invoice is not None and (invoice.status in MONEY_STANDING
                                      or entity_key(invoice.uid) in _queued(s))
    refusal = pay.document_refusal(kind, month, today, invoice_stands=stands)
    if refusal is not None:
        raise NotAllowed(refusal[1], reason=refusal[0])


def standing_advance(s: Session, month: YearMonth, payer: str) -> Decimal | None:
    """The advance for the month the portal has (or will have first: one waiting in the outbox)."""
    doc = _current(s, KIND_ADVANCE, month, payer)
    if doc is None:
        return None
    if doc.status in MONEY_STANDING or entity_key(doc.uid) in _queued(s):
        return doc.total
    return None


def known_advances(db: Database, month: YearMonth) -> dict[str, Decimal]:
    """Payer → the advance for the month the portal has (or will have first), for the invoice."""
    with db.read() as s:
        payers = set(s.scalars(select(MoneyDocument.payer).where(
            MoneyDocument.kind == KIND_ADVANCE, MoneyDocument.month == pay.month_text(month))))
        found = {payer: standing_advance(s, month, payer) for payer in payers}
    return {payer: amount for payer, amount in found.items() if amount is not None}


def _keep(s: Session, doc: MoneyDocument | None, kind: str, month: YearMonth, payer: str, *,
          total: Decimal, base: Decimal = ZERO, percent: Decimal | None = None, advance: Decimal = ZERO,
          to_pay: Decimal = ZERO, excess: Decimal = ZERO, lines: list[dict[str, Any]]) -> MoneyDocument:
    if doc is None:
        doc = MoneyDocument(uid=p.new_uid(), kind=kind, month=pay.month_text(month), payer=payer,
                            created_at=utcnow())
        s.add(doc)
    doc.status, doc.refused_code, doc.refused_text = MONEY_DRAFT, "", ""
    doc.total, doc.base, doc.percent, doc.advance, doc.to_pay, doc.advance_excess = (
        total, base, percent, advance, to_pay, excess)
    doc.lines = lines
    return doc


def send_advance(db: Database, month: YearMonth, today: date) -> MoneyDocumentRow:
    """«Отправить на портал» the advance request for ``month``: queued with its local draft."""
    with db.write() as s:
        data = payment_service.gather_month(s, month)
        payer = payment_service._payer(data, None)
        _refuse_out_of_time(s, KIND_ADVANCE, month, payer, today)
        doc = _refuse_standing(s, KIND_ADVANCE, month, payer)
        advance = data.advance(payer)
        contracts = [c for c in data.figures.for_payer(payer) if c.certificate_amount > 0]
        lines = [{"contract_id": c.contract_id, "contract_number": c.number, "contract_date": c.signed_on,
                  "certificate_number": c.certificate_number, "amount": c.certificate_amount}
                 for c in contracts]
        doc = _keep(s, doc, KIND_ADVANCE, month, payer, total=advance.amount, base=advance.base,
                    percent=advance.percent, to_pay=advance.amount, lines=_stored(lines))
        payload = build_payload(p.MonthAdvancePayload, uid=doc.uid, month=pay.month_text(month), payer=payer,
                                percent=advance.percent, base=advance.base, amount=advance.amount,
                                lines=lines)
        enqueue_command(s, entity_key(doc.uid), payload)
        s.flush()
        return _row(doc, {entity_key(doc.uid)})


def send_invoice(db: Database, month: YearMonth, today: date) -> MoneyDocumentRow:
    """«Отправить на портал» the invoice for ``month`` with its annex: queued with its local draft."""
    with db.write() as s:
        data = payment_service.gather_month(s, month)
        payer = payment_service._payer(data, None)
        _refuse_out_of_time(s, KIND_INVOICE, month, payer, today)
        doc = _refuse_standing(s, KIND_INVOICE, month, payer)
        invoice = month_invoice(s, data, payer)
        lines = [{"contract_id": line.contract_id, "contract_number": line.contract_number,
                  "contract_date": line.contract_date, "certificate_number": line.certificate_number,
                  "k": line.k, "amount": line.amount} for line in invoice.lines]
        corrections = [{"contract_id": c.contract_id, "contract_number": c.contract_number,
                        "contract_date": c.contract_date, "certificate_number": c.certificate_number,
                        "month": pay.month_text(c.month), "amount": c.amount, "reason": c.reason}
                       for c in invoice.corrections]
        stored = lines + [{**{k: v for k, v in c.items() if k != "month"}, "k": None,
                           "corrects_month": c["month"]} for c in corrections]
        doc = _keep(s, doc, KIND_INVOICE, month, payer, total=invoice.total, advance=invoice.advance,
                    to_pay=invoice.to_pay, excess=invoice.advance_excess, lines=_stored(stored))
        payload = build_payload(p.MonthInvoicePayload, uid=doc.uid, month=pay.month_text(month), payer=payer,
                                lines=lines, corrections=corrections, total=invoice.total,
                                advance=invoice.advance,
                                to_pay=invoice.to_pay)
        enqueue_command(s, entity_key(doc.uid), payload)
        s.flush()
        return _row(doc, {entity_key(doc.uid)})


def month_invoice(s: Session, data: payment_service.MonthData, payer: str) -> Invoice:
    """The invoice for ``payer``'s month as it would be sent now: the month's lines, the advance the
    portal holds for the month, the corrections of the closed months before it."""
    return build_invoice(data.figures, payer, standing_advance(s, data.month, payer) or ZERO,
                         closed_corrections(s, payer, data.month))


def _standing_doc(s: Session, kind: str, month: YearMonth, payer: str) -> MoneyDocument | None:
    doc = _current(s, kind, month, payer)
    return doc if doc is not None and doc.status in MONEY_STANDING else None


def _invoice_of(doc: MoneyDocument, month: YearMonth) -> Invoice:
    """A standing invoice as the portal holds it (its stored lines) → the domain's ``Invoice``."""
    lines: list[AnnexLine] = []
    fixes: list[CorrectionLine] = []
    for n, x in enumerate(doc.lines or (), start=1):
        number, cert = str(x.get("contract_number") or ""), str(x.get("certificate_number") or "")
        signed, amount = date.fromisoformat(str(x["contract_date"])), Decimal(str(x["amount"]))
        contract = str(x["contract_id"])
        if x.get("corrects_month"):
            corrects = pay.parse_month(str(x["corrects_month"]))
            fixes.append(CorrectionLine(n, contract, number, signed, cert, corrects, amount,
                                        str(x.get("reason") or "")))
        else:
            lines.append(AnnexLine(n, contract, number, signed, cert, Decimal(str(x["k"])), amount))
    lines_total, fixes_total = sum((x.amount for x in lines), ZERO), sum((x.amount for x in fixes), ZERO)
    return Invoice(doc.payer, month, tuple(lines), tuple(fixes), lines_total, fixes_total, doc.total,
                   doc.advance, doc.to_pay, doc.advance_excess)


def month_invoices(s: Session, data: payment_service.MonthData) -> list[Invoice]:
    """Every payer's invoice for the month: the one standing on the portal, else the one to send."""
    out = []
    for payer in sorted({c.payer for c in data.figures.contracts}):
        doc = _standing_doc(s, KIND_INVOICE, data.month, payer)
        out.append(_invoice_of(doc, data.month) if doc is not None else month_invoice(s, data, payer))
    return out


def _draft_note(kind: str, month: YearMonth, today: date, invoice_stands: bool = False) -> str:
    """Why a paper not yet on the portal could not be sent today (``payment.document_refusal``):
    printed as «ПРОЕКТ — не для оплаты», so a bill for a month not over never looks issued."""
    refusal = pay.document_refusal(kind, month, today, invoice_stands=invoice_stands)
    return refusal[1] if refusal is not None else ""


def portal_today(db: Database) -> date:
    """Today on the portal's clock, as this PC measured it at its last sync (``domain.clock``),
    in the PC's time zone: the day the portal decides documents by. A PC whose wall clock is wrong
    still opens the right month and sends on the day the portal counts."""
    with db.read() as s:
        device = s.scalar(select(Device))
        if device is None:
            return date.today()
        offset = timedelta(seconds=device.clock_offset_s or 0.0)
        at = edit_time(anchor_of(device), offset, db.clock.read()).at
    return at.astimezone().date()


def invoice_to_print(db: Database, month: YearMonth, payer: str | None, today: date) -> InvoiceDoc:
    """The invoice to preview and print: the one standing on the portal (its number, its date, its
    lines), else the one «Отправить на портал» would send today."""
    with db.read() as s:
        data = payment_service.gather_month(s, month)
        who = payment_service._payer(data, payer)
        doc = _standing_doc(s, KIND_INVOICE, month, who)
        if doc is None:
            paper = payment_service.invoice_document(data, month_invoice(s, data, who), today)
            return dataclasses.replace(paper, draft_note=_draft_note(KIND_INVOICE, month, today))
        sent = _day(doc.sent_at or doc.created_at) or today
        return payment_service.invoice_document(data, _invoice_of(doc, month), sent, doc.number)


def advance_to_print(db: Database, month: YearMonth, payer: str | None, today: date) -> AdvanceDoc:
    """The advance request to preview and print: the one standing on the portal, else today's."""
    with db.read() as s:
        data = payment_service.gather_month(s, month)
        who = payment_service._payer(data, payer)
        doc = _standing_doc(s, KIND_ADVANCE, month, who)
        if doc is None:
            invoiced = _standing_doc(s, KIND_INVOICE, month, who) is not None
            paper = payment_service.advance_document(data, today, who)
            return dataclasses.replace(paper, draft_note=_draft_note(KIND_ADVANCE, month, today, invoiced))
        lines = tuple(AdvanceContractLine(str(x.get("contract_number") or ""),
                                          date.fromisoformat(str(x["contract_date"])),
                                          str(x.get("certificate_number") or ""), Decimal(str(x["amount"])))
                      for x in doc.lines or ())
        return AdvanceDoc(provider=data.provider, payer=PayerInfo(who), year=month[0], month=month[1],
                          request_date=_day(doc.sent_at or doc.created_at) or today, lines=lines,
                          base=doc.base,
                          percent=doc.percent if doc.percent is not None else data.advance_percent,
                          amount=doc.total, number=doc.number,
                          chief_accountant=data.provider.requisites.chief_accountant)


def export_month(db: Database, month: YearMonth, out: Path) -> int:
    """The month's XLSX for the accountant, with the invoices as ``month_invoices`` gives them."""
    with db.read() as s:
        data = payment_service.gather_month(s, month)
        invoices = month_invoices(s, data)
    return payment_service.export_month(data, invoices, out)


def closed_corrections(s: Session, payer: str, month: YearMonth) -> list[Correction]:
    """The corrections the invoice for ``month`` carries, as the portal computes them
    (``payment_month.closed_month_corrections``): for every earlier month this payer's invoice was
    accepted for (as this PC last pulled it), the month recomputed here against what was invoiced
    for it and the corrections of it later invoices already carried."""
    docs = s.scalars(select(MoneyDocument).where(MoneyDocument.kind == KIND_INVOICE,
                                                 MoneyDocument.payer == payer)).all()
    out: list[Correction] = []
    for doc in docs:
        closed = pay.parse_month(doc.month)
        if doc.status not in (MONEY_ACCEPTED, MONEY_PAID) or closed >= month:
            continue
        own = [_invoiced(x) for x in doc.lines or () if not x.get("corrects_month")]
        carried = [_invoiced(x) for other in docs if other.status in MONEY_STANDING
                   for x in other.lines or () if x.get("corrects_month") == doc.month]
        out += closed_month_corrections(closed, payer, own, carried,
                                        payment_service.gather_month(s, closed).figures)
    return out


def _invoiced(line: dict[str, Any]) -> InvoicedLine:
    return InvoicedLine(str(line["contract_id"]), str(line.get("contract_number") or ""),
                        date.fromisoformat(str(line["contract_date"])),
                        str(line.get("certificate_number") or ""), Decimal(str(line["amount"])))


def _stored(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Lines as JSON: dates ISO, money and k as decimal text."""
    out = []
    for n, line in enumerate(lines, start=1):
        row: dict[str, Any] = {"n": n}
        for key, value in line.items():
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, Decimal):
                value = f"{value}"
            row[key] = value
        out.append(row)
    return out


# --- the portal's records ------------------------------------------------------------------------


def store_record(s: Session, record: dict[str, Any]) -> MoneyDocument:
    """A document as the portal keeps it (``InvoiceRecord``, read: typed values) → the local row, by
    its uid. A standing document drops this PC's drafts of the same kind and month that wait for
    nothing (the portal would refuse them as ``already_invoiced``)."""
    if record.get("id") is not None:  # (a row of the same portal id under another uid: never kept)
        s.execute(delete(MoneyDocument).where(MoneyDocument.portal_id == record["id"],
                                              MoneyDocument.uid != record["uid"]))
    doc = s.get(MoneyDocument, record["uid"])
    if doc is None:
        doc = MoneyDocument(uid=record["uid"])
        s.add(doc)
    doc.portal_id = record.get("id")
    doc.kind, doc.month, doc.payer = record["kind"], record["month"], record.get("payer") or ""
    doc.number, doc.status, doc.reason = record["number"], record["status"], record.get("reason") or ""
    doc.refused_code, doc.refused_text = "", ""
    doc.percent = record.get("percent")
    doc.base, doc.total, doc.advance = record["base"], record["total"], record["advance"]
    doc.to_pay, doc.advance_excess = record["to_pay"], record["advance_excess"]
    doc.created_at = record["created_at"]
    doc.sent_at = record["created_at"]
    doc.decided_at, doc.paid_at = record.get("decided_at"), record.get("paid_at")
    doc.lines = _stored_record_lines(record.get("lines") or [])
    if doc.status in MONEY_STANDING:
        s.flush()
        queued = _queued(s)
        m = MoneyDocument
        same = select(m.uid).where(m.kind == doc.kind, m.month == doc.month, m.payer == doc.payer,
                                   m.status == MONEY_DRAFT, m.uid != doc.uid)
        drafts = [uid for uid in s.scalars(same) if entity_key(uid) not in queued]
        if drafts:
            s.execute(delete(MoneyDocument).where(MoneyDocument.uid.in_(drafts)))
    return doc


def _stored_record_lines(lines: list[Any]) -> list[dict[str, Any]]:
    out = []
    for line in lines:
        row = dict(line)
        for key, value in row.items():
            if isinstance(value, date):
                row[key] = value.isoformat()
            elif isinstance(value, Decimal):
                row[key] = f"{value}"
        out.append(row)
    return out


def refused(s: Session, uid: str, code: str, text: str) -> None:
    """The portal refused the document: it stays a draft here with the portal's words."""
    doc = s.get(MoneyDocument, uid)
    if doc is not None and doc.status == MONEY_DRAFT:
        doc.refused_code, doc.refused_text = code, text


def drop_draft(s: Session, uid: str) -> None:
    doc = s.get(MoneyDocument, uid)
    if doc is not None and doc.status == MONEY_DRAFT:
        s.delete(doc)


__all__ = [
    "advance_to_print",
    "entity_key",
    "export_month",
    "invoice_to_print",
    "month_invoice",
    "month_invoices",
    "portal_today",
    "known_advances",
    "month_documents",
    "send_advance",
    "send_invoice",
    "standing_advance",
    "store_record",
]
