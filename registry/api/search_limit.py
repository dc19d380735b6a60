"""Search abuse: more searches per staff member per hour than the city allows (default 300)
blocks further searches for that person and alerts supervisors, against someone building a
private copy of the register (seed l.1425-1428). A supervisor lifts the block."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Final, NoReturn

from fastapi import Request
from sqlalchemy import ColumnElement, Select, bindparam, func, select

from registry.api.deps import db_write_session
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.models import Alert, AuditEntry, Staff, StaffSession
from registry.models.base import table_of, utcnow
from registry.repositories.actor import Actor

WINDOW = timedelta(hours=1)


def _blocked() -> ApiError:
    return ApiError(
        429, "search_limit_exceeded",
        "検索回数が上限を超えたため、検索を停止しました。管理責任者に連絡してください。",
    )


_S, _A, _SS = table_of(Staff), table_of(AuditEntry), table_of(StaffSession)


def _state(staff_id: ColumnElement[Any]) -> Select[Any]:
    """Whether the searcher is blocked, and how many searches they made in the window: one
    statement."""
    return select(
        _S.c.search_blocked_at.is_not(None),
        select(func.count()).select_from(_A).where(
            _A.c.staff_id == staff_id,
            _A.c.action == "resident.search",
            _A.c.at > bindparam("since", type_=_A.c.at.type),
        ).scalar_subquery(),
    ).where(_S.c.id == staff_id)


# SQLite: read in the search's own transaction, the searcher known.
STATE: Final = _state(bindparam("staff_id"))
# PostgreSQL: read with the caller's check (registry.api.auth.Deferred.read_with), before the
# staff member is known: by the staff session the token names. Looked at only once the check
# has found that session valid and theirs.
STATE_FOR_SESSION: Final = _state(
    select(_SS.c.staff_id).where(_SS.c.id == bindparam("session_id")).scalar_subquery()
)


def state_values(who: Actor, now: datetime) -> dict[str, object]:
    return {"staff_id": who.staff_id, "since": now - WINDOW}


def session_values(session_id: str, now: datetime) -> dict[str, object]:
    return {"session_id": session_id, "since": now - WINDOW}


def over_limit(request: Request, rows: Sequence[tuple[Any, ...]]) -> int | None:
    """The number of recent searches if this one is over the limit (the searcher is then to
    be blocked: `block`); raises if they are blocked already; None if the search may go on."""
    if not rows:
        return None  # no staff row: the auth check found none either, so it never comes to this
    blocked, recent = rows[0][:2]
    if blocked:
        raise _blocked()
    return int(recent) if recent >= request.app.state.settings.search_limit_per_hour else None


def block(request: Request, who: Actor, recent: int) -> NoReturn:
    """Blocks the searcher, alerts supervisors and refuses the search (its results unsent)."""
    now = utcnow()
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
