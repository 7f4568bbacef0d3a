"""Children: search as you type, the child's card, «Новый ребёнок» requests (child.create/resolve).

Decisions where the design is silent:

* **Search.** Every token of the query must match. A word token matches the start of any word of
  «фамилия имя отчество» (also after a hyphen: «корс» finds «Римский-Корсаков»), casefolded with
  «ё» read as «е» (``Child.search_name``). A dotted token is a date of birth, whole or partial:
  «12.03.2015», «12.03», «12.03.15» (two-digit year = 20YY), «12.03.20» (year typed so far); ISO
  «2015-03-12» too. A token of digits (hyphens allowed) matches the start of the certificate number
  or any part of the СНИЛС digits; four digits also match the year of birth. Each token first takes
  the children its index names (migration 0013: the names' words, the dates of birth, the
  certificate numbers, the СНИЛС digits) and only those rows are checked, so a keystroke over
  50,000 children reads a few thousand rows at most; a token that names many (a first letter)
  leaves the children to be read in name order until the page is full. Unanswered new-child
  requests are listed with the registry children (key «r:<uid>»); a request the portal answered
  stays listed until its child arrives with the master stream. A request answered «ребёнок уже
  есть в реестре» (``MATCH_REGISTERED``: the child belongs to no link of this provider, so the
  portal sent nothing about it) stays a request — with what the operator typed — until an
  application with the certificate number brings the child (issue 10 §1). If it is another child
  with the same ФИО and date of birth, the operator adds (or corrects) its СНИЛС in the card and the
  request goes again as a new one (``resend_request``): a СНИЛС different from the registry
  child's tells them apart (``domain.privacy``, rule 2b).
* **New child form.** The rules are ``domain.new_child`` — the request's, as the portal and the
  roster import apply them (names, an age of 5 to 17 full years today, СНИЛС and certificate number
  optional but checked, a document optional but complete and valid when given: the form always has
  a kind selected, so it asks for the number), plus the form's own: **a guardian for a child under
  14** on today's date (a parent signs for them) and, when a guardian is given, the phone (the
  portal's channel to the family). The relation defaults to «мать».
* **Duplicates.** A child already known on this PC — the same ФИО + date of birth, the same СНИЛС or
  the same certificate number, among registry children and open requests — is not requested again:
  ``DuplicateChild`` carries the key of the existing record so the UI can open it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any
from typing import cast as cast_type

from sqlalchemy import (
    ColumnElement,
    SQLColumnExpression,
    Table,
    Text,
    and_,
    cast,
    exists,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session, aliased

from pfdo_desktop.domain import new_child
from pfdo_desktop.domain.applications import (
    MATCH_REGISTERED,
    MATCH_RESULTS_RU,
)
from pfdo_desktop.domain.identity import (
    format_snils,
    search_name,
    search_text,
    snils_digits,
    snils_error,
)
from pfdo_desktop.domain.ops import new_uid
from pfdo_desktop.domain.said import capital, said
from pfdo_desktop.domain.validation import (
    normalize_person_name,
    normalize_phone,
)
from pfdo_desktop.models import (
    REQUEST_AMBIGUOUS,
    REQUEST_CREATED,
    REQUEST_EXISTING,
    REQUEST_OPEN_STATES,
    REQUEST_PENDING,
    REQUEST_REJECTED,
    Application,
    Certificate,
    Child,
    ChildRequest,
    Database,
    Guardian,
    Membership,
    OutboxOp,
    StudyGroup,
    SyncIssue,
    utcnow,
)
from pfdo_desktop.models.entities import ChildSearchSnils, ChildSearchWord
from pfdo_desktop.sync import protocol as p

from . import certificates as certificate_service
from .enrolment_rows import (
    application_rows,
    child_key,
    chunks,
    full_name,
    history_rows,
    last_sync_at,
    parse_key,
    pending_note,
    request_entity_key,
    request_key,
    shown_snils,
)
from .errors import CHILD_NOT_FOUND, REQUEST_NOT_FOUND, DuplicateChild, NotAllowed, NotFound, ValidationError
from .outbox import build_payload, command_values, enqueue_command
from .rows import CertificateRow, ChildCard, ChildRow, GuardianRow, NewChild

log = logging.getLogger(__name__)

GUARDIAN_REQUIRED_UNDER = new_child.GUARDIAN_REQUIRED_UNDER


# --- search --------------------------------------------------------------------------------------

_DOTTED = re.compile(r"(\d{1,2})\.(\d{0,2})(?:\.(\d{0,4}))?")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DIGITS = re.compile(r"\d[\d-]*")


@dataclass(frozen=True)
class _Cols:
    """The columns a search token looks at (a registry child or a request)."""

    name: SQLColumnExpression[str]
    birth: SQLColumnExpression[date]
    snils: SQLColumnExpression[str]
    certificate: SQLColumnExpression[str]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word(cols: _Cols, token: str) -> ColumnElement[bool]:
    t = _like_escape(token)
    return or_((literal(" ") + cols.name).like(f"% {t}%", escape="\\"),
               cols.name.like(f"%-{t}%", escape="\\"))


def _date_token(cols: _Cols, token: str) -> ColumnElement[bool] | None:
    if m := _ISO.fullmatch(token):
        try:
            return cols.birth == date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return false()
    m = _DOTTED.fullmatch(token)
    if m is None:
        return None
    day, month, year = m[1], m[2], m[3] or ""
    text = cast(cols.birth, Text)
    conds: list[ColumnElement[bool]] = [func.substr(text, 9, 2) == f"{int(day):02d}"]
    if len(month) == 2:
        conds.append(func.substr(text, 6, 2) == month)
    elif month == "1":  # «12.1» while typing: January or October–December
        conds.append(func.substr(text, 6, 2).in_(("01", "10", "11", "12")))
    elif month and month != "0":
        conds.append(func.substr(text, 6, 2) == f"0{month}")
    if len(year) == 2 and year not in ("19", "20"):
        conds.append(func.substr(text, 1, 4) == f"20{year}")
    elif year:
        conds.append(func.substr(text, 1, 4).like(f"{year}%"))
    return and_(*conds)


def _digit_token(cols: _Cols, token: str) -> ColumnElement[bool]:
    digits = token.replace("-", "")
    snils = func.replace(func.replace(cols.snils, "-", ""), " ", "")
    conds: list[ColumnElement[bool]] = [cols.certificate.like(f"{digits}%"), snils.like(f"%{digits}%")]
    if len(digits) == 4:
        conds.append(func.substr(cast(cols.birth, Text), 1, 4) == digits)
    return or_(*conds)


def _conditions(cols: _Cols, tokens: list[str]) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    for token in tokens:
        dated = _date_token(cols, token)
        if dated is not None:
            out.append(dated)
        elif _DIGITS.fullmatch(token):
            out.append(_digit_token(cols, token))
        else:
            out.append(_word(cols, token))
    return out


def _tokens(query: str) -> list[str]:
    return [t for t in search_text(query).replace(",", " ").split() if t.strip(".-")]


def search_children(db: Database, query: str, *, limit: int = 200) -> list[ChildRow]:
    """Registry children and open new-child requests matching every token of ``query``, ordered by
    ФИО then date of birth (at most ``limit``)."""
    tokens = _tokens(query)
    with db.read() as s:
        asked = _asked_names(s)
        children = _search_registry(s, tokens, limit, asked)
        requests = _search_requests(s, tokens, limit)
        # By ФИО, date of birth, then the key as text (namesakes born the same day: «c:2914» before
        # «c:814»), as the list has always been ordered.
        rows = sorted(children + requests, key=lambda r: (r[0], r[1].birth_date, r[1].key))[:limit]
        if not requests:
            return [row for _name, row in rows]
        counts = _name_counts(s, {name for name, row in rows if row.request_uid is not None})
    return [row if row.request_uid is None else
            replace(row, namesakes=max(0, counts.get(name, 0) + asked.get(name, 0) - 1))
            for name, row in rows]


# A token whose index names more children than this does not drive the query: so many match that
# reading the children in name order finds a page of them after a few thousand rows at most (a
# token's capped look-up costs about as much as checking that many rows).
DRIVE_LIMIT = 3000


def _after(prefix: str) -> str | None:
    """The least text greater than every text that starts with ``prefix`` (SQLite compares text as
    UTF-8 bytes, in code point order), so ``prefix <= x < _after(prefix)`` is «x starts with prefix»
    over an index; None when there is no such text to write."""
    point = ord(prefix[-1]) + 1
    return prefix[:-1] + chr(point) if point < 0xD800 or 0xE000 <= point <= 0x10FFFF else None


class _Candidates:
    """Which registry children a token can match, from the search indexes (migration 0013): a
    superset of the token's matches (every token's exact condition is still applied to the rows it
    names), or None when the token has no index or its index names more than ``DRIVE_LIMIT``
    children. ``empty``: a token's index named none, so nothing matches."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.empty = False
        self._years: range | None = None

    def of(self, token: str) -> ColumnElement[bool] | None:
        """The condition «the child is one the token's index names», or None (see the class)."""
        if _ISO.fullmatch(token) or _DOTTED.fullmatch(token):
            query = self._dated(token)
        elif _DIGITS.fullmatch(token):
            query = self._digits(token)
        else:
            query = self._word(token)
        if query is None:
            return None
        # The ids come back as one JSON array (no row of Python per child) and go back into the
        # main query as such, so what the index named is read once.
        named = query.limit(DRIVE_LIMIT + 1).subquery()
        found, ids = self.s.execute(
            select(func.count(), func.json_group_array(named.c[0])).select_from(named)).one()
        if not found:
            self.empty = True
        if found > DRIVE_LIMIT:
            return None
        listed = func.json_each(ids).table_valued("value")
        return Child.id.in_(select(listed.c.value))

    def _word(self, token: str) -> Any:
        # A word token matches at the start of a word of the name (a word ends at a space or a
        # hyphen): its first part is the start of one of the words indexed.
        part = next((p for p in token.split("-") if p), "")
        after = _after(part) if part else None
        if after is None:
            return None
        w = ChildSearchWord
        return select(w.child_id).where(w.word >= part, w.word < after)

    def _digits(self, token: str) -> Any:
        # The start of a certificate number (its index), a part of a СНИЛС (a scan of the short
        # strings of digits) or, four digits, a year of birth (the dates' index).
        digits = token.replace("-", "")
        after = _after(digits)
        assert after is not None  # digits
        parts: list[Any] = [
            select(Certificate.child_id).where(Certificate.number >= digits, Certificate.number < after),
            select(ChildSearchSnils.child_id).where(func.instr(ChildSearchSnils.digits, digits) > 0),
        ]
        if len(digits) == 4 and int(digits):
            year = int(digits)
            parts.append(select(Child.id).where(Child.birth_date >= date(year, 1, 1),
                                                Child.birth_date <= date(year, 12, 31)))
        return union_all(*parts)

    def _dated(self, token: str) -> Any:
        days = _dates(token, self._birth_years())
        if days is None:
            return None
        listed = func.json_each(json.dumps([str(d) for d in days])).table_valued("value")
        return select(Child.id).where(Child.birth_date.in_(select(listed.c.value)))

    def _birth_years(self) -> range:
        if self._years is None:
            first = select(func.min(Child.birth_date)).scalar_subquery()
            last = select(func.max(Child.birth_date)).scalar_subquery()
            low, high = self.s.execute(select(first, last)).one()
            self._years = range(low.year, high.year + 1) if low is not None and high is not None else range(0)
        return self._years


