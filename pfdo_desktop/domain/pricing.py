"""Contract pricing for certified programmes (domain.md, «Money»).

The rule::

    all        = ceil_kop(D / D_group * module_price)
    normative  = ceil_kop(D / D_group * module_normative_price)
    certificate pays min(all, normative, balance); the parent pays all − certificate part.

Both parts are split over the contract's calendar months with ``money.split_months``: equal later
months truncated to kopecks, the first month takes the remainder.

Decisions where domain.md is silent:

* **D and D_group are calendar days, inclusive.** D is the number of days of the contract period
  that fall inside the group's period (``contract_days``); D_group is the length of the group's
  period. A contract from the group's first day to its last day costs exactly the module price.
* **Exact arithmetic before rounding.** The share is computed as ``price × D / D_group`` (multiply
  first), so a value that is exactly a whole number of kopecks is never bumped up by a kopeck through
  a recurring decimal such as 2/3. Then it is rounded *up* to the kopeck (``money.ceil_kop``).
* **The balance is the free balance** (остаток minus what other live contracts already reserve).
  A negative balance, negative prices, D < 1 or D > D_group are programming errors: ``ValueError``.
* **Months** are the calendar months the contract period touches (``months_between``); a contract
  from 20 September to 5 October spans two months.
* **Termination by the parent** takes effect from the 1st day of the next month
  (``termination_effective_date``), whatever the day of the request.
* The nominal in hours (some regions) is not priced here: these functions work in roubles.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.catalog import BUDGET_REGISTRIES
from pfdo_desktop.domain.money import ceil_kop, format_rub, split_months, to_money

YearMonth = tuple[int, int]


@dataclass(frozen=True)
class ContractCost:
    """What a contract costs and who pays what. All amounts are Decimal with kopeck precision."""

    all: Decimal  # the contract price for its days
    normative: Decimal  # the normative cost for its days
    certificate_part: Decimal  # paid from the certificate = min(all, normative, balance)
    parent_part: Decimal  # co-payment = all − certificate_part
    balance_before: Decimal
    balance_after: Decimal  # what stays on the certificate once the certificate part is reserved
    certificate_monthly: tuple[Decimal, ...]  # first month takes the remainder
    parent_monthly: tuple[Decimal, ...]
    days_in_contract: int
    days_in_group: int

    @property
    def months(self) -> int:
        return len(self.certificate_monthly)

    @property
    def parent_pays(self) -> bool:
        """True when the parent has to co-pay (the certificate does not cover the contract)."""
        return self.parent_part > 0


def contract_cost(
    days_in_contract: int,
    days_in_group: int,
    module_price: object,
    module_normative: object,
    balance: object,
    months: int = 1,
) -> ContractCost:
    """The cost of a contract for ``days_in_contract`` of a group lasting ``days_in_group`` days.

    ``module_price``, ``module_normative`` and ``balance`` are roubles (str, int or Decimal; never
    float). ``months`` is how many monthly parts to split into (``len(months_between(...))``).
    """
    if days_in_group < 1:
        raise ValueError("группа должна длиться хотя бы один день")
    if not 1 <= days_in_contract <= days_in_group:
        raise ValueError(
            f"дней в договоре должно быть от 1 до {days_in_group} (длительность группы), "
            f"а не {days_in_contract}"
        )
    price = to_money(module_price)
    norm = to_money(module_normative)
    free = to_money(balance)
    if price < 0 or norm < 0:
        raise ValueError("цена и нормативная стоимость модуля не могут быть отрицательными")
    if free < 0:
        raise ValueError("остаток сертификата не может быть отрицательным")
    total = ceil_kop(price * days_in_contract / days_in_group)
    normative = ceil_kop(norm * days_in_contract / days_in_group)
    certificate = min(total, normative, free)
    parent = total - certificate
    return ContractCost(
        all=total,
        normative=normative,
        certificate_part=certificate,
        parent_part=parent,
        balance_before=free,
        balance_after=free - certificate,
        certificate_monthly=tuple(split_months(certificate, months)),
        parent_monthly=tuple(split_months(parent, months)),
        days_in_contract=days_in_contract,
        days_in_group=days_in_group,
    )


def contract_cost_for_period(
    contract_from: date,
    contract_to: date,
    group_from: date,
    group_to: date,
    module_price: object,
    module_normative: object,
    balance: object,
) -> ContractCost:
    """``contract_cost`` for real dates: D, D_group and the months are counted from the dates.

    The contract period is clipped to the group's period; it must overlap it.
    """
    days = contract_days(contract_from, contract_to, group_from, group_to)
    if days < 1:
        raise ValueError("период договора не пересекается со сроками группы")
    start = max(contract_from, group_from)
    end = min(contract_to, group_to)
    return contract_cost(
        days,
        group_days(group_from, group_to),
        module_price,
        module_normative,
        balance,
        months=len(months_between(start, end)),
    )


def group_days(group_from: date, group_to: date) -> int:
    """Calendar days of the group's period, both ends included."""
    if group_to < group_from:
        raise ValueError("дата окончания группы раньше даты начала")
    return (group_to - group_from).days + 1


def contract_days(contract_from: date, contract_to: date, group_from: date, group_to: date) -> int:
    """Calendar days of the contract period inside the group's period, inclusive (0 if none)."""
    start = max(contract_from, group_from)
    end = min(contract_to, group_to)
    return max(0, (end - start).days + 1)


def months_between(start: date, end: date) -> list[YearMonth]:
    """The calendar months (year, month) a period from ``start`` to ``end`` touches, in order."""
    if end < start:
        raise ValueError("дата окончания раньше даты начала")
    result: list[YearMonth] = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        result.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def termination_effective_date(request_date: date) -> date:
    """A parent's termination takes effect from the 1st day of the month after the request."""
    if request_date.month == 12:
        return date(request_date.year + 1, 1, 1)
    return date(request_date.year, request_date.month + 1, 1)


FREE_RU = "бесплатно"


def free_for_family(price: Decimal | None, registry: str = "") -> bool:
    """Does the family pay nothing? A programme of a budget registry (предпрофессиональные, значимые,
    общеразвивающие: the municipal task pays, the certificate is not charged), or a zero price."""
    return registry in BUDGET_REGISTRIES or (price is not None and price == 0)


def price_text(price: Decimal | None, registry: str = "") -> str:
    """How a cost reads on screen: «бесплатно» for a free programme (``free_for_family``),
    «16 500,00 ₽» otherwise, and "" when there is no price at all (no contract yet)."""
    if free_for_family(price, registry):
        return FREE_RU
    return format_rub(price) if price is not None else ""
