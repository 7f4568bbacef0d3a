"""Lessons of a group, generated from its weekly schedule."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.domain.schedule import PlannedLesson, WeeklySlot, generate_lessons
from pfdo_desktop.models import AttendanceMark, Lesson, ScheduleSlot, StudyGroup


def regenerate_lessons(session: Session, group_ids: Iterable[int]) -> int:
    """Bring the lessons of the groups in line with their schedules, in the caller's transaction.

    New lesson dates are added; a date that left the schedule is removed only if nobody has a
    mark on it — a lesson with marks is kept (the marks are a financial record). Returns the number
    of lessons added.
    """
    ids = sorted(set(group_ids))
    if not ids:
        return 0
    groups = session.execute(
        select(StudyGroup.id, StudyGroup.date_from, StudyGroup.date_to, StudyGroup.cancelled_dates,
               StudyGroup.archived)
        .where(StudyGroup.id.in_(ids))
    ).all()
    slot_rows = session.execute(
        select(ScheduleSlot.group_id, ScheduleSlot.weekday, ScheduleSlot.time_from,
               ScheduleSlot.time_to, ScheduleSlot.room)
        .where(ScheduleSlot.group_id.in_(ids), ScheduleSlot.archived.is_(False))
    ).all()
    slots: dict[int, list[WeeklySlot]] = {}
    for gid, weekday, t_from, t_to, room in slot_rows:
        slots.setdefault(gid, []).append(
            WeeklySlot(weekday, time.fromisoformat(t_from), time.fromisoformat(t_to), room)
        )
    existing: dict[int, set[date]] = {}
    for gid, day in session.execute(
        select(Lesson.group_id, Lesson.lesson_date).where(Lesson.group_id.in_(ids))
    ):
        existing.setdefault(gid, set()).add(day)
    marked: dict[int, set[date]] = {}
    for gid, day in session.execute(
        select(AttendanceMark.group_id, AttendanceMark.lesson_date)
        .where(AttendanceMark.group_id.in_(ids))
        .distinct()
    ):
        marked.setdefault(gid, set()).add(day)

    to_add: list[tuple[str, int, str, str, str]] = []
    to_remove: list[tuple[int, date]] = []
    for gid, date_from, date_to, cancelled, archived in groups:
        planned: dict[date, PlannedLesson] = {}
        if not archived:
            cancelled_days = [date.fromisoformat(d) for d in (cancelled or [])]
            for lesson in generate_lessons(slots.get(gid, ()), date_from, date_to, cancelled_days):
                # A journal has one column a day: the first slot of the day gives its time.
                planned.setdefault(lesson.lesson_date, lesson)
        have = existing.get(gid, set())
        for day, lesson in planned.items():
            if day not in have:
                iso = day.isoformat()
                to_add.append((lesson_id(gid, iso), gid, iso, lesson.time_from.strftime("%H:%M"),
                               lesson.time_to.strftime("%H:%M")))
        keep = marked.get(gid, set())
        to_remove.extend((gid, day) for day in have - planned.keys() - keep)
    if to_add:  # a first sync adds a year of lessons for every group: raw executemany
        session.connection().exec_driver_sql(
            "INSERT INTO lesson (id, group_id, lesson_date, time_from, time_to, theme, cancelled) "
            "VALUES (?, ?, ?, ?, ?, '', 0) ON CONFLICT DO NOTHING", to_add)
    for gid, day in to_remove:
        session.execute(delete(Lesson).where(Lesson.group_id == gid, Lesson.lesson_date == day))
    return len(to_add)
