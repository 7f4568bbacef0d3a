"""The monthly money cycle's rules (issue 12; domain.md «Money»; docs/payment.md): one definition
the PC's «Оплата» screen and the portal's ``month.advance`` / ``month.invoice`` both call.

This module holds the single rules; ``payment_month`` applies them to a whole month of a provider
(plain rows in, figures per group, per contract and per payer out; the comparison of two such
computations; the invoice) and ``payment_closing`` says what blocks closing a month.

* **Completeness of a group's month** (``group_month``, ``completeness_percent``)::

      k = 100 × (planned hours − hours cancelled by the provider) / planned hours

  in per cent, rounded half up to 0.01. Planned = the group's lessons of the month within the
  group's dates. A month with no planned lessons has no completeness (``None``) and no payment.
  A child's absence never lowers k. A **moved** lesson holds on its new date: it counts once, as
  held, in the month of its new date (a move inside a month changes nothing; a move from November
  to December takes the lesson out of November's plan and into December's).
* **Months a contract pays** (``payable_months``): every month it is in force on the 1st, plus its
  first month when it starts mid-month — for a period ``date_from … date_to`` (the last day in
  force, inclusive) that is exactly every calendar month the period touches, the months
  ``pricing.months_between`` gives and its parts are split into. A parent's termination takes effect
  from the 1st of the next month (``termination_last_day``); an expulsion or a transfer ends the
  contract on its last day of study, so a contract still in force on the 1st pays that month whole
  (× k). Only a contract that was enrolled pays (``PAYING_STATUSES``): a confirmed offer not yet
  enrolled is not in force.
* **Monthly amounts** (``monthly_amount``): the contract's certificate and parent parts split into
  its months with ``money.split_months`` (equal later months truncated to kopecks, the first month
  takes the remainder).
* **Certificate payment** (``certificate_payment``) = monthly amount × printed k / 100, half up to
  the kopeck; the rest returns to the certificate balance (``unpaid``).
* **Parent's payment** (``parent_payment``): fixed (× k / 100) or by attendance (× attended / held).
* **Advance** (``advance_amount``, ``advance_request_from``): Σ certificate monthly amounts of the
  contracts in force in M × a / 100, 0 ≤ a ≤ 80, requested from the 2nd working day of M.
* **Invoice** (``invoice_issue_from``, ``amount_due``, ``invoice_key``): issued from the 1st of M+1
  (December from the 1st of December); «к оплате» = total − advance, never below zero (the excess
  of the advance is returned to the payer).

All money is ``Decimal`` roubles with kopecks (``money``); hours are ``Decimal`` or ``int``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from pfdo_desktop.domain.applications import (
    APP_ACTIVE,
    APP_EXPELLED,
    APP_TERMINATED,
    APP_TRANSFERRED,
)
from pfdo_desktop.domain.money import KOPECK, split_months, to_money
from pfdo_desktop.domain.pricing import YearMonth, months_between, termination_effective_date
from pfdo_desktop.domain.said import said

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
PERCENT_STEP = Decimal("0.01")

# --- lessons and completeness ---------------------------------------------------------------------

LESSON_HELD = "held"  # held as planned (the default: a lesson nobody cancelled is held)
LESSON_CANCELLED = "cancelled_by_provider"  # «не проведено по вине исполнителя»
LESSON_MOVED = "moved"  # «перенесено»: held on ``moved_to``
LESSON_STATES = frozenset({LESSON_HELD, LESSON_CANCELLED, LESSON_MOVED})
LESSON_STATES_RU = {
    LESSON_HELD: "проведено",
    LESSON_CANCELLED: "не проведено по вине исполнителя",
    LESSON_MOVED: "перенесено",
}


@dataclass(frozen=True, slots=True)
class Lesson:
    """One lesson of a group's schedule: the date it was planned on, its length in academic hours,
    its state, and for a moved lesson the date it was moved to (which then holds it)."""

    lesson_date: date
    hours: Decimal | int = 1
    state: str = LESSON_HELD
    moved_to: date | None = None

    def __post_init__(self) -> None:
        if self.state not in LESSON_STATES:
            raise ValueError(f"неизвестное состояние занятия: {self.state!r}")
        if self.state == LESSON_MOVED and self.moved_to is None:
            raise ValueError(f"занятие {self.lesson_date:%d.%m.%Y} перенесено, но не указано, на какую дату")
        if isinstance(self.hours, (float, bool)):
            raise TypeError("часы занятия передаются как int или Decimal, не float")
        if self.hours <= 0:
            raise ValueError(f"у занятия {self.lesson_date:%d.%m.%Y} должно быть больше 0 часов")

    @property
    def held_on(self) -> date:
        """The date the lesson takes place (or was to take place): the new date of a moved one."""
        return self.moved_to if self.moved_to is not None else self.lesson_date

    @property
    def cancelled(self) -> bool:
        return self.state == LESSON_CANCELLED


def in_month(day: date, month: YearMonth) -> bool:
    return (day.year, day.month) == month


def month_first_day(month: YearMonth) -> date:
    return date(month[0], month[1], 1)


def month_last_day(month: YearMonth) -> date:
    return next_month_first_day(month) - timedelta(days=1)


def next_month(month: YearMonth) -> YearMonth:
    year, m = month
    return (year + 1, 1) if m == 12 else (year, m + 1)


def next_month_first_day(month: YearMonth) -> date:
    return month_first_day(next_month(month))


def month_text(month: YearMonth) -> str:
    """«2025-11»: how a month travels and is keyed (``parse_month`` reads it back)."""
    return f"{month[0]:04d}-{month[1]:02d}"


def month_ru(month: YearMonth) -> str:
    """«11.2025»: how a month reads in Russian texts."""
    return f"{month[1]:02d}.{month[0]:04d}"


FIRST_YEAR, LAST_YEAR = 2000, 2099  # the months money documents may be for (ПФДО began in 2018)
_MONTH_TEXT = re.compile(r"([0-9]{4})-([0-9]{2})")


def parse_month(text: str) -> YearMonth:
    """«2025-11» → (2025, 11): exactly four and two ASCII digits, a month 01…12 of a year
    2000…2099; anything else is a ``ValueError`` with a Russian message (the wire and the command
    line read a month by this one rule)."""
    found = _MONTH_TEXT.fullmatch(text) if isinstance(text, str) else None
    if found:
        year, month = int(found[1]), int(found[2])
        if 1 <= month <= 12 and FIRST_YEAR <= year <= LAST_YEAR:
            return (year, month)
        if 1 <= month <= 12:
            raise ValueError(f"месяц {text} вне {FIRST_YEAR}–{LAST_YEAR} годов")
    raise ValueError(f"месяц указывается как ГГГГ-ММ (например, 2025-11), а не {text!r}")


def completeness_percent(planned_hours: Decimal | int, cancelled_hours: Decimal | int) -> Decimal | None:
    """k = 100 × (planned − cancelled) / planned, per cent half up to 0.01; ``None`` with no plan."""
    planned = Decimal(planned_hours)
    cancelled = Decimal(cancelled_hours)
    if planned <= 0:
        return None
    if not 0 <= cancelled <= planned:
        raise ValueError("отменённых часов не может быть меньше 0 или больше запланированных")
    return (HUNDRED * (planned - cancelled) / planned).quantize(PERCENT_STEP, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class GroupMonth:
    """A group's month in lessons and hours, and its completeness k (``None``: nothing planned)."""

    planned_lessons: int
    held_lessons: int
    cancelled_lessons: int
    planned_hours: Decimal
    cancelled_hours: Decimal
    k: Decimal | None


