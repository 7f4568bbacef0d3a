"""What a chart shows: categories, named series of figures, how a figure reads (Qt-free).

Figures are ``Decimal`` (money, shares), ``int`` (children, programmes) or ``float``; ``None`` is a
figure nobody has (a group without lessons): no bar, «—» in the table. Numbers read the Russian way,
«1 234,5», with the same narrow no-break space as ``domain.money.format_rub``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from pfdo_desktop.domain.money import NARROW_NBSP, format_rub

Number = Decimal | int | float
Formatter = Callable[[Number], str]
NO_FIGURE = "—"


class ChartKind(Enum):
    BARS = "bars"  # vertical bars, the series of a category side by side
    STACKED_BARS = "stacked"  # vertical bars, the series of a category one on another
    LINE = "line"  # a line per series through the categories (months)
    HORIZONTAL_BARS = "horizontal"  # long category names on the left, bars to the right


def to_decimal(value: Number) -> Decimal:
    """A figure as an exact Decimal (a float through its shortest repr, never its binary tail)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def format_number(value: Number | None, decimals: int | None = None) -> str:
    """«1 234,5»: groups of three with a narrow no-break space, a decimal comma, rounded half up.

    Without ``decimals``: an int has none, a Decimal keeps its own places (``Decimal("12.50")`` →
    «12,50»), a float gets one place unless it is whole."""
    if value is None:
        return NO_FIGURE
    amount = to_decimal(value)
    if not amount.is_finite():
        return NO_FIGURE
    if decimals is None:
        if isinstance(value, float):
            amount = amount.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
            decimals = 0 if amount == amount.to_integral_value() else 1
        elif isinstance(value, Decimal):
            exponent = amount.as_tuple().exponent
            decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        else:
            decimals = 0
    rounded = amount.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):.{decimals}f}".partition(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + NARROW_NBSP.join(groups) + ("," + fraction if fraction else "")


def number_format(decimals: int | None = None, suffix: str = "") -> Formatter:
    """A formatter: ``number_format(0, "детей")(1234)`` → «1 234 детей»."""

    def fmt(value: Number) -> str:
        text = format_number(value, decimals)
        return f"{text}\u00a0{suffix}" if suffix and text != NO_FIGURE else text

    return fmt


def percent_format(decimals: int = 1) -> Formatter:
    """«87,5 %» (a share is printed with one decimal, rounded half up)."""
    return number_format(decimals, "%")


def money_format(value: Number) -> str:
    """«12 345,00 ₽» (``domain.money.format_rub``)."""
    return format_rub(to_decimal(value))


@dataclass(frozen=True)
class Series:
    """One named row of figures, a figure per category (``None``: no figure)."""

    name: str
    values: tuple[Number | None, ...]

    def __init__(self, name: str, values: Sequence[Number | None]) -> None:
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "values", tuple(values))


@dataclass(frozen=True)
class ChartData:
    """What a chart draws and its table lists.

    ``format_value`` writes an exact figure (the tooltip, the table, the labels on the bars);
    ``value_title`` names the value axis («₽», «%», «детей»); ``category_title`` heads the table's
    first column («Месяц», «Группа»); ``value_max`` fixes the top of the axis (100 for percents);
    ``value_labels`` writes each bar's figure at its end where it fits."""

    categories: tuple[str, ...] = ()
    series: tuple[Series, ...] = ()
    title: str = ""
    value_title: str = ""
    category_title: str = ""
    format_value: Formatter = field(default=format_number, compare=False)
    value_max: Number | None = None
    value_labels: bool = True  # the figure written at each bar where it fits (paper has no hover)

    def __post_init__(self) -> None:
        object.__setattr__(self, "categories", tuple(self.categories))
        object.__setattr__(self, "series", tuple(self.series))
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(f"series {series.name!r}: {len(series.values)} figures"
                                 f" for {len(self.categories)} categories")

    @property
    def is_empty(self) -> bool:
        """Nothing to draw: no categories, no series, or not one figure."""
        return not any(v is not None for s in self.series for v in s.values)

    def value(self, category: int, series: int) -> Number | None:
        return self.series[series].values[category]

    def total(self, category: int) -> Number | None:
        """The sum of a category's figures (a stacked bar's height); None when it has none."""
        figures = [f for s in self.series if (f := s.values[category]) is not None]
        if not figures:
            return None
        if any(isinstance(f, float) for f in figures):
            return sum(float(f) for f in figures)
        if any(isinstance(f, Decimal) for f in figures):
            return sum((to_decimal(f) for f in figures), Decimal(0))
        return sum(int(f) for f in figures)

    def is_integral(self) -> bool:
        """Every figure a whole number (children, programmes): the axis steps by whole numbers."""
        return all(
            v is None or isinstance(v, int) or to_decimal(v) == to_decimal(v).to_integral_value()
            for s in self.series for v in s.values)


def nice_ticks(low: Number, high: Number, target: int, integral: bool = False) -> list[Decimal]:
    """Round tick values covering [low, high]: steps of 1, 2, 2,5 or 5 × 10ⁿ, about ``target`` of
    them, starting and ending on a tick; whole steps when ``integral``. Zero is always a tick when
    the range holds it (the bars stand on it)."""
    lo, hi = to_decimal(low), to_decimal(high)
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        hi = lo + 1
    raw = (hi - lo) / max(1, target)
    magnitude = Decimal(1).scaleb(raw.adjusted())
    step = magnitude * 10
    for multiple in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        candidate = multiple * magnitude
        if integral and candidate != candidate.to_integral_value():
            continue
        if candidate >= raw:
            step = candidate
            break
    if integral and step < 1:
        step = Decimal(1)
    first = math.floor(lo / step)
    last = math.ceil(hi / step)
    return [(step * i).normalize() + 0 for i in range(first, last + 1)]


def tick_decimals(ticks: Sequence[Decimal]) -> int:
    """How many places the tick labels need (2,5 → 1; 20 → 0)."""
    places = 0
    for tick in ticks:
        exponent = tick.normalize().as_tuple().exponent
        if isinstance(exponent, int):
            places = max(places, -exponent)
    return places
