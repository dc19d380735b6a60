"""POST /v1/residents/{id}/number-check: the register compares and says only yes or no."""

from __future__ import annotations

import httpx
import pytest

from app.domain import individual_number
from tests.registry.cards.support import (
    assert_no_values,
    audit_rows,
    chain_verifies,
    number_log,
    registered_number,
)
from tests.registry.moves.world import World

pytestmark = pytest.mark.registry


def _check(world: World, atena: str, number: object, user: str = "t-clerk2") -> httpx.Response:
    with world.client(user) as c:
        return c.post(f"/v1/residents/{atena}/number-check", json={"individual_number": number})


def _other_valid(number: str) -> str:
    first11 = f"{(int(number[:11]) + 1) % 10**11:011d}"
    return individual_number.make(first11)


def test_the_registered_number_matches(world: World) -> None:
    person = world.household(size=1)[0]
    number = registered_number(world, person.atena)
    # t-clerk2 may not view numbers, yet may have one compared.
    response = _check(world, person.atena, number)
    assert response.status_code == 200, response.text
    assert response.json() == {"matches": True}
    assert number not in response.text
    other = _check(world, person.atena, _other_valid(number))
    assert other.json() == {"matches": False}
    # Full-width digits typed on a Japanese IME are the same number.
    wide = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert _check(world, person.atena, wide, user="t-card").json() == {"matches": True}


def test_every_comparison_is_logged_without_the_number(world: World) -> None:
    person = world.household(size=1)[0]
    number = registered_number(world, person.atena)
    wrong = _other_valid(number)
    _check(world, person.atena, number)
    _check(world, person.atena, wrong)
    rows = audit_rows(world, person.atena, "number.check")
    assert [r["detail"] for r in rows] == ["matches=yes", "matches=no"]
    assert all(r["number_access"] for r in rows)
    assert_no_values(audit_rows(world, person.atena), number, wrong, number[-4:] + " ")
    log = number_log(world, person.atena)
    assert len(log) == 2 and all("照合" in r["purpose"] for r in log)
    assert [r["action"] for r in log] == ["check", "check"]  # a comparison, not a reveal
    assert all(r["staff_id"] == "t-clerk2" for r in log)
    assert chain_verifies(world)


VALID = individual_number.make("12345678901")
BAD_CHECK_DIGIT = VALID[:-1] + str((int(VALID[-1]) + 1) % 10)


@pytest.mark.parametrize("value", [BAD_CHECK_DIGIT, "12345678901", "1234-5678-9012", 123456789012, None])
def test_an_invalid_number(world: World, value: object) -> None:
    person = world.household(size=1)[0]
    response = _check(world, person.atena, value)
    assert response.status_code == 422, response.text
    expected = "missing_field" if value is None else "invalid_individual_number"
    assert response.json()["error"]["code"] == expected
    assert number_log(world, person.atena) == []


def test_an_unknown_resident(world: World) -> None:
    response = _check(world, "9999999999", VALID)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "resident_not_found"


def test_who_may_check(world: World) -> None:
    person = world.household(size=1)[0]
    number = registered_number(world, person.atena)
    for user in ("t-help", "t-super", "t-admin", "t-audit"):
        response = _check(world, person.atena, number, user=user)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
    assert number_log(world, person.atena) == []