def _dates(token: str, years: range) -> list[date] | None:
    """The dates of ``years`` a date token matches, as ``_date_token`` reads it; None: not a date."""
    if m := _ISO.fullmatch(token):
        try:
            return [date(int(m[1]), int(m[2]), int(m[3]))]
        except ValueError:
            return []
    m = _DOTTED.fullmatch(token)
    if m is None:
        return None
    day, month, year = int(m[1]), m[2], m[3] or ""
    if len(month) == 2:
        months = [int(month)]
    elif month == "1":
        months = [1, 10, 11, 12]
    elif month and month != "0":
        months = [int(month)]
    else:
        months = list(range(1, 13))
    if len(year) == 2 and year not in ("19", "20"):
        chosen = [y for y in years if y == 2000 + int(year)]
    else:
        chosen = [y for y in years if f"{y:04d}".startswith(year)]
    out = []
    for y in chosen:
        for mo in months:
            try:
                out.append(date(y, mo, day))
            except ValueError:
                pass
    return out


def _search_registry(s: Session, tokens: list[str], limit: int,
                     asked: dict[str, int]) -> list[tuple[str, ChildRow]]:
    """The registry children of the page with their namesakes (``asked``: the open requests by
    name)."""
    # Only the children named by the tokens' indexes (those that name few) are checked; when no
    # token's index names few, the children are read in name order until ``limit`` of them match.
    candidates = _Candidates(s)
    driver: list[ColumnElement[bool]] = []
    for token in tokens:
        found = candidates.of(token)
        if candidates.empty:
            return []
        if found is not None:
            driver.append(found)
    cert_number = (
        select(Certificate.number).where(Certificate.child_id == Child.id, Certificate.archived.is_(False))
        .order_by(Certificate.id.desc()).limit(1).scalar_subquery()
    )
    cert_status = (
        select(Certificate.status).where(Certificate.child_id == Child.id, Certificate.archived.is_(False))
        .order_by(Certificate.id.desc()).limit(1).scalar_subquery()
    )
    number = func.coalesce(cert_number, "")
    cols = _Cols(Child.search_name, Child.birth_date, Child.snils, number)
    # The page's children first, then their certificates (looked up for these rows only).
    hit = (
        select(Child.id).where(Child.archived.is_(False), *driver, *_conditions(cols, tokens))
        .order_by(Child.search_name, Child.birth_date, Child.id).limit(limit).subquery()
    )
    other = aliased(Child)
    namesakes = (select(func.count()).where(other.search_name == Child.search_name, other.archived.is_(False))
                 .scalar_subquery())
    query = (
        select(Child.id, Child.last_name, Child.first_name, Child.middle_name, Child.birth_date,
               Child.snils, Child.search_name, number, func.coalesce(cert_status, ""), namesakes)
        .join_from(hit, Child, Child.id == hit.c.id)
        .order_by(Child.search_name, Child.birth_date, Child.id)
    )
    out = []
    for cid, last, first, middle, born, snils, name, number_, status, same in s.execute(query):
        out.append((name, ChildRow(
            key=child_key(cid), child_id=cid, request_uid=None, full_name=full_name(last, first, middle),
            birth_date=born, snils=shown_snils(snils), certificate_number=number_,
            certificate_status=status, state="", namesakes=max(0, same + asked.get(name, 0) - 1))))
    return out