def month_lessons(lessons: Iterable[Lesson], month: YearMonth, group_from: date,
                  group_to: date) -> list[Lesson]:
    """The lessons planned in ``month``: those taking place (``held_on``) in the month and within
    the group's dates, in date order."""
    chosen = [
        lesson for lesson in lessons
        if in_month(lesson.held_on, month) and group_from <= lesson.held_on <= group_to
    ]
    return sorted(chosen, key=lambda lesson: lesson.held_on)


def group_month(lessons: Iterable[Lesson], month: YearMonth, group_from: date, group_to: date) -> GroupMonth:
    """Planned / held / cancelled lessons of a group's month and its completeness k."""
    planned = month_lessons(lessons, month, group_from, group_to)
    cancelled = [lesson for lesson in planned if lesson.cancelled]
    planned_hours = Decimal(sum((Decimal(lesson.hours) for lesson in planned), Decimal(0)))
    cancelled_hours = Decimal(sum((Decimal(lesson.hours) for lesson in cancelled), Decimal(0)))
    return GroupMonth(
        planned_lessons=len(planned),
        held_lessons=len(planned) - len(cancelled),
        cancelled_lessons=len(cancelled),
        planned_hours=planned_hours,
        cancelled_hours=cancelled_hours,
        k=completeness_percent(planned_hours, cancelled_hours),
    )


