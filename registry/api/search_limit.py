"""Search abuse: more searches per staff member per hour than the city allows (default 300)
blocks further searches for that person and alerts supervisors, against someone building a
private copy of the register (seed l.1425-1428). A supervisor lifts the block."""

from __future__ import annotations

from datetime import timedelta

from fastapi import Request
from sqlalchemy import func, select

from registry.api.deps import db_session, db_write_session
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.models import Alert, AuditEntry, Staff
from registry.models.base import utcnow
from registry.repositories.actor import Actor

WINDOW = timedelta(hours=1)


def _blocked() -> ApiError:
    return ApiError(
        429, "search_limit_exceeded",
        "検索回数が上限を超えたため、検索を停止しました。管理責任者に連絡してください。",
    )


def enforce(request: Request, who: Actor) -> None:
    limit = request.app.state.settings.search_limit_per_hour
    now = utcnow()
    with db_session(request) as session:
        staff = session.get(Staff, who.staff_id)
        if staff is not None and staff.search_blocked_at is not None:
            raise _blocked()
        recent = session.scalar(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.staff_id == who.staff_id,
                AuditEntry.action == "resident.search",
                AuditEntry.at > now - WINDOW,
            )
        ) or 0
    if recent < limit:
        return
    with db_write_session(request) as session:
        staff = session.get(Staff, who.staff_id)
        if staff is not None and staff.search_blocked_at is None:
            staff.search_blocked_at = now
            session.add(Alert(
                at=now, kind="search_limit_exceeded", staff_id=who.staff_id,
                terminal_id=who.terminal_id, detail=f"searches in the last hour: {recent}",
            ))
            write(session.connection(), who, Event("staff.search_blocked", result="blocked",
                                                   detail=f"searches={recent}"))
        session.commit()
    raise _blocked()
