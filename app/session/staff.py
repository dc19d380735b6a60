"""Who is logged in, as the login response describes them (the token stays in the client)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from app.session.policy import PolicyError, ScreenPolicy


class LoginResponseError(ValueError):
    """The login response lacks what the terminal needs; the session cannot start."""


@dataclass(frozen=True, slots=True)
class StaffIdentity:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class StaffSession:
    staff: StaffIdentity
    roles: frozenset[str]
    permissions: frozenset[str]
    policy: ScreenPolicy
    expires_at: datetime | None = field(default=None)

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @classmethod
    def from_login_response(cls, data: Mapping[str, object]) -> StaffSession:
        """`POST /v1/sessions`: {token, staff: {id, name}, roles, permissions, policy, expires_at}."""
        staff = data.get("staff")
        if not isinstance(staff, Mapping):
            raise LoginResponseError("staff missing")
        staff_id, name = staff.get("id"), staff.get("name")
        if not isinstance(staff_id, str) or not staff_id or not isinstance(name, str):
            raise LoginResponseError("staff.id or staff.name missing")
        policy = data.get("policy")
        if not isinstance(policy, Mapping):
            raise LoginResponseError("policy missing")
        try:
            screen_policy = ScreenPolicy.from_mapping(policy)
        except PolicyError as exc:
            raise LoginResponseError(f"policy.{exc.field} unusable") from exc
        expires_at = data.get("expires_at")
        expires: datetime | None = None
        if isinstance(expires_at, str):
            try:
                expires = datetime.fromisoformat(expires_at.replace("Z", "+00:00"))
            except ValueError as exc:
                raise LoginResponseError("expires_at is not an ISO 8601 time") from exc
        return cls(
            staff=StaffIdentity(id=staff_id, name=name),
            roles=_strings(data.get("roles"), "roles"),
            permissions=_strings(data.get("permissions"), "permissions"),
            policy=screen_policy,
            expires_at=expires,
        )


def _strings(value: object, name: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LoginResponseError(f"{name} must be a list of strings")
    return frozenset(value)
