"""The last-used journal read at start from the file with the stdlib's sqlite3, before the ORM is
loaded (issue 15): it is the journal the workspace shows of the same data — lesson states, billed
months, marks and children included — and anything unexpected gives nothing, not a wrong journal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pfdo_desktop.domain.schedule import month_bounds
from pfdo_desktop.models import Provider
from pfdo_desktop.services.first_journal import MOVE_MARKER, read_start_journal
from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.workspace_types import start_journal


def _a_month_with_lessons(ws):
    """(group, month, the month's journal) of a group's month with children, a marked lesson and
    two lessons without marks (a lesson's state changes only where nothing is marked)."""
    for group in sorted(ws.groups(), key=lambda g: -g.children):
        month = group.date_from.replace(day=1)
        while month <= group.date_to:
            journal = ws.journal_month(group.id, month)
            unmarked = len(_unmarked(journal))
            if journal.children and 2 <= unmarked < len(journal.lessons):
                return group, month, journal
            month = month_bounds(month)[1] + timedelta(days=1)
    raise AssertionError("no group has a month with children, marks and two lessons without marks")


def _unmarked(journal):
    marked = {day for _child, day in journal.marks}
    return [lesson.lesson_date for lesson in journal.lessons if lesson.lesson_date not in marked]


def test_the_journal_read_before_the_workspace_is_the_workspaces_own(enrolled_workspace):
    ws = enrolled_workspace
    group, month, journal = _a_month_with_lessons(ws)
    cancelled, moved = _unmarked(journal)[:2]
    days = {lesson.lesson_date for lesson in journal.lessons}
    moved_to = next(moved + timedelta(days=n) for n in range(1, 7) if moved + timedelta(days=n) not in days)
    first = next(iter(journal.marks))[1]
    child = journal.children[0].child_id
    ws.mark(group.id, first, [MarkChange(child, 2)])
    ws.cancel_lesson(group.id, cancelled, "Педагог на больничном")
    ws.move_lesson(group.id, moved, moved_to, "Праздник")
    with ws.db.write() as s:  # the provider's month billed: its cells locked
        s.query(Provider).update({Provider.locked_months: [month.isoformat()]})
    ws.remember_journal(group.id, month)
    expected = ws.journal_month(group.id, month)
    listed = next(g for g in ws.groups() if g.id == group.id)
    folder = ws.data_dir
    ws.close()

    start = read_start_journal(folder)
    assert start is not None
    assert (start.group, start.month) == (listed, month)
    assert start.journal == expected  # columns (cancelled, moved), children, marks, billed months
    assert start.journal.marks[(child, first)] == 2
    assert start.journal.is_billed(first)
    assert any(lesson.cancelled and lesson.lesson_date == cancelled for lesson in start.journal.lessons)
    assert any(lesson.moved_from == moved and lesson.lesson_date == moved_to
               for lesson in start.journal.lessons)
    assert start_journal(folder) == start  # the workspace's door to it reads the same


def test_nothing_is_read_when_nothing_fits(enrolled_workspace, tmp_path: Path):
    ws = enrolled_workspace
    group, month, _journal = _a_month_with_lessons(ws)
    folder = ws.data_dir
    assert read_start_journal(folder) is None  # nothing remembered yet: the window's own default
    ws.remember_journal(987_654, month)  # a group gone since
    assert read_start_journal(folder) is None
    ws.remember_journal(group.id, (group.date_to + timedelta(days=40)).replace(day=1))  # outside its dates
    assert read_start_journal(folder) is None
    ws.remember_journal(group.id, month)
    assert read_start_journal(folder) is not None
    (folder / MOVE_MARKER).write_text("")  # a move's copy not completed: never read
    assert read_start_journal(folder) is None
    (folder / MOVE_MARKER).unlink()
    ws.close()

    empty = tmp_path / "no-data-yet"
    assert read_start_journal(empty) is None and not empty.exists()  # nothing made where nothing was
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "pfdo.sqlite3").write_bytes(b"not a database at all" * 100)
    assert read_start_journal(damaged) is None
    assert (damaged / "pfdo.sqlite3").read_bytes() == b"not a database at all" * 100
