"""Every rule a move must pass, each refused with its stable code, the field it concerns and a
Japanese message; and a refused draft leaves the register as it was."""

from __future__ import annotations

from typing import Any

import pytest

from tests.registry.moves.test_kinds import _spouse_child_household
from tests.registry.moves.world import Member, World

pytestmark = pytest.mark.registry


def _tennyu(world: World, persons: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(2),
        "address": world.address(), "household": {"mode": "new"},
        "previous_address": "兵庫県神戸市中央区加納町６丁目５番１号",
        "persons": persons, **extra,
    }


def _tenkyo(world: World, members: list[Member], **extra: Any) -> dict[str, Any]:
    return {
        "kind": "tenkyo", "notified_on": world.days_ago(0), "move_date": world.days_ago(2),
        "address": world.address(members[0].town_code),
        "persons": [{"id": m.atena} for m in members], **extra,
    }


def _japanese(world: World, members: list[Member]) -> bool:
    return all(m.resident_type == "japanese" for m in members)


# --- 転入 of someone who lives here (seed l.1574) ------------------------------------------


def test_tennyu_of_a_current_resident_by_resident_code(world: World) -> None:
    member = world.household(size=1)[0]
    error = world.refused(_tennyu(world, [world.newcomer("世帯主", member.birth_date.isoformat(),
                                                         resident_code=member.resident_code)]))
    assert error["code"] == "already_resident"
    assert error["field"] == "persons[0].resident_code"
    assert "既に住民" in error["message"]


def test_tennyu_of_a_current_resident_by_individual_number(world: World) -> None:
    from sqlalchemy import select

    from registry.models import IndividualNumber

    member = world.household(size=1)[0]
    with world.engine.connect() as conn:
        number = conn.scalar(select(IndividualNumber.number).where(IndividualNumber.person_id == member.person_id))
    error = world.refused(_tennyu(world, [world.newcomer("世帯主", "1970-01-01", individual_number=number)]))
    assert error == {**error, "code": "already_resident", "field": "persons[0].individual_number"}


# --- 転居 changes the address only -----------------------------------------------------------


@pytest.mark.parametrize(
    "person_extra",
    [{"family_name": "別名"}, {"birth_date": "2000-01-01"}, {"honseki": "東京都"}, {"relationship": "子"}],
    ids=["name", "birth_date", "honseki", "relationship_in_same_household"],
)
def test_tenkyo_that_changes_more_than_the_address(world: World, person_extra: dict[str, Any]) -> None:
    members = world.household(size=1)
    body = _tenkyo(world, members)
    body["persons"][0].update(person_extra)
    error = world.refused(body)
    assert error["code"] == "tenkyo_non_address_change"
    assert error["field"] == f"persons[0].{next(iter(person_extra))}"


def test_tenkyo_with_a_record_item_at_the_top(world: World) -> None:
    members = world.household(size=1)
    error = world.refused(_tenkyo(world, members, sex="2"))
    assert error["code"] == "tenkyo_non_address_change"


def test_tenkyo_to_the_same_address(world: World) -> None:
    members = world.household(size=1)
    m = members[0]
    body = _tenkyo(world, members)
    body["address"] = {"town_code": m.town_code, "address_detail": m.address_detail,
                       **({"building": m.building} if m.building else {})}
    assert world.refused(body)["code"] == "same_address"


# --- not living here -------------------------------------------------------------------------


def _removed(world: World) -> Member:
    member = world.household(size=1)[0]
    world.move({"kind": "kokugai_tenshutsu", "notified_on": world.days_ago(5), "move_date": world.days_ago(5),
                "moved_out_to": "カナダ", "persons": [{"id": member.atena}]})
    return member


@pytest.mark.parametrize("kind", ["tenkyo", "tenshutsu", "setai_kosei_henko", "shibo"])
def test_moves_of_a_person_not_living_here(world: World, kind: str) -> None:
    member = _removed(world)
    bodies: dict[str, dict[str, Any]] = {
        "tenkyo": _tenkyo(world, [member]),
        "tenshutsu": {"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
                      "moved_out_to": "東京都", "persons": [{"id": member.atena}]},
        "setai_kosei_henko": {"kind": "setai_kosei_henko", "notified_on": world.days_ago(0),
                              "move_date": world.days_ago(0),
                              "persons": [{"id": member.atena, "relationship": "世帯主"}]},
        "shibo": {"kind": "shibo", "move_date": world.days_ago(0), "persons": [{"id": member.atena}]},
    }
    error = world.refused(bodies[kind])
    assert error["code"] == "not_resident"
    assert error["field"] == "persons[0].id"


def test_unknown_resident(world: World) -> None:
    body = {"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
            "moved_out_to": "東京都", "persons": [{"id": "9999999999"}]}
    assert world.refused(body)["code"] == "resident_not_found"


# --- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["tennyu", "tenkyo"])
def test_move_date_after_the_notice(world: World, kind: str) -> None:
    members = world.household(size=1)
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")]) if kind == "tennyu" else _tenkyo(world, members)
    body["move_date"] = world.days_ago(-3)
    body["notified_on"] = world.days_ago(0)
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("invalid_date", "move_date")


