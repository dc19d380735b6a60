"""Every kind of move, drafted and committed through the real registry, and what each leaves
in the register: new versions, households, 住民票コード, notices, audit rows."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain import resident_code
from registry.models import (
    AuditEntry,
    Household,
    IndividualNumber,
    OutboundNotice,
    Person,
    PersonVersion,
)
from tests.registry.moves.world import Member, World

pytestmark = pytest.mark.registry


def _notice_count(world: World, move_id: str) -> int:
    with world.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(OutboundNotice).where(OutboundNotice.move_id == move_id)) or 0


def _audited_targets(world: World, move_id: str) -> set[str]:
    with world.engine.connect() as conn:
        rows = conn.execute(
            select(AuditEntry.targets, AuditEntry.staff_id, AuditEntry.terminal_id)
            .where(AuditEntry.reference == move_id, AuditEntry.action == "move.commit")
        ).all()
    assert len(rows) == 1 and rows[0][1:] == ("t-clerk", "test-terminal")
    return set(rows[0][0].split(","))


def _spouse_child_household(members: list[Member]) -> bool:
    rels = [m.relationship for m in members]
    return rels.count("世帯主") == 1 and "妻" in rels and "子" in rels and members[0].sex == "1" \
        and all(m.resident_type == "japanese" for m in members)


def test_tennyu_family_into_a_new_household(world: World) -> None:
    town = world.address()
    persons = [
        world.newcomer("世帯主", "1980-04-01", "1"),
        world.newcomer("妻", "1982-06-15", "2"),
        world.newcomer("子", "2012-09-09", "2"),
    ]
    body = {
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(3),
        "address": {**town, "building": "テストハイツ１０１号"},
        "household": {"mode": "new"},
        "previous_address": "京都府京都市左京区北白川別当町１番地",
        "planned_move_out_date": world.days_ago(4),
        "notifier_name": "試験　太郎", "notifier_relationship": "本人",
        "persons": persons,
    }
    drafted = world.draft(body)
    assert drafted.status_code == 201, drafted.text
    review = drafted.json()
    assert [p["action"] for p in review["persons"]] == ["create"] * 3
    assert [p["id"] for p in review["persons"]] == [None] * 3
    assert review["households"][0]["action"] == "create"
    assert [m["relationship"] for m in review["households"][0]["members_after"]] == ["世帯主", "妻", "子"]
    assert review["persons"][0]["after"]["address"]["building"] == "テストハイツ１０１号"
    assert "resident_code" not in review["persons"][0]["after"]  # the diff never carries codes

    result = world.commit(review["id"]).json()
    assert result["status"] == "committed"
    number = result["households"][0]["household_number"]
    ids = [p["id"] for p in result["persons"]]
    assert len(set(ids)) == 3 and all(len(i) == 10 for i in ids)
    assert [p["resident_code"] for p in result["persons"]] == [p["resident_code"] for p in persons]
    household = world.household_view(number)
    assert household["head_id"] == ids[0]
    assert {m["id"] for m in household["members"]} == set(ids)
    record = world.record(ids[1])
    assert record["current"]["change_reason"] == "転入"
    assert record["current"]["change_date"] == body["move_date"]
    assert record["current"]["notified_on"] == body["notified_on"]
    assert record["record"]["previous_address"] == body["previous_address"]
    assert record["record"]["became_resident_on"] == body["move_date"]
    assert record["record"]["relationship"] == "妻"
    # Three 本人確認情報 notices in increasing order, three audit rows, numbers stored apart.
    assert result["notices"] == 3 and all(p["notice"] for p in result["persons"])
    assert _notice_count(world, result["id"]) == 3
    assert _audited_targets(world, result["id"]) == set(ids)
    with world.engine.connect() as conn:
        stored = conn.execute(
            select(IndividualNumber.number).join(Person, Person.id == IndividualNumber.person_id)
            .where(Person.atena_number.in_(ids))
        ).scalars().all()
    assert sorted(stored) == sorted(p["individual_number"] for p in persons)
    # Each newcomer's current version is their own first one (on PostgreSQL its id was drawn
    # with the person's row), and it is their only version.
    with world.engine.connect() as conn:
        current = conn.execute(
            select(PersonVersion.person_id == Person.id, PersonVersion.version)
            .select_from(Person).join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(Person.atena_number.in_(ids))
        ).all()
        every = conn.scalar(
            select(func.count()).select_from(PersonVersion).join(Person, Person.id == PersonVersion.person_id)
            .where(Person.atena_number.in_(ids))
        )
    assert [tuple(v) for v in current] == [(True, 1)] * 3 and every == 3


def test_tennyu_into_an_existing_household(world: World) -> None:
    members = world.household(min_size=1, where=lambda ms: ms[0].birth_date.year < 1990)
    head = members[0]
    body = {
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": {"town_code": head.town_code, "address_detail": head.address_detail,
                    **({"building": head.building} if head.building else {})},
        "household": {"mode": "existing", "household_number": head.household_number},
        "previous_address": "東京都千代田区千代田１番１号",
        "persons": [world.newcomer("同居人", "1999-01-01")],
    }
    result = world.move(body)
    assert result["households"][0]["household_number"] == head.household_number
    view = world.household_view(head.household_number)
    assert len(view["members"]) == len(members) + 1
    assert view["head_id"] == head.atena


def test_kokugai_tennyu_of_a_foreign_resident_gets_a_resident_code(world: World) -> None:
    body = {
        "kind": "kokugai_tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(2),
        "address": world.address(), "household": {"mode": "new"},
        "previous_address": "ベトナム社会主義共和国",
        "persons": [{
            "family_name": "NGUYEN", "given_name": "VAN AN", "family_name_kana": "グエン",
            "given_name_kana": "ヴァン　アン", "birth_date": "1998-03-03", "sex": "1",
            "relationship": "世帯主", "resident_type": "foreign", "nationality": "ベトナム",
            "article_30_45": "中長期在留者", "residence_status": "技術・人文知識・国際業務",
            "residence_expiry": "2029-03-31", "residence_card_number": "AB12345678CD",
        }],
    }
    result = world.move(body)
    code = result["persons"][0]["resident_code"]
    assert resident_code.is_valid(code)
    record = world.record(result["persons"][0]["id"])["record"]
    assert record["resident_type"] == "foreign"
    assert record["residence_expiry"] == "2029-03-31"
    assert record["honseki"] is None


def test_shussei_adds_a_child_to_the_household(world: World) -> None:
    members = world.household(where=lambda ms: ms[0].birth_date.year < 1995 and ms[0].resident_type == "japanese")
    head = members[0]
    born = world.days_ago(5)
    body = {
        "kind": "shussei", "move_date": born, "notified_on": world.days_ago(1),
        "household": {"mode": "existing", "household_number": head.household_number},
        "persons": [{
            "family_name": head.family_name, "given_name": "生", "family_name_kana": "シケン",
            "given_name_kana": "ウマレ", "birth_date": born, "sex": "2", "relationship": "子",
        }],
    }
    result = world.move(body)
    record = world.record(result["persons"][0]["id"])
    assert record["current"]["change_reason"] == "出生"
    assert record["record"]["address"]["town_code"] == head.town_code
    assert record["record"]["became_resident_on"] == born
    assert resident_code.is_valid(record["resident_code"])


def test_shokken_kisai_records_a_person_ex_officio(world: World) -> None:
    body = {
        "kind": "shokken_kisai", "move_date": world.days_ago(10), "reason": "実態調査により居住を確認",
        "address": world.address(), "household": {"mode": "new"},
        "persons": [world.newcomer("世帯主", "1960-02-02")],
    }
    result = world.move(body)
    record = world.record(result["persons"][0]["id"])
    assert record["current"]["change_reason"] == "職権記載"
    assert record["current"]["notified_on"] is None


def test_tenkyo_of_a_whole_household(world: World) -> None:
    members = world.household(min_size=2)
    address = world.address(members[0].town_code)
    with world.engine.connect() as conn:
        version_before = conn.scalar(select(Household.version).where(Household.id == members[0].household_id))
    body = {
        "kind": "tenkyo", "notified_on": world.days_ago(0), "move_date": world.days_ago(7),
        "address": address, "persons": [{"id": m.atena} for m in members],
    }
    review = world.draft(body).json()
    changed = {c["field"] for c in review["persons"][0]["changes"]}
    assert {"address.full", "address_set_on", "previous_address"} <= changed
    assert "name.family_name" not in changed
    result = world.commit(review["id"]).json()
    assert result["households"][0]["version"] == version_before + 1
    for m in members:
        record = world.record(m.atena)["record"]
        assert record["address"]["town_code"] == address["town_code"]
        assert record["address_set_on"] == body["move_date"]
        assert record["address_set_notified_on"] == body["notified_on"]
        assert record["previous_address"].startswith("大阪府寝屋川市")
        assert record["household_number"] == m.household_number
    history = world.history(members[0].atena)
    assert history[-1]["info"]["change_reason"] == "転居"
    assert history[-2]["record"]["address"]["town_code"] == members[0].town_code


def test_tenkyo_of_one_member_into_a_new_household(world: World) -> None:
    members = world.household(min_size=3, where=lambda ms: any(m.relationship == "子" for m in ms[1:]))
    child = next(m for m in members[1:] if m.relationship == "子")
    result = world.move({
        "kind": "tenkyo", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(child.town_code), "household": {"mode": "new"},
        "persons": [{"id": child.atena, "relationship": "世帯主"}],
    })
    numbers = {h["household_number"] for h in result["households"]}
    assert child.household_number in numbers and len(numbers) == 2
    record = world.record(child.atena)["record"]
    assert record["is_head"] and record["household_number"] != child.household_number
    assert len(world.household_view(child.household_number)["members"]) == len(members) - 1


def test_tenshutsu_planned_removes_the_household_and_gives_the_certificate(world: World) -> None:
    members = world.household(min_size=2, where=lambda ms: all(m.resident_type == "japanese" for m in ms))
    planned = (world.today.fromordinal(world.today.toordinal() + 10)).isoformat()
    body = {
        "kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": planned,
        "moved_out_to": "福岡県福岡市中央区天神一丁目１番１号",
        "persons": [{"id": m.atena} for m in members],
    }
    review = world.draft(body).json()
    assert {w["code"] for w in review["warnings"]} >= {"planned_departure", "household_dissolved"}
    assert [p["action"] for p in review["persons"]] == ["remove"] * len(members)
    result = world.commit(review["id"]).json()
    certificates = result["transfer_certificates"]
    assert [c["resident_code"] for c in certificates] == [m.resident_code for m in members]
    head = members[0]
    assert certificates[0]["is_head"] and certificates[1]["head_name"] == f"{head.family_name}\u3000{head.given_name}"
    assert certificates[0]["planned_move_date"] == planned
    assert certificates[0]["honseki"]
    record = world.record(members[1].atena)
    assert record["status"] == "removed"
    assert record["record"]["removed_on"] == planned
    assert record["record"]["removal_reason"] == "転出"
    assert record["record"]["moved_out_to"] == body["moved_out_to"]
    assert _notice_count(world, result["id"]) == len(members)


def test_tenshutsu_of_the_head_with_a_new_head_named(world: World) -> None:
    members = world.household(where=_spouse_child_household)
    head, wife = members[0], next(m for m in members if m.relationship == "妻")
    result = world.move({
        "kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
        "moved_out_to": "北海道札幌市中央区北一条西二丁目",
        "persons": [{"id": head.atena}],
        "remaining": [{"id": wife.atena, "relationship": "世帯主"}],
    })
    reasons = {p["id"]: p["change_reason"] for p in result["persons"]}
    assert reasons == {head.atena: "転出", wife.atena: "世帯主変更"}
    view = world.household_view(head.household_number)
    assert view["head_id"] == wife.atena
    # Her children are her children too: their 続柄 stays 子.
    assert all(m["relationship"] in ("世帯主", "子") for m in view["members"])


def test_kokugai_tenshutsu(world: World) -> None:
    members = world.household(size=1)
    result = world.move({
        "kind": "kokugai_tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
        "moved_out_to": "アメリカ合衆国", "persons": [{"id": members[0].atena}],
    })
    assert result["transfer_certificates"] == []
    assert world.record(members[0].atena)["record"]["removal_reason"] == "国外転出"


def test_shibo_of_a_member(world: World) -> None:
    members = world.household(where=_spouse_child_household)
    child = next(m for m in members if m.relationship == "子")
    world.move({"kind": "shibo", "move_date": world.days_ago(3), "notified_on": world.days_ago(1),
                "persons": [{"id": child.atena}]})
    record = world.record(child.atena)
    assert record["status"] == "removed" and record["record"]["removal_reason"] == "死亡"
    assert len(world.household_view(child.household_number)["members"]) == len(members) - 1


def test_shokken_shojo(world: World) -> None:
    members = world.household(size=1)
    world.move({"kind": "shokken_shojo", "move_date": world.days_ago(30), "reason": "実態調査により不在を確認",
                "persons": [{"id": members[0].atena}]})
    assert world.record(members[0].atena)["record"]["removal_reason"] == "職権消除"


def test_setai_bunri_then_gappei(world: World) -> None:
    members = world.household(where=_spouse_child_household)
    child = next(m for m in members if m.relationship == "子")
    split = world.move({
        "kind": "setai_bunri", "notified_on": world.days_ago(0), "move_date": world.days_ago(2),
        "persons": [{"id": child.atena, "relationship": "世帯主"}],
    })
    new_number = next(h["household_number"] for h in split["households"] if h["household_number"] != child.household_number)
    record = world.record(child.atena)["record"]
    assert record["household_number"] == new_number and record["is_head"]
    assert record["address"]["town_code"] == child.town_code  # same address, own household
    merged = world.move({
        "kind": "setai_gappei", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
        "household": {"mode": "existing", "household_number": child.household_number},
        "persons": [{"id": child.atena, "relationship": "子"}],
    })
    assert {h["household_number"] for h in merged["households"]} == {child.household_number, new_number}
    assert world.record(child.atena)["record"]["household_number"] == child.household_number
    assert world.household_view(new_number)["members"] == []


def test_setainushi_henko_updates_every_members_relationship(world: World) -> None:
    members = world.household(where=lambda ms: _spouse_child_household(ms) and
                              all(m.relationship in ("世帯主", "妻", "子") for m in ms))
    head, wife = members[0], next(m for m in members if m.relationship == "妻")
    persons = [{"id": head.atena, "relationship": "夫"}, {"id": wife.atena, "relationship": "世帯主"}]
    persons += [{"id": m.atena, "relationship": "子"} for m in members if m.relationship == "子"]
    result = world.move({"kind": "setainushi_henko", "notified_on": world.days_ago(0),
                         "move_date": world.days_ago(0), "persons": persons})
    assert world.household_view(head.household_number)["head_id"] == wife.atena
    assert result["notices"] == 0  # no 本人確認情報 item changed
    assert world.record(head.atena)["record"]["relationship"] == "夫"


def test_setai_kosei_henko_changes_a_relationship(world: World) -> None:
    members = world.household(where=_spouse_child_household)
    child = next(m for m in members if m.relationship == "子")
    world.move({"kind": "setai_kosei_henko", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
                "persons": [{"id": child.atena, "relationship": "同居人"}]})
    assert world.record(child.atena)["record"]["relationship"] == "同居人"


def test_kisai_jiko_henko_changes_the_name_and_search_finds_it(world: World) -> None:
    members = world.household(where=lambda ms: ms[0].resident_type == "japanese")
    person = members[0]
    result = world.move({
        "kind": "kisai_jiko_henko", "move_date": world.days_ago(4), "notified_on": world.days_ago(2),
        "persons": [{"id": person.atena, "family_name": "改名", "family_name_kana": "かいめい",
                     "old_surname": person.family_name, "old_surname_kana": "キュウシ"}],
    })
    assert result["notices"] == 1
    record = world.record(person.atena)["record"]
    assert record["name"]["family_name"] == "改名" and record["name"]["family_name_kana"] == "カイメイ"
    assert record["old_surname"] == person.family_name
    with world.client() as c:
        found = c.get("/v1/residents/search", params={"name": "カイメイ", "birth_date": person.birth_date.isoformat()}).json()
    assert person.atena in {i["id"] for i in found["items"]}


def test_shokken_shusei_corrects_the_birth_date(world: World) -> None:
    members = world.household(size=1)
    person = members[0]
    corrected = person.birth_date.replace(day=1 if person.birth_date.day != 1 else 2)
    world.move({"kind": "shokken_shusei", "move_date": world.days_ago(0), "reason": "戸籍照合による誤記修正",
                "persons": [{"id": person.atena, "birth_date": corrected.isoformat()}]})
    assert world.record(person.atena)["record"]["birth_date"] == corrected.isoformat()


def test_zairyu_henko_for_a_foreign_resident(world: World) -> None:
    members = world.household(where=lambda ms: any(m.resident_type == "foreign" for m in ms))
    person = next(m for m in members if m.resident_type == "foreign")
    world.move({"kind": "zairyu_henko", "move_date": world.days_ago(1),
                "persons": [{"id": person.atena, "residence_status": "永住者", "residence_expiry": "2031-12-31"}]})
    record = world.record(person.atena)["record"]
    assert record["residence_status"] == "永住者" and record["residence_expiry"] == "2031-12-31"


def test_returning_former_resident_keeps_the_record(world: World) -> None:
    members = world.household(size=1, where=lambda ms: ms[0].resident_type == "japanese")
    person = members[0]
    world.move({"kind": "tenshutsu", "notified_on": world.days_ago(9), "move_date": world.days_ago(9),
                "moved_out_to": "奈良県奈良市登大路町３０番地", "persons": [{"id": person.atena}]})
    record = world.record(person.atena)["record"]
    body: dict[str, Any] = {
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(), "household": {"mode": "new"},
        "previous_address": "奈良県奈良市登大路町３０番地",
        "persons": [{
            "family_name": record["name"]["family_name"], "given_name": record["name"]["given_name"],
            "family_name_kana": record["name"]["family_name_kana"],
            "given_name_kana": record["name"]["given_name_kana"],
            "birth_date": record["birth_date"], "sex": record["sex"], "relationship": "世帯主",
            "resident_code": person.resident_code,
        }],
    }
    review = world.draft(body).json()
    assert review["persons"][0]["id"] == person.atena  # the same record, taken up again
    result = world.commit(review["id"]).json()
    assert result["persons"][0]["id"] == person.atena
    again = world.record(person.atena)
    assert again["status"] == "resident" and again["record"]["removed_on"] is None