def request_visible() -> ColumnElement[bool]:
    """Open requests, and answered ones whose child has not arrived on this PC yet."""
    child_here = exists().where(Child.id == ChildRequest.child_id, Child.archived.is_(False))
    return or_(ChildRequest.state.in_(REQUEST_OPEN_STATES),
               and_(ChildRequest.state.in_((REQUEST_CREATED, REQUEST_EXISTING, MATCH_REGISTERED)),
                    ~child_here))


def _search_requests(s: Session, tokens: list[str], limit: int) -> list[tuple[str, ChildRow]]:
    r = ChildRequest
    cols = _Cols(r.search_name, r.birth_date, r.snils, r.certificate_number)
    query = (
        select(r).where(request_visible(), *_conditions(cols, tokens))
        .order_by(r.search_name, r.birth_date).limit(limit)
    )
    requests = list(s.scalars(query))
    queued = _queued_kinds(s, [req.uid for req in requests])
    return [(req.search_name, _request_row(req, queued.get(req.uid, ""))) for req in requests]


def _queued_kinds(s: Session, uids: list[str]) -> dict[str, str]:
    """Request uid → the kind of its op still waiting for the portal (the latest one)."""
    out: dict[str, str] = {}
    for chunk in chunks([request_entity_key(uid) for uid in uids]):
        for key, kind in s.execute(select(OutboxOp.entity_key, OutboxOp.kind)
                                   .where(OutboxOp.entity_key.in_(chunk)).order_by(OutboxOp.id)):
            out[key.removeprefix(request_entity_key(""))] = kind
    return out