@pytest.mark.parametrize(
    ("field", "value"),
    [("notified_on", "2025-02-30"), ("move_date", "2025/01/01"), ("notified_on", 20250101)],
)
def test_malformed_dates(world: World, field: str, value: Any) -> None:
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")])
    body[field] = value
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("invalid_date", field)


def test_notice_date_in_the_future(world: World) -> None:
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")], notified_on=world.days_ago(-1))
    assert world.refused(body)["code"] == "invalid_date"


def test_birth_after_the_move(world: World) -> None:
    body = _tennyu(world, [world.newcomer("世帯主", world.days_ago(0))])
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("invalid_date", "persons[0].birth_date")


def test_late_notice_needs_a_reason_and_is_recorded(world: World) -> None:
    members = world.household(size=1)
    body = _tenkyo(world, members, move_date=world.days_ago(20))
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("late_notification_reason_required", "late_reason")
    body["late_reason"] = "入院していたため"
    review = world.draft(body).json()
    assert review["late_notification"] is True
    assert "late_notification" in {w["code"] for w in review["warnings"]}
    world.commit(review["id"])
    current = world.record(members[0].atena)["current"]
    assert current["late_notification"] is True and current["late_reason"] == "入院していたため"


def test_fourteen_days_is_on_time(world: World) -> None:
    members = world.household(size=1)
    review = world.draft(_tenkyo(world, members, move_date=world.days_ago(14))).json()
    assert review["late_notification"] is False


def test_reason_given_for_an_on_time_notice(world: World) -> None:
    members = world.household(size=1)
    error = world.refused(_tenkyo(world, members, late_reason="念のため"))
    assert (error["code"], error["field"]) == ("field_not_allowed", "late_reason")


# --- households ------------------------------------------------------------------------------


def test_new_household_without_a_head(world: World) -> None:
    error = world.refused(_tennyu(world, [world.newcomer("妻", "1980-01-01", "2")]))
    assert error["code"] == "household_without_head"


@pytest.mark.parametrize("mode", [["new"], {"new": True}, 1, None])
def test_household_mode_that_is_not_a_word(world: World, mode: Any) -> None:
    body = _tenkyo(world, world.household(size=1), household={"mode": mode})
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("invalid_household_mode", "household.mode")


def test_head_leaves_and_no_one_takes_over(world: World) -> None:
    members = world.household(min_size=2, where=lambda ms: ms[0].is_head)
    body = {"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
            "moved_out_to": "東京都", "persons": [{"id": members[0].atena}]}
    error = world.refused(body)
    assert error["code"] == "household_without_head"
    assert members[0].household_number in error["message"]


def test_second_head_joining_a_household(world: World) -> None:
    head = world.household()[0]
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")],
                   household={"mode": "existing", "household_number": head.household_number},
                   address={"town_code": head.town_code, "address_detail": head.address_detail,
                            **({"building": head.building} if head.building else {})})
    assert world.refused(body)["code"] == "household_multiple_heads"


@pytest.mark.parametrize(
    "persons",
    [
        [("世帯主", "1970-01-01"), ("妻", "1971-01-01"), ("夫", "1972-01-01")],
        [("世帯主", "1990-01-01"), ("子", "1980-01-01")],
        [("世帯主", "1990-01-01"), ("母", "1995-01-01")],
    ],
    ids=["two_spouses", "child_older_than_head", "mother_younger_than_head"],
)
def test_relationships_that_do_not_fit_the_head(world: World, persons: list[tuple[str, str]]) -> None:
    body = _tennyu(world, [world.newcomer(rel, birth) for rel, birth in persons])
    error = world.refused(body)
    assert error["code"] == "relationship_inconsistent"
    assert error["field"].startswith("persons[")


def test_part_of_a_household_moving_without_a_household(world: World) -> None:
    members = world.household(min_size=2)
    error = world.refused(_tenkyo(world, members[1:2]))
    assert error["code"] == "household_address_mismatch"


def test_joining_a_household_at_another_address(world: World) -> None:
    head = world.household()[0]
    body = _tennyu(world, [world.newcomer("同居人", "1990-01-01")],
                   household={"mode": "existing", "household_number": head.household_number})
    assert world.refused(body)["code"] == "household_address_mismatch"


def test_setainushi_henko_must_restate_every_member(world: World) -> None:
    members = world.household(where=_spouse_child_household)
    wife = next(m for m in members if m.relationship == "妻")
    body = {"kind": "setainushi_henko", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
            "persons": [{"id": members[0].atena, "relationship": "夫"},
                        {"id": wife.atena, "relationship": "世帯主"}]}
    assert world.refused(body)["code"] == "household_members_incomplete"


def test_remaining_member_outside_the_households_touched(world: World) -> None:
    members = world.household(size=1)
    other = world.household(size=1)
    body = {"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
            "moved_out_to": "東京都", "persons": [{"id": members[0].atena}],
            "remaining": [{"id": other[0].atena, "relationship": "世帯主"}]}
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("not_in_affected_household", "remaining[0].id")


