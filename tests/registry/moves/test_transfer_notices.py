"""特例転入: 転出証明書情報 received ahead through 住基ネット, used once with the card."""

from __future__ import annotations

from typing import Any

import pytest

from tests.registry.moves.world import World

pytestmark = pytest.mark.registry


def _receive(world: World, planned_days_ago: int = 3, **extra: Any) -> tuple[str, dict[str, Any]]:
    content = {
        "from_municipality": "271004",
        "resident_code": world.new_resident_code(),
        "individual_number": world.new_number(),
        "planned_move_date": world.days_ago(planned_days_ago),
        "previous_address": "大阪府大阪市北区中之島一丁目３番２０号",
        "family_name": "特例", "given_name": "花子",
        "family_name_kana": "トクレイ", "given_name_kana": "ハナコ",
        "birth_date": "1991-11-11", "sex": "2",
        "honseki": "大阪府大阪市北区中之島一丁目３番地", "hittosha": "特例　一郎",
        "head_name": "特例　花子", "relationship_before": "世帯主",
        **extra,
    }
    with world.cs() as c:
        response = c.post("/v1/transfer-notices", json=content, headers={"Idempotency-Key": world.key()})
    assert response.status_code == 201, response.text
    return response.json()["id"], content


def _tokurei(world: World, persons: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "kind": "tokurei_tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(), "household": {"mode": "new"}, "persons": persons,
    }


def test_tokurei_tennyu_with_the_card(world: World) -> None:
    notice_id, content = _receive(world)
    with world.client() as c:
        found = c.get("/v1/transfer-notices", params={"resident_code": content["resident_code"]}).json()
    assert [(i["id"], i["used"]) for i in found["items"]] == [(notice_id, False)]
    assert "individual_number" not in found["items"][0]
    body = _tokurei(world, [{"transfer_notice_id": notice_id, "relationship": "世帯主",
                             "individual_number": content["individual_number"]}])
    result = world.move(body)
    person = result["persons"][0]
    assert person["resident_code"] == content["resident_code"]
    record = world.record(person["id"])
    assert record["current"]["change_reason"] == "転入"
    assert record["record"]["previous_address"] == content["previous_address"]
    assert record["record"]["name"]["family_name"] == "特例"
    with world.client() as c:
        found = c.get("/v1/transfer-notices", params={"resident_code": content["resident_code"]}).json()
    assert found["items"][0]["used"] is True
    error = world.refused(body)
    assert error["code"] in ("transfer_notice_used", "already_resident")


def test_tokurei_needs_the_card(world: World) -> None:
    notice_id, _ = _receive(world)
    error = world.refused(_tokurei(world, [{"transfer_notice_id": notice_id, "relationship": "世帯主"}]))
    assert error["code"] == "card_required"


def test_tokurei_with_another_persons_card(world: World) -> None:
    notice_id, _ = _receive(world)
    error = world.refused(_tokurei(world, [{"transfer_notice_id": notice_id, "relationship": "世帯主",
                                            "individual_number": world.new_number()}]))
    assert error["code"] == "transfer_notice_mismatch"


def test_tokurei_with_an_unknown_notice(world: World) -> None:
    error = world.refused(_tokurei(world, [{"transfer_notice_id": "f" * 32, "relationship": "世帯主",
                                            "individual_number": world.new_number()}]))
    assert (error["code"], error["field"]) == ("transfer_notice_not_found", "persons[0].transfer_notice_id")


def test_tokurei_refuses_items_the_notice_carries(world: World) -> None:
    notice_id, _ = _receive(world)
    error = world.refused(_tokurei(world, [{"transfer_notice_id": notice_id, "relationship": "世帯主",
                                            "family_name": "別人"}]))
    assert (error["code"], error["field"]) == ("field_not_allowed", "persons[0].family_name")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"resident_code": "12345678901"}, "invalid_resident_code"),
        ({"from_municipality": "27"}, "invalid_municipality"),
        ({"birth_date": "1991-13-01"}, "invalid_date"),
        ({"family_name_kana": "tokurei"}, "invalid_kana"),
        ({"secret": "x"}, "field_not_allowed"),
        ({"previous_address": None}, "missing_field"),
    ],
)
def test_malformed_transfer_notices(world: World, change: dict[str, Any], code: str) -> None:
    content = {
        "from_municipality": "271004", "resident_code": world.new_resident_code(),
        "planned_move_date": world.days_ago(1), "previous_address": "大阪府大阪市北区１番",
        "family_name": "特例", "given_name": "次郎", "family_name_kana": "トクレイ",
        "given_name_kana": "ジロウ", "birth_date": "1991-11-11", "sex": "1",
    }
    content = {k: v for k, v in {**content, **change}.items() if v is not None}
    with world.cs() as c:
        response = c.post("/v1/transfer-notices", json=content)
    assert (response.status_code, response.json()["error"]["code"]) == (422, code)
