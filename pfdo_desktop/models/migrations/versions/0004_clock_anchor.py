"""clock: the portal-clock anchor on the device row; queued ops dated on the portal's clock

Until this version an op kept the PC's wall-clock time of the edit and the sync engine added the
offset it measured at push time. Now an op carries its time on the portal's clock, fixed when the
edit is made (domain/clock.py), and the engine sends it as it is. The ops still queued are
converted here with the offset the last sync measured — what the old engine would have added.
Ops of a PC that never synced stay as they are (offset 0: the wall clock, as the new rule says).

Revision ID: 0004_clock
Revises: 0003_programs
Create Date: 2026-12-07 02:00:00
"""

import json
from collections.abc import Mapping
from datetime import datetime, timedelta

import sqlalchemy as sa
from alembic import op

import pfdo_desktop.models.base

revision = '0004_clock'
down_revision = '0003_programs'
branch_labels = None
depends_on = None

# Payload fields dated on the portal's clock since this version, by op kind.
_TIMED_UP = {"mark.set": ("changed_at",), "mark.clear": ("changed_at",),
             "application.create": ("created_at",)}
# The old engine shifted only a mark's changed_at at push time; created_at went as it was.
_TIMED_DOWN = {"mark.set": ("changed_at",), "mark.clear": ("changed_at",)}


def _shift_queued(fields: Mapping[str, tuple[str, ...]], sign: int) -> None:
    conn = op.get_bind()
    offset_s = conn.execute(sa.text("SELECT clock_offset_s FROM device")).scalar() or 0.0
    if not offset_s:
        return
    shift = timedelta(seconds=sign * offset_s)
    kinds = ", ".join(f"'{k}'" for k in fields)
    rows = conn.execute(sa.text(f"SELECT id, kind, payload FROM outbox WHERE kind IN ({kinds})")).all()
    updates = []
    for op_row_id, kind, raw in rows:
        payload = json.loads(raw) if isinstance(raw, str) else dict(raw)
        changed = False
        for name in fields[kind]:
            value = payload.get(name)
            if isinstance(value, str) and value:
                payload[name] = (datetime.fromisoformat(value.replace("Z", "+00:00")) + shift).isoformat()
                changed = True
        if changed:
            updates.append({"id": op_row_id, "payload": json.dumps(payload, ensure_ascii=False)})
    if updates:
        conn.execute(sa.text("UPDATE outbox SET payload = :payload WHERE id = :id"), updates)


def upgrade() -> None:
    with op.batch_alter_table('device', schema=None) as batch_op:
        utc = pfdo_desktop.models.base.UtcDateTime(length=32)
        batch_op.add_column(sa.Column('clock_anchor_at', utc, nullable=True))
        batch_op.add_column(sa.Column('clock_anchor_wall', utc, nullable=True))
        batch_op.add_column(sa.Column('clock_anchor_mono', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('clock_anchor_boot', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('clock_anchor_rtt_s', sa.Float(), nullable=True))
    _shift_queued(_TIMED_UP, +1)


def downgrade() -> None:
    _shift_queued(_TIMED_DOWN, -1)  # the older engine adds the offset again at push time
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_column('clock_anchor_rtt_s')
        batch_op.drop_column('clock_anchor_boot')
        batch_op.drop_column('clock_anchor_mono')
        batch_op.drop_column('clock_anchor_wall')
        batch_op.drop_column('clock_anchor_at')
