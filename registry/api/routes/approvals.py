"""Bulk jobs: a supervisor's single-use approval, and the resident list export that needs one
above the threshold (seed l.1026; other departments get data without the individual number,
seed l.898)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field

from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.text import clean_text
from registry.api import idempotent, params
from registry.api.auth import SESSION, require
from registry.api.deps import db_write_session, json_response
from registry.api.schemas import ResidentSummary, summary_of
from registry.audit.writer import Event, write
from registry.models.base import utcnow
from registry.repositories import residents
from registry.repositories.actor import Actor
from registry.security import approvals, errors
from registry.security.permissions import EXPORT_RESIDENTS

router = APIRouter(tags=["approvals"])
APPROVAL_HEADER = "X-Approval-Token"
MAX_EXPORT = 5000


class ApprovalIn(BaseModel):
    supervisor_id: str
    supervisor_password: str
    kind: str = Field(description="certificate | export.residents")
    count: int = Field(description="documents (certificates) or persons (exports) in the job")
    purpose: str


class ApprovalOut(BaseModel):
    token: str = Field(description="send as X-Approval-Token with the one job it covers")
    kind: str
    count: int
    supervisor_id: str
    expires_at: Any


@router.post("/v1/approvals", status_code=201, response_model=ApprovalOut,
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": ApprovalIn.model_json_schema()}}}})
async def approve(request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """A supervisor, with their own ID and password on the clerk's terminal, authorises one
    bulk job of this clerk's session. The token is single-use and expires."""
    params.reject_unknown(request, ())
    raw = reject_unknown_keys(await idempotent.read_json(request), ApprovalIn.model_fields, "承認")
    require_keys(raw, ApprovalIn.model_fields)
    kind = approvals.kind_for(who, raw["kind"])
    count = raw["count"]
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 100_000:
        raise DomainError("invalid_count", "件数は1〜100000です。", field="count")
    purpose = clean_text(raw["purpose"], "purpose", "目的", 200)
    if purpose is None:
        raise DomainError("missing_field", "目的を入力してください。", field="purpose")
    if not isinstance(raw["supervisor_id"], str) or not isinstance(raw["supervisor_password"], str):
        raise errors.invalid_credentials()

    def work() -> Response:
        now = utcnow()
        with db_write_session(request) as session:
            try:
                granted = approvals.grant(
                    session, request.app.state.settings, clerk_session_id=who.session_id or "",
                    clerk_id=who.staff_id or "", supervisor_id=raw["supervisor_id"][:40],
                    supervisor_password=raw["supervisor_password"], kind=kind, count=count,
                    purpose=purpose, now=now,
                )
            except errors.SecurityError as exc:
                write(session.connection(), who, Event("approval.grant", result=exc.code,
                                                       approver_id=raw["supervisor_id"][:40]))
                session.commit()
                raise
            write(session.connection(), who, Event(
                "approval.grant", approver_id=granted.approval.supervisor_id,
                detail=f"{kind} count={count}",
            ))
            session.commit()
        return json_response(ApprovalOut(
            token=granted.token, kind=kind, count=count,
            supervisor_id=granted.approval.supervisor_id, expires_at=granted.approval.expires_at,
        ), 201)

    return await run_in_threadpool(work)


class ExportIn(BaseModel):
    ids: list[str] = Field(description="宛名番号 of the residents to list")


class ExportOut(BaseModel):
    items: list[ResidentSummary] = Field(description="never with the individual number")


@router.post("/v1/exports/residents", response_model=ExportOut,
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": ExportIn.model_json_schema()}}}})
async def export_residents(
    request: Request,
    who: Actor = Depends(require(EXPORT_RESIDENTS)),
    approval_token: str | None = Header(None, alias=APPROVAL_HEADER),
) -> Response:
    """A list of residents for another department's work, without individual numbers. Above
    the bulk threshold: 403 `approval_required` unless an approval for this job is sent."""
    params.reject_unknown(request, ())
    raw = reject_unknown_keys(await idempotent.read_json(request), ("ids",), "一覧の出力")
    require_keys(raw, ("ids",))
    ids = raw["ids"]
    if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_EXPORT:
        raise DomainError("invalid_ids", f"宛名番号を1〜{MAX_EXPORT}件指定してください。", field="ids")
    atenas = list(dict.fromkeys(
        params.ten_digit_id(i, "invalid_resident_id", "宛名番号は10桁の数字です。") if isinstance(i, str)
        else params.ten_digit_id("", "invalid_resident_id", "宛名番号は10桁の数字です。")
        for i in ids
    ))
    settings = request.app.state.settings

    def work() -> Response:
        now = utcnow()
        with db_write_session(request) as session:
            approver = None
            if approvals.needs_approval(settings, 1, len(atenas)):
                if not approval_token:
                    write(session.connection(), who, Event("export.residents", result="approval_required",
                                                           detail=f"persons={len(atenas)}"))
                    session.commit()
                    raise approvals.required()
                try:
                    approver = approvals.consume(session, approval_token, clerk_session_id=who.session_id,
                                                 kind="export.residents", count=len(atenas), now=now).supervisor_id
                except errors.SecurityError as exc:
                    session.rollback()
                    write(session.connection(), who, Event("export.residents", result=exc.code))
                    session.commit()
                    raise
            items = []
            for atena in atenas:
                found = residents.get(session, atena)
                if found is not None and found.version.removed_on is None:
                    items.append(summary_of(atena, found.version, found.town, found.household_number,
                                            settings.municipality))
            write(session.connection(), who, Event("export.residents", [i.id for i in items],
                                                   approver_id=approver, detail=f"persons={len(items)}"))
            session.commit()
        return json_response(ExportOut(items=items))

    return await run_in_threadpool(work)

