"""Identity checks at the counter (本人確認) and the comparison of a presented individual number
with the register's."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from registry.api import idempotent, params
from registry.api.auth import require
from registry.api.deps import db_write_session, json_response
from registry.api.routes.moves import IDEMPOTENCY_DOC
from registry.cards import identity_checks, number_check
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.repositories.idempotency import validate_key
from registry.security.permissions import IDENTITY_RECORD, NUMBER_CHECK

router = APIRouter(tags=["identity"])


class CardFieldsDoc(BaseModel):
    individual_number: bool | None = None
    name: bool | None = None
    address: bool | None = None
    birth_date: bool | None = None
    sex: bool | None = None


class CardCheckDoc(BaseModel):
    pin_verified: bool
    fields_matched: CardFieldsDoc = Field(
        description="for each card item compared with the register: did it match (absent: not compared)"
    )
    face_compared: bool


class IdentityCheckIn(BaseModel):
    resident_id: str = Field(description="宛名番号 (10 digits)")
    purpose: Literal["certificate", "move", "card", "other"]
    documents: list[str] = Field(
        description="my_number_card, drivers_license, passport, residence_card, "
        "special_permanent_resident_certificate, health_insurance_card, pension_book, other_non_photo"
    )
    questions_asked: int = 0
    questions_correct: int = 0
    card: CardCheckDoc | None = Field(
        None, description="the Individual Number Card's check; it counts as a photo ID only with "
        "pin_verified or face_compared, and no mismatch of the number or the birth date"
    )
    outcome: Literal["confirmed", "not_confirmed"]


class IdentityCheckOut(BaseModel):
    check_id: str
    resident_id: str
    sufficient: bool
    outcome: str
    recorded_at: str


class NumberCheckIn(BaseModel):
    individual_number: str = Field(description="the 12 digits presented (card or notice)")


class NumberCheckOut(BaseModel):
    matches: bool


def _inline(node: Any, definitions: dict[str, Any]) -> Any:
    """The schema with its nested models written out: a body documented by hand has no place
    for pydantic's `$defs` in the OpenAPI document."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(definitions[ref.removeprefix("#/$defs/")], definitions)
        return {k: _inline(v, definitions) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, definitions) for v in node]
    return node


def _body(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": _inline(schema, schema.get("$defs", {}))}}}}


@router.post("/v1/identity-checks", status_code=201, response_model=IdentityCheckOut,
             openapi_extra=_body(IdentityCheckIn))
async def record_identity_check(
    request: Request,
    who: Actor = Depends(require(IDENTITY_RECORD)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
) -> Response:
    """Record how a person's identity was checked at the counter: the documents, the questions
    about the register, the card's PIN/face/item comparison (flags only). 422
    `identity_insufficient` when the outcome is "confirmed" but the evidence does not suffice
    (one photo ID; otherwise a non-photo document and questions all answered correctly)."""
    params.reject_unknown(request, ())
    key = validate_key(idempotency_key)
    body = await idempotent.read_json(request)
    req = identity_checks.parse(body)

    def work(session: Any) -> tuple[int, str]:
        answer = identity_checks.record(session, who, req, utcnow())
        return 201, json.dumps(answer, ensure_ascii=False, separators=(",", ":"))

    return await run_in_threadpool(idempotent.run, request, who, "POST /v1/identity-checks", key, body, work)


@router.post("/v1/residents/{resident_id}/number-check", response_model=NumberCheckOut,
             openapi_extra=_body(NumberCheckIn))
async def check_number(
    resident_id: str,
    request: Request,
    who: Actor = Depends(require(NUMBER_CHECK)),
) -> Response:
    """Does this individual number belong to the resident? The register compares and answers
    only yes or no, so the terminal is never shown the registered number. Logged in the number
    access log and the audit trail."""
    params.reject_unknown(request, ())
    atena = params.ten_digit_id(resident_id, "invalid_resident_id", "宛名番号は10桁の数字です。")
    presented = number_check.parse(await idempotent.read_json(request))

    def work() -> bool:
        with db_write_session(request) as session:
            matches = number_check.check(session, who, atena, presented)
            session.commit()
        return matches

    return json_response(NumberCheckOut(matches=await run_in_threadpool(work)))
