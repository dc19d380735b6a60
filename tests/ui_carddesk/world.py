"""What the card desk's tests share (no Qt here): a registry of their own, residents of its
seeded city as card holders, and a client logged in as the card desk's test staff.

The card is built from the register: a t-clerk reads the person with the individual number
revealed (the number view is logged by the registry, as for any clerk), and the virtual card
holds that number and those four items, or deliberately different ones.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.registry_client import RegistryClient
from cardreader.virtual.card import CardContents
from cardreader.virtual.contents import BuildOptions, Resident, build_contents
from registry.models import Person, PersonVersion
from tests.support.registry_process import RegistryProcess
from tests.support.seeded import seeded_registry
from tests.support.terminal_client import terminal_client

CARD_RESIDENTS = 200
PIN = "4711"
SECURITY_CODE = "2285"


def client_for(server: RegistryProcess, user: str = "t-card") -> RegistryClient:
    return terminal_client(server, user)


@dataclass
class CardWorld:
    server: RegistryProcess
    engine: Engine

    def __post_init__(self) -> None:
        self._claimed: set[str] = set()
        self._ids: Iterator[str] | None = None

    def next_resident(self) -> str:
        """A current Japanese resident no other test has used (each test changes its card)."""
        if self._ids is None:
            with Session(self.engine) as session:
                rows = session.execute(
                    select(Person.atena_number)
                    .join(PersonVersion, PersonVersion.id == Person.current_version_id)
                    .where(PersonVersion.removed_on.is_(None),
                           PersonVersion.resident_type == "japanese",
                           PersonVersion.processing_stop.is_(False),
                           PersonVersion.sex.in_(("1", "2")))
                    .order_by(Person.atena_number)
                ).scalars().all()
            self._ids = itertools.cycle(list(rows))
        for atena in self._ids:
            if atena not in self._claimed:
                self._claimed.add(atena)
                return atena
        raise LookupError("no resident left")

    def record(self, atena: str) -> dict[str, Any]:
        with self.server.client("t-clerk") as http:
            response = http.get(f"/v1/residents/{atena}", params={"reveal": "individual_number"})
            response.raise_for_status()
            return dict(response.json())

    def holder(self, atena: str, *, expiry: date = date(2035, 6, 30), **changes: Any) -> Resident:
        """The person's card as the register says it should read; `changes` make it differ."""
        raw = self.record(atena)
        person = raw["record"]
        resident = Resident(
            individual_number=raw["individual_number"],
            family_name=person["name"]["family_name"], given_name=person["name"]["given_name"],
            address=person["address"]["full"], birth_date=date.fromisoformat(person["birth_date"]),
            sex=person["sex"], expiry_date=expiry, security_code=SECURITY_CODE, pin=PIN,
        )
        return replace(resident, **changes)


def card_contents(holder: Resident, **options: Any) -> CardContents:
    return build_contents(holder, BuildOptions(**options))


@contextmanager
def card_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
               name: str) -> Iterator[CardWorld]:
    """`name`: the state directory's and the PostgreSQL database's, one per fixture."""
    with seeded_registry(request, tmp_path_factory, name, CARD_RESIDENTS, 31,
                         env={"MADOGUCHI_SEARCH_LIMIT_PER_HOUR": "1000000"}) as (server, engine):
        yield CardWorld(server, engine)
