"""Refusals and warnings of the real registry that only the registry can give (they need the
register), each kept by the flow at the path of the item it names, the entry untouched.

The registry here is a small one of this module's own: drafts are written to it (and
discarded), nothing is committed."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain import clock, resident_code
from app.registry_api import RegistryApi
from app.registry_client import ClientConfig, RegistryClient, RegistryError
from app.workflows.dates import short_wareki
from app.workflows.errors import problem_of
from app.workflows.move_entry import MoveEntryFlow, MoveStep
from registry.models import Person, PersonVersion
from tests.conftest import BACKENDS
from tests.support.registry_process import PASSWORD, RegistryProcess
from tests.support.seeded import seeded_registry

pytestmark = [pytest.mark.terminal, pytest.mark.registry]


@pytest.fixture(scope="module", params=BACKENDS)
def moves_registry(request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RegistryProcess, Engine]]:
    with seeded_registry(request, tmp_path_factory, "flow_field_errors", 200, 31) as made:
        yield made


@pytest.fixture
def api(moves_registry: tuple[RegistryProcess, Engine]) -> Iterator[RegistryApi]:
    server, _ = moves_registry
    client = RegistryClient(ClientConfig(
        base_url=server.base_url, ca_file=server.ca_cert,
        client_cert=server.terminal_dir / "terminal.pem",
        client_key=server.terminal_dir / "terminal-key.pem", timeout_s=15, retries=1, backoff_s=0.1,
    ))
    client.login("t-clerk", PASSWORD)
    yield RegistryApi(client)
    client.logout()
    client.close()


def a_resident(engine: Engine) -> tuple[str, PersonVersion]:
    """(住民票コード, current version) of someone living in the register."""
    with Session(engine) as session:
        person, version = session.execute(
            select(Person, PersonVersion)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(PersonVersion.removed_on.is_(None), PersonVersion.resident_type == "japanese")
            .order_by(Person.atena_number)
        ).first()  # type: ignore[misc]
        session.expunge_all()
    return person.resident_code, version


def new_code(rng: random.Random) -> str:
    return resident_code.make(f"{rng.randrange(10**9, 10**10)}")


def newcomer(code: str, relationship: str, *, kana: tuple[str, str] = ("シケン", "タロウ"),
             birth: str = "H2.4.1", sex: str = "1") -> dict[str, Any]:
    return {"family_name": "試験", "given_name": "太郎", "family_name_kana": kana[0],
            "given_name_kana": kana[1], "birth_date": birth, "sex": sex,
            "relationship": relationship, "resident_type": "japanese", "resident_code": code}


def tennyu_flow(api: RegistryApi, persons: list[dict[str, Any]]) -> MoveEntryFlow:
    flow = MoveEntryFlow(api)
    flow.kinds_loaded(api.move_kinds())
    flow.start("tennyu")
    flow.update({
        **flow.entry, "move_date": short_wareki(clock.today()),
        "address": {"town_code": api.towns()[0].code, "address_detail": "1-1"},
        "household": {"mode": "new"}, "previous_address": "東京都千代田区千代田1-1",
        "persons": persons,
    })
    return flow


def draft(flow: MoveEntryFlow) -> None:
    job = flow.submit()
    try:
        review = job()
    except RegistryError as error:
        flow.draft_failed(error)
    else:
        flow.drafted(review)


def test_a_refusal_of_the_second_persons_item_lands_on_that_item(
    api: RegistryApi, moves_registry: tuple[RegistryProcess, Engine]
) -> None:
    taken, _ = a_resident(moves_registry[1])
    rng = random.Random(1)
    persons = [newcomer(new_code(rng), "世帯主"),
               newcomer(taken, "妻", kana=("シケン", "ハナコ"), sex="2")]
    flow = tennyu_flow(api, persons)
    draft(flow)  # the terminal cannot know the code is taken: the registry refuses it
    assert flow.step is MoveStep.EDITING
    assert flow.problem is not None and flow.problem.code == "already_resident"
    assert flow.errors == {"persons[1].resident_code": flow.problem.message}
    assert "既に住民" in flow.problem.message
    assert flow.entry["persons"][1]["resident_code"] == taken  # nothing typed is lost
    assert flow.entry["persons"][0]["given_name_kana"] == "タロウ"
    flow.entry["persons"][1]["resident_code"] = new_code(rng)
    draft(flow)
    assert flow.step is MoveStep.REVIEW and flow.errors == {}
    discard = flow.back_to_edit()
    assert discard is not None
    discard()


def test_a_refusal_of_a_notice_item_names_that_item(api: RegistryApi) -> None:
    flow = tennyu_flow(api, [newcomer(new_code(random.Random(2)), "世帯主")])
    flow.entry["address"]["town_code"] = "999999"  # the shape is right; the register has no such town
    draft(flow)
    assert flow.step is MoveStep.EDITING
    assert set(flow.errors) == {"address.town_code"}


def test_a_warning_of_the_draft_names_the_person_it_concerns(
    api: RegistryApi, moves_registry: tuple[RegistryProcess, Engine]
) -> None:
    _, version = a_resident(moves_registry[1])
    rng = random.Random(3)
    twin = newcomer(new_code(rng), "世帯主", kana=(version.family_name_kana, version.given_name_kana),
                    birth=version.birth_date.isoformat(), sex=version.sex)
    flow = tennyu_flow(api, [twin])
    draft(flow)
    assert flow.step is MoveStep.REVIEW, flow.errors
    warned = flow.warnings_at("persons[0]")
    assert [w.code for w in warned] == ["possible_duplicate"]
    person_rows = [r for r in flow.review_rows() if r.label == "異動事由"]
    assert person_rows[0].note == warned[0].message
    discard = flow.back_to_edit()
    assert discard is not None
    discard()


def test_an_unreachable_registry_keeps_no_field_error() -> None:
    from app.registry_client import RegistryUnreachable

    problem = problem_of(RegistryUnreachable())
    assert problem.retryable and problem.field is None
