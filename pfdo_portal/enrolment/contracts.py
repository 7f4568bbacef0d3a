"""The commands on an existing application: confirm, reject, withdraw, enrol, expel, transfer,
terminate — and expiry (``pfdo-portal expire-applications``).

Decisions where docs/enrolment.md is silent:

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

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, func, or_, select, update

from pfdo_desktop.domain import applications as apps
from pfdo_desktop.domain import pricing
from pfdo_desktop.domain.money import to_money
from pfdo_desktop.sync import protocol as p

from .. import db
from ..common import Ctx, applied, as_utc
from ..refusals import CommandRefused
from .applications import (
    balance_changed,
    confirmed_note,
    contract_values,
    decide,
    group_of_provider,
    parse_expected,
    refusal_fields,
    reserve,
)
from .shared import (
    SOURCE_DEVICE,
    ZERO,
    GroupInfo,
    application_record,
    change_reserve,
    child_changes,
    choose_certificate,
    contract_number_for,
    history_add,
    load_application,
    load_child,
    load_group,
    money_text,
    new_application_number,
    ru_date,
)

END_REASON_TRANSFER = apps.END_REASON_TRANSFER
END_REASON_TERMINATION = apps.END_REASON_TERMINATION

a_ = db.applications.c


# --- an application of the provider; billed months ----------------------------------------------


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
    return applied(op_id, application_record(ctx.conn, uid))


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


# --- confirm, reject, withdraw, enrol -----------------------------------------------------------


def application_confirm(ctx: Ctx, op_id: str, pl: p.ApplicationConfirmPayload) -> p.OpResult:
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


def application_reject(ctx: Ctx, op_id: str, pl: p.ApplicationRejectPayload) -> p.OpResult:
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


def application_withdraw(ctx: Ctx, op_id: str, pl: p.ApplicationWithdrawPayload) -> p.OpResult:
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


def application_enrol(ctx: Ctx, op_id: str, pl: p.ApplicationEnrolPayload) -> p.OpResult:
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


# --- ending a contract: expel, transfer, terminate ----------------------------------------------


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


def application_expel(ctx: Ctx, op_id: str, pl: p.ApplicationExpelPayload) -> p.OpResult:
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


def application_transfer(ctx: Ctx, op_id: str, pl: p.ApplicationTransferPayload) -> p.OpResult:
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
    new_group = group_of_provider(ctx, pl.to_group_id, field_name="to_group_id")
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


def application_terminate(ctx: Ctx, op_id: str, pl: p.ApplicationTerminatePayload) -> p.OpResult:
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


# --- expiry (admin) -----------------------------------------------------------------------------


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
        return bool(as_utc(app.created_at).date() < new_before)
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
