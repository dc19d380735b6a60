"""Draft, review, commit: nothing changes before the commit, a retried request applies nothing
twice, a draft made against records that changed meanwhile is refused whole."""

from __future__ import annotations

import json
import threading
from typing import Any

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import DBAPIError

from registry.models import AuditEntry, Move, OutboundNotice, PersonVersion
from tests.registry.moves.world import Member, World

pytestmark = pytest.mark.registry


def _tenkyo(world: World, members: list[Member], detail: str | None = None) -> dict[str, Any]:
    return {
        "kind": "tenkyo", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(members[0].town_code, detail),
        "persons": [{"id": m.atena} for m in members],
    }


def _versions(world: World, member: Member) -> int:
    with world.engine.connect() as conn:
        return conn.scalar(
            select(func.count()).select_from(PersonVersion).where(PersonVersion.person_id == member.person_id)
        ) or 0


def _rows(world: World, model: Any, column: Any, value: str) -> int:
    with world.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(model).where(column == value)) or 0


def test_a_draft_changes_nothing_in_the_register(world: World) -> None:
    members = world.household(min_size=2)
    before = [world.record(m.atena) for m in members]
    review = world.draft(_tenkyo(world, members)).json()
    assert review["status"] == "draft"
    assert [world.record(m.atena) for m in members] == before
    with world.client() as c:
        stored = c.get(f"/v1/moves/{review['id']}").json()
    assert stored["review"] == review and stored["result"] is None


def test_the_same_key_gives_the_same_draft(world: World) -> None:
    members = world.household(size=1)
    body = _tenkyo(world, members)
    key = world.key()
    first = world.draft(body, key)
    second = world.draft(body, key)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    other = dict(body, move_date=world.days_ago(2))
    reused = world.draft(other, key)
    assert (reused.status_code, reused.json()["error"]["code"]) == (422, "idempotency_key_reused")


def test_a_retried_commit_applies_once(world: World) -> None:
    members = world.household(min_size=2)
    review = world.draft(_tenkyo(world, members)).json()
    key = world.key()
    first = world.commit(review["id"], key)
    second = world.commit(review["id"], key)
    third = world.commit(review["id"])  # no key: the committed move answers its result
    assert first.status_code == second.status_code == third.status_code == 200
    assert first.json() == second.json() == third.json()
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert all(_versions(world, m) == world.record(m.atena)["current"]["version"] for m in members)
    assert _rows(world, OutboundNotice, OutboundNotice.move_id, review["id"]) == len(members)
    with world.engine.connect() as conn:
        commits = conn.execute(
            select(AuditEntry.targets).where(AuditEntry.reference == review["id"], AuditEntry.action == "move.commit")
        ).scalars().all()
    assert len(commits) == 1 and set(commits[0].split(",")) == {m.atena for m in members}


def test_concurrent_commits_of_one_draft_apply_once(world: World) -> None:
    members = world.household(min_size=3)
    review = world.draft(_tenkyo(world, members)).json()
    answers: list[Any] = []

    def commit() -> None:
        response = world.commit(review["id"])
        answers.append((response.status_code, response.json()))

    threads = [threading.Thread(target=commit) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {status for status, _ in answers} == {200}
    assert len({str(body) for _, body in answers}) == 1
    assert _rows(world, OutboundNotice, OutboundNotice.move_id, review["id"]) == len(members)


def test_a_person_changed_since_the_draft_is_a_conflict(world: World) -> None:
    members = world.household(size=1)
    stale = world.draft(_tenkyo(world, members, "１番１号")).json()
    world.move(_tenkyo(world, members, "２番２号"))
    current = world.record(members[0].atena)
    response = world.commit(stale["id"])
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "version_conflict"
    assert world.record(members[0].atena) == current
    assert _rows(world, OutboundNotice, OutboundNotice.move_id, stale["id"]) == 0
    with world.client() as c:
        assert c.get(f"/v1/moves/{stale['id']}").json()["review"]["status"] == "draft"


def test_a_household_changed_since_the_draft_is_a_conflict(world: World) -> None:
    members = world.household(min_size=2)
    head = members[0]
    # Draft: someone joins the household. Meanwhile the whole household moves.
    joining = world.draft({
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": {"town_code": head.town_code, "address_detail": head.address_detail,
                    **({"building": head.building} if head.building else {})},
        "household": {"mode": "existing", "household_number": head.household_number},
        "previous_address": "東京都港区芝公園四丁目２番８号",
        "persons": [world.newcomer("同居人", "2000-02-02")],
    }).json()
    world.move(_tenkyo(world, members))
    response = world.commit(joining["id"])
    assert (response.status_code, response.json()["error"]["code"]) == (409, "version_conflict")
    assert len(world.household_view(head.household_number)["members"]) == len(members)