def test_unknown_household(world: World) -> None:
    body = _tennyu(world, [world.newcomer("同居人", "1990-01-01")],
                   household={"mode": "existing", "household_number": "4999999999"})
    assert world.refused(body)["code"] == "household_not_found"


# --- formats ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person_extra", "code", "field"),
    [
        ({"family_name_kana": "Yamada"}, "invalid_kana", "persons[0].family_name_kana"),
        ({"resident_code": "12345678901"}, "invalid_resident_code", "persons[0].resident_code"),
        ({"individual_number": "123456789012"}, "invalid_individual_number", "persons[0].individual_number"),
        ({"individual_number": "12345678901"}, "invalid_individual_number", "persons[0].individual_number"),
        ({"relationship": "上司"}, "invalid_relationship", "persons[0].relationship"),
        ({"sex": "3"}, "invalid_sex", "persons[0].sex"),
        ({"family_name": "山\u0000田"}, "invalid_characters", "persons[0].family_name"),
        ({"family_name": "あ" * 61}, "value_too_long", "persons[0].family_name"),
        ({"nationality": "中国"}, "field_not_allowed", "persons[0].nationality"),
        ({"resident_type": "foreign", "honseki": None, "hittosha": None}, "missing_field", "persons[0].nationality"),
    ],
)
def test_malformed_person_items(world: World, person_extra: dict[str, Any], code: str, field: str) -> None:
    person = {**world.newcomer("世帯主", "1990-01-01"), **person_extra}
    person = {k: v for k, v in person.items() if v is not None}
    error = world.refused(_tennyu(world, [person]))
    assert (error["code"], error["field"]) == (code, field)
    assert error["message"]


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ({"postal_code": "57200", "address_detail": "1番"}, "invalid_postal_code"),
        ({"postal_code": "1000001", "address_detail": "1番"}, "postal_code_mismatch"),
        ({"town_code": "999999", "address_detail": "1番"}, "unknown_town"),
        ({"town_code": "abc", "address_detail": "1番"}, "invalid_town_code"),
        ({"address_detail": None}, "missing_field"),
        ({"city": "大阪市"}, "field_not_allowed"),
    ],
)
def test_malformed_addresses(world: World, address: dict[str, Any], code: str) -> None:
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")])
    body["address"] = {k: v for k, v in {**body["address"], **address}.items() if v is not None}
    error = world.refused(body)
    assert error["code"] == code
    assert error["field"].startswith("address")


def test_postal_code_with_a_hyphen_is_accepted(world: World) -> None:
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")])
    postal = body["address"]["postal_code"]
    body["address"]["postal_code"] = f"{postal[:3]}-{postal[3:]}"
    assert world.draft(body).status_code == 201


# --- only the items of the paper form (seed l.894) ---------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"favourite_colour": "blue"}, "favourite_colour"),
        ({"moved_out_to": "東京都"}, "moved_out_to"),
        ({"reason": "職権"}, "reason"),
        ({"remaining": []}, "remaining"),
    ],
)
def test_items_outside_the_form_are_refused(world: World, change: dict[str, Any], field: str) -> None:
    body = _tennyu(world, [world.newcomer("世帯主", "1990-01-01")], **change)
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("field_not_allowed", field)


def test_person_items_outside_the_form_are_refused(world: World) -> None:
    members = world.household(size=1)
    body = {"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
            "moved_out_to": "東京都", "persons": [{"id": members[0].atena, "honseki": "東京都"}]}
    error = world.refused(body)
    assert (error["code"], error["field"]) == ("field_not_allowed", "persons[0].honseki")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"kind": "hikkoshi"}, "invalid_move_kind"),
        ({}, "invalid_move_kind"),
        ({"kind": "tennyu"}, "missing_field"),
        ([], "invalid_type"),
    ],
)
def test_malformed_requests(world: World, body: Any, code: str) -> None:
    with world.client() as c:
        response = c.post("/v1/moves", json=body)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == code


def test_body_that_is_not_json(world: World) -> None:
    with world.client() as c:
        response = c.post("/v1/moves", content=b"{not json", headers={"Content-Type": "application/json"})
    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid_json")


def test_same_person_twice(world: World) -> None:
    members = world.household(size=1)
    body = _tenkyo(world, members + members)
    assert world.refused(body)["code"] == "duplicate_person"


def test_zairyu_henko_for_a_japanese_resident(world: World) -> None:
    member = world.household(size=1, where=lambda ms: _japanese(world, ms))[0]
    body = {"kind": "zairyu_henko", "move_date": world.days_ago(0),
            "persons": [{"id": member.atena, "residence_status": "永住者"}]}
    assert world.refused(body)["code"] == "not_foreign_resident"


def test_a_refused_draft_changes_nothing(world: World) -> None:
    members = world.household(min_size=2)
    before = [world.record(m.atena) for m in members]
    world.refused(_tenkyo(world, members[1:]))
    assert [world.record(m.atena) for m in members] == before
