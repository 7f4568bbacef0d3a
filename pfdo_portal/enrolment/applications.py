"""``application.create``, the rulebook's decision on an application (docs/enrolment.md, «The
decision on the portal») with its reservation of a place and of the certificate's money, and a
parent's application on the portal (``submit_online``).

Decisions where docs/enrolment.md is silent:

* **Who may name a child.** ``application.create`` with a ``child_id`` is accepted only for a child
  the provider is linked to (``domain.privacy``: a membership, an application, or a child one of its
  PCs created); any other id is ``unknown_child``. A PC cannot reach the registry by guessing ids.
  A child it is not linked to is reached through a «registered» new-child request and the
  certificate number from the parent's application (privacy rule 3).
* **Occupied places** on the start date: memberships of the group not ended before that date (a
  membership starting later still takes its place) + applications «подтверждена».
* ``balance_changed`` on ``application.create`` stores the application as «отклонена» with the
  portal's figures (price and parts), so the PC shows the parent the new co-payment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, func, select

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import enrolment as rules
from pfdo_desktop.domain import pricing, privacy
from pfdo_desktop.domain.membership import places_taken
from pfdo_desktop.domain.money import format_rub, to_money
from pfdo_desktop.sync import protocol as p

from .. import db
from ..common import Ctx, applied, as_utc
from ..refusals import CommandRefused
from .children import load_request, request_linked
from .guesses import checked_certificate_number, refuse_when_guessing
from .shared import (
    SOURCE_DEVICE,
    SOURCE_PORTAL,
    ZERO,
    GroupInfo,
    application_record,
    change_reserve,
    child_changes,
    child_visible_to,
    choose_certificate,
    contract_number_for,
    free_balance,
    history_add,
    linked_children,
    load_application,
    load_child,
    load_group,
    money_text,
    new_application_number,
)

a_ = db.applications.c


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
    members_q = select(m.date_to).where(m.group_id == group_id)
    if except_membership is not None:
        members_q = members_q.where(m.id != except_membership)
    apps_q = (
        select(func.count())
        .select_from(db.applications)
        .where(a_.group_id == group_id, a_.status == apps.APP_CONFIRMED)
    )
    if except_app is not None:
        apps_q = apps_q.where(a_.id != except_app)
    # Who holds a place is the rule both sides count by (domain.membership.places_taken).
    return places_taken(conn.execute(members_q).scalars(), on, int(conn.execute(apps_q).scalar_one()))


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
        request = load_request(conn, ctx.device_id, pl.child_uid)
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


def group_of_provider(ctx: Ctx, group_id: int, *, field_name: str = "group_id") -> GroupInfo:
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
    group = group_of_provider(ctx, pl.group_id)
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
        "created_at": min(as_utc(pl.created_at), ctx.now),  # never after it arrived
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
            status=p.REJECTED,
            code=result_code,
            message=result_message,
            field_errors=field_errors,
            server_record=record,
        )
    return applied(op_id, record)


# --- the portal's own step (admin): a parent's application --------------------------------------


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
