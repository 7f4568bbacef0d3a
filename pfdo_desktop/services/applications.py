"""Applications (заявки) and contracts: the instant pre-check, and the commands the portal decides.

The client never changes an application's status: every action queues one command in the outbox and
marks the application «ожидает отправки: …» (``pending_action``); the portal's answer replaces the
local record (sync engine). While a command waits, no second one is queued for the same application.

Decisions where the design is silent:

* **Occupied places** on the start date = the group's memberships not ended before that day (also
  the ones that start later: their place is taken for the rest of the group) + its applications
  «подтверждена» + this PC's applications to the group not yet answered (created here or transfers
  into the group). The portal counts exactly the same
  (``pfdo_portal.enrolment.applications.occupied_places``), minus what it does not know yet.
* **Free balance** = balance − reserve − the certificate parts this PC expects for the child's
  unanswered applications (created or confirmed here), never below zero.
* **A new-child request not answered yet** («r:…») may get an application: its date of birth comes
  from the request and its certificate is taken as a *сертификат учёта with no balance* — every new
  certificate starts so, and it is what the portal will create. A budget programme is therefore
  allowed, a certified one is refused (учёт on a certified programme) until the portal answers. An
  ambiguous request is refused until the operator has chosen the child (a choice waiting to be sent
  is enough: it goes out before the application); a rejected request is refused.
* **The certificate number** (issue 10 §1, ``domain.privacy`` rule 3): the application carries the
  number of the child's certificate from the parent's application. ``None`` from a caller means
  «the number this PC already sees» — what «Новая заявка» prefills for a child the provider is
  linked to; "" means none was typed. It is required for a certified programme and for a request
  the portal answered «ребёнок уже есть в реестре» (``MATCH_REGISTERED``: this PC knows neither the
  child's certificate nor its balance, so the portal computes the contract and no certificate
  refusal of the rulebook is shown); when this PC knows the child's number, a different one is
  refused before sending. A request not answered yet is taken as linked (its answer is most often
  «создан»): the number is optional there for a budget programme and is not compared.
* **The contract cost** is shown for the certified registry only: from the start date to the
  group's last day, with the free balance of a ПФ certificate (0 otherwise: the parent would pay
  everything).
* **Dates entered with an order**: an order may not be dated in the future nor more than a year
  ago; enrolment and transfer dates lie inside the group's dates and not in a closed month (before
  the 1st of the current month); an expulsion date lies between the application's start date and
  the group's end; a parent's termination request is not dated in the future nor before the day
  the application was made (its ``created_at``, local date): a contract cannot be terminated by a
  request older than the application itself. It may be dated before the start date (a parent
  changing their mind before the first lesson).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.applications import (
    ACT_CONFIRM,
    ACT_ENROL,
    ACT_EXPEL,
    ACT_REJECT,
    ACT_TERMINATE,
    ACT_TRANSFER,
    ACT_WITHDRAW,
    APP_CONFIRMED,
    APP_NEW,
    EXPEL_REASONS_RU,
    MATCH_REGISTERED,
    REJECT_REASONS_RU,
    may,
    wrong_status_message,
)
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF
from pfdo_desktop.domain.enrolment import (
    CERTIFIED_REGISTRY,
    F_CERTIFICATE,
    CertificateState,
    ExistingEnrolment,
    GroupTerms,
    ProgramTerms,
    Refusal,
    check_application,
    open_period_start,
)
from pfdo_desktop.domain.enrolment import (
    Application as RuleApplication,
)
from pfdo_desktop.domain.identity import certificate_number_error, search_text
from pfdo_desktop.domain.membership import places_taken
from pfdo_desktop.domain.navigator import is_navigator, left_to_check
from pfdo_desktop.domain.ops import (
    OP_APP_CONFIRM,
    OP_APP_CREATE,
    OP_APP_TRANSFER,
    OP_CHILD_RESOLVE,
    new_uid,
)
from pfdo_desktop.domain.pricing import ContractCost, contract_cost_for_period
from pfdo_desktop.domain.privacy import (
    R_CERTIFICATE_REQUIRED,
    CertificateRefusal,
    certificate_number_refusal,
    normalize_certificate_number,
)
from pfdo_desktop.domain.said import Said, capital, said, term
from pfdo_desktop.models import (
    REQUEST_AMBIGUOUS,
    REQUEST_REJECTED,
    Application,
    Certificate,
    Child,
    ChildRequest,
    Database,
    Membership,
    Module,
    OutboxOp,
    Program,
    StudyGroup,
    utcnow,
)
from pfdo_desktop.models.clock import date_edit, stamp_op
from pfdo_desktop.models.sync_tables import Device
from pfdo_desktop.sync import protocol as p

from . import groups as group_service
from .enrolment_rows import (
    PENDING_TITLES_RU,
    application_entity_key,
    application_rows,
    iter_application_rows,
    parse_key,
    request_entity_key,
)
from .errors import (
    APPLICATION_NOT_FOUND,
    CHILD_NOT_DECIDED,
    CHILD_NOT_FOUND,
    GROUP_NOT_FOUND,
    REQUEST_NOT_FOUND,
    NotAllowed,
    NotFound,
    ValidationError,
)
from .outbox import enqueue_command, queued_payload
from .rows import ApplicationRow, GroupRow, Precheck

log = logging.getLogger(__name__)

ORDER_NUMBER_MAX = 40
COMMENT_MAX = 500
ORDER_MAX_AGE_DAYS = 366

# Commands whose expected certificate part is still held against the balance on this PC.
_EXPECTING = (OP_APP_CREATE, OP_APP_CONFIRM)


class Refused(NotAllowed):
    """The rulebook refuses the application; ``refusals`` are ``domain.enrolment.Refusal``s."""

    def __init__(self, refusals: Iterable[Refusal]) -> None:
        self.refusals = tuple(refusals)
        text = "; ".join(r.message for r in self.refusals)
        if self.refusals:
            message = said("application.refused", f"Заявку подать нельзя: {text}. {self.refusals[0].advice}",
                           refusals=tuple(r.message for r in self.refusals), advice=self.refusals[0].advice)
        else:
            message = said("application.refused_bare", "Заявку подать нельзя.")
        super().__init__(message)


# --- the pre-check ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ChildFacts:
    child_id: int | None
    request_uid: str | None
    birth_date: date
    certificate: CertificateState | None
    linked: bool = True  # False: the portal answered «ребёнок уже есть в реестре» (registered)
    number_known: bool = True  # this PC knows the number of the child's certificate (or that it has none)

    @property
    def known_number(self) -> str | None:
        """The number of the child's certificate as this PC knows it (None: none / unknown)."""
        if not self.number_known or self.certificate is None:
            return None
        return self.certificate.number or None


