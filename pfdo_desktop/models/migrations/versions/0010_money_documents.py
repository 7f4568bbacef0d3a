"""money_document: the advance requests and invoices sent to the portal and its decisions, issue 12

A new table (nothing existing changes). The portal sends the provider's documents in the own stream
(entity ``invoice``); a PC of the previous version read the pages that carried them and moved its
``own`` cursor past them without storing them, so the ``own`` cursor is emptied: the next sync
downloads the own stream once more (marks and lesson states are written by their one writers, which
keep what waits in the outbox). A PC that never synced has no cursor.

Revision ID: 0010_money_documents
Revises: 0009_lesson_states
Create Date: 2026-12-07 10:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0010_money_documents'
down_revision = '0009_lesson_states'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'money_document',
        sa.Column('uid', sa.String(length=40), nullable=False),
        sa.Column('portal_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('month', sa.String(length=7), nullable=False),
        sa.Column('payer', sa.Text(), nullable=False),
        sa.Column('number', sa.String(length=40), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('refused_code', sa.String(length=32), nullable=False),
        sa.Column('refused_text', sa.Text(), nullable=False),
        sa.Column('percent', sa.String(length=24), nullable=True),  # Money
        sa.Column('base', sa.String(length=24), nullable=False),
        sa.Column('total', sa.String(length=24), nullable=False),
        sa.Column('advance', sa.String(length=24), nullable=False),
        sa.Column('to_pay', sa.String(length=24), nullable=False),
        sa.Column('advance_excess', sa.String(length=24), nullable=False),
        sa.Column('lines', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.String(length=32), nullable=False),  # UtcDateTime
        sa.Column('sent_at', sa.String(length=32), nullable=True),
        sa.Column('decided_at', sa.String(length=32), nullable=True),
        sa.Column('paid_at', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('uid', name=op.f('pk_money_document')),
        sa.UniqueConstraint('portal_id', name=op.f('uq_money_document_portal_id')),
    )
    op.create_index('ix_money_document_month', 'money_document', ['month', 'kind'], unique=False)
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'own'")


def downgrade() -> None:
    # The older PC does not show the documents; the portal keeps them (and sends them again after
    # the next upgrade, which empties the own cursor once more).
    op.drop_index('ix_money_document_month', table_name='money_document')
    op.drop_table('money_document')
