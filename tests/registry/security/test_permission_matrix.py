"""Every endpoint with every role: allowed roles get past the permission check, others get
403, and the committed docs/permissions.md is the table the code declares."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from registry.api.app import create_app
from registry.api.permission_table import DOC, allowed, endpoints, render
from registry.config import load_settings
from registry.models import Household, Person
from tests.registry.security.conftest import Secure
from tests.support.registry_process import STAFF

pytestmark = pytest.mark.registry

ROLE_USERS = {role: user for user, (role, _) in reversed(list(STAFF.items()))}
APP = create_app(load_settings("/nonexistent-state", "sqlite://"), background_jobs=False)
ENDPOINTS = [e for e in endpoints(APP) if e.path != "/v1/sessions/current"]


def test_the_documented_table_is_current() -> None:
    assert DOC.read_text() == render(APP), "run: python -m registry.api.permission_table"


def _path(secure: Secure, template: str) -> str:
    with secure.engine.connect() as conn:
        atena = conn.scalar(select(Person.atena_number).order_by(Person.id).limit(1))
        household = conn.scalar(select(Household.household_number).order_by(Household.id).limit(1))
    return (template.replace("{resident_id}", str(atena)).replace("{household_number}", str(household))
            .replace("{move_id}", "0" * 32).replace("{alert_id}", "999999")
            .replace("{request_id}", "999999").replace("{serial}", "2026-00000000"))


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_every_endpoint_for_every_role(secure: Secure, role: str) -> None:
    user = ROLE_USERS[role]
    with secure.client(user) as c:
        for e in ENDPOINTS:
            if e.path in ("/v1/sessions",):
                continue
            response = c.request(e.method, _path(secure, e.path), json={} if e.method in ("POST", "DELETE") else None,
                                 params={"resident_code": "1"} if e.path == "/v1/transfer-notices" else None)
            if allowed(e.permission, role):
                assert response.status_code not in (401, 403), (e, role, response.text)
            else:
                assert response.status_code == 403, (e, role, response.text)
                assert response.json()["error"]["code"] == "permission_denied"
            assert response.status_code < 500, (e, role, response.text)


def test_helpdesk_sees_no_resident_data(secure: Secure) -> None:
    with secure.client("t-help") as c:
        for e in ENDPOINTS:
            if ("/residents" in e.path or "/households" in e.path or e.path.startswith("/v1/moves/{")
                    or e.path == "/v1/identity-checks"):
                response = c.request(e.method, _path(secure, e.path))
                assert response.status_code == 403, e


def test_without_a_session_only_health_and_login(secure: Secure) -> None:
    with secure.client(None) as c:
        for e in ENDPOINTS:
            response = c.request(e.method, _path(secure, e.path), json={})
            if e.permission is None:
                assert response.status_code == 200
            elif e.path == "/v1/sessions":
                assert response.status_code == 422
            else:
                assert response.status_code == 401, e
