"""The seeded register obeys the register's invariants, checked in SQL on each database."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, case, func, select

from app.domain import individual_number, resident_code
from registry.models import Household, IndividualNumber, Person, PersonVersion, Town
from tests.conftest import SEEDED_RESIDENTS

pytestmark = pytest.mark.registry


def test_counts_and_check_digits(registry_engine: Engine) -> None:
    with registry_engine.connect() as conn:
        codes = conn.scalars(select(Person.resident_code)).all()
        numbers = conn.scalars(select(IndividualNumber.number)).all()
        towns = conn.scalar(select(func.count()).select_from(Town))
    assert len(codes) == SEEDED_RESIDENTS == len(numbers)
    assert all(resident_code.is_valid(c) for c in codes)
    assert all(individual_number.is_valid(n) for n in numbers)
    assert towns and towns > 100


def test_every_household_with_residents_has_exactly_one_head(registry_engine: Engine) -> None:
    current = (
        select(PersonVersion.household_id, PersonVersion.is_head)
        .join(Person, Person.current_version_id == PersonVersion.id)
        .where(PersonVersion.removed_on.is_(None))
        .subquery()
    )
    with registry_engine.connect() as conn:
        heads = conn.execute(
            select(current.c.household_id, func.sum(case((current.c.is_head, 1), else_=0)))
            .group_by(current.c.household_id)
        ).all()
    assert heads
    assert all(count == 1 for _, count in heads), [h for h in heads if h[1] != 1][:5]


def test_every_person_has_a_current_version_that_is_their_latest(registry_engine: Engine) -> None:
    latest = (
        select(PersonVersion.person_id, func.max(PersonVersion.version).label("latest"))
        .group_by(PersonVersion.person_id)
        .subquery()
    )
    with registry_engine.connect() as conn:
        mismatched = conn.scalar(
            select(func.count())
            .select_from(Person)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .join(latest, latest.c.person_id == Person.id)
            .where(PersonVersion.version != latest.c.latest)
        )
        orphans = conn.scalar(
            select(func.count()).select_from(Person).where(Person.current_version_id.is_(None))
        )
        households = conn.scalar(select(func.count()).select_from(Household))
    assert mismatched == 0 and orphans == 0 and households
