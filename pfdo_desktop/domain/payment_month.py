"""A provider's whole month from plain rows (issue 12; docs/payment.md): the figures the PC previews
and sends, the portal recomputes from its own data, and ``compare_months`` diffs.

``compute_month(month, groups, contracts)`` → ``MonthFigures``: per group the planned / held /
cancelled lessons and k; per contract its monthly amounts, payments and the unpaid rest; per payer
(municipality) the totals. ``build_invoice`` turns one payer's figures (plus the advance and any
corrections of earlier, closed months) into the annex's lines; ``build_advance`` the advance
request. ``corrections_between`` gives the ± lines when a closed month is recomputed.

Every total here is the sum of its lines, computed from the lines themselves.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.money import format_rub, to_money
from pfdo_desktop.domain.payment import (
    PARENT_FIXED,
    ZERO,
    GroupMonth,
    Lesson,
    advance_amount,
    advance_percent,
    amount_due,
    certificate_payment,
    group_month,
    held_lessons_between,
    k_text,
    month_ru,
    monthly_amount,
    parent_payment,
    pays_in,
)
from pfdo_desktop.domain.plural import plural_ru
from pfdo_desktop.domain.pricing import YearMonth

# --- input rows -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group with its lessons (at least those of the month; others are ignored)."""

    group_id: str
    name: str
    date_from: date
    date_to: date
    lessons: tuple[Lesson, ...] = ()


@dataclass(frozen=True, slots=True)
class ContractRow:
    """A contract as both sides hold it. ``date_from … date_to`` is its period inside the group's
    dates, ``date_to`` the last day in force (after an expulsion, transfer or termination: the
    shortened end the portal records); the parts are its certificate and parent parts (split into
    months here); ``attended``: lessons of the month the child was marked present at (held ones)."""

    contract_id: str
    number: str
    signed_on: date
    group_id: str
    date_from: date
    date_to: date
    certificate_part: Decimal
    parent_part: Decimal = ZERO
    certificate_number: str = ""
    payer: str = ""  # the municipality that pays the certificate
    payment_order: str = PARENT_FIXED
    status: str = "active"
    attended: int = 0


# --- output ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupFigures:
    group_id: str
    name: str
    lessons: GroupMonth
    contracts: int  # contracts paying this month
    certificate_payment: Decimal
    parent_payment: Decimal

    @property
    def k(self) -> Decimal | None:
        return self.lessons.k


@dataclass(frozen=True, slots=True)
class ContractFigures:
    contract_id: str
    number: str
    signed_on: date
    certificate_number: str
    payer: str
    group_id: str
    k: Decimal | None
    certificate_amount: Decimal  # the certificate monthly amount
    certificate_payment: Decimal
    certificate_unpaid: Decimal  # returns to the certificate balance
    parent_amount: Decimal
    parent_payment: Decimal
    payment_order: str
    held: int  # lessons held while the child was a member
    attended: int

    @property
    def on_invoice(self) -> bool:
        """A line of the invoice's annex: a certificate amount to pay for and a completeness.
        A free programme (no certificate part) or a month with no lessons makes no line."""
        return self.certificate_amount > 0 and self.k is not None


@dataclass(frozen=True, slots=True)
class PayerTotals:
    payer: str
    contracts: int
    certificate_amount: Decimal  # Σ monthly amounts: the advance's base
    certificate_payment: Decimal  # the invoice's total (before corrections)
    certificate_unpaid: Decimal
    parent_payment: Decimal


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: YearMonth
    groups: tuple[GroupFigures, ...]
    contracts: tuple[ContractFigures, ...]  # every contract paying this month, in annex order
    payers: tuple[PayerTotals, ...]

    def for_payer(self, payer: str) -> list[ContractFigures]:
        return [c for c in self.contracts if c.payer == payer]

    def payer(self, payer: str) -> PayerTotals:
        for totals in self.payers:
            if totals.payer == payer:
                return totals
        return PayerTotals(payer, 0, ZERO, ZERO, ZERO, ZERO)


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def annex_order(contract: ContractFigures | ContractRow) -> tuple[date, str, str]:
    """Lines go by contract date, then contract number (then id, so the order is total)."""
    return (contract.signed_on, contract.number, contract.contract_id)


