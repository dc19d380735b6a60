from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text

from registry.api.deps import db_session
from registry.api.errors import ApiError
from registry.api.schemas import Health
from registry.version import VERSION

router = APIRouter()


@router.get("/v1/health", response_model=Health, tags=["service"])
def health(request: Request) -> Health:
    """Liveness and database reachability; needs no login."""
    with db_session(request) as session:
        try:
            session.execute(text("SELECT 1"))
        except Exception as exc:  # any driver error means the same thing to a monitor
            raise ApiError(503, "database_unavailable", "データベースに接続できません。") from exc
        return Health(status="ok", version=VERSION, database=session.get_bind().dialect.name)