def _request_row(req: ChildRequest, pending_action: str = "") -> ChildRow:
    return ChildRow(
        key=request_key(req.uid), child_id=req.child_id, request_uid=req.uid,
        full_name=full_name(req.last_name, req.first_name, req.middle_name), birth_date=req.birth_date,
        snils=shown_snils(req.snils), certificate_number=req.certificate_number, certificate_status="",
        state=req.state, namesakes=0, pending_action=pending_action)


def _asked_names(s: Session) -> dict[str, int]:
    """The listed requests by name (a handful: requests wait for the next sync) — a child's or a
    request's namesakes among them, whatever the query."""
    return {name: n for name, n in s.execute(select(ChildRequest.search_name, func.count())
                                             .where(request_visible()).group_by(ChildRequest.search_name))}


def _name_counts(s: Session, names: set[str]) -> dict[str, int]:
    """How many registry children bear each of ``names``."""
    if not names:
        return {}
    return {name: n for name, n in s.execute(select(Child.search_name, func.count())
                                             .where(Child.archived.is_(False), Child.search_name.in_(names))
                                             .group_by(Child.search_name))}


# --- the card ------------------------------------------------------------------------------------

_REQUEST_MESSAGES = {
    REQUEST_PENDING: said(
        "card.request_pending",
        "Запрос на нового ребёнка ещё не обработан порталом: он уйдёт при следующей "
        "синхронизации, портал найдёт ребёнка в реестре или создаст его с сертификатом учёта."),
    REQUEST_AMBIGUOUS: said("card.request_ambiguous",
                            "Портал нашёл в реестре несколько похожих детей. Сверьте дату рождения, номер "
                            "сертификата и последние цифры СНИЛС с документами и выберите нужного ребёнка — "
                            "или «Новый ребёнок», если это никто из них."),
    REQUEST_CREATED: said("card.request_created",
                          "Портал создал нового ребёнка и сертификат учёта; карточка обновится после "
                          "следующей синхронизации."),
    REQUEST_EXISTING: said("card.request_existing",
                           "Ребёнок уже был в реестре: портал использовал его запись; карточка обновится "
                           "после следующей синхронизации."),
    MATCH_REGISTERED: said("card.request_registered",
                           "Ребёнок с такими ФИО и датой рождения уже есть в реестре портала; данные о нём "
                           "придут после заявки с номером сертификата. Если это тот же ребёнок — попросите у "
                           "родителя номер сертификата (он указан в заявлении) и укажите его в «Новой "
                           "заявке». Если это другой ребёнок — укажите его СНИЛС ниже и отправьте запрос "
                           "снова: по СНИЛС портал отличит его от ребёнка в реестре."),
}
# A request that carried a СНИЛС and was still answered «registered»: the portal never says whether
# the registry child has this СНИЛС or none (domain.privacy, rule 2b), so neither does this text.
REGISTERED_WITH_SNILS_MESSAGE = said(
    "card.request_registered_with_snils",
    "Ребёнок уже есть в реестре портала: совпали ФИО и дата рождения или СНИЛС; данные о нём придут "
    "после заявки с номером сертификата. Если это тот же ребёнок — попросите у родителя номер сертификата "
    "(он указан в заявлении) и укажите его в «Новой заявке». Если это другой ребёнок — сверьте СНИЛС с "
    "документом: ошибку исправьте ниже и отправьте запрос снова; если СНИЛС верен — обратитесь в "
    "уполномоченную организацию, она проверит запись в реестре."
)


def child_card(db: Database, key: str) -> ChildCard:
    """Everything about one child (or one new-child request) for its card."""
    child_id, uid = parse_key(key)
    with db.read() as s:
        if uid is not None:
            req = s.get(ChildRequest, uid)
            if req is None:
                raise NotFound(REQUEST_NOT_FOUND)
            if req.child_id is not None and s.get(Child, req.child_id) is not None:
                return _registry_card(s, req.child_id)
            return _request_card(s, req)
        assert child_id is not None
        return _registry_card(s, child_id)


