"""``child.create`` and ``child.resolve``: a new child (the school as an authorised organisation)
matched against the registry by ФИО + date of birth (+ СНИЛС, + certificate number), and what the
provider may see of the match (``domain.privacy``).

Decisions where docs/enrolment.md is silent:

* **Privacy** (issue 10 §1, ``domain.privacy``): a new-child request matching a child the provider
  is not linked to answers «registered» with no personal data; such a child is reached only by an
  application carrying its certificate number (``guesses``).
* **A new-child request** is idempotent by its uid: a second ``child.create`` with a known uid
  answers the stored outcome. An unknown ``certificate_number`` (another region's) is not used for
  matching and a created child gets a new number of this region.
* Two PCs registering the same new child at once are matched one after the other (an advisory lock
  per birth date on PostgreSQL; SQLite serialises writers).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, select, text, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import new_child, privacy
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING
from pfdo_desktop.domain.identity import format_snils, snils_digits
from pfdo_desktop.domain.validation import (
    normalize_person_name,
    normalize_phone,
)
from pfdo_desktop.sync import protocol as p

from .. import db
from ..common import Ctx, applied, as_utc
from ..refusals import CommandRefused, invalid_message
from .guesses import record_guess, refuse_when_guessing
from .shared import child_changes, choose_certificate, issue_certificate, linked_children

log = logging.getLogger(__name__)

_MATCH_LOCK = 0x5046  # the advisory-lock namespace of new-child matching (PostgreSQL)


# --- checking and matching a new child ----------------------------------------------------------


def name_key(last: str, first: str, middle: str) -> tuple[str, str, str]:
    """ФИО compared case-insensitively, with ё = е and spaces normalised."""

    def norm(text: str) -> str:
        return normalize_person_name(text).lower().replace("ё", "е")

    return norm(last), norm(first), norm(middle)


def validate_child(pl: p.ChildCreatePayload, today: date) -> dict[str, str]:
    """The request's rules, as the PC's form and roster import apply them (``domain.new_child``)."""
    gd = pl.guardian
    return new_child.request_errors(new_child.NewChildData(
        last_name=pl.last_name, first_name=pl.first_name, middle_name=pl.middle_name,
        birth_date=pl.birth_date, snils=pl.snils, doc_kind=pl.doc_kind, doc_number=pl.doc_number,
        certificate_number=pl.certificate_number,
        guardian=None if gd is None else new_child.GuardianData(
            last_name=gd.last_name, first_name=gd.first_name, middle_name=gd.middle_name,
            relation=gd.relation, phone=gd.phone, email=gd.email)), today)


@dataclass
class Match:
    outcome: str
    child_id: int | None = None
    candidates: list[int] = field(default_factory=list)  # linked children only
    hidden: list[int] = field(default_factory=list)  # matched children the provider is not linked to
    guess: bool = False  # the request's certificate number was a wrong guess (privacy rule 4)
    # The request's СНИЛС told an unlinked namesake apart and that changed the answer (rule 2b).
    told_apart: bool = False
    # The request carries a СНИЛС and its ФИО + date of birth match a child the provider is not
    # linked to: beyond the namesake limit such a request is refused, whatever that child's СНИЛС.
    snils_namesakes: bool = False


def match_child(conn: Connection, pl: p.ChildCreatePayload, provider_id: int) -> Match:
    """ФИО + date of birth (+ СНИЛС, + certificate number) → created / existing / ambiguous, as the
    provider may see it (``privacy.disclose_match``): a match it has no link to is «registered».
    An unlinked namesake whose valid СНИЛС differs from the request's is another child and no
    match (``privacy.told_apart_by_snils``, rule 2b)."""
    c = db.children.c
    key = name_key(pl.last_name, pl.first_name, pl.middle_name)
    snils = format_snils(pl.snils) if snils_digits(pl.snils) else ""

    def same_name(row: Any) -> bool:
        return name_key(row.last_name, row.first_name, row.middle_name) == key

    def agrees(row: Any) -> bool:  # no contradicting СНИЛС
        return not snils or not row.snils or snils_digits(row.snils) == snils_digits(snils)

    if conn.dialect.name == "postgresql":
        # Two PCs registering the same new child at once must not create it twice: requests for
        # one birth date are matched one after the other (SQLite serialises writers anyway).
        conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :day)"),
                     {"ns": _MATCH_LOCK, "day": pl.birth_date.toordinal()})
    born = conn.execute(select(db.children).where(c.birth_date == pl.birth_date).order_by(c.id)).all()
    same_person = [r for r in born if same_name(r)]
    by_snils = conn.execute(select(db.children).where(c.snils == snils).order_by(c.id)).all() if snils else []
    by_cert = None
    if pl.certificate_number:
        cert_child = conn.execute(
            select(db.certificates.c.child_id).where(db.certificates.c.number == pl.certificate_number)
        ).scalar()
        if cert_child is not None:
            by_cert = conn.execute(select(db.children).where(c.id == cert_child)).first()
    involved = {r.id for r in (*same_person, *by_snils)} | ({by_cert.id} if by_cert is not None else set())
    linked = linked_children(conn, provider_id, involved)
    guess = False
    if by_cert is not None and by_cert.id not in linked:
        # Another provider's child is never found through a number (that would tell who holds it).
        described = same_name(by_cert) and by_cert.birth_date == pl.birth_date
        guess = privacy.certificate_guess(holder_known=True, holder_is_described=described,
                                          holder_linked=False)
        by_cert = None
    unlinked_namesakes = [r for r in same_person if r.id not in linked]
    told_apart = {r.id for r in unlinked_namesakes if privacy.told_apart_by_snils(snils, r.snils)}
    same_person = [r for r in same_person if r.id not in told_apart]
    raw = _raw_match(pl, same_person, by_snils, by_cert, same_name, agrees)
    shown = privacy.disclose_match(raw.outcome, raw.child_id, raw.candidates, linked)
    return Match(
        shown.outcome, shown.child_id, list(shown.candidates), list(shown.hidden), guess,
        told_apart=bool(told_apart) and not shown.registered,
        snils_namesakes=bool(snils) and bool(unlinked_namesakes),
    )


def _raw_match(
    pl: p.ChildCreatePayload,
    same_person: Sequence[Any],
    by_snils: Sequence[Any],
    by_cert: Any,
    same_name: Callable[[Any], bool],
    agrees: Callable[[Any], bool],
) -> Match:
    """The registry's own answer, before the privacy rule decides what the provider may see."""

    def ambiguous(*groups: Iterable[Any]) -> Match:
        ids: list[int] = []
        for grp in groups:
            for row in grp:
                if row.id not in ids:
                    ids.append(row.id)
        return Match(apps.MATCH_AMBIGUOUS, candidates=ids)

    if by_cert is not None:
        if same_name(by_cert) and by_cert.birth_date == pl.birth_date and agrees(by_cert):
            return Match(apps.MATCH_EXISTING, by_cert.id)
        return ambiguous([by_cert], same_person, by_snils)
    if by_snils:
        exact = [r for r in by_snils if same_name(r) and r.birth_date == pl.birth_date]
        if len(by_snils) == 1 and exact:
            return Match(apps.MATCH_EXISTING, exact[0].id)
        return ambiguous(by_snils, same_person)  # the same СНИЛС under another name
    if not same_person:
        return Match(apps.MATCH_CREATED)
    if len(same_person) == 1 and agrees(same_person[0]):
        return Match(apps.MATCH_EXISTING, same_person[0].id)
    return ambiguous(same_person)


