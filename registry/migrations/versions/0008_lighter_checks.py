"""Two foreign keys that only repeated a check already made, off the write path of every audited
request and every move.

- audit_targets.audit_id: a target row is written by the same statement as its audit row
  (registry.audit.writer), and audit rows are never deleted (trigger). The key looked each row
  up again, twenty times for a page of search hits. The primary key becomes (atena_number,
  audit_id), which serves the access report by resident, and the separate index on
  atena_number goes.
- outbound_notices.person_id: the notice's version (version_id, still checked) names the
  person. Nothing reads notices by person, so its index goes too.

Measured on PostgreSQL, a 20-target audit row: 0.55–0.83 ms of database CPU with the key,
0.28–0.33 without.

The new primary key is built once over every existing target row, with audit_targets locked
for the time it takes: on a register with years of audit history, upgrade in a maintenance
window.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

# SQLite rebuilds a table to change its keys, and a rebuilt table has lost its triggers.
_SQLITE_TARGETS_TRIGGER = """CREATE TRIGGER audit_targets_no_change BEFORE DELETE ON audit_targets
    BEGIN SELECT RAISE(ABORT, 'audit_targets is append-only'); END"""


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == 'sqlite')


def upgrade() -> None:
    with op.batch_alter_table('audit_targets', schema=None) as batch_op:
        batch_op.drop_constraint('fk_audit_targets_audit_id_audit_log', type_='foreignkey')
        batch_op.drop_index('ix_audit_targets_atena_number')
        batch_op.drop_constraint('pk_audit_targets', type_='primary')
        batch_op.create_primary_key('pk_audit_targets', ['atena_number', 'audit_id'])
    if _sqlite():
        op.execute(_SQLITE_TARGETS_TRIGGER)
    with op.batch_alter_table('outbound_notices', schema=None) as batch_op:
        batch_op.drop_constraint('fk_outbound_notices_person_id_persons', type_='foreignkey')
        batch_op.drop_index('ix_outbound_notices_person_id')


def downgrade() -> None:
    with op.batch_alter_table('outbound_notices', schema=None) as batch_op:
        batch_op.create_index('ix_outbound_notices_person_id', ['person_id'], unique=False)
        batch_op.create_foreign_key(
            'fk_outbound_notices_person_id_persons', 'persons', ['person_id'], ['id'],
        )
    with op.batch_alter_table('audit_targets', schema=None) as batch_op:
        batch_op.drop_constraint('pk_audit_targets', type_='primary')
        batch_op.create_primary_key('pk_audit_targets', ['audit_id', 'atena_number'])
        batch_op.create_index('ix_audit_targets_atena_number', ['atena_number'], unique=False)
        batch_op.create_foreign_key(
            'fk_audit_targets_audit_id_audit_log', 'audit_log', ['audit_id'], ['id'],
        )
    if _sqlite():
        op.execute(_SQLITE_TARGETS_TRIGGER)