def _registry_card(s: Session, child_id: int) -> ChildCard:
    child = s.get(Child, child_id)
    if child is None:
        raise NotFound(CHILD_NOT_FOUND)
    cert = s.scalar(select(Certificate)
                    .where(Certificate.child_id == child_id, Certificate.archived.is_(False))
                    .order_by(Certificate.id.desc()).limit(1))
    namesakes = (s.scalar(select(func.count()).select_from(Child).where(
        Child.archived.is_(False), Child.search_name == child.search_name, Child.id != child.id)) or 0)
    row = ChildRow(
        key=child_key(child.id), child_id=child.id, request_uid=None,
        full_name=full_name(child.last_name, child.first_name, child.middle_name),
        birth_date=child.birth_date, snils=shown_snils(child.snils),
        certificate_number=cert.number if cert else "", certificate_status=cert.status if cert else "",
        state="", namesakes=namesakes)
    guardians = tuple(
        GuardianRow(id=g.id, full_name=full_name(g.last_name, g.first_name, g.middle_name),
                    relation=g.relation, phone=g.phone, email=g.email)
        for g in s.scalars(select(Guardian).where(Guardian.child_id == child_id, Guardian.archived.is_(False))
                           .order_by(Guardian.id))
    )
    certificate = None
    if cert is not None:
        certificate = CertificateRow(number=cert.number, status=cert.status, nominal=cert.nominal,
                                     balance=cert.balance, reserve=cert.reserve, unit=cert.unit,
                                     as_of=last_sync_at(s),
                                     period=certificate_service.period_row(s, cert.number, date.today()),
                                     activation_pending=certificate_service.activation_pending(s, cert.id))
    apps = application_rows(s, Application.child_id == child_id)
    history = {a.uid: history_rows(s, _app(s, a.uid)) for a in apps}
    memberships = tuple(
        (name or f"группа №{gid}", m_from, m_to, status)
        for gid, name, m_from, m_to, status in s.execute(
            select(Membership.group_id, StudyGroup.name, Membership.date_from, Membership.date_to,
                   Membership.status)
            .outerjoin(StudyGroup, StudyGroup.id == Membership.group_id)
            .where(Membership.child_id == child_id, Membership.archived.is_(False))
            .order_by(Membership.date_from.desc()))
    )
    return ChildCard(child=row, middle_name=child.middle_name, last_name=child.last_name,
                     first_name=child.first_name, doc_kind=child.doc_kind, doc_number=child.doc_number,
                     guardians=guardians, certificate=certificate, applications=tuple(apps),
                     history=history, memberships=memberships)


def _app(s: Session, uid: str) -> Application:
    app = s.get(Application, uid)
    assert app is not None
    return app


def _request_card(s: Session, req: ChildRequest) -> ChildCard:
    guardians: tuple[GuardianRow, ...] = ()
    if req.guardian_last_name or req.guardian_first_name:
        guardians = (GuardianRow(
            id=None,
            full_name=full_name(req.guardian_last_name, req.guardian_first_name, req.guardian_middle_name),
            relation=req.guardian_relation, phone=req.phone, email=req.email),)
    apps = application_rows(s, Application.child_request_uid == req.uid)
    history = {a.uid: history_rows(s, _app(s, a.uid)) for a in apps}
    candidates = tuple(row for c in req.candidates or [] if (row := _candidate_row(c)) is not None)
    queued = _queued_kinds(s, [req.uid]).get(req.uid, "")
    if req.state == REQUEST_REJECTED:
        message = req.message or said("card.request_rejected", "Портал отклонил запрос на нового ребёнка.")
    elif req.state == REQUEST_AMBIGUOUS and req.message and req.message not in MATCH_RESULTS_RU.values():
        message = said(
            "card.choice_failed", f"{req.message} {_REQUEST_MESSAGES[REQUEST_AMBIGUOUS]}",
            why=req.message, note=_REQUEST_MESSAGES[REQUEST_AMBIGUOUS])  # why the last choice failed
    elif req.state == MATCH_REGISTERED and req.snils:
        message = REGISTERED_WITH_SNILS_MESSAGE
    else:
        message = _REQUEST_MESSAGES.get(req.state, req.message)
    if queued:
        now = pending_note(s, request_entity_key(req.uid), queued)
        message = said("card.note_and_pending", f"{message} Сейчас: {now}.", note=message, pending=now)
    row = _request_row(req, queued)
    namesakes = (s.scalar(select(func.count()).select_from(Child).where(
        Child.archived.is_(False), Child.search_name == req.search_name)) or 0)
    row = replace(row, namesakes=max(0, namesakes))
    return ChildCard(child=row, middle_name=req.middle_name, last_name=req.last_name,
                     first_name=req.first_name, doc_kind=req.doc_kind, doc_number=req.doc_number,
                     guardians=guardians, certificate=None, applications=tuple(apps), history=history,
                     memberships=(), candidates=candidates, message=message, pending_action=queued)


def _candidate_id(c: object) -> int | None:
    """A stored candidate's child id; None when it is not a positive whole number."""
    value = c.get("child_id") if isinstance(c, dict) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str) and value.isdigit() and int(value) > 0:
        return int(value)
    return None


def _candidate_row(c: object) -> ChildRow | None:
    """A stored candidate for the card; None for one that cannot be chosen (no usable child id)."""
    cid = _candidate_id(c)
    if cid is None or not isinstance(c, dict):
        return None
    tail = str(c.get("snils_tail") or "")
    snils = f"***-***-*{tail[:2]} {tail[2:]}" if len(tail) == 4 else ""
    try:
        born = date.fromisoformat(str(c.get("birth_date")))
    except ValueError:
        born = date.min
    return ChildRow(
        key=child_key(cid), child_id=cid, request_uid=None,
        full_name=full_name(str(c.get("last_name") or ""), str(c.get("first_name") or ""),
                            str(c.get("middle_name") or "")),
        birth_date=born, snils=snils, certificate_number=str(c.get("certificate_number") or ""),
        certificate_status="", state="", namesakes=0)


# --- a new child ---------------------------------------------------------------------------------

FIELD_ORDER = tuple(f.name for f in fields(NewChild))

# The request's field paths (domain.new_child) → the form's fields (``NewChild``).
FORM_FIELD_OF_PATH = {
    "guardian.last_name": "guardian_last_name", "guardian.first_name": "guardian_first_name",
    "guardian.middle_name": "guardian_middle_name", "guardian.relation": "guardian_relation",
    "guardian.phone": "phone", "guardian.email": "email"}


