"""Moves: server-side drafts and commits, idempotency, counters, the outbound 本人確認情報
notices, received 転出証明書情報 and the purge log; households get a version.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

COUNTERS_FROM_DATA = """
INSERT INTO counters (name, value)
SELECT 'atena', COALESCE(MAX(CAST(atena_number AS BIGINT)), 999999999) FROM persons
UNION ALL
SELECT 'household', COALESCE(MAX(CAST(household_number AS BIGINT)), 4999999999) FROM households
UNION ALL
SELECT 'notice', 0
"""
SEQUENCES_FROM_DATA = """
SELECT setval('atena_number_seq', GREATEST(1000000000,
    (SELECT COALESCE(MAX(CAST(atena_number AS BIGINT)), 0) FROM persons)), true),
       setval('household_number_seq', GREATEST(5000000000,
    (SELECT COALESCE(MAX(CAST(household_number AS BIGINT)), 0) FROM households)), true)
"""


def upgrade() -> None:
    op.create_table('counters',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('idempotency_keys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=120), nullable=False),
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('request_hash', sa.String(length=64), nullable=False),
    sa.Column('status_code', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_idempotency_keys')),
    sa.UniqueConstraint('scope', 'key', name=op.f('uq_idempotency_keys_scope_key'))
    )
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idempotency_keys_created_at'), ['created_at'], unique=False)

    op.create_table('moves',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('committed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.Column('request', sa.Text(), nullable=False),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.Column('review', sa.Text(), nullable=False),
    sa.Column('result', sa.Text(), nullable=True),
    sa.CheckConstraint("status IN ('draft', 'committed', 'discarded')", name=op.f('ck_moves_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moves'))
    )
    with op.batch_alter_table('moves', schema=None) as batch_op:
        batch_op.create_index('ix_moves_status_expires_at', ['status', 'expires_at'], unique=False)

    op.create_table('purge_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('job', sa.String(length=40), nullable=False),
    sa.Column('object_type', sa.String(length=30), nullable=False),
    sa.Column('object_id', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=60), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purge_log'))
    )
    with op.batch_alter_table('purge_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purge_log_at'), ['at'], unique=False)

    op.create_table('transfer_notices',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('from_municipality', sa.String(length=6), nullable=False),
    sa.Column('resident_code', sa.String(length=11), nullable=False),
    sa.Column('planned_move_date', sa.Date(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('used_by_move_id', sa.String(length=32), nullable=True),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['used_by_move_id'], ['moves.id'], name=op.f('fk_transfer_notices_used_by_move_id_moves')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer_notices'))
    )
    with op.batch_alter_table('transfer_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_notices_planned_move_date'), ['planned_move_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_notices_resident_code'), ['resident_code'], unique=False)

    op.create_table('outbound_notices',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('sequence', sa.BigInteger(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('move_id', sa.String(length=32), nullable=False),
    sa.Column('change_reason', sa.String(length=20), nullable=False),
    sa.Column('change_date', sa.Date(), nullable=False),
    sa.Column('operator_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['move_id'], ['moves.id'], name=op.f('fk_outbound_notices_move_id_moves')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_outbound_notices_person_id_persons')),
    sa.ForeignKeyConstraint(['version_id'], ['person_versions.id'], name=op.f('fk_outbound_notices_version_id_person_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbound_notices')),
    sa.UniqueConstraint('sequence', name=op.f('uq_outbound_notices_sequence')),
    sa.UniqueConstraint('version_id', name=op.f('uq_outbound_notices_version_id'))
    )
    with op.batch_alter_table('outbound_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbound_notices_move_id'), ['move_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_outbound_notices_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))

    # Counters start after the numbers already in the register (see registry.repositories.counters).
    op.execute(COUNTERS_FROM_DATA)
    if op.get_bind().dialect.name == "postgresql":
        # New 宛名番号 and 世帯番号 come from sequences there: nextval never waits for another
        # transaction, so concurrent 転入 commits do not queue behind each other's disk flush.
        op.execute(
            "CREATE SEQUENCE atena_number_seq START WITH 1000000000 MINVALUE 1000000000 "
            "MAXVALUE 9999999999"
        )
        op.execute(
            "CREATE SEQUENCE household_number_seq START WITH 5000000000 MINVALUE 5000000000 "
            "MAXVALUE 9999999999"
        )
        op.execute(SEQUENCES_FROM_DATA)



def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE atena_number_seq")
        op.execute("DROP SEQUENCE household_number_seq")
    with op.batch_alter_table('households', schema=None) as batch_op:
        batch_op.drop_column('version')

    with op.batch_alter_table('outbound_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbound_notices_person_id'))
        batch_op.drop_index(batch_op.f('ix_outbound_notices_move_id'))

    op.drop_table('outbound_notices')
    with op.batch_alter_table('transfer_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_notices_resident_code'))
        batch_op.drop_index(batch_op.f('ix_transfer_notices_planned_move_date'))

    op.drop_table('transfer_notices')
    with op.batch_alter_table('purge_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purge_log_at'))

    op.drop_table('purge_log')
    with op.batch_alter_table('moves', schema=None) as batch_op:
        batch_op.drop_index('ix_moves_status_expires_at')

    op.drop_table('moves')
    with op.batch_alter_table('idempotency_keys', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idempotency_keys_created_at'))

    op.drop_table('idempotency_keys')
    op.drop_table('counters')
