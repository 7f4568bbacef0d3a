"""Money: Decimal roubles quantised to kopecks. Never float."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

KOPECK = Decimal("0.01")
NARROW_NBSP = "\u202f"


def to_money(value: object) -> Decimal:
    """Parse roubles from str/int/Decimal (a comma is accepted as the decimal separator).

    Floats are refused: they cannot represent kopecks exactly.
    """
    if isinstance(value, float):
        raise TypeError("суммы не принимаются как float: передайте строку или Decimal")
    if isinstance(value, Decimal):
        amount = value
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"не сумма в рублях: {value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"не сумма в рублях: {value!r}")
    return amount.quantize(KOPECK, rounding=ROUND_HALF_UP)


def ceil_kop(amount: Decimal) -> Decimal:
    """Round up to the kopeck (the contract-cost rule of domain.md)."""
    return amount.quantize(KOPECK, rounding=ROUND_CEILING)


def trunc_kop(amount: Decimal) -> Decimal:
    """Truncate to the kopeck (equal monthly parts)."""
    return amount.quantize(KOPECK, rounding=ROUND_DOWN)


def format_rub(amount: Decimal) -> str:
    """«1 234,50 ₽» — Russian grouping with a narrow no-break space and a decimal comma."""
    quantised = amount.quantize(KOPECK, rounding=ROUND_HALF_UP)
    sign = "-" if quantised < 0 else ""
    whole, frac = f"{abs(quantised):.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}{NARROW_NBSP.join(groups)},{frac} ₽"


def split_months(total: Decimal, months: int) -> list[Decimal]:
    """Split a total into monthly parts: equal later months truncated to kopecks, the first month
    takes the remainder, so the parts always sum to the total."""
    if months < 1:
        raise ValueError("число месяцев должно быть не меньше 1")
    total = to_money(total)
    later = trunc_kop(total / months)
    first = total - later * (months - 1)
    return [first] + [later] * (months - 1)
