"""Ages of children."""

from __future__ import annotations

from datetime import date

MIN_AGE = 5
MAX_AGE = 18


def age_on(birth_date: date, on: date) -> int:
    """Full years on a date."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def age_in_months(birth_date: date, on: date) -> int:
    """Full months on a date (the portal stores programme ages in months)."""
    months = (on.year - birth_date.year) * 12 + on.month - birth_date.month
    if on.day < birth_date.day:
        months -= 1
    return months
