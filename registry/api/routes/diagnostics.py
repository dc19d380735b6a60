"""What helpdesk may see from the registry: versions, database kind, the calling terminal's
enrolment and the time; never resident data."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from registry.api import params
from registry.api.auth import require
from registry.api.deps import db_session, json_response
from registry.models import Terminal
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.security.permissions import DIAGNOSTICS_READ
from registry.version import VERSION

router = APIRouter(tags=["diagnostics"])


class Diagnostics(BaseModel):
    version: str
    database: str
    server_time: datetime
    terminal: str | None
    terminal_enrolled_at: datetime | None
    terminal_certificate_expires: datetime | None


@router.get("/v1/diagnostics", response_model=Diagnostics)
def diagnostics(request: Request, who: Actor = Depends(require(DIAGNOSTICS_READ))) -> Response:
    params.reject_unknown(request, ())
    with db_session(request) as session:
        terminal = session.get(Terminal, who.terminal_id) if who.terminal_id else None
        answer = Diagnostics(
            version=VERSION,
            database=request.app.state.engine.dialect.name,
            server_time=utcnow(),
            terminal=who.terminal_id,
            terminal_enrolled_at=terminal.enrolled_at if terminal else None,
            terminal_certificate_expires=terminal.not_after if terminal else None,
        )
    return json_response(answer)
