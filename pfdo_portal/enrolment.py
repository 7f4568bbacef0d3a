"""Enrolment decided by the portal (docs/enrolment.md): the ``child.*`` and ``application.*``
commands a PC pushes, and the shared steps the admin functions reuse (a parent's online
application, expiry).

Every command runs in its own savepoint: a refusal undoes whatever the handler had started, so a
refused command changes nothing on the portal (except ``application.create``, whose refusal is a
decision: the application is stored as «отклонена» with the rulebook's reason).

Decisions where docs/enrolment.md is silent:

* **Who may name a child.** ``application.create`` with a ``child_id`` is accepted only for a child
  the provider is linked to (``domain.privacy``: a membership, an application, or a child one of its
  PCs created); any other id is ``unknown_child``. A PC cannot reach the registry by guessing ids.
* **Privacy** (issue 10 §1, ``domain.privacy``): a new-child request matching a child the provider is
  not linked to answers «registered» with no personal data; such a child is reached only by an
  application carrying its certificate number, and wrong numbers are limited per provider
  (``certificate_guesses``). ``certificate_required`` / ``certificate_mismatch`` /
  ``too_many_attempts`` store nothing: no application row, no reserve, no link.
* **The certificate** of a child with several is the ПФ one if there is one, else the newest.
* **Occupied places** on the start date: memberships of the group not ended before that date (a
  membership starting later still takes its place) + applications «подтверждена».
* **Confirming a parent's application** that the rulebook refuses changes nothing: the application
  stays «новая» (the provider then rejects it with a reason from the list).
* **Enrolment** (``enrol``): the first day may not be earlier than the application's start date
  (that period was priced and its place held) nor outside the group's dates; the order date may not
  be later than the portal's today. A later first day shortens the contract: the certificate part is
  recomputed for the shorter period (never more than what was reserved) and the rest released.
* **Ending a contract** (expel, transfer, terminate) recomputes the parts for the days studied with
  the reserved part as the ceiling, and releases the difference. The reserve of the days studied
  stays (invoices are paid from it). A confirmed application that is terminated, withdrawn or
  expired was never studied: its whole reserve is released.
* **Termination** of a contract whose effective date falls on or before its first day deletes the
  membership (a tombstone for the PCs): the child never studied.
* **A new-child request** is idempotent by its uid: a second ``child.create`` with a known uid
  answers the stored outcome. An unknown ``certificate_number`` (another region's) is not used for
  matching and a created child gets a new number of this region.
* ``balance_changed`` on ``application.create`` stores the application as «отклонена» with the
  portal's figures (price and parts), so the PC shows the parent the new co-payment.
* **Billed months** (``locked_months``, ``pfdo-portal lock-month``): a command that changes who
  studies on a day of a month already invoiced for the provider is refused with ``month_locked`` and
  the application's current record. The days that change: from the enrolment's first day (enrol),
  the day after the last day (expel; a transfer from its date) and the termination's effective date,
  each up to the end of the contract. So an expulsion on the 31st of a billed month is accepted
  (nothing billed changes), one on the 15th is not, and neither is one whose later days fall in a
  billed month. A confirmed contract never studied was not billed: its termination is not checked.
* **Expiry** reads the due applications without locks, then locks each and judges it again on its
  current row: an application enrolled, decided or withdrawn meanwhile is left alone.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, func, or_, select, text, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.domain import pricing, privacy
from pfdo_desktop.domain.catalog import CERT_ACCOUNTING, CERT_PF
from pfdo_desktop.domain.identity import (
    certificate_number_error,
    format_snils,
    snils_digits,
    snils_error,
)
from pfdo_desktop.domain.money import format_rub, to_money
from pfdo_desktop.domain.validation import (
    birth_date_error,
    email_error,
    normalize_person_name,
    normalize_phone,
    person_name_error,
    phone_error,
)
from pfdo_desktop.sync import protocol as p

from . import db, service
from .seed import MUNICIPALITY_CODE, REGION_CODE

log = logging.getLogger(__name__)

ZERO = Decimal("0.00")
SOURCE_DEVICE = "device"
SOURCE_PORTAL = "portal"
END_REASON_TRANSFER = apps.END_REASON_TRANSFER
END_REASON_TERMINATION = apps.END_REASON_TERMINATION

a_ = db.applications.c
_MATCH_LOCK = 0x5046  # the advisory-lock namespace of new-child matching (PostgreSQL)
_GUESS_LOCK = 0x5047  # … and of a provider's certificate-number guesses


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


@dataclass(frozen=True)
class Ctx:
    conn: Connection
    provider_id: int
    device_id: str | None
    today: date
    now: datetime


# --- numbers and small helpers ------------------------------------------------------------------


def money_text(value: Decimal) -> str:
    return f"{to_money(value):.2f}"


def application_number(n: int) -> str:
    return f"З-{n:06d}"


def contract_number_for(number: str) -> str:
    """The contract of application «З-000123» is «Д-000123»."""
    return "Д-" + number.split("-", 1)[-1]


def new_application_number(conn: Connection) -> str:
    return application_number(db.next_number(conn, "application_number"))


def new_certificate_number(conn: Connection) -> str:
    """A free 10-digit number of this region and municipality (text: leading zeros matter)."""
    c = db.certificates.c
    while True:
        n = db.next_number(conn, "certificate_number") % 1_000_000
        number = f"{REGION_CODE}{MUNICIPALITY_CODE}{n:06d}"
        if conn.execute(select(c.id).where(c.number == number)).first() is None:
            return number


def history_add(history_json: str | None, at: datetime, status: str, note: str) -> str:
    items = json.loads(history_json or "[]")
    items.append({"at": service.iso_dt(at), "status": status, "note": note})
    return json.dumps(items, ensure_ascii=False)


def ru_date(day: date) -> str:
    return day.strftime("%d.%m.%Y")


def name_key(last: str, first: str, middle: str) -> tuple[str, str, str]:
    """ФИО compared case-insensitively, with ё = е and spaces normalised."""

    def norm(text: str) -> str:
        return normalize_person_name(text).lower().replace("ё", "е")

    return norm(last), norm(first), norm(middle)


# --- visibility (domain.privacy, rule 1) -------------------------------------------------------


def _linking_requests() -> Any:
    r = db.child_requests.c
    return r.outcome.in_(sorted(privacy.LINKING_REQUEST_OUTCOMES))


def providers_seeing_child(conn: Connection, child_id: int) -> set[int]:
    """Providers linked to a child (domain.privacy, rule 1): a membership in their groups, an
    application to them (any status), or a new-child request from one of their PCs that created
    the child. A request that merely matched the child by ФИО + date of birth is no link."""
    m, g = db.memberships.c, db.groups.c
    via_groups = (
        select(g.provider_id)
        .select_from(db.memberships.join(db.groups, m.group_id == g.id))
        .where(m.child_id == child_id)
    )
    via_apps = select(a_.provider_id).where(a_.child_id == child_id)
    r = db.child_requests.c
    via_requests = select(r.provider_id).where(r.child_id == child_id, _linking_requests())
    return {int(row[0]) for row in conn.execute(via_groups.union(via_apps, via_requests))}


def linked_children(conn: Connection, provider_id: int, child_ids: Iterable[int]) -> set[int]:
    """Those of ``child_ids`` the provider is linked to (rule 1), in three queries."""
    ids = sorted(set(child_ids))
    if not ids:
        return set()
    m, g, r = db.memberships.c, db.groups.c, db.child_requests.c
    members: set[int] = set()
    applied: set[int] = set()
    created: set[int] = set()
    for chunk in service._chunks(ids, 500):
        members.update(conn.execute(
            select(m.child_id).select_from(db.memberships.join(db.groups, m.group_id == g.id))
            .where(g.provider_id == provider_id, m.child_id.in_(chunk))
        ).scalars())
        applied.update(conn.execute(
            select(a_.child_id).where(a_.provider_id == provider_id, a_.child_id.in_(chunk))
        ).scalars())
        created.update(conn.execute(
            select(r.child_id).where(r.provider_id == provider_id, r.child_id.in_(chunk), _linking_requests())
        ).scalars())
    return {
        i for i in ids
        if privacy.is_linked(created_record=i in created, has_application=i in applied,
                             has_membership=i in members)
    }


def child_visible_to(conn: Connection, child_id: int, provider_id: int) -> bool:
    return child_id in linked_children(conn, provider_id, [child_id])


def child_changes(conn: Connection, child_id: int, provider_ids: Iterable[int]) -> list[db.Change]:
    """The child's card, guardians and certificates for providers (when they gain visibility)."""
    pids = sorted(set(provider_ids))
    if not pids:
        return []
    guardian_ids = (
        conn.execute(select(db.guardians.c.id).where(db.guardians.c.child_id == child_id)).scalars().all()
    )
    cert_ids = (
        conn.execute(select(db.certificates.c.id).where(db.certificates.c.child_id == child_id))
        .scalars()
        .all()
    )
    out: list[db.Change] = []
    for pid in pids:
        out.append(db.Change("master", "child", str(child_id), pid))
        out += [db.Change("master", "guardian", str(i), pid) for i in guardian_ids]
        out += [db.Change("master", "certificate", str(i), pid) for i in cert_ids]
    return out


