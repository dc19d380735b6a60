"""The resident register: towns, households, persons with versioned records, and the
individual number apart from them with its access log.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


# The search paths: see the comment on registry.models.person.PersonVersion.
PERSON_VERSION_INDEXES = (
    ('ix_person_versions_birth_address', ['birth_date', 'address_key']),
    ('ix_person_versions_kana_address', ['name_kana_key', 'address_key']),
    ('ix_person_versions_kanji_address', ['name_kanji_key', 'address_key']),
    ('ix_person_versions_alias_kana', ['alias_kana_key']),
    ('ix_person_versions_alias_kanji', ['alias_kanji_key']),
    ('ix_person_versions_household_id', ['household_id']),
)


def key_string(length: int) -> sa.types.TypeEngine[str]:
    # Matching keys compare in code-point order on both databases (see models.person.key_string).
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table('households',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('household_number', sa.String(length=10), nullable=False),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_households')),
    sa.UniqueConstraint('household_number', name=op.f('uq_households_household_number'))
    )
    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('atena_number', sa.String(length=10), nullable=False),
    sa.Column('resident_code', sa.String(length=11), nullable=False),
    sa.Column('current_version_id', sa.Integer(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persons')),
    sa.UniqueConstraint('atena_number', name=op.f('uq_persons_atena_number')),
    sa.UniqueConstraint('current_version_id', name=op.f('uq_persons_current_version_id')),
    sa.UniqueConstraint('resident_code', name=op.f('uq_persons_resident_code'))
    )
    op.create_table('towns',
    sa.Column('town_code', sa.String(length=6), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('kana', sa.String(length=80), nullable=False),
    sa.Column('base_name', sa.String(length=40), nullable=False),
    sa.Column('postal_code', sa.String(length=7), nullable=False),
    sa.PrimaryKeyConstraint('town_code', name=op.f('pk_towns'))
    )
    with op.batch_alter_table('towns', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_towns_postal_code'), ['postal_code'], unique=False)

    op.create_table('individual_numbers',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_individual_numbers_person_id_persons')),
    sa.PrimaryKeyConstraint('person_id', name=op.f('pk_individual_numbers')),
    sa.UniqueConstraint('number', name=op.f('uq_individual_numbers_number'))
    )
    op.create_table('number_access_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('accessed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('staff_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_number_access_log_person_id_persons')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_number_access_log'))
    )
    with op.batch_alter_table('number_access_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_number_access_log_person_id'), ['person_id'], unique=False)

    op.create_table('person_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('operator_id', sa.String(length=40), nullable=True),
    sa.Column('terminal_id', sa.String(length=80), nullable=True),
    sa.Column('change_reason', sa.String(length=20), nullable=False),
    sa.Column('change_date', sa.Date(), nullable=False),
    sa.Column('notified_on', sa.Date(), nullable=True),
    sa.Column('late_notification', sa.Boolean(), nullable=False),
    sa.Column('late_reason', sa.String(length=200), nullable=True),
    sa.Column('family_name', sa.String(length=60), nullable=False),
    sa.Column('given_name', sa.String(length=60), nullable=False),
    sa.Column('family_name_kana', sa.String(length=120), nullable=False),
    sa.Column('given_name_kana', sa.String(length=120), nullable=False),
    sa.Column('name_seion_kana', sa.String(length=240), nullable=False),
    sa.Column('name_kana_key', key_string(240), nullable=False),
    sa.Column('name_kanji_key', key_string(120), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('resident_type', sa.String(length=10), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('relationship', sa.String(length=20), nullable=False),
    sa.Column('is_head', sa.Boolean(), nullable=False),
    sa.Column('became_resident_on', sa.Date(), nullable=False),
    sa.Column('became_resident_notified_on', sa.Date(), nullable=True),
    sa.Column('address_set_on', sa.Date(), nullable=False),
    sa.Column('address_set_notified_on', sa.Date(), nullable=True),
    sa.Column('town_code', sa.String(length=6), nullable=False),
    sa.Column('address_detail', sa.String(length=60), nullable=False),
    sa.Column('building', sa.String(length=80), nullable=True),
    sa.Column('address_key', key_string(160), nullable=False),
    sa.Column('previous_address', sa.String(length=200), nullable=True),
    sa.Column('moved_out_to', sa.String(length=200), nullable=True),
    sa.Column('honseki', sa.String(length=200), nullable=True),
    sa.Column('hittosha', sa.String(length=60), nullable=True),
    sa.Column('removed_on', sa.Date(), nullable=True),
    sa.Column('removal_reason', sa.String(length=20), nullable=True),
    sa.Column('old_surname', sa.String(length=60), nullable=True),
    sa.Column('old_surname_kana', sa.String(length=120), nullable=True),
    sa.Column('old_surname_romaji', sa.String(length=120), nullable=True),
    sa.Column('nationality', sa.String(length=60), nullable=True),
    sa.Column('residence_status', sa.String(length=60), nullable=True),
    sa.Column('residence_expiry', sa.Date(), nullable=True),
    sa.Column('residence_card_number', sa.String(length=12), nullable=True),
    sa.Column('alias_name', sa.String(length=120), nullable=True),
    sa.Column('alias_name_kana', sa.String(length=240), nullable=True),
    sa.Column('alias_kana_key', key_string(240), nullable=True),
    sa.Column('alias_kanji_key', key_string(120), nullable=True),
    sa.Column('article_30_45', sa.String(length=40), nullable=True),
    sa.Column('processing_stop', sa.Boolean(), nullable=False),
    sa.CheckConstraint("resident_type IN ('japanese', 'foreign')", name=op.f('ck_person_versions_resident_type')),
    sa.CheckConstraint("sex IN ('0', '1', '2', '9')", name=op.f('ck_person_versions_sex_code')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_person_versions_version_positive')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_person_versions_household_id_households')),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_person_versions_person_id_persons')),
    sa.ForeignKeyConstraint(['town_code'], ['towns.town_code'], name=op.f('fk_person_versions_town_code_towns')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person_versions')),
    sa.UniqueConstraint('person_id', 'version', name=op.f('uq_person_versions_person_id_version'))
    )
    with op.batch_alter_table('person_versions', schema=None) as batch_op:
        for name, columns in PERSON_VERSION_INDEXES:
            batch_op.create_index(name, columns, unique=False)

    # persons and person_versions refer to each other, so the pointer to the current version is
    # added once both exist (SQLite rebuilds the table for it in batch mode).
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_foreign_key(
            op.f('fk_persons_current_version_id_person_versions'),
            'person_versions', ['current_version_id'], ['id'],
            deferrable=True, initially='DEFERRED',
        )


def downgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_constraint(
            op.f('fk_persons_current_version_id_person_versions'), type_='foreignkey'
        )
    with op.batch_alter_table('person_versions', schema=None) as batch_op:
        for name, _ in reversed(PERSON_VERSION_INDEXES):
            batch_op.drop_index(name)

    op.drop_table('person_versions')
    with op.batch_alter_table('number_access_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_number_access_log_person_id'))

    op.drop_table('number_access_log')
    op.drop_table('individual_numbers')
    with op.batch_alter_table('towns', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_towns_postal_code'))

    op.drop_table('towns')
    op.drop_table('persons')
    op.drop_table('households')