# --- namesakes told apart by the СНИЛС (domain.privacy, rule 2b) --------------------------------


def refuse_when_telling_apart_too_often(ctx: Ctx, match: Match) -> None:
    """Rule 2b's limit: beyond it a request with a СНИЛС whose ФИО + date of birth match an
    unlinked child is refused — the same refusal whether that child's СНИЛС is the request's, another
    one or none, so a blocked provider learns nothing from it."""
    if not match.snils_namesakes:
        return
    sd = db.snils_distinctions.c
    times = [
        as_utc(t)
        for t in ctx.conn.execute(
            select(sd.at).where(sd.provider_id == ctx.provider_id, sd.at > ctx.now - privacy.NAMESAKE_WINDOW)
        ).scalars()
    ]
    retry_at = privacy.namesakes_block(times, ctx.now)
    if retry_at is None:
        return
    message = privacy.too_many_namesakes_message(retry_at, ctx.now)
    raise CommandRefused(privacy.R_TOO_MANY_NAMESAKES, message, {privacy.F_SNILS: message},
                         with_record=False, guess=match.guess)


def record_told_apart(ctx: Ctx) -> None:
    """Count a new child told apart from a namesake by its СНИЛС (neither is kept)."""
    ctx.conn.execute(
        db.snils_distinctions.insert().values(
            provider_id=ctx.provider_id, device_id=ctx.device_id, at=ctx.now
        )
    )
    log.info("device %s: a new child told apart from a namesake by the СНИЛС", ctx.device_id)


