"""The カード交付 desk over HTTP: GET /v1/residents/{id}/card and POST .../card-events — the
whole life of a card, every refusal, idempotent retries, two desks at once, the audit rows."""

from __future__ import annotations

import re
import threading
from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from app.domain import clock
from tests.registry.cards.support import (
    assert_no_values,
    audit_rows,
    chain_verifies,
    count_events,
)
from tests.registry.moves.world import World

pytestmark = pytest.mark.registry

RECEIPT = re.compile(r"\d{4}-\d{8}")


def _expiry(years: int = 10) -> str:
    today = clock.today()
    return date(today.year + years, today.month, min(today.day, 28)).isoformat()


def _event(world: World, atena: str, body: Any, user: str = "t-card",
           key: str | None = None) -> httpx.Response:
    with world.client(user) as c:
        return c.post(f"/v1/residents/{atena}/card-events", json=body,
                      headers={"Idempotency-Key": key} if key else {})


def _card(world: World, atena: str, user: str = "t-card") -> httpx.Response:
    with world.client(user) as c:
        return c.get(f"/v1/residents/{atena}/card")


def _ok(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    return answer


def _error(response: httpx.Response, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["message"] and not error["message"].isascii()
    return error


def _issue(world: World, atena: str, **extra: Any) -> dict[str, Any]:
    return _ok(_event(world, atena, {"event": "issue", "reason": None, "card_expiry": _expiry()}, **extra))


def test_no_card_yet(world: World) -> None:
    person = world.household(size=1)[0]
    response = _card(world, person.atena)
    assert response.status_code == 200, response.text
    assert response.json() == {"resident_id": person.atena, "state": "none", "expiry_date": None,
                               "events": []}
    [row] = audit_rows(world, person.atena, "card.read")
    assert row["staff_id"] == "t-card"


def test_a_whole_life(world: World) -> None:
    person = world.household(size=1)[0]
    expiry = _expiry()
    issued = _ok(_event(world, person.atena, {"event": "issue", "reason": None, "card_expiry": expiry}))
    assert set(issued) == {"event_id", "resident_id", "event", "state", "recorded_at", "receipt_number"}
    assert (issued["resident_id"], issued["event"], issued["state"]) == (person.atena, "issue", "issued")
    assert RECEIPT.fullmatch(issued["receipt_number"])
    steps: list[tuple[dict[str, Any], str]] = [
        ({"event": "suspend", "reason": "紛失の届出"}, "suspended"),
        ({"event": "resume", "reason": None}, "issued"),
        ({"event": "suspend", "reason": "紛失の届出（再）"}, "suspended"),
        ({"event": "revoke", "reason": "再交付のため"}, "revoked"),
        ({"event": "collect"}, "collected"),
    ]
    for body, state in steps:
        answer = _ok(_event(world, person.atena, body))
        assert (answer["event"], answer["state"], answer["receipt_number"]) == (body["event"], state, None)
    again = _issue(world, person.atena)
    assert int(again["receipt_number"][5:]) > int(issued["receipt_number"][5:])

    card = _card(world, person.atena).json()
    assert card["state"] == "issued" and card["expiry_date"] == _expiry()
    events = card["events"]
    assert [e["event"] for e in events] == ["issue", "suspend", "resume", "suspend", "revoke", "collect", "issue"]
    assert [e["state"] for e in events] == [
        "issued", "suspended", "issued", "suspended", "revoked", "collected", "issued"]
    assert events[0]["event_id"] == issued["event_id"] and events[0]["card_expiry"] == expiry
    assert events[0]["receipt_number"] == issued["receipt_number"]
    assert events[1]["reason"] == "紛失の届出" and events[1]["card_expiry"] is None
    assert {e["staff_id"] for e in events} == {"t-card"} and all(e["terminal_id"] for e in events)
    assert set(events[0]) == {"event_id", "event", "state", "reason", "card_expiry", "receipt_number",
                              "recorded_at", "staff_id", "terminal_id"}

    actions = [r["action"] for r in audit_rows(world, person.atena) if r["action"] != "card.read"]
    assert actions == ["card.issue", "card.suspend", "card.resume", "card.suspend", "card.revoke",
                       "card.collect", "card.issue"]
    # Neither the card's expiry nor the clerk's free-text reason reaches the audit trail.
    assert_no_values(audit_rows(world, person.atena), expiry, "紛失", "再交付")
    assert chain_verifies(world)


@pytest.mark.parametrize(("history", "event"), [
    ([], "suspend"), ([], "resume"), ([], "revoke"), ([], "collect"),
    (["issue"], "issue"), (["issue"], "resume"), (["issue"], "collect"),
    (["issue", "suspend"], "suspend"), (["issue", "suspend"], "issue"), (["issue", "suspend"], "collect"),
    (["issue", "revoke"], "revoke"), (["issue", "revoke"], "suspend"), (["issue", "revoke"], "resume"),
    (["issue", "revoke", "collect"], "collect"), (["issue", "revoke", "collect"], "revoke"),
])
def test_an_event_the_state_does_not_allow(world: World, history: list[str], event: str) -> None:
    person = world.household(size=1)[0]
    for past in history:
        _ok(_event(world, person.atena, _body(past)))
    before = count_events(world, person.atena)
    error = _error(_event(world, person.atena, _body(event)), 409)
    assert error["code"] == "card_state_conflict"
    assert error["state"] == _card(world, person.atena).json()["state"]
    assert count_events(world, person.atena) == before


def _body(event: str) -> dict[str, Any]:
    if event == "issue":
        return {"event": "issue", "card_expiry": _expiry()}
    return {"event": event, "reason": "試験の理由" if event in ("suspend", "revoke") else None}


@pytest.mark.parametrize("event", ["suspend", "revoke"])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_a_reason_is_required(world: World, event: str, reason: str | None) -> None:
    person = world.household(size=1)[0]
    _issue(world, person.atena)
    error = _error(_event(world, person.atena, {"event": event, "reason": reason}))
    assert (error["code"], error["field"]) == ("reason_required", "reason")


@pytest.mark.parametrize(("body", "code", "field"), [
    ({"event": "issue"}, "missing_field", "card_expiry"),
    ({"event": "issue", "card_expiry": None}, "missing_field", "card_expiry"),
    ({"event": "issue", "card_expiry": (clock.today() - timedelta(days=1)).isoformat()},
     "card_expired", "card_expiry"),
    ({"event": "issue", "card_expiry": "2035/01/01"}, "invalid_date", "card_expiry"),
    ({"event": "issue", "card_expiry": "2035-02-30"}, "invalid_date", "card_expiry"),
    ({"event": "issue", "card_expiry": 20350101}, "invalid_date", "card_expiry"),
    ({"event": "issue", "card_expiry": "2099-01-01"}, "invalid_date", "card_expiry"),
    ({"event": "lend"}, "invalid_card_event", "event"),
    ({"reason": "x"}, "missing_field", "event"),
    ({"event": "issue", "card_expiry": _expiry(), "serial": "1"}, "field_not_allowed", "serial"),
    ({"event": "suspend", "reason": "x" * 201}, "value_too_long", "reason"),
    ({"event": "suspend", "reason": "紛失", "card_expiry": _expiry()}, "field_not_allowed", "card_expiry"),
])
def test_bad_requests(world: World, body: dict[str, Any], code: str, field: str) -> None:
    person = world.household(size=1)[0]
    error = _error(_event(world, person.atena, body))
    assert (error["code"], error.get("field")) == (code, field)
    assert count_events(world, person.atena) == 0


def test_an_expiry_of_today_is_still_valid(world: World) -> None:
    person = world.household(size=1)[0]
    _ok(_event(world, person.atena, {"event": "issue", "card_expiry": clock.today().isoformat()}))


def test_bad_paths(world: World) -> None:
    assert _error(_card(world, "12345"))["code"] == "invalid_resident_id"
    assert _error(_card(world, "9999999999"), 404)["code"] == "resident_not_found"
    assert _error(_event(world, "9999999999", _body("issue")), 404)["code"] == "resident_not_found"
    with world.client("t-card") as c:
        invalid_json = c.post(f"/v1/residents/{world.household(size=1)[0].atena}/card-events",
                              content=b"{", headers={"Content-Type": "application/json"})
    assert _error(invalid_json)["code"] == "invalid_json"


def test_the_same_key_records_once(world: World) -> None:
    person = world.household(size=1)[0]
    key = world.key()
    body = {"event": "issue", "reason": None, "card_expiry": _expiry()}
    first = _ok(_event(world, person.atena, body, key=key))
    retry = _event(world, person.atena, body, key=key)
    assert retry.status_code == 201 and retry.json() == first
    assert retry.headers.get("Idempotent-Replayed") == "true"
    assert count_events(world, person.atena) == 1
    assert len(audit_rows(world, person.atena, "card.issue")) == 1
    # Without the key, the same request is a second 交付: refused, the card is out.
    assert _error(_event(world, person.atena, body), 409)["code"] == "card_state_conflict"
    reused = _event(world, person.atena, {"event": "suspend", "reason": "紛失"}, key=key)
    assert _error(reused)["code"] == "idempotency_key_reused"


def test_two_desks_cannot_both_issue(world: World) -> None:
    person = world.household(size=1)[0]
    desks = 8
    clients = [world.client("t-card") for _ in range(desks)]
    clients[0].get(f"/v1/residents/{person.atena}/card")  # log in once, before the race
    start = threading.Barrier(desks)
    answers: list[httpx.Response] = []
    lock = threading.Lock()

    def desk(client: httpx.Client, n: int) -> None:
        start.wait()
        response = client.post(f"/v1/residents/{person.atena}/card-events",
                               json={"event": "issue", "card_expiry": _expiry()},
                               headers={"Idempotency-Key": f"{world.key()}-desk{n}"})
        with lock:
            answers.append(response)

    threads = [threading.Thread(target=desk, args=(c, n)) for n, c in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [201] + [409] * (desks - 1), [r.text for r in answers]
    assert {r.json()["error"]["code"] for r in answers if r.status_code == 409} == {"card_state_conflict"}
    assert count_events(world, person.atena) == 1
    assert len(audit_rows(world, person.atena, "card.issue")) == 1


def test_two_desks_cannot_both_suspend(world: World) -> None:
    person = world.household(size=1)[0]
    _issue(world, person.atena)
    clients = [world.client("t-card") for _ in range(4)]
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def desk(client: httpx.Client) -> None:
        start.wait()
        statuses.append(client.post(f"/v1/residents/{person.atena}/card-events",
                                    json={"event": "suspend", "reason": "紛失"}).status_code)

    threads = [threading.Thread(target=desk, args=(c,)) for c in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clients:
        c.close()
    assert sorted(statuses) == [201, 409, 409, 409]
    assert count_events(world, person.atena) == 2


def test_no_card_for_a_removed_person_but_the_old_one_can_be_revoked(world: World) -> None:
    person = world.household(size=1)[0]
    _issue(world, person.atena)
    world.move({"kind": "kokugai_tenshutsu", "notified_on": world.days_ago(1), "move_date": world.days_ago(1),
                "moved_out_to": "フランス共和国", "persons": [{"id": person.atena}]})
    _ok(_event(world, person.atena, {"event": "revoke", "reason": "国外転出"}))
    _ok(_event(world, person.atena, {"event": "collect"}))
    error = _error(_event(world, person.atena, _body("issue")))
    assert error["code"] == "not_resident"
    assert _card(world, person.atena).json()["state"] == "collected"


def test_who_may_record(world: World) -> None:
    person = world.household(size=1)[0]
    for user in ("t-clerk", "t-clerk2", "t-help", "t-super", "t-admin", "t-audit"):
        assert _error(_card(world, person.atena, user=user), 403)["code"] == "permission_denied"
        refused = _event(world, person.atena, _body("issue"), user=user)
        assert _error(refused, 403)["code"] == "permission_denied"
    assert count_events(world, person.atena) == 0
    assert _card(world, person.atena).json()["state"] == "none"
