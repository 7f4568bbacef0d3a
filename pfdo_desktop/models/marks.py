"""Writing journal cells: one function for every source of a mark, with its audit trail.

A cell changes for three reasons — the operator's edit (``services.journal``), the portal's record
in the answer to a mark op that lost a conflict or was refused, and a row of the ``own`` stream
(both in ``sync``) — and each goes through ``apply_marks``. The pulled path is the first sync's hot
path (tens of thousands of marks), so the statements are built once by SQLAlchemy for the
connection's dialect and run in bulk with values already in their stored form; an edit of one
lesson is the same function over thirty cells.

Which rows a caller passes is the caller's rule: a pull leaves out the cells with an unsent local
edit, a conflict the cell the operator changed again since (``sync/results.py``, ``sync/pull.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Dialect, Table, bindparam, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from pfdo_desktop.domain.attendance import mark_id

from .base import utcnow
from .entities import AUDIT_CONFLICT_LOST, AUDIT_EDIT, AUDIT_PULLED, AUDIT_REJECTED, AttendanceMark, MarkAudit

_MARKS = cast(Table, AttendanceMark.__table__)
_AUDIT = cast(Table, MarkAudit.__table__)
_MARK_COLUMNS = ("group_id", "child_id", "lesson_date", "code", "changed_at", "changed_by")
_AUDIT_COLUMNS = ("mark_id", "group_id", "child_id", "lesson_date", "old_code", "new_code", "changed_at",
                  "changed_by", "reason", "recorded_at")


# A cell's new state as the table stores it: (mark id — "" when the caller did not derive it, as a
# pull does: ``apply_marks`` derives it for an audit row or a kept cell, the table does not store it
# —, group id, child id, lesson date «YYYY-MM-DD», code — None: the cell has no mark, changed at —
# ``UtcDateTime``'s text, None when not known (a pulled delete carries no time: the audit row takes
# the time it is recorded), changed by). Plain tuples: a first sync makes tens of thousands of them.
StoredMark = tuple[str, int, int, str, int | None, str | None, str]

# A cell as the table is keyed: (group id, lesson date, child id).
Cell = tuple[int, str, int]


def stored_mark(group_id: int, child_id: int, lesson_date: date, code: int | None,
                changed_at: datetime | None, changed_by: str = "") -> StoredMark:
    """A cell's new state from plain values (an edit, the portal's record of a cell)."""
    day = lesson_date.isoformat()
    return (mark_id(group_id, child_id, day), group_id, child_id, day, code,
            utc_text(changed_at) if changed_at is not None else None, changed_by)


class _Policy(NamedTuple):
    skip_same: bool  # a cell that already has the new code is left as it is (nothing written)
    audit_fill: bool  # a mark that fills an empty cell is audited
    audit_same: bool  # a write that keeps the cell's code is audited all the same


# Why a cell changes decides what is written and audited:
# - an edit writes only the cells it changes, each audited;
# - a pulled row refreshes its cell; a value that replaces a different one here, or a removal, is
#   audited, an empty cell just fills (its origin is audited on the portal);
# - the portal's record after a lost conflict or a refusal is always audited: the row keeps the
#   value of this PC that did not stand.
_POLICIES = {
    AUDIT_EDIT: _Policy(skip_same=True, audit_fill=True, audit_same=False),
    AUDIT_PULLED: _Policy(skip_same=False, audit_fill=False, audit_same=False),
    AUDIT_CONFLICT_LOST: _Policy(skip_same=False, audit_fill=True, audit_same=True),
    AUDIT_REJECTED: _Policy(skip_same=False, audit_fill=True, audit_same=True),
}


def apply_marks(s: Session, marks: Iterable[StoredMark], reason: str, *, keep: Collection[str] = (),
                recorded_at: datetime | None = None) -> list[tuple[StoredMark, int | None]]:
    """Make each cell hold its mark (a later one of the same cell wins), with the audit rows
    ``reason`` calls for; the cells whose mark id is in ``keep`` are left as they are (a pull
    passes the cells with an unsent local edit). Returns each cell written with its code before.
    The cells' groups and children must exist locally (foreign keys)."""
    policy = _POLICIES[reason]
    by_cell: dict[Cell, StoredMark] = {}
    for mark in marks:
        by_cell[(mark[1], mark[3], mark[2])] = mark
    # Only a mark's id can be kept (an outbox key of another entity has a prefix: «lesson:…»).
    kept_ids = {key for key in keep if ":" not in key} if keep else ()
    if kept_ids:
        for cell, mark in list(by_cell.items()):
            if (mark[0] or mark_id(cell[0], cell[2], cell[1])) in kept_ids:
                del by_cell[cell]
    if not by_cell:
        return []
    conn = s.connection()
    current = _current_codes(conn, by_cell)
    now_text = utc_text(recorded_at or utcnow())
    upserts: list[tuple[Any, ...]] = []
    removals: list[Cell] = []
    audit: list[tuple[Any, ...]] = []
    applied: list[tuple[StoredMark, int | None]] = []
    if not current and not policy.audit_fill:
        # Every cell is empty here (a first sync's groups): each mark fills its cell, unaudited; a
        # cleared cell writes nothing. The loop below without its comparisons.
        for mark in by_cell.values():
            if mark[4] is not None:
                if mark[5] is None:
                    mark = (*mark[:5], now_text, mark[6])
                upserts.append(mark[1:])
                applied.append((mark, None))
        _upsert_marks(conn, upserts)
        return applied
    for cell, mark in by_cell.items():
        key, group_id, child_id, day, code, at, by = mark
        old = current.get(cell)
        same = old == code
        audited = policy.audit_same if same else (policy.audit_fill if old is None else True)
        if same and (policy.skip_same or (code is None and not audited)):
            continue  # nothing to write or to record (clearing an empty cell writes nothing)
        if at is None:
            at = now_text
            mark = (key, group_id, child_id, day, code, at, by)
        if code is not None:
            upserts.append((group_id, child_id, day, code, at, by))
        elif old is not None:
            removals.append(cell)
        if audited:
            audit.append((key or mark_id(group_id, child_id, day), group_id, child_id, day, old, code, at,
                          by, reason, now_text))
        applied.append((mark, old))
    _upsert_marks(conn, upserts)
    if removals:
        c = _MARKS.c
        stmt_delete = delete(_MARKS).where(c.group_id == bindparam("g"), c.lesson_date == bindparam("d"),
                                           c.child_id == bindparam("c"))
        _executemany(conn, stmt_delete, ("g", "d", "c"), removals)
    if audit:
        _executemany(conn, insert(_AUDIT), _AUDIT_COLUMNS, audit)
    return applied