def certificate_changes(conn: Connection, certificate_id: int, child_id: int) -> list[db.Change]:
    """A certificate whose reserve or balance changed, for every provider that sees the child."""
    return [
        db.Change("master", "certificate", str(certificate_id), pid)
        for pid in sorted(providers_seeing_child(conn, child_id))
    ]


# --- reading rows -------------------------------------------------------------------------------


def load_child(conn: Connection, child_id: int) -> Any:
    return conn.execute(select(db.children).where(db.children.c.id == child_id)).first()


def load_application(conn: Connection, uid: str, *, lock: bool = False) -> Any:
    q = select(db.applications).where(a_.id == uid)
    if lock:
        q = q.with_for_update()
    return conn.execute(q).first()


def application_record(conn: Connection, uid: str) -> dict[str, Any] | None:
    row = load_application(conn, uid)
    return service.application_row(row) if row is not None else None


@dataclass(frozen=True)
class GroupInfo:
    id: int
    provider_id: int
    date_from: date
    date_to: date
    capacity: int
    registry: str
    age_from_months: int
    age_to_months: int
    price: str
    normative_price: str

    @property
    def certified(self) -> bool:
        return self.registry == rules.CERTIFIED_REGISTRY


def load_group(conn: Connection, group_id: int, *, lock: bool = False) -> GroupInfo | None:
    """The group with its programme's terms and module's prices; ``lock`` takes its row lock."""
    g, pr, mo = db.groups.c, db.programs.c, db.modules.c
    # The group's row is the lock for its places (PostgreSQL; SQLite serialises writers).
    if lock and conn.execute(select(g.id).where(g.id == group_id).with_for_update()).first() is None:
        return None
    row = conn.execute(
        select(
            g.id,
            g.provider_id,
            g.date_from,
            g.date_to,
            g.capacity,
            pr.registry,
            pr.age_from_months,
            pr.age_to_months,
            mo.price,
            mo.normative_price,
        )
        .select_from(
            db.groups.join(db.programs, pr.id == g.program_id).join(db.modules, mo.id == g.module_id)
        )
        .where(g.id == group_id)
    ).first()
    if row is None:
        return None
    return GroupInfo(
        row.id,
        row.provider_id,
        row.date_from,
        row.date_to,
        row.capacity,
        row.registry,
        row.age_from_months,
        row.age_to_months,
        row.price,
        row.normative_price,
    )


def choose_certificate(conn: Connection, child_id: int, *, lock: bool = False) -> Any:
    """The child's certificate: the ПФ one if there is one, else the newest."""
    c = db.certificates.c
    rows = conn.execute(select(db.certificates).where(c.child_id == child_id).order_by(c.id)).all()
    if not rows:
        return None
    best: Any = next((r for r in reversed(rows) if r.status == CERT_PF), rows[-1])
    if lock:
        best = conn.execute(select(db.certificates).where(c.id == best.id).with_for_update()).first()
    return best


def lock_certificate(conn: Connection, certificate_id: int) -> Any:
    c = db.certificates.c
    return conn.execute(select(db.certificates).where(c.id == certificate_id).with_for_update()).first()


def free_balance(cert: Any) -> Decimal:
    return max(ZERO, to_money(cert.balance) - to_money(cert.reserve))


def change_reserve(conn: Connection, certificate_id: int, delta: Decimal) -> list[db.Change]:
    """Add ``delta`` (negative: release) to a certificate's reserve; the changes to stamp."""
    if delta == 0:
        return []
    cert = lock_certificate(conn, certificate_id)
    reserve = max(ZERO, to_money(cert.reserve) + delta)
    conn.execute(
        update(db.certificates)
        .where(db.certificates.c.id == certificate_id)
        .values(reserve=money_text(reserve))
    )
    return certificate_changes(conn, certificate_id, cert.child_id)


# --- the decision -------------------------------------------------------------------------------


@dataclass
class Decision:
    refusals: list[rules.Refusal]
    cost: pricing.ContractCost | None = None
    certificate_id: int | None = None
    free: Decimal = ZERO

    @property
    def accepted(self) -> bool:
        return not self.refusals


def occupied_places(
    conn: Connection,
    group_id: int,
    on: date,
    *,
    except_app: str | None = None,
    except_membership: int | None = None,
) -> int:
    m = db.memberships.c
    members_q = (
        select(func.count())
        .select_from(db.memberships)
        .where(m.group_id == group_id, or_(m.date_to.is_(None), m.date_to >= on))
    )
    if except_membership is not None:
        members_q = members_q.where(m.id != except_membership)
    apps_q = (
        select(func.count())
        .select_from(db.applications)
        .where(a_.group_id == group_id, a_.status == apps.APP_CONFIRMED)
    )
    if except_app is not None:
        apps_q = apps_q.where(a_.id != except_app)
    return int(conn.execute(members_q).scalar_one()) + int(conn.execute(apps_q).scalar_one())


def existing_enrolments(
    conn: Connection, child_id: int, *, except_app: str | None = None
) -> tuple[rules.ExistingEnrolment, ...]:
    m = db.memberships.c
    out: list[rules.ExistingEnrolment] = []
    q = select(a_.group_id, a_.status).where(a_.child_id == child_id)
    if except_app is not None:
        q = q.where(a_.id != except_app)
    out += [rules.ExistingEnrolment(r.group_id, r.status) for r in conn.execute(q)]
    out += [
        rules.ExistingEnrolment(r.group_id, r.status)
        for r in conn.execute(select(m.group_id, m.status).where(m.child_id == child_id))
    ]
    return tuple(out)


