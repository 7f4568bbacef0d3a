"""A new child: the rules of a new-child request (``child.create``), one definition for the PC's
«Новый ребёнок» form, its roster import and the portal's decision (docs/rules.md).

``request_errors`` returns every bad field keyed by the wire payload's field path (``last_name``,
``doc_number``, ``guardian.phone``); each message says what is wrong and what to do.

Decisions:

* **The document is optional** (a roster line has none, and the portal always took such
  requests), but a document that is given is complete and valid: its kind from the list, the
  number in that kind's format (passport: 10 digits; birth certificate: «IV-МЮ 123456»), at most
  40 characters. A number without a kind is refused (``doc_kind``: «выберите вид документа»).
* **The guardian is optional in a request**; one that is given has a surname and a first name
  (a first name or patronymic may be an initial, «А.», as a roster writes it), a relation from the
  list, and a phone and e-mail that are valid when given.
* **The form asks for more** (``form_errors``): a guardian for a child under
  ``GUARDIAN_REQUIRED_UNDER`` (a parent signs the application for a younger child) and the
  guardian's phone. A roster cannot satisfy these and the portal never required them, so they
  are the form's completeness rules, not the request's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pfdo_desktop.domain.ages import age_on
from pfdo_desktop.domain.applications import DOCUMENT_KINDS_RU, RELATIONS_RU
from pfdo_desktop.domain.identity import certificate_number_error, snils_error
from pfdo_desktop.domain.said import capital, quoted, said, term
from pfdo_desktop.domain.validation import (
    birth_date_error,
    email_error,
    normalize_person_name,
    person_name_error,
    phone_error,
)

GUARDIAN_REQUIRED_UNDER = 14  # years: a parent signs for a younger child
DOC_NUMBER_MAX_LEN = 40

_PASSPORT = re.compile(r"\d{10}")
_BIRTH_CERT = re.compile(r"[IVXLCivxlc1-9]{1,6}-?[А-ЯЁа-яё]{2}\s*№?\s*\d{6}")
_INITIAL = re.compile(r"[А-ЯЁ]\.")

# The order of the paths (the form shows the first error first).
PATHS = ("last_name", "first_name", "middle_name", "birth_date", "snils", "doc_kind", "doc_number",
         "certificate_number", "guardian.last_name", "guardian.first_name", "guardian.middle_name",
         "guardian.relation", "guardian.phone", "guardian.email")


@dataclass(frozen=True, slots=True)
class GuardianData:
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    relation: str = "mother"  # domain.applications.RELATIONS_RU
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class NewChildData:
    """What a new-child request carries, as plain values (``birth_date`` None: not given)."""

    last_name: str
    first_name: str
    birth_date: date | None
    middle_name: str = ""
    snils: str = ""
    doc_kind: str = ""
    doc_number: str = ""
    certificate_number: str = ""
    guardian: GuardianData | None = None


def request_errors(child: NewChildData, today: date) -> dict[str, str]:
    """Every bad field of a new-child request: payload path → what is wrong and what to do."""
    errors: dict[str, str] = {}

    def put(path: str, message: str | None) -> None:
        if message:
            errors[path] = message

    put("last_name", person_name_error(child.last_name, "Фамилия"))
    put("first_name", person_name_error(child.first_name, "Имя"))
    if normalize_person_name(child.middle_name):
        put("middle_name", person_name_error(child.middle_name, "Отчество"))
    if child.birth_date is None:
        put("birth_date", said("birth_date.required",
                               "Укажите дату рождения ребёнка (ДД.ММ.ГГГГ) по документу"))
    else:
        put("birth_date", birth_date_error(child.birth_date, today))
    if child.snils.strip() and (error := snils_error(child.snils)):
        put("snils", capital(error))
    errors.update(document_errors(child.doc_kind, child.doc_number))
    number = re.sub(r"[\s-]", "", child.certificate_number or "")
    if number and (error := certificate_number_error(number)):
        put("certificate_number", said("new_child.certificate_number",
                                       capital(error) + ". Если сертификата нет — оставьте поле пустым",
                                       error=capital(error)))
    if child.guardian is not None:
        errors.update(guardian_errors(child.guardian))
    return {path: errors[path] for path in PATHS if path in errors}


def form_errors(child: NewChildData, today: date) -> dict[str, str]:
    """The request's errors plus what the «Новый ребёнок» form also asks for: a guardian for a child
    under ``GUARDIAN_REQUIRED_UNDER`` (under ``guardian.last_name``) and the guardian's phone."""
    errors = request_errors(child, today)
    gd = child.guardian
    if gd is None:
        if child.birth_date is not None and age_on(child.birth_date, today) < GUARDIAN_REQUIRED_UNDER:
            errors["guardian.last_name"] = said(
                "new_child.guardian_required",
                f"Ребёнку меньше {GUARDIAN_REQUIRED_UNDER} лет: укажите законного представителя "
                "(родителя или опекуна), он подписывает заявление", age=GUARDIAN_REQUIRED_UNDER)
    elif "guardian.phone" not in errors and (error := phone_error(gd.phone)):
        errors["guardian.phone"] = error
    return {path: errors[path] for path in PATHS if path in errors}


