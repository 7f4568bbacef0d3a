"""lesson: its state (held / cancelled by the provider / moved), issue 12

A lesson can be marked «не проведено по вине исполнителя» (with the reason) or «перенесено» (to a
date, which then holds it). The columns default to «held», what every lesson was before. The
portal sends the states in the own stream (``lesson_state``); a PC of the previous version read the
pages that carried states another PC had set and moved its ``own`` cursor past them without
storing them, so the ``own`` cursor is emptied: the next sync downloads the own stream once more
(the marks are written by the journal's one writer, which keeps cells with an unsent edit). A PC
that never synced has no cursor.

Revision ID: 0009_lesson_states
Revises: 0008_locked_months
Create Date: 2026-12-20 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0009_lesson_states'
down_revision = '0008_locked_months'
branch_labels = None
depends_on = None

COLUMNS = ('state', 'moved_to', 'state_reason', 'state_changed_at', 'state_changed_by')


def upgrade() -> None:
    # Plain ADD COLUMNs (no table copy: the marks' and the lessons' rows stay where they are).
    op.add_column('lesson', sa.Column('state', sa.String(length=24), server_default='held', nullable=False))
    op.add_column('lesson', sa.Column('moved_to', sa.Date(), nullable=True))
    op.add_column('lesson', sa.Column('state_reason', sa.Text(), server_default='', nullable=False))
    op.add_column('lesson', sa.Column('state_changed_at', sa.String(length=32), nullable=True))  # UtcDateTime
    op.add_column('lesson', sa.Column('state_changed_by', sa.String(length=64), server_default='',
                                      nullable=False))
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'own'")


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35+), as 0005 and 0008 do. The older PC shows every lesson as
    # held; the portal still refuses marks on a cancelled lesson at the sync.
    for name in COLUMNS:
        op.execute(f"ALTER TABLE lesson DROP COLUMN {name}")
