"""Any JSON at all on the new endpoints: a coded answer, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.registry.moves.world import World

pytestmark = [pytest.mark.registry, pytest.mark.property]

KEYS = ["resident_id", "purpose", "documents", "questions_asked", "questions_correct", "card",
        "outcome", "pin_verified", "fields_matched", "face_compared", "individual_number", "event",
        "reason", "card_expiry", "name"]
scalars = (st.none() | st.booleans() | st.integers(-10**13, 10**13) | st.text(max_size=20)
           | st.sampled_from(["passport", "issue", "suspend", "confirmed", "card", "2030-01-01"]))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8),
                                                              inner, max_size=5),
    max_leaves=15,
)
bodies = st.dictionaries(st.sampled_from(KEYS), values, max_size=7) | values


@pytest.fixture(scope="module")
def subject(world: World) -> str:
    return world.household(size=1)[0].atena


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=bodies, which=st.sampled_from(["identity", "number", "event"]))
def test_never_a_500(world: World, subject: str, body: Any, which: str) -> None:
    if which == "identity":
        if isinstance(body, dict) and "resident_id" not in body:
            body = {**body, "resident_id": subject}
        path, user = "/v1/identity-checks", "t-card"
    elif which == "number":
        path, user = f"/v1/residents/{subject}/number-check", "t-clerk"
    else:
        path, user = f"/v1/residents/{subject}/card-events", "t-card"
    with world.client(user) as c:
        response = c.post(path, json=body)
    assert response.status_code < 500, (body, response.text)
    if response.status_code >= 400:
        error = response.json()["error"]
        assert error["code"] and error["message"]