def contract_month(row: ContractRow, month: YearMonth, group: GroupRow,
                   lessons: GroupMonth) -> ContractFigures:
    """One contract's month: its monthly amounts and what the certificate and the parent pay."""
    cert_amount = monthly_amount(row.certificate_part, row.date_from, row.date_to, month)
    parent_amount = monthly_amount(row.parent_part, row.date_from, row.date_to, month)
    held = held_lessons_between(
        [lesson for lesson in group.lessons if group.date_from <= lesson.held_on <= group.date_to],
        month, row.date_from, row.date_to,
    )
    cert_paid = certificate_payment(cert_amount, lessons.k)
    return ContractFigures(
        contract_id=row.contract_id,
        number=row.number,
        signed_on=row.signed_on,
        certificate_number=row.certificate_number,
        payer=row.payer,
        group_id=row.group_id,
        k=lessons.k,
        certificate_amount=cert_amount,
        certificate_payment=cert_paid,
        certificate_unpaid=cert_amount - cert_paid,
        parent_amount=parent_amount,
        parent_payment=parent_payment(parent_amount, row.payment_order, k=lessons.k,
                                      attended=row.attended, held=held),
        payment_order=row.payment_order,
        held=held,
        attended=row.attended,
    )


def compute_month(month: YearMonth, groups: Iterable[GroupRow],
                  contracts: Iterable[ContractRow]) -> MonthFigures:
    """A provider's month from plain rows. Contracts that do not pay this month (not in force, not
    enrolled) are left out; a contract of a group not given is a ``ValueError``."""
    by_id = {group.group_id: group for group in groups}
    lessons = {gid: group_month(g.lessons, month, g.date_from, g.date_to) for gid, g in by_id.items()}
    figures: list[ContractFigures] = []
    for row in contracts:
        if row.group_id not in by_id:
            raise ValueError(f"договор № {row.number}: нет данных о его группе {row.group_id!r}")
        if pays_in(row.status, row.date_from, row.date_to, month):
            figures.append(contract_month(row, month, by_id[row.group_id], lessons[row.group_id]))
    figures.sort(key=annex_order)
    group_figures = tuple(
        GroupFigures(
            group_id=gid,
            name=g.name,
            lessons=lessons[gid],
            contracts=sum(1 for c in figures if c.group_id == gid),
            certificate_payment=_sum(c.certificate_payment for c in figures if c.group_id == gid),
            parent_payment=_sum(c.parent_payment for c in figures if c.group_id == gid),
        )
        for gid, g in sorted(by_id.items(), key=lambda item: (item[1].name, item[0]))
    )
    payers = tuple(
        PayerTotals(
            payer=payer,
            contracts=len(mine),
            certificate_amount=_sum(c.certificate_amount for c in mine),
            certificate_payment=_sum(c.certificate_payment for c in mine),
            certificate_unpaid=_sum(c.certificate_unpaid for c in mine),
            parent_payment=_sum(c.parent_payment for c in mine),
        )
        for payer in sorted({c.payer for c in figures})
        for mine in [[c for c in figures if c.payer == payer]]
    )
    return MonthFigures(month, group_figures, tuple(figures), payers)


# --- corrections ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Correction:
    """A «корректировка»: a ± sum for a contract's earlier, closed month, carried by the next invoice."""

    contract_id: str
    number: str
    signed_on: date
    certificate_number: str
    payer: str
    month: YearMonth  # the month it corrects
    amount: Decimal  # + the payer owes more, − less
    reason: str = ""


def corrections_between(closed: MonthFigures, recomputed: MonthFigures, reason: str = "") -> list[Correction]:
    """The ± lines that bring a closed (invoiced) month to its recomputed figures, per contract
    whose certificate payment changed (a contract only in one of them counts as 0 in the other)."""
    if closed.month != recomputed.month:
        raise ValueError("корректировка сравнивает один и тот же месяц")
    before = {c.contract_id: c for c in closed.contracts}
    after = {c.contract_id: c for c in recomputed.contracts}
    result: list[Correction] = []
    for cid in sorted(before.keys() | after.keys()):
        old, new = before.get(cid), after.get(cid)
        delta = (new.certificate_payment if new else ZERO) - (old.certificate_payment if old else ZERO)
        if delta:
            ref = new or old
            assert ref is not None
            result.append(Correction(cid, ref.number, ref.signed_on, ref.certificate_number, ref.payer,
                                     closed.month, delta, reason))
    return result


