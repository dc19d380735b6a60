"""Staff login, sessions bound to the staff member and the terminal, the server's own idle
timeout and absolute lifetime, unlock by the same person, logout."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import update
from sqlalchemy.orm import Session

from registry.config import Settings
from registry.models import Staff, StaffSession
from registry.models.base import table_of
from registry.security import errors, passwords
from registry.security.permissions import permissions_for

# last_seen is written at most this often: a write per request would cost more than the
# request, and the idle timeout is counted in minutes. The stored time lags the last request by
# less than this, so a session in use ends at most this much before its idle timeout; with a
# short timeout (tests) the step shrinks to a tenth of it.
TOUCH_EVERY = timedelta(seconds=20)


def touch_every(settings: Settings) -> timedelta:
    return min(TOUCH_EVERY, settings.session_idle_timeout / 10)


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Authenticated:
    staff: Staff
    session: StaffSession
    roles: tuple[str, ...]
    permissions: frozenset[str]


@dataclass(frozen=True)
class LoginOutcome:
    token: str
    auth: Authenticated
    locked_now: bool = False


def _check_password(session: Session, settings: Settings, staff: Staff | None, password: str,
                    now: datetime) -> bool:
    """Verifies the password; counts failures and locks the account after too many. Returns
    whether this failure locked it (the caller audits the lock)."""
    if passwords.verify(staff.password_hash if staff else None, password):
        assert staff is not None
        staff.failed_logins = 0
        staff.locked_until = None
        if passwords.needs_rehash(staff.password_hash):
            staff.password_hash = passwords.hash_password(password)
        return True
    if staff is not None:
        staff.failed_logins += 1
        if staff.failed_logins >= settings.lockout_failures:
            staff.locked_until = now + settings.lockout_duration
            staff.failed_logins = 0
    return False


def _usable(staff: Staff | None, now: datetime) -> None:
    if staff is not None and staff.locked_until is not None and aware(staff.locked_until) > now:  # type: ignore[operator]
        raise errors.account_locked()


def login(
    session: Session, settings: Settings, staff_id: str, password: str, terminal_id: str, now: datetime
) -> LoginOutcome:
    staff = session.get(Staff, staff_id) if staff_id else None
    _usable(staff, now)
    if not _check_password(session, settings, staff, password, now) or staff is None or staff.disabled:
        locked = staff is not None and staff.locked_until is not None and aware(staff.locked_until) > now  # type: ignore[operator]
        return LoginOutcome(token="", auth=None, locked_now=locked)  # type: ignore[arg-type]
    token = secrets.token_urlsafe(32)
    row = StaffSession(
        id=token_id(token), staff_id=staff.id, terminal_id=terminal_id, created_at=now,
        last_seen_at=now, expires_at=now + settings.session_lifetime,
    )
    session.add(row)
    roles = tuple(staff.roles.split(","))
    return LoginOutcome(token, Authenticated(staff, row, roles, permissions_for(roles, staff.number_view)))


def _end(row: StaffSession, now: datetime, reason: str) -> None:
    row.ended_at = now
    row.end_reason = reason


@dataclass(frozen=True)
class Bearer:
    """Who a valid token speaks for: what a request needs of the session and its staff member."""

    staff_id: str
    session_id: str
    roles: tuple[str, ...]
    permissions: frozenset[str]


@dataclass(frozen=True)
class Decision:
    """What a token is worth now, decided on a read; `end_reason` / `touch` say what to write."""

    auth: Bearer | None
    error: errors.SecurityError | None = None
    end_reason: str | None = None
    touch: bool = False


_S, _F = table_of(StaffSession), table_of(Staff)
# The session and its staff member in one statement (registry.api.auth joins the terminal in).
SESSION_COLUMNS: Final = (
    _S.c.id.label("session_id"), _S.c.staff_id, _S.c.terminal_id.label("session_terminal"),
    _S.c.ended_at, _S.c.last_seen_at, _S.c.expires_at,
    _F.c.id.label("staff_found"), _F.c.roles, _F.c.number_view, _F.c.disabled,
)


def check(row: Any, settings: Settings, terminal_id: str, now: datetime) -> Decision:
    """The session behind a bearer token, from a row of SESSION_COLUMNS (all None when no
    session has the token). Ended when it idled too long or outlived its lifetime; refused
    from another terminal."""
    if row is None or row.session_id is None:
        return Decision(None, errors.session_required())
    if row.ended_at is not None:
        return Decision(None, errors.session_expired())
    if row.session_terminal != terminal_id:
        # A token copied to another terminal is worthless there.
        return Decision(None, errors.session_required())
    last_seen, expires = aware(row.last_seen_at), aware(row.expires_at)
    assert last_seen is not None and expires is not None
    if now - last_seen > settings.session_idle_timeout:
        return Decision(None, errors.session_expired(), end_reason="idle")
    if now >= expires:
        return Decision(None, errors.session_expired(), end_reason="lifetime")
    if row.staff_found is None or row.disabled:
        return Decision(None, errors.session_expired(), end_reason="disabled")
    roles = tuple(row.roles.split(","))
    auth = Bearer(row.staff_id, row.session_id, roles, permissions_for(roles, bool(row.number_view)))
    return Decision(auth, touch=now - last_seen >= touch_every(settings))


def record(session: Session, token: str, decision: Decision, now: datetime) -> None:
    """Writes what `check` decided: the end of a session, or its last-seen time."""
    if decision.end_reason is not None:
        session.execute(
            update(StaffSession)
            .where(StaffSession.id == token_id(token), StaffSession.ended_at.is_(None))
            .values(ended_at=now, end_reason=decision.end_reason)
        )
    elif decision.touch:
        session.execute(
            update(StaffSession).where(StaffSession.id == token_id(token)).values(last_seen_at=now)
        )


def unlock(session: Session, settings: Settings, auth: Authenticated, password: str, now: datetime) -> bool:
    """Re-authenticates the same person after the terminal locked; failures count towards the
    lockout like any login."""
    _usable(auth.staff, now)
    if not _check_password(session, settings, auth.staff, password, now):
        if auth.staff.locked_until is not None:
            _end(auth.session, now, "locked_out")
        return False
    auth.session.last_seen_at = now
    return True


def logout(auth: Authenticated, now: datetime, reason: str = "logout") -> None:
    _end(auth.session, now, reason)