# --- a new child and the stored answer ----------------------------------------------------------


def create_child(ctx: Ctx, pl: p.ChildCreatePayload) -> tuple[int, str]:
    """A new child (+ guardian, + сертификат учёта when asked): (child id, certificate number)."""
    conn = ctx.conn
    child_id = conn.execute(
        db.children.insert()
        .values(
            last_name=normalize_person_name(pl.last_name),
            first_name=normalize_person_name(pl.first_name),
            middle_name=normalize_person_name(pl.middle_name),
            birth_date=pl.birth_date,
            snils=format_snils(pl.snils) if snils_digits(pl.snils) else "",
            doc_kind=pl.doc_kind,
            doc_number=pl.doc_number.strip(),
        )
        .returning(db.children.c.id)
    ).scalar_one()
    if pl.guardian is not None:
        gd = pl.guardian
        conn.execute(
            db.guardians.insert().values(
                child_id=child_id,
                last_name=normalize_person_name(gd.last_name),
                first_name=normalize_person_name(gd.first_name),
                middle_name=normalize_person_name(gd.middle_name),
                relation=gd.relation,
                phone=(normalize_phone(gd.phone) or "") if gd.phone.strip() else "",
                email=gd.email.strip(),
            )
        )
    number = ""
    if pl.request_certificate:
        _, number = issue_certificate(conn, child_id, CERT_ACCOUNTING)
    return child_id, number


def child_certificate_number(conn: Connection, child_id: int) -> str:
    cert = choose_certificate(conn, child_id)
    return cert.number if cert is not None else ""


def child_match(conn: Connection, request: Any) -> p.ChildMatch:
    """The ChildMatch of a stored new-child request, as its provider may see it now: candidates it
    is not linked to are left out, and a match it has no link to reads «registered» (so also a
    request stored before the privacy rule discloses nothing)."""
    linked = request_linked(conn, request)
    outcome, child_id = request.outcome, request.child_id
    ids: list[int] = []
    if outcome == apps.MATCH_AMBIGUOUS:
        ids = [i for i in json.loads(request.candidates or "[]") if i in linked]
        if not ids:
            outcome = apps.MATCH_REGISTERED
    elif outcome == apps.MATCH_EXISTING and child_id not in linked:
        outcome = apps.MATCH_REGISTERED
    if outcome not in (apps.MATCH_CREATED, apps.MATCH_EXISTING):
        child_id = None
    candidates: list[p.ChildCandidate] = []
    if ids:
        rows = {r.id: r for r in conn.execute(select(db.children).where(db.children.c.id.in_(ids)))}
        for cid in ids:
            row = rows.get(cid)
            if row is None:
                continue
            candidates.append(
                p.ChildCandidate(
                    child_id=row.id,
                    last_name=row.last_name,
                    first_name=row.first_name,
                    middle_name=row.middle_name,
                    birth_date=row.birth_date,
                    snils_tail=snils_digits(row.snils)[-4:],
                    certificate_number=child_certificate_number(conn, row.id),
                )
            )
    return p.ChildMatch(
        uid=request.uid,
        outcome=outcome,
        child_id=child_id,
        certificate_number=child_certificate_number(conn, child_id) if child_id else "",
        candidates=candidates,
    )


def request_linked(conn: Connection, request: Any) -> set[int]:
    """The children of a stored request (its child, its candidates) its provider is linked to."""
    ids = [*json.loads(request.candidates or "[]")]
    if request.child_id is not None:
        ids.append(request.child_id)
    return linked_children(conn, request.provider_id, ids)


def _match_result(ctx: Ctx, op_id: str, request: Any) -> p.OpResult:
    match = child_match(ctx.conn, request)
    record = match.model_dump(mode="json")
    message = apps.MATCH_RESULTS_RU[match.outcome]
    if match.outcome == apps.MATCH_REGISTERED:  # what to do for the same child and for another one
        message = privacy.registered_message(request_has_snils=_request_has_snils(request))
    if match.outcome == apps.MATCH_AMBIGUOUS:
        return p.OpResult(op_id=op_id, status=p.CONFLICT, message=message, server_record=record)
    return applied(op_id, record, message)