@dataclass(frozen=True, slots=True)
class InvoicedLine:
    """A line an accepted invoice carried for a contract of its month, or a correction of that month
    a later invoice carried (``amount`` signed)."""

    contract_id: str
    number: str
    signed_on: date
    certificate_number: str
    amount: Decimal


def closed_month_corrections(month: YearMonth, payer: str, invoiced: Iterable[InvoicedLine],
                             carried: Iterable[InvoicedLine], recomputed: MonthFigures) -> list[Correction]:
    """The corrections the next invoice carries for a closed (accepted) ``month``: its figures
    recomputed now against what was invoiced for it — its own lines plus the corrections of it that
    later invoices already carried. Both sides call this (the portal from its documents, the PC
    from the ones it pulled), so their next invoices agree."""
    paid: dict[str, tuple[InvoicedLine, Decimal]] = {}
    for line in invoiced:
        paid[line.contract_id] = (line, line.amount)
    for line in carried:
        base = paid.get(line.contract_id, (line, ZERO))
        paid[line.contract_id] = (base[0], base[1] + line.amount)
    before = MonthFigures(month, (), tuple(
        ContractFigures(cid, line.number, line.signed_on, line.certificate_number, payer, "", None, ZERO,
                        amount, ZERO, ZERO, ZERO, PARENT_FIXED, 0, 0)
        for cid, (line, amount) in paid.items()), ())
    now = MonthFigures(month, (), tuple(c for c in recomputed.for_payer(payer) if c.on_invoice), ())
    return corrections_between(before, now)


# --- documents ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InvoiceLine:
    """A line of the annex: № п/п, № договора, дата договора, № сертификата, объём %, к оплате."""

    n: int
    contract_id: str
    contract_number: str
    contract_date: date
    certificate_number: str
    k: Decimal
    amount: Decimal

    @property
    def k_text(self) -> str:
        return k_text(self.k)


@dataclass(frozen=True, slots=True)
class CorrectionLine:
    n: int
    contract_id: str
    contract_number: str
    contract_date: date
    certificate_number: str
    month: YearMonth
    amount: Decimal
    reason: str = ""

    @property
    def title(self) -> str:
        return f"корректировка за {month_ru(self.month)}"


@dataclass(frozen=True, slots=True)
class Invoice:
    """The invoice for one payer's month; every figure is the sum of its lines."""

    payer: str
    month: YearMonth
    lines: tuple[InvoiceLine, ...]
    corrections: tuple[CorrectionLine, ...] = ()
    lines_total: Decimal = ZERO  # Σ lines
    corrections_total: Decimal = ZERO  # Σ correction lines
    total: Decimal = ZERO  # lines_total + corrections_total
    advance: Decimal = ZERO
    to_pay: Decimal = ZERO  # «подлежит оплате» = max(total − advance, 0)
    advance_excess: Decimal = ZERO  # the advance above the total: returned to the payer
    unpaid_by_certificate: tuple[tuple[str, Decimal], ...] = field(default=())  # (certificate, returned)


