"""provider: its billed months, so the journal refuses a mark in one on the spot

The portal sends the provider's billed months (``pfdo-portal lock-month``) in its provider record
from this version on, and re-stamps the record when a month is locked or unlocked. A PC that gains
the column has none of the months its portal already billed, and the portal will not send the
provider again until a month is locked or the provider changes, so the master stream's cursor is
emptied, as 0005 did: the next sync downloads the master stream once more, as a first sync does
(nothing local is lost: rows with queued ops keep their values, the outbox and the marks are not
touched). A PC that never synced has no cursor.

Revision ID: 0008_locked_months
Revises: 0007_outbox_clock
Create Date: 2026-12-15 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0008_locked_months'
down_revision = '0007_outbox_clock'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('provider', schema=None) as batch_op:
        batch_op.add_column(sa.Column('locked_months', sa.JSON(), server_default='[]', nullable=False))
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'master'")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), as 0005 does: batch mode would copy the table, which the
    # programmes' foreign keys refuse once the provider has rows. The cursor stays as it is; the
    # older PC refuses no mark by month (the portal still does, at the sync).
    op.execute("ALTER TABLE provider DROP COLUMN locked_months")