@dataclass(frozen=True)
class _GroupFacts:
    group: StudyGroup
    program: Program
    module: Module


def _child_facts(s: Session, key: str, *, exclude_app: str | None = None) -> _ChildFacts:
    child_id, uid = parse_key(key)
    if uid is not None:
        req = s.get(ChildRequest, uid)
        if req is None:
            raise NotFound(REQUEST_NOT_FOUND)
        choice_queued = s.scalar(select(OutboxOp.id).where(
            OutboxOp.entity_key == request_entity_key(uid), OutboxOp.kind == OP_CHILD_RESOLVE).limit(1))
        if req.state == REQUEST_AMBIGUOUS and choice_queued is None:
            raise NotAllowed(said("application.child_ambiguous",
                                  "Портал нашёл несколько похожих детей: сначала выберите нужного в карточке "
                                  "ребёнка, потом подавайте заявку."))
        if req.state == REQUEST_REJECTED:
            why = req.message or said("application.see_card", "см. карточку")
            raise NotAllowed(said("application.child_rejected",
                                  f"Портал отклонил запрос на этого ребёнка: {why}. "
                                  "Исправьте данные и создайте ребёнка заново.", why=why))
        if req.child_id is not None and s.get(Child, req.child_id) is not None:
            child_id, uid = req.child_id, None
        elif req.state == MATCH_REGISTERED:  # the portal knows the child; this PC knows nothing of it
            return _ChildFacts(child_id=None, request_uid=uid, birth_date=req.birth_date, certificate=None,
                               linked=False, number_known=False)
        else:
            return _ChildFacts(child_id=req.child_id, request_uid=uid, birth_date=req.birth_date,
                               certificate=CertificateState(CERT_ACCOUNTING, Decimal("0.00"),
                                                            req.certificate_number),
                               number_known=False)
    assert child_id is not None
    child = s.get(Child, child_id)
    if child is None:
        raise NotFound(CHILD_NOT_FOUND)
    cert = s.scalar(select(Certificate)
                    .where(Certificate.child_id == child_id, Certificate.archived.is_(False))
                    .order_by(Certificate.id.desc()).limit(1))
    state = None
    if cert is not None:
        expected = sum(
            (a.expected_certificate_part or Decimal("0") for a in s.scalars(select(Application).where(
                Application.child_id == child_id, Application.pending_action.in_(_EXPECTING),
                Application.archived.is_(False), Application.id != (exclude_app or "")))),
            Decimal("0"))
        free = max(Decimal("0.00"), cert.balance - cert.reserve - expected)
        state = CertificateState(cert.status, free, cert.number)
    return _ChildFacts(child_id=child_id, request_uid=None, birth_date=child.birth_date, certificate=state)


