"""Programme cards (issue 4): the catalogue, the editor's drafts, moderation, groups and schedules.

The portal owns published cards, modules, groups and schedules (master stream); this PC owns its
**drafts** (``program_draft``) until the portal publishes them. Decisions where the design is silent:

* **Keys.** "p:<id>" names a programme the portal knows, "d:<uid>" a local draft. A programme's
  draft wins over its published card when the card is opened; a new programme's draft is listed by
  its "d:" key until the portal has published it.
* **Groups are not part of a draft.** The moderated card is the programme and its modules
  (``CardPayload``); a group and its schedule go to the portal one by one (``save_group`` →
  ``group.save``, validated, no moderation). A draft therefore stores its card without groups and
  an opened card always shows the live groups of its modules — plus, in their saved form, the
  groups whose ``group.save`` is still in the outbox (``CardView.pending_groups``, shown as
  «ожидает отправки»). A new programme has no modules on the portal yet: its groups can be added
  once it is published.
* **Saving is always allowed** (a draft may hold errors) except while the card is under
  moderation: a submitted draft, or a programme the portal shows «на модерации».
* **Submitting** validates the whole card, its live groups included, with the region's price cap
  (``app_setting`` «price_cap_ratio», pulled by sync). A refusal (``CardInvalid``) carries every
  error with its field path; the UI focuses the first.
* **Moderation outcome** arrives with the pulled programme row (``reconcile_pulled``): published →
  the submitted draft is deleted (the published card is now the card); returned → the draft is
  editable again with the moderator's comment; a revision above a local unsent draft's
  ``base_revision`` → the draft is kept, flagged «conflict», with the portal's card beside it. The
  operator resolves it with ``resolve_conflict`` (keep the draft on top of the new revision, or
  take the portal's card).
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from pfdo_desktop.domain.catalog import DIRECTIONS
from pfdo_desktop.domain.identity import search_text
from pfdo_desktop.domain.ops import OP_GROUP_SAVE, OP_PROGRAM_SUBMIT, new_uid
from pfdo_desktop.domain.program_card import (
    FORMS_RU,
    KINDS_RU,
    LEVELS_RU,
    ST_ARCHIVED,
    ST_DRAFT,
    ST_MODERATION,
    ST_PUBLISHED,
    ST_RETURNED,
    FieldError,
    GroupCard,
    ModuleCard,
    ProgramCard,
    SlotCard,
    months_to_years,
    validate_card,
    validate_group,
    years_to_months,
)
from pfdo_desktop.domain.said import said
from pfdo_desktop.models import (
    DRAFT_CONFLICT,
    DRAFT_DRAFT,
    DRAFT_RETURNED,
    DRAFT_SUBMITTED,
    OUTBOX_PENDING,
    AppSetting,
    Database,
    Module,
    OutboxOp,
    Program,
    ProgramDraft,
    ScheduleSlot,
    StudyGroup,
    utcnow,
)
from pfdo_desktop.sync import protocol as p

from .errors import NotAllowed, NotFound, PayloadInvalid
from .lessons import regenerate_lessons
from .outbox import build_payload, enqueue_command, queued_payload, replace_payload
from .rows import CardView, Catalogue, ProgramListRow

log = logging.getLogger(__name__)

PROGRAM_PREFIX = "p:"
DRAFT_PREFIX = "d:"
NEW_KEY = ""  # save_draft(db, NEW_KEY, card): a new programme

TEACHER_SEP = ", "  # ProgramListRow.teachers
PRICE_CAP_SETTING = "price_cap_ratio"  # app_setting key: the region's cap (decimal text) or null

UNDER_MODERATION_RU = said("program.under_moderation",
                           "Карточка на модерации: изменить её можно после решения модератора")
ARCHIVED_RU = said("program.archived", "Программа в архиве: её карточку изменить нельзя")
CONFLICT_RU = said(
    "program.conflict", "Карточка изменилась на портале, пока вы её правили. Сверьте черновик с "
    "версией портала и выберите, что оставить, — затем отправляйте")
PENDING_SUBMIT_RU = said("program.pending_submit", "ожидает отправки: отправка на модерацию")
PENDING_GROUP_RU = said("program.pending_group", "ожидает отправки")
NEW_GROUP_NEEDS_MODULE_RU = said("program.group_needs_module",
                                 "Группы добавляются к модулю опубликованной программы: отправьте карточку "
                                 "на модерацию, а после публикации добавьте группы")


class CardInvalid(NotAllowed):
    """The card (or group) breaks the rules: every error with its field path, in form order."""

    def __init__(self, errors: list[FieldError]) -> None:
        first = errors[0].message if errors else ""
        if len(errors) > 1:
            message = said("program.fix_card_more", f"Исправьте карточку: {first} (и ещё {len(errors) - 1})",
                           first=first, more=len(errors) - 1)
        else:
            message = said("program.fix_card", f"Исправьте карточку: {first}", first=first)
        super().__init__(message)
        self.errors = errors


# --- keys -----------------------------------------------------------------------------------------


def program_key(program_id: int) -> str:
    return f"{PROGRAM_PREFIX}{program_id}"


def draft_key(uid: str) -> str:
    return f"{DRAFT_PREFIX}{uid}"


def group_key(group: GroupCard) -> str:
    """"g:<id>" for a group the portal knows, "u:<uid>" for a new one (``CardView.pending_groups``)."""
    return f"g:{group.id}" if group.id is not None else f"u:{group.uid}"


def program_entity_key(program_id: int | None, uid: str) -> str:
    """The outbox ``entity_key`` of a submit: a known programme's row is then not overwritten by a
    pull while the submit waits (the engine's rule)."""
    return f"program:{program_id}" if program_id is not None else f"program_draft:{uid}"


def group_entity_key(group_id: int | None, uid: str) -> str:
    return f"group:{group_id}" if group_id is not None else f"group_new:{uid}"


def _code(value: str | None, titles: Mapping[str, str]) -> str:
    """A dictionary code; a Russian title (as older portal data carries it, «очная») → its code."""
    text = value or ""
    if text in titles:
        return text
    return next((code for code, title in titles.items() if title == text.strip().casefold()), text)


def program_search_text(name: str, short_name: str = "", teachers: Iterable[str] = ()) -> str:
    """``Program.search_text``: name, short name and teachers as the catalogue search compares them."""
    return search_text(" ".join([name or "", short_name or "", *(t or "" for t in teachers)]))


# --- card ⇄ dict (the draft's JSON) and ⇄ wire ----------------------------------------------------


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _day(value: Any) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _money(value: Any) -> Decimal:
    try:
        return Decimal(str(value if value not in (None, "") else "0"))
    except InvalidOperation:
        return Decimal("0")


def group_to_dict(group: GroupCard) -> dict[str, Any]:
    return {
        "id": group.id, "uid": group.uid, "name": group.name, "date_from": _iso(group.date_from),
        "date_to": _iso(group.date_to), "capacity": group.capacity, "teacher": group.teacher,
        "slots": [{"weekday": sl.weekday, "time_from": sl.time_from, "time_to": sl.time_to, "room": sl.room}
                  for sl in group.slots],
        "explicit_dates": [d.isoformat() for d in group.explicit_dates],
    }


def group_from_dict(raw: Mapping[str, Any]) -> GroupCard:
    return GroupCard(
        name=str(raw.get("name") or ""),
        date_from=_day(raw.get("date_from")),
        date_to=_day(raw.get("date_to")),
        capacity=int(raw.get("capacity") or 0),
        teacher=str(raw.get("teacher") or ""),
        slots=tuple(SlotCard(int(sl.get("weekday") or 0), str(sl.get("time_from") or ""),
                             str(sl.get("time_to") or ""), str(sl.get("room") or ""))
                    for sl in raw.get("slots") or ()),
        explicit_dates=tuple(sorted(d for d in (_day(x) for x in raw.get("explicit_dates") or ())
                                    if d is not None)),
        id=raw.get("id"),
        uid=str(raw.get("uid") or ""),
    )


def card_to_dict(card: ProgramCard, *, with_groups: bool = True) -> dict[str, Any]:
    """The card as JSON (years, decimal text): what a draft stores (``with_groups=False``)."""
    return {
        "id": card.id, "name": card.name, "short_name": card.short_name, "annotation": card.annotation,
        "direction": card.direction, "kind": card.kind, "form": card.form, "level": card.level,
        "registry": card.registry, "age_from_years": card.age_from_years,
        "age_to_years": card.age_to_years, "duration_weeks": card.duration_weeks,
        "ovz": list(card.ovz), "medical_certificate": card.medical_certificate,
        "addresses": list(card.addresses), "teachers": list(card.teachers),
        "modules": [{
            "id": m.id, "name": m.name, "hours": m.hours, "min_children": m.min_children,
            "max_children": m.max_children, "price": str(m.price), "normative_price": str(m.normative_price),
            "groups": [group_to_dict(g) for g in m.groups] if with_groups else [],
        } for m in card.modules],
    }


def card_from_dict(raw: Mapping[str, Any]) -> ProgramCard:
    return ProgramCard(
        name=str(raw.get("name") or ""),
        short_name=str(raw.get("short_name") or ""),
        annotation=str(raw.get("annotation") or ""),
        direction=str(raw.get("direction") or ""),
        kind=str(raw.get("kind") or ""),
        form=str(raw.get("form") or ""),
        level=str(raw.get("level") or ""),
        registry=str(raw.get("registry") or ""),
        age_from_years=int(raw.get("age_from_years") or 0),
        age_to_years=int(raw.get("age_to_years") or 0),
        duration_weeks=int(raw.get("duration_weeks") or 0),
        ovz=tuple(str(x) for x in raw.get("ovz") or ()),
        medical_certificate=bool(raw.get("medical_certificate")),
        addresses=tuple(str(x) for x in raw.get("addresses") or ()),
        teachers=tuple(str(x) for x in raw.get("teachers") or ()),
        modules=tuple(ModuleCard(
            name=str(m.get("name") or ""),
            hours=int(m.get("hours") or 0),
            min_children=int(m.get("min_children") or 0),
            max_children=int(m.get("max_children") or 0),
            price=_money(m.get("price")),
            normative_price=_money(m.get("normative_price")),
            groups=tuple(group_from_dict(g) for g in m.get("groups") or ()),
            id=m.get("id"),
        ) for m in raw.get("modules") or ()),
        id=raw.get("id"),
    )


def card_fields(card: ProgramCard) -> dict[str, Any]:
    """The fields of ``sync.protocol.CardPayload``: ages in months on the wire, money as text."""
    return {
        "name": card.name.strip(), "short_name": card.short_name.strip(), "annotation": card.annotation,
        "direction": card.direction, "kind": card.kind, "form": card.form, "level": card.level,
        "registry": card.registry,
        "age_from_months": years_to_months(card.age_from_years),
        "age_to_months": years_to_months(card.age_to_years, upper=True),
        "duration_weeks": card.duration_weeks, "ovz": list(card.ovz),
        "medical_certificate": card.medical_certificate,
        "addresses": [a.strip() for a in card.addresses if a.strip()],
        "teachers": [t.strip() for t in card.teachers if t.strip()],
        "modules": [{
            "id": m.id, "name": m.name.strip(), "hours": m.hours, "min_children": m.min_children,
            "max_children": m.max_children, "price": str(m.price.quantize(Decimal("0.01"))),
            "normative_price": str(m.normative_price.quantize(Decimal("0.01"))),
        } for m in card.modules],
    }


def group_fields(group: GroupCard, module_id: int) -> dict[str, Any]:
    """The fields of ``sync.protocol.GroupPayload`` (times as «ЧЧ:ММ»: «9:00» goes as «09:00»)."""
    raw = group_to_dict(group)
    raw["module_id"] = module_id
    raw["name"] = group.name.strip()
    for slot in raw["slots"]:
        slot["time_from"], slot["time_to"] = _hhmm(slot["time_from"]), _hhmm(slot["time_to"])
    return raw


def group_from_payload(group: p.GroupPayload) -> GroupCard:
    """A group as ``group.save`` carries it (a save still in the outbox) → the editor's group."""
    return GroupCard(
        name=group.name, date_from=group.date_from, date_to=group.date_to, capacity=group.capacity,
        teacher=group.teacher,
        slots=tuple(SlotCard(sl.weekday, sl.time_from, sl.time_to, sl.room) for sl in group.slots),
        explicit_dates=tuple(sorted(group.explicit_dates)), id=group.id, uid=group.uid)


def _hhmm(text: str) -> str:
    parts = (text or "").strip().split(":")
    if len(parts) == 2 and all(part.isdigit() for part in parts):
        return f"{int(parts[0]):02d}:{int(parts[1]):02d}"
    return text


def new_card() -> ProgramCard:
    """An empty card with the usual choices made (one module, a school year)."""
    return ProgramCard(
        name="", short_name="", annotation="", direction="", kind="general", form="full_time",
        level="start", registry="general", age_from_years=7, age_to_years=17, duration_weeks=36,
        modules=(ModuleCard(name="1 год обучения", hours=72, min_children=5, max_children=15,
                            price=Decimal("0.00"), normative_price=Decimal("0.00")),),
    )


def price_cap(s: Session) -> Decimal | None:
    """The region's price cap over the normative cost (``validate_card``), None when not set."""
    setting = s.get(AppSetting, PRICE_CAP_SETTING)
    if setting is None or setting.value in (None, ""):
        return None
    try:
        return Decimal(str(setting.value))
    except InvalidOperation:
        return None


def store_price_cap(s: Session, ratio: Any) -> None:
    """Keep the cap the portal sent (decimal text, or None = no cap) — called by the sync engine."""
    value = None if ratio in (None, "") else str(ratio)
    setting = s.get(AppSetting, PRICE_CAP_SETTING)
    if setting is None:
        s.add(AppSetting(key=PRICE_CAP_SETTING, value=value))
    elif setting.value != value:
        setting.value = value


# --- the catalogue --------------------------------------------------------------------------------


def catalogue(db: Database, *, direction: str | None = None, age: int | None = None,
              registry: str | None = None, status: str | None = None, teacher: str | None = None,
              text: str = "") -> Catalogue:
    """The provider's programmes (and new programmes' drafts) matching the filters, by name.

    ``age`` (years): programmes whose range takes a child of that age; ``teacher``: named on the
    card or teaching one of its groups; ``text``: every word found in the name, short name or
    teachers (casefolded, «ё» = «е»). ``counts`` and ``total`` count every filter but the direction.
    """
    words = search_text(text).split()
    # Raw SQL: per keystroke over 2,000 programmes the ORM's row processing costs more than SQLite.
    # Teachers are joined by SQLite (decoding 2,000 JSON lists in Python is slower than the rest);
    # the counts are correlated subqueries on the program_id indexes.
    where = ["p.archived = ?"]
    params: list[Any] = [1 if status == ST_ARCHIVED else 0]
    if age is not None:
        where.append("p.age_from_months <= ? AND p.age_to_months >= ?")
        params += [years_to_months(age), years_to_months(age)]
    if registry:
        where.append("p.registry = ?")
        params.append(registry)
    if status and status != ST_ARCHIVED:
        where.append("p.status = ?")
        params.append(status)
    for word in words:
        where.append("instr(p.search_text, ?) > 0")
        params.append(word)
    if teacher:
        where.append("(EXISTS (SELECT 1 FROM json_each(p.teachers) WHERE value = ?) OR p.id IN "
                     "(SELECT program_id FROM study_group WHERE teacher = ? AND archived = 0))")
        params += [teacher, teacher]
    condition = " AND ".join(where)
    # Module and group counts come from one aggregate each (two index scans), not per row; the
    # teachers' JSON lists are joined in Python once per distinct list (they repeat a lot).
    rows_sql = (
        "SELECT p.id, p.name, p.short_name, p.direction, p.registry, p.age_from_months, p.age_to_months, "
        "p.status, p.teachers, p.moderation_comment "
        f"FROM program p WHERE {condition}" + (" AND p.direction = ?" if direction else ""))
    per_program = "SELECT program_id, count(*) FROM {} WHERE archived = 0 GROUP BY program_id"
    counts_sql = f"SELECT p.direction, count(*) FROM program p WHERE {condition} GROUP BY p.direction"
    with db.read() as s:
        # The DB-API cursor itself: SQLAlchemy's Row objects cost as much as SQLite's scan here.
        cursor = s.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            rows = cursor.execute(rows_sql, (*params, *([direction] if direction else []))).fetchall()
            n_modules: dict[int, int] = dict(cursor.execute(per_program.format("module")).fetchall())
            n_groups: dict[int, int] = dict(cursor.execute(per_program.format("study_group")).fetchall())
            # Without a direction filter the rows are the counts' population: count them in Python
            # instead of scanning again (half the work of a keystroke).
            counted = (cursor.execute(counts_sql, tuple(params)).fetchall() if direction
                       else list(Counter(r[3] for r in rows).items()))
        finally:
            cursor.close()
        drafts = list(s.scalars(select(ProgramDraft).order_by(ProgramDraft.updated_at)))
        local_ids = set(s.scalars(select(Program.id).where(
            Program.id.in_([d.program_id for d in drafts if d.program_id is not None])))) if drafts else set()
    latest = {d.program_id: d for d in drafts if d.program_id is not None}  # the newest wins
    out: list[ProgramListRow] = []
    joined: dict[str, str] = {}
    for pid, name, short, dirn, reg, age_from, age_to, st, teachers_json, mod_comment in rows:
        n_mod, n_grp = n_modules.get(pid, 0), n_groups.get(pid, 0)
        teachers = joined.get(teachers_json or "")
        if teachers is None:
            teachers = joined[teachers_json or ""] = _joined_teachers(teachers_json)
        draft = latest.get(pid)
        comment = draft.comment if draft is not None else (mod_comment if st == ST_RETURNED else "")
        out.append(ProgramListRow(
            key=program_key(pid), program_id=pid, name=name, short_name=short or "", direction=dirn,
            registry=reg, age_from_years=age_from // 12, age_to_years=age_to // 12,
            status=st, teachers=teachers or "", modules=n_mod, groups=n_grp,
            draft_state=draft.state if draft is not None else "", comment=comment or ""))
    counts = dict.fromkeys(DIRECTIONS, 0)
    for dirn, n in counted:
        counts[dirn] = counts.get(dirn, 0) + n
    # Drafts of programmes this PC does not have yet (new ones): filtered here, they are few.
    for draft in drafts:
        if draft.program_id is not None and draft.program_id in local_ids:
            continue
        row = _draft_row(draft)
        if not _row_matches(row, age=age, registry=registry, status=status, teacher=teacher, words=words):
            continue
        if row.direction in counts:
            counts[row.direction] += 1
        if not direction or row.direction == direction:
            out.append(row)
    total = sum(counts.values())
    out.sort(key=lambda r: (r.name.casefold().replace("ё", "е"), r.key))  # «Ё» with «Е», not after «Я»
    return Catalogue(rows=tuple(out), counts=counts, total=total)


def _joined_teachers(raw: str | None) -> str:
    try:
        names = json.loads(raw or "[]")
    except ValueError:
        return ""
    return TEACHER_SEP.join(str(n) for n in names) if isinstance(names, list) else ""


def _draft_status(state: str) -> str:
    return {DRAFT_SUBMITTED: ST_MODERATION, DRAFT_RETURNED: ST_RETURNED}.get(state, ST_DRAFT)


def _draft_row(draft: ProgramDraft) -> ProgramListRow:
    card = card_from_dict(draft.card or {})
    return ProgramListRow(
        key=draft_key(draft.uid), program_id=draft.program_id, name=card.name, short_name=card.short_name,
        direction=card.direction, registry=card.registry, age_from_years=card.age_from_years,
        age_to_years=card.age_to_years, status=_draft_status(draft.state),
        teachers=TEACHER_SEP.join(card.teachers), modules=len(card.modules), groups=0,
        draft_state=draft.state, comment=draft.comment or "")


def _row_matches(row: ProgramListRow, *, age: int | None, registry: str | None, status: str | None,
                 teacher: str | None, words: list[str]) -> bool:
    if age is not None and not row.age_from_years <= age <= row.age_to_years:
        return False
    if registry and row.registry != registry:
        return False
    if status and row.status != status:
        return False
    if teacher and teacher not in row.teachers.split(TEACHER_SEP):
        return False
    haystack = program_search_text(row.name, row.short_name, row.teachers.split(TEACHER_SEP))
    return all(word in haystack for word in words)


def catalogue_teachers(db: Database) -> list[str]:
    """Every teacher named on a card or teaching a group, for the catalogue's teacher filter."""
    with db.read() as s:
        names = set(s.scalars(select(StudyGroup.teacher).where(
            StudyGroup.archived.is_(False), StudyGroup.teacher != "").distinct()))
        for teachers in s.scalars(select(Program.teachers).where(Program.archived.is_(False))):
            names.update(t for t in (teachers or []) if t)
    return sorted(names, key=str.casefold)


# --- reading a card -------------------------------------------------------------------------------


def _parse(key: str) -> tuple[int | None, str | None]:
    if key.startswith(PROGRAM_PREFIX) and key[2:].isdigit():
        return int(key[2:]), None
    if key.startswith(DRAFT_PREFIX) and len(key) > 2:
        return None, key[2:]
    raise NotFound(said("not_found.program_key", f"Нет такой программы: {key}", key=key))


def _load(s: Session, key: str) -> tuple[Program | None, ProgramDraft | None]:
    """The programme and its draft named by ``key`` (either may be None, not both)."""
    program_id, uid = _parse(key)
    draft: ProgramDraft | None = None
    if uid is not None:
        draft = s.get(ProgramDraft, uid)
        if draft is None:
            raise NotFound(said(
                "not_found.draft", "Черновик не найден: возможно, программа уже опубликована"))
        program_id = draft.program_id
    program = s.get(Program, program_id) if program_id is not None else None
    if program is None and draft is None:
        raise NotFound(said("not_found.program", "Программа не найдена"))
    if draft is None and program is not None:
        draft = s.scalars(select(ProgramDraft).where(ProgramDraft.program_id == program.id)
                          .order_by(ProgramDraft.updated_at.desc()).limit(1)).first()
    return program, draft


def _groups_of(s: Session, module_ids: list[int]) -> dict[int, list[GroupCard]]:
    """Live groups by module, with their schedules, overlaid by the groups whose group.save waits."""
    if not module_ids:
        return {}
    groups = s.execute(
        select(StudyGroup.id, StudyGroup.module_id, StudyGroup.name, StudyGroup.date_from,
               StudyGroup.date_to, StudyGroup.capacity, StudyGroup.teacher, StudyGroup.explicit_dates)
        .where(StudyGroup.module_id.in_(module_ids), StudyGroup.archived.is_(False))
        .order_by(StudyGroup.name, StudyGroup.id)
    ).all()
    slots: dict[int, list[SlotCard]] = {}
    if groups:
        for gid, weekday, t_from, t_to, room in s.execute(
            select(ScheduleSlot.group_id, ScheduleSlot.weekday, ScheduleSlot.time_from,
                   ScheduleSlot.time_to, ScheduleSlot.room)
            .where(ScheduleSlot.group_id.in_([g[0] for g in groups]), ScheduleSlot.archived.is_(False))
            .order_by(ScheduleSlot.weekday, ScheduleSlot.time_from)
        ):
            slots.setdefault(gid, []).append(SlotCard(weekday, t_from, t_to, room or ""))
    out: dict[int, list[GroupCard]] = {}
    for gid, mid, name, d_from, d_to, cap, teacher, explicit in groups:
        out.setdefault(mid, []).append(GroupCard(
            name=name, date_from=d_from, date_to=d_to, capacity=cap, teacher=teacher or "",
            slots=tuple(slots.get(gid, ())),
            explicit_dates=tuple(sorted(date.fromisoformat(d) for d in explicit or [])), id=gid))
    for module_id, group in _waiting_groups(s, module_ids):
        listed = out.setdefault(module_id, [])
        for i, known in enumerate(listed):
            if group_key(known) == group_key(group):
                listed[i] = group
                break
        else:
            listed.append(group)
    return out


def _waiting_groups(s: Session, module_ids: list[int]) -> list[tuple[int, GroupCard]]:
    """Groups saved here and not yet answered by the portal, oldest save first."""
    wanted = set(module_ids)
    out: list[tuple[int, GroupCard]] = []
    for op in s.scalars(select(OutboxOp).where(OutboxOp.kind == OP_GROUP_SAVE).order_by(OutboxOp.id)):
        payload = queued_payload(op)
        if isinstance(payload, p.GroupSavePayload) and payload.group.module_id in wanted:
            out.append((payload.group.module_id, group_from_payload(payload.group)))
    return out


def _published_card(s: Session, program: Program) -> ProgramCard:
    """The portal's card as this PC holds it (modules without groups)."""
    modules = s.scalars(select(Module).where(Module.program_id == program.id, Module.archived.is_(False))
                        .order_by(Module.id)).all()
    return ProgramCard(
        name=program.name, short_name=program.short_name or "", annotation=program.annotation or "",
        direction=program.direction, kind=_code(program.kind, KINDS_RU), form=_code(program.form, FORMS_RU),
        level=_code(program.level, LEVELS_RU), registry=program.registry_code,
        age_from_years=months_to_years(program.age_from_months),
        age_to_years=months_to_years(program.age_to_months),
        duration_weeks=program.duration_weeks or 0, ovz=tuple(program.ovz or ()),
        medical_certificate=bool(program.medical_certificate), addresses=tuple(program.addresses or ()),
        teachers=tuple(program.teachers or ()),
        modules=tuple(ModuleCard(name=m.name, hours=m.hours, min_children=m.min_children,
                                 max_children=m.max_children, price=m.price,
                                 normative_price=m.normative_price, id=m.id) for m in modules),
        id=program.id,
    )


def _with_groups(s: Session, card: ProgramCard) -> ProgramCard:
    groups = _groups_of(s, [m.id for m in card.modules if m.id is not None])
    return replace(card, modules=tuple(
        replace(m, groups=tuple(groups.get(m.id, ())) if m.id is not None else ()) for m in card.modules))


def _lock_reason(program: Program | None, draft: ProgramDraft | None) -> str:
    if draft is not None and draft.state == DRAFT_SUBMITTED:
        return UNDER_MODERATION_RU
    if program is not None and program.archived:
        return ARCHIVED_RU
    if program is not None and program.status == ST_MODERATION:
        return UNDER_MODERATION_RU
    if program is not None and program.status == ST_ARCHIVED:
        return ARCHIVED_RU
    return ""


def open_card(db: Database, key: str) -> CardView:
    """The card for the editor: the local draft wins over the published card."""
    with db.read() as s:
        program, draft = _load(s, key)
        if draft is not None:
            card = card_from_dict(draft.card or {})
            if program is not None and card.id is None:
                card = replace(card, id=program.id)
        else:
            assert program is not None
            card = _published_card(s, program)
        card = _with_groups(s, card)
        conflict = None
        if draft is not None and draft.state == DRAFT_CONFLICT:
            # The local programme row mirrors the portal (a pull may have brought its modules after
            # the draft was flagged): it is the freshest portal card; the stored one is the fallback.
            if program is not None:
                conflict = _with_groups(s, _published_card(s, program))
            elif draft.conflict_card:
                conflict = _with_groups(s, card_from_dict(draft.conflict_card))
        why_not = _lock_reason(program, draft)
        pending = ""
        if draft is not None and s.scalar(select(OutboxOp.id).where(
                OutboxOp.kind == OP_PROGRAM_SUBMIT,
                OutboxOp.entity_key == program_entity_key(draft.program_id, draft.uid)).limit(1)):
            pending = PENDING_SUBMIT_RU
        waiting = tuple(group_key(g) for _, g in _waiting_groups(
            s, [m.id for m in card.modules if m.id is not None]))
        if program is not None:
            status = program.status if not program.archived else ST_ARCHIVED
            if draft is not None and draft.state == DRAFT_SUBMITTED:
                status = ST_MODERATION
        else:
            assert draft is not None
            status = _draft_status(draft.state)
        comment = ""
        if draft is not None:
            comment = draft.comment or ""  # a returned card's draft took the moderator's comment
        elif program is not None and program.status == ST_RETURNED:
            comment = program.moderation_comment or ""
        return CardView(
            key=program_key(program.id) if program is not None else draft_key(draft.uid) if draft else key,
            card=card, status=status,
            revision=draft.base_revision if draft is not None else (program.revision if program else 0),
            editable=not why_not, why_not=why_not, comment=comment, conflict_card=conflict,
            draft_uid=draft.uid if draft is not None else None, pending=pending, pending_groups=waiting)


# --- drafts and moderation ------------------------------------------------------------------------


def check_card(db: Database, card: ProgramCard) -> list[FieldError]:
    """The card's errors as «Отправить на модерацию» would find them (the region's cap included),
    for validation as the operator types."""
    with db.read() as s:
        cap = price_cap(s)
    return validate_card(card, cap)


def save_draft(db: Database, key: str, card: ProgramCard) -> str:
    """Keep the card as this PC's draft (errors allowed); returns the draft's key "d:<uid>".

    ``key``: "p:<id>" (a published/returned card: starts or updates its draft), "d:<uid>" (a
    draft), or ``NEW_KEY`` (a new programme). Refused while the card is under moderation. Groups of
    the card are not stored: they are saved with ``save_group``.
    """
    with db.write() as s:
        if key == NEW_KEY:
            program, draft = None, None
        else:
            program, draft = _load(s, key)
        why_not = _lock_reason(program, draft)
        if why_not:
            raise NotAllowed(why_not)
        stored = card_to_dict(replace(card, id=program.id if program is not None else None),
                              with_groups=False)
        if draft is None:
            draft = ProgramDraft(uid=new_uid(), program_id=program.id if program is not None else None,
                                 base_revision=program.revision if program is not None else 0,
                                 card=stored, state=DRAFT_DRAFT, comment="", conflict_card=None,
                                 updated_at=utcnow())
            if program is not None and program.status == ST_RETURNED:
                draft.state, draft.comment = DRAFT_RETURNED, program.moderation_comment or ""
            s.add(draft)
        else:
            draft.card = stored
            draft.updated_at = utcnow()
        return draft_key(draft.uid)


def discard_draft(db: Database, key: str) -> None:
    """Throw the local draft away (the published card stays). Refused once submitted."""
    with db.write() as s:
        program, draft = _load(s, key)
        if draft is None:
            return
        if draft.state == DRAFT_SUBMITTED:
            raise NotAllowed(UNDER_MODERATION_RU)
        s.delete(draft)


def resolve_conflict(db: Database, key: str, *, keep_draft: bool) -> str:
    """After «the card changed on the portal»: keep the draft on top of the portal's new revision
    (it may then be submitted), or take the portal's card (the draft is deleted). Returns the key
    to open next."""
    with db.write() as s:
        program, draft = _load(s, key)
        if draft is None or draft.state != DRAFT_CONFLICT:
            raise NotAllowed(said(
                "program.no_conflict", "Расхождения с порталом нет: черновик можно править и "
                "отправлять"))
        if not keep_draft:
            s.delete(draft)
            return program_key(program.id) if program is not None else key
        draft.base_revision = program.revision if program is not None else draft.base_revision
        draft.state = DRAFT_RETURNED if program is not None and program.status == ST_RETURNED else DRAFT_DRAFT
        draft.comment = program.moderation_comment or "" if draft.state == DRAFT_RETURNED and program else ""
        draft.conflict_card = None
        draft.updated_at = utcnow()
        return draft_key(draft.uid)


def _submit_errors(s: Session, card: ProgramCard, cap: Decimal | None) -> list[FieldError]:
    """What blocks «Отправить на модерацию»: the card's own errors (the programme and its modules,
    what the portal checks) and, where the draft changed a module's children limits, the live
    groups that no longer fit them. Other errors of live groups are the groups' own business (fixed
    with ``save_group``), not the card's: they do not block the card."""
    limits = {m.id: (m.min_children, m.max_children) for m in s.scalars(
        select(Module).where(Module.id.in_([m.id for m in card.modules if m.id is not None])))}
    changed = {f"modules.{i}.groups." for i, m in enumerate(card.modules)
               if m.id is not None and limits.get(m.id) != (m.min_children, m.max_children)}
    return [e for e in validate_card(card, cap)
            if ".groups." not in e.path
            or (e.path.endswith(".capacity") and any(e.path.startswith(c) for c in changed))]


def submit_card(db: Database, draft_key: str, today: date) -> None:
    """«Отправить на модерацию»: validate the whole card and queue ``program.submit``.

    ``draft_key`` may also be "p:<id>" (its draft). Raises ``CardInvalid`` with every error, or
    ``NotAllowed`` (under moderation, a conflict not resolved, no draft)."""
    del today  # the rules of a card do not depend on the date (group dates are checked by the portal)
    with db.write() as s:
        program, draft = _load(s, draft_key)
        if draft is None:
            raise NotAllowed(said("program.save_first", "Сначала сохраните черновик карточки"))
        why_not = _lock_reason(program, draft)
        if why_not:
            raise NotAllowed(why_not)
        if draft.state == DRAFT_CONFLICT:
            raise NotAllowed(CONFLICT_RU)
        card = _with_groups(s, card_from_dict(draft.card or {}))
        errors = _submit_errors(s, card, price_cap(s))
        if errors:
            raise CardInvalid(errors)
        try:
            payload = build_payload(p.ProgramSubmitPayload, uid=draft.uid, program_id=draft.program_id,
                                    base_revision=draft.base_revision, card=card_fields(card))
        except PayloadInvalid as exc:  # the rulebook's paths are the card's own («modules.0.name»)
            raise CardInvalid([FieldError(path.removeprefix("card."), why)
                               for path, why in exc.errors.items()]) from None
        enqueue_command(s, program_entity_key(draft.program_id, draft.uid), payload)
        draft.state, draft.comment, draft.updated_at = DRAFT_SUBMITTED, "", utcnow()


# --- groups ---------------------------------------------------------------------------------------


def save_group(db: Database, program_id: int, module_id: int, group: GroupCard) -> str:
    """Queue ``group.save`` for a new or changed group of a published module; returns its uid.

    Validated against the module (``CardInvalid``, paths «group.capacity», «group.slots.1», …). Until
    the portal answers, the card shows the group as saved, flagged «ожидает отправки». A save not yet
    sent replaces the waiting one of the same group."""
    with db.write() as s:
        program = s.get(Program, program_id)
        module = s.get(Module, module_id)
        if program is None or module is None or module.program_id != program_id:
            raise NotAllowed(NEW_GROUP_NEEDS_MODULE_RU)
        if program.archived or program.status == ST_ARCHIVED or module.archived:
            raise NotAllowed(ARCHIVED_RU)
        rules = ModuleCard(name=module.name, hours=module.hours, min_children=module.min_children,
                           max_children=module.max_children, price=module.price,
                           normative_price=module.normative_price, id=module.id)
        errors = validate_group(group, rules, "group")
        if errors:
            raise CardInvalid(errors)
        if group.id is not None:
            known = s.get(StudyGroup, group.id)
            if known is None or known.module_id != module_id:
                raise NotFound(said("not_found.module_group", "Группа не найдена в этом модуле"))
        uid = group.uid or new_uid()
        group = replace(group, uid=uid)
        try:
            payload = build_payload(p.GroupSavePayload, uid=uid, group=group_fields(group, module_id))
        except PayloadInvalid as exc:  # paths «group.name», as validate_group's
            raise CardInvalid([FieldError(path, why) for path, why in exc.errors.items()]) from None
        entity_key = group_entity_key(group.id, uid)
        waiting = s.scalars(select(OutboxOp).where(OutboxOp.entity_key == entity_key,
                                                   OutboxOp.kind == OP_GROUP_SAVE,
                                                   OutboxOp.state == OUTBOX_PENDING)).first()
        if waiting is not None:  # never sent: the newer form replaces it
            replace_payload(waiting, payload)
        else:
            enqueue_command(s, entity_key, payload)
        return uid


# --- answers and pulls (called by the sync engine, in its transaction) ----------------------------


def apply_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    """The portal's answer to program.submit / group.save (the engine records refusals as issues).
    A group's record that does not fit the protocol raises pydantic's ``ValidationError`` (a
    ``ValueError``): the engine drops it and says so."""
    if op.kind == OP_PROGRAM_SUBMIT:
        _submit_result(s, op, result)
    elif op.kind == OP_GROUP_SAVE and result.status in (p.APPLIED, p.DUPLICATE) and result.server_record:
        apply_group_record(s, p.GroupSaveRecord.model_validate(result.server_record))


def _submit_result(s: Session, op: OutboxOp, result: p.OpResult) -> None:
    sent = queued_payload(op)
    draft = s.get(ProgramDraft, sent.uid) if isinstance(sent, p.ProgramSubmitPayload) else None
    if draft is None:
        return
    if result.status in (p.APPLIED, p.DUPLICATE):
        taken = p.read_record(p.ProgramSubmitRecord, result.server_record)
        if draft.program_id is None and taken is not None:
            draft.program_id = taken.program_id
        draft.state, draft.comment, draft.conflict_card = DRAFT_SUBMITTED, "", None
        draft.updated_at = utcnow()
        return
    if result.code == p.R_CARD_CHANGED:
        theirs = _record_card(s, p.read_record(p.ProgramRecord, result.server_record), draft.program_id)
        draft.state = DRAFT_CONFLICT
        draft.conflict_card = card_to_dict(theirs, with_groups=False) if theirs is not None else None
        draft.comment = result.message or ""
    else:
        draft.state = DRAFT_DRAFT
        program = s.get(Program, draft.program_id) if draft.program_id is not None else None
        if program is not None and program.status == ST_RETURNED:
            draft.state = DRAFT_RETURNED
        draft.comment = result.message or "Портал не принял карточку"
    draft.updated_at = utcnow()


def _record_card(s: Session, record: p.ProgramRecord | None, program_id: int | None) -> ProgramCard | None:
    """The portal's current card from a card_changed answer (its «program» row), else the
    programme as this PC holds it."""
    if record is not None:
        return card_from_record(record)
    program = s.get(Program, program_id) if program_id is not None else None
    return _published_card(s, program) if program is not None else None


def card_from_record(record: p.ProgramRecord) -> ProgramCard:
    """A «program» row (months) → a card (years), without its modules."""
    return ProgramCard(
        name=record.name, short_name=record.short_name, annotation=record.annotation,
        direction=record.direction, kind=_code(record.kind, KINDS_RU), form=_code(record.form, FORMS_RU),
        level=_code(record.level, LEVELS_RU), registry=record.registry,
        age_from_years=months_to_years(record.age_from_months),
        age_to_years=months_to_years(record.age_to_months),
        duration_weeks=record.duration_weeks, ovz=tuple(record.ovz),
        medical_certificate=record.medical_certificate,
        addresses=tuple(record.addresses), teachers=tuple(record.teachers),
        modules=(), id=record.id,
    )


_GROUP_COLUMNS = ("id", "module_id", "program_id", "provider_id", "name", "teacher", "date_from", "date_to",
                  "capacity")


def apply_group_record(s: Session, record: p.GroupSaveRecord) -> int | None:
    """Store the portal's group from a group.save answer (a «group» row, with its «slots» when the
    portal sends them), replace its schedule and regenerate its lessons."""
    gid = record.id
    current = s.get(StudyGroup, gid)
    if current is not None and not {"teacher", "explicit_dates"} <= record.model_fields_set:
        # An older portal's short answer would blank the teacher and the dates: the pull brings them.
        log.warning("group.save answer for group %s is incomplete; the pull brings it", gid)
        return None
    values: dict[str, Any] = {k: getattr(record, k) for k in _GROUP_COLUMNS}
    values["explicit_dates"] = [d.isoformat() for d in record.explicit_dates]
    values["cancelled_dates"] = ([d.isoformat() for d in record.cancelled_dates] if record.cancelled_dates
                                 else list(current.cancelled_dates) if current is not None else [])
    values["archived"] = False
    stmt = sqlite_insert(StudyGroup).values(**values)
    s.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                         set_={k: stmt.excluded[k] for k in values if k != "id"}))
    if record.slots is not None:
        keep: list[int] = []
        for slot in record.slots:
            row: dict[str, Any] = {"id": slot.id, "group_id": gid, "weekday": slot.weekday,
                                   "time_from": slot.time_from, "time_to": slot.time_to, "room": slot.room,
                                   "archived": False}
            keep.append(slot.id)
            ins = sqlite_insert(ScheduleSlot).values(**row)
            s.execute(ins.on_conflict_do_update(index_elements=["id"],
                                                set_={k: ins.excluded[k] for k in row if k != "id"}))
        s.execute(update(ScheduleSlot).where(ScheduleSlot.group_id == gid, ScheduleSlot.id.not_in(keep))
                  .values(archived=True))
    # Without the new slots (the portal may leave them to the pull, which follows in the same run)
    # the lessons wait for them: regenerating from the old slots could drop a planned lesson's theme.
    if record.slots is not None or values["explicit_dates"] or current is None:
        regenerate_lessons(s, [gid])
    return gid