def _request_has_snils(request: Any) -> bool:
    try:
        snils = json.loads(request.payload or "{}").get("snils") or ""
    except (ValueError, AttributeError):
        return False
    return isinstance(snils, str) and bool(snils_digits(snils))


def load_request(conn: Connection, device_id: str | None, uid: str) -> Any:
    r = db.child_requests.c
    return conn.execute(
        select(db.child_requests).where(r.device_id == (device_id or ""), r.uid == uid)
    ).first()


# --- the commands -------------------------------------------------------------------------------


def child_create(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ChildCreatePayload)
    conn = ctx.conn
    known = load_request(conn, ctx.device_id, pl.uid)
    if known is not None:  # the same request again (a new op for it): the stored answer
        return _match_result(ctx, op_id, known)
    errors = validate_child(pl, ctx.today)
    if errors:
        raise CommandRefused(p.R_INVALID, invalid_message(errors), errors)
    if pl.certificate_number:
        refuse_when_guessing(ctx)
    match = match_child(conn, pl, ctx.provider_id)
    refuse_when_telling_apart_too_often(ctx, match)
    if match.guess:
        record_guess(ctx)
    if match.told_apart:
        record_told_apart(ctx)
    if match.outcome == apps.MATCH_CREATED:
        match.child_id, _ = create_child(ctx, pl)
    conn.execute(
        db.child_requests.insert().values(
            device_id=ctx.device_id or "",
            uid=pl.uid,
            provider_id=ctx.provider_id,
            outcome=match.outcome,
            child_id=match.child_id,
            candidates=json.dumps(match.candidates),
            matched=json.dumps(match.hidden),
            payload=pl.model_dump_json(),
            created_at=ctx.now,
        )
    )
    if match.child_id is not None:  # created, or an «existing» child the provider is linked to
        db.stamp(conn, child_changes(conn, match.child_id, [ctx.provider_id]))
    return _match_result(ctx, op_id, load_request(conn, ctx.device_id, pl.uid))


def child_resolve(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ChildResolvePayload)
    conn = ctx.conn
    request = load_request(conn, ctx.device_id, pl.uid)
    if request is None:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "uid": "Портал не получал с этого ПК запроса «Новый ребёнок» с таким идентификатором: "
                "отправьте запрос заново"
            },
        )
    shown = child_match(conn, request)  # the candidates the provider may see (linked ones only)
    if shown.outcome == apps.MATCH_REGISTERED:
        raise CommandRefused(
            p.R_INVALID,
            "По этому запросу выбирать не из кого: ребёнок уже есть в реестре портала. Если это тот же "
            "ребёнок — подайте заявку с номером сертификата из заявления родителя; если другой — "
            "отправьте новый запрос с его СНИЛС.",
            {"uid": "выбор не нужен: нужна заявка с номером сертификата или новый запрос с СНИЛС"},
            record=shown.model_dump(mode="json"),
        )
    if shown.outcome != apps.MATCH_AMBIGUOUS:
        raise CommandRefused(
            p.R_INVALID,
            "Ребёнок по этому запросу уже определён: выбор не нужен.",
            {"uid": "запрос уже решён"},
            record=shown.model_dump(mode="json"),
        )
    candidates = [c.child_id for c in shown.candidates]
    if pl.child_id is not None:
        if pl.child_id not in candidates:
            raise CommandRefused(
                p.R_INVALID,
                field_errors={
                    "child_id": "Этого ребёнка нет среди найденных порталом: выберите одного из предложенных "
                    "или «новый ребёнок»"
                },
            )
        outcome, child_id = apps.MATCH_EXISTING, pl.child_id
    else:
        original = p.ChildCreatePayload.model_validate_json(request.payload)
        child_id, _ = create_child(ctx, original)
        outcome = apps.MATCH_CREATED
    r = db.child_requests.c
    conn.execute(
        update(db.child_requests)
        .where(r.device_id == request.device_id, r.uid == request.uid)
        .values(outcome=outcome, child_id=child_id)
    )
    db.stamp(conn, child_changes(conn, child_id, [ctx.provider_id]))
    return _match_result(ctx, op_id, load_request(conn, ctx.device_id, pl.uid))