def document_errors(kind: str, number: str) -> dict[str, str]:
    """A document is optional; one that is given has a kind from the list and a number in its
    format."""
    number = " ".join((number or "").split())
    if not kind:
        if not number:
            return {}
        return {"doc_kind": said("document.kind_required",
                                 "Выберите документ ребёнка: свидетельство о рождении, паспорт или документ "
                                 "иностранца — или оставьте номер пустым")}
    if kind not in DOCUMENT_KINDS_RU:
        kinds = ", ".join(f"«{v}»" for v in DOCUMENT_KINDS_RU.values())
        return {"doc_kind": said("document.kind_unknown",
                                 f"Неизвестный вид документа «{kind}»: выберите его из списка ({kinds})",
                                 kind=kind,
                                 kinds=tuple(quoted(term("DocumentKind", v))
                                             for v in DOCUMENT_KINDS_RU.values()))}
    title = DOCUMENT_KINDS_RU[kind]
    if not number:
        return {"doc_number": said("document.number_required", f"Укажите серию и номер документа ({title})",
                                   kind=term("DocumentKind", title))}
    if len(number) > DOC_NUMBER_MAX_LEN:
        return {"doc_number": said("document.number_too_long",
                                   f"Номер документа не длиннее {DOC_NUMBER_MAX_LEN} символов, "
                                   f"сейчас {len(number)}",
                                   limit=DOC_NUMBER_MAX_LEN, length=len(number))}
    if kind == "passport" and not _PASSPORT.fullmatch(re.sub(r"[\s№-]", "", number)):
        return {"doc_number": said("document.passport_format",
                                   "Серия и номер паспорта — 10 цифр: 4 цифры серии и 6 цифр номера, "
                                   "например 45 10 123456")}
    if kind == "birth_certificate" and not _BIRTH_CERT.fullmatch(number):
        return {"doc_number": said("document.birth_certificate_format",
                                   "Серия свидетельства о рождении — римские цифры, дефис и две русские "
                                   "буквы, затем 6 цифр номера, например IV-МЮ 123456")}
    return {}


def guardian_errors(gd: GuardianData) -> dict[str, str]:
    """A guardian that is given: surname and first name, a relation from the list, a valid phone
    and e-mail when given."""
    errors: dict[str, str] = {}
    for path, value, title, required in (
        ("guardian.last_name", gd.last_name, "Фамилия представителя", True),
        ("guardian.first_name", gd.first_name, "Имя представителя", True),
        ("guardian.middle_name", gd.middle_name, "Отчество представителя", False),
    ):
        name = normalize_person_name(value)
        if not required and not name:
            continue
        if path != "guardian.last_name" and _INITIAL.fullmatch(name):
            continue  # «Петрова А. А.» as a roster writes it
        if error := person_name_error(value, title):
            errors[path] = error
    if gd.relation not in RELATIONS_RU:
        kinds = ", ".join(f"«{v}»" for v in RELATIONS_RU.values())
        errors["guardian.relation"] = said(
            "guardian.relation", f"Выберите, кем представитель приходится ребёнку, из списка ({kinds})",
            kinds=tuple(quoted(term("Relation", v)) for v in RELATIONS_RU.values()))
    if gd.phone.strip() and (error := phone_error(gd.phone)):
        errors["guardian.phone"] = error
    if gd.email.strip() and (error := email_error(gd.email)):
        errors["guardian.email"] = error
    return errors
