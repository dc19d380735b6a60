"""POST /v1/identity-checks over HTTP against the real registry: the rule, the stored method
(never a value), idempotency, who may record."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest

from tests.registry.cards.support import (
    assert_no_values,
    audit_rows,
    chain_verifies,
    count_checks,
    registered_number,
)
from tests.registry.moves.world import World

pytestmark = pytest.mark.registry

ALL_MATCHED = {"individual_number": True, "name": True, "address": True, "birth_date": True, "sex": True}


def _body(atena: str, **overrides: Any) -> dict[str, Any]:
    return {
        "resident_id": atena, "purpose": "certificate", "documents": ["passport"],
        "questions_asked": 0, "questions_correct": 0, "card": None, "outcome": "confirmed",
        **overrides,
    }


def _post(world: World, body: Any, user: str = "t-clerk", key: str | None = None) -> httpx.Response:
    with world.client(user) as c:
        return c.post("/v1/identity-checks", json=body, headers={"Idempotency-Key": key} if key else {})


def _error(response: httpx.Response, status: int = 422) -> dict[str, Any]:
    assert response.status_code == status, response.text
    error: dict[str, Any] = response.json()["error"]
    assert error["message"] and not error["message"].isascii()
    return error


def test_a_photo_id_is_recorded(world: World) -> None:
    person = world.household(size=1)[0]
    response = _post(world, _body(person.atena))
    assert response.status_code == 201, response.text
    answer = response.json()
    assert set(answer) == {"check_id", "resident_id", "sufficient", "outcome", "recorded_at"}
    assert answer["resident_id"] == person.atena
    assert answer["sufficient"] is True and answer["outcome"] == "confirmed"
    assert datetime.fromisoformat(answer["recorded_at"]).tzinfo is not None
    rows = audit_rows(world, person.atena, "identity.check")
    assert len(rows) == 1
    assert rows[0]["reference"] == answer["check_id"] and rows[0]["staff_id"] == "t-clerk"
    assert "passport" in rows[0]["detail"] and "outcome=confirmed" in rows[0]["detail"]
    assert rows[0]["number_access"] is False


def test_a_non_photo_document_with_questions(world: World) -> None:
    person = world.household(size=1)[0]
    body = _body(person.atena, documents=["health_insurance_card"], questions_asked=2,
                 questions_correct=2, purpose="move")
    response = _post(world, body)
    assert response.status_code == 201, response.text
    assert response.json()["sufficient"] is True


@pytest.mark.parametrize(("documents", "asked", "correct"), [
    (["health_insurance_card"], 0, 0),
    (["pension_book"], 1, 1),
    (["other_non_photo"], 3, 2),
    ([], 4, 4),
])
def test_insufficient_evidence_cannot_be_confirmed(
    world: World, documents: list[str], asked: int, correct: int
) -> None:
    person = world.household(size=1)[0]
    body = _body(person.atena, documents=documents, questions_asked=asked, questions_correct=correct)
    error = _error(_post(world, body))
    assert error["code"] == "identity_insufficient"
    assert count_checks(world, person.atena) == 0
    # The same evidence recorded as not confirmed is kept, marked insufficient.
    kept = _post(world, {**body, "outcome": "not_confirmed"})
    assert kept.status_code == 201, kept.text
    assert kept.json()["sufficient"] is False and kept.json()["outcome"] == "not_confirmed"
    assert count_checks(world, person.atena) == 1


def test_a_card_counts_as_a_photo_id_only_when_checked(world: World) -> None:
    person = world.household(size=1)[0]
    unchecked = {"pin_verified": False, "fields_matched": {}, "face_compared": False}
    body = _body(person.atena, documents=["my_number_card"], card=unchecked, purpose="card")
    assert _error(_post(world, body))["code"] == "identity_insufficient"
    # Shown but not recorded as checked at all: the same.
    assert _error(_post(world, {**body, "card": None}))["code"] == "identity_insufficient"
    for check in ({"pin_verified": True, "fields_matched": ALL_MATCHED, "face_compared": False},
                  {"pin_verified": False, "fields_matched": {}, "face_compared": True}):
        response = _post(world, {**body, "card": check})
        assert response.status_code == 201, response.text
        assert response.json()["sufficient"] is True
    # Another person's card: the number read does not match the register.
    wrong = {"pin_verified": True, "face_compared": True,
             "fields_matched": {**ALL_MATCHED, "individual_number": False}}
    assert _error(_post(world, {**body, "card": wrong}))["code"] == "identity_insufficient"
    # Nor does it count as a document with questions beside it: it is not the person's.
    asked = _post(world, {**body, "card": wrong, "questions_asked": 2, "questions_correct": 2})
    assert _error(asked)["code"] == "identity_insufficient"
    assert "本人のものではありません" in _error(asked)["message"]
    # ... but with a passport beside it the person is confirmed.
    response = _post(world, {**body, "card": wrong, "documents": ["my_number_card", "passport"]})
    assert response.status_code == 201, response.text


def test_the_audit_row_carries_the_method_never_the_values(world: World) -> None:
    person = world.household(size=1)[0]
    number = registered_number(world, person.atena)
    body = _body(person.atena, documents=["my_number_card", "pension_book"], purpose="card",
                 card={"pin_verified": True, "face_compared": False,
                       "fields_matched": {**ALL_MATCHED, "address": False}})
    response = _post(world, body, user="t-card")
    assert response.status_code == 201, response.text
    [row] = audit_rows(world, person.atena, "identity.check")
    assert "card=pin" in row["detail"] and "match=11011" in row["detail"]
    assert_no_values(audit_rows(world, person.atena), number, person.family_name, person.given_name,
                     person.birth_date.isoformat(), person.address_detail)


def test_the_same_key_records_once(world: World) -> None:
    person = world.household(size=1)[0]
    key = world.key()
    body = _body(person.atena, documents=["drivers_license"])
    first = _post(world, body, key=key)
    again = _post(world, body, key=key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert count_checks(world, person.atena) == 1
    assert len(audit_rows(world, person.atena, "identity.check")) == 1
    other = _post(world, {**body, "documents": ["passport"]}, key=key)
    assert _error(other)["code"] == "idempotency_key_reused"
    without = _post(world, body)
    assert without.json()["check_id"] != first.json()["check_id"]
    assert count_checks(world, person.atena) == 2


def test_an_unknown_resident(world: World) -> None:
    error = _error(_post(world, _body("9999999999")), 404)
    assert error["code"] == "resident_not_found"


@pytest.mark.parametrize(("change", "code", "field"), [
    ({"purpose": "shopping"}, "invalid_purpose", "purpose"),
    ({"outcome": "maybe"}, "invalid_outcome", "outcome"),
    ({"documents": ["library_card"]}, "invalid_document", "documents"),
    ({"documents": "passport"}, "invalid_document", "documents"),
    ({"resident_id": "12345"}, "invalid_resident_id", "resident_id"),
    ({"questions_asked": 2, "questions_correct": 3}, "invalid_field", "questions_correct"),
    ({"questions_asked": -1}, "invalid_field", "questions_asked"),
    ({"questions_asked": "2"}, "invalid_type", "questions_asked"),
    ({"card": {"pin_verified": True, "fields_matched": {}, "face_compared": False}}, "invalid_field", "card"),
    ({"documents": ["my_number_card"], "card": {"pin_verified": "yes", "fields_matched": {},
                                                  "face_compared": False}}, "invalid_type", "card.pin_verified"),
    ({"documents": ["my_number_card"], "card": {"pin_verified": True, "fields_matched": {"photo": True},
                                                  "face_compared": False}}, "field_not_allowed", "photo"),
    ({"name": "山田"}, "field_not_allowed", "name"),
    ({"purpose": None}, "missing_field", "purpose"),
])
def test_bad_requests(world: World, change: dict[str, Any], code: str, field: str) -> None:
    person = world.household(size=1)[0]
    error = _error(_post(world, _body(person.atena, **change)))
    assert (error["code"], error.get("field")) == (code, field)
    assert count_checks(world, person.atena) == 0


def test_who_may_record(world: World) -> None:
    person = world.household(size=1)[0]
    for user in ("t-clerk", "t-clerk2", "t-card"):
        assert _post(world, _body(person.atena), user=user).status_code == 201
    for user in ("t-help", "t-super", "t-admin", "t-audit"):
        error = _error(_post(world, _body(person.atena), user=user), 403)
        assert error["code"] == "permission_denied"
    assert count_checks(world, person.atena) == 3
    assert chain_verifies(world)
