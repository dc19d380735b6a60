"""Staff login and logout, and unlocking a locked terminal (architecture.md, API contract)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from app.domain.request_shape import reject_unknown_keys, require_keys
from registry.api import idempotent, params
from registry.api.auth import SESSION, TERMINAL, require
from registry.api.deps import db_write_session, json_response
from registry.audit import writer
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.security import errors, sessions
from registry.security.permissions import ROLE_LABELS

router = APIRouter(tags=["sessions"])


class ScreenPolicy(BaseModel):
    shield_after_s: int = Field(description="idle seconds until the privacy shield")
    lock_after_s: int = Field(description="idle seconds until the terminal locks")
    logout_after_s: int = Field(description="idle seconds until the session ends at the server")


class StaffInfo(BaseModel):
    id: str
    name: str


class SessionInfo(BaseModel):
    token: str = Field(description="send as Authorization: Bearer <token>")
    staff: StaffInfo
    roles: list[str]
    role_labels: list[str]
    permissions: list[str]
    policy: ScreenPolicy
    expires_at: datetime = Field(description="absolute end of the session")


class Unlocked(BaseModel):
    staff: StaffInfo
    policy: ScreenPolicy


def _credentials(body: Any, fields: tuple[str, ...]) -> dict[str, str]:
    raw = reject_unknown_keys(body, fields, "ログイン情報")
    require_keys(raw, fields)
    for key in fields:
        value = raw[key]
        if not isinstance(value, str) or not 1 <= len(value) <= 200:
            raise errors.invalid_credentials()
    return raw


def policy_of(request: Request) -> ScreenPolicy:
    cfg = request.app.state.settings
    return ScreenPolicy(
        shield_after_s=cfg.shield_after_seconds,
        lock_after_s=cfg.lock_after_seconds,
        logout_after_s=cfg.logout_after_seconds,
    )


@router.post("/v1/sessions", status_code=201, response_model=SessionInfo)
async def login(request: Request, who: Actor = Depends(require(TERMINAL))) -> Response:
    """Staff login with the per-person ID and password. 401 `invalid_credentials`; after five
    failures the ID is locked for 15 minutes: 423 `account_locked`."""
    params.reject_unknown(request, ())
    body = _credentials(await idempotent.read_json(request), ("user_id", "password"))

    def work() -> Response:
        now = utcnow()
        settings = request.app.state.settings
        with db_write_session(request) as session:
            conn_actor = Actor(staff_id=body["user_id"][:40], terminal_id=who.terminal_id, purpose=None)
            try:
                outcome = sessions.login(session, settings, body["user_id"], body["password"],
                                         who.terminal_id or "", now)
            except errors.SecurityError as exc:
                writer.write(session.connection(), conn_actor, writer.Event("session.login", result=exc.code))
                session.commit()
                raise
            if outcome.auth is None:
                result = "account_locked" if outcome.locked_now else "invalid_credentials"
                writer.write(session.connection(), conn_actor, writer.Event("session.login", result=result))
                if outcome.locked_now:
                    writer.write(session.connection(), conn_actor, writer.Event("staff.locked_out"))
                session.commit()
                raise errors.account_locked() if outcome.locked_now else errors.invalid_credentials()
            auth = outcome.auth
            writer.write(session.connection(), conn_actor, writer.Event("session.login"))
            session.commit()
        info = SessionInfo(
            token=outcome.token,
            staff=StaffInfo(id=auth.staff.id, name=auth.staff.name),
            roles=list(auth.roles),
            role_labels=[ROLE_LABELS[r] for r in auth.roles],
            permissions=sorted(auth.permissions),
            policy=policy_of(request),
            expires_at=auth.session.expires_at,
        )
        return json_response(info, 201)

    return await run_in_threadpool(work)


class LoggedOut(BaseModel):
    status: str


@router.delete("/v1/sessions/current", response_model=LoggedOut)
def logout(request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """End the session at the server."""
    params.reject_unknown(request, ())
    from sqlalchemy import update

    from registry.models import StaffSession

    with db_write_session(request) as session:
        session.execute(
            update(StaffSession).where(StaffSession.id == who.session_id, StaffSession.ended_at.is_(None))
            .values(ended_at=utcnow(), end_reason="logout")
        )
        writer.write(session.connection(), who, writer.Event("session.logout"))
        session.commit()
    return json_response(LoggedOut(status="logged_out"))


@router.post("/v1/sessions/current/unlock", response_model=Unlocked)
async def unlock(request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """Re-authenticate the same person after the terminal locked. A different person must log
    in anew (which ends this session at the terminal)."""
    params.reject_unknown(request, ())
    body = _credentials(await idempotent.read_json(request), ("password",))

    def work() -> Response:
        now = utcnow()
        settings = request.app.state.settings
        with db_write_session(request) as session:
            from registry.models import Staff, StaffSession

            row = session.get(StaffSession, who.session_id)
            staff = session.get(Staff, who.staff_id)
            assert row is not None and staff is not None
            auth = sessions.Authenticated(staff, row, who.roles, who.permissions)
            try:
                ok = sessions.unlock(session, settings, auth, body["password"], now)
            except errors.SecurityError as exc:
                writer.write(session.connection(), who, writer.Event("session.unlock", result=exc.code))
                session.commit()
                raise
            locked = staff.locked_until is not None
            writer.write(session.connection(), who, writer.Event(
                "session.unlock", result="ok" if ok else ("account_locked" if locked else "invalid_credentials")
            ))
            if locked and not ok:
                writer.write(session.connection(), who, writer.Event("staff.locked_out"))
            session.commit()
        if not ok:
            raise errors.account_locked() if locked else errors.invalid_credentials()
        return json_response(Unlocked(staff=StaffInfo(id=staff.id, name=staff.name), policy=policy_of(request)))

    return await run_in_threadpool(work)
