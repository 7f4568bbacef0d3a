"""Roster import, part two: the database side. Remember a file's column mapping, flag children
already known, and queue the new ones as new-child requests (child.create) in one transaction.

Decisions where the design is silent:

* **The mapping is remembered per header set**: the same headers (casefolded, «ё» = «е», single
  spaces, in order) give the same mapping next time; another layout starts from a guess again.
* **Already known** = a registry child or an open new-child request on this PC with the same
  ФИО + date of birth, the same СНИЛС or the same certificate number. Such a row is skipped with a
  message under the pseudo-field ``"existing"`` (the portal would answer «existing» anyway; skipping
  keeps the outbox and the portal's matching free of noise).
* **Guardian**: the row's «Законный представитель» becomes the request's guardian (relation «иной
  законный представитель» — a roster does not say who it is) when it has at least a surname and a
  first name (initials are kept as written); the phone and e-mail go with it.
* **The request's rules** (``domain.new_child.request_errors``, what the portal checks) decide each
  row on the import day, after the preview's checks of the file: a row the portal would refuse is
  skipped with the reason. The form's own rules (a guardian for a child under 14, the guardian's
  phone) are not a request's: a roster cannot satisfy them and the portal never required them.
* **All or nothing**: the rows are queued in one transaction; any failure leaves the database as it
  was. A row that fails its checks is skipped and reported, it does not stop the others.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.identity import format_snils, search_name, snils_digits
from pfdo_desktop.domain.new_child import request_errors
from pfdo_desktop.domain.said import said, term
from pfdo_desktop.domain.validation import normalize_person_name
from pfdo_desktop.models import (
    AppSetting,
    Certificate,
    Child,
    ChildRequest,
    Database,
)

from .children import CleanChild, add_requests, clean_child_data, request_visible
from .enrolment_rows import full_name
from .errors import ValidationError
from .roster import FIELD_TITLES, ImportReport, PreviewRow, identity_key, summary

log = logging.getLogger(__name__)

EXISTING = "existing"  # pseudo-field of PreviewRow.errors: the child is already known on this PC
FIELD_TITLES.setdefault(EXISTING, "Уже есть в базе")

_MAPPING_PREFIX = "roster_mapping:"
_SPACES = re.compile(r"\s+")


def _headers_key(headers: Sequence[str]) -> str:
    norm = [_SPACES.sub(" ", h.casefold().replace("ё", "е")).strip() for h in headers]
    digest = hashlib.sha256(json.dumps(norm, ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"{_MAPPING_PREFIX}{digest}"


def load_mapping(db: Database, headers: Sequence[str]) -> dict[str, int] | None:
    """The mapping saved for a file with these headers, or None (then guess it)."""
    with db.read() as s:
        setting = s.get(AppSetting, _headers_key(headers))
        if setting is None or not isinstance(setting.value, dict):
            return None
        mapping = setting.value.get("mapping")
    if not isinstance(mapping, dict):
        return None
    width = len(headers)
    return {str(k): int(v) for k, v in mapping.items()
            if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < width}


def save_mapping(db: Database, headers: Sequence[str], mapping: Mapping[str, int]) -> None:
    """Remember the operator's mapping for files with these headers."""
    for name, index in mapping.items():
        if not 0 <= int(index) < len(headers):
            title = FIELD_TITLES.get(name, name)
            raise ValidationError(name, said(
                "roster.column_missing",
                f"Столбец №{int(index) + 1} для поля «{title}» в файле отсутствует",
                column=int(index) + 1, field=term("FieldTitle", title)))
    value = {"headers": list(headers), "mapping": {k: int(v) for k, v in mapping.items()}}
    with db.write() as s:
        s.merge(AppSetting(key=_headers_key(headers), value=value))


