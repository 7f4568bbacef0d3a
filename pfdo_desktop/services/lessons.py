"""Lessons of a group, generated from its schedule (weekly slots, or explicit dates).

A schedule change regenerates **future** lessons and never touches a lesson that has marks:

* lessons before ``today`` happened: they are kept as they are, and the past is not filled from a
  new schedule (the portal keeps no history of schedules, so a past derived from today's schedule
  would be wrong) — except for a group that has no lessons yet (a new group, the first download)
  or when the caller asks for ``backfill`` (a full download), which get their whole schedule;
* from ``today`` on, lessons follow the schedule: missing dates are added, the times of planned
  ones follow their slot, and a date that left the schedule is removed — unless somebody has a mark
  on it: such a lesson is kept and flagged ``off_schedule`` (the marks are a financial record). A
  flagged lesson whose date comes back into the schedule loses the flag.

A group with explicit dates (``StudyGroup.explicit_dates``) has lessons on those dates only (inside
its dates, cancelled days skipped), without a time; weekly slots are ignored for it.

A lesson cancelled by the provider or moved (issue 12, ``services.lesson_states``) is never removed
by a schedule change: its state is a decision the portal holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.domain.lessons import HELD
from pfdo_desktop.domain.schedule import WeeklySlot, is_lesson_day
from pfdo_desktop.models import AttendanceMark, Lesson, ScheduleSlot, StudyGroup


def _planned(slots: list[WeeklySlot], explicit: list[str] | None, date_from: date, date_to: date,
             cancelled: list[str] | None) -> dict[date, tuple[str, str]]:
    """Lesson dates → (time from, time to) of a group's schedule."""
    skip = {date.fromisoformat(d) for d in (cancelled or [])}
    if explicit:
        days = {date.fromisoformat(str(d)) for d in explicit}
        return {d: ("", "") for d in sorted(days)
                if is_lesson_day(d, group_from=date_from, group_to=date_to, weekdays=(),
                                 explicit_dates=days, cancelled_dates=skip)}
    # A journal has one column a day: the first slot of the day gives its time (the slots in order
    # of their start, as ``domain.schedule.generate_lessons`` takes them), formatted once a weekday;
    # the dates of a weekday a week apart (a first sync plans a year for every group).
    times: dict[int, tuple[str, str]] = {}
    for slot in sorted(slots, key=lambda s: s.time_from):
        times.setdefault(slot.weekday, (slot.time_from.strftime("%H:%M"), slot.time_to.strftime("%H:%M")))
    planned: dict[date, tuple[str, str]] = {}
    week = timedelta(days=7)
    for weekday, when in times.items():
        day = date_from + timedelta(days=(weekday - date_from.isoweekday()) % 7)
        while day <= date_to:
            if day not in skip:
                planned[day] = when
            day += week
    return dict(sorted(planned.items()))


def regenerate_lessons(session: Session, group_ids: Iterable[int], *, today: date | None = None,
                       backfill: bool = False) -> int:
    """Bring the lessons of the groups in line with their schedules, in the caller's transaction
    (the rules are in the module docstring). Returns the number of lessons added."""
    ids = sorted(set(group_ids))
    if not ids:
        return 0
    today = today or date.today()
    groups = session.execute(
        select(StudyGroup.id, StudyGroup.date_from, StudyGroup.date_to, StudyGroup.cancelled_dates,
               StudyGroup.explicit_dates, StudyGroup.archived)
        .where(StudyGroup.id.in_(ids))
    ).all()
    slot_rows = session.execute(
        select(ScheduleSlot.group_id, ScheduleSlot.weekday, ScheduleSlot.time_from,
               ScheduleSlot.time_to, ScheduleSlot.room)
        .where(ScheduleSlot.group_id.in_(ids), ScheduleSlot.archived.is_(False))
    ).all()
    slots: dict[int, list[WeeklySlot]] = {}
    for gid, weekday, t_from, t_to, room in slot_rows:
        try:
            slot = WeeklySlot(weekday, time.fromisoformat(t_from), time.fromisoformat(t_to), room)
        except ValueError:
            continue  # a slot the rules refuse (the portal validates; never break a pull over it)
        slots.setdefault(gid, []).append(slot)
    existing: dict[int, dict[date, tuple[str, str, bool]]] = {}
    stated: dict[int, set[date]] = {}  # lessons cancelled or moved (issue 12): a decision, kept
    for gid, day, t_from, t_to, flagged, state in session.execute(
        select(Lesson.group_id, Lesson.lesson_date, Lesson.time_from, Lesson.time_to, Lesson.off_schedule,
               Lesson.state)
        .where(Lesson.group_id.in_(ids))
    ):
        existing.setdefault(gid, {})[day] = (t_from, t_to, bool(flagged))
        if state != HELD:
            stated.setdefault(gid, set()).add(day)
    marked: dict[int, set[date]] = {}
    for gid, day in session.execute(
        select(AttendanceMark.group_id, AttendanceMark.lesson_date)
        .where(AttendanceMark.group_id.in_(ids))
        .distinct()
    ):
        marked.setdefault(gid, set()).add(day)

    to_add: list[tuple[str, int, str, str, str]] = []
    to_remove: list[tuple[int, str]] = []
    retime: list[tuple[str, str, int, str]] = []
    flag: list[tuple[int, int, str]] = []
    for gid, date_from, date_to, cancelled, explicit, archived in groups:
        planned = {} if archived else _planned(slots.get(gid, []), explicit, date_from, date_to, cancelled)
        have = existing.get(gid, {})
        whole = backfill or not have
        keep = marked.get(gid, set())
        decided = stated.get(gid, set())
        for day, (t_from, t_to) in planned.items():
            iso = day.isoformat()
            if day not in have:
                if whole or day >= today:
                    to_add.append((lesson_id(gid, iso), gid, iso, t_from, t_to))
                continue
            old_from, old_to, flagged = have[day]
            if day < today:
                continue
            if (old_from, old_to) != (t_from, t_to) and day not in keep:
                retime.append((t_from, t_to, gid, iso))  # a marked lesson keeps the time it was held
            if flagged:
                flag.append((0, gid, iso))
        for day, (_f, _t, flagged) in have.items():
            if day < today or day in planned:
                continue
            if day in keep:
                if not flagged:
                    flag.append((1, gid, day.isoformat()))
            elif day not in decided:
                to_remove.append((gid, day.isoformat()))
    conn = session.connection()
    if to_add:  # a first sync adds a year of lessons for every group: raw executemany
        conn.exec_driver_sql(
            "INSERT INTO lesson (id, group_id, lesson_date, time_from, time_to, theme, cancelled, "
            "off_schedule) VALUES (?, ?, ?, ?, ?, '', 0, 0) ON CONFLICT DO NOTHING", to_add)
    if retime:
        conn.exec_driver_sql("UPDATE lesson SET time_from = ?, time_to = ? "
                             "WHERE group_id = ? AND lesson_date = ?", retime)
    if flag:
        conn.exec_driver_sql("UPDATE lesson SET off_schedule = ? WHERE group_id = ? AND lesson_date = ?",
                             flag)
    if to_remove:
        conn.exec_driver_sql("DELETE FROM lesson WHERE group_id = ? AND lesson_date = ?", to_remove)
    return len(to_add)
