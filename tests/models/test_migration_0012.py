"""Migration 0012: the journal's marks keyed by their cell (group, lesson date, child) instead of a
stored uuid. Every mark of a 0011 database is there after it, the same; the operator's unsent edit
still re-dates (its op is keyed by the cell's uuid, which is now derived); a downgrade gives the
old table back with each cell's uuid."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from pfdo_desktop.domain.attendance import mark_id
from pfdo_desktop.models import AttendanceMark, Base, open_database
from pfdo_desktop.models.clock import redate_local
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

MARKS = [  # (group, child, day, code, changed at, by)
    (5, 7, "2025-10-01", 1, "2025-10-01T10:00:00.000000Z", "ivanova"),
    (5, 8, "2025-10-01", 2, "2025-10-01T10:00:00.000000Z", "ivanova"),
    (5, 7, "2025-10-08", 3, "2025-10-08T10:05:00.000000Z", ""),
    (6, 7, "2025-09-30", 4, "2025-09-30T09:00:00.000000Z", "petrova"),
]


def _insert(c: sqlite3.Connection, table: str, **values) -> None:
    """A row of ``table`` with ``values``; every other NOT NULL column without a default gets 0 or ''."""
    for _cid, name, kind, notnull, default, _pk in c.execute(f"pragma table_info({table})").fetchall():
        if name not in values and notnull and default is None:
            values[name] = 0 if kind.upper() in ("INTEGER", "SMALLINT", "BOOLEAN") else ""
    c.execute(f"insert into {table} ({', '.join(values)}) values ({', '.join('?' * len(values))})",
              tuple(values.values()))


def _a_0011_database(data_dir) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0011_provider_requisites")
    engine.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        _insert(c, "provider", id=1, name="Школа")
        _insert(c, "program", id=1, provider_id=1, name="Рисунок", age_from_months=60, age_to_months=143)
        _insert(c, "module", id=1, program_id=1, name="1 год", price="0.00", normative_price="0.00")
        for gid in (5, 6):
            _insert(c, "study_group", id=gid, module_id=1, program_id=1, provider_id=1, name="Группа",
                    date_from="2025-09-01", date_to="2026-05-31", cancelled_dates="[]")
        for cid in (7, 8):
            _insert(c, "child", id=cid, last_name="Ёлкина", first_name="Алёна", birth_date="2015-03-12")
        c.executemany("insert into attendance_mark (id, group_id, child_id, lesson_date, code, changed_at, "
                      "changed_by) values (?, ?, ?, ?, ?, ?, ?)",
                      [(mark_id(g, ch, d), g, ch, d, code, at, by) for g, ch, d, code, at, by in MARKS])
        # The audit row of an edit whose op waits (the re-dating finds the cell by it).
        c.execute("insert into mark_audit (mark_id, group_id, child_id, lesson_date, old_code, new_code, "
                  "changed_at, changed_by, reason, recorded_at) values (?, 5, 8, '2025-10-01', null, 2, "
                  "'2025-10-01T10:00:00.000000Z', 'ivanova', 'edit', '2025-10-01T10:00:00.000000Z')",
                  (mark_id(5, 8, "2025-10-01"),))


def _rows(db) -> set[tuple]:
    with db.read() as s:
        return {(m.group_id, m.child_id, m.lesson_date.isoformat(), m.code,
                 m.changed_at.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), m.changed_by)
                for m in s.scalars(select(AttendanceMark))}


def test_every_mark_is_kept_keyed_by_its_cell_and_the_old_table_comes_back_on_downgrade(data_dir):
    _a_0011_database(data_dir)
    db = open_database(data_dir)
    try:
        assert _rows(db) == set(MARKS)
        with db.engine.connect() as conn:  # the migrated schema is exactly the models' schema
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            ddl = conn.exec_driver_sql("select sql from sqlite_master where name = 'attendance_mark'"
                                       ).scalar()
            assert "WITHOUT ROWID" in ddl and "id VARCHAR" not in ddl
        # An unsent edit re-dated by a fresh anchor (services.outbox.redate_pending): its cell moves.
        old = datetime(2025, 10, 1, 10, 0, tzinfo=UTC)
        new = datetime(2025, 10, 1, 10, 2, 30, tzinfo=UTC)
        with db.write() as s:
            redate_local(s, "mark.set", mark_id(5, 8, "2025-10-01"), "", old, new)
        with db.read() as s:
            cell = s.get(AttendanceMark, (5, date(2025, 10, 1), 8))
            assert cell is not None and cell.changed_at == new
        command.downgrade(alembic_config(db.engine), "0011_provider_requisites")
    finally:
        db.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c:
        back = set(c.execute("select id, group_id, child_id, lesson_date, code from attendance_mark"))
        indexes = {row[0] for row in c.execute("select name from sqlite_master where type = 'index' "
                                               "and tbl_name = 'attendance_mark'")}
    assert back == {(mark_id(g, ch, d), g, ch, d, code) for g, ch, d, code, _at, _by in MARKS}
    assert "ix_mark_group_date" in indexes
