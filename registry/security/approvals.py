"""Bulk output needs a supervisor's approval beforehand (seed l.1026): a single-use token for
one job, bound to the clerk's session and to the job, that expires."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, update
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from registry.config import Settings
from registry.models import Approval, Staff
from registry.repositories.actor import Actor
from registry.security import errors, passwords
from registry.security.permissions import (
    BULK_APPROVE,
    CERTIFICATE_ISSUE,
    EXPORT_RESIDENTS,
    permissions_for,
)
from registry.security.sessions import aware, token_id

# What each job needs of whoever does it: only they ask for its approval, or hold one.
KIND_PERMISSIONS: dict[str, str] = {"certificate": CERTIFICATE_ISSUE, "export.residents": EXPORT_RESIDENTS}
KINDS = frozenset(KIND_PERMISSIONS)


def kind_for(who: Actor, kind: object) -> str:
    """The job kind a request names, refused unless `who` may do that job."""
    if not isinstance(kind, str) or kind not in KIND_PERMISSIONS:
        raise DomainError("invalid_kind", "承認する作業の種類が正しくありません。", field="kind")
    if not who.can(KIND_PERMISSIONS[kind]):
        raise errors.SecurityError(403, "permission_denied", "この職員はこの作業を行えないため、承認を依頼できません。")
    return kind


def needs_approval(settings: Settings, documents: int, persons: int) -> bool:
    return documents > settings.bulk_documents_threshold or persons > settings.bulk_persons_threshold


def required() -> errors.SecurityError:
    return errors.SecurityError(
        403, "approval_required",
        "件数が多いため、管理責任者の事前承認が必要です。承認を受けてから実行してください。",
    )


def _invalid(reason: str) -> errors.SecurityError:
    return errors.SecurityError(403, "approval_invalid", f"承認が使えません（{reason}）。")


@dataclass(frozen=True)
class Granted:
    token: str
    approval: Approval


def grant(
    session: Session, settings: Settings, *, clerk_session_id: str, clerk_id: str,
    supervisor_id: str, supervisor_password: str, kind: str, count: int, purpose: str, now: datetime,
) -> Granted:
    """The supervisor authenticates with their own ID and password on the clerk's terminal."""
    supervisor = session.get(Staff, supervisor_id)
    if supervisor is not None and supervisor.locked_until is not None and aware(supervisor.locked_until) > now:  # type: ignore[operator]
        raise errors.account_locked()
    ok = passwords.verify(supervisor.password_hash if supervisor else None, supervisor_password)
    if supervisor is not None and not ok:
        supervisor.failed_logins += 1
        if supervisor.failed_logins >= settings.lockout_failures:
            supervisor.locked_until = now + settings.lockout_duration
            supervisor.failed_logins = 0
    if not ok or supervisor is None or supervisor.disabled:
        raise errors.invalid_credentials()
    supervisor.failed_logins = 0
    if supervisor.id == clerk_id:
        raise errors.SecurityError(403, "self_approval", "自分の作業を自分で承認することはできません。")
    if BULK_APPROVE not in permissions_for(tuple(supervisor.roles.split(",")), supervisor.number_view):
        raise errors.SecurityError(403, "permission_denied", "この職員には承認の権限がありません。")
    token = secrets.token_urlsafe(24)
    approval = Approval(
        id=token_id(token), session_id=clerk_session_id, clerk_id=clerk_id,
        supervisor_id=supervisor.id, kind=kind, count=count, purpose=purpose,
        created_at=now, expires_at=now + settings.approval_ttl,
    )
    session.add(approval)
    return Granted(token, approval)


def consume(
    session: Session, token: str, *, clerk_session_id: str | None, kind: str, count: int, now: datetime
) -> Approval:
    """Use an approval for this job, once. Any mismatch refuses it and leaves it unused."""
    approval = session.get(Approval, token_id(token))
    if approval is None:
        raise _invalid("見つかりません")
    if approval.used_at is not None:
        raise _invalid("使用済みです")
    if aware(approval.expires_at) <= now:  # type: ignore[operator]
        raise _invalid("有効期限が切れています")
    if approval.session_id != clerk_session_id:
        raise _invalid("別の職員・別のログインに対する承認です")
    if approval.kind != kind or count > approval.count:
        raise _invalid("承認された作業と内容が異なります")
    marked = session.execute(
        update(Approval).where(Approval.id == approval.id, Approval.used_at.is_(None)).values(used_at=now)
    )
    used = cast("CursorResult[Any]", marked).rowcount  # an UPDATE's result counts its rows
    if used != 1:
        raise _invalid("使用済みです")
    return approval


def grant_queued(
    session: Session, settings: Settings, *, clerk_session_id: str, clerk_id: str,
    supervisor_id: str, kind: str, count: int, purpose: str, now: datetime,
) -> Granted:
    """A supervisor, logged in on their own terminal, approves a queued request."""
    if supervisor_id == clerk_id:
        raise errors.SecurityError(403, "self_approval", "自分の作業を自分で承認することはできません。")
    token = secrets.token_urlsafe(24)
    approval = Approval(
        id=token_id(token), session_id=clerk_session_id, clerk_id=clerk_id,
        supervisor_id=supervisor_id, kind=kind, count=count, purpose=purpose,
        created_at=now, expires_at=now + settings.approval_ttl,
    )
    session.add(approval)
    return Granted(token, approval)
