"""Certificates: the issue history (証明書発行履歴) with digests instead of content, and the
counter of certificate serials.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('certificates',
    sa.Column('serial', sa.String(length=20), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('persons', sa.String(length=4000), nullable=False),
    sa.Column('items', sa.String(length=400), nullable=False),
    sa.Column('requester_type', sa.String(length=20), nullable=False),
    sa.Column('requester_reference', sa.String(length=100), nullable=True),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.Column('approver_id', sa.String(length=40), nullable=True),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('fee_yen', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('field_digests', sa.Text(), nullable=False),
    sa.Column('voided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('void_reason', sa.String(length=200), nullable=True),
    sa.Column('reissue_of', sa.String(length=20), nullable=True),
    sa.ForeignKeyConstraint(['reissue_of'], ['certificates.serial'], name=op.f('fk_certificates_reissue_of_certificates')),
    sa.PrimaryKeyConstraint('serial', name=op.f('pk_certificates'))
    )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificates_issued_at'), ['issued_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_certificates_staff_id'), ['staff_id'], unique=False)



    op.execute("INSERT INTO counters (name, value) VALUES ('certificate', 0)")

def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'certificate'")
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificates_staff_id'))
        batch_op.drop_index(batch_op.f('ix_certificates_issued_at'))

    op.drop_table('certificates')