def reconcile_pulled(s: Session, program_ids: Iterable[int]) -> None:
    """After the master stream brought these programmes: moderation outcomes and conflicts of the
    local drafts (see the module docstring). A draft whose submit still waits is left alone."""
    ids = set(program_ids)
    if not ids:
        return
    waiting = set(s.scalars(select(OutboxOp.entity_key).where(OutboxOp.kind == OP_PROGRAM_SUBMIT)))
    for draft in s.scalars(select(ProgramDraft).where(ProgramDraft.program_id.in_(ids))).all():
        if program_entity_key(draft.program_id, draft.uid) in waiting:
            continue
        program = s.get(Program, draft.program_id)
        if program is None:
            continue
        if draft.state == DRAFT_SUBMITTED:
            if program.status == ST_PUBLISHED and program.revision > draft.base_revision:
                s.delete(draft)  # the published card (a new revision) is the card now
            elif program.status == ST_RETURNED:
                draft.state, draft.comment = DRAFT_RETURNED, program.moderation_comment or ""
                draft.base_revision = max(draft.base_revision, program.revision)
                draft.updated_at = utcnow()
            elif program.status == ST_ARCHIVED or program.archived:
                s.delete(draft)
            continue
        if program.revision > draft.base_revision:
            draft.state = DRAFT_CONFLICT
            draft.conflict_card = card_to_dict(_published_card(s, program), with_groups=False)
            draft.comment = ""
            draft.updated_at = utcnow()
        elif draft.state == DRAFT_DRAFT and program.status == ST_RETURNED:
            draft.state, draft.comment = DRAFT_RETURNED, program.moderation_comment or ""
