"""The provider's programmes and groups, for the main window."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.schedule import WEEKDAYS_RU
from pfdo_desktop.models import Database, Membership, Module, Program, ScheduleSlot, StudyGroup

from .rows import GroupRow, ProgramRow


def list_programs(db: Database) -> list[ProgramRow]:
    with db.read() as s:
        rows = s.execute(
            select(Program.id, Program.name, Program.direction)
            .where(Program.archived.is_(False))
            .order_by(Program.name)
        ).all()
    return [ProgramRow(id=r.id, name=r.name, direction=r.direction) for r in rows]


def list_teachers(db: Database) -> list[str]:
    with db.read() as s:
        names = s.scalars(
            select(StudyGroup.teacher)
            .where(StudyGroup.archived.is_(False), StudyGroup.teacher != "")
            .distinct()
            .order_by(StudyGroup.teacher)
        ).all()
    return list(names)


def list_groups(
    db: Database, program_id: int | None = None, teacher: str | None = None
) -> list[GroupRow]:
    """Live groups, optionally of one programme and/or one teacher, ordered by programme and name."""
    active = func.count(Membership.id).label("children")
    query = (
        select(StudyGroup, Program.name, Program.direction, Module.name, active)
        .join(Program, Program.id == StudyGroup.program_id)
        .join(Module, Module.id == StudyGroup.module_id)
        .outerjoin(
            Membership,
            and_(
                Membership.group_id == StudyGroup.id,
                Membership.archived.is_(False),
                Membership.status == "active",
            ),
        )
        .where(StudyGroup.archived.is_(False))
        .group_by(StudyGroup.id)
        .order_by(Program.name, StudyGroup.name)
    )
    if program_id is not None:
        query = query.where(StudyGroup.program_id == program_id)
    if teacher:
        query = query.where(StudyGroup.teacher == teacher)
    with db.read() as s:
        rows = s.execute(query).all()
        slots = _schedules(s, [r[0].id for r in rows])
        return [
            GroupRow(
                id=g.id,
                name=g.name,
                program_id=g.program_id,
                program_name=program_name,
                direction=direction,
                module_name=module_name,
                teacher=g.teacher,
                date_from=g.date_from,
                date_to=g.date_to,
                capacity=g.capacity,
                children=children,
                schedule=_schedule_text(slots.get(g.id, ())),
                slots=slots.get(g.id, ()),
            )
            for g, program_name, direction, module_name, children in rows
        ]


def get_group(db: Database, group_id: int) -> GroupRow | None:
    return next((row for row in list_groups(db) if row.id == group_id), None)


def _schedule_text(slots: tuple[tuple[int, str, str], ...]) -> str:
    """«Пн 15:00–15:45, Ср 15:00–15:45»."""
    return ", ".join(f"{WEEKDAYS_RU[weekday - 1]} {t_from}–{t_to}" for weekday, t_from, t_to in slots)


def _schedules(s: Session, group_ids: list[int]) -> dict[int, tuple[tuple[int, str, str], ...]]:
    """Each group's weekly slots: (ISO weekday, from, to), in the week's order."""
    if not group_ids:
        return {}
    out: dict[int, list[tuple[int, str, str]]] = {}
    rows = s.execute(
        select(ScheduleSlot.group_id, ScheduleSlot.weekday, ScheduleSlot.time_from, ScheduleSlot.time_to)
        .where(ScheduleSlot.archived.is_(False), ScheduleSlot.group_id.in_(group_ids))
        .order_by(ScheduleSlot.group_id, ScheduleSlot.weekday, ScheduleSlot.time_from)
    ).all()
    for gid, weekday, t_from, t_to in rows:
        out.setdefault(gid, []).append((weekday, t_from, t_to))
    return {gid: tuple(parts) for gid, parts in out.items()}
