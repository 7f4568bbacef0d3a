"""Migration 0004 (issue 10 §6): ops queued by the previous version are dated on the portal's clock."""

from __future__ import annotations

import json

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pfdo_desktop.models import Base, Device, OutboxOp, open_database
from pfdo_desktop.models.database import DB_FILENAME, alembic_config, make_engine

EDIT = "2026-12-07T09:00:00.250000+00:00"
ONE_HOUR_LATER = "2026-12-07T10:00:00.250000+00:00"


def _a_0003_database(data_dir, offset_s: float) -> None:
    """A PC whose last sync (previous version) measured the portal ``offset_s`` ahead of it, with
    a mark, an application and a new child still queued — times on its own wall clock."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    command.upgrade(alembic_config(engine), "0003_programs")
    ops = [
        ("m1", "mark.set", {"group_id": 1, "child_id": 2, "lesson_date": "2026-12-04", "code": 1,
                            "changed_at": EDIT, "changed_by": "op"}),
        ("m2", "mark.clear", {"group_id": 1, "child_id": 3, "lesson_date": "2026-12-04",
                              "changed_at": EDIT, "changed_by": "op"}),
        ("a1", "application.create", {"uid": "u1", "child_id": 2, "child_uid": None, "group_id": 1,
                                      "start_date": "2026-12-10", "expected_certificate_part": None,
                                      "created_at": EDIT}),
        ("c1", "child.create", {"uid": "r1", "last_name": "Иванов"}),
    ]
    with engine.begin() as c:
        c.execute(text("insert into device (id, db_uuid, clock_offset_s, operator) "
                       "values (1, 'db-uuid', :o, '')"), {"o": offset_s})
        for op_id, kind, payload in ops:
            c.execute(text("insert into outbox (op_id, kind, entity_key, payload, state, created_at, "
                           "attempts) values (:id, :kind, :key, :payload, 'pending', "
                           "'2026-12-07T09:00:00.250000Z', 0)"),
                      {"id": op_id, "kind": kind, "key": op_id, "payload": json.dumps(payload)})
    engine.dispose()


def _payloads(db) -> dict[str, dict]:
    with db.read() as s:
        return {op.op_id: op.payload for op in s.query(OutboxOp)}


def test_queued_ops_take_the_last_measured_offset_and_the_device_gets_anchor_columns(data_dir):
    _a_0003_database(data_dir, offset_s=3600.0)
    db = open_database(data_dir)
    try:
        payloads = _payloads(db)
        assert payloads["m1"]["changed_at"] == ONE_HOUR_LATER
        assert payloads["m2"]["changed_at"] == ONE_HOUR_LATER
        assert payloads["a1"]["created_at"] == ONE_HOUR_LATER
        assert payloads["c1"] == {"uid": "r1", "last_name": "Иванов"}
        with db.read() as s:
            device = s.get(Device, 1)
            assert device is not None
            assert device.clock_anchor_at is None  # no anchor until the next sync
            assert device.clock_offset_s == 3600.0
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        db.dispose()


def test_a_pc_that_never_synced_keeps_its_wall_clock_times(data_dir):
    _a_0003_database(data_dir, offset_s=0.0)
    db = open_database(data_dir)
    try:
        assert _payloads(db)["m1"]["changed_at"] == EDIT
    finally:
        db.dispose()


def test_downgrade_gives_the_older_engine_wall_clock_mark_times_back(data_dir):
    _a_0003_database(data_dir, offset_s=3600.0)
    db = open_database(data_dir)
    cfg = alembic_config(db.engine)
    try:
        command.downgrade(cfg, "0003_programs")
        with db.engine.connect() as conn:
            assert "clock_anchor_at" not in {r[1] for r in conn.execute(text("pragma table_info(device)"))}
            rows = dict(conn.execute(text("select op_id, payload from outbox")).all())
        assert json.loads(rows["m1"])["changed_at"] == EDIT  # the older engine adds the offset itself
        assert json.loads(rows["a1"])["created_at"] == ONE_HOUR_LATER  # it never shifted this one
        command.upgrade(cfg, "head")
        assert _payloads(db)["m1"]["changed_at"] == ONE_HOUR_LATER
    finally:
        db.dispose()
