"""Certificates from the registry: who may get which items, 処理停止, 除票, fees, idempotency,
再交付 and voiding, verification; and the answer printed through printing/ end to end."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from sqlalchemy import func, insert, select, update

from app.certificates import certificate as to_printing
from printing import render
from printing.specimen import seal_png
from registry.models import AuditEntry, IssuedCertificate, Person, PersonVersion
from tests.registry.moves.world import Member, World

pytestmark = pytest.mark.registry

OTHERS = [
    {"type": "agent", "name": "代理 人子", "power_of_attorney": True},
    {"type": "third_party", "name": "債権 者男", "interest": "貸金返還請求訴訟のため"},
    {"type": "official", "office": "大阪府警察本部"},
    {"type": "professional", "name": "士業 花子", "profession": "弁護士", "registration_number": "12345"},
]


def _issue(world: World, body: dict[str, Any], user: str = "t-clerk", key: str | None = None,
           headers: dict[str, str] | None = None) -> Any:
    with world.client(user) as c:
        return c.post("/v1/certificates", json=body,
                      headers={**({"Idempotency-Key": key} if key else {}), **(headers or {})})


def _japanese(ms: list[Member]) -> bool:
    return all(m.resident_type == "japanese" for m in ms)


def test_self_gets_the_restricted_items_only_when_asked(world: World) -> None:
    person = world.household(size=1, where=_japanese)[0]
    plain = _issue(world, {"kind": "juminhyo_individual", "persons": [person.atena],
                           "requester": {"type": "self", "person_id": person.atena}})
    assert plain.status_code == 201, plain.text
    entry = plain.json()["persons"][0]
    assert entry["domicile"] is None and entry["individual_number"] is None and entry["resident_code"] is None
    asked = _issue(world, {"kind": "juminhyo_individual", "persons": [person.atena],
                           "items": ["honseki", "individual_number", "resident_code"],
                           "requester": {"type": "self", "person_id": person.atena}}).json()
    entry = asked["persons"][0]
    assert entry["domicile"]["place"] and len(entry["individual_number"]) == 12
    assert entry["resident_code"] == person.resident_code
    assert entry["relationship"] is None  # exactly the items asked for


@pytest.mark.parametrize("requester", OTHERS, ids=[r["type"] for r in OTHERS])
@pytest.mark.parametrize("item", ["honseki", "individual_number", "resident_code"])
def test_nobody_else_gets_restricted_items(world: World, requester: dict[str, Any], item: str) -> None:
    person = world.household(size=1)[0]
    response = _issue(world, {"kind": "juminhyo_individual", "persons": [person.atena], "items": [item],
                              "requester": requester})
    assert (response.status_code, response.json()["error"]["code"]) == (403, "item_not_allowed")


@pytest.mark.parametrize("requester", OTHERS, ids=[r["type"] for r in OTHERS])
def test_others_get_the_basic_items(world: World, requester: dict[str, Any]) -> None:
    person = world.household(size=1)[0]
    answer = _issue(world, {"kind": "juminhyo_individual", "persons": [person.atena],
                            "requester": requester}).json()
    entry = answer["persons"][0]
    assert entry["name"]["family"] == person.family_name and entry["birth_date"]
    assert entry["relationship"] is None and entry["domicile"] is None
    assert answer["fee_yen"] == (0 if requester["type"] == "official" else 300)


@pytest.mark.parametrize(
    ("requester", "code"),
    [
        ({"type": "agent", "name": "代理 人子"}, "power_of_attorney_required"),
        ({"type": "third_party", "name": "某"}, "legitimate_interest_required"),
        ({"type": "professional", "name": "某", "profession": "占い師", "registration_number": "1"},
         "professional_registration_required"),
        ({"type": "king"}, "invalid_requester"),
    ],
)
def test_requesters_without_what_the_law_asks(world: World, requester: dict[str, Any], code: str) -> None:
    person = world.household(size=1)[0]
    response = _issue(world, {"kind": "juminhyo_individual", "persons": [person.atena], "requester": requester})
    assert (response.status_code, response.json()["error"]["code"]) == (422, code)


def test_household_member_and_whole_household(world: World) -> None:
    members = world.household(min_size=3, where=_japanese)
    answer = _issue(world, {"kind": "juminhyo_household", "household": members[0].household_number,
                            "items": ["honseki"],
                            "requester": {"type": "household_member", "person_id": members[1].atena}}).json()
    assert answer["household"]["whole"] is True and answer["household"]["number"] == members[0].household_number
    assert {p["name"]["given"] for p in answer["persons"]} == {m.given_name for m in members}
    assert all(p["domicile"] for p in answer["persons"])
    stranger = world.household(size=1)[0]
    refused = _issue(world, {"kind": "juminhyo_household", "household": members[0].household_number,
                             "requester": {"type": "household_member", "person_id": stranger.atena}})
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "requester_mismatch")


def test_processing_stop_issues_only_to_the_person(world: World) -> None:
    members = world.household(min_size=2)
    protected = members[1]
    # 支援措置 has no move of its own: a new version with the flag set, as its procedure would
    # write it (versions are never updated in place).
    versions, persons = PersonVersion.__table__, Person.__table__
    with world.engine.begin() as conn:
        current = conn.execute(
            select(versions).join(persons, persons.c.current_version_id == versions.c.id)
            .where(persons.c.atena_number == protected.atena)
        ).mappings().one()
        row = {k: v for k, v in current.items() if k != "id"}
        row.update(version=current["version"] + 1, processing_stop=True, change_reason="職権修正")
        new_id = conn.execute(insert(versions).values(row).returning(versions.c.id)).scalar_one()
        conn.execute(update(persons).where(persons.c.id == current["person_id"]).values(current_version_id=new_id))
    for requester in ({"type": "household_member", "person_id": members[0].atena}, OTHERS[1], OTHERS[2]):
        response = _issue(world, {"kind": "juminhyo_individual", "persons": [protected.atena], "requester": requester})
        assert (response.status_code, response.json()["error"]["code"]) == (403, "issuance_suspended")
    own = _issue(world, {"kind": "juminhyo_individual", "persons": [protected.atena],
                         "requester": {"type": "self", "person_id": protected.atena}})
    assert own.status_code == 201


def test_removed_persons_only_on_a_johyo(world: World) -> None:
    member = world.household(size=1)[0]
    world.move({"kind": "kokugai_tenshutsu", "notified_on": world.days_ago(3), "move_date": world.days_ago(3),
                "moved_out_to": "ドイツ連邦共和国", "persons": [member.atena and {"id": member.atena}]})
    body = {"kind": "juminhyo_individual", "persons": [member.atena], "requester": OTHERS[2]}
    assert _issue(world, body).json()["error"]["code"] == "not_resident"
    johyo = _issue(world, {**body, "kind": "johyo"}).json()
    assert johyo["persons"][0]["removal"]["reason"] == "国外転出"
    resident = world.household(size=1)[0]
    refused = _issue(world, {"kind": "johyo", "persons": [resident.atena], "requester": OTHERS[2]})
    assert refused.json()["error"]["code"] == "not_removed"


def test_fee_per_copy_and_bulk_needs_approval(world: World) -> None:
    person = world.household(size=1)[0]
    body = {"kind": "juminhyo_individual", "persons": [person.atena], "copies": 3,
            "requester": {"type": "self", "person_id": person.atena}}
    answer = _issue(world, body).json()
    assert (answer["fee_yen"], answer["copies"], answer["total_fee_yen"]) == (300, 3, 900)
    bulk = _issue(world, {**body, "copies": 11})
    assert (bulk.status_code, bulk.json()["error"]["code"]) == (403, "approval_required")


def test_same_key_same_serial(world: World) -> None:
    person = world.household(size=1)[0]
    body = {"kind": "juminhyo_individual", "persons": [person.atena],
            "requester": {"type": "self", "person_id": person.atena}}
    key = world.key()
    first, second = _issue(world, body, key=key).json(), _issue(world, body, key=key).json()
    assert first["serial"] == second["serial"]
    with world.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(IssuedCertificate)
                           .where(IssuedCertificate.persons == person.atena)) == 1


def test_a_key_replays_only_its_own_staff_members_answer(world: World) -> None:
    """A clerk without number view who sends another clerk's key gets no stored answer: the
    request is checked as their own, and refused."""
    person = world.household(size=1, where=_japanese)[0]
    body = {"kind": "juminhyo_individual", "persons": [person.atena], "items": ["individual_number"],
            "requester": {"type": "self", "person_id": person.atena}}
    key = world.key()
    first = _issue(world, body, key=key)
    assert first.status_code == 201 and first.json()["persons"][0]["individual_number"]
    other = _issue(world, body, user="t-clerk2", key=key)
    assert (other.status_code, other.json()["error"]["code"]) == (403, "permission_denied")
    assert "Idempotent-Replayed" not in other.headers


def test_an_answer_given_again_is_audited(world: World) -> None:
    person = world.household(size=1)[0]
    body = {"kind": "juminhyo_individual", "persons": [person.atena],
            "requester": {"type": "self", "person_id": person.atena}}
    key = world.key()

    def replays() -> int:
        with world.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "request.replay", AuditEntry.staff_id == "t-clerk",
                AuditEntry.detail == "POST /v1/certificates")) or 0

    first = _issue(world, body, key=key)
    before = replays()
    again = _issue(world, body, key=key)
    assert again.headers["Idempotent-Replayed"] == "true" and again.text == first.text
    assert replays() == before + 1


def test_reissue_voids_the_spoiled_serial_and_verification(world: World) -> None:
    person = world.household(size=1)[0]
    first = _issue(world, {"kind": "juminhyo_individual", "persons": [person.atena],
                           "requester": {"type": "self", "person_id": person.atena}}).json()
    with world.client() as c:
        again = c.post(f"/v1/certificates/{first['serial']}/reissue", json={"reason": "紙詰まり"}).json()
        assert again["reissue_of"] == first["serial"] and again["serial"] != first["serial"]
        twice = c.post(f"/v1/certificates/{first['serial']}/reissue", json={"reason": "再度"})
        assert twice.json()["error"]["code"] == "certificate_voided"
        old = c.get(f"/v1/certificates/{first['serial']}/verify", params={"code": first["verification_code"]}).json()
        assert old["genuine"] is True and old["voided"] is True and old["void_reason"] == "紙詰まり"
        name = person.family_name + person.given_name
        new = c.get(f"/v1/certificates/{again['serial']}/verify",
                    params={"code": again["verification_code"], "name": name,
                            "birth_date": person.birth_date.isoformat()}).json()
        assert new["genuine"] is True and new["voided"] is False
        assert new["fields"] == {"name": True, "birth_date": True}
        altered = c.get(f"/v1/certificates/{again['serial']}/verify",
                        params={"code": again["verification_code"], "name": "別人太郎"}).json()
        assert altered["fields"] == {"name": False}
        forged = c.get(f"/v1/certificates/{again['serial']}/verify", params={"code": "AAAAAAAA"}).json()
        assert forged["genuine"] is False and forged["kind"] is None
        bad = c.get("/v1/certificates/not-a-serial/verify", params={"code": "X"})
        assert bad.status_code == 422


def test_a_reissue_asks_for_the_same_as_the_spoiled_paper(world: World) -> None:
    """A 世帯全員 is reissued as 世帯全員 (it came back as 世帯一部), and a 転出証明書 from its
    move (it could not be reissued at all)."""
    members = world.household(min_size=2, where=_japanese)
    whole = _issue(world, {"kind": "juminhyo_household", "household": members[0].household_number,
                           "requester": {"type": "household_member", "person_id": members[0].atena}})
    assert whole.status_code == 201, whole.text
    assert whole.json()["household"]["whole"] is True
    with world.client() as c:
        again = c.post(f"/v1/certificates/{whole.json()['serial']}/reissue", json={"reason": "印刷不良"})
    assert again.status_code == 201, again.text
    assert again.json()["household"]["whole"] is True
    assert [p["name"] for p in again.json()["persons"]] == [p["name"] for p in whole.json()["persons"]]

    movers = world.household(min_size=2, where=_japanese)
    move = world.move({"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(-5),
                       "moved_out_to": "宮城県仙台市青葉区国分町三丁目７番１号",
                       "persons": [{"id": m.atena} for m in movers]})
    notice = _issue(world, {"kind": "tenshutsu", "move_id": move["id"], "items": ["relationship"],
                            "requester": OTHERS[2]})
    assert notice.status_code == 201, notice.text
    with world.client() as c:
        reissued = c.post(f"/v1/certificates/{notice.json()['serial']}/reissue", json={"reason": "汚損"})
    assert reissued.status_code == 201, reissued.text
    assert reissued.json()["move_out"] == notice.json()["move_out"]


def test_tenshutsu_certificate_from_the_move(world: World) -> None:
    members = world.household(min_size=2, where=_japanese)
    result = world.move({"kind": "tenshutsu", "notified_on": world.days_ago(0), "move_date": world.days_ago(-5),
                         "moved_out_to": "宮城県仙台市青葉区国分町三丁目７番１号",
                         "persons": [{"id": m.atena} for m in members]})
    answer = _issue(world, {"kind": "tenshutsu", "move_id": result["id"], "items": ["honseki"],
                            "requester": {"type": "self", "person_id": members[0].atena}})
    # 本人 may ask only for their own: the household's 転出証明書 is a household member's request.
    assert (answer.status_code, answer.json()["error"]["code"]) == (403, "requester_mismatch")
    assert "同一世帯の者" in answer.json()["error"]["message"]  # says which requester to choose
    answer = _issue(world, {"kind": "tenshutsu", "move_id": result["id"], "items": ["honseki", "relationship"],
                            "requester": OTHERS[2]})
    assert answer.status_code == 403  # 本籍 is not for a public office either
    answer = _issue(world, {"kind": "tenshutsu", "move_id": result["id"], "items": ["relationship"],
                            "requester": OTHERS[2]}).json()
    assert answer["move_out"]["destination"]["main"].startswith("宮城県仙台市")
    assert [p["name"]["given"] for p in answer["persons"]] == [m.given_name for m in members]


def test_printed_through_printing(world: World, tmp_path: Any) -> None:
    members = world.household(min_size=2, where=_japanese)
    answer = _issue(world, {"kind": "juminhyo_household", "household": members[0].household_number,
                            "requester": {"type": "household_member", "person_id": members[0].atena}}).json()
    pdf = render(to_printing(answer, seal_png()))
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf)
    printed = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                             check=True).stdout
    assert answer["serial"] in printed
    for m in members:
        assert m.given_name in printed
    assert "令和" in printed and "以下余白" in printed


def test_only_clerks_issue(world: World) -> None:
    with world.engine.connect() as conn:
        atena = conn.scalar(select(Person.atena_number).limit(1))
    response = _issue(world, {"kind": "juminhyo_individual", "persons": [atena],
                              "requester": OTHERS[2]}, user="t-card")
    assert response.status_code == 403
