"""outbox: the clocks an edit was made at, so a provisional time can be re-dated

An op whose edit was dated with no measured anchor of its boot (after a reboot, before the boot's
first sync: the wall clock plus the last offset) is *provisional*; it keeps the boot id and the
readings of the PC's clocks, and the next sync in that boot re-dates it from its monotonic reading
while it waits (domain/clock.py ``redated``). Ops already queued have no reading: they stay as they
are (all four columns null) and go out with the time they carry.

Revision ID: 0007_outbox_clock
Revises: 0006_portal_id
Create Date: 2026-12-07 04:00:00
"""

import sqlalchemy as sa
from alembic import op

import pfdo_desktop.models.base

revision = '0007_outbox_clock'
down_revision = '0006_portal_id'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('clock_boot', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('clock_mono', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('clock_wall', pfdo_desktop.models.base.UtcDateTime(length=32),
                                      nullable=True))
        batch_op.add_column(sa.Column('clock_provisional', sa.Boolean(), nullable=True))


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), as 0005 does: the queue is not copied. The older engine
    # sends the ops with the times they carry.
    for column in ('clock_provisional', 'clock_wall', 'clock_mono', 'clock_boot'):
        op.execute(f"ALTER TABLE outbox DROP COLUMN {column}")
