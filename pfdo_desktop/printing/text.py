"""How values read on paper: money, dates, months, blanks to fill by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pfdo_desktop.domain.catalog import NOMINAL_UNITS
from pfdo_desktop.domain.documents import PersonInfo
from pfdo_desktop.domain.money import NARROW_NBSP, format_rub

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
    if person is None or not person.last_name:
        return ""
    initials = " ".join(f"{part[0]}." for part in (person.first_name, person.middle_name) if part)
    return f"{person.last_name} {initials}".strip()


def head_short_name(full_name: str) -> str:
    """The provider head's «Фамилия Имя Отчество» as «Фамилия И. О.»."""
    parts = full_name.split()
    if not parts:
        return ""
    return " ".join([parts[0], *(f"{p[0]}." for p in parts[1:])])


def person_document(person: PersonInfo | None) -> str:
    """«Свидетельство о рождении № IV-ИК 123456», or "" when nothing is known."""
    if person is None:
        return ""
    if person.doc_kind and person.doc_number:
        return f"{person.doc_kind} №{NBSP}{person.doc_number}"
    return person.doc_kind or (f"№{NBSP}{person.doc_number}" if person.doc_number else "")