def build_invoice(figures: MonthFigures, payer: str, advance: Decimal = ZERO,
                  corrections: Sequence[Correction] = ()) -> Invoice:
    """The invoice for ``payer``'s month: a line per contract on the invoice (``on_invoice``),
    then the corrections of earlier months (each must be this payer's and for an earlier month)."""
    for c in corrections:
        if c.month >= figures.month:
            raise ValueError(f"корректировка договора № {c.number} за {month_ru(c.month)} может войти только "
                             f"в счёт за более поздний месяц, а не за {month_ru(figures.month)}")
        if c.payer != payer:
            raise ValueError(f"корректировка договора № {c.number} относится к другому плательщику")
    mine = [c for c in figures.for_payer(payer) if c.on_invoice]
    lines = tuple(
        InvoiceLine(n, c.contract_id, c.number, c.signed_on, c.certificate_number, c.k, c.certificate_payment)
        for n, c in enumerate(mine, start=1)
        if c.k is not None
    )
    ordered = sorted(corrections, key=lambda c: (c.month, c.signed_on, c.number, c.contract_id))
    correction_lines = tuple(
        CorrectionLine(n, c.contract_id, c.number, c.signed_on, c.certificate_number, c.month,
                       to_money(c.amount), c.reason)
        for n, c in enumerate(ordered, start=len(lines) + 1)
    )
    lines_total = _sum(line.amount for line in lines)
    corrections_total = _sum(line.amount for line in correction_lines)
    due = amount_due(lines_total + corrections_total, advance)
    returned: dict[str, Decimal] = {}
    for row in figures.for_payer(payer):
        if row.certificate_unpaid:
            key = row.certificate_number
            returned[key] = returned.get(key, ZERO) + row.certificate_unpaid
    return Invoice(payer, figures.month, lines, correction_lines, lines_total, corrections_total,
                   due.total, due.advance, due.to_pay, due.advance_excess, tuple(sorted(returned.items())))


@dataclass(frozen=True, slots=True)
class AdvanceRequest:
    payer: str
    month: YearMonth
    base: Decimal  # Σ certificate monthly amounts of the contracts in force
    percent: Decimal
    amount: Decimal
    contracts: int


def build_advance(month: YearMonth, contracts: Iterable[ContractRow], payer: str,
                  percent: object = Decimal(80)) -> AdvanceRequest:
    """The advance request for ``payer``'s month from the contracts in force (their lessons do not
    matter: the advance is on the monthly amounts)."""
    amounts = [
        monthly_amount(row.certificate_part, row.date_from, row.date_to, month)
        for row in contracts
        if row.payer == payer and pays_in(row.status, row.date_from, row.date_to, month)
    ]
    amounts = [a for a in amounts if a > 0]
    amount = advance_amount(amounts, percent)
    return AdvanceRequest(payer, month, _sum(amounts), advance_percent(percent), amount, len(amounts))


# --- a document's own arithmetic -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentLine:
    """A line of a document as sent: the contract, its number, the sum; a correction its month."""

    contract_id: str
    number: str
    amount: Decimal
    corrects: YearMonth | None = None


def document_errors(kind: str, lines: Sequence[DocumentLine], corrections: Sequence[DocumentLine] = (), *,
                    total: Decimal, advance: Decimal = ZERO, to_pay: Decimal = ZERO,
                    base: Decimal = ZERO) -> list[str]:
    """What is wrong with a document's own arithmetic, in Russian (empty: nothing): a contract on
    two lines (or corrected twice for one month); an advance whose base is not Σ its lines; an
    invoice whose total is not Σ lines + Σ corrections, or whose «подлежит оплате» is not the
    total less the advance. «Every sum on paper equals the sum of its lines» — whatever the
    figures the portal then compares."""
    errors: list[str] = []
    per_contract = Counter(x.contract_id for x in lines)
    twice = sorted({x.number for x in lines if per_contract[x.contract_id] > 1})
    if twice:
        errors.append(f"договор в нескольких строках: № {', '.join(twice)}")
    per_month = Counter((x.contract_id, x.corrects) for x in corrections)
    again = sorted({x.number for x in corrections if per_month[(x.contract_id, x.corrects)] > 1})
    if again:
        errors.append(f"корректировка одного месяца в нескольких строках: № {', '.join(again)}")
    lines_sum = _sum(x.amount for x in lines)
    if kind == "advance":
        if lines_sum != to_money(base):
            errors.append(f"сумма сертификатов за месяц {format_rub(to_money(base))} не равна сумме строк "
                          f"{format_rub(lines_sum)}")
        return errors
    fixes_sum = _sum(x.amount for x in corrections)
    if lines_sum + fixes_sum != to_money(total):
        errors.append(f"итого {format_rub(to_money(total))} не равно сумме строк "
                      f"{format_rub(lines_sum + fixes_sum)}")
    elif amount_due(total, advance).to_pay != to_money(to_pay):
        errors.append(f"«подлежит оплате» {format_rub(to_money(to_pay))} не равно итогу за вычетом аванса "
                      f"{format_rub(amount_due(total, advance).to_pay)}")
    return errors