def _group_facts(s: Session, group_id: int) -> _GroupFacts:
    row = s.execute(
        select(StudyGroup, Program, Module)
        .join(Program, Program.id == StudyGroup.program_id)
        .join(Module, Module.id == StudyGroup.module_id)
        .where(StudyGroup.id == group_id)
    ).first()
    if row is None or row[0].archived:
        raise NotFound(GROUP_NOT_FOUND)
    return _GroupFacts(*row)


def _occupied(s: Session, group_id: int, on: date, *, exclude_app: str | None = None) -> int:
    member_ends = s.scalars(select(Membership.date_to).where(
        Membership.group_id == group_id, Membership.archived.is_(False))).all()
    apps = len(s.scalars(select(Application.id).where(
        Application.group_id == group_id, Application.archived.is_(False),
        Application.id != (exclude_app or ""),
        or_(Application.status == APP_CONFIRMED, Application.pending_action == OP_APP_CREATE))).all())
    queued = s.scalars(select(OutboxOp).where(OutboxOp.kind == OP_APP_TRANSFER))
    transfers = sum(1 for op in queued
                    if isinstance(payload := queued_payload(op), p.ApplicationTransferPayload)
                    and payload.to_group_id == group_id)
    return places_taken(member_ends, on, apps + transfers)


def _existing(s: Session, facts: _ChildFacts, exclude_app: str | None) -> tuple[ExistingEnrolment, ...]:
    conds: list[ColumnElement[bool]] = []
    if facts.child_id is not None:
        conds.append(Application.child_id == facts.child_id)
    if facts.request_uid is not None:
        conds.append(Application.child_request_uid == facts.request_uid)
    out: list[ExistingEnrolment] = []
    if conds:
        for gid, status in s.execute(select(Application.group_id, Application.status).where(
                or_(*conds), Application.archived.is_(False), Application.id != (exclude_app or ""))):
            out.append(ExistingEnrolment(gid, status))
    if facts.child_id is not None:
        for gid, status in s.execute(select(Membership.group_id, Membership.status).where(
                Membership.child_id == facts.child_id, Membership.archived.is_(False))):
            out.append(ExistingEnrolment(gid, status))
    return tuple(out)


