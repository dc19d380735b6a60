"""Security: staff, sessions, enrolled terminals, approvals, alerts, and the hash-chained
audit log with its per-resident index. The audit log refuses UPDATE of sealed rows and DELETE
at the database level as well (triggers), so only someone who drops the triggers can edit it,
and the chain then shows where.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

GENESIS_HASH = "0" * 64

SQLITE_TRIGGERS = (
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_sealed BEFORE UPDATE ON audit_log
    WHEN OLD.chain_seq IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'audit_log rows are sealed'); END""",
    """CREATE TRIGGER audit_targets_no_change BEFORE DELETE ON audit_targets
    BEGIN SELECT RAISE(ABORT, 'audit_targets is append-only'); END""",
)
POSTGRES_TRIGGERS = (
    """CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
        END IF;
        IF OLD.chain_seq IS NOT NULL THEN
            RAISE EXCEPTION 'audit_log rows are sealed';
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER audit_log_guard BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard()""",
    """CREATE TRIGGER audit_targets_guard BEFORE DELETE ON audit_targets
    FOR EACH ROW EXECUTE FUNCTION audit_log_guard()""",
)


def upgrade() -> None:
    op.create_table('alerts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolved_by', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alerts'))
    )
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alerts_at'), ['at'], unique=False)

    op.create_table('audit_chain_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.BigInteger(), nullable=False),
    sa.Column('last_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain_head'))
    )
    op.create_table('audit_log',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('purpose', sa.String(length=100), nullable=True),
    sa.Column('result', sa.String(length=40), nullable=False),
    sa.Column('number_access', sa.Boolean(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=True),
    sa.Column('approver_id', sa.String(length=40), nullable=True),
    sa.Column('detail', sa.String(length=200), nullable=True),
    sa.Column('targets', sa.String(length=4000), nullable=False),
    sa.Column('chain_seq', sa.BigInteger(), nullable=True),
    sa.Column('chain_hash', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('chain_seq', name=op.f('uq_audit_log_chain_seq'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index('ix_audit_log_staff_id_at', ['staff_id', 'action', 'at'], unique=False)

    op.create_table('staff',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('roles', sa.String(length=200), nullable=False),
    sa.Column('number_view', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('search_blocked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('password_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff'))
    )
    op.create_table('terminals',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('serial', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('not_after', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_terminals')),
    sa.UniqueConstraint('serial', name=op.f('uq_terminals_serial'))
    )
    op.create_table('audit_targets',
    sa.Column('audit_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('atena_number', sa.String(length=10), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit_log.id'], name=op.f('fk_audit_targets_audit_id_audit_log')),
    sa.PrimaryKeyConstraint('audit_id', 'atena_number', name=op.f('pk_audit_targets'))
    )
    with op.batch_alter_table('audit_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_targets_atena_number'), ['atena_number'], unique=False)

    op.create_table('staff_sessions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('staff_id', sa.String(length=40), nullable=False),
    sa.Column('terminal_id', sa.String(length=80), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_reason', sa.String(length=30), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_sessions_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_sessions'))
    )
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_sessions_staff_id'), ['staff_id'], unique=False)

    op.create_table('approvals',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('session_id', sa.String(length=64), nullable=False),
    sa.Column('clerk_id', sa.String(length=40), nullable=False),
    sa.Column('supervisor_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['session_id'], ['staff_sessions.id'], name=op.f('fk_approvals_session_id_staff_sessions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_approvals'))
    )


    op.execute(f"INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, '{GENESIS_HASH}')")
    triggers = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)

def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_targets_guard ON audit_targets")
        op.execute("DROP TRIGGER audit_log_guard ON audit_log")
        op.execute("DROP FUNCTION audit_log_guard()")
    op.drop_table('approvals')
    with op.batch_alter_table('staff_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_sessions_staff_id'))

    op.drop_table('staff_sessions')
    with op.batch_alter_table('audit_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_targets_atena_number'))

    op.drop_table('audit_targets')
    op.drop_table('terminals')
    op.drop_table('staff')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_staff_id_at')
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    op.drop_table('audit_chain_head')
    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alerts_at'))

    op.drop_table('alerts')
