"""Issue 16: push 1,000 marks to a «Навигатор» at its pace.

The Navigator emulator (pfdo_portal/navigator_emulator/) on 127.0.0.1 answers every request after a
fixed delay (200 ms here; the real system: ≈ 5 s). A PC connected to it with the demo district's
first organisation account and synced once re-marks past lessons offline until 1,000 cells differ
from what the Navigator has, then syncs: what is timed is the push stage (from the first «Отправка»
to the first pulled page) — the connector's reads before and after each group's month, and its
saves, ``NavigatorSettings.concurrency`` (3) at once, the oldest date first.

Baseline, same run, same emulator, same delay: the same 1,000 cells saved one request after
another (``attendance/save``, the way a school's own script or the web page does it). The ratio
is ours ÷ baseline: below 1 the connector is faster than one-by-one; the ideal at 3 at once is ≈ 0.33
(plus the read-back requests).

Standalone: ``.venv/bin/python -m benchmarks.navigator_bench`` prints the figures.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from benchmarks.table import Row

MARKS = 1000
DELAY = 0.2  # seconds before each answer of the emulator


@dataclass
class _Cell:
    group_id: int
    child_id: int
    day: date
    code: int


def _flip(code: int | None) -> int:
    return 2 if code == 1 else 1


def _remark(ws: Any, wanted: int) -> list[_Cell]:
    """Re-mark past lessons (every child of each lesson, «был» ↔ «не был») until ``wanted`` cells
    differ from the Navigator's; the oldest months first. Returns the cells as marked."""
    from pfdo_desktop.services.rows import MarkChange

    cells: list[_Cell] = []
    today = date.today()
    for g in ws.groups():
        month = today.replace(day=1)
        for _ in range(12):
            month = (month - timedelta(days=1)).replace(day=1)
            journal = ws.journal_month(g.id, month)
            for lesson in journal.lessons:
                if lesson.lesson_date > today or len(cells) >= wanted:
                    continue
                changes: list[Any] = []
                for child in journal.children:
                    if len(cells) + len(changes) >= wanted or not child.is_member_on(lesson.lesson_date):
                        continue
                    code = _flip(journal.marks.get((child.child_id, lesson.lesson_date)))
                    changes.append(MarkChange(child.child_id, code))
                if changes:
                    ws.mark(g.id, lesson.lesson_date, changes)
                    cells += [_Cell(g.id, c.child_id, lesson.lesson_date, int(c.code)) for c in changes]
            if len(cells) >= wanted:
                return cells
    return cells


def push_rows(tmp: Path, marks: int = MARKS, delay: float = DELAY) -> tuple[list[Row], list[str]]:
    import keyring

    from pfdo_desktop.sync.credentials import MemoryKeyring
    from pfdo_desktop.sync.navigator_adapter import child_id
    from pfdo_desktop.sync.navigator_client import DEFAULT_CONCURRENCY, MarkCell, NavigatorClient
    from pfdo_desktop.workspace import Workspace
    from pfdo_portal.navigator_emulator import schema
    from pfdo_portal.navigator_emulator.app import EmulatorSettings
    from pfdo_portal.navigator_emulator.seeding import seed_navigator
    from pfdo_portal.navigator_emulator.server import EmbeddedNavigator

    db_path = tmp / "navigator-bench.sqlite3"
    engine = schema.open_engine(f"sqlite:///{db_path}")
    try:
        account = seed_navigator(engine)[0]
    finally:
        engine.dispose()
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    server = EmbeddedNavigator(f"sqlite:///{db_path}", settings=EmulatorSettings(delay=0.0)).start()
    control = server.control
    assert control is not None
    try:
        with Workspace.open(tmp / "navigator-pc") as ws:
            ws.enrol_navigator(server.url, account.email, account.password)
            ws.sync()  # the first sync, at no delay: not what is measured
            cells = _remark(ws, marks)
            control.delay = delay
            control.reset_counts()
            stamps: dict[str, float] = {}

            def progress(stage: str, _done: int, _total: int | None) -> None:
                if stage == "push":
                    stamps.setdefault("push", time.perf_counter())
                elif stage.startswith("pull"):
                    stamps.setdefault("pull", time.perf_counter())

            report = ws.sync(progress=progress)
            ours = stamps["pull"] - stamps["push"]
            calls = dict(control.calls)
            with ws.db.read() as s:
                from sqlalchemy import func, select

                from pfdo_desktop.models import OutboxOp

                left = s.scalar(select(func.count()).select_from(OutboxOp))
        assert report.rejected == 0 and not left, (report, left)
        # Baseline: the same cells, one save after another (the values are already there: the
        # Navigator stores them again, as a script re-sending a month would).
        kids: dict[int, str] = {}
        with NavigatorClient(server.url, account.email) as nav:
            nav.login(account.password)
            for gid, month in sorted({(c.group_id, c.day.replace(day=1)) for c in cells}):
                for row in nav.members(gid, int(nav.group(gid)["year"]), month):
                    kids[child_id(str(row["kid_id"]))] = str(row["kid_id"])
            control.reset_counts()
            started = time.perf_counter()
            for cell in cells:
                nav.save_mark(MarkCell(cell.group_id, kids[cell.child_id], cell.day, cell.code))
            base = time.perf_counter() - started
            base_calls = sum(control.calls.values())
    finally:
        server.stop()
        keyring.set_keyring(previous)
    saves = calls.get("/api/attendance/save", 0)
    reads = sum(n for path, n in calls.items() if path != "/api/attendance/save")
    ratio = ours / base
    rows = [Row(f"16. Push {len(cells)} marks to a Navigator ({delay * 1000:.0f} ms a request, "
                f"{DEFAULT_CONCURRENCY} at once)", ours, base, "s",
                "< 1× one-by-one saves (3 at once: ≈ 0.4×)", ratio < 1, 1, runs=1)]
    notes = [f"16: the push stage of one sync: {saves} saves + {reads} reads (members pages before and "
             f"after each group's month, login/groups), {len(cells)} ops in batches of 60, pushed "
             f"{report.pushed}; {len(cells) / ours:.1f} marks/s. Baseline: the same {len(cells)} cells "
             f"by attendance/save one after another on one connection ({base_calls} requests), "
             f"{len(cells) / base:.1f} marks/s. At the real ≈ 5 s a request (reads one at a time, saves "
             f"{DEFAULT_CONCURRENCY} at once): ≈ {(saves / DEFAULT_CONCURRENCY + reads) * 5 / 60:.0f} min vs "
             f"{len(cells) * 5 / 60:.0f} min one by one."]
    return rows, notes


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows, notes = push_rows(Path(tmp))
    for row in rows:
        ours, base = row.ours or 0.0, row.baseline or 1.0
        print(f"{row.figure}: {ours:.1f} s vs {base:.1f} s one by one ({ours / base:.2f}×)")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
