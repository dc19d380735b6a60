"""Approval requests: clerks' bulk jobs queued for the supervisors' 承認 workspace.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('approval_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('session_id', sa.String(length=64), nullable=False),
    sa.Column('clerk_id', sa.String(length=40), nullable=False),
    sa.Column('terminal_id', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by', sa.String(length=40), nullable=True),
    sa.Column('decline_reason', sa.String(length=200), nullable=True),
    sa.Column('pending_token', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['staff_sessions.id'], name=op.f('fk_approval_requests_session_id_staff_sessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approval_requests'))
    )
    with op.batch_alter_table('approval_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_approval_requests_created_at'), ['created_at'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('approval_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_approval_requests_created_at'))

    op.drop_table('approval_requests')
