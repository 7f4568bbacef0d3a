"""Migration 0006: the device row gains the identity of its portal (portal_id, portal_name), empty
for a PC enrolled before — it learns them at its next sync (tests/sync/test_portal_identity.py)."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pfdo_desktop.models import Base, Device, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine


def _an_enrolled_0005_database(data_dir) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0005_head_position")
    with engine.begin() as c:
        c.execute(text("insert into device (id, db_uuid, portal_url, device_id, provider_id, provider_name, "
                       "clock_offset_s, operator) values (1, 'db-uuid-0005', 'https://pfdo.example', "
                       "'dev-1', 1, 'МАОУ СОШ № 3', 0, '')"))
    engine.dispose()


def test_an_enrolled_device_keeps_its_enrolment_and_has_no_portal_identity_yet(data_dir):
    _an_enrolled_0005_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.read() as s:
            device = s.get(Device, 1)
            assert device is not None
            assert (device.device_id, device.portal_url, device.provider_id) == (
                "dev-1", "https://pfdo.example", 1)
            assert (device.portal_id, device.portal_name) == (None, None)
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert list((data_dir / "backups").glob("*-before-*.sqlite3"))  # a backup first
    finally:
        db.dispose()


def test_downgrade_drops_the_identity_and_keeps_the_enrolment(data_dir):
    _an_enrolled_0005_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.write() as s:
            device = s.get(Device, 1)
            assert device is not None
            device.portal_id, device.portal_name = "a-portal-id", "учебный портал"
        command.downgrade(alembic_config(db.engine), "0005_head_position")
        with db.engine.connect() as conn:
            columns = {r[1] for r in conn.execute(text("pragma table_info(device)"))}
            assert "portal_id" not in columns and "portal_name" not in columns
            assert conn.execute(text("select device_id from device")).scalar() == "dev-1"
    finally:
        db.dispose()