def _precheck(s: Session, key: str, group_id: int, start_date: date, today: date, *,
              exclude_app: str | None = None,
              certificate_number: str | None = None) -> tuple[Precheck, _ChildFacts, _GroupFacts]:
    child = _child_facts(s, key, exclude_app=exclude_app)
    g = _group_facts(s, group_id)
    occupied = _occupied(s, group_id, start_date, exclude_app=exclude_app)
    registry = g.program.registry_code
    program = ProgramTerms(g.program.age_from_months, g.program.age_to_months, registry)
    group = GroupTerms(g.group.date_from, g.group.date_to, g.group.capacity, occupied, group_id)
    application = RuleApplication(child.birth_date, start_date, child.certificate,
                                  _existing(s, child, exclude_app))
    navigator = is_navigator(s.scalar(select(Device.portal_id)))
    refusals: list[Refusal] = left_to_check(check_application(program, group, application, today),
                                            navigator=navigator)
    cost = _cost(g, child.certificate, start_date)
    if not child.linked:  # the portal checks the certificate it knows and computes the contract
        refusals = [r for r in refusals if r.field != F_CERTIFICATE]
        cost = None
    number = normalize_certificate_number(
        (child.known_number or "") if certificate_number is None else certificate_number)
    about_number = _number_refusal(number, child, registry)
    if about_number is not None and not left_to_check([about_number], navigator=navigator):
        about_number = None  # the Navigator knows the certificate, not this PC
    certificate_refused = any(r.field == F_CERTIFICATE for r in refusals)
    if about_number is not None and not (certificate_refused and about_number.code == R_CERTIFICATE_REQUIRED):
        refusals.append(about_number)  # (no «type the number» on top of «the certificate does not fit»)
    required = certificate_number_refusal("", child.known_number, registry=registry, linked=child.linked,
                                          actual_known=child.number_known) is not None
    return (Precheck(refusals=tuple(refusals), cost=cost, registry=registry,
                     free_places=max(0, g.group.capacity - occupied), capacity=g.group.capacity,
                     certificate_number=number, certificate_number_required=required,
                     certificate_number_compared=bool(number) and child.known_number == number),
            child, g)


def _number_refusal(number: str, child: _ChildFacts, registry: str) -> CertificateRefusal | None:
    """Rule 3 of domain.privacy as far as this PC can tell; a malformed number is the form's
    business (``certificate_number_error``), not compared."""
    if number and certificate_number_error(number):
        return None
    return certificate_number_refusal(number, child.known_number, registry=registry, linked=child.linked,
                                      actual_known=child.number_known)


def certificate_prefill(db: Database, child_key: str) -> str:
    """The number «Новая заявка» offers for a child: the certificate this PC already sees (the
    provider is linked to the child), "" for a request the portal has not answered or answered
    «ребёнок уже есть в реестре» — the operator types the number from the parent's application."""
    with db.read() as s:
        try:
            facts = _child_facts(s, child_key)
        except (NotFound, NotAllowed):
            return ""
        return facts.known_number or ""


def _cost(g: _GroupFacts, certificate: CertificateState | None, start: date) -> ContractCost | None:
    if g.program.registry_code != CERTIFIED_REGISTRY:
        return None
    if not g.group.date_from <= start <= g.group.date_to:
        return None
    balance = certificate.balance if certificate is not None and certificate.status == CERT_PF else 0
    try:
        return contract_cost_for_period(start, g.group.date_to, g.group.date_from, g.group.date_to,
                                        g.module.price, g.module.normative_price, balance)
    except ValueError:  # bad figures from the registry (negative price, …): no cost to show
        log.warning("contract cost not computable for group %s", g.group.id)
        return None


def precheck(db: Database, child_key: str, group_id: int, start_date: date, today: date,
             certificate_number: str | None = None) -> Precheck:
    """The instant pre-check of an application: every refusal of the rulebook (and of the
    certificate number: ``None`` checks the number this PC knows) and the contract cost."""
    with db.read() as s:
        return _precheck(s, child_key, group_id, start_date, today, certificate_number=certificate_number)[0]


# --- commands ------------------------------------------------------------------------------------


