"""Personal identifiers: СНИЛС and certificate numbers."""

from __future__ import annotations

import re

from pfdo_desktop.domain.said import said

_SNILS_DIGITS = re.compile(r"\D")


def snils_digits(text: str) -> str:
    """The 11 digits of a СНИЛС written in any usual way (spaces, hyphens)."""
    return _SNILS_DIGITS.sub("", text or "")


def snils_checksum(first_nine: str) -> int:
    """The control number of a СНИЛС from its first nine digits (weights 9..1, mod 101)."""
    s = sum(int(d) * w for d, w in zip(first_nine, range(9, 0, -1), strict=True))
    if s < 100:
        return s
    if s in (100, 101):
        return 0
    rest = s % 101
    return 0 if rest == 100 else rest


def snils_error(text: str) -> str | None:
    """None when the СНИЛС is valid, else a Russian message saying what is wrong."""
    digits = snils_digits(text)
    if len(digits) != 11:
        return said("snils.length", f"СНИЛС должен содержать 11 цифр, а здесь {len(digits)}",
                    count=len(digits))
    # Numbers up to 001-001-998 were issued before the checksum existed.
    if int(digits[:9]) <= 1001998:
        return None
    if snils_checksum(digits[:9]) != int(digits[9:]):
        return said("snils.checksum", "контрольное число СНИЛС не сходится: проверьте цифры по документу")
    return None


def format_snils(text: str) -> str:
    """«XXX-XXX-XXX YY»."""
    d = snils_digits(text)
    if len(d) != 11:
        return text
    return f"{d[0:3]}-{d[3:6]}-{d[6:9]} {d[9:11]}"


def make_snils(first_nine: int) -> str:
    """A valid СНИЛС for nine leading digits (used by the demo generator)."""
    nine = f"{first_nine:09d}"
    return format_snils(f"{nine}{snils_checksum(nine):02d}")


def certificate_number_error(text: str) -> str | None:
    """A certificate number is exactly 10 digits kept as text (leading zeros matter)."""
    if not re.fullmatch(r"\d{10}", text or ""):
        return said("certificate_number.format",
                    "номер сертификата — ровно 10 цифр (регион 2 + муниципалитет 2 + 6 цифр)")
    return None


def search_text(text: str) -> str:
    """Text as the children search compares it: single spaces, casefolded, «ё» read as «е»
    («  Артём  Фёдоров» → «артем федоров»). SQLite folds ASCII only, so the desktop stores this."""
    return " ".join((text or "").split()).casefold().replace("ё", "е")


def search_name(last_name: str, first_name: str, middle_name: str = "") -> str:
    """The searchable «фамилия имя отчество» of a person (``search_text`` of the full name)."""
    return search_text(" ".join(p for p in (last_name, first_name, middle_name) if p))
