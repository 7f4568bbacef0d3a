"""Programme cards and groups decided by the portal (issue 4): the ``program.submit`` and
``group.save`` commands a PC pushes, and the moderator's side (approve / return, a portal-side
edit) the admin functions reuse.

A card goes through moderation: ``program.submit`` validates it with the shared rulebook
(``domain.program_card.validate_card``), stores it as a ``program_revisions`` row «submitted» and
puts the programme in status «moderation». The published content stays as it is until the
moderator approves: then the submitted card is copied into ``programs`` / ``modules`` and the
revision goes up by one. A returned card keeps the published content and carries the comment.

Decisions where the issue is silent:

* **A new card** (``program_id`` None) gets its ``programs`` row at once (status «moderation»,
  revision 0, the card's fields), so the PC learns its id; its modules are created on approval.
  A second submission of a new card with the same draft uid from the same PC (a lost answer, sent
  again under a new op id) is taken as a submission of the programme made the first time.
* **A stale draft**: ``base_revision`` other than the programme's revision is refused with
  ``card_changed`` and the portal's programme row as server_record; the PC keeps its draft.
* **Modules** named by id in a card must be modules of that programme (``unknown_module``). On
  approval a module left out of the card is deleted when it has no groups, and kept otherwise.
* **group.save** may not move an existing group to another module (its children, contracts and
  journal belong to the module's programme).
* **A group's capacity** must stay within its module's limits (the rulebook) — the places already
  taken are not checked here.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Connection, func, select, update

from pfdo_desktop.domain import program_card as pc
from pfdo_desktop.sync import protocol as p

from . import db
from .common import Ctx, as_utc
from .records import PROGRAM_LIST_FIELDS, master_row
from .refusals import CommandRefused, invalid_message

log = logging.getLogger(__name__)

REV_SUBMITTED = "submitted"
REV_APPROVED = "approved"
REV_RETURNED = "returned"

pr_ = db.programs.c
mo_ = db.modules.c
gr_ = db.groups.c
sl_ = db.schedule_slots.c
rv_ = db.program_revisions.c


# --- settings -----------------------------------------------------------------------------------


def price_cap_ratio(conn: Connection) -> Decimal | None:
    """The region's price cap over the normative cost (1.2 = +20 %), None when not set."""
    raw = db.get_setting(conn, db.PRICE_CAP_KEY)
    if raw is None or not raw.strip():
        return None
    try:
        return Decimal(raw)
    except InvalidOperation:
        log.warning("portal setting %s is not a number: %r", db.PRICE_CAP_KEY, raw)
        return None


# --- the commands (ops.HANDLERS) ----------------------------------------------------------------


def program_submit(ctx: Ctx, op_id: str, pl: p.ProgramSubmitPayload) -> p.OpResult:
    """``program.submit``: a card (new, or a new revision) to the moderator."""
    return _submit(ctx, op_id, pl)


def group_save(ctx: Ctx, op_id: str, pl: p.GroupSavePayload) -> p.OpResult:
    """``group.save``: a group and its schedule, created or changed (validated, no moderation)."""
    return _group_save(ctx, op_id, pl)


def _new_id(result: Any) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _invalid(errors: dict[str, str]) -> CommandRefused:
    return CommandRefused(p.R_INVALID, invalid_message(errors), errors)


# --- cards --------------------------------------------------------------------------------------