def submit_application(db: Database, child_key: str, group_id: int, start_date: date, today: date,
                       certificate_number: str | None = None) -> str:
    """Queue an application (application.create) for the portal to decide; returns its uid.
    ``certificate_number``: from the parent's application (None: the number this PC knows)."""
    if certificate_number is not None:
        typed = normalize_certificate_number(certificate_number)
        if typed and (error := certificate_number_error(typed)):
            raise ValidationError("certificate_number", capital(error))
    with db.write() as s:
        if is_navigator(s.scalar(select(Device.portal_id))):
            raise NotAllowed(said(
                "application.navigator_create",
                "Этот ПК работает с Навигатором: заявку подаёт родитель на сайте Навигатора (или "
                "организация в кабинете Навигатора), из PFDO Desktop новые заявки туда не отправляются. "
                "Решения по заявкам из Навигатора принимайте здесь, на вкладке «Заявки»."))
        check, child, _g = _precheck(s, child_key, group_id, start_date, today,
                                     certificate_number=certificate_number)
        if check.refusals:
            raise Refused(check.refusals)
        uid = new_uid()
        # On the portal's clock (domain/clock.py): the portal counts the application's days from it.
        stamp = date_edit(s.scalar(select(Device)), db.clock)
        now = stamp.at
        cost = check.cost
        s.add(Application(
            id=uid, number="", child_id=child.child_id, child_request_uid=child.request_uid,
            group_id=group_id, start_date=start_date, status=APP_NEW, source="device", created_at=now,
            price_total=cost.all if cost else None,
            certificate_part=cost.certificate_part if cost else None,
            parent_part=cost.parent_part if cost else None,
            expected_certificate_part=cost.certificate_part if cost else None,
            history=[], archived=False, pending_action=OP_APP_CREATE, pending_at=now))
        payload = p.ApplicationCreatePayload(
            uid=uid, child_id=child.child_id if child.request_uid is None else None,
            child_uid=child.request_uid, group_id=group_id, start_date=start_date,
            expected_certificate_part=str(cost.certificate_part) if cost else None,
            created_at=now, certificate_number=check.certificate_number or None)
        stamp_op(enqueue_command(s, application_entity_key(uid), payload), stamp)
    log.info("application %s queued for group %s", uid, group_id)
    return uid


def _load_for(s: Session, uid: str, action: str) -> Application:
    app = s.get(Application, uid)
    if app is None or app.archived:
        raise NotFound(APPLICATION_NOT_FOUND)
    key = application_entity_key(uid)
    queued = s.scalar(select(OutboxOp.kind).where(OutboxOp.entity_key == key).order_by(OutboxOp.id).limit(1))
    if app.pending_action or queued is not None:
        title = PENDING_TITLES_RU.get(app.pending_action or queued or "", "команда")
        raise NotAllowed(said("application.command_waiting",
                              f"По этой заявке уже отправлено «{title}»: дождитесь ответа портала "
                              "(синхронизируйте данные), затем выберите следующее действие.",
                              command=term("PendingAction", title)))
    if not may(action, app.status):
        raise NotAllowed(wrong_status_message(action, app.status))
    return app


def _queue(s: Session, app: Application, payload: p.OpPayload) -> None:
    app.pending_action = enqueue_command(s, application_entity_key(app.id), payload).kind
    app.pending_at = utcnow()


def _order_number(value: str) -> str:
    number = " ".join((value or "").split())
    if not number:
        raise ValidationError("order_number", said(
            "order.number_required",
            "Укажите номер приказа (как в книге приказов), например 15-у"))
    if len(number) > ORDER_NUMBER_MAX:
        raise ValidationError("order_number", said(
            "order.number_too_long",
            f"Номер приказа не длиннее {ORDER_NUMBER_MAX} символов, сейчас {len(number)}",
            limit=ORDER_NUMBER_MAX, length=len(number)))
    return number


def _order_date(value: date | None, today: date) -> date:
    if value is None:
        raise ValidationError("order_date", said("order.date_required", "Укажите дату приказа"))
    if value > today:
        raise ValidationError("order_date", said("order.date_future", f"Дата приказа {value:%d.%m.%Y} ещё не "
                                                 "наступила: проверьте год и месяц", day=value))
    if value < today - timedelta(days=ORDER_MAX_AGE_DAYS):
        raise ValidationError("order_date", said("order.date_old", f"Приказ от {value:%d.%m.%Y} старше года: "
                                                 "проверьте год. Старые приказы вносит уполномоченная "
                                                 "организация на портале", day=value))
    return value


def _comment(value: str, *, required: bool = False) -> str:
    comment = (value or "").strip()
    if required and not comment:
        raise ValidationError("comment", said("application.comment_required",
                                              "Для причины «Иная причина» напишите её в комментарии"))
    if len(comment) > COMMENT_MAX:
        raise ValidationError("comment", said(
            "application.comment_too_long",
            f"Комментарий не длиннее {COMMENT_MAX} символов, сейчас {len(comment)}",
            limit=COMMENT_MAX, length=len(comment)))
    return comment


