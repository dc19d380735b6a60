"""The approval queue: a clerk asks for a bulk job; supervisors see every pending request from
all terminals in their 承認 workspace (who asked, what, how many, why) and approve or decline it
there; the clerk's session then collects the single-use approval token, once."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Header, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.text import clean_text
from registry.api import idempotent, params
from registry.api.auth import SESSION, require
from registry.api.deps import db_session, db_write_session, json_response
from registry.api.errors import ApiError
from registry.api.routes.moves import IDEMPOTENCY_DOC
from registry.audit.writer import Event, write
from registry.models import ApprovalRequest
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.repositories.idempotency import validate_key
from registry.security import approvals
from registry.security.permissions import BULK_APPROVE

router = APIRouter(tags=["approvals"])
PAGE = 200


class QueuedRequest(BaseModel):
    id: int
    created_at: datetime
    clerk_id: str
    terminal_id: str
    kind: str
    count: int
    purpose: str
    status: str = Field(description="pending | approved | declined | withdrawn")
    decided_at: datetime | None
    decided_by: str | None
    decline_reason: str | None
    token: str | None = Field(None, description="to the requesting session, once, after approval")


class Queue(BaseModel):
    items: list[QueuedRequest]


def _view(row: ApprovalRequest, token: str | None = None) -> QueuedRequest:
    return QueuedRequest(
        id=row.id, created_at=row.created_at, clerk_id=row.clerk_id, terminal_id=row.terminal_id,
        kind=row.kind, count=row.count, purpose=row.purpose, status=row.status,
        decided_at=row.decided_at, decided_by=row.decided_by, decline_reason=row.decline_reason,
        token=token,
    )


async def _body(request: Request, fields: tuple[str, ...]) -> dict[str, object]:
    raw = reject_unknown_keys(await idempotent.read_json(request), fields, "承認の依頼")
    require_keys(raw, fields)
    return raw


@router.post("/v1/approval-requests", status_code=201, response_model=QueuedRequest)
async def ask(
    request: Request,
    who: Actor = Depends(require(SESSION)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
) -> Response:
    """Queue a bulk job for the supervisors' approval: only someone who may do that job asks
    (403 `permission_denied`). With the same Idempotency-Key a retry queues nothing more."""
    params.reject_unknown(request, ())
    key = validate_key(idempotency_key)
    raw = await _body(request, ("kind", "count", "purpose"))
    kind = approvals.kind_for(who, raw["kind"])
    count = raw["count"]
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 100_000:
        raise DomainError("invalid_count", "件数は1〜100000です。", field="count")
    purpose = clean_text(raw["purpose"], "purpose", "目的", 200)
    if purpose is None:
        raise DomainError("missing_field", "目的を入力してください。", field="purpose")

    def work(session: Session) -> tuple[int, str]:
        row = ApprovalRequest(
            created_at=utcnow(), session_id=who.session_id, clerk_id=who.staff_id,
            terminal_id=who.terminal_id, kind=kind, count=count, purpose=purpose,
            status="pending",
        )
        session.add(row)
        session.flush()
        write(session.connection(), who, Event("approval.request", reference=str(row.id),
                                               detail=f"{row.kind} count={count}"))
        return 201, _view(row).model_dump_json()

    return await run_in_threadpool(idempotent.run, request, who, "POST /v1/approval-requests", key, raw, work)


@router.get("/v1/approval-requests", response_model=Queue)
def pending(request: Request, who: Actor = Depends(require(BULK_APPROVE))) -> Response:
    """Every pending request from all terminals, oldest first."""
    params.reject_unknown(request, ())
    with db_session(request) as session:
        rows = session.scalars(
            select(ApprovalRequest).where(ApprovalRequest.status == "pending")
            .order_by(ApprovalRequest.id).limit(PAGE)
        )
        items = [_view(r) for r in rows]
    return json_response(Queue(items=items))


def _pending(session: Session, request_id: str, asked_in: str | None = None) -> ApprovalRequest:
    """The request, locked, while it is pending; `asked_in`: only the session that asked."""
    number = params.integer(request_id, "request_id", 0, 1, 10**12)
    row = session.scalar(select(ApprovalRequest).where(ApprovalRequest.id == number).with_for_update())
    if row is None or (asked_in is not None and row.session_id != asked_in):
        raise ApiError(404, "approval_request_not_found", "指定された承認の依頼が見つかりません。")
    if row.status != "pending":
        raise ApiError(409, "approval_request_decided", "この依頼は既に処理されています。")
    return row


def _decide(request: Request, request_id: str, who: Actor, approve: bool, reason: str | None) -> Response:
    now = utcnow()
    with db_write_session(request) as session:
        row = _pending(session, request_id)
        if approve:
            granted = approvals.grant_queued(
                session, request.app.state.settings, clerk_session_id=row.session_id,
                clerk_id=row.clerk_id, supervisor_id=who.staff_id or "", kind=row.kind,
                count=row.count, purpose=row.purpose, now=now,
            )
            row.pending_token = granted.token
        row.status = "approved" if approve else "declined"
        row.decided_at, row.decided_by, row.decline_reason = now, who.staff_id, reason
        write(session.connection(), who, Event(
            "approval.grant" if approve else "approval.decline", reference=str(row.id),
            approver_id=who.staff_id, detail=f"{row.kind} count={row.count} clerk={row.clerk_id}",
        ))
        view = _view(row)
        session.commit()
    return json_response(view)


@router.post("/v1/approval-requests/{request_id}/approve", response_model=QueuedRequest)
def approve(request_id: str, request: Request, who: Actor = Depends(require(BULK_APPROVE))) -> Response:
    """Approve from the supervisor's own workspace; never one's own request."""
    params.reject_unknown(request, ())
    return _decide(request, request_id, who, True, None)


@router.post("/v1/approval-requests/{request_id}/decline", response_model=QueuedRequest)
async def decline(request_id: str, request: Request, who: Actor = Depends(require(BULK_APPROVE))) -> Response:
    params.reject_unknown(request, ())
    raw = await _body(request, ("reason",))
    reason = clean_text(raw["reason"], "reason", "理由", 200)
    if reason is None:
        raise DomainError("missing_field", "理由を入力してください。", field="reason")
    from fastapi.concurrency import run_in_threadpool

    return await run_in_threadpool(_decide, request, request_id, who, False, reason)


@router.post("/v1/approval-requests/{request_id}/withdraw", response_model=QueuedRequest)
def withdraw(request_id: str, request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """The requesting session takes its pending request back: it leaves the supervisors' queue
    and can no longer be approved. 409 `approval_request_decided` once it was decided."""
    params.reject_unknown(request, ())
    with db_write_session(request) as session:
        row = _pending(session, request_id, asked_in=who.session_id or "")
        row.status, row.decided_at, row.decided_by = "withdrawn", utcnow(), who.staff_id
        write(session.connection(), who, Event("approval.withdraw", reference=str(row.id),
                                               detail=f"{row.kind} count={row.count}"))
        view = _view(row)
        session.commit()
    return json_response(view)


@router.get("/v1/approval-requests/{request_id}", response_model=QueuedRequest)
def collect(request_id: str, request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """The requesting session sees its request; once approved, it receives the token once."""
    params.reject_unknown(request, ())
    number = params.integer(request_id, "request_id", 0, 1, 10**12)
    with db_write_session(request) as session:
        row = session.get(ApprovalRequest, number)
        if row is None or row.session_id != who.session_id:
            raise ApiError(404, "approval_request_not_found", "指定された承認の依頼が見つかりません。")
        token, row.pending_token = row.pending_token, None
        view = _view(row, token)
        session.commit()
    return json_response(view)