def _money(text: str) -> Decimal | None:
    try:
        value = Decimal((text or "").strip().replace(",", "."))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def card_from_payload(card: p.CardPayload) -> tuple[pc.ProgramCard, dict[str, str]]:
    """The rulebook's card (years) from the wire card (months), and the errors of unreadable money."""
    errors: dict[str, str] = {}
    modules: list[pc.ModuleCard] = []
    for i, m in enumerate(card.modules):
        price = _money(m.price)
        normative = _money(m.normative_price)
        if price is None:
            errors[f"modules.{i}.price"] = "Цена — число рублей, например 4500.00"
        if normative is None:
            errors[f"modules.{i}.normative_price"] = "Нормативная стоимость — число рублей, например 4500.00"
        modules.append(pc.ModuleCard(
            name=m.name, hours=m.hours, min_children=m.min_children, max_children=m.max_children,
            price=price if price is not None else Decimal(0),
            normative_price=normative if normative is not None else Decimal(0), id=m.id,
        ))
    program = pc.ProgramCard(
        name=card.name, short_name=card.short_name, annotation=card.annotation,
        direction=card.direction, kind=card.kind, form=card.form, level=card.level,
        registry=card.registry,
        age_from_years=pc.months_to_years(card.age_from_months),
        age_to_years=pc.months_to_years(card.age_to_months),
        duration_weeks=card.duration_weeks, ovz=tuple(card.ovz),
        medical_certificate=card.medical_certificate, addresses=tuple(card.addresses),
        teachers=tuple(card.teachers), modules=tuple(modules),
    )
    return program, errors


def validate_card_payload(card: p.CardPayload, cap: Decimal | None) -> dict[str, str]:
    """Every error of a wire card keyed by the rulebook's paths (the first message per path)."""
    program, errors = card_from_payload(card)
    for err in pc.validate_card(program, cap):
        errors.setdefault(err.path, err.message)
    return errors


def program_values(card: p.CardPayload) -> dict[str, Any]:
    """The ``programs`` columns a card sets."""
    return {
        "name": card.name.strip(),
        "short_name": card.short_name.strip(),
        "annotation": card.annotation,
        "direction": card.direction,
        "registry": card.registry,
        "kind": card.kind,
        "form": card.form,
        "level": card.level,
        "age_from_months": card.age_from_months,
        "age_to_months": card.age_to_months,
        "duration_weeks": card.duration_weeks,
        "ovz": json.dumps(list(card.ovz), ensure_ascii=False),
        "medical_certificate": card.medical_certificate,
        "addresses": json.dumps(list(card.addresses), ensure_ascii=False),
        "teachers": json.dumps(list(card.teachers), ensure_ascii=False),
    }


def _module_values(m: p.ModulePayload) -> dict[str, Any]:
    price, normative = _money(m.price), _money(m.normative_price)
    return {
        "name": m.name.strip(),
        "hours": m.hours,
        "min_children": m.min_children,
        "max_children": m.max_children,
        "price": f"{(price or Decimal(0)).quantize(Decimal('0.01'))}",
        "normative_price": f"{(normative or Decimal(0)).quantize(Decimal('0.01'))}",
    }


def load_program(conn: Connection, program_id: int, *, lock: bool = False) -> Any:
    q = select(db.programs).where(pr_.id == program_id)
    if lock:
        q = q.with_for_update()
    return conn.execute(q).first()


def program_record(conn: Connection, program_id: int) -> dict[str, Any] | None:
    row = load_program(conn, program_id)
    return master_row("program", row) if row is not None else None


def _stamp_program(conn: Connection, program_id: int, provider_id: int) -> None:
    db.stamp(conn, [db.Change("master", "program", str(program_id), provider_id)])