def decide(
    conn: Connection,
    *,
    child: Any,
    group: GroupInfo,
    start_date: date,
    today: date,
    except_app: str | None = None,
    released: Decimal = ZERO,
    check_place: bool = True,
) -> Decision:
    """The rulebook's decision for a child in a group from ``start_date`` (docs/enrolment.md, «The
    decision on the portal»). The caller has locked the group row; this locks the certificate row
    (lock order: group → certificate). ``released`` is money the same command frees on this
    certificate first (a transfer's old contract)."""
    cert = choose_certificate(conn, child.id, lock=True)
    free = ZERO
    state: rules.CertificateState | None = None
    if cert is not None:
        free = free_balance(cert) + released
        state = rules.CertificateState(status=cert.status, balance=free, number=cert.number)
    occupied = occupied_places(conn, group.id, start_date, except_app=except_app)
    refusals = rules.check_application(
        rules.ProgramTerms(group.age_from_months, group.age_to_months, group.registry),
        rules.GroupTerms(group.date_from, group.date_to, group.capacity, occupied, group.id),
        rules.Application(
            child_birth_date=child.birth_date,
            start_date=start_date,
            certificate=state,
            existing=existing_enrolments(conn, child.id, except_app=except_app),
        ),
        today,
    )
    if not check_place:
        refusals = [r for r in refusals if r.code != rules.R_GROUP_FULL]
    decision = Decision(refusals=refusals, certificate_id=cert.id if cert is not None else None, free=free)
    if not refusals and group.certified:
        decision.cost = pricing.contract_cost_for_period(
            start_date,
            group.date_to,
            group.date_from,
            group.date_to,
            group.price,
            group.normative_price,
            free,
        )
    return decision


def refusal_fields(refusals: list[rules.Refusal]) -> dict[str, str]:
    out: dict[str, str] = {}
    for r in refusals:
        out[r.field] = f"{out[r.field]}; {r.message}" if r.field in out else r.message
    return out


def balance_changed(expected: Decimal, cost: pricing.ContractCost) -> str:
    return (
        f"Сертификат оплатит {format_rub(cost.certificate_part)} вместо {format_rub(expected)}: "
        f"доплата родителя составит {format_rub(cost.parent_part)} из {format_rub(cost.all)}"
    )


def parse_expected(text: str | None) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        value = to_money(text)
    except (ValueError, TypeError):
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "expected_certificate_part": f"«{text[:20]}» — не сумма в рублях (пример: 1234.50)"
            },
        ) from None
    if value < 0:
        raise CommandRefused(
            p.R_INVALID, field_errors={"expected_certificate_part": "сумма не может быть отрицательной"}
        )
    return value


def reserve(conn: Connection, decision: Decision) -> list[db.Change]:
    """Reserve the accepted decision's certificate part."""
    if decision.cost is None or decision.certificate_id is None:
        return []
    return change_reserve(conn, decision.certificate_id, decision.cost.certificate_part)


def contract_values(decision: Decision) -> dict[str, Any]:
    cost = decision.cost
    if cost is None:
        return {"price_total": None, "certificate_part": None, "parent_part": None, "certificate_id": None}
    return {
        "price_total": money_text(cost.all),
        "certificate_part": money_text(cost.certificate_part),
        "parent_part": money_text(cost.parent_part),
        "certificate_id": decision.certificate_id,
    }


def confirmed_note(decision: Decision) -> str:
    cost = decision.cost
    if cost is None:
        return "Заявка подтверждена порталом: место в группе зарезервировано"
    note = (
        f"Заявка подтверждена порталом: место зарезервировано, сертификат оплатит "
        f"{format_rub(cost.certificate_part)}"
    )
    if cost.parent_pays:
        note += f", доплата родителя {format_rub(cost.parent_part)}"
    return note


# --- shortening a contract ----------------------------------------------------------------------


@dataclass(frozen=True)
class Shortened:
    values: dict[str, Any]  # price_total / certificate_part / parent_part for the row
    released: Decimal


def shorten(app: Any, group: GroupInfo, period_from: date, period_to: date) -> Shortened:
    """The contract for the days ``period_from … period_to`` only, the reserved part as the ceiling;
    no days (``period_to < period_from``) cost nothing."""
    if app.certificate_part is None:
        return Shortened({}, ZERO)
    old = to_money(app.certificate_part)
    if pricing.contract_days(period_from, period_to, group.date_from, group.date_to) < 1:
        zero = money_text(ZERO)
        return Shortened({"price_total": zero, "certificate_part": zero, "parent_part": zero}, old)
    cost = pricing.contract_cost_for_period(
        period_from, period_to, group.date_from, group.date_to, group.price, group.normative_price, old
    )
    return Shortened(
        {
            "price_total": money_text(cost.all),
            "certificate_part": money_text(cost.certificate_part),
            "parent_part": money_text(cost.parent_part),
        },
        old - cost.certificate_part,
    )


def release_all(app: Any) -> Decimal:
    return to_money(app.certificate_part) if app.certificate_part is not None else ZERO


# --- commands -----------------------------------------------------------------------------------


def apply_command(conn: Connection, device: service.Device, op: p.Op, today: date) -> p.OpResult:
    """One ``child.*`` / ``application.*`` op; always a result, never an exception for a refusal."""
    ctx = Ctx(
        conn=conn, provider_id=device.provider_id, device_id=device.id, today=today, now=service.utcnow()
    )
    is_app = op.kind in p.APPLICATION_KINDS
    raw_uid = op.payload.get("uid")
    uid = raw_uid if isinstance(raw_uid, str) else None
    payload, errors = service.read_payload(p.COMMAND_PAYLOADS[op.kind], op.payload)
    if payload is None:
        refused = CommandRefused(p.R_INVALID, invalid_message(errors), errors)
        return _refusal_result(ctx, op, refused, uid if is_app else None)
    handler = HANDLERS[op.kind]
    if certificate_number_of(payload) or _snils_of(payload):
        lock_guesses(ctx)  # before the savepoint: the lock outlives a refusal's rollback
    savepoint = conn.begin_nested()
    try:
        result = handler(ctx, op.op_id, payload)
    except CommandRefused as refused:
        savepoint.rollback()
        if refused.guess:  # a wrong number counts although the command changed nothing
            record_guess(ctx)
        return _refusal_result(ctx, op, refused, uid if is_app else None)
    except BaseException:
        savepoint.rollback()
        raise
    savepoint.commit()
    log.info("op %s (%s) of device %s: %s %s", op.op_id, op.kind, device.id, result.status, result.code or "")
    return result


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


def _refusal_result(ctx: Ctx, op: p.Op, refused: CommandRefused, app_uid: str | None) -> p.OpResult:
    record = refused.record
    if record is None and refused.with_record and app_uid is not None:
        row = load_application(ctx.conn, app_uid)
        if row is not None and row.provider_id == ctx.provider_id:
            record = service.application_row(row)
    log.info("op %s (%s): rejected %s", op.op_id, op.kind, refused.code)
    return p.OpResult(
        op_id=op.op_id,
        status=service.REJECTED,
        code=refused.code,
        message=refused.message,
        field_errors=refused.field_errors,
        server_record=record,
    )


