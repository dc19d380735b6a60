"""Moves: a draft's individual numbers in a column of their own (`moves.numbers`), no longer
inside its stored request and plan. Committing or discarding a draft then clears one column
instead of rewriting both texts.

Drafts pending at the upgrade have their numbers moved out: into the new column, and their
request and plan rewritten without them (committed and discarded moves carry none already).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

_MOVES = sa.table(
    'moves',
    sa.column('id', sa.String), sa.column('status', sa.String), sa.column('request', sa.Text),
    sa.column('plan', sa.Text), sa.column('numbers', sa.Text),
)


def upgrade() -> None:
    with op.batch_alter_table('moves', schema=None) as batch_op:
        batch_op.add_column(sa.Column('numbers', sa.Text(), nullable=True))
    conn = op.get_bind()
    drafts = conn.execute(
        sa.select(_MOVES.c.id, _MOVES.c.request, _MOVES.c.plan).where(_MOVES.c.status == 'draft')
    ).all()
    for move_id, request_text, plan_text in drafts:
        plan = json.loads(plan_text)
        found = {p['ref']: p['individual_number'] for p in plan['persons'] if p.get('individual_number')}
        for person in plan['persons']:
            person['individual_number'] = None
        conn.execute(
            _MOVES.update().where(_MOVES.c.id == move_id).values(
                plan=json.dumps(plan, ensure_ascii=False),
                request=json.dumps(_request_without_numbers(json.loads(request_text)), ensure_ascii=False),
                numbers=json.dumps(found) if found else None,
            )
        )


def downgrade() -> None:
    conn = op.get_bind()
    drafts = conn.execute(
        sa.select(_MOVES.c.id, _MOVES.c.plan, _MOVES.c.numbers).where(_MOVES.c.numbers.is_not(None))
    ).all()
    for move_id, plan_text, numbers_text in drafts:
        plan = json.loads(plan_text)
        numbers = json.loads(numbers_text)
        for person in plan['persons']:
            person['individual_number'] = numbers.get(person['ref'])
        conn.execute(_MOVES.update().where(_MOVES.c.id == move_id).values(plan=json.dumps(plan, ensure_ascii=False)))
    with op.batch_alter_table('moves', schema=None) as batch_op:
        batch_op.drop_column('numbers')


def _request_without_numbers(data: dict[str, Any]) -> dict[str, Any]:
    for person in data.get('persons', []):
        values = person.get('values', {})
        if 'individual_number' in values:
            values['individual_number'] = None
    return data