def validate_new_child(form: NewChild, today: date) -> dict[str, str]:
    """Every bad field of the form: field name (as in ``NewChild``) → what is wrong and what to do.
    The rules are the request's, as the portal applies them, plus the form's own (a guardian under
    14, the guardian's phone): ``domain.new_child.form_errors``."""
    data = new_child_data(form)
    errors = new_child.form_errors(data, today)
    if data.guardian is None and (form.phone.strip() or form.email.strip()):
        # A phone or e-mail typed before the guardian's name: checked as the guardian's will be.
        contacts = new_child.guardian_errors(new_child.GuardianData(phone=form.phone, email=form.email))
        errors.update({k: v for k, v in contacts.items() if k in ("guardian.phone", "guardian.email")})
    mapped = {FORM_FIELD_OF_PATH.get(path, path): message for path, message in errors.items()}
    return {name: mapped[name] for name in FIELD_ORDER if name in mapped}


def new_child_data(form: NewChild) -> new_child.NewChildData:
    """The form as the request the portal will check (with a guardian when a name of it is filled,
    as ``add_requests`` sends it)."""
    given = any(normalize_person_name(v) for v in (form.guardian_last_name, form.guardian_first_name,
                                                   form.guardian_middle_name))
    guardian = new_child.GuardianData(
        last_name=form.guardian_last_name, first_name=form.guardian_first_name,
        middle_name=form.guardian_middle_name, relation=form.guardian_relation or "mother",
        phone=form.phone, email=form.email) if given else None
    return new_child.NewChildData(
        last_name=form.last_name, first_name=form.first_name, middle_name=form.middle_name,
        birth_date=form.birth_date, snils=form.snils, doc_kind=form.doc_kind, doc_number=form.doc_number,
        certificate_number=form.certificate_number, guardian=guardian)


def clean_child_data(clean: CleanChild) -> new_child.NewChildData:
    """A request about to be queued (a roster row), as the portal will check it."""
    given = bool(clean.guardian_last_name and clean.guardian_first_name)  # as add_requests sends it
    guardian = new_child.GuardianData(
        last_name=clean.guardian_last_name, first_name=clean.guardian_first_name,
        middle_name=clean.guardian_middle_name, relation=clean.guardian_relation or "mother",
        phone=clean.phone, email=clean.email) if given else None
    return new_child.NewChildData(
        last_name=clean.last_name, first_name=clean.first_name, middle_name=clean.middle_name,
        birth_date=clean.birth_date, snils=clean.snils, doc_kind=clean.doc_kind, doc_number=clean.doc_number,
        certificate_number=clean.certificate_number, guardian=guardian)


@dataclass(frozen=True)
class CleanChild:
    last_name: str
    first_name: str
    middle_name: str
    birth_date: date
    snils: str
    doc_kind: str
    doc_number: str
    certificate_number: str
    guardian_last_name: str
    guardian_first_name: str
    guardian_middle_name: str
    guardian_relation: str
    phone: str
    email: str


def _clean(form: NewChild) -> CleanChild:
    assert form.birth_date is not None
    has_guardian = bool(normalize_person_name(form.guardian_last_name))
    return CleanChild(
        last_name=normalize_person_name(form.last_name),
        first_name=normalize_person_name(form.first_name),
        middle_name=normalize_person_name(form.middle_name),
        birth_date=form.birth_date,
        snils=format_snils(form.snils) if form.snils.strip() else "",
        doc_kind=form.doc_kind,
        doc_number=" ".join(form.doc_number.split()),
        certificate_number=re.sub(r"[\s-]", "", form.certificate_number or ""),
        guardian_last_name=normalize_person_name(form.guardian_last_name),
        guardian_first_name=normalize_person_name(form.guardian_first_name),
        guardian_middle_name=normalize_person_name(form.guardian_middle_name),
        guardian_relation=(form.guardian_relation or "mother") if has_guardian else "",
        phone=normalize_phone(form.phone) or "" if form.phone.strip() else "",
        email=form.email.strip(),
    )


def find_known_child(s: Session, last: str, first: str, middle: str, birth_date: date | None,
                     snils: str = "", certificate_number: str = "") -> tuple[str, str] | None:
    """A child already known on this PC (registry or open request) with the same ФИО + date of
    birth, the same СНИЛС or the same certificate number: (key, «what matched, who»)."""
    name = search_name(last, first, middle)
    digits = snils_digits(snils)
    conds_child: list[ColumnElement[bool]] = []
    conds_req: list[ColumnElement[bool]] = []
    if birth_date is not None:
        conds_child.append(and_(Child.search_name == name, Child.birth_date == birth_date))
        conds_req.append(and_(ChildRequest.search_name == name, ChildRequest.birth_date == birth_date))
    if len(digits) == 11:
        formatted = format_snils(digits)
        conds_child.append(Child.snils.in_((formatted, digits)))
        conds_req.append(ChildRequest.snils.in_((formatted, digits)))
    if certificate_number:
        conds_child.append(Child.id.in_(select(Certificate.child_id).where(
            Certificate.number == certificate_number, Certificate.archived.is_(False))))
        conds_req.append(ChildRequest.certificate_number == certificate_number)
    if not conds_child:
        return None
    child = s.scalar(select(Child).where(Child.archived.is_(False), or_(*conds_child)).limit(1))
    if child is not None:
        why = _why(child.search_name, child.birth_date, child.snils, name, birth_date, digits)
        who = (f"{full_name(child.last_name, child.first_name, child.middle_name)}, "
               f"{child.birth_date:%d.%m.%Y}")
        return child_key(child.id), said("duplicate.what", f"{why}: {who}", why=why, who=who)
    req = s.scalar(select(ChildRequest).where(request_visible(), or_(*conds_req)).limit(1))
    if req is not None:
        why = _why(req.search_name, req.birth_date, req.snils, name, birth_date, digits)
        who = f"{full_name(req.last_name, req.first_name, req.middle_name)}, {req.birth_date:%d.%m.%Y}"
        return request_key(req.uid), said(
            "duplicate.what_request",
            f"{why} (запрос на нового ребёнка с этого ПК): {who}", why=why, who=who)
    return None


