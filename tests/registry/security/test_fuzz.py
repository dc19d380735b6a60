"""Bad input from anyone: random parameters and bodies on every endpoint, with every role's
session, none and a forged one. Never a 500; never data from an endpoint the caller may not use."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from registry.api.permission_table import allowed
from tests.registry.security.conftest import Secure
from tests.registry.security.test_permission_matrix import ENDPOINTS, ROLE_USERS

pytestmark = [pytest.mark.registry, pytest.mark.property]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
path_values = st.sampled_from(["1000000001", "0" * 32, "x", "9" * 40, "%00", "..", "1"]) | st.text(
    alphabet=st.characters(min_codepoint=48, max_codepoint=122), min_size=1, max_size=12
)
FIELDS = ["name", "birth_date", "address", "resident_code", "individual_number", "limit", "offset",
          "reveal", "after", "resident", "since", "kind", "persons", "user_id", "password", "ids"]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    who=st.sampled_from([*ROLE_USERS, "none", "forged"]),
    path_value=path_values,
    query=st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), st.text(max_size=20), max_size=4),
    body=json_values,
)
def test_no_500_and_no_forbidden_data(
    secure: Secure, endpoint: Any, who: str, path_value: str, query: dict[str, str], body: Any
) -> None:
    user = ROLE_USERS.get(who)
    path = endpoint.path
    for name in ("{resident_id}", "{household_number}", "{move_id}", "{alert_id}"):
        path = path.replace(name, quote(path_value, safe=""))
    headers = {"Authorization": "Bearer forged-0123456789"} if who == "forged" else {}
    with secure.client(user) as c:
        response = c.request(endpoint.method, path, params=query, headers=headers,
                             json=body if endpoint.method in ("POST", "DELETE") else None)
    assert response.status_code < 500, response.text
    if endpoint.permission is None or endpoint.path == "/v1/sessions":
        return
    if user is None:
        assert response.status_code in (401, 404, 405), response.text
    elif not allowed(endpoint.permission, who):
        assert response.status_code in (403, 404, 405), response.text


def test_trailing_slash_is_not_redirected(secure: Secure) -> None:
    """A redirect would send the request on to a place the terminal did not name."""
    with secure.client("t-clerk") as c:
        for method, path in (("GET", "/v1/residents/"), ("POST", "/v1/alerts/")):
            response = c.request(method, path)
            assert response.status_code in (404, 405), (path, response.status_code)
            assert "location" not in response.headers