# --- comparing two computations ---------------------------------------------------------------------

COMPARED_FIELDS = ("payer", "certificate_number", "k", "certificate_amount", "certificate_payment",
                   "parent_payment")
FIELDS_RU = {
    "number": "№ договора",
    "signed_on": "дата договора",
    "payer": "плательщик",
    "certificate_number": "№ сертификата",
    "k": "объём оказания услуги, %",
    "certificate_amount": "сумма сертификата за месяц",
    "certificate_payment": "к оплате",
    "parent_amount": "часть родителя за месяц",
    "parent_payment": "оплата родителя",
    "held": "проведено занятий",
    "attended": "посещено занятий",
}


@dataclass(frozen=True, slots=True)
class FieldDifference:
    field: str
    ours: object
    theirs: object


@dataclass(frozen=True, slots=True)
class ContractDifference:
    """A contract whose figures differ (``differences``), or that one side does not have
    (``ours_missing`` / ``theirs_missing``)."""

    contract_id: str
    number: str
    differences: tuple[FieldDifference, ...] = ()
    ours_missing: bool = False
    theirs_missing: bool = False

    def message(self, ours: str = "в счёте", theirs: str = "на портале") -> str:
        """A Russian line: «Договор № 12: к оплате в счёте 750,00 ₽, на портале 625,00 ₽»."""
        head = f"Договор № {self.number}"
        if self.ours_missing:
            return f"{head}: есть {theirs}, нет {ours}"
        if self.theirs_missing:
            return f"{head}: есть {ours}, нет {theirs}"
        parts = [f"{FIELDS_RU.get(d.field, d.field)} {ours} {_shown(d.field, d.ours)}, "
                 f"{theirs} {_shown(d.field, d.theirs)}"
                 for d in self.differences]
        return f"{head}: " + "; ".join(parts)


def _shown(name: str, value: object) -> str:
    if value is None or value == "":
        return "—"
    if name == "k" and isinstance(value, Decimal):
        return k_text(value)
    if isinstance(value, Decimal):
        return format_rub(value)
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    return str(value)


def compare_months(ours: MonthFigures, theirs: MonthFigures,
                   compared: Sequence[str] = COMPARED_FIELDS) -> list[ContractDifference]:
    """The contracts whose figures differ between two computations of the same month (the PC's and
    the portal's), in annex order; an empty list means they agree to the kopeck."""
    if ours.month != theirs.month:
        raise ValueError(f"сравниваются разные месяцы: {month_ru(ours.month)} и {month_ru(theirs.month)}")
    known = {f.name for f in fields(ContractFigures)}
    unknown = [name for name in compared if name not in known]
    if unknown:
        raise ValueError(f"нет таких показателей договора: {', '.join(unknown)}")
    mine = {c.contract_id: c for c in ours.contracts}
    other = {c.contract_id: c for c in theirs.contracts}
    result: list[ContractDifference] = []
    for cid in mine.keys() | other.keys():
        a, b = mine.get(cid), other.get(cid)
        if a is None:
            assert b is not None
            result.append(ContractDifference(cid, b.number, ours_missing=True))
        elif b is None:
            result.append(ContractDifference(cid, a.number, theirs_missing=True))
        else:
            diffs = tuple(FieldDifference(name, getattr(a, name), getattr(b, name))
                          for name in compared if getattr(a, name) != getattr(b, name))
            if diffs:
                result.append(ContractDifference(cid, a.number, diffs))
    order = {c.contract_id: annex_order(c) for c in (*theirs.contracts, *ours.contracts)}
    return sorted(result, key=lambda d: order[d.contract_id])


def differences_text(differences: Sequence[ContractDifference], ours: str = "в счёте",
                     theirs: str = "на портале") -> str:
    """«Не сходятся 2 договора: …» — the portal's answer when the figures disagree."""
    n = len(differences)
    verb = plural_ru(n, "сходится", "сходятся", "сходятся")
    head = f"Не {verb} {n} {plural_ru(n, 'договор', 'договора', 'договоров')}"
    return head + ": " + "; ".join(d.message(ours, theirs) for d in differences)