def _why(known_name: str, known_birth: date, known_snils: str, name: str, birth: date | None,
         digits: str) -> str:
    if known_name == name and known_birth == birth:
        return said("duplicate.same_child", "тот же ребёнок (ФИО и дата рождения)")
    if digits and snils_digits(known_snils) == digits:
        return said("duplicate.same_snils", "тот же СНИЛС")
    return said("duplicate.same_certificate", "тот же номер сертификата")


def request_child(db: Database, form: NewChild, today: date, *, source: str = "form") -> str:
    """Queue a new-child request (child.create) and keep it locally; returns its uid."""
    errors = validate_new_child(form, today)
    if errors:
        name, message = next(iter(errors.items()))
        raise ValidationError(name, message)
    clean = _clean(form)
    with db.write() as s:
        known = find_known_child(s, clean.last_name, clean.first_name, clean.middle_name, clean.birth_date,
                                 clean.snils, clean.certificate_number)
        if known is not None:
            key, what = known
            _, known_uid = parse_key(key)
            known_req = s.get(ChildRequest, known_uid) if known_uid else None
            if known_req is not None and known_req.state == MATCH_REGISTERED and known_req.child_id is None:
                raise DuplicateChild(said(
                    "duplicate.registered_request",
                    f"На ПК уже есть запрос на этого ребёнка — {what}; портал ответил, что ребёнок уже есть "
                    "в реестре. Откройте карточку запроса: если это тот же ребёнок — подайте заявку с "
                    "номером сертификата из заявления родителя; если другой — укажите его СНИЛС в карточке "
                    "и отправьте запрос снова.", what=what), key)
            raise DuplicateChild(said(
                "duplicate.child", f"Этот ребёнок уже есть на ПК — {what}. Откройте его "
                "карточку и подайте заявку оттуда: новая запись не нужна.", what=what), key)
        return add_request(s, clean, source)


def add_request(s: Session, clean: CleanChild, source: str) -> str:
    uid = add_requests(s, [clean], source)[0]
    log.info("new-child request %s queued (%s)", uid, source)
    return uid


def cast_table(model: Any) -> Table:
    """The Core table of an ORM class (for bulk inserts without per-row ORM bookkeeping)."""
    return cast_type(Table, model.__table__)


def add_requests(s: Session, cleans: Sequence[CleanChild], source: str) -> list[str]:
    """Write new-child requests and queue their child.create commands, in order, with two bulk
    inserts (a 2,000-row roster would spend most of its time in the ORM unit of work otherwise)."""
    s.flush()  # anything added before goes first: the outbox keeps the queue order by id
    now = utcnow()
    uids = [new_uid() for _ in cleans]
    requests: list[dict[str, Any]] = []
    ops: list[dict[str, Any]] = []
    for uid, clean in zip(uids, cleans, strict=True):
        requests.append(dict(
            uid=uid, last_name=clean.last_name, first_name=clean.first_name, middle_name=clean.middle_name,
            birth_date=clean.birth_date, snils=clean.snils, doc_kind=clean.doc_kind,
            doc_number=clean.doc_number, certificate_number=clean.certificate_number,
            guardian_last_name=clean.guardian_last_name, guardian_first_name=clean.guardian_first_name,
            guardian_middle_name=clean.guardian_middle_name, guardian_relation=clean.guardian_relation,
            phone=clean.phone, email=clean.email,
            search_name=search_name(clean.last_name, clean.first_name, clean.middle_name),
            source=source, state=REQUEST_PENDING, child_id=None, candidates=[], message="",
            created_at=now))
        guardian = None
        if clean.guardian_last_name and clean.guardian_first_name:
            guardian = {"last_name": clean.guardian_last_name, "first_name": clean.guardian_first_name,
                        "middle_name": clean.guardian_middle_name,
                        "relation": clean.guardian_relation or "mother",
                        "phone": clean.phone, "email": clean.email}
        payload = build_payload(
            p.ChildCreatePayload, uid=uid, last_name=clean.last_name, first_name=clean.first_name,
            middle_name=clean.middle_name, birth_date=clean.birth_date, snils=clean.snils,
            doc_kind=clean.doc_kind, doc_number=clean.doc_number,
            certificate_number=clean.certificate_number, guardian=guardian, request_certificate=True)
        ops.append(command_values(request_entity_key(uid), payload, now))
    if requests:
        # Core inserts (the tables, not the classes): no per-row ORM bookkeeping.
        s.execute(insert(cast_table(ChildRequest)), requests)
        s.execute(insert(cast_table(OutboxOp)), ops)
    return uids


RESEND_STATES = (MATCH_REGISTERED, REQUEST_REJECTED)