def _submit(ctx: Ctx, op_id: str, pl: p.ProgramSubmitPayload) -> p.OpResult:
    conn = ctx.conn
    errors = validate_card_payload(pl.card, price_cap_ratio(conn))
    if errors:
        raise _invalid(errors)
    program_id = pl.program_id
    if program_id is None and ctx.device_id is not None:
        # The same new draft sent again under another op id: the programme made the first time.
        program_id = conn.execute(
            select(rv_.program_id)
            .where(rv_.device_id == ctx.device_id, rv_.uid == pl.uid, rv_.program_id.is_not(None))
            .order_by(rv_.id.desc()).limit(1)
        ).scalar()
    if program_id is None:
        if any(m.id is not None for m in pl.card.modules):
            raise CommandRefused(p.R_UNKNOWN_MODULE, field_errors={
                f"modules.{i}.id": "Новая программа не может ссылаться на модуль портала"
                for i, m in enumerate(pl.card.modules) if m.id is not None})
        program_id = _new_id(conn.execute(
            db.programs.insert().values(
                provider_id=ctx.provider_id, status=pc.ST_MODERATION, revision=0, moderation_comment="",
                **program_values(pl.card),
            )
        ))
        revision = 0
    else:
        row = load_program(conn, program_id, lock=True)
        if row is None:
            raise CommandRefused(p.R_UNKNOWN_PROGRAM)
        if row.provider_id != ctx.provider_id:
            raise CommandRefused(p.R_FORBIDDEN, "Программа принадлежит другой организации.",
                                 with_record=False)
        record = master_row("program", row)
        if row.status == pc.ST_MODERATION:
            raise CommandRefused(p.R_UNDER_MODERATION, record=record)
        if row.status not in pc.EDITABLE_STATUSES:
            raise CommandRefused(p.R_WRONG_STATUS, "Программа в архиве: её карточку отправить нельзя.",
                                 record=record)
        if pl.base_revision != row.revision:
            raise CommandRefused(
                p.R_CARD_CHANGED,
                f"{p.REJECTION_TEXT_RU[p.R_CARD_CHANGED]} Черновик начат с версии {pl.base_revision}, "
                f"на портале версия {row.revision}.",
                record=record,
            )
        own = set(conn.execute(select(mo_.id).where(mo_.program_id == program_id)).scalars())
        unknown = {f"modules.{i}.id": "Такого модуля нет в этой программе на портале"
                   for i, m in enumerate(pl.card.modules) if m.id is not None and m.id not in own}
        if unknown:
            raise CommandRefused(p.R_UNKNOWN_MODULE, field_errors=unknown, record=record)
        conn.execute(update(db.programs).where(pr_.id == program_id)
                     .values(status=pc.ST_MODERATION, moderation_comment=""))
        revision = row.revision
    conn.execute(db.program_revisions.insert().values(
        program_id=program_id, provider_id=ctx.provider_id, device_id=ctx.device_id, uid=pl.uid,
        base_revision=pl.base_revision, card=pl.card.model_dump_json(), status=REV_SUBMITTED,
        comment="", submitted_at=ctx.now,
    ))
    _stamp_program(conn, program_id, ctx.provider_id)
    return p.OpResult(
        op_id=op_id, status=p.APPLIED, message="Карточка отправлена на модерацию.",
        server_record={"program_id": program_id, "status": pc.ST_MODERATION, "revision": revision,
                       "uid": pl.uid},
    )


# --- groups -------------------------------------------------------------------------------------


def _module_card(row: Any) -> pc.ModuleCard:
    return pc.ModuleCard(
        name=row.name, hours=row.hours, min_children=row.min_children, max_children=row.max_children,
        price=_money(row.price) or Decimal(0), normative_price=_money(row.normative_price) or Decimal(0),
        id=row.id,
    )


def _group_card(g: p.GroupPayload) -> pc.GroupCard:
    return pc.GroupCard(
        name=g.name, date_from=g.date_from, date_to=g.date_to, capacity=g.capacity, teacher=g.teacher,
        slots=tuple(pc.SlotCard(s.weekday, s.time_from, s.time_to, s.room) for s in g.slots),
        explicit_dates=tuple(g.explicit_dates), id=g.id, uid=g.uid,
    )


