"""A certificate keeps what its request named besides the persons: the household of a 世帯全員
and the move of a 転出証明書, so that a 再交付 asks for the same again.

Before, a reissued 世帯全員 was printed as 世帯一部 (its persons alone), and a 転出証明書 could
not be reissued at all (its move was not known).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('household', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('move_id', sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_column('move_id')
        batch_op.drop_column('household')
