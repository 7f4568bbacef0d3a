"""provider: payment requisites, the chief accountant and the region's advance percentage

The portal sends them in its provider record from this version on (issue 12): the invoice and the
advance request print the bank requisites and the chief accountant, and the advance request uses
the region's percentage (``pfdo-portal set-advance-percent``) instead of the default 80 %. A PC that
gains the columns has none of the values its portal already has, and the portal will not send the
provider again until it changes, so the master stream's cursor is emptied, as 0005 and 0008 did:
the next sync downloads the master stream once more (nothing local is lost). A PC that never
synced has no cursor.

Revision ID: 0011_provider_requisites
Revises: 0010_money_documents
Create Date: 2026-12-07 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0011_provider_requisites'
down_revision = '0010_money_documents'
branch_labels = None
depends_on = None

_TEXT = {"kpp": sa.String(length=9), "bank_name": sa.Text(), "bik": sa.String(length=9),
         "account": sa.String(length=20), "corr_account": sa.String(length=20), "chief_accountant": sa.Text()}


def upgrade() -> None:
    with op.batch_alter_table('provider', schema=None) as batch_op:
        for name, kind in _TEXT.items():
            batch_op.add_column(sa.Column(name, kind, server_default='', nullable=False))
        batch_op.add_column(sa.Column('advance_percent', sa.String(length=24), nullable=True))
    op.execute("UPDATE sync_cursor SET cursor = '' WHERE stream = 'master'")


def downgrade() -> None:
    # Plain DROP COLUMNs (SQLite 3.35+), as 0005 and 0008 do: batch mode would copy the table, which
    # the programmes' foreign keys refuse once the provider has rows.
    for name in (*_TEXT, "advance_percent"):
        op.execute(f"ALTER TABLE provider DROP COLUMN {name}")
