"""Lesson themes (КТП, issue 16) between two PCs and the real portal: a theme set on PC A is in PC B's
journal after its sync, a theme cleared there goes back to A, the later of two edits wins on both,
and a theme the portal refuses (the lesson left the schedule meanwhile) comes back to the PC's
«Требует внимания» with the portal's value."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import create_engine, select, update
from two_pcs import LaterClock, second_device

from pfdo_desktop.models import OutboxOp
from pfdo_desktop.services.lesson_themes import theme_history
from pfdo_desktop.workspace import Workspace
from pfdo_portal import db as portal_tables


def _lessons(ws: Workspace) -> tuple[int, list[date]]:
    """A group with lessons in the coming weeks, and those lessons."""
    today = date.today()
    for group in ws.groups():
        days = [c.lesson_date for c in ws.journal(group.id, today, today + timedelta(days=28)).lessons]
        if len(days) >= 2:
            return group.id, days
    raise AssertionError("the demo district has no group with lessons ahead")


def _theme(ws: Workspace, group_id: int, day: date) -> str:
    [column] = [c for c in ws.journal(group_id, day, day).lessons if c.lesson_date == day]
    return column.theme


def test_a_theme_set_on_one_pc_is_in_the_other_pcs_journal_and_a_clear_comes_back(
        enrolled_workspace, portal, portal_db, demo_provider_id, tmp_path):
    first = enrolled_workspace
    second = second_device(tmp_path, portal, portal_db, demo_provider_id)
    try:
        group_id, days = _lessons(first)
        assert first.set_lesson_theme(group_id, days[0], "Техника безопасности. Знакомство с набором")
        assert first.set_lesson_theme(group_id, days[1], "Сборка первой модели")
        assert not first.set_lesson_theme(group_id, days[1], "  Сборка первой модели "), "nothing changes"
        report = first.sync()
        assert report.pushed == 2 and report.applied == 2
        got = second.sync()
        assert got.pulled_by_entity.get("lesson_theme") == 2
        assert _theme(second, group_id, days[0]) == "Техника безопасности. Знакомство с набором"
        assert _theme(second, group_id, days[1]) == "Сборка первой модели"

        assert second.set_lesson_theme(group_id, days[0], "")  # cleared on PC B
        second.sync()
        first.sync()
        assert _theme(first, group_id, days[0]) == ""
        assert _theme(first, group_id, days[1]) == "Сборка первой модели"
        assert first.issues() == [] and second.issues() == []
    finally:
        second.close()


def test_the_later_edit_wins_on_both_pcs(enrolled_workspace, portal, portal_db, demo_provider_id, tmp_path):
    first = enrolled_workspace
    second = second_device(tmp_path, portal, portal_db, demo_provider_id)
    try:
        group_id, days = _lessons(first)
        day = days[0]
        clock = LaterClock()
        second.db.clock = clock
        assert first.set_lesson_theme(group_id, day, "Сборка корпуса")  # earlier, sent later
        clock.ahead = 60.0  # a minute later (edit times within one clock tick would tie)
        assert second.set_lesson_theme(group_id, day, "Сборка шасси")
        second.sync()
        report = first.sync()
        assert report.conflicts == 1
        assert _theme(first, group_id, day) == "Сборка шасси", "the portal's later edit is taken"
        lost = theme_history(first.db, group_id, day)[-1]  # the loser is kept in the audit trail
        assert (lost.old_theme, lost.new_theme, lost.reason) == (
            "Сборка корпуса", "Сборка шасси", "conflict_lost")
        second.sync()
        assert _theme(second, group_id, day) == "Сборка шасси"
        with first.db.read() as s:
            assert s.scalars(select(OutboxOp)).all() == []
    finally:
        second.close()


def test_a_theme_the_portal_refuses_shows_in_needs_attention(enrolled_workspace, portal_db):
    ws = enrolled_workspace
    group_id, days = _lessons(ws)
    day = days[0]
    assert ws.set_lesson_theme(group_id, day, "Повторение")
    # Meanwhile the portal's group ends before that lesson (as an operator of the portal would).
    admin_end = day - timedelta(days=1)
    engine = create_engine(portal_db)
    try:
        with engine.begin() as conn:
            conn.execute(update(portal_tables.groups).where(portal_tables.groups.c.id == group_id)
                         .values(date_to=admin_end))
    finally:
        engine.dispose()
    report = ws.sync()
    assert report.rejected == 1
    [issue] = ws.issues()
    assert issue.title.startswith("Тема занятия не принята: группа «")
    assert issue.title.endswith(f"{day:%d.%m.%Y}")
    assert "Даты группы на портале изменились" in issue.advice
    assert _theme(ws, group_id, day) == "", "the portal's value (no theme) is back in the journal"
