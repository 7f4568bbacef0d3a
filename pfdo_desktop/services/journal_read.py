"""The journal of a group read straight through the DB-API (issue 15: a 120 × 72 journal opened
within 3× its raw SELECTs, and the last-used journal shown before the ORM is loaded at start).

A journal is read-only tuples: the ORM's per-row objects, its compiled statements and its date
processing cost several times the SQL itself (the 8,600 cells of a 120 × 72 journal were 8,600
result rows turned into dates one by one). Here each part is one plain SQL statement on a
``sqlite3`` cursor: the ORM's own (``services.journal.load_journal``, inside its read transaction)
or a connection of the stdlib's own (``services.first_journal``, before SQLAlchemy is imported).
So this module imports neither SQLAlchemy nor the models: it speaks the tables as the models store
them (dates as ISO text, booleans as 0/1, JSON as text); the journal's tests (tests/services,
tests/ui) and tests/services/test_first_journal.py hold both readers to the same journal.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from pfdo_desktop.domain.lessons import MOVED
from pfdo_desktop.domain.membership import member_during
from pfdo_desktop.domain.schedule import WEEKDAYS_RU

from .rows import GroupRow, Journal, JournalChild, LessonColumn

# A live group as ``services.groups.list_groups`` shows it: its programme and module, the active
# members counted, the provider's billed months (the journal's locked cells) beside it.
_GROUP = """
    SELECT g.id, g.name, g.program_id, p.name, p.direction, m.name, g.teacher, g.date_from, g.date_to,
           g.capacity,
           (SELECT count(*) FROM membership ms
             WHERE ms.group_id = g.id AND ms.archived = 0 AND ms.status = 'active'),
           (SELECT pr.locked_months FROM provider pr WHERE pr.id = g.provider_id)
      FROM study_group g JOIN program p ON p.id = g.program_id JOIN module m ON m.id = g.module_id
     WHERE g.id = ? AND g.archived = 0"""
_SLOTS = """
    SELECT weekday, time_from, time_to FROM schedule_slot
     WHERE archived = 0 AND group_id = ? ORDER BY weekday, time_from"""
_LESSONS = """
    SELECT lesson_date, time_from, theme, off_schedule, state, state_reason FROM lesson
     WHERE group_id = ? AND cancelled = 0 AND lesson_date BETWEEN ? AND ?"""
# (a second query for the few moved lessons keeps the first one on its index range)
_MOVED = """
    SELECT lesson_date, time_from, theme, moved_to, state_reason FROM lesson
     WHERE group_id = ? AND state = ? AND moved_to BETWEEN ? AND ?"""
_MARKS = """
    SELECT child_id, lesson_date, code FROM attendance_mark
     WHERE group_id = ? AND lesson_date BETWEEN ? AND ?"""
# A group's memberships are few (its children over the years): all are read, and who is in the
# period is decided by the rule (domain.membership), not by a copy of it in SQL.
_CHILDREN = """
    SELECT c.id, c.last_name, c.first_name, c.middle_name, c.birth_date, ms.date_from, ms.date_to,
           ms.archived, ce.number
      FROM child c JOIN membership ms ON ms.child_id = c.id
      LEFT OUTER JOIN certificate ce ON ce.child_id = c.id AND ce.archived = 0
     WHERE ms.group_id = ?
     ORDER BY c.last_name, c.first_name, c.middle_name, c.birth_date"""

_day = date.fromisoformat


def _day_or_none(text: str | None) -> date | None:
    return None if text is None else _day(text)


def read_group(cur: sqlite3.Cursor, group_id: int) -> tuple[GroupRow, list[str]] | None:
    """The live group ``group_id`` as the groups' list shows it, with its provider's billed months
    (ISO first days); None: no such group, or archived."""
    found = cur.execute(_GROUP, (group_id,)).fetchone()
    if found is None:
        return None
    (gid, name, program_id, program_name, direction, module_name, teacher, date_from, date_to, capacity,
     children, locked) = found
    slots = tuple((int(weekday), t_from, t_to) for weekday, t_from, t_to in cur.execute(_SLOTS, (group_id,)))
    row = GroupRow(
        id=gid, name=name, program_id=program_id, program_name=program_name, direction=direction,
        module_name=module_name, teacher=teacher, date_from=_day(date_from), date_to=_day(date_to),
        capacity=capacity, children=children, schedule=schedule_text(slots), slots=slots,
    )
    months = json.loads(locked) if locked else None
    return row, list(months) if isinstance(months, list) else []


def schedule_text(slots: tuple[tuple[int, str, str], ...]) -> str:
    """«Пн 15:00–15:45, Ср 15:00–15:45» (as ``services.groups`` says a group's schedule)."""
    return ", ".join(f"{WEEKDAYS_RU[weekday - 1]} {t_from}–{t_to}" for weekday, t_from, t_to in slots)


def read_journal(cur: sqlite3.Cursor, group: GroupRow, locked_months: list[str], date_from: date,
                 date_to: date) -> Journal:
    """Children × lesson dates of ``group`` between two dates, with the marks (``cur``: inside one
    read transaction, so the parts agree)."""
    group_id = group.id
    a, b = date_from.isoformat(), date_to.isoformat()
    days: dict[str, date] = {}  # each lesson date's text made a date once, not once per cell

    def day(text: str) -> date:
        found = days.get(text)
        if found is None:
            found = days[text] = _day(text)
        return found

    # A moved lesson shows on its new date (issue 12), also when its own date is outside the
    # period; a lesson cancelled by the provider keeps its column (struck through).
    lessons: dict[date, LessonColumn] = {}
    for lesson_date, time_from, theme, off_schedule, state, reason in cur.execute(_LESSONS, (group_id, a, b)):
        if state != MOVED:
            d = day(lesson_date)
            if d not in lessons:
                lessons[d] = LessonColumn(d, time_from, theme, bool(off_schedule), state, reason)
    for lesson_date, time_from, theme, moved_to, reason in cur.execute(_MOVED, (group_id, MOVED, a, b)):
        if moved_to is not None:
            d = day(moved_to)
            lessons[d] = LessonColumn(d, time_from, theme, False, MOVED, reason, _day(lesson_date))
    known = days.get  # (a call of ``day`` per cell cost as much as the row itself)
    marks = {(child_id, known(lesson_date) or day(lesson_date)): code
             for child_id, lesson_date, code in cur.execute(_MARKS, (group_id, a, b))}
    # A mark pulled for a day the local schedule does not know (a moved lesson) still shows.
    for d in days.values():
        if d not in lessons:
            lessons[d] = LessonColumn(d, "", "")
    children = _children(cur, group_id, date_from, date_to, marks)
    billed = frozenset(month for month in (_day(m) for m in locked_months)
                       if date_from.replace(day=1) <= month <= date_to)
    return Journal(
        group=group,
        date_from=date_from,
        date_to=date_to,
        lessons=tuple(lessons[d] for d in sorted(lessons)),
        children=children,
        marks=marks,
        billed_months=billed,
    )


def _children(cur: sqlite3.Cursor, group_id: int, date_from: date, date_to: date,
              marks: dict[tuple[int, date], int]) -> tuple[JournalChild, ...]:
    seen: dict[int, JournalChild] = {}
    marked: set[int] | None = None  # the children with marks: made only if a membership is not in the period
    for (child_id, last_name, first_name, middle_name, birth_date, member_from, member_to, archived,
         number) in cur.execute(_CHILDREN, (group_id,)).fetchall():
        start, end = _day(member_from), _day_or_none(member_to)
        if archived or not member_during(start, end, date_from, date_to):
            if marked is None:
                marked = {child for child, _day in marks}
            if child_id not in marked:  # a child with marks in the period shows all the same
                continue
        previous = seen.get(child_id)
        if previous is None or (previous.member_to is not None and (end is None or end > previous.member_to)):
            # a child re-enrolled in the same group: the latest membership
            seen[child_id] = JournalChild(
                child_id=child_id,
                full_name=" ".join(p for p in (last_name, first_name, middle_name) if p),
                birth_date=_day(birth_date),
                certificate_number=number or "",
                member_from=start,
                member_to=end,
            )
    return tuple(seen.values())