def _group_date(field: str, value: date | None, group: StudyGroup, today: date, what: Said) -> date:
    if value is None:
        raise ValidationError(field, said("application.date_required", f"Укажите {what}", what=what))
    if not group.date_from <= value <= group.date_to:
        raise ValidationError(field, said("application.date_outside_group",
                                          f"{what.capitalize()} {value:%d.%m.%Y} вне сроков группы "
                                          f"{group.date_from:%d.%m.%Y}–{group.date_to:%d.%m.%Y}",
                                          what=capital(what), day=value, group_from=group.date_from,
                                          group_to=group.date_to))
    earliest = open_period_start(today)
    if value < earliest:
        raise ValidationError(field, said(
            "application.date_closed_month",
            f"{what.capitalize()} {value:%d.%m.%Y} приходится на закрытый месяц: "
            f"поставьте дату не раньше {earliest:%d.%m.%Y}",
            what=capital(what), day=value, earliest=earliest))
    return value


def confirm_application(db: Database, uid: str, today: date) -> None:
    """Confirm a parent's application (новая → подтверждена on the portal's answer)."""
    with db.write() as s:
        app = _load_for(s, uid, ACT_CONFIRM)
        if app.child_id is None:
            raise NotAllowed(CHILD_NOT_DECIDED)
        check, _child, _g = _precheck(s, f"c:{app.child_id}", app.group_id, app.start_date, today,
                                      exclude_app=uid)
        if check.refusals:
            raise Refused(check.refusals)
        cost = check.cost
        if cost is not None:
            app.expected_certificate_part = cost.certificate_part
        _queue(s, app, p.ApplicationConfirmPayload(
            uid=uid, expected_certificate_part=str(cost.certificate_part) if cost else None))


def reject_application(db: Database, uid: str, reason: str, comment: str = "") -> None:
    """Reject a parent's application with a reason of ``REJECT_REASONS_RU``."""
    if reason not in REJECT_REASONS_RU:
        raise ValidationError("reason", said(
            "application.reject_reason", "Выберите причину отклонения из списка"))
    text = _comment(comment, required=reason == "other")
    with db.write() as s:
        app = _load_for(s, uid, ACT_REJECT)
        _queue(s, app, p.ApplicationRejectPayload(uid=uid, reason=reason, comment=text))


def withdraw_application(db: Database, uid: str, comment: str = "") -> None:
    """The parent withdraws the application before enrolment."""
    text = _comment(comment)
    with db.write() as s:
        app = _load_for(s, uid, ACT_WITHDRAW)
        _queue(s, app, p.ApplicationWithdrawPayload(uid=uid, comment=text))


def enrol_application(db: Database, uid: str, order_number: str, order_date: date, date_from: date,
                      *, today: date | None = None) -> None:
    """Enrol by an order (приказ о зачислении) from ``date_from``."""
    today = today or date.today()
    number = _order_number(order_number)
    with db.write() as s:
        app = _load_for(s, uid, ACT_ENROL)
        ordered = _order_date(order_date, today)
        group = _group_facts(s, app.group_id).group
        start = _group_date("date_from", date_from, group, today, said(
            "application.date.enrol", "дата зачисления"))
        _queue(s, app, p.ApplicationEnrolPayload(uid=uid, order_number=number, order_date=ordered,
                                                 date_from=start))


def expel_application(db: Database, uid: str, order_number: str, order_date: date, date_to: date,
                      reason: str, *, today: date | None = None) -> None:
    """Expel by an order (приказ об отчислении); ``date_to`` is the last day in the group."""
    today = today or date.today()
    number = _order_number(order_number)
    if reason not in EXPEL_REASONS_RU:
        raise ValidationError("reason", said(
            "application.expel_reason", "Выберите причину отчисления из списка"))
    with db.write() as s:
        app = _load_for(s, uid, ACT_EXPEL)
        ordered = _order_date(order_date, today)
        group = _group_facts(s, app.group_id).group
        first = app.start_date
        if date_to is None or not first <= date_to <= group.date_to:
            raise ValidationError("date_to", said(
                "application.expel_date",
                f"Последний день обучения должен быть между началом обучения "
                f"{first:%d.%m.%Y} и окончанием группы {group.date_to:%d.%m.%Y}",
                first=first, group_to=group.date_to))
        _queue(s, app, p.ApplicationExpelPayload(uid=uid, order_number=number, order_date=ordered,
                                                 date_to=date_to, reason=reason))


