"""How the portal refuses an op: a payload it cannot read (a number past what its tables hold;
pydantic's errors are said in Russian by ``protocol.field_errors_ru``), a command it refuses
(``CommandRefused``), and the operator's summary of the field errors («Портал счёл данные
неверными. Дата рождения — позже сегодняшнего дня.»).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pfdo_desktop.sync import protocol as p

# --- a payload the portal cannot read -----------------------------------------------------------
# pydantic's errors in Russian are the protocol's (``p.field_errors_ru``): the PC says a value the
# wire cannot carry in the same words before it is queued.

# The integers the portal's tables hold (PostgreSQL INTEGER; SQLite holds more, the same limit
# keeps both alike): a number past them in a payload is refused as invalid, never a write error.
INT_MIN, INT_MAX = -(2**31), 2**31 - 1
OUT_OF_RANGE_RU = "число вне допустимого диапазона"


def int_range_errors(value: Any, path: str = "") -> dict[str, str]:
    """Every number of a payload past what the tables hold, keyed by its path."""
    if isinstance(value, bool):
        return {}
    if isinstance(value, int):
        return {} if INT_MIN <= value <= INT_MAX else {path or "payload": OUT_OF_RANGE_RU}
    items: Iterable[tuple[Any, Any]] = ()
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    errors: dict[str, str] = {}
    for key, item in items:
        for field, message in int_range_errors(item, f"{path}.{key}" if path else str(key)).items():
            errors.setdefault(field, message)
    return errors


# --- refusals -----------------------------------------------------------------------------------


def rejected(
    op_id: str, code: str, field_errors: dict[str, str] | None = None, detail: str = ""
) -> p.OpResult:
    """A refused op: the code's Russian text (``detail`` after it) and the field errors, no record."""
    message = p.REJECTION_TEXT_RU.get(code, code)
    if detail:
        message = f"{message} {detail}"
    return p.OpResult(
        op_id=op_id, status=p.REJECTED, code=code, message=message, field_errors=field_errors or {}
    )


class CommandRefused(Exception):
    """A command the portal refuses without changing anything."""

    def __init__(
        self,
        code: str,
        message: str | None = None,
        field_errors: dict[str, str] | None = None,
        *,
        record: dict[str, Any] | None = None,
        with_record: bool = True,
        guess: bool = False,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.guess = guess  # a wrong certificate number: counted after the rollback (privacy rule 4)
        if message is None and code == p.R_INVALID and field_errors:
            message = invalid_message(field_errors)
        self.message = message or p.REJECTION_TEXT_RU.get(code, code)
        self.field_errors = field_errors or {}
        self.record = record  # an explicit server_record (a ChildMatch)
        self.with_record = with_record  # False: never show this record (another provider's)


INVALID_SHOWN = 5  # field errors spelled out in the summary message; the rest are counted


def invalid_message(errors: dict[str, str]) -> str:
    """The field errors summed up for the operator, a sentence per field: «Портал счёл данные
    неверными. Дата рождения — позже сегодняшнего дня. Фамилия: пишите русскими буквами — …»
    (``field_errors`` still carries each message for its field)."""
    items = list(errors.items())
    sentences = [p.REJECTION_TEXT_RU[p.R_INVALID]]
    sentences += [_invalid_sentence(key, text) for key, text in items[:INVALID_SHOWN]]
    if len(items) > INVALID_SHOWN:
        sentences.append(f"И ещё ошибок: {len(items) - INVALID_SHOWN}.")
    return " ".join(sentences)


def _invalid_sentence(key: str, text: str) -> str:
    """«Дата рождения — позже сегодняшнего дня.», «Модуль 1, количество часов — нужно целое число.»;
    a message that names its field itself («Дата зачисления … раньше …», «Заполните поле
    «Фамилия»», «Количество часов должно быть больше нуля») stands alone, after the field's place
    («Модуль 1: количество часов …»). Names: ``protocol.field_place_ru``, never the wire path."""
    place, title = p.field_place_ru(key)
    full = f"{place}, {title}" if place else title
    text = " ".join(text.split()).rstrip(".;:, ")
    if not text:
        return f"{_upper_first(full)}."
    end = "" if text.endswith(("?", "!")) else "."
    quoted = re.match(r"«([^»]+)»\s*:\s*(.+)", text)  # «Фамилия»: цифры не допускаются …
    if quoted and quoted.group(1).casefold() == title.casefold():
        text = quoted.group(2)
    elif _mentions(text, title):
        return f"{_upper_first(place)}: {_lower_first(text)}{end}" if place else f"{_upper_first(text)}{end}"
    joint = ": " if " — " in text else " — "  # never two dashes in one sentence
    return f"{_upper_first(full)}{joint}{_lower_first(text)}{end}"


def _mentions(text: str, title: str) -> bool:
    """Whether ``text`` names the field ``title`` itself: the title anywhere as it is, or in another
    case of its words at the start («Укажите дату начала занятий» names «дата начала занятий»; «…:
    проверьте дату рождения» at the end does not lead with it)."""
    lowered, words = text.casefold(), title.casefold().split()
    if not words:
        return False
    if re.search(rf"(?<!\w){re.escape(title.casefold())}(?!\w)", lowered):
        return True
    stems = [re.escape(w[: max(3, len(w) - 2)]) if w.isalpha() else re.escape(w) for w in words]
    found = re.search(r"(?<!\w)" + r"\w*\s+".join(stems) + r"\w*", lowered)
    return found is not None and found.start() <= _LEADS_WITH


_LEADS_WITH = 20  # characters: «Заполните поле «Фамилия»», «Укажите дату начала занятий»


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """The message after its field's title: its capital goes, an abbreviation's (СНИЛС) stays."""
    word = re.match(r"\w+", text)
    if word is None or not text[0].isupper():
        return text
    w = word.group(0)
    if len(w) > 1 and not w[1:].islower():
        return text  # СНИЛС, ПК, ФИО
    return text[0].lower() + text[1:]

