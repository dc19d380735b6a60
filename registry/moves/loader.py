"""The register as a move planner reads it: current records by 宛名番号 or 住民票コード,
households with their current resident members, towns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.models import Household, Person, PersonVersion, Town, TransferNotice


@dataclass(frozen=True)
class Current:
    person: Person
    version: PersonVersion

    @property
    def resident(self) -> bool:
        return self.version.removed_on is None


class RegisterReader:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._towns: dict[str, Town | None] = {}
        self._households: dict[int, Household] = {}
        self._members: dict[int, list[Current]] = {}

    def _current(self, *where: object) -> Current | None:
        row = self.session.execute(
            select(Person, PersonVersion)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(*where)  # type: ignore[arg-type]
        ).first()
        return Current(row[0], row[1]) if row else None

    def by_atena(self, atena_number: str) -> Current | None:
        return self._current(Person.atena_number == atena_number)

    def by_resident_code(self, code: str) -> Current | None:
        return self._current(Person.resident_code == code)

    def by_person_id(self, person_id: int) -> Current | None:
        return self._current(Person.id == person_id)

    def town(self, town_code: str) -> Town | None:
        if town_code not in self._towns:
            self._towns[town_code] = self.session.get(Town, town_code)
        return self._towns[town_code]

    def household(self, household_id: int) -> Household:
        if household_id not in self._households:
            found = self.session.get(Household, household_id)
            assert found is not None, "a version refers to a household that does not exist"
            self._households[household_id] = found
        return self._households[household_id]

    def household_by_number(self, number: str) -> Household | None:
        found = self.session.scalar(select(Household).where(Household.household_number == number))
        if found is not None:
            self._households[found.id] = found
        return found

    def members(self, household_id: int) -> list[Current]:
        """Current resident members, the head first."""
        if household_id not in self._members:
            rows = self.session.execute(
                select(Person, PersonVersion)
                .join(PersonVersion, PersonVersion.id == Person.current_version_id)
                .where(PersonVersion.household_id == household_id, PersonVersion.removed_on.is_(None))
                .order_by(PersonVersion.is_head.desc(), PersonVersion.birth_date, Person.id)
            ).all()
            self._members[household_id] = [Current(r[0], r[1]) for r in rows]
        return self._members[household_id]

    def transfer_notice(self, notice_id: str) -> TransferNotice | None:
        return self.session.get(TransferNotice, notice_id)

    def residents_named(self, name_kana_key: str, birth_date: object) -> list[Current]:
        rows = self.session.execute(
            select(Person, PersonVersion)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(
                PersonVersion.birth_date == birth_date,
                PersonVersion.name_kana_key == name_kana_key,
                PersonVersion.removed_on.is_(None),
            )
            .limit(5)
        ).all()
        return [Current(r[0], r[1]) for r in rows]
