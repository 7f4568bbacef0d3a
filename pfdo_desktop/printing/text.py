"""How values read on paper: money, dates, months, blanks to fill by hand."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.catalog import NOMINAL_UNITS
from pfdo_desktop.domain.documents import PersonInfo
from pfdo_desktop.domain.money import NARROW_NBSP, format_rub

from .russian import Name

NBSP = "\u00a0"

# A date nobody knows yet: the person writes it by hand.
BLANK_DATE = "«___» ____________ 20___ г."
INLINE_BLANK_DATE = "«___» ________ 20__ г."  # the same inside a sentence

MONTHS_RU = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
             "октябрь", "ноябрь", "декабрь")
WEEKDAYS_RU = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")


def format_money(amount: Decimal) -> str:
    """«12 345,67 ₽»: thousands split by a no-break space, a decimal comma, «₽» kept on the line.

    ``domain.money.format_rub`` uses a narrow no-break space, which PT Serif and PT Sans do not
    have; the printed form uses the ordinary no-break space instead.
    """
    return format_rub(amount).replace(NARROW_NBSP, NBSP).replace(" ₽", NBSP + "₽")


def format_amount(amount: Decimal, unit: str = "rub") -> str:
    """A certificate's figure in its unit: «12 345,67 ₽», or «72 ч» where the nominal is in hours."""
    if unit == "rub":
        return format_money(amount)
    return f"{amount.normalize():f}".replace(".", ",") + NBSP + NOMINAL_UNITS.get(unit, unit)


def format_date(day: date | None, blank: str = BLANK_DATE) -> str:
    """«05.09.2026», or ``blank`` (a line to fill) when the date is unknown."""
    return day.strftime("%d.%m.%Y") if day else blank


def month_year(year: int, month: int) -> str:
    """«декабрь 2026»."""
    return f"{MONTHS_RU[month - 1]} {year}"


def blank(chars: int = 20) -> str:
    """A line of underscores for a value to write by hand."""
    return "_" * chars


def or_blank(value: str, chars: int = 20) -> str:
    """The value, or a line to fill when the system does not know it."""
    return value if value else blank(chars)


def short_name(person: PersonInfo | None) -> str:
    """«Иванова М. П.» for a signature's transcript; "" when the person is unknown."""
    return Name.of(person).short()


def head_short_name(full_name: str) -> str:
    """The provider head's «Фамилия Имя Отчество» as «Фамилия И. О.»."""
    return Name.parse(full_name).short()


# A number typed with its own sign: «№ 12-од», «№12», «N 12», «No. 12» — the form adds «№» itself.
_NUMBER_SIGN = re.compile(r"^(?:\s*(?:№|N[oº°]?\.?(?=[\s\d])))+\s*")


def bare_number(value: str) -> str:
    """The number without a leading «№» (or «N», «No.») an operator or a registry typed into it."""
    return _NUMBER_SIGN.sub("", value.strip())


def numbered(value: str, chars: int = 12) -> str:
    """«№ Д-2026/0417» (kept on one line), never «№ № …»; «№ ____» for a number to write by hand."""
    number = bare_number(value)
    return f"№{NBSP}{number}" if number else f"№ {blank(chars)}"


def person_document(person: PersonInfo | None) -> str:
    """«Свидетельство о рождении № IV-ИК 123456», «… IV-ИК № 123456» when the number carries its own
    «№» (as the registry writes a birth certificate's series and number), or "" when nothing is
    known."""
    if person is None:
        return ""
    number = bare_number(person.doc_number)
    if "№" in number:  # «IV-АИ № 654321»: the series, then its own sign
        series, _, rest = number.partition("№")
        number_text = f"{series.strip()} №{NBSP}{rest.strip()}".strip()
    else:
        number_text = f"№{NBSP}{number}" if number else ""
    kind = person.doc_kind.strip()
    kind = kind[:1].upper() + kind[1:]  # the value stands alone in its field
    return " ".join(p for p in (kind, number_text) if p)