class _Known:
    """What this PC already knows, for matching many rows at once."""

    def __init__(self, s: Session) -> None:
        self.by_key: dict[tuple[str, date], str] = {}
        self.by_snils: dict[str, str] = {}
        self.by_number: dict[str, str] = {}
        for name, born, snils, last, first, middle in s.execute(
                select(Child.search_name, Child.birth_date, Child.snils, Child.last_name, Child.first_name,
                       Child.middle_name).where(Child.archived.is_(False))):
            self._add(name, born, snils, "", f"{full_name(last, first, middle)}, {born:%d.%m.%Y}")
        for number, last, first, middle, born in s.execute(
                select(Certificate.number, Child.last_name, Child.first_name, Child.middle_name,
                       Child.birth_date)
                .join(Child, Child.id == Certificate.child_id)
                .where(Certificate.archived.is_(False), Child.archived.is_(False))):
            self.by_number.setdefault(number, f"{full_name(last, first, middle)}, {born:%d.%m.%Y}")
        for req in s.scalars(select(ChildRequest).where(request_visible())):
            person = f"{full_name(req.last_name, req.first_name, req.middle_name)}, {req.birth_date:%d.%m.%Y}"
            who = said("roster.who_requested", f"{person} (уже отправлен запрос с этого ПК)", who=person)
            self._add(req.search_name, req.birth_date, req.snils, req.certificate_number, who)

    def _add(self, name: str, born: date, snils: str, number: str, who: str) -> None:
        self.by_key.setdefault((name, born), who)
        digits = snils_digits(snils)
        if len(digits) == 11:
            self.by_snils.setdefault(digits, who)
        if number:
            self.by_number.setdefault(number, who)

    def match(self, row: PreviewRow) -> str | None:
        if row.key is not None and (who := self.by_key.get(row.key)):
            return said("roster.known_child", f"ребёнок уже есть в базе: {who} — строка пропущена", who=who)
        digits = snils_digits(row.values.get("snils", ""))
        if len(digits) == 11 and (who := self.by_snils.get(digits)):
            return said(
                "roster.known_snils", f"такой СНИЛС уже есть в базе у ребёнка {who}: проверьте, чей он",
                who=who)
        number = row.values.get("certificate_number", "")
        if number and (who := self.by_number.get(number)):
            return said(
                "roster.known_certificate",
                f"такой номер сертификата уже есть в базе у ребёнка {who}: проверьте, чей он", who=who)
        return None


def _mark(rows: Sequence[PreviewRow], known: _Known) -> list[PreviewRow]:
    out = []
    for row in rows:
        message = known.match(row)
        if message is None:
            out.append(row)
        else:
            out.append(replace(row, errors={**row.errors, EXISTING: message}))
    return out


def mark_existing(db: Database, rows: Sequence[PreviewRow]) -> list[PreviewRow]:
    """The rows, with an error under ``"existing"`` for each child this PC already knows."""
    with db.read() as s:
        return _mark(rows, _Known(s))


def _clean_row(row: PreviewRow) -> CleanChild:
    v = row.values
    parent = normalize_person_name(v.get("parent_name", "").replace(".", ". "))
    parts = parent.split(" ") if parent else []
    has_guardian = len(parts) >= 2
    return CleanChild(
        last_name=v["last_name"], first_name=v["first_name"], middle_name=v.get("middle_name", ""),
        birth_date=date.fromisoformat(v["birth_date"]),
        snils=format_snils(v["snils"]) if v.get("snils") else "",
        doc_kind="", doc_number="", certificate_number=v.get("certificate_number", ""),
        guardian_last_name=parts[0] if has_guardian else "",
        guardian_first_name=parts[1] if has_guardian else "",
        guardian_middle_name=" ".join(parts[2:]) if has_guardian else "",
        guardian_relation="other" if has_guardian else "",
        phone=v.get("phone", "") if has_guardian else "",
        email=v.get("email", "") if has_guardian else "",
    )


# The request's field paths → the roster's fields (its guardian is the «Законный представитель» cell).
_ROW_FIELD = {"guardian.last_name": "parent_name", "guardian.first_name": "parent_name",
              "guardian.middle_name": "parent_name", "guardian.relation": "parent_name",
              "guardian.phone": "phone", "guardian.email": "email"}


def _row_errors(errors: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path, message in errors.items():
        out.setdefault(_ROW_FIELD.get(path, path), message)
    return out


def import_rows(db: Database, rows: Sequence[PreviewRow], today: date) -> ImportReport:
    """Queue a new-child request for every valid row whose child is not known yet, in one
    transaction. The report counts imported rows in ``valid`` (and ``imported``) and lists every
    skipped row with its reasons."""
    uids: list[str] = []
    cleans: list[CleanChild] = []
    with db.write() as s:
        checked = _mark(rows, _Known(s))
        seen: set[tuple[str, date]] = set()
        final: list[PreviewRow] = []
        for row in checked:
            if row.ok and (row.key is None or not row.values.get("birth_date")):
                row = replace(row, errors={"birth_date": said(
                    "roster.no_name_or_birth_date",
                    "нет ФИО или даты рождения — строка пропущена")})
            clean = _clean_row(row) if row.ok else None
            if clean is not None and (errors := request_errors(clean_child_data(clean), today)):
                row = replace(row, errors=_row_errors(errors))
                clean = None
            if clean is not None:
                key = (search_name(clean.last_name, clean.first_name, clean.middle_name), clean.birth_date)
                if key in seen:
                    row = replace(row, errors={EXISTING: said("roster.earlier_in_file",
                                                              "этот ребёнок уже есть выше в файле")})
                else:
                    seen.add(key)
                    cleans.append(clean)
            final.append(row)
        uids = add_requests(s, cleans, "roster")
    report = summary(final)
    log.info("roster import: %d queued, %d skipped", len(uids), report.invalid)
    return replace(report, imported=len(uids), request_uids=tuple(uids))


__all__ = ["EXISTING", "identity_key", "import_rows", "load_mapping", "mark_existing", "save_mapping"]
