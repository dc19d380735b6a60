"""The move-entry state machine driven with plain dicts: draft, review, confirmation, commit,
refusals at their fields, a 409 with what changed and a redo, idempotency keys, a lock."""

from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from app.registry_api import household_of, summary_of
from app.registry_client import RegistryUnreachable
from app.workflows.errors import FORM, FieldErrors
from app.workflows.move_entry import MoveEntryFlow, MoveStep, NotConfirmed, StepError
from tests.workflows.fakes import (
    HOUSEHOLD,
    FakeApi,
    person_json,
    record_json,
    refusal,
    review_json,
    summary_json,
)

pytestmark = [pytest.mark.terminal]

HEAD = summary_json("0000000001")
WIFE = summary_json("0000000002", given="花子", relationship="妻", sex="2", birth="1982-03-03")
HOUSEHOLD_JSON = {"household_number": HOUSEHOLD, "created_on": "2020-04-01", "address": None,
                  "head_id": "0000000001", "members": [HEAD, WIFE]}


def _flow(api: FakeApi) -> MoveEntryFlow:
    keys = (f"key{i}" for i in itertools.count(1))
    flow = MoveEntryFlow(api, today=lambda: date(2025, 2, 13), new_key=lambda: next(keys))
    flow.kinds_loaded(flow.kinds_job()())
    return flow


def _tenkyo(flow: MoveEntryFlow) -> dict[str, Any]:
    flow.start("tenkyo", persons=[summary_of(HEAD)], household=household_of(HOUSEHOLD_JSON))
    entry = dict(flow.entry)
    entry.update(move_date="R7.2.10",
                 address={"postal_code": "5720001", "town_code": "001000", "address_detail": "3-4"})
    return entry


def test_start_prefills_what_the_clerk_would_type() -> None:
    flow = _flow(FakeApi())
    flow.start("tenkyo", persons=[summary_of(HEAD)], household=household_of(HOUSEHOLD_JSON))
    assert flow.entry == {
        "kind": "tenkyo", "notified_on": "R7.2.13", "household": {"mode": "same"},
        "notifier_name": "試験\u3000一郎", "notifier_relationship": "本人",
        "persons": [{"id": "0000000001"}, {"id": "0000000002"}], "remaining": [],
    }
    flow.start("tenshutsu", persons=[summary_of(HEAD)], household=household_of(HOUSEHOLD_JSON))
    assert flow.entry["persons"] == [{"id": "0000000001"}]
    assert flow.entry["remaining"] == [{"id": "0000000002", "relationship": ""}]
    assert [p.id for p in flow.candidates()] == ["0000000001", "0000000002"]
    flow.start("setainushi_henko", persons=[summary_of(HEAD)], household=household_of(HOUSEHOLD_JSON))
    assert [p["id"] for p in flow.entry["persons"]] == ["0000000001", "0000000002"]
    flow.start("tennyu")
    assert flow.entry["persons"] == [{}] and flow.entry["household"] == {"mode": "new"}
    assert "notifier_name" not in flow.entry  # nobody known yet: the clerk types the notifier


def test_draft_review_confirm_commit() -> None:
    api = FakeApi()
    flow = _flow(api)
    job = flow.submit(_tenkyo(flow))
    assert flow.step is MoveStep.DRAFTING
    flow.drafted(job())
    assert flow.step is MoveStep.REVIEW and flow.review is not None
    assert flow.review.persons[0].changes[0].label == "住所"
    with pytest.raises(NotConfirmed):
        flow.commit()
    flow.confirm(True)
    commit = flow.commit()
    flow.committed(commit())
    assert flow.step is MoveStep.DONE and flow.result is not None
    (body, key), = api.called("create_move")
    assert body["persons"] == [{"id": "0000000001"}, {"id": "0000000002"}] and key == "key1"
    assert api.called("commit_move") == [("a" * 32, "key2")]


def test_comfort_checks_stop_before_the_registry_and_keep_the_entry() -> None:
    api = FakeApi()
    flow = _flow(api)
    entry = _tenkyo(flow)
    entry["move_date"] = "R7.2.40"
    with pytest.raises(FieldErrors):
        flow.submit(entry)
    assert set(flow.errors) == {"move_date"} and flow.step is MoveStep.EDITING
    assert flow.entry["address"]["address_detail"] == "3-4"
    assert api.called("create_move") == []


def test_a_refusal_is_shown_at_its_field_and_nothing_typed_is_lost() -> None:
    api = FakeApi()
    api.errors["create_move"] = [refusal("same_address", message="転居先が現住所と同じです。",
                                         field="address")]
    flow = _flow(api)
    entry = _tenkyo(flow)
    job = flow.submit(entry)
    with pytest.raises(Exception) as caught:
        job()
    flow.draft_failed(caught.value)
    assert flow.errors == {"address": "転居先が現住所と同じです。"}
    assert flow.entry == {**entry, "kind": "tenkyo"} and flow.step is MoveStep.EDITING
    # A refusal the client could not place goes to the form as a whole.
    api.errors["create_move"] = [refusal("household_without_head", message="世帯主がいません。")]
    job = flow.submit()
    with pytest.raises(Exception) as caught:
        job()
    flow.draft_failed(caught.value)
    assert flow.errors == {FORM: "世帯主がいません。"}