def _applied(op_id: str, record: dict[str, Any] | None, message: str | None = None) -> p.OpResult:
    return p.OpResult(op_id=op_id, status=service.APPLIED, message=message, server_record=record)


# --- child.create / child.resolve ---------------------------------------------------------------


def validate_child(pl: p.ChildCreatePayload, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}

    def put(key: str, message: str | None) -> None:
        if message:
            errors[key] = message

    put("last_name", person_name_error(pl.last_name, "Фамилия"))
    put("first_name", person_name_error(pl.first_name, "Имя"))
    if normalize_person_name(pl.middle_name):
        put("middle_name", person_name_error(pl.middle_name, "Отчество"))
    put("birth_date", birth_date_error(pl.birth_date, today))
    if pl.snils.strip():
        put("snils", snils_error(pl.snils))
    if pl.doc_kind and pl.doc_kind not in apps.DOCUMENT_KINDS_RU:
        kinds = ", ".join(f"«{v}»" for v in apps.DOCUMENT_KINDS_RU.values())
        put("doc_kind", f"неизвестный вид документа «{pl.doc_kind}»: выберите {kinds}")
    if pl.certificate_number:
        put("certificate_number", certificate_number_error(pl.certificate_number))
    if pl.guardian is not None:
        gd = pl.guardian
        put("guardian.last_name", person_name_error(gd.last_name, "Фамилия родителя"))
        put("guardian.first_name", person_name_error(gd.first_name, "Имя родителя"))
        if normalize_person_name(gd.middle_name):
            put("guardian.middle_name", person_name_error(gd.middle_name, "Отчество родителя"))
        if gd.relation not in apps.RELATIONS_RU:
            kinds = ", ".join(f"«{v}»" for v in apps.RELATIONS_RU.values())
            put("guardian.relation", f"неизвестная степень родства «{gd.relation}»: выберите {kinds}")
        if gd.phone.strip():
            put("guardian.phone", phone_error(gd.phone))
        if gd.email.strip():
            put("guardian.email", email_error(gd.email))
    return errors


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


# --- certificate numbers: guesses (domain.privacy, rule 4) ----------------------------------------


def certificate_number_of(pl: BaseModel) -> str:
    """The certificate number a command carries (normalised; "" for none)."""
    return privacy.normalize_certificate_number(getattr(pl, "certificate_number", None))


def _snils_of(pl: BaseModel) -> str:
    """The СНИЛС digits of a ``child.create`` ("" for none or another command): its namesake limit
    (privacy rule 2b) is counted under the same provider lock as certificate guesses."""
    if not isinstance(pl, p.ChildCreatePayload):
        return ""
    return snils_digits(pl.snils)


def checked_certificate_number(pl: BaseModel) -> str:
    """The number of the command; one that is not 10 digits is refused as invalid (a mistake of the
    form, not a guess)."""
    number = certificate_number_of(pl)
    if number and (error := certificate_number_error(number)):
        raise CommandRefused(p.R_INVALID, field_errors={"certificate_number": error})
    return number


def lock_guesses(ctx: Ctx) -> None:
    """Serialise a provider's commands that carry a certificate number or a new child's СНИЛС
    (PostgreSQL; SQLite serialises writers), so two portal processes never both let the last allowed
    guess (or namesake told apart, privacy rule 2b) through."""
    if ctx.conn.dialect.name == "postgresql":
        ctx.conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :provider)"),
                         {"ns": _GUESS_LOCK, "provider": ctx.provider_id})


def refuse_when_guessing(ctx: Ctx) -> None:
    """Beyond the limit of wrong numbers every command carrying a number is refused, unchecked."""
    gc = db.certificate_guesses.c
    since = ctx.now - privacy.GUESS_WINDOW
    times = [
        service.as_utc(t)
        for t in ctx.conn.execute(
            select(gc.at).where(gc.provider_id == ctx.provider_id, gc.at > since)
        ).scalars()
    ]
    retry_at = privacy.guess_block(times, ctx.now)
    if retry_at is None:
        return
    message = privacy.too_many_attempts_message(retry_at, ctx.now)
    raise CommandRefused(p.R_TOO_MANY_ATTEMPTS, message, {privacy.F_CERTIFICATE_NUMBER: message},
                         with_record=False)


def record_guess(ctx: Ctx) -> None:
    """Count a wrong certificate number of the provider (neither the number nor the child is kept)."""
    ctx.conn.execute(
        db.certificate_guesses.insert().values(
            provider_id=ctx.provider_id, device_id=ctx.device_id, at=ctx.now
        )
    )
    log.info("device %s: a wrong certificate number", ctx.device_id)


