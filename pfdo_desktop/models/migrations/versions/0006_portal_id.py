"""device: the identity of the portal this database belongs to (its portal_id and name)

A PC enrolled with one portal must never send its data to another (a training portal's children and
marks to the real one): the portal says who it is (``portal_id`` in ``/info`` and in the enrolment
answer) and the device keeps it. A PC enrolled before this version learns it at its next sync.

Revision ID: 0006_portal_id
Revises: 0005_head_position
Create Date: 2026-12-07 03:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0006_portal_id'
down_revision = '0005_head_position'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.add_column(sa.Column('portal_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('portal_name', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('device', schema=None) as batch_op:
        batch_op.drop_column('portal_name')
        batch_op.drop_column('portal_id')