def transfer_application(db: Database, uid: str, to_group_id: int, on_date: date, order_number: str,
                         order_date: date, today: date) -> str:
    """Transfer to another group from ``on_date`` (the old contract ends the day before); the new
    group is checked by the rulebook. Returns the uid of the new application."""
    number = _order_number(order_number)
    with db.write() as s:
        app = _load_for(s, uid, ACT_TRANSFER)
        ordered = _order_date(order_date, today)
        if to_group_id == app.group_id:
            raise ValidationError("to_group_id", said("application.transfer_same_group",
                                                      "Выберите другую группу: ребёнок уже в этой"))
        if app.child_id is None:
            raise NotAllowed(CHILD_NOT_DECIDED)
        target = _group_facts(s, to_group_id).group
        start = _group_date("date", on_date, target, today, said(
            "application.date.transfer", "дата перевода"))
        if start <= app.start_date:
            raise ValidationError("date", said("application.transfer_date",
                                               f"Дата перевода должна быть позже начала обучения "
                                               f"{app.start_date:%d.%m.%Y}", start=app.start_date))
        check, _child, _g = _precheck(s, f"c:{app.child_id}", to_group_id, start, today)
        if check.refusals:
            raise Refused(check.refusals)
        new = new_uid()
        _queue(s, app, p.ApplicationTransferPayload(uid=uid, new_uid=new, to_group_id=to_group_id,
                                                    date=start, order_number=number, order_date=ordered))
    return new


def terminate_application(db: Database, uid: str, request_date: date, *, today: date | None = None) -> None:
    """A parent's termination (effective from the 1st day of the next month)."""
    today = today or date.today()
    with db.write() as s:
        app = _load_for(s, uid, ACT_TERMINATE)
        if request_date is None or request_date > today:
            raise ValidationError("request_date", said(
                "application.termination_date_future",
                "Дата заявления родителя не может быть позже сегодняшней"))
        made = _local_date(app.created_at)
        if request_date < made:
            raise ValidationError("request_date", said(
                "application.termination_date_early",
                f"Заявление от {request_date:%d.%m.%Y} раньше самой заявки "
                f"(подана {made:%d.%m.%Y}): проверьте дату заявления",
                day=request_date, made=made))
        _queue(s, app, p.ApplicationTerminatePayload(uid=uid, request_date=request_date))


def _local_date(moment: datetime) -> date:
    """The operator's calendar day of a stored (UTC) moment."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().date()


# --- lists ---------------------------------------------------------------------------------------


def list_applications(db: Database, *, status: str | None = None, group_id: int | None = None,
                      query: str = "") -> list[ApplicationRow]:
    """Applications, newest first; ``query`` matches the start of a word of the child's ФИО or the
    application's number."""
    with db.read() as s:
        return list(iter_applications(s, status=status, group_id=group_id, query=query))


def iter_applications(s: Session, *, status: str | None = None, group_id: int | None = None,
                      query: str = "", batch: int = 0) -> Iterator[ApplicationRow]:
    """``list_applications`` one at a time inside the caller's session (the export streams them);
    ``batch``: database rows fetched at a time (0: all at once)."""
    where: list[ColumnElement[bool]] = []
    if status:
        where.append(Application.status == status)
    if group_id is not None:
        where.append(Application.group_id == group_id)
    rows = iter_application_rows(s, *where, batch=batch)
    tokens = search_text(query).split()
    if not tokens:
        return rows
    return (r for r in rows if all(_matches(r, t) for t in tokens))


def _matches(row: ApplicationRow, token: str) -> bool:
    words = search_text(row.child_name).replace("-", " ").split()
    return (any(w.startswith(token) for w in words) or token in row.number.casefold()
            or row.certificate_number.startswith(token))


def get_application(db: Database, uid: str) -> ApplicationRow:
    with db.read() as s:
        rows = application_rows(s, Application.id == uid)
    if not rows:
        raise NotFound(APPLICATION_NOT_FOUND)
    return rows[0]


def groups_for_application(db: Database) -> list[GroupRow]:
    """Live groups an application may be made to (the provider's groups)."""
    return group_service.list_groups(db)
