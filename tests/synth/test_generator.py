"""The synthetic city: determinism, exact counts, codes, households, histories and shares."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from app.domain import individual_number, resident_code
from registry.synth.generator import generate_city
from registry.synth.records import HouseholdRecord, PersonRecord, VersionRecord
from registry.synth.towns import load_towns

pytestmark = pytest.mark.domain

TODAY = date(2026, 11, 1)
FOREIGN_START = date(2012, 7, 9)
KATAKANA = re.compile(r"^[ァ-ヶー]+$")
DETAIL = re.compile(r"^[０-９]+番(地)?(の?[０-９]+号?)?$")
CARD = re.compile(r"^[A-Z]{2}[0-9]{8}[A-Z]{2}$")
STATUSES = {"永住者", "特別永住者", "技術・人文知識・国際業務", "技能実習", "留学", "家族滞在",
            "日本人の配偶者等", "定住者"}
MALE_RELS = {"夫", "父", "兄", "弟", "子の夫", "妻の父", "夫の父"}
FEMALE_RELS = {"妻", "母", "姉", "妹", "子の妻", "妻の母", "夫の母"}

City = list[tuple[HouseholdRecord, list[PersonRecord]]]


@pytest.fixture(scope="module")
def city() -> City:
    return list(generate_city(20_000, seed=11, today=TODAY))


@pytest.fixture(scope="module")
def persons(city: City) -> list[PersonRecord]:
    return [p for _, members in city for p in members]


def years(older: date, younger: date) -> float:
    return (younger - older).days / 365.2425


def current(p: PersonRecord) -> VersionRecord:
    return p.versions[-1]


# -- determinism and counts ------------------------------------------------------------------


def test_same_seed_same_city_other_seed_other_city() -> None:
    first = list(generate_city(2_000, seed=5, today=TODAY))
    assert first == list(generate_city(2_000, seed=5, today=TODAY))
    other = list(generate_city(2_000, seed=6, today=TODAY))
    assert first != other
    codes = {p.resident_code for _, ms in first for p in ms}
    assert codes != {p.resident_code for _, ms in other for p in ms}


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5, 17, 1_000, 4_321])
def test_exact_number_of_persons(n: int) -> None:
    households = list(generate_city(n, seed=3))
    assert sum(len(ms) for _, ms in households) == n
    assert all(ms for _, ms in households)


def test_towns_are_exposed_and_used(city: City) -> None:
    stream = generate_city(10, seed=11)
    assert stream.towns == load_towns()
    codes = {t.town_code for t in stream.towns}
    used = {v.town_code for _, ms in city for p in ms for v in p.versions}
    assert used <= codes
    assert len(used) > len(codes) * 0.9


def test_streams_lazily() -> None:
    stream = generate_city(1_000_000, seed=1)
    _household, members = next(stream)
    assert members and stream.produced == len(members)


# -- identifiers -----------------------------------------------------------------------------


def test_identifiers_are_unique_and_well_formed(city: City, persons: list[PersonRecord]) -> None:
    atena = [p.atena_number for p in persons]
    assert all(len(a) == 10 and a.isdigit() for a in atena)
    assert atena == sorted(atena) and len(set(atena)) == len(atena)
    for attr, length in (("resident_code", 11), ("individual_number", 12)):
        values = [getattr(p, attr) for p in persons]
        assert len(set(values)) == len(values)
        assert all(len(v) == length and v.isdigit() for v in values)
    numbers = [h.household_number for h, _ in city]
    assert len(set(numbers)) == len(numbers)
    assert all(len(n) == 10 and n.isdigit() for n in numbers)


def test_check_digits_are_valid(persons: list[PersonRecord]) -> None:
    assert all(resident_code.is_valid(p.resident_code) for p in persons)
    assert all(individual_number.is_valid(p.individual_number) for p in persons)


# -- households ------------------------------------------------------------------------------


def test_one_head_among_current_members(city: City) -> None:
    assert_one_head(city)


def assert_one_head(city: City) -> None:
    for household, members in city:
        living = [current(p) for p in members if current(p).removed_on is None]
        heads = [v for v in living if v.relationship == "世帯主"]
        assert len(heads) == (1 if living else 0), household
        assert all(v.household_number == household.household_number
                   for p in members for v in p.versions)


def test_members_share_the_household_address(city: City) -> None:
    assert_shared_address(city)


def assert_shared_address(city: City) -> None:
    for household, members in city:
        places = {(current(p).town_code, current(p).address_detail, current(p).building)
                  for p in members}
        assert len(places) == 1, household
        assert all(household.created_on <= p.versions[0].change_date for p in members)


def test_head_who_left_was_replaced(city: City) -> None:
    replaced = 0
    for _, members in city:
        cur = [current(p) for p in members]
        gone_heads = [v for v in cur if v.removed_on and v.relationship == "世帯主"]
        living = [p for p in members if current(p).removed_on is None]
        if gone_heads and living:
            new_head = next(p for p in living if current(p).relationship == "世帯主")
            assert any(v.change_reason == "世帯主変更" for v in new_head.versions)
            replaced += 1
    assert replaced > 10


def test_ages_fit_relationships(city: City) -> None:
    checked = assert_ages_fit(city)
    for rel in ("世帯主", "妻", "夫", "子", "孫", "父", "母", "子の妻", "同居人", "兄", "妹"):
        assert checked[rel] > 0, rel


def assert_ages_fit(city: City) -> Counter[str]:
    checked: Counter[str] = Counter()
    for _, members in city:
        cur = [current(p) for p in members if current(p).removed_on is None]
        if not cur:
            continue
        head = next(v for v in cur if v.relationship == "世帯主")
        by_rel: dict[str, list[VersionRecord]] = {}
        for v in cur:
            by_rel.setdefault(v.relationship, []).append(v)
        for v in cur:
            rel = v.relationship
            checked[rel] += 1
            if rel in MALE_RELS:
                assert v.sex == "1", v
            if rel in FEMALE_RELS:
                assert v.sex == "2", v
            if rel in ("妻", "夫"):
                assert abs(years(head.birth_date, v.birth_date)) <= 16
            elif rel == "子":
                assert 20 <= years(head.birth_date, v.birth_date) <= 45, (head, v)
                for spouse in by_rel.get("妻", []) + by_rel.get("夫", []):
                    assert 20 <= years(spouse.birth_date, v.birth_date) <= 45
            elif rel == "孫":
                assert years(head.birth_date, v.birth_date) >= 40
            elif rel in ("父", "母"):
                assert 20 <= years(v.birth_date, head.birth_date) <= 45
            elif rel in ("妻の父", "妻の母", "夫の父", "夫の母"):
                child = by_rel["妻" if rel.startswith("妻") else "夫"][0]
                assert 20 <= years(v.birth_date, child.birth_date) <= 45
            elif rel in ("兄", "姉"):
                assert v.birth_date <= head.birth_date
            elif rel in ("弟", "妹"):
                assert v.birth_date >= head.birth_date
            elif rel in ("子の妻", "子の夫"):
                assert any(abs(years(c.birth_date, v.birth_date)) <= 16 for c in by_rel["子"])
    return checked


def test_household_shapes(city: City) -> None:
    sizes = Counter(len(ms) for _, ms in city)
    n = len(city)
    assert 0.30 <= sizes[1] / n <= 0.45
    assert 2.0 <= sum(k * v for k, v in sizes.items()) / n <= 2.6
    assert max(sizes) >= 6


# -- histories -------------------------------------------------------------------------------


def test_dates_are_ordered(persons: list[PersonRecord]) -> None:
    late, notices = assert_dates_ordered(persons)
    assert 0.003 < late / notices < 0.05


def assert_dates_ordered(persons: list[PersonRecord]) -> tuple[int, int]:
    late = notices = 0
    for p in persons:
        prev: date | None = None
        for i, v in enumerate(p.versions):
            assert v.change_date < TODAY
            assert prev is None or v.change_date > prev, p
            # A notice never predates the version before (a 転出届 may predate its move).
            assert prev is None or v.notified_on is None or v.notified_on >= prev, p
            prev = v.change_date
            assert v.birth_date <= v.became_resident_on <= v.address_set_on <= TODAY, p
            assert v.birth_date <= v.change_date
            if v.change_reason == "出生":
                assert v.change_date == v.birth_date
            if v.notified_on is not None:
                assert v.notified_on <= TODAY
                if v.change_reason in ("転出", "国外転出"):
                    assert v.change_date.toordinal() - 14 <= v.notified_on.toordinal()
                else:
                    assert v.notified_on >= v.change_date
                    notices += 1
                    late += (v.notified_on - v.change_date).days > 14
            assert (v.removed_on is not None) == (i == len(p.versions) - 1
                                                  and p.versions[-1].removed_on is not None)
        last = p.versions[-1]
        if last.removed_on is not None:
            assert last.removed_on == last.change_date
            assert last.removal_reason == last.change_reason
            assert last.removal_reason in ("転出", "国外転出", "死亡", "職権消除")
    return late, notices


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 5])
def test_invariants_hold_for_other_seeds(seed: int) -> None:
    other = list(generate_city(3_000, seed=seed, today=TODAY))
    assert_one_head(other)
    assert_shared_address(other)
    assert_ages_fit(other)
    assert_dates_ordered([p for _, ms in other for p in ms])


def test_moves_carry_previous_addresses(persons: list[PersonRecord]) -> None:
    reasons: Counter[str] = Counter()
    for p in persons:
        for prev, v in zip([None, *p.versions[:-1]], p.versions, strict=True):
            reasons[v.change_reason] += 1
            if v.change_reason == "転入":
                assert v.previous_address and "寝屋川市" not in v.previous_address
                assert v.became_resident_on == v.change_date == v.address_set_on
            if v.change_reason == "転居":
                assert prev is not None
                assert v.previous_address and v.previous_address.startswith("大阪府寝屋川市")
                assert v.address_set_on == v.change_date
            if v.change_reason == "転出":
                assert v.moved_out_to and "寝屋川市" not in v.moved_out_to
    for reason in ("転入", "出生", "転居", "転出", "死亡", "世帯主変更", "国外転入"):
        assert reasons[reason] > 0, reason


def test_addresses_look_real(city: City) -> None:
    with_building = 0
    for _, members in city:
        v = current(members[0])
        assert DETAIL.match(v.address_detail), v.address_detail
        if v.building:
            with_building += 1
            assert v.building.endswith("号")
    assert 0.25 <= with_building / len(city) <= 0.45


# -- people ----------------------------------------------------------------------------------


def test_kana_and_names(persons: list[PersonRecord]) -> None:
    for p in persons:
        v = current(p)
        assert KATAKANA.match(v.family_name_kana) and KATAKANA.match(v.given_name_kana), v
        assert v.sex in ("1", "2")
        if v.old_surname is not None:
            assert v.old_surname != v.family_name and KATAKANA.match(v.old_surname_kana or "")
            assert re.match(r"^[A-Z]+$", v.old_surname_romaji or "")
        if v.alias_name is not None:
            family, given = (v.alias_name_kana or "").split("\u3000")
            assert KATAKANA.match(family) and KATAKANA.match(given)
    assert sum(current(p).old_surname is not None for p in persons) > 50


def test_japanese_and_foreign_fields(persons: list[PersonRecord]) -> None:
    for p in persons:
        for v in p.versions:
            if v.resident_type == "japanese":
                assert v.honseki and v.hittosha
                assert v.nationality is None and v.residence_card_number is None
                continue
            assert v.resident_type == "foreign"
            assert v.honseki is None and v.hittosha is None
            assert v.nationality and v.residence_status in STATUSES
            assert CARD.match(v.residence_card_number or "")
            permanent = v.residence_status in ("永住者", "特別永住者")
            assert (v.residence_expiry is None) == permanent
            assert v.article_30_45 == (
                "特別永住者" if v.residence_status == "特別永住者" else "中長期在留者")
            assert v.alias_name is None or v.residence_status == "特別永住者"
            assert v.became_resident_on >= FOREIGN_START


def test_shares(persons: list[PersonRecord]) -> None:
    n = len(persons)
    foreign = sum(current(p).resident_type == "foreign" for p in persons) / n
    removed = sum(current(p).removed_on is not None for p in persons) / n
    multi = sum(len(p.versions) > 1 for p in persons) / n
    stop = sum(current(p).processing_stop for p in persons) / n
    assert 0.015 <= foreign <= 0.035
    assert 0.02 <= removed <= 0.045
    assert 0.33 <= multi <= 0.47
    assert 0.0002 <= stop <= 0.004
    statuses = Counter(current(p).residence_status for p in persons if current(p).nationality)
    assert statuses["特別永住者"] > 0 and statuses["技能実習"] > 0


def test_population_pyramid(persons: list[PersonRecord]) -> None:
    ages = Counter((TODAY.year - current(p).birth_date.year) // 10 for p in persons)
    n = len(persons)
    assert ages[7] > ages[1]  # the baby-boomers outnumber teenagers
    assert ages[5] > ages[0]  # so do the second boomers in their fifties
    assert ages[0] / n > 0.04 and ages[9] / n < 0.05
    assert max(TODAY.year - current(p).birth_date.year for p in persons) <= 106
