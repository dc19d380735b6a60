"""Search abuse: more searches per staff member per hour than the city allows (default 300)
blocks further searches for that person and alerts supervisors, against someone building a
private copy of the register (seed l.1425-1428). A supervisor lifts the block."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final, NoReturn

from fastapi import Request
from sqlalchemy import bindparam, func, or_, select

from registry.api.auth import CALLER
from registry.api.deps import db_write_session
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.models import Alert, AuditEntry, Staff
from registry.models.base import table_of, utcnow
from registry.repositories.actor import Actor

WINDOW = timedelta(hours=1)


def _blocked() -> ApiError:
    return ApiError(
        429, "search_limit_exceeded",
        "検索回数が上限を超えたため、検索を停止しました。管理責任者に連絡してください。",
    )


_S, _A = table_of(Staff), table_of(AuditEntry)


# The caller's check with the state of the staff member its session names, one statement
# (registry.api.auth.Deferred.read_beside): whether they are blocked, and how many searches
# they made in the window. The state is looked at only once the check has found that session
# valid and theirs.
WITH_CALLER: Final = CALLER.add_columns(
    _S.c.search_blocked_at.is_not(None).label("search_blocked"),
    select(func.count()).select_from(_A).where(
        _A.c.staff_id == _S.c.id,
        _A.c.action == "resident.search",
        _A.c.at > bindparam("since", type_=_A.c.at.type),
        or_(_S.c.search_counted_from.is_(None), _A.c.at > _S.c.search_counted_from),
    ).scalar_subquery().label("recent_searches"),
)


def window(now: datetime) -> dict[str, object]:
    return {"since": now - WINDOW}


def over_limit(request: Request, row: Any) -> int | None:
    """The number of recent searches, from a row of WITH_CALLER, if this one is over the limit
    (the searcher is then to be blocked: `block`); raises if they are blocked already; None if
    the search may go on."""
    if row.staff_found is None:
        return None  # no staff row: the auth check found none either, so it never comes to this
    if row.search_blocked:
        raise _blocked()
    recent = int(row.recent_searches)
    return recent if recent >= request.app.state.settings.search_limit_per_hour else None


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
