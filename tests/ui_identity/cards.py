"""Card holders who are residents of a test registry: a seeded person read over the API (with
t-clerk, who may see numbers) and turned into the contents of a virtual card, so that the card
and the register agree, or differ in exactly the item a test chooses.

No Qt here: the flow tests (tests/workflows/test_identity_flow.py) and the screen tests
(tests/ui_identity) share it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import jaconv
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.registry_api import RegistryApi
from app.registry_client import RegistryClient
from cardreader.virtual.card import CardContents
from cardreader.virtual.contents import BuildOptions, Resident, build_contents
from registry.models import Person, PersonVersion
from tests.support.registry_process import RegistryProcess
from tests.support.seeded import seeded_registry
from tests.support.terminal_client import terminal_client

IDENTITY_RESIDENTS = 120
IDENTITY_SEED = 41
PIN = "4321"
SECURITY_CODE = "2285"


def login(server: RegistryProcess, user: str = "t-clerk") -> RegistryClient:
    return terminal_client(server, user)


def identity_registry_fixture(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[RegistryProcess, Engine]]:
    """A registry of the test module's own: identity checks add audit rows."""
    with seeded_registry(request, tmp_path_factory, "identity", IDENTITY_RESIDENTS,
                         IDENTITY_SEED) as pair:
        yield pair


_claimed: set[str] = set()


def pick_residents(engine: Engine, count: int) -> list[str]:
    """宛名番号 of current Japanese residents not used by another test of this run."""
    with Session(engine) as session:
        rows = session.execute(
            select(Person.atena_number, PersonVersion)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(PersonVersion.removed_on.is_(None))
            .order_by(Person.atena_number)
        ).all()
    out: list[str] = []
    for atena, version in rows:
        if atena in _claimed or version.resident_type != "japanese" or version.processing_stop:
            continue
        # 照合番号B needs an era date (明治 onwards) and the card a birth date after 1900.
        if version.birth_date < date(1912, 7, 30):
            continue
        _claimed.add(atena)
        out.append(atena)
        if len(out) == count:
            return out
    raise AssertionError("not enough residents in the test register")


def card_holder(clerk: RegistryClient, atena: str) -> Resident:
    """The resident as their card stores them: the address with full-width digits (as cards
    write it), the name with U+3000 between family and given name."""
    record = RegistryApi(clerk).resident(atena, reveal_number=True)
    assert record.individual_number is not None
    person = record.record
    return Resident(
        individual_number=record.individual_number,
        family_name=person.name.family_name,
        given_name=person.name.given_name,
        address=jaconv.h2z(person.address.full, kana=False, ascii=False, digit=True),
        birth_date=person.birth_date,
        sex=person.sex,
        expiry_date=date(2034, 12, 31),
        security_code=SECURITY_CODE,
        pin=PIN,
    )


def other_address(holder: Resident) -> Resident:
    """The same person with a card not updated after a move (another lot number)."""
    return replace(holder, address=holder.address.replace("\u3000", "") + "９９")


def card_of(holder: Resident, **options: object) -> CardContents:
    return build_contents(holder, BuildOptions(**options))  # type: ignore[arg-type]