def _group_save(ctx: Ctx, op_id: str, pl: p.GroupSavePayload) -> p.OpResult:
    conn = ctx.conn
    g = pl.group
    existing = None
    if g.id is not None:
        existing = conn.execute(select(db.groups).where(gr_.id == g.id).with_for_update()).first()
        if existing is None:
            raise CommandRefused(p.R_UNKNOWN_GROUP)
        if existing.provider_id != ctx.provider_id:
            raise CommandRefused(p.R_FORBIDDEN, with_record=False)
    module_id = g.module_id if g.module_id is not None else (existing.module_id if existing else None)
    if module_id is None:
        raise _invalid({"group.module_id": "Укажите модуль группы"})
    module = conn.execute(
        select(db.modules, pr_.provider_id.label("provider_id"))
        .select_from(db.modules.join(db.programs, pr_.id == mo_.program_id))
        .where(mo_.id == module_id)
    ).first()
    if module is None:
        raise CommandRefused(p.R_UNKNOWN_MODULE)
    if module.provider_id != ctx.provider_id:
        raise CommandRefused(p.R_FORBIDDEN, "Модуль принадлежит программе другой организации.",
                             with_record=False)
    if existing is not None and existing.module_id != module_id:
        raise _invalid({"group.module_id": "Группу нельзя перенести в другой модуль: создайте новую группу"})
    errors: dict[str, str] = {}
    for err in pc.validate_group(_group_card(g), _module_card(module), "group"):
        errors.setdefault(err.path, err.message)
    if errors:
        raise _invalid(errors)
    values = {
        "module_id": module_id,
        "program_id": module.program_id,
        "provider_id": ctx.provider_id,
        "name": g.name.strip(),
        "teacher": g.teacher.strip(),
        "date_from": g.date_from,
        "date_to": g.date_to,
        "capacity": g.capacity,
        "explicit_dates": json.dumps(sorted({d.isoformat() for d in g.explicit_dates})),
    }
    old_slots: list[int] = []
    if existing is None:
        group_id = _new_id(conn.execute(db.groups.insert().values(cancelled_dates="[]", **values)))
    else:
        group_id = existing.id
        conn.execute(update(db.groups).where(gr_.id == group_id).values(**values))
        old_slots = list(conn.execute(select(sl_.id).where(sl_.group_id == group_id)).scalars())
    changes = [db.Change("master", "group", str(group_id), ctx.provider_id)]
    # The new slots first: SQLite would hand a deleted top id out again, and its tombstone would
    # then be overwritten by the new slot's upsert.
    for s in g.slots:
        slot_id = _new_id(conn.execute(db.schedule_slots.insert().values(
            group_id=group_id, weekday=s.weekday, time_from=s.time_from, time_to=s.time_to,
            room=s.room.strip(),
        )))
        changes.append(db.Change("master", "schedule_slot", str(slot_id), ctx.provider_id))
    if old_slots:
        conn.execute(db.schedule_slots.delete().where(sl_.id.in_(old_slots)))
        changes += [db.Change("master", "schedule_slot", str(i), ctx.provider_id, deleted=True)
                    for i in old_slots]
    db.stamp(conn, changes)
    row = conn.execute(select(db.groups).where(gr_.id == group_id)).one()
    record = {**master_row("group", row), "uid": g.uid or pl.uid}
    return p.OpResult(op_id=op_id, status=p.APPLIED, server_record=record)


# --- moderation (the portal's side) -------------------------------------------------------------


class ModerationError(ValueError):
    """A refused moderation action, with a Russian message for the moderator."""


def pending_revision(conn: Connection, program_id: int) -> Any:
    return conn.execute(
        select(db.program_revisions)
        .where(rv_.program_id == program_id, rv_.status == REV_SUBMITTED)
        .order_by(rv_.id.desc()).limit(1)
    ).first()


def _program_for_moderation(conn: Connection, program_id: int) -> tuple[Any, Any]:
    row = load_program(conn, program_id, lock=True)
    if row is None:
        raise ModerationError(f"нет программы с номером {program_id}")
    revision = pending_revision(conn, program_id)
    if row.status != pc.ST_MODERATION or revision is None:
        raise ModerationError(
            f"программа {program_id} не на модерации (статус «{row.status}»): решать нечего")
    return row, revision