def refuse_when_telling_apart_too_often(ctx: Ctx, match: Match) -> None:
    """Rule 2b's limit: beyond it a request with a СНИЛС whose ФИО + date of birth match an
    unlinked child is refused — the same refusal whether that child's СНИЛС is the request's, another
    one or none, so a blocked provider learns nothing from it."""
    if not match.snils_namesakes:
        return
    sd = db.snils_distinctions.c
    times = [
        service.as_utc(t)
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
        number = new_certificate_number(conn)
        conn.execute(
            db.certificates.insert().values(
                child_id=child_id,
                number=number,
                status=CERT_ACCOUNTING,
                nominal="0.00",
                balance="0.00",
                reserve="0.00",
                unit="rub",
            )
        )
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
        return p.OpResult(op_id=op_id, status=service.CONFLICT, message=message, server_record=record)
    return _applied(op_id, record, message)


def _request_has_snils(request: Any) -> bool:
    try:
        snils = json.loads(request.payload or "{}").get("snils") or ""
    except (ValueError, AttributeError):
        return False
    return isinstance(snils, str) and bool(snils_digits(snils))


def _load_request(conn: Connection, device_id: str | None, uid: str) -> Any:
    r = db.child_requests.c
    return conn.execute(
        select(db.child_requests).where(r.device_id == (device_id or ""), r.uid == uid)
    ).first()


def child_create(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ChildCreatePayload)
    conn = ctx.conn
    known = _load_request(conn, ctx.device_id, pl.uid)
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
    return _match_result(ctx, op_id, _load_request(conn, ctx.device_id, pl.uid))


def child_resolve(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ChildResolvePayload)
    conn = ctx.conn
    request = _load_request(conn, ctx.device_id, pl.uid)
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
    return _match_result(ctx, op_id, _load_request(conn, ctx.device_id, pl.uid))


# --- application.create -------------------------------------------------------------------------


def _resolve_child(ctx: Ctx, pl: p.ApplicationCreatePayload, number: str) -> tuple[Any, bool]:
    """The child of an application and whether the provider is linked to it (domain.privacy). A
    new-child request the portal answered «registered» names no child: the certificate number
    ``number`` picks the one of its matched children whose certificate it is."""
    conn = ctx.conn
    c = db.children.c
    if pl.child_id is not None:
        child = conn.execute(select(db.children).where(c.id == pl.child_id)).first()
        if child is None or not child_visible_to(conn, child.id, ctx.provider_id):
            raise CommandRefused(
                p.R_UNKNOWN_CHILD,
                field_errors={
                    "child_id": f"ребёнка № {pl.child_id} нет среди детей вашей организации на портале"
                },
            )
        return child, True
    if pl.child_uid:
        request = _load_request(conn, ctx.device_id, pl.child_uid)
        if request is None or request.outcome == apps.MATCH_AMBIGUOUS:
            detail = (
                "портал не получал этот запрос «Новый ребёнок»"
                if request is None
                else "портал нашёл несколько похожих детей — выберите нужного"
            )
            raise CommandRefused(p.R_CHILD_UNRESOLVED, field_errors={"child_uid": detail})
        linked = request_linked(conn, request)
        if request.child_id is not None and request.child_id in linked:
            return conn.execute(select(db.children).where(c.id == request.child_id)).first(), True
        # «registered» (or an «existing» answer from before the privacy rule, no longer a link).
        matched = [*json.loads(request.matched or "[]")]
        if request.child_id is not None:
            matched.insert(0, request.child_id)
        return _registered_child(ctx, matched, number)
    raise CommandRefused(
        p.R_INVALID,
        field_errors={"child_id": "укажите ребёнка: его номер на портале или запрос «Новый ребёнок»"},
    )


def _registered_child(ctx: Ctx, matched: list[int], number: str) -> tuple[Any, bool]:
    conn = ctx.conn
    field_name = privacy.F_CERTIFICATE_NUMBER
    if not number:
        now_linked = linked_children(conn, ctx.provider_id, matched)
        if len(matched) == 1 and matched[0] in now_linked:  # an earlier application made the link
            return load_child(conn, matched[0]), True
        message = privacy.REQUIRED_FOR_REGISTERED_RU
        raise CommandRefused(p.R_CERTIFICATE_REQUIRED, message, {field_name: message}, with_record=False)
    for child_id in matched:
        cert = choose_certificate(conn, child_id)
        if cert is not None and cert.number == number:
            return load_child(conn, child_id), child_id in linked_children(conn, ctx.provider_id, [child_id])
    raise CommandRefused(p.R_CERTIFICATE_MISMATCH, privacy.MISMATCH_RU, {field_name: privacy.MISMATCH_RU},
                         with_record=False, guess=True)


def _check_certificate_number(ctx: Ctx, child: Any, group: GroupInfo, number: str, linked: bool) -> None:
    """Rule 3 of domain.privacy: the money of a certificate only with its number."""
    cert = choose_certificate(ctx.conn, child.id)
    refusal = privacy.certificate_number_refusal(
        number, cert.number if cert is not None else None, registry=group.registry, linked=linked
    )
    if refusal is not None:
        raise CommandRefused(refusal.code, refusal.message, {refusal.field: refusal.message},
                             with_record=False, guess=refusal.code == p.R_CERTIFICATE_MISMATCH)


def _group_of_provider(ctx: Ctx, group_id: int, *, field_name: str = "group_id") -> GroupInfo:
    group = load_group(ctx.conn, group_id, lock=True)
    if group is None:
        raise CommandRefused(
            p.R_UNKNOWN_GROUP, field_errors={field_name: f"группы № {group_id} нет на портале"}
        )
    if group.provider_id != ctx.provider_id:
        raise CommandRefused(p.R_FORBIDDEN, field_errors={field_name: "группа другой организации"})
    return group


def application_create(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationCreatePayload)
    conn = ctx.conn
    existing = load_application(conn, pl.uid)
    if existing is not None:
        raise CommandRefused(p.R_ALREADY_EXISTS, with_record=existing.provider_id == ctx.provider_id)
    expected = parse_expected(pl.expected_certificate_part)
    number = checked_certificate_number(pl)
    if number:
        refuse_when_guessing(ctx)
    child, linked = _resolve_child(ctx, pl, number)
    group = _group_of_provider(ctx, pl.group_id)
    _check_certificate_number(ctx, child, group, number, linked)
    decision = decide(conn, child=child, group=group, start_date=pl.start_date, today=ctx.today)
    changes: list[db.Change] = []
    number = new_application_number(conn)
    values: dict[str, Any] = {
        "id": pl.uid,
        "number": number,
        "child_id": child.id,
        "group_id": group.id,
        "provider_id": ctx.provider_id,
        "start_date": pl.start_date,
        "source": SOURCE_DEVICE,
        "created_at": min(service.as_utc(pl.created_at), ctx.now),  # never after it arrived
        "decided_at": ctx.now,
        "device_id": ctx.device_id,
    }
    result_code: str | None = None
    result_message = ""
    field_errors: dict[str, str] = {}
    if (
        decision.accepted
        and expected is not None
        and decision.cost is not None
        and decision.cost.certificate_part < expected
    ):
        result_code = p.R_BALANCE_CHANGED
        result_message = balance_changed(expected, decision.cost)
        field_errors = {"expected_certificate_part": result_message}
        values.update(contract_values(decision), certificate_id=None)
    elif not decision.accepted:
        first = decision.refusals[0]
        result_code, result_message = first.code, first.message
        field_errors = refusal_fields(decision.refusals)
    if result_code is not None:
        values.update(
            status=apps.APP_REJECTED,
            reason_code=result_code,
            reason_text=result_message,
            history=history_add(None, ctx.now, apps.APP_REJECTED, f"Отклонена порталом: {result_message}"),
        )
    else:
        values.update(
            contract_values(decision),
            status=apps.APP_CONFIRMED,
            contract_number=contract_number_for(number),
            history=history_add(None, ctx.now, apps.APP_CONFIRMED, confirmed_note(decision)),
        )
        changes += reserve(conn, decision)
    conn.execute(db.applications.insert().values(**values))
    changes.append(db.Change("master", "application", pl.uid, ctx.provider_id))
    changes += child_changes(conn, child.id, [ctx.provider_id])
    db.stamp(conn, changes)
    record = application_record(conn, pl.uid)
    if result_code is not None:
        return p.OpResult(
            op_id=op_id,
            status=service.REJECTED,
            code=result_code,
            message=result_message,
            field_errors=field_errors,
            server_record=record,
        )
    return _applied(op_id, record)


# --- commands on an existing application --------------------------------------------------------


def _own_application(ctx: Ctx, uid: str, action: str) -> Any:
    app = load_application(ctx.conn, uid, lock=True)
    if app is None:
        raise CommandRefused(
            p.R_UNKNOWN_APPLICATION, field_errors={"uid": "заявки с таким идентификатором нет"}
        )
    if app.provider_id != ctx.provider_id:
        raise CommandRefused(p.R_FORBIDDEN, "Заявка принадлежит другой организации.", with_record=False)
    if not apps.may(action, app.status):
        raise CommandRefused(p.R_WRONG_STATUS, apps.wrong_status_message(action, app.status))
    return app


def _save(ctx: Ctx, op_id: str, uid: str, values: dict[str, Any], changes: list[db.Change]) -> p.OpResult:
    if values:
        ctx.conn.execute(update(db.applications).where(a_.id == uid).values(**values))
    changes = [*changes, db.Change("master", "application", uid, ctx.provider_id)]
    db.stamp(ctx.conn, changes)
    return _applied(op_id, application_record(ctx.conn, uid))


def _not_after_today(ctx: Ctx, day: date, key: str, what: str) -> None:
    if day > ctx.today:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                key: f"{what} {ru_date(day)} позже сегодняшнего дня ({ru_date(ctx.today)}): проверьте дату"
            },
        )


MONTHS_RU = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)


def ru_month(month: date) -> str:
    """«декабрь 2025 г.»"""
    return f"{MONTHS_RU[month.month - 1]} {month.year} г."


