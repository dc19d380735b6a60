"""The search flow with plain dicts: the two-item rule before the registry, errors that keep
the form, paging, and a lock that empties everything."""

from __future__ import annotations

from datetime import date

import pytest

from app.registry_client import RegistryUnreachable
from app.workflows.errors import FORM, FieldErrors
from app.workflows.search import SearchFlow, SearchStep, rule_status
from tests.workflows.fakes import FakeApi, refusal, summary_json

pytestmark = [pytest.mark.terminal]


def test_rule_status_counts_the_items_as_they_are_typed() -> None:
    assert rule_status({}).missing == 2
    assert rule_status({"name": "しけん"}).missing == 1
    assert rule_status({"name": "しけん", "sex": "1"}).missing == 1  # sex never counts
    status = rule_status({"name": "しけん", "birth_date": "S55.2.17"})
    assert status.satisfied and status.counted == {"name", "birth_date"}
    assert not rule_status({"name": "しけん", "birth_date": "S55.2.40"}).satisfied
    assert rule_status({"resident_code": "12345678901"}).satisfied


def test_a_too_broad_search_is_explained_before_the_registry_is_asked() -> None:
    api = FakeApi()
    flow = SearchFlow(api)
    with pytest.raises(FieldErrors) as caught:
        flow.search({"name": "しけん", "sex": "1"})
    assert "二つ以上" in caught.value.errors[FORM]
    assert flow.values["name"] == "しけん" and flow.step is SearchStep.FORM
    assert api.calls == []


def test_bad_items_are_reported_at_their_fields() -> None:
    flow = SearchFlow(FakeApi())
    with pytest.raises(FieldErrors) as caught:
        flow.search({"name": "しけん", "birth_date": "55.2.17", "resident_code": "123"})
    assert set(caught.value.errors) == {"birth_date", "resident_code"}
    assert "元号" in caught.value.errors["birth_date"]


def test_search_with_era_chosen_and_paging() -> None:
    api = FakeApi()
    api.search_pages = [
        {"items": [summary_json("0000000001")], "has_more": True, "next_offset": 1},
        {"items": [summary_json("0000000002", given="二郎")], "has_more": False},
    ]
    flow = SearchFlow(api, page_size=1)
    job = flow.search({"name": "しけん", "birth_date": "55.2.17", "birth_era": "S"})
    assert flow.step is SearchStep.SEARCHING
    flow.searched(job())
    criteria, limit, offset = api.called("search")[0]
    assert criteria.birth_date == date(1980, 2, 17) and criteria.name == "しけん"
    assert (limit, offset) == (1, 0)
    assert [r.id for r in flow.results] == ["0000000001"] and flow.has_more
    more = flow.more()
    assert more is not None
    flow.searched(more())
    assert [r.id for r in flow.results] == ["0000000001", "0000000002"]
    assert flow.more() is None and flow.step is SearchStep.RESULTS


def test_registry_refusals_keep_the_form() -> None:
    api = FakeApi()
    api.errors["search"] = [refusal("invalid_date", field="birth_date", message="日付が違います。"),
                            RegistryUnreachable()]
    flow = SearchFlow(api)
    values = {"name": "しけん", "birth_date": "S55.2.17", "address": "池田"}
    job = flow.search(values)
    with pytest.raises(Exception) as first:
        job()
    flow.failed(first.value)
    assert flow.errors == {"birth_date": "日付が違います。"}
    assert flow.values["address"] == "池田" and flow.step is SearchStep.FORM
    job = flow.search(values)
    with pytest.raises(RegistryUnreachable) as second:
        job()
    flow.failed(second.value)
    assert flow.problem is not None and flow.problem.retryable
    assert flow.values["name"] == "しけん"


def test_lock_empties_the_flow() -> None:
    api = FakeApi()
    api.search_pages = [{"items": [summary_json("0000000001")]}]
    flow = SearchFlow(api)
    flow.searched(flow.search({"name": "しけん", "address": "池田"})())
    flow.clear_personal_data()
    assert flow.results == [] and flow.values == {} and flow.step is SearchStep.FORM
    assert flow.more() is None
