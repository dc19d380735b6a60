"""Resident search over HTTPS against the real registry, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import jaconv
import pytest
from sqlalchemy import Engine, func, select

from app.domain.search_rule import SearchCriteria
from registry.audit.writer import MAX_TARGETS
from registry.models import NumberAccessLog
from registry.repositories import search
from tests.registry import truth
from tests.support.registry_process import RegistryProcess

pytestmark = pytest.mark.registry


def _search(registry: RegistryProcess, **params: Any) -> Any:
    with registry.client() as client:
        response = client.get("/v1/residents/search", params=params)
    return response


def _ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def _search_all(registry: RegistryProcess, **params: Any) -> list[str]:
    """Every page of a search, so a common name cannot push the person off page one."""
    found: list[str] = []
    offset = 0
    while True:
        response = _search(registry, limit=100, offset=offset, **params)
        found += _ids(response)
        body = response.json()
        if not body["has_more"]:
            return found
        offset = body["next_offset"]


def test_name_and_birth_date_finds_each_person(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    for person in truth.residents(registry_engine, limit=15):
        ids = _search_all(
            registry,
            name=person.family_name + person.given_name,
            birth_date=person.birth_date.isoformat(),
        )
        assert person.atena_number in ids


def test_kana_in_any_script_and_width_finds_the_person(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    for person in truth.residents(registry_engine, limit=10):
        katakana = person.family_name_kana + "\u3000" + person.given_name_kana
        for typed in (
            jaconv.kata2hira(katakana),  # わたなべ　たろう
            jaconv.z2h(katakana, kana=True, digit=False, ascii=False),  # ﾜﾀﾅﾍﾞ ﾀﾛｳ
            katakana.replace("\u3000", " "),
            jaconv.kata2hira(person.family_name_kana),  # the family name alone: a prefix
        ):
            ids = _search_all(registry, name=typed, birth_date=person.birth_date.isoformat())
            assert person.atena_number in ids, typed


def test_voicing_marks_do_not_matter(registry: RegistryProcess, registry_engine: Engine) -> None:
    voiced = [p for p in truth.residents(registry_engine, limit=200)
              if any(c in p.family_name_kana for c in "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ")]
    assert voiced, "the synthetic city has names with voiced kana"
    for person in voiced[:5]:
        # Typed without dakuten, as 清音化 kana: ワタナヘ for ワタナベ.
        plain = jaconv.kata2hira(person.family_name_kana)
        plain = "".join(
            chr(ord(c) - 1) if c in "がぎぐげござじずぜぞだぢづでどばびぶべぼ" else
            chr(ord(c) - 2) if c in "ぱぴぷぺぽ" else c
            for c in plain
        )
        ids = _search_all(registry, name_kana=plain, birth_date=person.birth_date.isoformat())
        assert person.atena_number in ids


def test_name_and_town_prefix_finds_the_person(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    for person in truth.residents(registry_engine, limit=10):
        for address in (person.town_name[:2], "寝屋川市" + person.town_name,
                        "大阪府寝屋川市" + person.town_name + person.address_detail):
            ids = _search_all(registry, name=person.family_name, address=address)
            assert person.atena_number in ids, address


def test_resident_code_alone_finds_exactly_one(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=3)[1]
    assert _ids(_search(registry, resident_code=person.resident_code)) == [person.atena_number]


def test_individual_number_search_is_logged_and_never_echoed(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=4)[2]
    number = truth.individual_number(registry_engine, person.person_id)
    with registry_engine.connect() as conn:
        before = conn.scalar(select(func.count()).select_from(NumberAccessLog))
    response = _search(registry, individual_number=number)
    assert _ids(response) == [person.atena_number]
    assert number not in response.text
    assert "individual_number" not in response.json()["items"][0]
    with registry_engine.connect() as conn:
        logged = conn.execute(
            select(NumberAccessLog).order_by(NumberAccessLog.id.desc()).limit(1)
        ).one()
        after = conn.scalar(select(func.count()).select_from(NumberAccessLog))
    assert after == before + 1
    assert logged.person_id == person.person_id and logged.action == "search"


def test_number_searches_beside_other_writers_all_succeed(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    """A search by number writes its access-log row; with other requests committing writes
    (their audit rows) at the same moment, not one may fail. On SQLite a read transaction
    cannot become a writer after another writer committed: it has to begin as one."""
    people = truth.residents(registry_engine, limit=6)
    numbers = [truth.individual_number(registry_engine, p.person_id) for p in people]
    statuses: list[int] = []

    def searcher(number: str) -> None:
        with registry.client() as client:
            for _ in range(15):
                statuses.append(client.get("/v1/residents/search", params={"individual_number": number}).status_code)
                statuses.append(client.get("/v1/residents/search", params={"name": "わたなべ", "birth_date": "1980-02-17"}).status_code)

    threads = [threading.Thread(target=searcher, args=(n,)) for n in numbers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(statuses) == 6 * 30
    assert set(statuses) == {200}, sorted(set(statuses))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"name": "わたなべ"},
        {"birth_date": "1980-02-17"},
        {"address": "池田"},
        {"name": "わたなべ", "sex": "1"},
        {"name": "わたなべ", "name_kana": "ワタナベ"},  # two spellings of one item
        {"name": "　 ", "birth_date": "1980-02-17"},  # blank counts as absent
        {"name": "・", "birth_date": "1980-02-17"},  # no matching key left
        {"address": "大阪府寝屋川市", "birth_date": "1980-02-17"},  # the city itself
    ],
)
def test_too_broad_searches_are_refused(registry: RegistryProcess, params: dict[str, str]) -> None:
    response = _search(registry, **params)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "search_too_broad"
    assert "二つ以上" in error["message"]


def test_the_callers_check_comes_before_the_search_is_looked_at(registry: RegistryProcess) -> None:
    """On PostgreSQL the check is read with the search limit's state in one round trip; an
    unknown caller still gets 401, whatever else is wrong with the request, and writes nothing."""
    for params in ({"name": "わたなべ"}, {"name": "わたなべ", "birth_date": "1980-02-30", "bogus": "1"}):
        with registry.client(None) as client:
            response = client.get("/v1/residents/search", params=params,
                                  headers={"Authorization": "Bearer not-a-session"})
        assert (response.status_code, response.json()["error"]["code"]) == (401, "session_required")


def test_removed_persons_only_when_asked(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    removed = truth.residents(registry_engine, removed=True, limit=5)
    assert removed, "the synthetic city has removed (消除) records"
    for person in removed:
        query = {"name": person.family_name + person.given_name,
                 "birth_date": person.birth_date.isoformat()}
        assert person.atena_number not in _search_all(registry, **query)
        with_removed = _search(registry, include_removed="true", limit=100, **query)
        assert person.atena_number in _ids(with_removed)
        item = next(i for i in with_removed.json()["items"] if i["id"] == person.atena_number)
        assert item["status"] == "removed" and item["removed_on"]


def test_pages_do_not_overlap_and_cover_everything(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=1)[0]
    query = {"name": person.family_name_kana[:1], "address": person.town_name[:1]}
    everything = _ids(_search(registry, limit=100, **query))
    paged: list[str] = []
    offset = 0
    while True:
        response = _search(registry, limit=3, offset=offset, **query)
        page = _ids(response)
        assert len(page) <= 3
        paged += page
        if not response.json()["has_more"] or offset > 90:
            break
        offset = response.json()["next_offset"]
    assert paged == everything[: len(paged)]
    assert len(set(paged)) == len(paged)


def test_results_carry_what_a_clerk_needs(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=1)[0]
    item = _search(registry, resident_code=person.resident_code).json()["items"][0]
    assert item["name"]["family_name"] == person.family_name
    assert item["birth_date"] == person.birth_date.isoformat()
    assert item["address"]["full"].startswith("大阪府寝屋川市" + person.town_name)
    assert item["household_number"] == person.household_number
    assert set(item) >= {"sex", "relationship", "is_head", "status", "processing_stop"}


def test_birth_date_and_address_without_a_name(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=5)[4]
    ids = _search_all(
        registry, birth_date=person.birth_date.isoformat(), address=person.town_name
    )
    assert person.atena_number in ids


def test_alias_name_finds_foreign_residents(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    from registry.models import Person, PersonVersion

    with registry_engine.connect() as conn:
        rows = conn.execute(
            select(Person.atena_number, PersonVersion.alias_name, PersonVersion.alias_name_kana,
                   PersonVersion.birth_date)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(PersonVersion.alias_name.is_not(None), PersonVersion.removed_on.is_(None))
            .limit(3)
        ).all()
    assert rows, "the synthetic city has residents with a 通称"
    for atena, alias, alias_kana, born in rows:
        for typed in (alias, jaconv.kata2hira(alias_kana)):
            assert atena in _search_all(registry, name=typed, birth_date=born.isoformat())
            family = typed.split("\u3000")[0]
            town = _search(registry, resident_code=truth.resident_code_of(registry_engine, atena))
            address = town.json()["items"][0]["address"]["town_name"]
            assert atena in _search_all(registry, name=family, address=address)


def test_the_audited_search_takes_only_what_its_statement_can_audit() -> None:
    """The one-statement search and audit row (PostgreSQL) writes no access-log rows and cannot
    shorten a long target list as the audit writer would: a search by individual number, or a
    page longer than an audit row names, is refused before any statement is built."""
    def audited(criteria: SearchCriteria, limit: int) -> object:
        return search.audited(criteria, address_prefixes=(), include_removed=False, limit=limit, offset=0)

    assert audited(SearchCriteria(name="やまだ", address="池田"), MAX_TARGETS)
    with pytest.raises(ValueError, match="individual number"):
        audited(SearchCriteria(individual_number="123456789018"), 20)
    with pytest.raises(ValueError, match=str(MAX_TARGETS)):
        audited(SearchCriteria(name="やまだ", address="池田"), MAX_TARGETS + 1)
