"""The certificate's life as the municipalities run it (issue 17 §1): periods, the ПФ quota, the
activation of a certificate (учёт → ПФ), the period's close and the expiry of unused ПФ status.

A **period** is a municipality's year: its dates, the **nominal** a ПФ certificate gets for it (in
the municipality's unit: roubles or hours, ``catalog.NOMINAL_UNITS``) and the **quota** — how many
of the municipality's certificates may hold ПФ status in it. A certificate belongs to the
municipality whose two digits its number carries (region 2 + municipality 2 + 6 digits).

The rules both sides apply: ``activation_refusal`` (the PC's pre-check before it queues a
``certificate.activate`` and the portal's decision under the locked period row: first come, first
served), ``period_errors`` (the portal's ``period open``), ``closed_certificate`` (what the close
returns to the budget), ``opened_balance`` (what a new period gives a certificate keeping ПФ
status), ``is_unused`` (a ПФ certificate that may be turned back into учёт) and ``period_of`` (the
period a certificate's card shows). Stdlib only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .catalog import CERT_PF, NOMINAL_UNITS
from .said import said

PERIOD_OPEN = "open"
PERIOD_CLOSED = "closed"
PERIOD_STATUSES: dict[str, str] = {PERIOD_OPEN: "открыт", PERIOD_CLOSED: "закрыт"}
MAX_PERIOD_DAYS = 366  # a period is a year (a leap year's 366 days at most)

# Reason codes of an activation refused (the portal's ``OpResult.code``, the PC's ``ServiceError.reason``).
R_ALREADY_PF = "already_pf"
R_NO_PERIOD = "no_period"
R_QUOTA_EXHAUSTED = "quota_exhausted"

TEXT_RU = {
    R_ALREADY_PF: "Сертификат уже имеет статус ПФ.",
    R_NO_PERIOD: "У муниципалитета нет открытого периода: статус ПФ сейчас не выдаётся.",
    R_QUOTA_EXHAUSTED: "Квота сертификатов ПФ муниципалитета на период исчерпана.",
}
ADVICE_RU = {
    R_ALREADY_PF: "Ничего делать не нужно: данные сертификата пришли с портала.",
    R_NO_PERIOD: "Сохраните заявление родителя и отправьте запрос, когда муниципалитет откроет период.",
    R_QUOTA_EXHAUSTED: "Сертификат остался сертификатом учёта: ребёнок может заниматься по бюджетным "
    "программам. Запрос можно отправить снова, когда места в квоте освободятся.",
}


@dataclass(frozen=True, slots=True)
class Period:
    """A municipality's period. ``code``: the municipality's two digits in its certificates'
    numbers; ``unused_days``: after how many days a ПФ certificate nobody used may be turned back
    into учёт (0: never)."""

    id: int
    municipality: str
    code: str
    date_from: date
    date_to: date
    nominal: Decimal
    unit: str
    quota: int
    unused_days: int = 0
    status: str = PERIOD_OPEN

    @property
    def is_open(self) -> bool:
        return self.status == PERIOD_OPEN

    def covers(self, day: date) -> bool:
        return self.date_from <= day <= self.date_to


@dataclass(frozen=True, slots=True)
class ActivationRefusal:
    """Why a certificate may not get ПФ status now: the reason code and what to say (Russian)."""

    reason: str
    message: str


def municipality_code(number: str) -> str:
    """The municipality's two digits of a certificate number («4718000123» → «18»)."""
    return number[2:4]


def period_of(number: str, periods: Iterable[Period], today: date) -> Period | None:
    """The period a certificate's card shows: of the municipality its number names, the open period
    covering ``today``, else an open one (not begun yet or ended but not closed), else the latest
    closed one. None: the municipality has no period."""
    code = municipality_code(number)
    mine = sorted((p for p in periods if p.code == code), key=lambda p: p.date_from)
    if not mine:
        return None
    for period in mine:
        if period.is_open and period.covers(today):
            return period
    opened = [p for p in mine if p.is_open]
    return opened[-1] if opened else mine[-1]