def month_end(day: date) -> date:
    nxt = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def locked_month_in(conn: Connection, provider_id: int, first: date, last: date) -> date | None:
    """The latest month locked for billing (``pfdo-portal lock-month``) that has a day between
    ``first`` and ``last``; None when none has (or the period is empty)."""
    if last < first:
        return None
    lm = db.locked_months.c
    month: date | None = conn.execute(
        select(func.max(lm.month)).where(
            lm.provider_id == provider_id, lm.month >= first.replace(day=1), lm.month <= last
        )
    ).scalar()
    return month


def _refuse_in_locked_month(
    ctx: Ctx, first: date, last: date, change: str, key: str, detail: Callable[[date], str]
) -> None:
    """A command that changes who studies on the days ``first … last`` is refused
    (``month_locked``) when one of them is in a month already invoiced: the invoice stands.
    ``change`` names the change («отчисление 15.12.2025»); ``detail(month)`` is the field's advice."""
    month = locked_month_in(ctx.conn, ctx.provider_id, first, last)
    if month is None:
        return
    raise CommandRefused(
        p.R_MONTH_LOCKED,
        f"Месяц закрыт: за {ru_month(month)} уже выставлен счёт, а {change} затрагивает оплаченные "
        "в нём дни обучения.",
        {key: detail(month)},
    )


def application_confirm(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationConfirmPayload)
    conn = ctx.conn
    app = _own_application(ctx, pl.uid, apps.ACT_CONFIRM)
    expected = parse_expected(pl.expected_certificate_part)
    group = load_group(conn, app.group_id, lock=True)
    assert group is not None
    child = load_child(conn, app.child_id)
    decision = decide(
        conn, child=child, group=group, start_date=app.start_date, today=ctx.today, except_app=app.id
    )
    if not decision.accepted:
        first = decision.refusals[0]
        raise CommandRefused(first.code, first.message, refusal_fields(decision.refusals))
    if expected is not None and decision.cost is not None and decision.cost.certificate_part < expected:
        message = balance_changed(expected, decision.cost)
        raise CommandRefused(p.R_BALANCE_CHANGED, message, {"expected_certificate_part": message})
    changes = reserve(conn, decision)
    changes += child_changes(conn, child.id, [ctx.provider_id])
    return _save(
        ctx,
        op_id,
        app.id,
        {
            **contract_values(decision),
            "status": apps.APP_CONFIRMED,
            "decided_at": ctx.now,
            "contract_number": contract_number_for(app.number),
            "history": history_add(app.history, ctx.now, apps.APP_CONFIRMED, confirmed_note(decision)),
        },
        changes,
    )


def application_reject(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationRejectPayload)
    app = _own_application(ctx, pl.uid, apps.ACT_REJECT)
    if pl.reason not in apps.REJECT_REASONS_RU:
        choices = "; ".join(f"«{v}»" for v in apps.REJECT_REASONS_RU.values())
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "reason": f"неизвестная причина отказа «{pl.reason}»: выберите из списка — {choices}"
            },
        )
    comment = pl.comment.strip()
    if pl.reason == "other" and not comment:
        raise CommandRefused(
            p.R_INVALID, field_errors={"comment": "Для причины «Иная причина» напишите её в комментарии"}
        )
    reason_text = apps.REJECT_REASONS_RU[pl.reason] + (f". {comment}" if comment else "")
    return _save(
        ctx,
        op_id,
        app.id,
        {
            "status": apps.APP_REJECTED,
            "decided_at": ctx.now,
            "reason_code": pl.reason,
            "reason_text": reason_text,
            "history": history_add(
                app.history, ctx.now, apps.APP_REJECTED, f"Отклонена организацией: {reason_text}"
            ),
        },
        [],
    )


def application_withdraw(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationWithdrawPayload)
    app = _own_application(ctx, pl.uid, apps.ACT_WITHDRAW)
    changes: list[db.Change] = []
    if app.status == apps.APP_CONFIRMED and app.certificate_id is not None:
        changes += change_reserve(ctx.conn, app.certificate_id, -release_all(app))
    note = "Заявка отозвана" + (f": {pl.comment.strip()}" if pl.comment.strip() else "")
    return _save(
        ctx,
        op_id,
        app.id,
        {
            "status": apps.APP_WITHDRAWN,
            "history": history_add(app.history, ctx.now, apps.APP_WITHDRAWN, note),
        },
        changes,
    )


def application_enrol(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationEnrolPayload)
    conn = ctx.conn
    app = _own_application(ctx, pl.uid, apps.ACT_ENROL)
    group = load_group(conn, app.group_id)
    assert group is not None
    _not_after_today(ctx, pl.order_date, "order_date", "Дата приказа")
    if pl.date_from < app.start_date:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "date_from": (
                    f"Дата зачисления {ru_date(pl.date_from)} раньше даты начала обучения по заявке "
                    f"{ru_date(app.start_date)}: поставьте дату не раньше неё"
                )
            },
        )
    if pl.date_from > group.date_to:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "date_from": (
                    f"Дата зачисления {ru_date(pl.date_from)} позже окончания занятий группы "
                    f"{ru_date(group.date_to)}"
                )
            },
        )
    _refuse_in_locked_month(
        ctx,
        pl.date_from,
        group.date_to,
        f"зачисление с {ru_date(pl.date_from)}",
        "date_from",
        lambda month: (
            f"Дата зачисления {ru_date(pl.date_from)}: дни обучения с неё попадают в закрытый месяц "
            f"({ru_month(month)}) — поставьте дату не раньше {ru_date(month_end(month) + timedelta(days=1))}"
        ),
    )
    values: dict[str, Any] = {}
    changes: list[db.Change] = []
    if pl.date_from > app.start_date:  # a shorter contract: the days before are not paid
        short = shorten(app, group, pl.date_from, group.date_to)
        values.update(short.values)
        if short.released and app.certificate_id is not None:
            changes += change_reserve(conn, app.certificate_id, -short.released)
    membership_id = conn.execute(
        db.memberships.insert()
        .values(
            group_id=app.group_id,
            child_id=app.child_id,
            date_from=pl.date_from,
            date_to=None,
            status="active",
        )
        .returning(db.memberships.c.id)
    ).scalar_one()
    changes.append(db.Change("master", "membership", str(membership_id), ctx.provider_id))
    changes += child_changes(conn, app.child_id, [ctx.provider_id])
    note = f"Зачислен с {ru_date(pl.date_from)}, приказ № {pl.order_number} от {ru_date(pl.order_date)}"
    values.update(
        status=apps.APP_ACTIVE,
        order_number=pl.order_number,
        order_date=pl.order_date,
        membership_id=membership_id,
        history=history_add(app.history, ctx.now, apps.APP_ACTIVE, note),
    )
    return _save(ctx, op_id, app.id, values, changes)


def _membership(conn: Connection, app: Any) -> Any:
    m = db.memberships.c
    if app.membership_id is not None:
        row = conn.execute(select(db.memberships).where(m.id == app.membership_id)).first()
        if row is not None:
            return row
    # An application enrolled before the portal linked memberships: the child's live one in the group.
    return conn.execute(
        select(db.memberships)
        .where(m.group_id == app.group_id, m.child_id == app.child_id, m.date_to.is_(None))
        .order_by(m.id.desc())
    ).first()