def resend_request(db: Database, uid: str, snils: str) -> str:
    """«Это другой ребёнок»: a request the portal answered «уже есть в реестре» (or refused) goes
    again with the СНИЛС the operator added or corrected; returns the new request's uid.

    The portal keeps its answer to a request uid, so this is a new request (a new uid, the same
    child's data with this СНИЛС) that takes the old one's place on this PC: the old request goes,
    its refused applications now belong to the new one. A СНИЛС different from the registry
    child's makes the portal create another child (``domain.privacy``, rule 2b)."""
    with db.write() as s:
        req = s.get(ChildRequest, uid)
        if req is None:
            raise NotFound(REQUEST_NOT_FOUND)
        if req.state not in RESEND_STATES or req.child_id is not None:
            raise NotAllowed(said(
                "resend.not_now", "Отправить запрос снова можно, только когда портал ответил "
                "«ребёнок уже есть в реестре» или отклонил запрос."))
        if s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == request_entity_key(uid)).limit(1)):
            raise NotAllowed(said(
                "resend.waiting", "Этот запрос ещё ждёт отправки на портал: синхронизируйте "
                "данные и дождитесь ответа."))
        digits = snils_digits(snils)
        if not digits:
            raise ValidationError("snils", said(
                "resend.snils_required",
                "Укажите СНИЛС ребёнка по документу (11 цифр, например "
                "123-456-789 01): по нему портал отличит его от ребёнка в реестре"))
        if error := snils_error(snils):
            raise ValidationError("snils", capital(error))
        if req.state == MATCH_REGISTERED and snils_digits(req.snils) == digits:
            raise ValidationError("snils", said(
                "resend.same_snils",
                "Портал уже получил этот СНИЛС — ответ будет тем же. Если СНИЛС "
                "верен, а ребёнок другой, обратитесь в уполномоченную "
                "организацию: она проверит запись в реестре"))
        known = find_known_child(s, "", "", "", None, snils)
        if known is not None and known[0] != request_key(uid):
            key, what = known
            raise DuplicateChild(said(
                "duplicate.snils", f"Этот СНИЛС уже есть на ПК — {what}. Сверьте СНИЛС с "
                "документом ребёнка.", what=what),
                                 key)
        waiting = s.scalar(select(Application).where(
            Application.child_request_uid == uid, Application.archived.is_(False),
            Application.pending_action != "").limit(1))
        if waiting is not None:
            raise NotAllowed(said("resend.application_waiting",
                                  f"Сначала отмените неотправленную заявку этого ребёнка (с "
                                  f"{waiting.start_date:%d.%m.%Y}): она подана по прежнему запросу.",
                                  start=waiting.start_date))
        clean = CleanChild(
            last_name=req.last_name, first_name=req.first_name, middle_name=req.middle_name,
            birth_date=req.birth_date, snils=format_snils(digits), doc_kind=req.doc_kind,
            doc_number=req.doc_number, certificate_number=req.certificate_number,
            guardian_last_name=req.guardian_last_name, guardian_first_name=req.guardian_first_name,
            guardian_middle_name=req.guardian_middle_name, guardian_relation=req.guardian_relation,
            phone=req.phone, email=req.email)
        new = add_request(s, clean, req.source)
        s.execute(update(Application).where(Application.child_request_uid == uid)
                  .values(child_request_uid=new))
        s.execute(update(SyncIssue).where(SyncIssue.entity_key == request_entity_key(uid),
                                          SyncIssue.resolved_at.is_(None)).values(resolved_at=utcnow()))
        s.delete(req)
    log.info("new-child request %s sent again as %s with a СНИЛС", uid, new)
    return new


def resolve_request(db: Database, uid: str, child_id: int | None) -> None:
    """After «ambiguous»: the operator picked one of the portal's candidates (``child_id``) or asks
    for a new child (None). Queues child.resolve. The request's state is the portal's: it stays
    «ambiguous» (shown «ожидает отправки: выбор ребёнка» from the outbox) until the answer."""
    with db.write() as s:
        req = s.get(ChildRequest, uid)
        if req is None:
            raise NotFound(REQUEST_NOT_FOUND)
        if req.state != REQUEST_AMBIGUOUS:
            raise NotAllowed(said("choice.not_ambiguous", "Выбирать ребёнка нужно, только когда портал нашёл "
                                  "несколько похожих: у этого запроса такого ответа нет."))
        if s.scalar(select(OutboxOp.id).where(OutboxOp.entity_key == request_entity_key(uid)).limit(1)):
            raise NotAllowed(said(
                "choice.waiting", "Выбор по этому запросу уже сделан и ждёт ответа портала "
                "(синхронизируйте данные). Пока он не отправлен, его можно отменить кнопкой "
                "«Отменить неотправленное» и выбрать заново."))
        allowed = {cid for c in req.candidates or [] if (cid := _candidate_id(c)) is not None}
        if child_id is not None and child_id not in allowed:
            raise ValidationError("child_id", said("choice.pick", "Выберите ребёнка из списка найденных "
                                                   "порталом или «Новый ребёнок»."))
        enqueue_command(s, request_entity_key(uid), p.ChildResolvePayload(uid=uid, child_id=child_id))
        req.message = ""  # the reason a previous choice failed no longer applies


__all__ = [
    "DuplicateChild",
    "MATCH_RESULTS_RU",
    "child_card",
    "find_known_child",
    "request_child",
    "resend_request",
    "resolve_request",
    "search_children",
    "validate_new_child",
]