def test_the_same_resident_code_moving_in_twice(world: World) -> None:
    person = world.newcomer("世帯主", "1985-05-05")
    body = {
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(), "household": {"mode": "new"},
        "previous_address": "愛知県名古屋市中区三の丸三丁目１番１号", "persons": [person],
    }
    first = world.draft(body).json()
    second = world.draft(body).json()
    assert world.commit(first["id"]).status_code == 200
    response = world.commit(second["id"])
    assert (response.status_code, response.json()["error"]["code"]) == (409, "version_conflict")


def test_a_discarded_draft_cannot_be_committed(world: World) -> None:
    members = world.household(size=1)
    review = world.draft(_tenkyo(world, members)).json()
    with world.client() as c:
        assert c.delete(f"/v1/moves/{review['id']}").json() == {"id": review["id"], "status": "discarded"}
        assert c.get(f"/v1/moves/{review['id']}").json()["review"]["status"] == "discarded"
    response = world.commit(review["id"])
    assert (response.status_code, response.json()["error"]["code"]) == (409, "move_discarded")


def test_a_committed_move_cannot_be_discarded(world: World) -> None:
    members = world.household(size=1)
    result = world.move(_tenkyo(world, members))
    with world.client() as c:
        response = c.delete(f"/v1/moves/{result['id']}")
    assert (response.status_code, response.json()["error"]["code"]) == (409, "move_already_committed")


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/v1/moves/not-a-move/commit", 422, "invalid_move_id"),
        (f"/v1/moves/{'0' * 32}/commit", 404, "move_not_found"),
    ],
)
def test_commit_of_a_move_that_is_not_there(world: World, path: str, status: int, code: str) -> None:
    with world.client() as c:
        response = c.post(path)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)


def test_the_check_decides_before_the_draft_is_looked_at(world: World) -> None:
    """On PostgreSQL the caller's check is read in one round trip with the draft's lock; its
    refusal still comes first, and a refused commit leaves the draft as it was."""
    members = world.household(size=1)
    before = world.record(members[0].atena)
    review = world.draft(_tenkyo(world, members)).json()
    with world.client("t-help") as c:
        refused = c.post(f"/v1/moves/{review['id']}/commit")
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "permission_denied")
    with world.client(None) as c:
        for path in (f"/v1/moves/{review['id']}/commit", "/v1/moves/not-a-move/commit"):
            response = c.post(path)
            assert (response.status_code, response.json()["error"]["code"]) == (401, "session_required")
    with world.client() as c:
        assert c.get(f"/v1/moves/{review['id']}").json()["review"]["status"] == "draft"
    assert world.record(members[0].atena) == before
    with world.engine.connect() as conn:
        denied = conn.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "denied:POST /v1/moves/{move_id}/commit", AuditEntry.staff_id == "t-help"))
    assert denied == 1
    assert world.commit(review["id"]).status_code == 200


def _rename(world: World, member: Member) -> dict[str, Any]:
    return {
        "kind": "kisai_jiko_henko", "move_date": world.days_ago(1), "notified_on": world.days_ago(0),
        "persons": [{"id": member.atena, "family_name": "鍵名", "family_name_kana": "かぎな"}],
    }


def test_the_draft_computes_the_matching_keys_its_commit_writes(world: World) -> None:
    japanese = lambda ms: ms[0].resident_type == "japanese"  # noqa: E731
    kept, stripped = world.household(size=1, where=japanese)[0], world.household(size=1, where=japanese)[0]
    drafts = {m.atena: world.draft(_rename(world, m)).json()["id"] for m in (kept, stripped)}
    with world.engine.begin() as conn:
        plans = {atena: json.loads(conn.scalar(select(Move.plan).where(Move.id == i))) for atena, i in drafts.items()}
        keys = plans[kept.atena]["persons"][0]["keys"]
        assert keys["name_kana_key"].startswith("カキナ") and keys["address_key"]
        # A draft stored before plans carried keys: the commit computes them itself.
        del plans[stripped.atena]["persons"][0]["keys"]
        conn.execute(update(Move).where(Move.id == drafts[stripped.atena]).values(plan=json.dumps(plans[stripped.atena])))
    for move_id in drafts.values():
        assert world.commit(move_id).status_code == 200
    with world.engine.connect() as conn:
        written = conn.execute(
            select(PersonVersion.name_kana_key, PersonVersion.name_seion_kana, PersonVersion.address_key)
            .where(PersonVersion.person_id == kept.person_id).order_by(PersonVersion.version.desc()).limit(1)
        ).one()
    assert tuple(written) == (keys["name_kana_key"], keys["name_seion_kana"], keys["address_key"])
    with world.client() as c:
        for m in (kept, stripped):
            found = c.get("/v1/residents/search", params={"name": "かぎな", "birth_date": m.birth_date.isoformat()}).json()
            assert m.atena in {i["id"] for i in found["items"]}


