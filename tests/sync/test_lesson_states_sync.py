"""Lesson states between two PCs and the real portal (issue 12): a lesson cancelled by the provider
on PC A reaches PC B's journal (struck column, the reason, its cells refuse marks), a moved lesson
shows on its new date, «held» again goes back; a billed month refuses a state change on the PC at
once and, for a month billed after the PC's last sync, at the portal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from two_pcs import second_device

from pfdo_desktop.services.errors import ValidationError
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.sync import protocol as p
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin


def _future_lessons(ws: Workspace) -> tuple[int, list[date], int]:
    """A group with unmarked lessons ahead, those lessons, and a member."""
    today = date.today()
    for group in ws.groups():
        journal = ws.journal(group.id, today + timedelta(days=1), group.date_to)
        days = [c.lesson_date for c in journal.lessons
                if not any(d == c.lesson_date for _child, d in journal.marks)]
        members = [c.child_id for c in journal.children if c.member_to is None]
        if len(days) >= 3 and members:
            return group.id, days, members[0]
    raise AssertionError("the demo district has no group with lessons ahead")


def _column(ws: Workspace, group_id: int, day: date):
    [column] = [c for c in ws.journal(group_id, day, day).lessons if c.lesson_date == day]
    return column


def test_a_lesson_cancelled_on_one_pc_reaches_the_other_and_its_cells_refuse_marks(
        enrolled_workspace, portal, portal_db, demo_provider_id, tmp_path):
    first = enrolled_workspace
    second = second_device(tmp_path, portal, portal_db, demo_provider_id)
    try:
        group_id, days, child_id = _future_lessons(first)
        cancelled, moved = days[0], days[1]
        new_day = moved + timedelta(days=1)
        while new_day in days:
            new_day += timedelta(days=1)
        assert first.cancel_lesson(group_id, cancelled, "болезнь педагога")
        assert first.move_lesson(group_id, moved, new_day, "зал занят")
        assert first.sync().pushed == 2
        got = second.sync()
        assert got.pulled_by_entity.get("lesson_state") == 2
        column = _column(second, group_id, cancelled)
        assert (column.cancelled, column.reason) == (True, "болезнь педагога")
        with pytest.raises(ValidationError) as refused:
            second.mark(group_id, cancelled, [MarkChange(child_id, 1)])
        assert refused.value.reason == p.R_LESSON_CANCELLED
        # The moved lesson shows on its new date, not on its own one; it is marked there.
        journal = second.journal(group_id, moved, new_day)
        assert [c.lesson_date for c in journal.lessons if c.lesson_date in (moved, new_day)] == [new_day]
        assert _column(second, group_id, new_day).moved_from == moved
        assert second.mark(group_id, new_day, [MarkChange(child_id, 1)]) == 1
        # Held again on PC B: PC A's column is a plain lesson again.
        assert second.hold_lesson(group_id, cancelled)
        second.sync()
        first.sync()
        assert not _column(first, group_id, cancelled).cancelled
        assert first.mark(group_id, cancelled, [MarkChange(child_id, 2)]) == 1
        assert first.issues() == [] and second.issues() == []
    finally:
        second.close()


def test_a_billed_month_refuses_a_state_change_on_the_pc_and_at_the_portal(enrolled_workspace, portal_db,
                                                                            demo_provider_id):
    ws = enrolled_workspace
    group_id, days, _child = _future_lessons(ws)
    day = days[0]
    # Billed after the PC's last sync: the PC takes it, the portal refuses, the PC goes back.
    admin.lock_month(portal_db, demo_provider_id, day)
    assert ws.cancel_lesson(group_id, day, "болезнь педагога")
    assert _column(ws, group_id, day).cancelled
    ws.sync()
    assert [i.code for i in ws.issues()] == [p.R_MONTH_LOCKED]
    assert not _column(ws, group_id, day).cancelled  # the portal's state (held) stands
    # Now the PC knows the month is billed: refused on the spot, nothing queued.
    before = ws.status().pending_ops
    with pytest.raises(ValidationError) as refused:
        ws.cancel_lesson(group_id, day, "болезнь педагога")
    assert refused.value.reason == p.R_MONTH_LOCKED
    assert "закрыт для оплаты" in refused.value.message
    assert ws.status().pending_ops == before
