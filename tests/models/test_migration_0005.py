"""Migration 0005: the provider gains the head's position, and the next sync downloads the master
stream again so the position the portal already has arrives."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pfdo_desktop.models import Base, Provider, SyncCursor, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

MASTER_CURSOR = "e1:4711"
OWN_CURSOR = "e1:815"


def _a_0004_database(data_dir) -> None:
    """A PC of the previous version that has synced: its provider, and both cursors."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0004_clock")
    with engine.begin() as c:
        c.execute(text("insert into provider (id, name, short_name, inn, ogrn, address, head_name, "
                       "municipality, archived) values (1, 'МАОУ СОШ № 3', '', '', '', '', "
                       "'Волкова Милана Валерьевна', '', 0)"))
        for stream, cursor in (("master", MASTER_CURSOR), ("own", OWN_CURSOR)):
            c.execute(text("insert into sync_cursor (stream, cursor, updated_at) "
                           "values (:s, :c, '2026-12-07T09:00:00.000000Z')"), {"s": stream, "c": cursor})
    engine.dispose()


def _cursors(db) -> dict[str, str]:
    with db.read() as s:
        return {c.stream: c.cursor for c in s.query(SyncCursor)}


def test_the_provider_gets_an_empty_position_and_the_master_stream_downloads_again(data_dir):
    _a_0004_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            provider = s.get(Provider, 1)
            assert provider is not None
            assert (provider.head_name, provider.head_position) == ("Волкова Милана Валерьевна", "")
        # An empty cursor is a full download. (0005 leaves the own stream's cursor; 0009, which
        # opening the database also runs, empties it for the lesson states.)
        assert _cursors(db) == {"master": "", "own": ""}
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        with db.write() as s:  # a new row without a position takes the default
            s.add(Provider(id=2, name="ДДТ"))
        with db.read() as s:
            assert s.get(Provider, 2).head_position == ""
    finally:
        db.dispose()


def test_a_pc_that_never_synced_has_no_cursor_to_reset(data_dir):
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0004_clock")
    engine.dispose()
    db = open_database(data_dir)
    try:
        assert _cursors(db) == {}
    finally:
        db.dispose()


def test_downgrade_drops_the_position(data_dir):
    _a_0004_database(data_dir)
    db = open_database(data_dir)
    cfg = alembic_config(db.engine)
    try:
        with db.write() as s:
            provider = s.get(Provider, 1)
            assert provider is not None
            provider.head_position = "директор"
        command.downgrade(cfg, "0004_clock")
        with db.engine.connect() as conn:
            columns = {r[1] for r in conn.execute(text("pragma table_info(provider)"))}
            assert "head_position" not in columns and "head_name" in columns
            assert conn.execute(text("select head_name from provider where id = 1")).scalar() == (
                "Волкова Милана Валерьевна")
        command.upgrade(cfg, "head")
        with db.read() as s:
            assert s.get(Provider, 1).head_position == ""
    finally:
        db.dispose()
