"""The city's towns (町丁目) with their postal codes: reference data for the entry forms."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import select

from registry.api import params
from registry.api.auth import SESSION, require
from registry.api.deps import db_session, json_response
from registry.models import Town
from registry.repositories.actor import Actor

router = APIRouter(tags=["reference"])


class TownOut(BaseModel):
    town_code: str
    name: str
    kana: str
    postal_code: str


class Towns(BaseModel):
    towns: list[TownOut]


@router.get("/v1/towns", response_model=Towns)
def towns(request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """Every town of the municipality in code order (no personal data)."""
    params.reject_unknown(request, ())
    with db_session(request) as session:
        rows = session.scalars(select(Town).order_by(Town.town_code))
        items = [TownOut(town_code=t.town_code, name=t.name, kana=t.kana, postal_code=t.postal_code) for t in rows]
    return json_response(Towns(towns=items))
