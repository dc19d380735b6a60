"""Ground truth read straight from the registry's database, to check what the API answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, Select, select

from registry.models import Household, IndividualNumber, Person, PersonVersion, Town


@dataclass(frozen=True)
class Resident:
    atena_number: str
    resident_code: str
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    birth_date: date
    sex: str
    town_name: str
    address_detail: str
    household_number: str
    removed_on: date | None
    person_id: int


def _query() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Person.atena_number, Person.resident_code, PersonVersion.family_name,
            PersonVersion.given_name, PersonVersion.family_name_kana,
            PersonVersion.given_name_kana, PersonVersion.birth_date, PersonVersion.sex,
            Town.name, PersonVersion.address_detail, Household.household_number,
            PersonVersion.removed_on, Person.id,
        )
        .join(PersonVersion, PersonVersion.id == Person.current_version_id)
        .join(Town, Town.town_code == PersonVersion.town_code)
        .join(Household, Household.id == PersonVersion.household_id)
        .order_by(Person.id)
    )


def residents(engine: Engine, *, removed: bool | None = False, limit: int = 50) -> list[Resident]:
    query = _query()
    if removed is True:
        query = query.where(PersonVersion.removed_on.is_not(None))
    elif removed is False:
        query = query.where(PersonVersion.removed_on.is_(None))
    with engine.connect() as conn:
        rows = conn.execute(query.limit(limit * 7)).all()
    # Spread the sample over the register rather than its first households.
    return [Resident(*row) for row in rows[::7][:limit]]


def resident(engine: Engine, person_id: int) -> Resident:
    with engine.connect() as conn:
        return Resident(*conn.execute(_query().where(Person.id == person_id)).one())


def individual_number(engine: Engine, person_id: int) -> str:
    with engine.connect() as conn:
        number = conn.scalar(
            select(IndividualNumber.number).where(IndividualNumber.person_id == person_id)
        )
    assert number is not None
    return number


def resident_code_of(engine: Engine, atena_number: str) -> str:
    with engine.connect() as conn:
        code = conn.scalar(select(Person.resident_code).where(Person.atena_number == atena_number))
    assert code is not None
    return code
