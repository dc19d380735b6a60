"""The register as move tests see it: a real registry over HTTPS, plus read access to its
database to pick subjects and to check what a commit left behind.

Tests change the register, so each test claims the households it uses; no two tests touch the
same household."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import httpx
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.domain import clock, individual_number, resident_code
from app.domain.address import normalise_address_text
from registry.models import Household, Person, PersonVersion, Town
from tests.support.registry_process import RegistryProcess


@dataclass(frozen=True)
class Member:
    atena: str
    person_id: int
    relationship: str
    is_head: bool
    birth_date: date
    sex: str
    resident_type: str
    town_code: str
    address_detail: str
    building: str | None
    household_id: int
    household_number: str
    family_name: str
    given_name: str
    resident_code: str


class World:
    def __init__(self, server: RegistryProcess, engine: Engine) -> None:
        self.server = server
        self.engine = engine
        self.claimed: set[int] = set()
        self.rng = random.Random(20261129)
        self._keys = itertools.count(1)

    @property
    def today(self) -> date:
        return clock.today()

    def days_ago(self, n: int) -> str:
        return (self.today - timedelta(days=n)).isoformat()

    def client(self, user: str = "t-clerk") -> httpx.Client:
        return self.server.client(user)

    def cs(self) -> httpx.Client:
        """The 住基ネット CS connector: an administrator's service account."""
        return self.server.client("t-admin")

    # --- picking subjects ---------------------------------------------------------------

    def members_of(self, household_id: int) -> list[Member]:
        with Session(self.engine) as session:
            rows = session.execute(
                select(Person, PersonVersion, Household.household_number)
                .join(PersonVersion, PersonVersion.id == Person.current_version_id)
                .join(Household, Household.id == PersonVersion.household_id)
                .where(PersonVersion.household_id == household_id, PersonVersion.removed_on.is_(None))
                .order_by(PersonVersion.is_head.desc(), PersonVersion.birth_date)
            ).all()
        return [_member(r) for r in rows]

    def household(
        self,
        size: int | None = None,
        *,
        min_size: int = 1,
        where: Callable[[list[Member]], bool] | None = None,
    ) -> list[Member]:
        """Claim an unclaimed household of residents (the head first)."""
        with self.engine.connect() as conn:
            counts = conn.execute(
                select(PersonVersion.household_id, func.count())
                .join(Person, Person.current_version_id == PersonVersion.id)
                .where(PersonVersion.removed_on.is_(None))
                .group_by(PersonVersion.household_id)
                .order_by(PersonVersion.household_id)
            ).all()
        for household_id, count in counts:
            if household_id in self.claimed:
                continue
            if (size is not None and count != size) or count < min_size:
                continue
            members = self.members_of(household_id)
            if where is not None and not where(members):
                continue
            self.claimed.add(household_id)
            return members
        raise LookupError("no unclaimed household fits")

    def other_town(self, town_code: str | None = None) -> Town:
        with self.engine.connect() as conn:
            towns = [Town(**dict(r._mapping)) for r in conn.execute(select(Town.__table__)).all()]
        choices = [t for t in towns if t.town_code != town_code]
        return self.rng.choice(choices)

    def address(self, town_code: str | None = None, detail: str | None = None) -> dict[str, Any]:
        town = self.other_town(town_code)
        return {
            "postal_code": town.postal_code,
            "town_code": town.town_code,
            # In the register's width, as a stored address reads back (app.domain.address).
            "address_detail": normalise_address_text(
                detail or f"{self.rng.randint(1, 30)}番{self.rng.randint(1, 40)}号"),
        }

    # --- new persons ------------------------------------------------------------------------

    def new_resident_code(self) -> str:
        return resident_code.make(f"{self.rng.randrange(10**10):010d}")

    def new_number(self) -> str:
        return individual_number.make(f"{self.rng.randrange(10**11):011d}")

    def newcomer(self, relationship: str, birth: str, sex: str = "1", **extra: Any) -> dict[str, Any]:
        n = self.rng.randrange(10**6)
        return {
            "family_name": "試験",
            "given_name": f"太郎{n}",
            "family_name_kana": "シケン",
            "given_name_kana": "タロウ",
            "birth_date": birth,
            "sex": sex,
            "relationship": relationship,
            "resident_code": self.new_resident_code(),
            "individual_number": self.new_number(),
            "honseki": "大阪府枚方市大垣内町二丁目１番地",
            "hittosha": "試験　太郎",
            **extra,
        }

    # --- the API ----------------------------------------------------------------------------

    def key(self) -> str:
        return f"test-{self.rng.randrange(10**9)}-{next(self._keys)}"

    def draft(self, body: dict[str, Any], key: str | None = None) -> httpx.Response:
        headers = {"Idempotency-Key": key} if key else {}
        with self.client() as c:
            return c.post("/v1/moves", json=body, headers=headers)

    def commit(self, move_id: str, key: str | None = None) -> httpx.Response:
        headers = {"Idempotency-Key": key} if key else {}
        with self.client() as c:
            return c.post(f"/v1/moves/{move_id}/commit", headers=headers)

    def move(self, body: dict[str, Any]) -> dict[str, Any]:
        """Draft and commit; the commit result."""
        drafted = self.draft(body, self.key())
        assert drafted.status_code == 201, drafted.text
        committed = self.commit(drafted.json()["id"], self.key())
        assert committed.status_code == 200, committed.text
        return committed.json()  # type: ignore[no-any-return]

    def refused(self, body: dict[str, Any]) -> dict[str, Any]:
        drafted = self.draft(body)
        assert drafted.status_code == 422, drafted.text
        return drafted.json()["error"]  # type: ignore[no-any-return]

    def record(self, atena: str) -> dict[str, Any]:
        with self.client() as c:
            response = c.get(f"/v1/residents/{atena}")
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    def history(self, atena: str) -> list[dict[str, Any]]:
        with self.client() as c:
            return c.get(f"/v1/residents/{atena}/history").json()["versions"]  # type: ignore[no-any-return]

    def household_view(self, number: str) -> dict[str, Any]:
        with self.client() as c:
            response = c.get(f"/v1/households/{number}")
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]


def _member(row: Any) -> Member:
    person, v, number = row
    return Member(
        atena=person.atena_number, person_id=person.id, relationship=v.relationship,
        is_head=v.is_head, birth_date=v.birth_date, sex=v.sex, resident_type=v.resident_type,
        town_code=v.town_code, address_detail=v.address_detail, building=v.building,
        household_id=v.household_id, household_number=number, family_name=v.family_name,
        given_name=v.given_name, resident_code=person.resident_code,
    )
