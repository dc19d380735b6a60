"""Residents of a test registry to drive the screens with, read from its database (the seeded
synthetic city): a household of two or more, the head first, none claimed twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.workflows.dates import format_date
from registry.models import Household, Person, PersonVersion, Town


@dataclass(frozen=True)
class Subject:
    atena: str
    resident_code: str
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    birth_date: date
    town_code: str
    address: str
    household_number: str
    household_size: int

    def canaries(self) -> tuple[str, ...]:
        return (self.atena, self.resident_code, f"{self.family_name}\u3000{self.given_name}",
                f"{self.family_name_kana}\u3000{self.given_name_kana}", format_date(self.birth_date),
                self.birth_date.isoformat(), self.address)


_claimed: set[str] = set()


def pick_household_head(engine: Engine) -> Subject:
    with Session(engine) as session:
        rows = session.execute(
            select(Person, PersonVersion, Household.household_number, Town.name)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .join(Household, Household.id == PersonVersion.household_id)
            .join(Town, Town.town_code == PersonVersion.town_code)
            .where(PersonVersion.removed_on.is_(None))
            .order_by(Household.household_number)
        ).all()
    sizes: dict[str, int] = {}
    for _, _, number, _ in rows:
        sizes[number] = sizes.get(number, 0) + 1
    for person, version, number, town in rows:
        if (number in _claimed or sizes[number] < 2 or not version.is_head
                or version.processing_stop or version.resident_type != "japanese"):
            continue
        _claimed.add(number)
        return Subject(person.atena_number, person.resident_code, version.family_name,
                       version.given_name, version.family_name_kana, version.given_name_kana,
                       version.birth_date, version.town_code,
                       f"大阪府寝屋川市{town}{version.address_detail}", number, sizes[number])
    raise LookupError("no household to use")


def other_town(engine: Engine, town_code: str) -> tuple[str, str, str]:
    """(code, name, postal code) of a town whose postal code names that town alone."""
    with Session(engine) as session:
        towns = session.execute(select(Town.town_code, Town.name, Town.postal_code)).all()
    by_postal: dict[str, int] = {}
    for _, _, postal in towns:
        by_postal[postal] = by_postal.get(postal, 0) + 1
    return next((code, name, postal) for code, name, postal in towns
                if code != town_code and by_postal[postal] == 1)
