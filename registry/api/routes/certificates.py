"""Certificates (architecture.md: POST /v1/certificates, GET /v1/certificates/{serial}/verify)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.text import clean_text, is_ascii_digits
from registry.api import idempotent, params
from registry.api.auth import SESSION, require
from registry.api.auth import record as audit_read
from registry.api.deps import db_session
from registry.api.routes.approvals import APPROVAL_HEADER
from registry.api.routes.moves import IDEMPOTENCY_DOC
from registry.audit.writer import Event
from registry.certificates import service
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.repositories.idempotency import validate_key
from registry.security.permissions import CERTIFICATE_ISSUE

router = APIRouter(tags=["certificates"])


class CertificateRequestDoc(BaseModel):
    kind: str = Field(description="juminhyo_household | juminhyo_individual | johyo | kisai_jiko | tenshutsu | resident_code_notice")
    persons: list[str] | None = Field(None, description="宛名番号 of the persons (or `household`)")
    household: str | None = Field(None, description="世帯番号: the whole household")
    items: list[str] = Field(default_factory=list, description="optional items: relationship, head, became_resident, address_settled, previous_address, change, former_surname, alias, foreign, honseki, individual_number, resident_code")
    requester: dict[str, Any] = Field(description="type: self | household_member | agent | third_party | official | professional, with person_id / name / power_of_attorney / interest / office / profession + registration_number")
    copies: int = 1
    move_id: str | None = Field(None, description="転出証明書: the committed 転出")


_BODY = {"requestBody": {"required": True, "content": {"application/json": {
    "schema": CertificateRequestDoc.model_json_schema()}}}}


@router.post("/v1/certificates", status_code=201, openapi_extra=_BODY)
async def issue_certificate(
    request: Request,
    who: Actor = Depends(require(CERTIFICATE_ISSUE)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
    approval_token: str | None = Header(None, alias=APPROVAL_HEADER),
) -> Response:
    """Issue a certificate: the serial, the verification code, the fee and exactly the content
    to print, with only the items this requester may get (403 `item_not_allowed`,
    `issuance_suspended`); above the bulk threshold only with an approval (403
    `approval_required`). The same Idempotency-Key gives the same serial, never a second issue."""
    params.reject_unknown(request, ())
    key = validate_key(idempotency_key)
    body = await idempotent.read_json(request)
    req = service.parse(body)
    settings = request.app.state.settings

    def work(session: Any) -> tuple[int, str]:
        answer = service.issue(session, settings, who, req, approval_token, utcnow())
        return 201, bytes(JSONResponse(answer).body).decode()

    return await run_in_threadpool(idempotent.run, request, who, "POST /v1/certificates", key, body, work)


@router.post("/v1/certificates/{serial}/reissue", status_code=201,
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": {"type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]}}}}})
async def reissue_certificate(
    serial: str,
    request: Request,
    who: Actor = Depends(require(CERTIFICATE_ISSUE)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
) -> Response:
    """再交付 of a spoiled print: the spoiled serial is voided and the same request is issued
    under a new serial."""
    params.reject_unknown(request, ())
    key = validate_key(idempotency_key)
    number = _serial(serial)
    body = reject_unknown_keys(await idempotent.read_json(request), ("reason",), "再交付")
    require_keys(body, ("reason",))
    reason = clean_text(body["reason"], "reason", "再交付の理由", 200)
    if reason is None:
        raise DomainError("missing_field", "再交付の理由を入力してください。", field="reason")
    settings = request.app.state.settings

    def work(session: Any) -> tuple[int, str]:
        answer = service.reissue(session, settings, who, number, reason, utcnow())
        return 201, bytes(JSONResponse(answer).body).decode()

    return await run_in_threadpool(idempotent.run, request, who, f"POST /v1/certificates/{number}/reissue",
                                   key, body, work)


class Verification(BaseModel):
    serial: str
    genuine: bool = Field(description="issued here with this code")
    voided: bool | None
    void_reason: str | None = None
    kind: str | None
    issued_on: str | None
    copies: int | None = None
    reissue_of: str | None = None
    fields: dict[str, bool] = Field(description="for each printed value entered: does it match what was issued")


def _serial(value: str) -> str:
    year, dash, number = value.partition("-")
    if not (dash and is_ascii_digits(year, 4) and is_ascii_digits(number, 8)):
        raise DomainError("invalid_serial", "証明書番号の形式が正しくありません（例: 2026-00000123）。", field="serial")
    return value


@router.get("/v1/certificates/{serial}/verify", response_model=Verification)
def verify_certificate(
    serial: str,
    request: Request,
    who: Actor = Depends(require(SESSION)),
    code: str = Query(description="the short code printed beside the serial"),
    name: str | None = Query(None, description="a name as printed, to check it was not altered"),
    birth_date: str | None = Query(None, description="a birth date as printed (YYYY-MM-DD)"),
) -> Response:
    """For a receiving office: is this paper genuine, unaltered in the values entered, and not
    voided? The register keeps digests of what was printed, not the content."""
    params.reject_unknown(request, ("code", "name", "birth_date"))
    number = _serial(serial)
    checked = params.text(code, "code", 20) or ""
    printed = {k: v for k, v in (("name", params.text(name, "name", 60)),
                                 ("birth_date", params.text(birth_date, "birth_date", 10))) if v}
    with db_session(request) as session:
        answer = service.verify(session, number, checked, printed)
    audit_read(request, who, Event("certificate.verify", reference=number,
                                   result="ok" if answer["genuine"] else "not_genuine"))
    return JSONResponse(Verification(**answer).model_dump())
