"""The policy and staff session from the login response, the registry of data holders, and the
workspace rules against the registry's own role table."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from app.session import (
    ClearPhase,
    LoginResponseError,
    PersonalDataRegistry,
    PolicyError,
    ScreenPolicy,
    StaffSession,
)
from app.session.permissions import WORKSPACE_RULES, workspaces_for
from registry.security.permissions import ALL, ROLES, permissions_for

pytestmark = pytest.mark.terminal

LOGIN: dict[str, Any] = {
    "token": "t0k3n",
    "staff": {"id": "clerk01", "name": "窓口 一郎"},
    "roles": ["clerk"],
    "role_labels": ["窓口担当"],
    "permissions": ["resident.search", "move.draft"],
    "policy": {"shield_after_s": 60, "lock_after_s": 300, "logout_after_s": 1800},
    "expires_at": "2026-11-29T17:00:00Z",
}


def test_login_response_parses_without_the_token() -> None:
    session = StaffSession.from_login_response(LOGIN)
    assert session.staff.id == "clerk01"
    assert session.policy == ScreenPolicy(60, 300, 1800)
    assert session.can("move.draft") and not session.can("number.view")
    assert session.expires_at is not None and session.expires_at.tzinfo is not None
    assert "t0k3n" not in repr(session)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"staff": None}, "staff"),
        ({"policy": {"shield_after_s": 60}}, "policy"),
        ({"policy": {"shield_after_s": 0.5, "lock_after_s": 300, "logout_after_s": 1800}}, "policy"),
        ({"policy": {"shield_after_s": 600, "lock_after_s": 300, "logout_after_s": 1800}}, "policy"),
        ({"permissions": "resident.search"}, "permissions"),
        ({"expires_at": "tomorrow"}, "expires_at"),
    ],
)
def test_unusable_login_responses_are_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(LoginResponseError, match=message):
        StaffSession.from_login_response({**LOGIN, **change})


@pytest.mark.parametrize(
    "values",
    [(0, 10, 20), (10, 5, 20), (10, 20, 15), (10, 20, float("inf")), (True, 20, 30), (10, 20, 86401)],
)
def test_policy_validation(values: tuple[float, float, float]) -> None:
    with pytest.raises(PolicyError):
        ScreenPolicy(*values)


def test_registry_holds_weakly_and_unregisters() -> None:
    registry = PersonalDataRegistry()

    class Holder:
        cleared = 0

        def clear_personal_data(self) -> None:
            Holder.cleared += 1

    kept, dropped = Holder(), Holder()
    unregister = registry.register(kept, ClearPhase.MODELS)
    registry.register(dropped)
    registry.register(kept)  # twice is once
    del dropped
    gc.collect()
    assert len(registry) == 1
    assert registry.drop_all().cleared == 1
    unregister()
    assert len(registry) == 0
    with pytest.raises(TypeError):
        registry.register(object())  # type: ignore[arg-type]


ROLE_WORKSPACES = {
    "clerk": ["counter"],
    "card_desk": ["card_desk"],
    "supervisor": ["approvals", "audit"],
    "helpdesk": ["diagnostics"],
    "admin": ["diagnostics", "audit"],  # its alerts only (ui/audit)
    "auditor": ["audit"],
}


@pytest.mark.parametrize(("role", "expected"), sorted(ROLE_WORKSPACES.items()))
def test_each_registry_role_opens_its_workspace(role: str, expected: list[str]) -> None:
    assert workspaces_for(permissions_for((role,), number_view=True)) == expected


def test_workspace_permissions_exist_in_the_registry() -> None:
    assert set(ROLE_WORKSPACES) == set(ROLES)
    for rule in WORKSPACE_RULES:
        assert rule.any_of <= ALL, rule.key


def test_combined_roles_keep_the_workspace_order() -> None:
    permissions = permissions_for(("helpdesk", "supervisor", "clerk"), number_view=False)
    assert workspaces_for(permissions) == ["counter", "approvals", "diagnostics", "audit"]
