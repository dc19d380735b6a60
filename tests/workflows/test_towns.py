"""Postal code → town, the town picker, and the offline list equal to the registry's."""

from __future__ import annotations

import pytest

from app.registry_api import Town
from app.workflows.towns import TownIndex, load_town_index, normalise_postal_code, offline_towns
from tests.workflows.fakes import FakeApi

pytestmark = [pytest.mark.terminal]


def test_the_offline_list_is_the_one_the_registry_loads() -> None:
    from registry.synth.towns import load_towns

    assert [(t.code, t.name, t.kana, t.postal_code) for t in offline_towns()] == [
        (t.town_code, t.name, t.kana, t.postal_code) for t in load_towns()]


def test_postal_code_and_name_lookup() -> None:
    index = TownIndex(offline_towns())
    assert normalise_postal_code("〒５７２−０００１") == "5720001"
    assert [t.name for t in index.by_postal_code("572-0001")] == ["成田東町"]
    assert index.by_postal_code("572") == []
    assert index.search("いけだ")[0].name.startswith("池田")
    assert index.search("ｲｹﾀﾞ")[0].name.startswith("池田")
    assert all("池田" in t.name for t in index.search("池田"))
    assert index.get("001000") is not None and index.search("") == []


def test_the_registry_list_wins_when_served() -> None:
    api = FakeApi()
    assert len(load_town_index(api)) == len(offline_towns())  # 404: the offline list
    api.town_list = [Town("001000", "どこか町", "ドコカチョウ", "5720001")]
    assert [t.name for t in load_town_index(api).towns] == ["どこか町"]
