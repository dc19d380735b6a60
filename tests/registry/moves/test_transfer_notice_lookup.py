"""特例転入 from the card: the received 転出証明書情報 found by the card's name and birth date
(`GET /v1/transfer-notices?name=&birth_date=`), since the card does not hold the 住民票コード.
Only notices still usable come back: not used, not past their retention period."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.models import AuditEntry
from tests.registry.moves.world import World

pytestmark = pytest.mark.registry

# Every test receives notices under a name of its own: the world is shared by the whole run,
# and the lookup is by name.
_GIVEN = (f"{a}{b}" for a, b in itertools.product("春夏秋冬", "一二三四五六七八九"))


def _receive(world: World, family: str = "照会", given: str | None = None,
             birth: str = "1988-04-05", planned_days_ago: int = 2, **extra: Any) -> dict[str, Any]:
    content = {
        "from_municipality": "271004",
        "resident_code": world.new_resident_code(),
        "individual_number": world.new_number(),
        "planned_move_date": world.days_ago(planned_days_ago),
        "previous_address": "大阪府大阪市北区中之島一丁目３番２０号",
        "family_name": family, "given_name": given or next(_GIVEN),
        "family_name_kana": "ショウカイ", "given_name_kana": "ハナコ",
        "birth_date": birth, "sex": "2",
        **extra,
    }
    with world.cs() as c:
        response = c.post("/v1/transfer-notices", json=content, headers={"Idempotency-Key": world.key()})
    assert response.status_code == 201, response.text
    content["id"] = response.json()["id"]
    return content


def _lookup(world: World, user: str = "t-clerk", **query: str) -> Any:
    with world.client(user) as c:
        return c.get("/v1/transfer-notices", params=query)


def _found(world: World, name: str, birth: str) -> list[str]:
    response = _lookup(world, name=name, birth_date=birth)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_found_by_the_cards_name_and_birth_date(world: World) -> None:
    notice = _receive(world)
    full = f"{notice['family_name']}{notice['given_name']}"
    response = _lookup(world, name=f"{notice['family_name']}\u3000{notice['given_name']}",
                       birth_date=notice["birth_date"])
    assert response.status_code == 200, response.text
    (item,) = response.json()["items"]
    assert item == {
        "id": notice["id"], "received_at": item["received_at"], "from_municipality": "271004",
        "resident_code": notice["resident_code"], "planned_move_date": notice["planned_move_date"],
        "name": f"{notice['family_name']}\u3000{notice['given_name']}",
        "birth_date": notice["birth_date"], "used": False,
    }  # never the individual number
    # The card's name with or without its space, in any width, as the search folds names.
    for typed in (full, f"{notice['family_name']} {notice['given_name']}",
                  f"\u3000{notice['family_name']}\u3000 {notice['given_name']} "):
        assert _found(world, typed, notice["birth_date"]) == [notice["id"]], typed


def test_variant_kanji_and_widths_fold_as_in_the_search(world: World) -> None:
    variant = _receive(world, family="髙嶋", given="真理")
    latin = _receive(world, family="ＳＭＩＴＨ", given="ＡＮＮＥ", birth="1979-01-30")
    assert variant["id"] in _found(world, "高島 真理", variant["birth_date"])
    assert _found(world, "Smith Anne", "1979-01-30") == [latin["id"]]


def test_another_birth_date_or_name_finds_nothing(world: World) -> None:
    notice = _receive(world)
    name = f"{notice['family_name']}{notice['given_name']}"
    assert _found(world, name, "1988-04-06") == []
    assert _found(world, name + "子", notice["birth_date"]) == []
    assert _found(world, notice["given_name"], notice["birth_date"]) == []  # not a prefix match


def test_several_notices_for_one_name_come_oldest_first(world: World) -> None:
    first = _receive(world)
    second = _receive(world, given=first["given_name"], planned_days_ago=0)
    name = f"{first['family_name']}{first['given_name']}"
    assert _found(world, name, first["birth_date"]) == [first["id"], second["id"]]


def test_a_used_notice_is_not_returned(world: World) -> None:
    notice = _receive(world)
    name = f"{notice['family_name']}\u3000{notice['given_name']}"
    world.move({
        "kind": "tokurei_tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(), "household": {"mode": "new"},
        "persons": [{"transfer_notice_id": notice["id"], "relationship": "世帯主",
                     "individual_number": notice["individual_number"]}],
    })
    assert _found(world, name, notice["birth_date"]) == []
    # The 住民票コード form is unchanged: it still shows the notice, as used.
    by_code = _lookup(world, resident_code=notice["resident_code"]).json()["items"]
    assert [(i["id"], i["used"]) for i in by_code] == [(notice["id"], True)]


def test_a_notice_past_its_retention_is_not_returned(world: World) -> None:
    # Default retention: 30 days after the planned date; the purge may delete it any time now.
    stale = _receive(world, planned_days_ago=31)
    name = f"{stale['family_name']}{stale['given_name']}"
    assert _found(world, name, stale["birth_date"]) == []
    last_day = _receive(world, planned_days_ago=30)
    assert _found(world, f"{last_day['family_name']}{last_day['given_name']}",
                  last_day["birth_date"]) == [last_day["id"]]


@pytest.mark.parametrize(
    ("query", "code", "field"),
    [
        ({}, "search_too_broad", "name"),
        ({"name": "照会花子"}, "search_too_broad", "birth_date"),
        ({"birth_date": "1988-04-05"}, "search_too_broad", "name"),
        ({"name": "\u3000 ", "birth_date": "1988-04-05"}, "search_too_broad", "name"),
        ({"name": "照会花子", "birth_date": ""}, "search_too_broad", "birth_date"),
        ({"name": "照会花子", "birth_date": "1988-02-30"}, "invalid_date", "birth_date"),
        ({"name": "照会花子", "birth_date": "19880405"}, "invalid_date", "birth_date"),
        ({"name": "照会花子", "birth_date": "１９８８-０４-０５"}, "invalid_date", "birth_date"),
        ({"name": "照" * 131, "birth_date": "1988-04-05"}, "value_too_long", "name"),
        ({"name": "照会\x00花子", "birth_date": "1988-04-05"}, "invalid_characters", "name"),
        ({"name": "照会花子", "birth_date": "1988-04-05", "sex": "2"}, "unknown_parameter", "sex"),
        ({"name": "照会花子", "birth_date": "1988-04-05", "resident_code": "12345678906"},
         "invalid_parameter", "resident_code"),
        ({"resident_code": "12345678901"}, "invalid_resident_code", "resident_code"),
    ],
)
def test_bad_input_is_refused_with_a_code(
    world: World, query: dict[str, str], code: str, field: str
) -> None:
    response = _lookup(world, **query)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert (error["code"], error.get("field")) == (code, field)
    assert error["message"]  # a sentence for the clerk


def test_a_repeated_parameter_is_refused(world: World) -> None:
    with world.client() as c:
        response = c.get("/v1/transfer-notices",
                         params=[("name", "照会"), ("name", "花子"), ("birth_date", "1988-04-05")])
    assert (response.status_code, response.json()["error"]["code"]) == (422, "duplicate_parameter")


def test_only_the_counter_may_look_and_each_look_is_audited_without_personal_values(
    world: World,
) -> None:
    notice = _receive(world)
    name = f"{notice['family_name']}{notice['given_name']}"
    for user in ("t-help", "t-audit", "t-card"):
        response = _lookup(world, user, name=name, birth_date=notice["birth_date"])
        assert response.status_code == 403, user
        assert response.json()["error"]["code"] == "permission_denied"
    assert _found(world, name, notice["birth_date"]) == [notice["id"]]
    with Session(world.engine) as session:
        rows = session.execute(
            select(AuditEntry.staff_id, AuditEntry.result, AuditEntry.detail, AuditEntry.targets)
            .where(AuditEntry.action == "transfer_notice.read")
            .order_by(AuditEntry.id.desc()).limit(1)
        ).all()
    assert rows == [("t-clerk", "ok", "by=name_birth_date found=1", "")]
    assert all(notice["given_name"] not in str(v) and "1988" not in str(v) for v in rows[0])
