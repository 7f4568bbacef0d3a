"""Saving marks: one transaction with audit and outbox; rules that refuse bad marks."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from pfdo_desktop.models import MarkAudit, OutboxOp
from pfdo_desktop.services import NotAllowed, ValidationError
from pfdo_desktop.services import journal as journal_service
from pfdo_desktop.services.rows import MarkChange


def _a_lesson(ws):
    group = ws.groups()[0]
    journal = ws.journal(group.id, group.date_from, date.today())
    lesson = journal.lessons[-1]
    members = [c for c in journal.children if c.is_member_on(lesson.lesson_date)]
    return group, journal, lesson.lesson_date, members


def test_marks_are_saved_with_audit_and_one_op_per_cell(enrolled_workspace):
    ws = enrolled_workspace
    group, journal, day, members = _a_lesson(ws)
    ws.mark(group.id, day, [MarkChange(c.child_id, None) for c in members])
    ws.sync()
    changed = ws.mark(group.id, day, [MarkChange(c.child_id, 3) for c in members])
    assert changed == len(members)
    after = ws.journal(group.id, day, day)
    assert all(after.marks[(c.child_id, day)] == 3 for c in members)
    with ws.db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == len(members)
        kinds = set(s.scalars(select(OutboxOp.kind)))
    assert kinds == {"mark.set"}
    history = journal_service.mark_history(ws.db, group.id, members[0].child_id, day)
    assert (history[-1].old_code, history[-1].new_code, history[-1].reason) == (None, 3, "edit")


def test_unchanged_cells_write_nothing(enrolled_workspace):
    ws = enrolled_workspace
    group, journal, day, members = _a_lesson(ws)
    ws.mark(group.id, day, [MarkChange(members[0].child_id, 4)])
    with ws.db.read() as s:
        audits = s.scalar(select(func.count()).select_from(MarkAudit))
    assert ws.mark(group.id, day, [MarkChange(members[0].child_id, 4)]) == 0
    with ws.db.read() as s:
        assert s.scalar(select(func.count()).select_from(MarkAudit)) == audits


def test_clearing_a_cell_queues_a_clear(enrolled_workspace, portal_db):
    from pfdo_portal import admin

    ws = enrolled_workspace
    group, journal, day, members = _a_lesson(ws)
    child = members[0].child_id
    ws.mark(group.id, day, [MarkChange(child, 2)])
    ws.sync()
    ws.mark(group.id, day, [MarkChange(child, None)])
    assert (child, day) not in ws.journal(group.id, day, day).marks
    ws.sync()
    assert admin.get_mark(portal_db, group.id, child, day) is None


def test_a_day_without_a_lesson_is_refused(enrolled_workspace):
    ws = enrolled_workspace
    group, journal, day, members = _a_lesson(ws)
    lesson_days = {lesson.lesson_date for lesson in ws.journal(group.id, group.date_from,
                                                                group.date_to).lessons}
    free = next(d for d in (day + timedelta(days=i) for i in range(1, 14)) if d not in lesson_days)
    with pytest.raises(ValidationError) as err:
        ws.mark(group.id, free, [MarkChange(members[0].child_id, 1)])
    assert err.value.field == "lesson_date" and "нет занятия" in err.value.message
    assert ws.status().pending_ops == 0


def test_a_child_outside_the_group_on_that_day_is_refused(enrolled_workspace):
    ws = enrolled_workspace
    group, journal, day, members = _a_lesson(ws)
    other = next(g for g in ws.groups() if g.id != group.id)
    outsider = next(c for c in ws.journal(other.id, other.date_from, other.date_to).children
                    if c.child_id not in {m.child_id for m in members})
    with pytest.raises(NotAllowed, match="не числится"):
        ws.mark(group.id, day, [MarkChange(members[0].child_id, 1),
                                MarkChange(outsider.child_id, 1)])
    # One transaction: the valid cell of the same call was not saved either.
    assert ws.status().pending_ops == 0


def test_an_invalid_code_is_refused(enrolled_workspace):
    ws = enrolled_workspace
    group, journal, day, members = _a_lesson(ws)
    with pytest.raises(ValidationError) as err:
        ws.mark(group.id, day, [MarkChange(members[0].child_id, 7)])
    assert err.value.field == "code"


def test_groups_filter_by_programme_and_teacher(enrolled_workspace):
    ws = enrolled_workspace
    every = ws.groups()
    program = ws.programs()[0]
    by_program = ws.groups(program_id=program.id)
    assert by_program and all(g.program_id == program.id for g in by_program)
    assert len(by_program) < len(every)
    teacher = ws.teachers()[0]
    assert all(g.teacher == teacher for g in ws.groups(teacher=teacher))
    assert all(g.schedule for g in every)  # «Пн 15:00–15:45, …»
