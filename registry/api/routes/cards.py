"""The カード交付 desk: a resident's Individual Number Card state and its events (交付, 一時停止,
一時停止解除, 廃止, 回収)."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from app.domain import clock
from registry.api import idempotent, params
from registry.api.auth import record as audit_read
from registry.api.auth import require
from registry.api.deps import db_session
from registry.api.routes.moves import IDEMPOTENCY_DOC
from registry.audit.writer import Event
from registry.cards import lifecycle
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.repositories.idempotency import validate_key
from registry.security.permissions import CARD_RECORD

router = APIRouter(tags=["cards"])

State = Literal["none", "issued", "suspended", "revoked", "collected"]
EventName = Literal["issue", "suspend", "resume", "revoke", "collect"]


class CardEventView(BaseModel):
    event_id: str
    event: EventName
    state: State = Field(description="the state the event left")
    reason: str | None
    card_expiry: str | None = Field(description="YYYY-MM-DD, for 交付")
    receipt_number: str | None = Field(description="交付: the receipt number")
    recorded_at: str
    staff_id: str | None
    terminal_id: str | None


class CardView(BaseModel):
    resident_id: str
    state: State
    expiry_date: str | None = Field(description="of the card issued last")
    events: list[CardEventView] = Field(description="oldest first")


class CardEventIn(BaseModel):
    event: EventName
    reason: str | None = Field(None, description="required for suspend and revoke")
    card_expiry: str | None = Field(None, description="YYYY-MM-DD, required for issue only")


class CardEventOut(BaseModel):
    event_id: str
    resident_id: str
    event: EventName
    state: State
    recorded_at: str
    receipt_number: str | None = Field(description="交付 only: YYYY-NNNNNNNN, one sequence per registry")


def _atena(resident_id: str) -> str:
    return params.ten_digit_id(resident_id, "invalid_resident_id", "宛名番号は10桁の数字です。")


@router.get("/v1/residents/{resident_id}/card", response_model=CardView)
def get_card(
    resident_id: str,
    request: Request,
    who: Actor = Depends(require(CARD_RECORD)),
) -> Response:
    """The resident's card: its state, the expiry of the card issued last, every event."""
    params.reject_unknown(request, ())
    atena = _atena(resident_id)
    with db_session(request) as session:
        answer = lifecycle.card(session, atena)
    audit_read(request, who, Event("card.read", [atena]))
    return JSONResponse(CardView(**answer).model_dump())


@router.post("/v1/residents/{resident_id}/card-events", status_code=201,
             response_model=CardEventOut,
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": CardEventIn.model_json_schema()}}}})
async def record_card_event(
    resident_id: str,
    request: Request,
    who: Actor = Depends(require(CARD_RECORD)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
) -> Response:
    """Record a card event. 409 `card_state_conflict` when the card's state does not allow it
    (or another desk moved it first); 422 `reason_required` (一時停止, 廃止), `card_expired`,
    `not_resident` (交付 to a removed person). 交付 answers a receipt number."""
    params.reject_unknown(request, ())
    atena = _atena(resident_id)
    key = validate_key(idempotency_key)
    body = await idempotent.read_json(request)
    req = lifecycle.parse(body, clock.today())

    def work(session: Any) -> tuple[int, str]:
        answer = lifecycle.record(session, who, atena, req, utcnow())
        return 201, json.dumps(answer, ensure_ascii=False, separators=(",", ":"))

    return await run_in_threadpool(idempotent.run, request, who, f"POST /v1/residents/{atena}/card-events",
                                   key, body, work)
