"""Migration 0014: lesson themes (КТП, issue 16) get their audit trail, the themes already on the PC
stay, and the next sync downloads the own stream again so the themes other PCs set before the
upgrade arrive; a downgrade drops only the audit trail."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from pfdo_desktop.domain.attendance import lesson_id
from pfdo_desktop.models import Base, Lesson, SyncCursor, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

MASTER_CURSOR = "e1:4711"
OWN_CURSOR = "e1:815"
DAY = date(2026, 11, 9)


def _a_0013_database(data_dir) -> None:
    """A PC of the previous version that has synced: a lesson with a theme, and both cursors."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0013_children_search_index")
    engine.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        c.execute("insert into lesson (id, group_id, lesson_date, time_from, time_to, theme, cancelled, "
                  "off_schedule) values (?, 1, ?, '16:00', '16:45', 'Тема', 0, 0)",
                  (lesson_id(1, DAY), DAY.isoformat()))
        for stream, cursor in (("master", MASTER_CURSOR), ("own", OWN_CURSOR)):
            c.execute("insert into sync_cursor (stream, cursor, updated_at) "
                      "values (?, ?, '2026-12-07T09:00:00.000000Z')", (stream, cursor))


def test_themes_stay_get_an_audit_trail_and_the_own_stream_downloads_again(data_dir):
    _a_0013_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            lesson = s.get(Lesson, lesson_id(1, DAY))
            assert lesson is not None and lesson.theme == "Тема"
            # (0015, the certificate periods, empties the master cursor too.)
            assert {c.stream: c.cursor for c in s.query(SyncCursor)} == {"master": "", "own": ""}
        with db.engine.connect() as conn:
            assert "lesson_theme_audit" in inspect(conn).get_table_names()
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_downgrade_drops_the_audit_trail_and_keeps_the_themes(data_dir):
    _a_0013_database(data_dir)
    db = open_database(data_dir)
    try:
        command.downgrade(alembic_config(db.engine), "0013_children_search_index")
        with db.engine.connect() as conn:
            assert "lesson_theme_audit" not in inspect(conn).get_table_names()
            assert conn.execute(text("select theme from lesson")).scalar_one() == "Тема"
    finally:
        db.dispose()
