"""Validation people expect (domain.md): names, phones, e-mail, date of birth.

Each ``*_error`` function returns None when the value is fine, else a Russian message that says
what is wrong and how to fix it (the form shows it under the field).

Decisions where domain.md is silent:

* Names: Cyrillic letters (including Ё), hyphen and single spaces between words; a hyphen must stand
  between letters («Римский-Корсаков»); at most 100 characters. Leading/trailing spaces are ignored
  (``normalize_person_name`` trims them and collapses repeated spaces).
* Phones: +7 followed by 10 digits, written with any spaces, hyphens and parentheses; a leading 8
  or 7 with 10 more digits is the same number (``normalize_phone`` gives ``+7XXXXXXXXXX``). Ten bare
  digits are refused (we do not guess the country code).
* Age: at least 5 full years and not yet 18 on the date (``ages.MIN_AGE``/``MAX_AGE``): a
  certificate is valid «до достижения 18 лет», so it is refused from the 18th birthday on.
"""

from __future__ import annotations

import re
from datetime import date

from pfdo_desktop.domain.ages import MAX_AGE, MIN_AGE, age_on
from pfdo_desktop.domain.said import said, term

NAME_MAX_LEN = 100
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")
_NAME = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*(?: [А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*)*")
_PHONE_DECOR = re.compile(r"[\s()\-.]")
_TEN_DIGITS = re.compile(r"[0-9]{10}")
_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+")
_EMAIL_LABEL = re.compile(r"[^\W_](?:[\w\-]*[^\W_])?")


def normalize_person_name(text: str) -> str:
    """Trim and collapse repeated spaces: «  Иванов   Иван » → «Иванов Иван»."""
    return " ".join((text or "").split())


def person_name_error(text: str, field_title: str) -> str | None:
    """Cyrillic letters, hyphen and space only (surname, first name, patronymic)."""
    name = normalize_person_name(text)
    title = term("FieldTitle", field_title)
    if not name:
        return said("name.required", f"Заполните поле «{field_title}»", field=title)
    if len(name) > NAME_MAX_LEN:
        return said("name.too_long",
                    f"«{field_title}»: не длиннее {NAME_MAX_LEN} символов, сейчас {len(name)}",
                    field=title, limit=NAME_MAX_LEN, length=len(name))
    if _NAME.fullmatch(name):
        return None
    if _LATIN.search(name):
        return said("name.latin", f"«{field_title}»: пишите русскими буквами — латинские буквы не "
                    "допускаются (проверьте раскладку клавиатуры)", field=title)
    if any(ch.isdigit() for ch in name):
        return said("name.digits",
                    f"«{field_title}»: цифры не допускаются, только русские буквы, дефис и пробел",
                    field=title)
    bad = next((ch for ch in name if not (_CYRILLIC.fullmatch(ch) or ch in "- ")), None)
    if bad is not None:
        return said("name.bad_character", f"«{field_title}»: недопустимый символ «{bad}» — допускаются "
                    "только русские буквы, дефис и пробел", field=title, character=bad)
    return said("name.hyphen", f"«{field_title}»: дефис ставится только между буквами, без пробелов вокруг "
                "(например, «Римский-Корсаков»)", field=title)


def normalize_phone(text: str) -> str | None:
    """``+7XXXXXXXXXX`` for a Russian number in any usual spelling, None if it is not one."""
    raw = _PHONE_DECOR.sub("", (text or "").strip())
    if raw.startswith("+7"):
        digits = raw[2:]
    elif len(raw) == 11 and raw[0] in "78":
        digits = raw[1:]
    elif len(raw) == 10 and raw[0] == "9":
        digits = raw  # a mobile written without the country code: 9XX is always a Russian mobile
    else:
        return None
    if not _TEN_DIGITS.fullmatch(digits):
        return None
    return f"+7{digits}"


def phone_error(text: str) -> str | None:
    """None for a Russian phone number (+7 XXX XXX-XX-XX or 8XXXXXXXXXX)."""
    raw = (text or "").strip()
    if not raw:
        return said("phone.required", "Укажите телефон в формате +7 XXX XXX-XX-XX")
    if normalize_phone(raw) is not None:
        return None
    cleaned = _PHONE_DECOR.sub("", raw)
    body = cleaned[1:] if cleaned.startswith("+") else cleaned
    if not re.fullmatch(r"[0-9]+", body):
        return said("phone.characters", "Телефон содержит лишние символы: допускаются цифры, «+» в начале, "
                    "пробелы, дефисы и скобки. Пример: +7 912 345-67-89")
    if cleaned.startswith("+") and not cleaned.startswith("+7"):
        return said("phone.not_russian",
                    "Нужен российский номер, начинающийся с +7. Пример: +7 912 345-67-89")
    count = len(body)
    if count == 10 and not cleaned.startswith("+"):
        return said("phone.country_code",
                    "Добавьте код страны: +7 или 8 в начале номера. Пример: +7 4912 34-56-78")
    return said("phone.digits", f"В номере {count} цифр, а нужно 11 (+7 и 10 цифр, или 8 и 10 цифр). "
                "Пример: +7 912 345-67-89", count=count)


def email_error(text: str) -> str | None:
    """A plain address ``name@domain.tld`` (a Cyrillic domain such as .рф is accepted)."""
    email = (text or "").strip()
    example = "Пример: ivanova@mail.ru"
    if not email:
        return said("email.required", f"Укажите адрес электронной почты. {example}")
    if any(ch.isspace() for ch in email):
        return said("email.spaces", f"В адресе электронной почты не должно быть пробелов. {example}")
    if email.count("@") != 1:
        return said("email.at", f"В адресе электронной почты должен быть ровно один знак «@». {example}")
    local, domain = email.split("@")
    if not local:
        return said("email.no_mailbox", f"Перед «@» должно быть имя ящика. {example}")
    if "," in email:
        return said("email.comma", f"В адресе стоит запятая: замените её точкой. {example}")
    if not _EMAIL_LOCAL.fullmatch(local) or local.startswith(".") or local.endswith(".") or ".." in local:
        return said("email.mailbox",
                    f"Имя ящика (до «@») пишется латинскими буквами, цифрами и знаками . _ - +. {example}")
    labels = domain.split(".")
    if len(labels) < 2:
        return said("email.no_domain", f"После «@» нужен домен с точкой, например mail.ru. {example}")
    if not all(_EMAIL_LABEL.fullmatch(label) for label in labels):
        return said("email.domain", f"Домен после «@» записан неверно: проверьте точки и буквы. {example}")
    if len(labels[-1]) < 2 or labels[-1].isdigit():
        return said("email.zone",
                    f"Домен должен заканчиваться зоной из букв, например .ru или .рф. {example}")
    return None


def birth_date_error(birth_date: date, on_date: date) -> str | None:
    """The child must be at least 5 and not yet 18 on ``on_date`` (the relevant date)."""
    on = on_date.strftime("%d.%m.%Y")
    if birth_date > on_date:
        return said("birth_date.future", f"Дата рождения позже {on}: проверьте год рождения по документу",
                    on=on_date)
    age = age_on(birth_date, on_date)
    if age < MIN_AGE:
        turns = _add_years(birth_date, MIN_AGE).strftime("%d.%m.%Y")
        return said("birth_date.too_young",
                    f"На {on} ребёнку {age} {_years(age)} — меньше {MIN_AGE} лет. Сертификат и зачисление "
                    f"доступны с {MIN_AGE} лет, то есть с {turns}. Проверьте дату рождения по документу",
                    on=on_date, age=age, min_age=MIN_AGE, turns=turns, word=_years(age))
    if age >= MAX_AGE:  # a certificate is valid until the 18th birthday («до достижения 18 лет»)
        return said("birth_date.too_old",
                    f"На {on} ему уже {age} {_years(age)}: дополнительное образование детей по "
                    f"сертификату — с {MIN_AGE} лет до достижения {MAX_AGE}. Проверьте дату рождения "
                    "по документу", on=on_date, age=age, min_age=MIN_AGE, max_age=MAX_AGE, word=_years(age))
    return None


def _years(n: int) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return "год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "года"
    return "лет"


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → 1 March
        return date(day.year + years, 3, 1)
