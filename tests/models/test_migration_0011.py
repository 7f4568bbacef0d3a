"""Migration 0011: the provider's payment requisites, chief accountant and the region's advance
percentage; the master stream downloads again so a PC learns them for a provider the portal will
not send again until it changes. Nothing local is lost: the provider row keeps its values, the
own cursor stays."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from pfdo_desktop.models import Base, Provider, SyncCursor, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine


def _a_0010_database(data_dir) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0010_money_documents")
    engine.dispose()
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as c, c:
        for stream, cursor in (("master", "e1:4711"), ("own", "e1:815")):
            c.execute("insert into sync_cursor (stream, cursor, updated_at) "
                      "values (?, ?, '2026-12-07T09:00:00.000000Z')", (stream, cursor))
        c.execute("insert into provider (id, name, short_name, inn, ogrn, address, head_name, municipality, "
                  "archived) values (7, 'МБОУ СОШ № 3', 'СОШ № 3', '5201234567', '', '', 'Иванова А. Б.', "
                  "'Заречный', 0)")


def test_the_provider_gains_empty_requisites_and_the_master_stream_downloads_again(data_dir):
    _a_0010_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            # own: emptied by 0014 (lesson themes) on the way to head; 0011 itself leaves it
            assert {c.stream: c.cursor for c in s.query(SyncCursor)} == {"master": "", "own": ""}
            row = s.get(Provider, 7)
            assert row is not None and (row.name, row.inn, row.head_name) == (
                "МБОУ СОШ № 3", "5201234567", "Иванова А. Б.")
            assert (row.kpp, row.bank_name, row.bik, row.account, row.corr_account, row.chief_accountant,
                    row.advance_percent) == ("", "", "", "", "", "", None)
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        command.downgrade(alembic_config(db.engine), "0010_money_documents")
        columns = {c["name"] for c in inspect(db.engine).get_columns("provider")}
        assert "account" not in columns and "advance_percent" not in columns and "head_position" in columns
    finally:
        db.dispose()
