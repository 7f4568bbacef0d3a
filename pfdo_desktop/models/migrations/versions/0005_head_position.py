"""provider: the head's position, for the printed forms («в лице директора …»)

The portal sends the position in its provider record from this version on. A portal upgraded
before this PC already sent the provider (a field the older PC dropped) and will not send it again
until the provider changes, so the master stream's cursor is emptied: the next sync downloads the
master stream once more, as a first sync does (nothing local is lost: rows with queued ops keep
their values, the outbox and the marks are not touched). A PC that never synced has no cursor.

Revision ID: 0005_head_position
Revises: 0004_clock
Create Date: 2026-12-14 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005_head_position'
down_revision = '0004_clock'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('provider', schema=None) as batch_op:
        batch_op.add_column(sa.Column('head_position', sa.Text(), server_default='', nullable=False))
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'master'")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+): batch mode would copy the table and drop the old one, which
    # the programmes' foreign keys refuse once the provider has rows. The cursor stays as it is.
    op.execute("ALTER TABLE provider DROP COLUMN head_position")