def _studied_until(member: Any, group: GroupInfo) -> date:
    """The last day the child would study under the contract as it stands (the group's last day
    for an open membership)."""
    if member is not None and member.date_to is not None:
        return min(member.date_to, group.date_to)
    return group.date_to


def _close(ctx: Ctx, app: Any, group: GroupInfo, last_day: date) -> tuple[dict[str, Any], list[db.Change]]:
    """End an active (or confirmed) contract after ``last_day``: the shortened parts, the released
    reserve and the closed (or, with no day studied, deleted) membership."""
    conn = ctx.conn
    changes: list[db.Change] = []
    member = _membership(conn, app) if app.status == apps.APP_ACTIVE else None
    if member is not None:
        short = shorten(app, group, member.date_from, min(last_day, group.date_to))
        m = db.memberships.c
        if last_day < member.date_from:  # not a day studied: the membership goes
            conn.execute(
                update(db.applications).where(a_.membership_id == member.id).values(membership_id=None)
            )
            conn.execute(db.memberships.delete().where(m.id == member.id))
            changes.append(db.Change("master", "membership", str(member.id), ctx.provider_id, deleted=True))
        else:
            conn.execute(
                update(db.memberships)
                .where(m.id == member.id)
                .values(date_to=min(last_day, group.date_to, member.date_to or last_day), status="expelled")
            )
            changes.append(db.Change("master", "membership", str(member.id), ctx.provider_id))
    else:  # confirmed, never enrolled: nothing was studied
        short = shorten(app, group, app.start_date, app.start_date - timedelta(days=1))
    if short.released and app.certificate_id is not None:
        changes += change_reserve(conn, app.certificate_id, -short.released)
    return dict(short.values), changes


def application_expel(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationExpelPayload)
    conn = ctx.conn
    app = _own_application(ctx, pl.uid, apps.ACT_EXPEL)
    group = load_group(conn, app.group_id)
    assert group is not None
    if pl.reason not in apps.EXPEL_REASONS_RU:
        choices = "; ".join(f"«{v}»" for v in apps.EXPEL_REASONS_RU.values())
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "reason": f"неизвестная причина отчисления «{pl.reason}»: выберите из списка — {choices}"
            },
        )
    _not_after_today(ctx, pl.order_date, "order_date", "Дата приказа")
    member = _membership(conn, app)
    first_day = member.date_from if member is not None else app.start_date
    if pl.date_to < first_day:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "date_to": (
                    f"Дата отчисления {ru_date(pl.date_to)} раньше дня зачисления {ru_date(first_day)}"
                )
            },
        )
    if pl.date_to > group.date_to:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "date_to": (
                    f"Дата отчисления {ru_date(pl.date_to)} позже окончания занятий группы "
                    f"{ru_date(group.date_to)}"
                )
            },
        )
    _refuse_in_locked_month(
        ctx,
        pl.date_to + timedelta(days=1),
        _studied_until(member, group),
        f"отчисление {ru_date(pl.date_to)}",
        "date_to",
        lambda month: (
            f"Дата отчисления {ru_date(pl.date_to)}: дни после неё попадают в закрытый месяц "
            f"({ru_month(month)}) — поставьте дату не раньше {ru_date(month_end(month))}"
        ),
    )
    values, changes = _close(ctx, app, group, pl.date_to)
    note = (
        f"Отчислен {ru_date(pl.date_to)} ({apps.EXPEL_REASONS_RU[pl.reason].lower()}), приказ "
        f"№ {pl.order_number} от {ru_date(pl.order_date)}"
    )
    values.update(
        status=apps.APP_EXPELLED,
        end_date=pl.date_to,
        end_order_number=pl.order_number,
        end_order_date=pl.order_date,
        end_reason=pl.reason,
        history=history_add(app.history, ctx.now, apps.APP_EXPELLED, note),
    )
    return _save(ctx, op_id, app.id, values, changes)


def application_transfer(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationTransferPayload)
    conn = ctx.conn
    app = _own_application(ctx, pl.uid, apps.ACT_TRANSFER)
    if load_application(conn, pl.new_uid) is not None:
        raise CommandRefused(
            p.R_ALREADY_EXISTS, field_errors={"new_uid": "заявка с таким идентификатором уже есть на портале"}
        )
    _not_after_today(ctx, pl.order_date, "order_date", "Дата приказа")
    old_group = load_group(conn, app.group_id)
    assert old_group is not None
    member = _membership(conn, app)
    first_day = member.date_from if member is not None else app.start_date
    if not first_day < pl.date <= old_group.date_to:
        raise CommandRefused(
            p.R_INVALID,
            field_errors={
                "date": (
                    f"Дата перевода {ru_date(pl.date)} должна быть позже дня зачисления "
                    f"{ru_date(first_day)} и не позже окончания занятий группы {ru_date(old_group.date_to)}"
                )
            },
        )
    new_group = _group_of_provider(ctx, pl.to_group_id, field_name="to_group_id")
    _refuse_in_locked_month(
        ctx,
        pl.date,
        max(_studied_until(member, old_group), new_group.date_to),
        f"перевод с {ru_date(pl.date)}",
        "date",
        lambda month: (
            f"Дата перевода {ru_date(pl.date)}: дни с неё попадают в закрытый месяц ({ru_month(month)}) "
            f"— поставьте дату не раньше {ru_date(month_end(month) + timedelta(days=1))}"
        ),
    )
    last_day = pl.date - timedelta(days=1)
    short = shorten(app, old_group, first_day, last_day)
    released = short.released if app.certificate_id is not None else ZERO
    child = load_child(conn, app.child_id)
    decision = decide(
        conn,
        child=child,
        group=new_group,
        start_date=pl.date,
        today=ctx.today,
        released=released if app.certificate_id == _certificate_id_of(conn, child.id) else ZERO,
    )
    if not decision.accepted:  # nothing changes: the child stays in the old group
        first = decision.refusals[0]
        raise CommandRefused(first.code, first.message, refusal_fields(decision.refusals))
    # The old contract ends the day before; its membership closes.
    values, changes = _close(ctx, app, old_group, last_day)
    values.update(
        status=apps.APP_TRANSFERRED,
        end_date=last_day,
        end_order_number=pl.order_number,
        end_order_date=pl.order_date,
        end_reason=END_REASON_TRANSFER,
        transferred_to=pl.new_uid,
        history=history_add(
            app.history,
            ctx.now,
            apps.APP_TRANSFERRED,
            f"Переведён в другую группу с {ru_date(pl.date)}, приказ № {pl.order_number} "
            f"от {ru_date(pl.order_date)}",
        ),
    )
    conn.execute(update(db.applications).where(a_.id == app.id).values(**values))
    # The new application: confirmed and enrolled at once, with its own contract and reservation.
    changes += reserve(conn, decision)
    membership_id = conn.execute(
        db.memberships.insert()
        .values(group_id=new_group.id, child_id=child.id, date_from=pl.date, date_to=None, status="active")
        .returning(db.memberships.c.id)
    ).scalar_one()
    number = new_application_number(conn)
    history = history_add(None, ctx.now, apps.APP_CONFIRMED, confirmed_note(decision))
    history = history_add(
        history,
        ctx.now,
        apps.APP_ACTIVE,
        f"Зачислен переводом с {ru_date(pl.date)}, приказ № {pl.order_number} от {ru_date(pl.order_date)}",
    )
    conn.execute(
        db.applications.insert().values(
            id=pl.new_uid,
            number=number,
            child_id=child.id,
            group_id=new_group.id,
            provider_id=ctx.provider_id,
            start_date=pl.date,
            status=apps.APP_ACTIVE,
            source=SOURCE_DEVICE,
            created_at=ctx.now,
            decided_at=ctx.now,
            order_number=pl.order_number,
            order_date=pl.order_date,
            contract_number=contract_number_for(number),
            device_id=ctx.device_id,
            membership_id=membership_id,
            history=history,
            **contract_values(decision),
        )
    )
    changes += [
        db.Change("master", "membership", str(membership_id), ctx.provider_id),
        db.Change("master", "application", pl.new_uid, ctx.provider_id),
    ]
    return _save(ctx, op_id, app.id, {}, changes)


