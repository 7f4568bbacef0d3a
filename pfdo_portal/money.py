"""A provider's month on the portal (issue 12, docs/payment.md «On the portal»): the month computed
from the portal's own data with ``domain.payment_month``, the advance requests and invoices the PCs
send (``month.advance`` / ``month.invoice``), and what the payer does with them (accept, return,
pay: ``admin.py``).

The rows handed to the domain:

* **groups** — the provider's groups with their lessons around the month
  (``payment_rows.group_lessons``: the same rule the PC builds its rows by), the states from
  ``lesson_states`` (cancelled by the provider / moved), held otherwise;
* **contracts** — the provider's applications in a paying status (``payment.PAYING_STATUSES``),
  their period inside the group's dates (from the enrolment's first day, else the start date, to
  the end date, else the group's last day), their certificate and parent parts, the certificate's
  number, the payer = the provider's municipality, the parent's payment order ``fixed`` (the
  portal records no other yet), attended = the child's «был» marks at held lessons of the month;
* the advance's percentage: the setting ``advance_percent`` (default 80, ``payment.advance_percent``).

A document is accepted only when the figures the PC sent agree with these to the kopeck
(``payment_month.compare_months``); one live advance and one live invoice per provider × payer ×
month (``payment.document_key``), the provider's row locked while it is decided, so two PCs
sending the same month at once make one document.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError

from pfdo_desktop.domain import payment as pay
from pfdo_desktop.domain import payment_rows as rows_rule
from pfdo_desktop.domain.attendance import AttendanceCode
from pfdo_desktop.domain.money import format_rub, to_money
from pfdo_desktop.domain.payment_month import (
    ContractDifference,
    ContractFigures,
    ContractRow,
    Correction,
    DocumentLine,
    GroupRow,
    InvoicedLine,
    MonthFigures,
    build_advance,
    build_invoice,
    closed_month_corrections,
    compare_months,
    compute_month,
    differences_text,
    document_errors,
)
from pfdo_desktop.domain.pricing import YearMonth
from pfdo_desktop.sync import protocol as p

from . import db, records
from .common import Ctx, applied, iso_dt
from .enrolment.shared import certificate_changes, lock_certificate
from .refusals import CommandRefused

ZERO = pay.ZERO
KIND_ADVANCE = "advance"
KIND_INVOICE = "invoice"
KINDS_RU = {KIND_ADVANCE: "заявка на аванс", KIND_INVOICE: "счёт"}

ST_SENT = "sent"
ST_ACCEPTED = "accepted"
ST_RETURNED = "returned"
ST_PAID = "paid"
STATUSES_RU = {ST_SENT: "отправлен", ST_ACCEPTED: "принят", ST_RETURNED: "возвращён", ST_PAID: "оплачен"}
LIVE_STATUSES = (ST_SENT, ST_ACCEPTED, ST_PAID)

# Reason codes of the money commands (protocol.REJECTION_TEXT_RU has their texts).
R_FIGURES_DIFFER = p.R_FIGURES_DIFFER
R_ALREADY_INVOICED = p.R_ALREADY_INVOICED
R_INVALID = p.R_INVALID


class MoneyRefused(Exception):
    """A money document the portal refuses: a reason code, a Russian message, per-field errors
    (per contract: ``lines.<application id>``) and the standing document's record, if any."""

    def __init__(self, code: str, message: str, field_errors: dict[str, str] | None = None,
                 record: dict[str, Any] | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.field_errors = field_errors or {}
        self.record = record


# --- the month from the portal's data --------------------------------------------------------------


def first_day(month: YearMonth) -> date:
    return pay.month_first_day(month)


def payer_of(conn: Connection, provider_id: int) -> str:
    """Who pays the provider's certificates (``payment_rows.payer_of_provider``)."""
    return rows_rule.payer_of_provider(conn.execute(
        select(db.providers.c.municipality).where(db.providers.c.id == provider_id)
    ).scalar_one())


def advance_setting(conn: Connection) -> Decimal:
    """The region's advance percentage (``portal_settings.advance_percent``, default 80), checked:
    the one the providers' records carry to the PCs (``records.advance_percent``)."""
    return Decimal(records.advance_percent(conn))


def _lesson_states(conn: Connection, group_ids: Sequence[int]) -> dict[int, dict[date, Any]]:
    table = db.metadata.tables.get("lesson_states")
    out: dict[int, dict[date, Any]] = {}
    if table is None or not group_ids:
        return out  # a portal without lesson states: every lesson of the schedule is held
    for row in conn.execute(select(table).where(table.c.group_id.in_(list(group_ids)))):
        if row.state != pay.LESSON_HELD:
            out.setdefault(row.group_id, {})[row.lesson_date] = row
    return out


def group_rows(conn: Connection, provider_id: int, month: YearMonth) -> list[GroupRow]:
    """The provider's groups with their lessons around ``month`` (see the module's docstring)."""
    g = db.groups.c
    groups = conn.execute(select(db.groups).where(g.provider_id == provider_id).order_by(g.id)).all()
    ids = [row.id for row in groups]
    slots: dict[int, dict[int, int]] = {}
    if ids:
        s = db.schedule_slots.c
        for group_id, weekday in conn.execute(select(s.group_id, s.weekday).where(s.group_id.in_(ids))):
            per_day = slots.setdefault(group_id, {})
            per_day[weekday] = per_day.get(weekday, 0) + 1
    states = _lesson_states(conn, ids)
    start, end = rows_rule.lesson_window(month)
    out: list[GroupRow] = []
    for row in groups:
        lessons = rows_rule.group_lessons(
            start, end, group_from=row.date_from, group_to=row.date_to,
            weekday_slots=slots.get(row.id, {}),
            explicit_dates={date.fromisoformat(d) for d in json.loads(row.explicit_dates or "[]")},
            cancelled_dates={date.fromisoformat(d) for d in json.loads(row.cancelled_dates or "[]")},
            states={day: (st.state, st.moved_to) for day, st in states.get(row.id, {}).items()})
        out.append(GroupRow(str(row.id), row.name, row.date_from, row.date_to, lessons))
    return out


def contract_date(row: Any) -> date:
    """The contract's date (``payment_rows.contract_date``) of an application row."""
    return rows_rule.contract_date(json.loads(row.history or "[]"), row.order_date, row.start_date)


def contract_rows(conn: Connection, provider_id: int, month: YearMonth,
                  groups: Sequence[GroupRow], payer: str) -> list[ContractRow]:
    """The provider's contracts (applications enrolled at some time) as the domain reads them."""
    a, m, c = db.applications.c, db.memberships.c, db.certificates.c
    rows = conn.execute(
        select(db.applications, c.number.label("certificate"))
        .select_from(db.applications.outerjoin(db.certificates, c.id == a.certificate_id))
        .where(a.provider_id == provider_id, a.status.in_(sorted(pay.PAYING_STATUSES)))
    ).all()
    by_id = {grp.group_id: grp for grp in groups}
    held = {grp.group_id: rows_rule.held_days(grp.lessons, month, grp.date_from, grp.date_to)
            for grp in groups}
    present = _present_days(conn, provider_id, month)
    spans: dict[tuple[int, int], list[tuple[date, date | None]]] = {}
    for group_id, child_id, m_from, m_to in conn.execute(
        select(m.group_id, m.child_id, m.date_from, m.date_to).join(db.groups, db.groups.c.id == m.group_id)
        .where(db.groups.c.provider_id == provider_id)
    ):
        spans.setdefault((group_id, child_id), []).append((m_from, m_to))
    out: list[ContractRow] = []
    for row in rows:
        found = by_id.get(str(row.group_id))
        if found is None or not rows_rule.counts_as_contract(row.certificate_part):
            continue
        grp = found
        member_from = rows_rule.enrolment_first_day(
            spans.get((row.group_id, row.child_id), ()), row.start_date, row.end_date)
        date_from, date_to = rows_rule.contract_period(member_from, row.start_date, row.end_date,
                                                       grp.date_from, grp.date_to)
        attended = rows_rule.attended_count(present.get((row.group_id, row.child_id), ()),
                                            held[grp.group_id], (date_from, date_to))
        out.append(ContractRow(
            contract_id=row.id,
            number=row.contract_number or row.number,
            signed_on=contract_date(row),
            group_id=grp.group_id,
            date_from=date_from,
            date_to=date_to,
            certificate_part=(certificate_part := to_money(row.certificate_part)),
            parent_part=to_money(row.parent_part or "0"),
            certificate_number=rows_rule.contract_certificate_number(certificate_part, row.certificate or ""),
            payer=payer,
            payment_order=rows_rule.DEFAULT_PAYMENT_ORDER,
            status=row.status,
            attended=attended,
        ))
    return out


def _present_days(conn: Connection, provider_id: int, month: YearMonth) -> dict[tuple[int, int], set[date]]:
    mk = db.marks.c
    out: dict[tuple[int, int], set[date]] = {}
    for group_id, child_id, day in conn.execute(
        select(mk.group_id, mk.child_id, mk.lesson_date).where(
            mk.provider_id == provider_id, mk.code == int(AttendanceCode.PRESENT),
            mk.lesson_date >= first_day(month), mk.lesson_date <= pay.month_last_day(month))
    ):
        out.setdefault((group_id, child_id), set()).add(day)
    return out


@dataclass(frozen=True, slots=True)
class PortalMonth:
    """A provider's month as the portal computes it."""

    provider_id: int
    payer: str
    figures: MonthFigures
    contracts: tuple[ContractRow, ...]


def compute(conn: Connection, provider_id: int, month: YearMonth) -> PortalMonth:
    payer = payer_of(conn, provider_id)
    groups = group_rows(conn, provider_id, month)
    contracts = contract_rows(conn, provider_id, month, groups, payer)
    return PortalMonth(provider_id, payer, compute_month(month, groups, contracts), tuple(contracts))


# --- what a PC sends -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentLine:
    """A line as the PC sent it: the contract (application id), its number and date, the
    certificate, k (None on an advance's line) and the sum; a correction names its month."""

    contract_id: str
    contract_number: str
    contract_date: date
    certificate_number: str
    amount: Decimal
    k: Decimal | None = None
    corrects: YearMonth | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SentDocument:
    kind: str
    uid: str
    month: YearMonth
    payer: str
    lines: tuple[SentLine, ...]
    corrections: tuple[SentLine, ...] = ()
    total: Decimal = ZERO  # the invoice's total / the advance's amount
    advance: Decimal = ZERO
    to_pay: Decimal = ZERO
    percent: Decimal = ZERO
    base: Decimal = ZERO


def _figures_of_lines(month: YearMonth, lines: Sequence[SentLine], payer: str) -> MonthFigures:
    """The PC's lines as ``MonthFigures`` (only the compared fields matter)."""
    contracts = tuple(
        ContractFigures(
            contract_id=line.contract_id, number=line.contract_number, signed_on=line.contract_date,
            certificate_number=line.certificate_number, payer=payer, group_id="", k=line.k,
            certificate_amount=line.amount if line.k is None else ZERO,
            certificate_payment=line.amount if line.k is not None else ZERO, certificate_unpaid=ZERO,
            parent_amount=ZERO, parent_payment=ZERO, payment_order=pay.PARENT_FIXED, held=0, attended=0,
        )
        for line in lines
    )
    return MonthFigures(month, (), contracts, ())


INVOICE_COMPARED = ("number", "signed_on", "certificate_number", "k", "certificate_payment")
ADVANCE_COMPARED = ("number", "signed_on", "certificate_number", "certificate_amount")


def _refuse_differences(diffs: list[ContractDifference], extra: dict[str, str]) -> None:
    errors = {f"lines.{d.contract_id}": d.message() for d in diffs}
    errors.update(extra)
    parts = [differences_text(diffs)] if diffs else []
    parts += list(extra.values())
    raise MoneyRefused(R_FIGURES_DIFFER, "Цифры не сходятся с порталом. " + "; ".join(parts)
                       + ". Обновите данные (синхронизируйте) и отправьте документ снова.", errors)


def _money_field(name_ru: str, sent: Decimal, ours: Decimal) -> str:
    return f"{name_ru}: в документе {format_rub(sent)}, на портале {format_rub(ours)}"


def _invoiced_line(line: Any) -> InvoicedLine:
    return InvoicedLine(line.application_id, line.contract_number, line.contract_date,
                        line.certificate_number, to_money(line.amount))


def closed_corrections(conn: Connection, provider_id: int, payer: str, month: YearMonth) -> list[Correction]:
    """The corrections the next invoice after ``month`` carries: for every earlier month this
    payer's invoice was accepted for, the recomputed month against what was invoiced for it
    (its lines plus the corrections for it already carried by later live invoices)."""
    d, ln = db.money_documents.c, db.money_lines.c
    closed = conn.execute(
        select(d.id, d.month).where(d.provider_id == provider_id, d.payer == payer, d.kind == KIND_INVOICE,
                                    d.status.in_((ST_ACCEPTED, ST_PAID)), d.month < first_day(month))
    ).all()
    out: list[Correction] = []
    for doc_id, doc_month in closed:
        ym = (doc_month.year, doc_month.month)
        own = conn.execute(select(db.money_lines).where(ln.document_id == doc_id,
                                                        ln.corrects_month.is_(None)))
        carried = conn.execute(
            select(db.money_lines).join(db.money_documents, d.id == ln.document_id).where(
                d.provider_id == provider_id, d.payer == payer, d.status.in_(LIVE_STATUSES),
                ln.corrects_month == doc_month))
        out += closed_month_corrections(ym, payer, [_invoiced_line(x) for x in own],
                                        [_invoiced_line(x) for x in carried],
                                        compute(conn, provider_id, ym).figures)
    return out


def check(conn: Connection, provider_id: int, sent: SentDocument, today: date) -> PortalMonth:
    """Refuse (``MoneyRefused``) a document the portal would not accept: too early, of another
    payer, figures that differ. Returns the portal's month."""
    month = sent.month
    refusal = pay.document_refusal(sent.kind, month, today,
                                   invoice_stands=_invoice_stands(conn, provider_id, sent.payer, month))
    if refusal is not None:
        raise MoneyRefused(*refusal)
    wrong = document_errors(
        sent.kind, [DocumentLine(x.contract_id, x.contract_number, x.amount) for x in sent.lines],
        [DocumentLine(x.contract_id, x.contract_number, x.amount, x.corrects) for x in sent.corrections],
        total=sent.total, advance=sent.advance, to_pay=sent.to_pay, base=sent.base)
    if wrong:
        what = f"{KINDS_RU[sent.kind].capitalize()} за {pay.month_ru(month)}"
        raise MoneyRefused(R_INVALID, f"{what} не сходится сам с собой: " + "; ".join(wrong)
                           + ". Сформируйте документ заново.")
    ours = compute(conn, provider_id, month)
    if not sent.lines and not sent.corrections and not ours.figures.for_payer(sent.payer):
        what = "заявку на аванс" if sent.kind == KIND_ADVANCE else "счёт"
        raise MoneyRefused(R_INVALID, f"В {pay.month_ru(month)} у организации нет договоров, оплачиваемых по "
                           f"сертификатам: {what} за этот месяц не принимается.")
    extra: dict[str, str] = {}
    if sent.payer != ours.payer:
        extra["payer"] = f"плательщик: в документе «{sent.payer}», на портале «{ours.payer}»"
    if sent.kind == KIND_ADVANCE:
        advance = build_advance(month, ours.contracts, ours.payer, advance_setting(conn))
        mine = [c for c in ours.figures.for_payer(ours.payer) if c.certificate_amount > 0]
        portal = MonthFigures(month, (), tuple(mine), ())
        diffs = compare_months(_figures_of_lines(month, sent.lines, sent.payer), portal, ADVANCE_COMPARED)
        for name, got, want in (("процент аванса", sent.percent, advance.percent),
                                ("сумма сертификатов за месяц", sent.base, advance.base),
                                ("аванс", sent.total, advance.amount)):
            if to_money(got) != to_money(want):
                extra[name] = _money_field(name, to_money(got), to_money(want))
    else:
        invoice = build_invoice(ours.figures, ours.payer, live_advance(conn, provider_id, ours.payer, month),
                                closed_corrections(conn, provider_id, ours.payer, month))
        lines = tuple(c for c in ours.figures.for_payer(ours.payer) if c.on_invoice)
        portal = MonthFigures(month, (), lines, ())
        diffs = compare_months(_figures_of_lines(month, sent.lines, sent.payer), portal, INVOICE_COMPARED)
        theirs_corr = sorted((c.contract_id, c.corrects, to_money(c.amount)) for c in sent.corrections)
        ours_corr = sorted((c.contract_id, c.month, c.amount) for c in invoice.corrections)
        if theirs_corr != ours_corr:
            theirs_sum = format_rub(sum((c[2] for c in theirs_corr), ZERO))
            ours_sum = format_rub(sum((c[2] for c in ours_corr), ZERO))
            extra["corrections"] = (f"корректировки: в счёте {len(theirs_corr)} на {theirs_sum}, "
                                    f"на портале {len(ours_corr)} на {ours_sum}")
        for key, name, got, want in (("total", "итого", sent.total, invoice.total),
                                     ("advance", "аванс", sent.advance, invoice.advance),
                                     ("to_pay", "подлежит оплате", sent.to_pay, invoice.to_pay)):
            if to_money(got) != to_money(want):
                extra[key] = _money_field(name, to_money(got), to_money(want))
    if diffs or extra:
        _refuse_differences(diffs, extra)
    return ours


def _invoice_stands(conn: Connection, provider_id: int, payer: str, month: YearMonth) -> bool:
    d = db.money_documents.c
    key = pay.document_key(KIND_INVOICE, provider_id, payer, month)
    return conn.execute(select(d.id).where(d.live_key == key)).first() is not None


def live_advance(conn: Connection, provider_id: int, payer: str, month: YearMonth) -> Decimal:
    """The advance for the month that stands (sent, accepted or paid), else 0."""
    d = db.money_documents.c
    amount = conn.execute(
        select(d.total).where(d.live_key == pay.document_key(KIND_ADVANCE, provider_id, payer, month))
    ).scalar()
    return to_money(amount) if amount is not None else ZERO


def document_number(kind: str, provider_id: int, month: YearMonth) -> str:
    """«С-12-2025-11» (счёт), «А-12-2025-11» (аванс)."""
    return f"{'С' if kind == KIND_INVOICE else 'А'}-{provider_id}-{pay.month_text(month)}"


def submit(conn: Connection, provider_id: int, sent: SentDocument, *, today: date, now: Any,
           device_id: str | None, op_id: str | None) -> tuple[dict[str, Any], list[db.Change]]:
    """Record a document the portal accepts as sent: the provider's row locked first (two PCs
    sending the same month wait for each other), then one live document per key, then the check."""
    conn.execute(select(db.providers.c.id).where(db.providers.c.id == provider_id).with_for_update())
    key = pay.document_key(sent.kind, provider_id, sent.payer, sent.month)
    d = db.money_documents.c
    standing = conn.execute(select(db.money_documents).where(d.live_key == key)).first()
    if standing is None and sent.kind == KIND_INVOICE:  # one invoice a month, whoever the payer is named
        standing = conn.execute(select(db.money_documents).where(
            d.provider_id == provider_id, d.kind == KIND_INVOICE, d.month == first_day(sent.month),
            d.live_key.is_not(None))).first()
    if standing is not None:
        what = KINDS_RU[sent.kind]
        raise MoneyRefused(
            R_ALREADY_INVOICED,
            f"{what.capitalize()} за {pay.month_ru(sent.month)} уже "
            f"{'отправлена' if sent.kind == KIND_ADVANCE else 'выставлен'} "
            f"(№ {standing.number}, {STATUSES_RU[standing.status]}): второй за тот же месяц не принимается.",
            record=document_row(conn, standing),
        )
    check(conn, provider_id, sent, today)
    excess = max(sent.advance - sent.total, ZERO) if sent.kind == KIND_INVOICE else ZERO
    try:
        with conn.begin_nested():
            doc_id = conn.execute(db.money_documents.insert().values(
                uid=sent.uid, kind=sent.kind, provider_id=provider_id, payer=sent.payer,
                month=first_day(sent.month), number=_free_number(conn, sent.kind, provider_id, sent.month),
                status=ST_SENT, reason="", percent=f"{sent.percent}" if sent.kind == KIND_ADVANCE else "",
                base=_text(sent.base), total=_text(sent.total), advance=_text(sent.advance),
                to_pay=_text(sent.to_pay if sent.kind == KIND_INVOICE else sent.total),
                advance_excess=_text(excess),
                created_at=now, device_id=device_id, op_id=op_id, live_key=key,
            ).returning(d.id)).scalar_one()
    except IntegrityError:
        raise MoneyRefused(R_ALREADY_INVOICED,
                           "Документ с таким идентификатором уже есть на портале.") from None
    for n, line in enumerate((*sent.lines, *sent.corrections), start=1):
        conn.execute(db.money_lines.insert().values(
            document_id=doc_id, n=n, application_id=line.contract_id, contract_number=line.contract_number,
            contract_date=line.contract_date, certificate_number=line.certificate_number,
            k="" if line.k is None else f"{pay.printed_k(line.k)}", amount=_text(line.amount),
            monthly_amount=_text(line.amount) if line.k is None else "0.00",
            corrects_month=first_day(line.corrects) if line.corrects else None, reason=line.reason,
        ))
    row = conn.execute(select(db.money_documents).where(d.id == doc_id)).one()
    return document_row(conn, row), [change(row)]


def _free_number(conn: Connection, kind: str, provider_id: int, month: YearMonth) -> str:
    """The document's number; a re-send after a return gets «…/2», «…/3»."""
    base = document_number(kind, provider_id, month)
    d = db.money_documents.c
    taken = set(conn.execute(select(d.number).where(d.number.like(base + "%"))).scalars())
    if base not in taken:
        return base
    n = 2
    while f"{base}/{n}" in taken:
        n += 1
    return f"{base}/{n}"


def _text(value: Decimal) -> str:
    return f"{to_money(value):.2f}"


def change(row: Any) -> db.Change:
    """The document reaches its provider's PCs in the own stream (entity ``invoice``)."""
    return db.Change("own", "invoice", str(row.id), row.provider_id)


def document_row(conn: Connection, row: Any) -> dict[str, Any]:
    """A document as it travels (``protocol.InvoiceRecord``)."""
    ln = db.money_lines.c
    lines = conn.execute(select(db.money_lines).where(ln.document_id == row.id).order_by(ln.n)).all()
    return {
        "id": row.id,
        "uid": row.uid,
        "kind": row.kind,
        "provider_id": row.provider_id,
        "payer": row.payer,
        "month": pay.month_text((row.month.year, row.month.month)),
        "number": row.number,
        "status": row.status,
        "reason": row.reason,
        "percent": row.percent or None,
        "base": row.base,
        "total": row.total,
        "advance": row.advance,
        "to_pay": row.to_pay,
        "advance_excess": row.advance_excess,
        "created_at": iso_dt(row.created_at),
        "decided_at": iso_dt(row.decided_at) if row.decided_at is not None else None,
        "paid_at": iso_dt(row.paid_at) if row.paid_at is not None else None,
        "lines": [
            {
                "n": line.n,
                "contract_id": line.application_id,
                "contract_number": line.contract_number,
                "contract_date": line.contract_date.isoformat(),
                "certificate_number": line.certificate_number,
                "k": line.k or None,
                "amount": line.amount,
                "corrects_month": (pay.month_text((line.corrects_month.year, line.corrects_month.month))
                                   if line.corrects_month else None),
                "reason": line.reason,
            }
            for line in lines
        ],
    }


# --- the payer's decisions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Decided:
    record: dict[str, Any]
    changes: list[db.Change] = field(default_factory=list)
    returned: dict[str, Decimal] = field(default_factory=dict)  # certificate → returned to its balance


class DecisionRefused(ValueError):
    """A decision the document's status does not allow (a Russian message)."""


def _load(conn: Connection, doc_id: int) -> Any:
    d = db.money_documents.c
    row = conn.execute(select(db.money_documents).where(d.id == doc_id).with_for_update()).first()
    if row is None:
        raise DecisionRefused(f"нет документа № {doc_id} (список: pfdo-portal invoices)")
    return row


def accept(conn: Connection, doc_id: int, now: Any) -> Decided:
    """The payer accepts a sent document. An invoice: its month is locked for the provider and
    each contract's month is booked on its certificate (the payment spent from the balance, the
    monthly amount released from the reserve: the unpaid rest is free again); each of its
    corrections of a closed month moves the certificate's balance by its sum (a «−» correction —
    a child expelled after the month was paid — gives the money back to the certificate)."""
    row = _load(conn, doc_id)
    if row.status != ST_SENT:
        raise DecisionRefused(f"{KINDS_RU[row.kind]} № {row.number} {STATUSES_RU[row.status]}: "
                              "принять можно только отправленный документ")
    d = db.money_documents.c
    conn.execute(update(db.money_documents).where(d.id == doc_id).values(status=ST_ACCEPTED, decided_at=now))
    changes = [change(row)]
    returned: dict[str, Decimal] = {}
    if row.kind == KIND_INVOICE:
        month = (row.month.year, row.month.month)
        changes += lock_month(conn, row.provider_id, row.month, now)
        figures = compute(conn, row.provider_id, month).figures
        for c in figures.for_payer(row.payer):
            changes += _book(conn, c)
            if c.certificate_unpaid:
                number = c.certificate_number
                returned[number] = returned.get(number, ZERO) + c.certificate_unpaid
        ln = db.money_lines.c
        for fix in conn.execute(select(db.money_lines).where(ln.document_id == doc_id,
                                                             ln.corrects_month.is_not(None))):
            changes += _book_correction(conn, fix.application_id, to_money(fix.amount))
            if fix.amount.startswith("-") and fix.certificate_number:
                number = fix.certificate_number
                returned[number] = returned.get(number, ZERO) - to_money(fix.amount)
    fresh = conn.execute(select(db.money_documents).where(d.id == doc_id)).one()
    return Decided(document_row(conn, fresh), changes, returned)


def _book(conn: Connection, c: ContractFigures) -> list[db.Change]:
    if c.certificate_amount <= 0:
        return []
    cert_id = conn.execute(
        select(db.applications.c.certificate_id).where(db.applications.c.id == c.contract_id)
    ).scalar()
    if cert_id is None:
        return []
    cert = lock_certificate(conn, cert_id)
    conn.execute(update(db.certificates).where(db.certificates.c.id == cert_id).values(
        balance=_text(to_money(cert.balance) - c.certificate_payment),
        reserve=_text(max(ZERO, to_money(cert.reserve) - c.certificate_amount)),
    ))
    return certificate_changes(conn, cert_id, cert.child_id)


def _book_correction(conn: Connection, contract_id: str, amount: Decimal) -> list[db.Change]:
    """A correction of a closed month on the contract's certificate: the balance less ``amount``
    (a negative one returns money); the reserve is not touched (the month was released when it
    was booked)."""
    cert_id = conn.execute(
        select(db.applications.c.certificate_id).where(db.applications.c.id == contract_id)
    ).scalar()
    if cert_id is None or not amount:
        return []
    cert = lock_certificate(conn, cert_id)
    conn.execute(update(db.certificates).where(db.certificates.c.id == cert_id).values(
        balance=_text(to_money(cert.balance) - amount)))
    return certificate_changes(conn, cert_id, cert.child_id)


def lock_month(conn: Connection, provider_id: int, month: date, now: Any) -> list[db.Change]:
    """``locked_months`` gets the month (if it has not it yet); the provider's record is re-stamped
    so its PCs learn the billed month. The core of ``admin.lock_month``."""
    first = month.replace(day=1)
    lm = db.locked_months.c
    if conn.execute(select(lm.month).where(lm.provider_id == provider_id, lm.month == first)).first():
        return []
    conn.execute(db.locked_months.insert().values(provider_id=provider_id, month=first, locked_at=now))
    return [db.Change("master", "provider", str(provider_id), provider_id)]


def return_document(conn: Connection, doc_id: int, reason: str, now: Any) -> Decided:
    """The payer returns a sent document with a reason: it no longer stands (the provider may send
    the month again) and its month stays open."""
    reason = reason.strip()
    if not reason:
        raise DecisionRefused("укажите причину возврата (--reason «…»)")
    row = _load(conn, doc_id)
    if row.status != ST_SENT:
        raise DecisionRefused(f"{KINDS_RU[row.kind]} № {row.number} {STATUSES_RU[row.status]}: "
                              "вернуть можно только отправленный, ещё не принятый документ")
    month = (row.month.year, row.month.month)
    if row.kind == KIND_ADVANCE and _invoice_stands(conn, row.provider_id, row.payer, month):
        raise DecisionRefused(f"заявка на аванс № {row.number}: за {pay.month_ru(month)} уже выставлен счёт, "
                              "в котором этот аванс вычтен; вернуть аванс можно только после возврата счёта")
    d = db.money_documents.c
    conn.execute(update(db.money_documents).where(d.id == doc_id).values(
        status=ST_RETURNED, reason=reason, decided_at=now, live_key=None))
    fresh = conn.execute(select(db.money_documents).where(d.id == doc_id)).one()
    return Decided(document_row(conn, fresh), [change(row)])


def mark_paid(conn: Connection, doc_id: int, now: Any) -> Decided:
    """The payer paid: an accepted invoice, or an advance sent or accepted."""
    row = _load(conn, doc_id)
    allowed = (ST_ACCEPTED,) if row.kind == KIND_INVOICE else (ST_SENT, ST_ACCEPTED)
    if row.status not in allowed:
        need = ("принятый счёт (accept-invoice)" if row.kind == KIND_INVOICE
                else "отправленную или принятую заявку")
        raise DecisionRefused(f"{KINDS_RU[row.kind]} № {row.number} {STATUSES_RU[row.status]}: "
                              f"оплатить можно только {need}")
    d = db.money_documents.c
    values: dict[str, Any] = {"status": ST_PAID, "paid_at": now}
    if row.decided_at is None:
        values["decided_at"] = now
    conn.execute(update(db.money_documents).where(d.id == doc_id).values(**values))
    fresh = conn.execute(select(db.money_documents).where(d.id == doc_id)).one()
    return Decided(document_row(conn, fresh), [change(row)])


def list_documents(conn: Connection, provider_id: int | None = None,
                   month: YearMonth | None = None) -> list[dict[str, Any]]:
    d = db.money_documents.c
    q = select(db.money_documents).order_by(d.month, d.provider_id, d.kind, d.id)
    if provider_id is not None:
        q = q.where(d.provider_id == provider_id)
    if month is not None:
        q = q.where(d.month == first_day(month))
    return [document_row(conn, row) for row in conn.execute(q)]


def document_changes(conn: Connection, items: list[Any]) -> dict[str, list[Any]]:
    """Own-stream rows of entity ``invoice`` → the documents (a document is never deleted)."""
    ids = [int(r.entity_key) for r in items]
    d = db.money_documents.c
    rows = {row.id: row for row in conn.execute(select(db.money_documents).where(d.id.in_(ids or [0])))}
    return {"upserts": [document_row(conn, rows[i]) for i in ids if i in rows], "deletes": []}



# --- the commands ----------------------------------------------------------------------------------


def _ref(line: Any, amount: Decimal, k: Decimal | None = None, corrects: YearMonth | None = None,
         reason: str = "") -> SentLine:
    return SentLine(line.contract_id, line.contract_number, line.contract_date, line.certificate_number,
                    to_money(amount), k, corrects, reason)


def _decide_command(ctx: Ctx, op_id: str, sent: SentDocument) -> p.OpResult:
    try:
        record, changes = submit(ctx.conn, ctx.provider_id, sent, today=ctx.today, now=ctx.now,
                                 device_id=ctx.device_id, op_id=op_id)
    except MoneyRefused as refused:
        raise CommandRefused(refused.code, refused.message, refused.field_errors, record=refused.record,
                             with_record=refused.record is not None) from None
    db.stamp(ctx.conn, changes)
    return applied(op_id, record)


def month_advance(ctx: Ctx, op_id: str, pl: p.MonthAdvancePayload) -> p.OpResult:
    """``month.advance``: the advance request, accepted as sent when the portal's figures agree."""
    sent = SentDocument(
        kind=KIND_ADVANCE, uid=pl.uid, month=pay.parse_month(pl.month), payer=pl.payer,
        lines=tuple(_ref(line, line.amount) for line in pl.lines),
        total=to_money(pl.amount), percent=pl.percent, base=to_money(pl.base),
    )
    return _decide_command(ctx, op_id, sent)


def month_invoice(ctx: Ctx, op_id: str, pl: p.MonthInvoicePayload) -> p.OpResult:
    """``month.invoice``: the invoice with its annex, accepted as sent when the figures agree."""
    sent = SentDocument(
        kind=KIND_INVOICE, uid=pl.uid, month=pay.parse_month(pl.month), payer=pl.payer,
        lines=tuple(_ref(line, line.amount, line.k) for line in pl.lines),
        corrections=tuple(_ref(c, c.amount, None, pay.parse_month(c.month), c.reason)
                          for c in pl.corrections),
        total=to_money(pl.total), advance=to_money(pl.advance), to_pay=to_money(pl.to_pay),
    )
    return _decide_command(ctx, op_id, sent)


def invoice_changes(conn: Connection, items: list[Any]) -> p.EntityChanges:
    """Own-stream rows of entity ``invoice`` → the documents (a document is never deleted)."""
    return p.EntityChanges(**document_changes(conn, items))
