"""Migration 0009: lessons gain their state (held / cancelled by the provider / moved); every
existing lesson is held, and the next sync downloads the own stream again so the states other PCs
set before the upgrade arrive."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.models import Base, Lesson, SyncCursor, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

MASTER_CURSOR = "e1:4711"
OWN_CURSOR = "e1:815"
DAY = date(2026, 11, 9)


def _a_0008_database(data_dir) -> None:
    """A PC of the previous version that has synced: a lesson, and both cursors."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0008_locked_months")
    engine.dispose()
    # Plain sqlite3 (foreign keys off): a lesson alone, its group is not the point.
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        c.execute("insert into lesson (id, group_id, lesson_date, time_from, time_to, theme, cancelled, "
                  "off_schedule) values (?, 1, ?, '16:00', '16:45', 'Тема', 0, 0)",
                  (lesson_id(1, DAY), DAY.isoformat()))
        for stream, cursor in (("master", MASTER_CURSOR), ("own", OWN_CURSOR)):
            c.execute("insert into sync_cursor (stream, cursor, updated_at) "
                      "values (?, ?, '2026-12-07T09:00:00.000000Z')", (stream, cursor))


def _cursors(db) -> dict[str, str]:
    with db.read() as s:
        return {c.stream: c.cursor for c in s.query(SyncCursor)}


def test_every_lesson_is_held_and_the_own_stream_downloads_again(data_dir):
    _a_0008_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            lesson = s.get(Lesson, lesson_id(1, DAY))
            assert lesson is not None and lesson.theme == "Тема"
            assert (lesson.state, lesson.moved_to, lesson.state_reason, lesson.state_changed_at) == (
                "held", None, "", None)
        assert _cursors(db) == {"master": "", "own": ""}  # master: emptied by 0011 on the way to head
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_downgrade_drops_the_states_and_keeps_the_lessons(data_dir):
    _a_0008_database(data_dir)
    db = open_database(data_dir)
    cfg = alembic_config(db.engine)
    try:
        with db.write() as s:
            lesson = s.get(Lesson, lesson_id(1, DAY))
            assert lesson is not None
            lesson.state, lesson.state_reason = "cancelled_by_provider", "болезнь педагога"
        command.downgrade(cfg, "0008_locked_months")
        with db.engine.connect() as conn:
            columns = [r[1] for r in conn.execute(text("PRAGMA table_info(lesson)"))]
            assert "state" not in columns and "moved_to" not in columns
            assert conn.execute(text("select theme from lesson")).scalar_one() == "Тема"
    finally:
        db.dispose()
