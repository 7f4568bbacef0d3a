"""lesson themes (КТП, issue 16): their audit trail, and the own stream downloaded once more

A lesson's theme is set on the PC and synced both ways (op ``lesson.theme``, own-stream entity
``lesson_theme``); the theme itself lives in ``lesson.theme``, which was there. Every change of a
theme — an edit here, a pulled one, the portal's value after a lost conflict or a refusal — gets a
row of ``lesson_theme_audit`` (who, when, old → new, why), as a mark's does in ``mark_audit``.

A PC of the previous version read the own-stream pages that carried themes other PCs had set and
moved its ``own`` cursor past them without storing them, so the ``own`` cursor is emptied (as 0009
did): the next sync downloads the own stream once more (the marks go through the journal's one
writer, which keeps cells with an unsent edit). A PC that never synced has no cursor.

Revision ID: 0014_lesson_themes
Revises: 0013_children_search_index
Create Date: 2026-12-08 01:00:00
"""

import sqlalchemy as sa
from alembic import op

import pfdo_desktop.models.base

revision = '0014_lesson_themes'
down_revision = '0013_children_search_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'lesson_theme_audit',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('lesson_id', sa.String(length=36), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('lesson_date', sa.Date(), nullable=False),
        sa.Column('old_theme', sa.Text(), nullable=False),
        sa.Column('new_theme', sa.Text(), nullable=False),
        sa.Column('changed_at', pfdo_desktop.models.base.UtcDateTime(length=32), nullable=True),
        sa.Column('changed_by', sa.String(length=64), nullable=False),
        sa.Column('reason', sa.String(length=16), nullable=False),
        sa.Column('recorded_at', pfdo_desktop.models.base.UtcDateTime(length=32), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_lesson_theme_audit')),
    )
    op.create_index(op.f('ix_lesson_theme_audit_lesson_id'), 'lesson_theme_audit', ['lesson_id'], unique=False)
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'own'")


def downgrade() -> None:
    # The themes stay in lesson.theme (the older PC shows them); only their audit trail goes.
    op.drop_index(op.f('ix_lesson_theme_audit_lesson_id'), table_name='lesson_theme_audit')
    op.drop_table('lesson_theme_audit')
