"""The record flow: record, household and history in one job; the number only for number.view."""

from __future__ import annotations

import pytest

from app.workflows.record import NumberViewNotAllowed, RecordFlow, RecordStep
from tests.workflows.fakes import HOUSEHOLD, FakeApi, record_json, refusal, summary_json

pytestmark = [pytest.mark.terminal]
NUMBER = "123456789018"


def _api() -> FakeApi:
    api = FakeApi()
    api.records["0000000001"] = record_json("0000000001", number=NUMBER)
    api.households[HOUSEHOLD] = {"household_number": HOUSEHOLD, "created_on": "2020-04-01",
                                 "address": None, "head_id": "0000000001",
                                 "members": [summary_json("0000000001"),
                                             summary_json("0000000002", given="花子",
                                                          relationship="妻", sex="2")]}
    return api


def test_open_loads_record_household_and_history_without_the_number() -> None:
    api = _api()
    flow = RecordFlow(api, can_view_number=False)
    job = flow.open("0000000001")
    assert flow.step is RecordStep.LOADING
    flow.opened(job())
    assert flow.step is RecordStep.SHOWN and flow.file is not None
    assert flow.file.record.individual_number is None
    assert [m.id for m in flow.file.household.members] == ["0000000001", "0000000002"]  # type: ignore[union-attr]
    assert len(flow.file.history) == 1
    assert api.called("resident") == [("0000000001", False)]
    with pytest.raises(NumberViewNotAllowed):
        flow.reveal()


def test_reveal_with_number_view_and_conceal() -> None:
    api = _api()
    flow = RecordFlow(api, can_view_number=True)
    flow.opened(flow.open("0000000001")())
    flow.revealed(flow.reveal()())
    assert flow.number == NUMBER
    assert api.called("resident")[-1] == ("0000000001", True)
    flow.conceal_personal_data()  # every shield
    assert flow.number is None
    flow.revealed(flow.reveal()())
    flow.clear_personal_data()  # a lock
    assert flow.number is None and flow.file is None and flow.step is RecordStep.EMPTY


def test_a_late_answer_for_an_earlier_record_is_ignored() -> None:
    api = _api()
    api.records["0000000002"] = record_json("0000000002", given="花子")
    flow = RecordFlow(api, can_view_number=False)
    first = flow.open("0000000001")
    second = flow.open("0000000002")
    flow.opened(second())
    flow.opened(first())
    assert flow.file is not None and flow.file.record.id == "0000000002"


def test_missing_household_and_refusals() -> None:
    api = _api()
    del api.households[HOUSEHOLD]
    flow = RecordFlow(api, can_view_number=False)
    flow.opened(flow.open("0000000001")())
    assert flow.file is not None and flow.file.household is None
    api.errors["resident"] = [refusal("resident_not_found", 404, "見つかりません。")]
    job = flow.open("0000000009")
    with pytest.raises(Exception) as caught:
        job()
    flow.failed(caught.value)
    assert flow.problem is not None and flow.problem.message == "見つかりません。"
