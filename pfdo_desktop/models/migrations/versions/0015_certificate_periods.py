"""certificate periods (issue 17 §1): the municipalities' periods, nominals and ПФ quotas

The portal sends each municipality's certificate period as the master entity «period» from this
version on (``domain.certificate_periods``); the child's certificate card shows the period of its
municipality and its nominal. A PC of the previous version read master pages that carried periods
and moved its ``master`` cursor past them without storing them, so the ``master`` cursor is emptied
(as 0005 and 0008 did): the next sync downloads the master stream once more (rows with queued ops
keep their values; the outbox and the marks are not touched). A PC that never synced has no cursor.

Revision ID: 0015_certificate_periods
Revises: 0014_lesson_themes
Create Date: 2026-12-08 01:10:00
"""

import sqlalchemy as sa
from alembic import op

import pfdo_desktop.models.base

revision = '0015_certificate_periods'
down_revision = '0014_lesson_themes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'certificate_period',
        sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('municipality', sa.Text(), nullable=False),
        sa.Column('code', sa.String(length=2), nullable=False),
        sa.Column('date_from', sa.Date(), nullable=False),
        sa.Column('date_to', sa.Date(), nullable=False),
        sa.Column('nominal', pfdo_desktop.models.base.Money(length=24), nullable=False),
        sa.Column('unit', sa.String(length=8), nullable=False),
        sa.Column('quota', sa.Integer(), nullable=False),
        sa.Column('unused_days', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(length=8), nullable=False),
        sa.Column('archived', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_period')),
    )
    op.create_index(op.f('ix_certificate_period_code'), 'certificate_period', ['code'], unique=False)
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'master'")


def downgrade() -> None:
    # The older PC knows no periods: the table goes; its cursor stays (it ignores the entity).
    op.drop_index(op.f('ix_certificate_period_code'), table_name='certificate_period')
    op.drop_table('certificate_period')