def approve(conn: Connection, program_id: int, now: datetime) -> dict[str, Any]:
    """Publish the submitted card: programme fields, modules (new ones get ids), revision + 1."""
    row, rev = _program_for_moderation(conn, program_id)
    card = p.CardPayload.model_validate_json(rev.card)
    provider_id = row.provider_id
    changes: list[db.Change] = []
    kept: set[int] = set()
    for m in card.modules:
        values = _module_values(m)
        exists = m.id is not None and conn.execute(
            select(mo_.id).where(mo_.id == m.id, mo_.program_id == program_id)).first() is not None
        if exists:
            assert m.id is not None
            conn.execute(update(db.modules).where(mo_.id == m.id).values(**values))
            module_id = m.id
        else:
            module_id = _new_id(conn.execute(db.modules.insert().values(program_id=program_id, **values)))
        kept.add(module_id)
        changes.append(db.Change("master", "module", str(module_id), provider_id))
    for old_id in conn.execute(select(mo_.id).where(mo_.program_id == program_id)).scalars().all():
        if old_id in kept:
            continue
        has_groups = conn.execute(select(func.count()).where(gr_.module_id == old_id)).scalar_one()
        if not has_groups:
            conn.execute(db.modules.delete().where(mo_.id == old_id))
            changes.append(db.Change("master", "module", str(old_id), provider_id, deleted=True))
    conn.execute(update(db.programs).where(pr_.id == program_id).values(
        status=pc.ST_PUBLISHED, revision=row.revision + 1, moderation_comment="", **program_values(card)))
    conn.execute(update(db.program_revisions).where(rv_.id == rev.id)
                 .values(status=REV_APPROVED, decided_at=now))
    # The programme first: a page carries it before its modules.
    db.stamp(conn, [db.Change("master", "program", str(program_id), provider_id), *changes])
    record = program_record(conn, program_id)
    assert record is not None
    return record


def return_card(conn: Connection, program_id: int, comment: str, now: datetime) -> dict[str, Any]:
    """Send the card back to the provider with the moderator's comment (the published content stays)."""
    comment = comment.strip()
    if not comment:
        raise ModerationError("напишите, что исправить: комментарий обязателен при возврате")
    _row, rev = _program_for_moderation(conn, program_id)
    conn.execute(update(db.programs).where(pr_.id == program_id)
                 .values(status=pc.ST_RETURNED, moderation_comment=comment))
    conn.execute(update(db.program_revisions).where(rv_.id == rev.id)
                 .values(status=REV_RETURNED, comment=comment, decided_at=now))
    _stamp_program(conn, program_id, rev.provider_id)
    record = program_record(conn, program_id)
    assert record is not None
    return record


EDITABLE_FIELDS = frozenset({
    "name", "short_name", "annotation", "direction", "registry", "kind", "form", "level",
    "age_from_months", "age_to_months", "duration_weeks", "medical_certificate",
    "ovz", "addresses", "teachers",
})


def edit_program(conn: Connection, program_id: int, **fields: Any) -> dict[str, Any]:
    """A portal-side edit of a card: the fields change, the revision goes up (PC drafts go stale)."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ModerationError(f"эти поля программы не правятся: {', '.join(sorted(unknown))}")
    row = load_program(conn, program_id, lock=True)
    if row is None:
        raise ModerationError(f"нет программы с номером {program_id}")
    values = dict(fields)
    for key in PROGRAM_LIST_FIELDS:
        if key in values:
            values[key] = json.dumps(list(values[key]), ensure_ascii=False)
    if "name" in values and not str(values["name"]).strip():
        raise ModerationError("название программы не может быть пустым")
    conn.execute(update(db.programs).where(pr_.id == program_id)
                 .values(revision=row.revision + 1, **values))
    _stamp_program(conn, program_id, row.provider_id)
    record = program_record(conn, program_id)
    assert record is not None
    return record


def waiting(conn: Connection) -> list[dict[str, Any]]:
    """Cards waiting for the moderator, oldest first."""
    q = (
        select(rv_.id, rv_.program_id, rv_.provider_id, rv_.base_revision, rv_.submitted_at, rv_.card,
               pr_.revision, db.providers.c.name.label("provider_name"))
        .select_from(db.program_revisions.join(db.programs, pr_.id == rv_.program_id)
                     .join(db.providers, db.providers.c.id == rv_.provider_id))
        .where(rv_.status == REV_SUBMITTED)
        .order_by(rv_.submitted_at, rv_.id)
    )
    out = []
    for r in conn.execute(q):
        card = json.loads(r.card)
        out.append({
            "revision_id": r.id,
            "program_id": r.program_id,
            "provider_id": r.provider_id,
            "provider_name": r.provider_name,
            "name": card.get("name", ""),
            "new": r.revision == 0,
            "base_revision": r.base_revision,
            "modules": len(card.get("modules", [])),
            "submitted_at": as_utc(r.submitted_at),
        })
    return out
