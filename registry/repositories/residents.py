"""One resident's record and history, and one household with its current members."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.models import Household, Person, PersonVersion, Town


@dataclass(frozen=True)
class ResidentRecord:
    person: Person
    version: PersonVersion
    town: Town
    household_number: str


@dataclass(frozen=True)
class VersionEntry:
    version: PersonVersion
    town: Town
    household_number: str


@dataclass(frozen=True)
class HouseholdRecord:
    household: Household
    members: list[ResidentRecord]


def get(session: Session, atena_number: str) -> ResidentRecord | None:
    row = session.execute(
        select(Person, PersonVersion, Town, Household.household_number)
        .join(PersonVersion, PersonVersion.id == Person.current_version_id)
        .join(Town, Town.town_code == PersonVersion.town_code)
        .join(Household, Household.id == PersonVersion.household_id)
        .where(Person.atena_number == atena_number)
    ).first()
    if row is None:
        return None
    return ResidentRecord(row[0], row[1], row[2], row[3])


def history(session: Session, person_id: int) -> list[VersionEntry]:
    rows = session.execute(
        select(PersonVersion, Town, Household.household_number)
        .join(Town, Town.town_code == PersonVersion.town_code)
        .join(Household, Household.id == PersonVersion.household_id)
        .where(PersonVersion.person_id == person_id)
        .order_by(PersonVersion.version)
    ).all()
    return [VersionEntry(r[0], r[1], r[2]) for r in rows]


def household(session: Session, household_number: str) -> HouseholdRecord | None:
    found = session.scalar(
        select(Household).where(Household.household_number == household_number)
    )
    if found is None:
        return None
    rows = session.execute(
        select(Person, PersonVersion, Town)
        .join(PersonVersion, PersonVersion.id == Person.current_version_id)
        .join(Town, Town.town_code == PersonVersion.town_code)
        .where(PersonVersion.household_id == found.id, PersonVersion.removed_on.is_(None))
        # The head first, then members by birth date, as on a 住民票 of the household.
        .order_by(PersonVersion.is_head.desc(), PersonVersion.birth_date, Person.atena_number)
    ).all()
    members = [ResidentRecord(r[0], r[1], r[2], household_number) for r in rows]
    return HouseholdRecord(found, members)
