"""Migration 0010: the money documents' table (advance requests and invoices sent to the portal);
the next sync downloads the own stream again so the documents the provider's PCs sent before the
upgrade (pulled and skipped by the older version) arrive."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from decimal import Decimal

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from pfdo_desktop.models import Base, MoneyDocument, SyncCursor, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

MASTER_CURSOR = "e1:4711"
OWN_CURSOR = "e1:815"


def _a_0009_database(data_dir) -> None:
    """A PC of the previous version that has synced: both cursors."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0009_lesson_states")
    engine.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        for stream, cursor in (("master", MASTER_CURSOR), ("own", OWN_CURSOR)):
            c.execute("insert into sync_cursor (stream, cursor, updated_at) "
                      "values (?, ?, '2026-12-07T09:00:00.000000Z')", (stream, cursor))


def test_the_documents_table_is_there_and_the_own_stream_downloads_again(data_dir):
    _a_0009_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            # own: this migration; master: 0011 (the provider's requisites) empties it too
            assert {c.stream: c.cursor for c in s.query(SyncCursor)} == {"master": "", "own": ""}
        with db.write() as s:
            s.add(MoneyDocument(uid="u-0000001", kind="invoice", month="2026-11", payer="Город",
                                total=Decimal("1634.29"), lines=[{"n": 1, "amount": "750.00"}],
                                created_at=datetime(2026, 12, 7, tzinfo=UTC)))
        with db.read() as s:
            doc = s.get(MoneyDocument, "u-0000001")
            assert doc is not None
            assert (doc.status, doc.number, doc.total, doc.advance, doc.lines) == (
                "draft", "", Decimal("1634.29"), Decimal("0.00"), [{"n": 1, "amount": "750.00"}])
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_downgrade_drops_the_table_and_keeps_the_rest(data_dir):
    _a_0009_database(data_dir)
    db = open_database(data_dir)
    try:
        command.downgrade(alembic_config(db.engine), "0009_lesson_states")
        names = inspect(db.engine).get_table_names()
        assert "money_document" not in names and "lesson" in names and "sync_cursor" in names
    finally:
        db.dispose()
