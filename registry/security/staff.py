"""Staff accounts: create, disable, unlock, reset passwords, assign roles. Disabling a person
or changing their roles ends their sessions at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from registry.models import Staff, StaffSession
from registry.models.base import utcnow
from registry.security import passwords
from registry.security.permissions import parse_roles

_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


@dataclass(frozen=True)
class StaffView:
    id: str
    name: str
    roles: tuple[str, ...]
    number_view: bool
    disabled: bool
    locked_until: datetime | None
    search_blocked: bool


def _view(s: Staff) -> StaffView:
    return StaffView(s.id, s.name, tuple(s.roles.split(",")), s.number_view, s.disabled,
                     s.locked_until, s.search_blocked_at is not None)


def validate_id(staff_id: str) -> str:
    if not 2 <= len(staff_id) <= 40 or not set(staff_id) <= _ID_CHARS:
        raise DomainError("invalid_staff_id", "職員IDは英数字と - _ . の2〜40文字です。")
    return staff_id


def get(session: Session, staff_id: str) -> Staff:
    found = session.get(Staff, staff_id)
    if found is None:
        raise DomainError("staff_not_found", "その職員IDは登録されていません。")
    return found


def add(
    session: Session, staff_id: str, name: str, roles: str, password: str, *, number_view: bool = False
) -> StaffView:
    validate_id(staff_id)
    if session.get(Staff, staff_id) is not None:
        raise DomainError("staff_exists", "その職員IDは既に登録されています。")
    if not name.strip() or len(name) > 60:
        raise DomainError("invalid_name", "氏名は1〜60文字です。")
    passwords.check_policy(password, staff_id)
    staff = Staff(
        id=staff_id, name=name.strip(), password_hash=passwords.hash_password(password),
        roles=",".join(parse_roles(roles)), number_view=number_view, disabled=False, failed_logins=0,
    )
    session.add(staff)
    session.flush()
    return _view(staff)


def end_sessions(session: Session, staff_id: str, reason: str) -> int:
    ended = session.execute(
        update(StaffSession)
        .where(StaffSession.staff_id == staff_id, StaffSession.ended_at.is_(None))
        .values(ended_at=utcnow(), end_reason=reason)
    )
    return cast("CursorResult[Any]", ended).rowcount  # an UPDATE's result counts its rows


def disable(session: Session, staff_id: str) -> int:
    staff = get(session, staff_id)
    staff.disabled = True
    return end_sessions(session, staff_id, "disabled")


def enable(session: Session, staff_id: str) -> None:
    get(session, staff_id).disabled = False


def unlock(session: Session, staff_id: str) -> None:
    """Clears a login lockout and a search block."""
    staff = get(session, staff_id)
    staff.failed_logins = 0
    staff.locked_until = None
    lift_search_block(staff, utcnow())


def lift_search_block(staff: Staff, now: datetime) -> None:
    """The staff member may search again, and the searches that blocked them no longer count."""
    staff.search_blocked_at = None
    staff.search_counted_from = now


def reset_password(session: Session, staff_id: str, password: str) -> int:
    staff = get(session, staff_id)
    passwords.check_policy(password, staff_id)
    staff.password_hash = passwords.hash_password(password)
    staff.password_changed_at = utcnow()
    staff.failed_logins = 0
    staff.locked_until = None
    return end_sessions(session, staff_id, "password_reset")


def set_roles(session: Session, staff_id: str, roles: str, number_view: bool | None = None) -> int:
    staff = get(session, staff_id)
    staff.roles = ",".join(parse_roles(roles))
    if number_view is not None:
        staff.number_view = number_view
    # Moved to other duties: the old permissions must not outlive the change.
    return end_sessions(session, staff_id, "roles_changed")


def listing(session: Session) -> list[StaffView]:
    return [_view(s) for s in session.scalars(select(Staff).order_by(Staff.id))]
