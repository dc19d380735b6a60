"""Identity-search rule: name plus birth date or address, or a unique identifier."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import DomainError
from app.domain.search_rule import SearchCriteria, check, counted_items

pytestmark = pytest.mark.domain

BIRTH = date(1980, 2, 17)


def test_counted_items() -> None:
    assert counted_items(SearchCriteria()) == set()
    assert counted_items(SearchCriteria(name="渡辺", name_kana="ワタナベ")) == {"name"}
    assert counted_items(SearchCriteria(name_kana="ワタナベ", birth_date=BIRTH)) == {
        "name",
        "birth_date",
    }
    assert counted_items(
        SearchCriteria(name="渡辺", birth_date=BIRTH, address="池田", sex="1")
    ) == {"name", "birth_date", "address"}


def test_blank_strings_and_sex_do_not_count() -> None:
    c = SearchCriteria(name="  ", name_kana="\u3000", address="", sex="1")
    assert counted_items(c) == set()


@pytest.mark.parametrize(
    "criteria",
    [
        SearchCriteria(name="渡辺太郎", address="池田1丁目"),
        SearchCriteria(name="渡辺太郎", birth_date=BIRTH),
        SearchCriteria(name_kana="ワタナベ", birth_date=BIRTH),
        SearchCriteria(birth_date=BIRTH, address="池田1丁目"),  # any two of the three items
        SearchCriteria(name="渡辺", name_kana="ワタナベ", birth_date=BIRTH, address="池田"),
        SearchCriteria(resident_code="12345678900"),
        SearchCriteria(individual_number="123456789018"),
    ],
)
def test_allowed(criteria: SearchCriteria) -> None:
    check(criteria)


@pytest.mark.parametrize(
    "criteria",
    [
        SearchCriteria(),
        SearchCriteria(name="渡辺太郎"),
        SearchCriteria(name="渡辺", name_kana="ワタナベ"),  # one item, not two
        SearchCriteria(name="渡辺太郎", sex="1"),  # sex never counts
        SearchCriteria(birth_date=BIRTH, sex="2"),
        SearchCriteria(name="渡辺太郎", address="　"),
        SearchCriteria(name="渡辺", resident_code=" ", individual_number=""),
    ],
)
def test_too_broad(criteria: SearchCriteria) -> None:
    with pytest.raises(DomainError) as info:
        check(criteria)
    assert info.value.code == "search_too_broad"
    assert "検索条件が不足しています" in info.value.message
    assert "二つ以上" in info.value.message
