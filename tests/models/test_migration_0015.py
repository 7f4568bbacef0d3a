"""Migration 0015: the certificate periods (issue 17 §1) get their table, and the next sync downloads
the master stream again so periods a portal sent before the upgrade arrive; a downgrade drops the
table and keeps the certificates."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from pfdo_desktop.models import Base, SyncCursor, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

MASTER_CURSOR = "e1:4711"
OWN_CURSOR = "e1:815"


def _a_0014_database(data_dir) -> None:
    """A PC of the previous version that has synced: a child with its certificate, both cursors."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0014_lesson_themes")
    engine.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        c.execute("insert into child (id, last_name, first_name, middle_name, birth_date, snils, "
                  "search_name, archived, doc_kind, doc_number) values (1, 'Иванов', 'Иван', '', "
                  "'2015-03-01', '', 'иванов иван', 0, '', '')")
        c.execute("insert into certificate (id, child_id, number, status, nominal, balance, reserve, unit, "
                  "archived) values (1, 1, '4718000001', 'uchet', '0.00', '0.00', '0.00', 'rub', 0)")
        for stream, cursor in (("master", MASTER_CURSOR), ("own", OWN_CURSOR)):
            c.execute("insert into sync_cursor (stream, cursor, updated_at) "
                      "values (?, ?, '2026-12-07T09:00:00.000000Z')", (stream, cursor))


def test_periods_table_and_the_master_stream_downloads_again(data_dir):
    _a_0014_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            assert {c.stream: c.cursor for c in s.query(SyncCursor)} == {"master": "", "own": OWN_CURSOR}
        with db.engine.connect() as conn:
            assert "certificate_period" in inspect(conn).get_table_names()
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_downgrade_drops_the_periods_and_keeps_the_certificates(data_dir):
    _a_0014_database(data_dir)
    db = open_database(data_dir)
    try:
        command.downgrade(alembic_config(db.engine), "0014_lesson_themes")
        with db.engine.connect() as conn:
            assert "certificate_period" not in inspect(conn).get_table_names()
            assert conn.execute(text("select number from certificate")).scalar_one() == "4718000001"
    finally:
        db.dispose()