def utc_text(value: datetime) -> str:
    """A time as ``UtcDateTime`` stores it («YYYY-MM-DDTHH:MM:SS.ffffffZ», UTC; sorts as text)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    elif value.utcoffset():
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def _upsert_marks(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """Insert or update the cells of ``rows`` (``_MARK_COLUMNS``). (In the order they come: a page
    brings a group's cells together, and sorting them into the table's order cost more than it
    saved.)"""
    if not rows:
        return
    stmt = sqlite_insert(_MARKS)
    stmt = stmt.on_conflict_do_update(index_elements=["group_id", "lesson_date", "child_id"], set_={
        "code": stmt.excluded.code, "changed_at": stmt.excluded.changed_at,
        "changed_by": stmt.excluded.changed_by})
    _executemany(conn, stmt, _MARK_COLUMNS, rows)


def _current_codes(conn: Connection, cells: Iterable[Cell]) -> dict[Cell, int]:
    """The code of each of ``cells`` that has a mark: one range of the table per group (its cells'
    first to last date), so a group with no marks here — every group of a first sync — costs one
    index probe."""
    spans: dict[int, tuple[str, str]] = {}
    for group_id, day, _child in cells:
        span = spans.get(group_id)
        if span is None:
            spans[group_id] = (day, day)
        elif not span[0] <= day <= span[1]:
            spans[group_id] = (min(span[0], day), max(span[1], day))
    sql, positional = _select_codes(conn.dialect)
    current: dict[Cell, int] = {}
    for group_id, (first, last) in spans.items():
        params: Any = (group_id, first, last) if positional else {"g": group_id, "a": first, "b": last}
        current.update(((group_id, day, child_id), code)
                       for day, child_id, code in conn.exec_driver_sql(sql, params))
    return current


@functools.lru_cache(maxsize=4)
def _select_codes(dialect: Dialect) -> tuple[str, bool]:
    """``SELECT lesson_date, child_id, code … WHERE group_id = g AND lesson_date BETWEEN a AND b``
    compiled for ``dialect``; whether its parameters are positional (g, a, b) or named."""
    c = _MARKS.c
    stmt = select(c.lesson_date, c.child_id, c.code).where(
        c.group_id == bindparam("g"), c.lesson_date.between(bindparam("a"), bindparam("b")))
    compiled = cast(SQLCompiler, stmt.compile(dialect=dialect))
    if compiled.positional and list(compiled.positiontup or ()) != ["g", "a", "b"]:
        raise AssertionError(f"unexpected parameter order: {compiled.positiontup}")
    return compiled.string, bool(compiled.positional)


def _executemany(conn: Connection, stmt: ClauseElement, columns: Sequence[str],
                 rows: list[tuple[Any, ...]]) -> None:
    """``stmt`` compiled once for the connection's dialect, run over ``rows`` (values in ``columns``
    order, already in their stored form) without per-row parameter processing."""
    compiled = cast(SQLCompiler, stmt.compile(dialect=conn.dialect, column_keys=list(columns)))
    if compiled.positional:
        order = [columns.index(name) for name in compiled.positiontup or ()]
        params: list[Any] = rows if order == list(range(len(columns))) else [
            tuple(row[i] for i in order) for row in rows]
    else:
        params = [dict(zip(columns, row, strict=True)) for row in rows]
    conn.exec_driver_sql(compiled.string, params)
