"""Migration 0007 (review finding 5): the outbox keeps the clocks an edit was made at; ops queued
by the previous version have none and stay exactly as they are."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text

from pfdo_desktop.domain.clock import Anchor
from pfdo_desktop.models import Base, OutboxOp, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine
from pfdo_desktop.services.outbox import redate_pending

EDIT = "2026-12-08T09:00:00.250000+00:00"  # a day ahead of the portal, as a wrong clock dated it
PAYLOAD = {"group_id": 1, "child_id": 2, "lesson_date": "2026-12-04", "code": 1,
           "changed_at": EDIT, "changed_by": "op"}


def _a_0006_database(data_dir) -> None:
    """A PC of the previous version with a mark still queued."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0006_portal_id")
    with engine.begin() as c:
        c.execute(text("insert into device (id, db_uuid, clock_offset_s, operator) "
                       "values (1, 'db-uuid', 0, '')"))
        c.execute(text("insert into outbox (op_id, kind, entity_key, payload, state, created_at, "
                       "attempts) values ('m1', 'mark.set', 'm1', :payload, 'pending', "
                       "'2026-12-08T09:00:00.250000Z', 0)"), {"payload": json.dumps(PAYLOAD)})
    engine.dispose()


def test_ops_already_queued_get_no_reading_and_are_never_re_dated(data_dir):
    _a_0006_database(data_dir)
    db = open_database(data_dir)
    try:
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        now = datetime(2026, 12, 7, 9, 0, 30, tzinfo=UTC)
        fresh = Anchor(portal_time=now, wall=now, mono=30.0, boot_id="", offset=timedelta(0),
                       round_trip=0.004)
        with db.write() as s:
            assert redate_pending(s, fresh) == 0
        with db.read() as s:
            op = s.scalars(select(OutboxOp)).one()
            assert (op.clock_boot, op.clock_mono, op.clock_wall, op.clock_provisional) == (None,) * 4
            assert op.payload == PAYLOAD
    finally:
        db.dispose()


def test_downgrade_drops_the_columns_and_keeps_the_queue(data_dir):
    _a_0006_database(data_dir)
    db = open_database(data_dir)
    cfg = alembic_config(db.engine)
    try:
        command.downgrade(cfg, "0006_portal_id")
        with db.engine.connect() as conn:
            columns = {r[1] for r in conn.execute(text("pragma table_info(outbox)"))}
            rows = dict(conn.execute(text("select op_id, payload from outbox")).all())
        assert not columns & {"clock_boot", "clock_mono", "clock_wall", "clock_provisional"}
        assert json.loads(rows["m1"]) == PAYLOAD
        command.upgrade(cfg, "head")
    finally:
        db.dispose()