def test_a_resubmission_reuses_the_key_a_changed_entry_does_not() -> None:
    api = FakeApi()
    api.errors["create_move"] = [RegistryUnreachable()]
    flow = _flow(api)
    entry = _tenkyo(flow)
    job = flow.submit(entry)
    with pytest.raises(RegistryUnreachable) as caught:
        job()
    flow.draft_failed(caught.value)
    assert flow.problem is not None and flow.problem.retryable and flow.errors == {}
    flow.drafted(flow.submit()())
    keys = [key for _, key in api.called("create_move")]
    assert keys == ["key1", "key1"]
    flow.back_to_edit()
    entry["address"] = {**entry["address"], "address_detail": "5-6"}
    flow.drafted(flow.submit(entry)())
    assert [key for _, key in api.called("create_move")][-1] not in ("key1", "key2")


def test_warnings_are_found_by_field() -> None:
    api = FakeApi()
    api.reviews = [review_json(warnings=[
        {"code": "late_notification", "message": "期間経過です。", "field": "late_reason"},
        {"code": "household_dissolved", "message": "世帯員がいなくなります。", "field": None}])]
    flow = _flow(api)
    flow.drafted(flow.submit(_tenkyo(flow))())
    assert [w.code for w in flow.warnings_at("late_reason")] == ["late_notification"]
    assert flow.warnings_at("move_date") == []


def test_a_conflict_shows_what_changed_and_the_redo_drafts_anew() -> None:
    api = FakeApi()
    api.records["0000000001"] = record_json(
        "0000000001", town=("002000", "成田東が丘", "5720002"), detail="9-9")
    api.households[HOUSEHOLD] = {**HOUSEHOLD_JSON, "members": [HEAD]}  # the wife moved out
    api.errors["commit_move"] = [refusal("version_conflict", 409, "変更されました。")]
    api.reviews = [review_json("a" * 32), review_json("b" * 32)]
    flow = _flow(api)
    entry = _tenkyo(flow)
    flow.drafted(flow.submit(entry)())
    flow.confirm(True)
    job = flow.commit()
    with pytest.raises(Exception) as caught:
        job()
    flow.commit_failed(caught.value)
    assert flow.step is MoveStep.CONFLICT
    flow.conflict_found(flow.conflict_job()())
    assert flow.conflict is not None
    changed = {(c.label, c.drafted, c.now) for c in flow.conflict}
    assert ("住所", "大阪府寝屋川市池田本町1-2", "大阪府寝屋川市成田東が丘9-9") in changed
    assert ("世帯員", "試験　花子（妻）", None) not in changed  # not a member before this draft
    redo = flow.redo()
    flow.drafted(redo())
    assert flow.review is not None and flow.review.id == "b" * 32
    keys = [key for _, key in api.called("create_move")]
    assert keys[0] != keys[1]  # the first key would replay the stale draft
    assert flow.entry["address"]["address_detail"] == "3-4"
    assert not flow.confirmed  # the clerk compares the new review with the paper again


def test_an_expired_draft_goes_back_to_the_entry() -> None:
    api = FakeApi()
    api.errors["commit_move"] = [refusal("move_expired", 410, "期限切れです。")]
    flow = _flow(api)
    flow.drafted(flow.submit(_tenkyo(flow))())
    flow.confirm(True)
    job = flow.commit()
    with pytest.raises(Exception) as caught:
        job()
    flow.commit_failed(caught.value)
    assert flow.step is MoveStep.EDITING and FORM in flow.errors
    assert flow.entry["move_date"] == "R7.2.10"


def test_a_lost_commit_answer_is_retried_with_the_same_key() -> None:
    api = FakeApi()
    api.errors["commit_move"] = [RegistryUnreachable()]
    flow = _flow(api)
    flow.drafted(flow.submit(_tenkyo(flow))())
    flow.confirm(True)
    job = flow.commit()
    with pytest.raises(RegistryUnreachable) as caught:
        job()
    flow.commit_failed(caught.value)
    assert flow.step is MoveStep.REVIEW and flow.confirmed
    flow.committed(flow.commit()())
    assert [key for _, key in api.called("commit_move")] == ["key2", "key2"]


def test_back_discards_the_draft_and_kind_changes_keep_the_typing() -> None:
    api = FakeApi()
    flow = _flow(api)
    flow.drafted(flow.submit(_tenkyo(flow))())
    discard = flow.back_to_edit()
    assert discard is not None
    discard()
    assert api.called("discard_move") == ["a" * 32] and flow.step is MoveStep.EDITING
    flow.change_kind("tenshutsu")
    assert flow.entry["move_date"] == "R7.2.10"
    assert flow.entry["persons"] == [{"id": "0000000001"}, {"id": "0000000002"}]
    assert "household" not in flow.entry
    with pytest.raises(StepError):
        flow.commit()


def test_lock_drops_the_entry_but_not_the_kinds() -> None:
    api = FakeApi()
    flow = _flow(api)
    flow.drafted(flow.submit(_tenkyo(flow))())
    discard = flow.abandon()
    flow.clear_personal_data()
    assert discard is not None
    assert flow.entry == {} and flow.review is None and flow.people == {}
    assert flow.step is MoveStep.EMPTY and "tenkyo" in flow.specs
    assert person_json()["name"]["family_name"] not in repr(vars(flow))


def test_kind_changes_through_an_arrival_form_keep_the_persons() -> None:
    flow = _flow(FakeApi())
    flow.start("tenshutsu", persons=[summary_of(HEAD)], household=household_of(HOUSEHOLD_JSON))
    flow.entry["move_date"] = "R7.2.10"
    flow.change_kind("tennyu")
    assert flow.entry["persons"] == [{}] and flow.entry["move_date"] == "R7.2.10"
    flow.change_kind("tenshutsu")
    assert flow.entry["persons"] == [{"id": "0000000001"}]
    assert flow.entry["remaining"] == [{"id": "0000000002", "relationship": ""}]