def activation_refusal(
    status: str, period: Period | None, taken: int, today: date
) -> ActivationRefusal | None:
    """May a certificate of ``status`` get ПФ status on ``today`` under ``period`` (its
    municipality's, ``period_of``) whose quota has ``taken`` places taken? None: yes. The checks in
    order: already ПФ → an open period covering today → a free place in the quota. The portal
    decides it with the period's row locked, so two requests for the last place never both win."""
    if status == CERT_PF:
        return ActivationRefusal(R_ALREADY_PF, said("certificate.already_pf", TEXT_RU[R_ALREADY_PF]))
    if period is None or not period.is_open or not period.covers(today):
        return ActivationRefusal(
            R_NO_PERIOD,
            said(
                "certificate.no_period",
                f"У муниципалитета нет открытого периода на {today:%d.%m.%Y}: статус ПФ сейчас не выдаётся. "
                "Сохраните заявление родителя и отправьте запрос, когда муниципалитет откроет период.",
                day=today,
            ),
        )
    if taken >= period.quota:
        return ActivationRefusal(
            R_QUOTA_EXHAUSTED,
            said(
                "certificate.quota_exhausted",
                f"Квота сертификатов ПФ муниципалитета на период исчерпана: заняты все {period.quota} мест. "
                "Сертификат остался сертификатом учёта (бюджетные программы доступны).",
                quota=period.quota,
            ),
        )
    return None


def period_errors(
    municipality: str,
    code: str,
    date_from: date,
    date_to: date,
    nominal: Decimal,
    unit: str,
    quota: int,
    unused_days: int,
    existing: Iterable[Period],
) -> dict[str, str]:
    """What is wrong with a new period of ``municipality`` (field → message, empty: nothing).
    ``existing``: the periods already there (all municipalities). A municipality has one open
    period at a time and its periods do not overlap."""
    errors: dict[str, str] = {}
    if not municipality.strip():
        errors["municipality"] = "укажите муниципалитет"
    if len(code) != 2 or not code.isdigit():
        errors["code"] = f"код муниципалитета — две цифры номера сертификата, а не «{code}»"
    if date_to < date_from:
        errors["date_to"] = f"конец периода {date_to:%d.%m.%Y} раньше начала {date_from:%d.%m.%Y}"
    elif (date_to - date_from).days + 1 > MAX_PERIOD_DAYS:
        errors["date_to"] = f"период — не больше года ({MAX_PERIOD_DAYS} дней)"
    if nominal <= 0:
        errors["nominal"] = "номинал должен быть больше нуля"
    if unit not in NOMINAL_UNITS:
        errors["unit"] = f"единица номинала — rub (рубли) или hours (часы), а не «{unit}»"
    if quota < 0:
        errors["quota"] = "квота не может быть отрицательной"
    if unused_days < 0:
        errors["unused_days"] = "число дней не может быть отрицательным (0 — не возвращать в учёт)"
    for other in existing:
        if other.municipality != municipality.strip():
            continue
        if other.is_open:
            errors["municipality"] = (
                f"у муниципалитета уже открыт период {other.date_from:%d.%m.%Y}–{other.date_to:%d.%m.%Y}: "
                "сначала закройте его (pfdo-portal period close)"
            )
            break
        if other.date_from <= date_to and date_from <= other.date_to:
            errors["date_from"] = (
                f"период пересекается с периодом {other.date_from:%d.%m.%Y}–{other.date_to:%d.%m.%Y}"
            )
    return errors


@dataclass(frozen=True, slots=True)
class Closed:
    """A certificate after its period's close: its balance and reserve, and what went back."""

    balance: Decimal
    reserve: Decimal
    returned: Decimal


def closed_certificate(balance: Decimal, reserve: Decimal, continues: bool) -> Closed:
    """The unspent returns to the budget at the period's end: the balance and the reserve go to
    zero, except the reserve of a contract that continues past the period's end (``continues``:
    the certificate has one), which it keeps — as its balance too. A ПФ balance is not carried over."""
    kept = reserve if continues and reserve > 0 else Decimal("0.00")
    returned = max(Decimal("0.00"), balance - kept)
    return Closed(kept, kept, returned)


def opened_balance(balance: Decimal, reserve: Decimal, nominal: Decimal) -> Decimal:
    """A certificate keeping ПФ status in a new period: the new nominal on top of what its continuing
    contracts still hold (its reserve; after a close that is the whole balance)."""
    return reserve + nominal


def is_unused(
    balance: Decimal, reserve: Decimal, nominal: Decimal, since: date, today: date, days: int
) -> bool:
    """A ПФ certificate nobody used for ``days`` days since ``since`` (its activation, or the
    period's start for one that kept its status): nothing reserved, nothing spent. ``days`` 0:
    the municipality never turns certificates back."""
    return days > 0 and reserve == 0 and balance >= nominal and (today - since).days >= days