def held_lessons_between(lessons: Iterable[Lesson], month: YearMonth, member_from: date,
                         member_to: date | None) -> int:
    """Lessons of ``month`` held (not cancelled) while the child was a member (both ends
    included): the denominator of the parent's part by attendance."""
    return sum(
        1 for lesson in lessons
        if in_month(lesson.held_on, month) and not lesson.cancelled
        and member_from <= lesson.held_on and (member_to is None or lesson.held_on <= member_to)
    )


# --- contracts: months and monthly amounts ---------------------------------------------------------

# Statuses of a contract that was enrolled (in force for its period; the ended ones up to their
# last day). A confirmed offer not yet enrolled, and every status that never began, pay nothing.
PAYING_STATUSES = frozenset({APP_ACTIVE, APP_EXPELLED, APP_TRANSFERRED, APP_TERMINATED})


def termination_last_day(request_date: date) -> date:
    """The last day in force of a contract the parent terminates on ``request_date``: the day
    before ``pricing.termination_effective_date`` (the last day of the request's month)."""
    return termination_effective_date(request_date) - timedelta(days=1)


def in_force_on(date_from: date, date_to: date, day: date) -> bool:
    """Is a contract for ``date_from … date_to`` (its last day in force, inclusive) in force on ``day``?"""
    return date_from <= day <= date_to


def payable_months(date_from: date, date_to: date) -> list[YearMonth]:
    """The months a contract pays: every month it is in force on the 1st, plus its first month
    (a contract that starts mid-month pays it). Equal to ``pricing.months_between`` over the
    period, the months its parts are split into; nothing for an empty period."""
    if date_to < date_from:
        return []
    first = (date_from.year, date_from.month)
    return [
        month for month in months_between(date_from, date_to)
        if in_force_on(date_from, date_to, month_first_day(month)) or month == first
    ]


def pays_in(status: str, date_from: date, date_to: date, month: YearMonth) -> bool:
    """Does a contract in ``status`` pay for ``month``?"""
    return status in PAYING_STATUSES and month in payable_months(date_from, date_to)


def monthly_amount(part: object, date_from: date, date_to: date, month: YearMonth) -> Decimal:
    """A contract part (certificate or parent) for one month: the part split over the months of
    ``date_from … date_to`` by ``money.split_months``; zero for a month outside the period."""
    months = payable_months(date_from, date_to)
    if month not in months:
        return ZERO
    return split_months(to_money(part), len(months))[months.index(month)]


# --- payments -----------------------------------------------------------------------------------

def _half_up(amount: Decimal) -> Decimal:
    return amount.quantize(KOPECK, rounding=ROUND_HALF_UP)


def certificate_payment(monthly: Decimal, k: Decimal | None) -> Decimal:
    """The certificate pays for a contract's month: monthly amount × printed k / 100, half up to
    the kopeck. No completeness (nothing planned) → nothing paid."""
    if k is None:
        return ZERO
    return _half_up(to_money(monthly) * printed_k(k) / HUNDRED)


def unpaid(monthly: Decimal, payment: Decimal) -> Decimal:
    """What returns to the certificate balance: the monthly amount minus the payment."""
    return to_money(monthly) - to_money(payment)


def printed_k(k: Decimal) -> Decimal:
    """k as printed on the annex (two decimals): payments are computed from it."""
    return k.quantize(PERCENT_STEP, rounding=ROUND_HALF_UP)


def k_text(k: Decimal | None) -> str:
    """«75,00» (the annex's «объём оказания услуги, %»), «—» with no completeness."""
    return "—" if k is None else f"{printed_k(k):.2f}".replace(".", ",")


PARENT_FIXED = "fixed"  # the parent's monthly amount × k / 100
PARENT_BY_ATTENDANCE = "attendance"  # the parent's monthly amount × attended / held
PAYMENT_ORDERS_RU = {
    PARENT_FIXED: "фиксированная оплата (с учётом объёма оказания услуги)",
    PARENT_BY_ATTENDANCE: "оплата пропорционально посещённым занятиям",
}