@pytest.mark.parametrize("statement", [
    "DELETE FROM persons WHERE id = :person",
    "DELETE FROM person_versions WHERE person_id = :person",
    "UPDATE person_versions SET family_name = '改竄' WHERE person_id = :person",
    "DELETE FROM moves WHERE id = :move",
])
def test_the_register_and_committed_moves_are_never_deleted(world: World, statement: str) -> None:
    """The database refuses it whoever asks (migration 0009): the notices and the access log
    refer to these rows without keys of their own."""
    member = world.household(size=1)[0]
    committed = world.move(_tenkyo(world, [member]))
    with pytest.raises(DBAPIError, match="rows are kept"), world.engine.begin() as conn:
        conn.execute(text(statement), {"person": member.person_id, "move": committed["id"]})
    assert world.record(member.atena)["current"]["version"] == committed["persons"][0]["version"]


def test_bad_idempotency_key(world: World) -> None:
    members = world.household(size=1)
    response = world.draft(_tenkyo(world, members), key="k" * 201)
    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid_idempotency_key")


def test_individual_numbers_leave_the_move_once_committed(world: World) -> None:
    """A draft keeps a newcomer's number only in `moves.numbers`, never in its stored request,
    plan or review; committing clears it, and the number is then only in its own table."""
    person = world.newcomer("世帯主", "1975-07-07")
    body = {
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(), "household": {"mode": "new"},
        "previous_address": "広島県広島市中区基町１０番５２号", "persons": [person],
    }
    texts = select(Move.request, Move.plan, Move.review, Move.result, Move.numbers)
    draft = world.draft(body)
    assert draft.status_code == 201, draft.text
    move_id = draft.json()["id"]
    with world.engine.connect() as conn:
        *stored, numbers = conn.execute(texts.where(Move.id == move_id)).one()
    assert all(person["individual_number"] not in (text or "") for text in stored)
    assert person["individual_number"] in numbers
    assert world.commit(move_id).status_code == 200
    with world.engine.connect() as conn:
        *stored, numbers = conn.execute(texts.where(Move.id == move_id)).one()
    assert numbers is None
    assert all(person["individual_number"] not in (text or "") for text in stored)


def test_discarding_a_draft_clears_its_numbers(world: World) -> None:
    person = world.newcomer("世帯主", "1980-01-15")
    draft = world.draft({
        "kind": "tennyu", "notified_on": world.days_ago(0), "move_date": world.days_ago(1),
        "address": world.address(), "household": {"mode": "new"},
        "previous_address": "広島県広島市中区基町１０番５２号", "persons": [person],
    })
    move_id = draft.json()["id"]
    with world.client() as c:
        assert c.delete(f"/v1/moves/{move_id}").status_code == 200
    with world.engine.connect() as conn:
        assert conn.execute(select(Move.numbers).where(Move.id == move_id)).scalar_one() is None


def test_outbound_notices_in_strictly_increasing_order(world: World) -> None:
    with world.cs() as c:
        first = c.get("/v1/notices/outbound", params={"limit": 5}).json()
        assert first["items"], "earlier tests committed moves"
        sequences = [i["sequence"] for i in first["items"]]
        assert sequences == sorted(set(sequences))
        rest = c.get("/v1/notices/outbound", params={"after": first["next_after"], "limit": 1000}).json()
        assert all(i["sequence"] > first["next_after"] for i in rest["items"])
        item = first["items"][0]
        assert item["individual_number"] is None  # no one may see numbers until staff roles exist
        assert item["municipality_code"] == "272159" and item["change_reason"]
        bad = c.get("/v1/notices/outbound", params={"after": "-1"})
        assert bad.status_code == 422


def test_kinds_are_listed_with_their_items(world: World) -> None:
    with world.client() as c:
        kinds = {k["code"]: k for k in c.get("/v1/moves/kinds").json()["kinds"]}
    assert len(kinds) == 17
    assert kinds["tenkyo"]["person_fields"] == ["id", "relationship"]
    assert "notified_on" in kinds["tennyu"]["required"]
    assert "notified_on" not in kinds["shokken_shojo"]["required"]


def test_openapi_documents_the_move_request(world: World) -> None:
    with world.client() as c:
        schema = c.get("/openapi.json").json()
    body = schema["paths"]["/v1/moves"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/MoveRequestDoc"}
    assert "persons" in schema["components"]["schemas"]["MoveRequestDoc"]["properties"]
    assert "PersonDoc" in schema["components"]["schemas"]


def test_notices_are_numbered_once_in_the_order_they_are_read(world: World) -> None:
    with world.cs() as c:
        seen = c.get("/v1/notices/outbound", params={"limit": 1000}).json()
    last = max([i["sequence"] for i in seen["items"]], default=0)
    for _ in range(3):
        world.move(_tenkyo(world, world.household(size=1)))
    pages: list[Any] = []

    def read() -> None:
        with world.cs() as c:
            pages.append(c.get("/v1/notices/outbound", params={"after": last, "limit": 1000}).json())

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({str(p["items"]) for p in pages}) == 1  # every reader sees the same numbering
    assert [i["sequence"] for i in pages[0]["items"]] == list(range(last + 1, last + 4))
    with world.engine.connect() as conn:
        numbered = conn.scalars(select(OutboundNotice.sequence).where(OutboundNotice.sequence.is_not(None))).all()
    assert len(numbered) == len(set(numbered)) == max(numbered)