def _certificate_id_of(conn: Connection, child_id: int) -> int | None:
    cert = choose_certificate(conn, child_id)
    return cert.id if cert is not None else None


def application_terminate(ctx: Ctx, op_id: str, pl: BaseModel) -> p.OpResult:
    assert isinstance(pl, p.ApplicationTerminatePayload)
    conn = ctx.conn
    app = _own_application(ctx, pl.uid, apps.ACT_TERMINATE)
    _not_after_today(ctx, pl.request_date, "request_date", "Дата заявления")
    group = load_group(conn, app.group_id)
    assert group is not None
    effective = pricing.termination_effective_date(pl.request_date)
    last_day = effective - timedelta(days=1)
    member = _membership(conn, app) if app.status == apps.APP_ACTIVE else None
    if member is not None:  # a confirmed contract was never studied: nothing of it was invoiced
        _refuse_in_locked_month(
            ctx,
            max(effective, member.date_from),
            _studied_until(member, group),
            f"расторжение договора с {ru_date(effective)}",
            "request_date",
            lambda month: (
                f"По заявлению от {ru_date(pl.request_date)} договор расторгается с {ru_date(effective)}, "
                f"а за {ru_month(month)} уже выставлен счёт: обратитесь в уполномоченную организацию"
            ),
        )
    values, changes = _close(ctx, app, group, last_day)
    values.update(
        status=apps.APP_TERMINATED,
        end_date=last_day,
        end_reason=END_REASON_TERMINATION,
        history=history_add(
            app.history,
            ctx.now,
            apps.APP_TERMINATED,
            f"Договор расторгнут по заявлению родителя от {ru_date(pl.request_date)}; "
            f"последний день обучения — {ru_date(last_day)}",
        ),
    )
    return _save(ctx, op_id, app.id, values, changes)


Handler = Callable[[Ctx, str, BaseModel], p.OpResult]
HANDLERS: dict[str, Handler] = {
    p.OP_CHILD_CREATE: child_create,
    p.OP_CHILD_RESOLVE: child_resolve,
    p.OP_APP_CREATE: application_create,
    p.OP_APP_CONFIRM: application_confirm,
    p.OP_APP_REJECT: application_reject,
    p.OP_APP_WITHDRAW: application_withdraw,
    p.OP_APP_ENROL: application_enrol,
    p.OP_APP_EXPEL: application_expel,
    p.OP_APP_TRANSFER: application_transfer,
    p.OP_APP_TERMINATE: application_terminate,
}
assert set(HANDLERS) == set(p.CHILD_KINDS) | set(p.APPLICATION_KINDS)


# --- the portal's own steps (admin) -------------------------------------------------------------


def submit_online(
    conn: Connection, child_id: int, group_id: int, start_date: date, today: date, now: datetime, uid: str
) -> dict[str, Any]:
    """A parent's application on the portal: status «новая», checked by the rulebook except for the
    free place and the money (the provider's confirmation decides those)."""
    child = conn.execute(select(db.children).where(db.children.c.id == child_id)).first()
    if child is None:
        raise CommandRefused(p.R_UNKNOWN_CHILD)
    group = load_group(conn, group_id)
    if group is None:
        raise CommandRefused(p.R_UNKNOWN_GROUP)
    decision = decide(conn, child=child, group=group, start_date=start_date, today=today, check_place=False)
    if not decision.accepted:
        first = decision.refusals[0]
        raise CommandRefused(
            first.code, "; ".join(r.message for r in decision.refusals), refusal_fields(decision.refusals)
        )
    conn.execute(
        db.applications.insert().values(
            id=uid,
            number=new_application_number(conn),
            child_id=child_id,
            group_id=group_id,
            provider_id=group.provider_id,
            start_date=start_date,
            status=apps.APP_NEW,
            source=SOURCE_PORTAL,
            created_at=now,
            history=history_add(None, now, apps.APP_NEW, "Заявка подана родителем на портале"),
        )
    )
    changes = [db.Change("master", "application", uid, group.provider_id)]
    changes += child_changes(conn, child_id, [group.provider_id])
    db.stamp(conn, changes)
    record = application_record(conn, uid)
    assert record is not None
    return record


def expire(conn: Connection, today: date, days: int, now: datetime) -> list[str]:
    """Applications past the region's deadline → «истекла»: «новая» older than ``days`` days, and
    «подтверждена» not enrolled ``days`` days after the start date (its reserve is released)."""
    rows = conn.execute(
        select(a_.id, a_.status, a_.created_at, a_.start_date)
        .where(or_(a_.status == apps.APP_NEW, a_.status == apps.APP_CONFIRMED))
        .order_by(a_.id)
    ).all()
    # A first pass without locks (so live applications are not held); expire_candidates judges
    # each due one again under its row lock.
    due = [r.id for r in rows if _expiry_due(r, today, days)]
    return expire_candidates(conn, due, today, days, now)


def _expiry_due(app: Any, today: date, days: int) -> bool:
    new_before = today - timedelta(days=days)
    if app.status == apps.APP_NEW:
        return bool(service.as_utc(app.created_at).date() < new_before)
    if app.status == apps.APP_CONFIRMED:
        return bool(app.start_date < new_before)
    return False  # decided meanwhile: enrolled, rejected, withdrawn, already expired …


def expire_candidates(
    conn: Connection, uids: Iterable[str], today: date, days: int, now: datetime
) -> list[str]:
    """Expire those of ``uids`` that are due. The list was read without locks: each application
    is locked and judged again on its current row, so one enrolled, confirmed, withdrawn … in the
    meantime (another transaction committed between the read and the lock) is left alone."""
    expired: list[str] = []
    changes: list[db.Change] = []
    for uid in uids:
        app = load_application(conn, uid, lock=True)
        if app is None or not _expiry_due(app, today, days):
            continue
        if app.status == apps.APP_NEW:
            note = f"Истекла: организация не рассмотрела заявку за {days} дн."
        else:
            note = f"Истекла: ребёнок не зачислен в течение {days} дн. после даты начала обучения"
        if app.status == apps.APP_CONFIRMED and app.certificate_id is not None:
            changes += change_reserve(conn, app.certificate_id, -release_all(app))
        conn.execute(
            update(db.applications)
            .where(a_.id == app.id)
            .values(status=apps.APP_EXPIRED, history=history_add(app.history, now, apps.APP_EXPIRED, note))
        )
        changes.append(db.Change("master", "application", app.id, app.provider_id))
        expired.append(app.id)
    db.stamp(conn, changes)
    return expired
