"""The last-used journal read at start straight from the database file, with the stdlib's sqlite3,
before SQLAlchemy, the models and the workspace are loaded (issue 15: «the last-used journal usable
≤ 3×» a bare window; importing the ORM and opening the workspace are ≈ 0.5 s of a start, more from
a cold disk, and the journal is what the operator opens the program for).

What is read is what the workspace would show of the same file (``services.journal_read``, the
same SQL the workspace's own journal runs): the remembered group (``services.last_journal``) at
the remembered month. The file is opened read-only and nothing is written; whatever is not as
expected — no file, a move's unfinished copy, nothing remembered, a group gone, a month outside
the group's dates, a schema this code does not know, a damaged or locked file — gives None, and the
start shows what the workspace reads once it is open, as before. The workspace's opening (the
lock, the checks, the migrations) still decides: what is shown here is replaced by its own read.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pfdo_desktop.domain.schedule import month_bounds

from .journal_read import read_group, read_journal
from .last_journal import KEY, remembered
from .rows import GroupRow, Journal

log = logging.getLogger(__name__)

DB_FILENAME = "pfdo.sqlite3"  # models.database.DB_FILENAME (not imported: it loads SQLAlchemy)
MOVE_MARKER = ".pfdo-move-incomplete"  # models.folder_lock.MOVE_MARKER (likewise)


@dataclass(frozen=True)
class StartJournal:
    """The journal a start reopens, read before the workspace is open."""

    group: GroupRow
    month: date  # its first day
    journal: Journal


def read_start_journal(folder: Path) -> StartJournal | None:
    """The last-used journal of the data folder ``folder``, or None (see the module's doc)."""
    path = folder / DB_FILENAME
    try:
        if not path.is_file() or (folder / MOVE_MARKER).exists():
            return None
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               timeout=0.5, check_same_thread=False)
    except (OSError, ValueError, sqlite3.Error) as exc:
        log.info("the last-used journal was not read at start: %s", type(exc).__name__)
        return None
    try:
        cur = conn.cursor()
        cur.execute("BEGIN")  # one snapshot for every part
        try:
            return _read(cur)
        finally:
            cur.execute("COMMIT")
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError) as exc:
        log.info("the last-used journal was not read at start: %s", type(exc).__name__)
        return None
    finally:
        conn.close()


def _read(cur: sqlite3.Cursor) -> StartJournal | None:
    stored = cur.execute("SELECT value FROM app_setting WHERE key = ?", (KEY,)).fetchone()
    last = remembered(json.loads(stored[0])) if stored is not None and stored[0] else None
    if last is None:
        return None
    group_id, month = last
    found = read_group(cur, group_id)
    if found is None:
        return None
    group, locked_months = found
    if not group.date_from.replace(day=1) <= month <= group.date_to:
        return None  # the window opens the group's default month: read once the workspace is open
    first, last_day = month_bounds(month)
    return StartJournal(group, month, read_journal(cur, group, locked_months, first, last_day))