def parent_payment(monthly: Decimal, order: str, *, k: Decimal | None, attended: int = 0,
                   held: int = 0) -> Decimal:
    """The parent's part of a month by the contract's payment order, half up to the kopeck.

    ``fixed``: × printed k / 100. ``attendance``: × attended / held, where held counts the lessons
    held while the child was a member and attended the ones the child was marked present at (at
    held lessons, so attended ≤ held). No completeness, or no lesson held → nothing."""
    amount = to_money(monthly)
    if k is None:
        return ZERO
    if order == PARENT_FIXED:
        return _half_up(amount * printed_k(k) / HUNDRED)
    if order == PARENT_BY_ATTENDANCE:
        if attended < 0 or held < 0 or attended > held:
            raise ValueError(f"посещено {attended} из {held} проведённых занятий: посещённых не может быть "
                             "больше проведённых (считайте отметки «был» только на проведённых занятиях)")
        if held == 0:
            return ZERO
        return _half_up(amount * attended / held)
    raise ValueError(f"неизвестный порядок оплаты родителем: {order!r} (ожидается fixed или attendance)")


# --- advance ------------------------------------------------------------------------------------

DEFAULT_ADVANCE_PERCENT = Decimal(80)
MAX_ADVANCE_PERCENT = Decimal(80)


def advance_percent(value: object = DEFAULT_ADVANCE_PERCENT) -> Decimal:
    """The region's advance percentage a, checked: 0 ≤ a ≤ 80 (default 80)."""
    if isinstance(value, float):
        raise TypeError("процент аванса передаётся как int, строка или Decimal, не float")
    try:
        percent = value if isinstance(value, Decimal) else Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        percent = Decimal("NaN")
    if not percent.is_finite() or percent < 0 or percent > MAX_ADVANCE_PERCENT:
        raise ValueError(
            f"Процент аванса {value}% недопустим: аванс может составлять от 0 до 80% суммы "
            "сертификатов за месяц. Исправьте настройку региона."
        )
    return percent


def advance_amount(monthly_amounts: Iterable[Decimal], percent: object = DEFAULT_ADVANCE_PERCENT) -> Decimal:
    """The advance: Σ certificate monthly amounts of the contracts in force × a / 100, half up to
    the kopeck (rounded once, on the sum)."""
    base = sum((to_money(amount) for amount in monthly_amounts), ZERO)
    return _half_up(base * advance_percent(percent) / HUNDRED)


# --- working days -------------------------------------------------------------------------------

