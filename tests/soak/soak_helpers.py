"""What the soak tests share: random edits of the journal, and the checks that nothing was lost or
duplicated — on the PC after every round, and against the portal at the end."""

from __future__ import annotations

import os
import random
import sqlite3
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from pfdo_desktop.services.rows import MarkChange
from pfdo_desktop.workspace import Workspace
from pfdo_portal import admin, db

ROUNDS = int(os.environ.get("PFDO_SOAK_ROUNDS", "200"))  # of each soak test (conftest.py)

Cell = tuple[int, int, date]  # group, child, lesson date
CODES = (1, 2, 3, 4, None)  # был, не был, болел, уважительная, cleared


def markable_cells(ws: Workspace) -> list[Cell]:
    """Every cell of a lesson held so far whose child is a member of the group that day."""
    today = date.today()
    cells = []
    for group in ws.groups():
        journal = ws.journal(group.id, group.date_from, min(today, group.date_to))
        for lesson in journal.lessons:
            cells += [(group.id, c.child_id, lesson.lesson_date) for c in journal.children
                      if c.is_member_on(lesson.lesson_date)]
    return cells


def edit_at_random(ws: Workspace, rng: random.Random, cells: list[Cell], expected: dict[Cell, int | None],
                   most: int = 20) -> None:
    """Mark 1…``most`` random cells with random codes, one save per cell (as an operator clicks);
    ``expected`` keeps the last value given to each cell."""
    for cell in rng.sample(cells, rng.randint(1, most)):
        group_id, child_id, day = cell
        code = rng.choice(CODES)
        ws.mark(group_id, day, [MarkChange(child_id, code)])
        expected[cell] = code


def local_codes(ws: Workspace, cells: list[Cell]) -> dict[Cell, int | None]:
    """What the PC's journal shows in each cell (one read per group)."""
    shown: dict[Cell, int | None] = {}
    for group_id in {cell[0] for cell in cells}:
        days = [cell[2] for cell in cells if cell[0] == group_id]
        marks = ws.journal(group_id, min(days), max(days)).marks
        shown.update({cell: marks.get((cell[1], cell[2])) for cell in cells if cell[0] == group_id})
    return shown


def assert_no_edit_lost_locally(ws: Workspace, expected: dict[Cell, int | None]) -> None:
    """Whatever happened to the sync, the journal shows the operator's last value of each cell."""
    shown = local_codes(ws, list(expected))
    lost = {cell: (code, shown[cell]) for cell, code in expected.items() if shown[cell] != code}
    assert lost == {}, f"edits lost on the PC (wanted, shown): {lost}"


def assert_database_intact(db_path: Path) -> None:
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


def portal_codes(portal_db: str, group_id: int) -> dict[tuple[int, date], int]:
    return {(m["child_id"], date.fromisoformat(str(m["lesson_date"]))): m["code"]
            for m in admin.list_marks(portal_db, group_id=group_id)}


def assert_pc_and_portal_agree(ws: Workspace, portal_db: str, provider_id: int,
                               expected: dict[Cell, int | None]) -> None:
    """After a clean sync: nothing pending, every edit on the portal exactly once, and the PC's
    journals equal the portal's."""
    status = ws.status()
    assert (status.pending_ops, status.open_issues) == (0, 0)
    codes = {group.id: portal_codes(portal_db, group.id) for group in ws.groups()}
    on_portal = {cell: codes[cell[0]].get((cell[1], cell[2])) for cell in expected}
    assert on_portal == expected, "edits lost or changed on the portal"
    for group in ws.groups():
        local = ws.journal(group.id, group.date_from, group.date_to).marks
        assert dict(local) == codes[group.id], f"group {group.id}: PC ≠ portal"
    assert status.marks == admin.count_marks(portal_db, provider_id)
    a = db.mark_audit.c
    with db.open_engine(portal_db) as engine, db.read_tx(engine) as conn:
        twice = conn.execute(select(a.op_id).where(a.device_id == ws.device().device_id)
                             .group_by(a.op_id).having(func.count() > 1)).scalars().all()
    assert twice == [], "ops applied twice on the portal"
