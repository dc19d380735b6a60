"""Cards: each resident's card state (with the version that guards compare-and-set), the card
events of the カード交付 desk, the identity checks recorded at the counter (method and flags
only), and the counter of 交付 receipt numbers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('card_events',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('event', sa.String(length=12), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=True),
    sa.Column('card_expiry', sa.Date(), nullable=True),
    sa.Column('receipt_number', sa.String(length=20), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.CheckConstraint("event IN ('issue', 'suspend', 'resume', 'revoke', 'collect')", name=op.f('ck_card_events_card_event')),
    sa.CheckConstraint("state IN ('none', 'issued', 'suspended', 'revoked', 'collected')", name=op.f('ck_card_events_card_state')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_card_events_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_events')),
    sa.UniqueConstraint('receipt_number', name=op.f('uq_card_events_receipt_number'))
    )
    with op.batch_alter_table('card_events', schema=None) as batch_op:
        batch_op.create_index('ix_card_events_person_id_recorded_at', ['person_id', 'recorded_at'], unique=False)

    op.create_table('card_states',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('expiry_date', sa.Date(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('none', 'issued', 'suspended', 'revoked', 'collected')", name=op.f('ck_card_states_card_state')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_card_states_version_positive')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_card_states_person_id_persons')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_card_states'))
    )
    op.create_table('identity_checks',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=20), nullable=False),
    sa.Column('documents', sa.String(length=400), nullable=False),
    sa.Column('questions_asked', sa.Integer(), nullable=False),
    sa.Column('questions_correct', sa.Integer(), nullable=False),
    sa.Column('card_presented', sa.Boolean(), nullable=False),
    sa.Column('pin_verified', sa.Boolean(), nullable=True),
    sa.Column('face_compared', sa.Boolean(), nullable=True),
    sa.Column('fields_matched', sa.String(length=200), nullable=True),
    sa.Column('sufficient', sa.Boolean(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_identity_checks_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_identity_checks'))
    )
    with op.batch_alter_table('identity_checks', schema=None) as batch_op:
        batch_op.create_index('ix_identity_checks_person_id_recorded_at', ['person_id', 'recorded_at'], unique=False)

    op.execute("INSERT INTO counters (name, value) VALUES ('card_receipt', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM counters WHERE name = 'card_receipt'")
    with op.batch_alter_table('identity_checks', schema=None) as batch_op:
        batch_op.drop_index('ix_identity_checks_person_id_recorded_at')

    op.drop_table('identity_checks')
    op.drop_table('card_states')
    with op.batch_alter_table('card_events', schema=None) as batch_op:
        batch_op.drop_index('ix_card_events_person_id_recorded_at')

    op.drop_table('card_events')