# The fixed non-working holidays (Трудовой кодекс РФ, ст. 112): 1–6 and 8 January (новогодние
# каникулы), 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November.
FEDERAL_HOLIDAYS = ((1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (2, 23), (3, 8),
                    (5, 1), (5, 9), (6, 12), (11, 4))


def federal_holidays(year: int) -> frozenset[date]:
    """The year's days off besides weekends as far as the law fixes them: the ст. 112 holidays,
    and for a holiday outside January that falls on a Saturday or Sunday, the next working day
    (ст. 112: the day off moves to it). The government's yearly decree (the production calendar)
    also moves the January weekend days elsewhere: pass the year's calendar as ``holidays`` to
    ``working_day`` for those."""
    days = {date(year, m, d) for m, d in FEDERAL_HOLIDAYS}
    moved: set[date] = set()
    for m, d in FEDERAL_HOLIDAYS:
        day = date(year, m, d)
        if m != 1 and day.weekday() >= 5:
            nxt = day + timedelta(days=1)
            while nxt.weekday() >= 5 or nxt in days or nxt in moved:
                nxt += timedelta(days=1)
            moved.add(nxt)
    return frozenset(days | moved)


def is_working_day(day: date, holidays: Iterable[date] | None = None) -> bool:
    """Monday to Friday and not a holiday (``holidays`` None: ``federal_holidays`` of its year)."""
    off = set(holidays) if holidays is not None else federal_holidays(day.year)
    return day.weekday() < 5 and day not in off


def working_day(month: YearMonth, n: int, holidays: Iterable[date] | None = None) -> date:
    """The ``n``-th working day of ``month`` (1-based)."""
    if n < 1:
        raise ValueError("номер рабочего дня начинается с 1")
    off = set(holidays) if holidays is not None else set(federal_holidays(month[0]))
    day = month_first_day(month)
    count = 0
    while in_month(day, month):
        if is_working_day(day, off):
            count += 1
            if count == n:
                return day
        day += timedelta(days=1)
    raise ValueError(f"в месяце {month_ru(month)} меньше {n} рабочих дней")


def advance_request_from(month: YearMonth, holidays: Iterable[date] | None = None) -> date:
    """The advance for ``month`` may be requested from its 2nd working day."""
    return working_day(month, 2, holidays)


# --- invoice ------------------------------------------------------------------------------------

def invoice_issue_from(month: YearMonth) -> date:
    """The invoice for ``month`` may be issued from the 1st of the next month; December's inside
    December (from the 1st, with December's completeness as planned: lessons not yet held count as
    held unless cancelled)."""
    if month[1] == 12:
        return month_first_day(month)
    return next_month_first_day(month)


# --- when a document may be sent: one rule, the PC's pre-check and the portal's decision ------------

KIND_ADVANCE, KIND_INVOICE = "advance", "invoice"
R_TOO_EARLY = "too_early"  # before advance_request_from / invoice_issue_from
R_TOO_LATE = "too_late"  # an advance for a month that is over, or whose invoice already stands
TEXT_RU = {
    R_TOO_EARLY: said("payment.text.too_early", "Срок подачи этого документа за месяц ещё не наступил."),
    R_TOO_LATE: said("payment.text.too_late", "Заявку на аванс за этот месяц подать уже нельзя."),
}
ADVICE_RU = {
    R_TOO_EARLY: said("payment.advice.too_early",
                      "Отправьте документ с даты, которую назвал портал. Если дата на компьютере неверна — "
                      "исправьте её и синхронизируйте."),
    R_TOO_LATE: said("payment.advice.too_late",
                     "Аванс просят в течение месяца, пока за него не выставлен счёт; за прошедший месяц "
                     "выставьте счёт — он будет без аванса."),
}


def document_refusal(kind: str, month: YearMonth, today: date, *,
                     invoice_stands: bool = False) -> tuple[str, str] | None:
    """Why a ``kind`` document for ``month`` may not be sent ``today`` — (reason code, Russian
    message) — or None. An advance: from the 2nd working day of the month to its last day, and
    never once the month's invoice stands (it was issued without this advance: a late advance
    would be paid on top of the invoice). An invoice: from ``invoice_issue_from``."""
    if kind == KIND_ADVANCE:
        opens, last = advance_request_from(month), month_last_day(month)
        if today < opens:
            return R_TOO_EARLY, said("payment.advance_too_early",
                                     f"Заявку на аванс за {month_ru(month)} можно подать с {opens:%d.%m.%Y} "
                                     "(второй рабочий день месяца).", month=month_ru(month), opens=opens)
        if invoice_stands:
            return R_TOO_LATE, said("payment.advance_after_invoice",
                                    f"За {month_ru(month)} уже выставлен счёт: аванс после счёта не подаётся "
                                    "(счёт выставлен без него).", month=month_ru(month))
        if today > last:
            return R_TOO_LATE, said("payment.advance_too_late",
                                    f"Заявку на аванс за {month_ru(month)} можно было подать до "
                                    f"{last:%d.%m.%Y}: месяц прошёл, за него выставляется счёт.",
                                    month=month_ru(month), last=last)
        return None
    opens = invoice_issue_from(month)
    if today < opens:
        return R_TOO_EARLY, said("payment.invoice_too_early",
                                 f"Счёт за {month_ru(month)} можно выставить с {opens:%d.%m.%Y}: месяц ещё "
                                 "не закончился.", month=month_ru(month), opens=opens)
    return None


@dataclass(frozen=True, slots=True)
class AmountDue:
    """«к оплате» = total − advance, never below zero; ``advance_excess`` is what the advance
    exceeds the total by (the provider returns it to the payer)."""

    total: Decimal
    advance: Decimal
    to_pay: Decimal
    advance_excess: Decimal


def amount_due(total: Decimal, advance: Decimal) -> AmountDue:
    total = to_money(total)
    advance = to_money(advance)
    if advance < 0:
        raise ValueError("аванс не может быть отрицательным")
    difference = total - advance
    return AmountDue(total, advance, max(difference, ZERO), max(-difference, ZERO))


def invoice_key(provider_id: object, payer: str, month: YearMonth) -> str:
    """The one invoice per provider × payer (municipality) × month: «12/mo-3/2025-11». The same key
    (prefixed by the document kind, ``document_key``) makes one advance per provider × payer × month."""
    return f"{provider_id}/{payer}/{month_text(month)}"


def document_key(kind: str, provider_id: object, payer: str, month: YearMonth) -> str:
    """«invoice:12/mo-3/2025-11», «advance:12/mo-3/2025-11»."""
    if kind not in ("invoice", "advance"):
        raise ValueError(f"неизвестный вид документа: {kind!r} (ожидается invoice или advance)")
    return f"{kind}:{invoice_key(provider_id, payer, month)}"
