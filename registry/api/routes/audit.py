"""The audit trail: listing, the per-resident access report, chain verification, alerts."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from registry.api import params
from registry.api.auth import record as audit_read
from registry.api.auth import require
from registry.api.deps import db_session, db_write_session, json_response
from registry.api.errors import ApiError
from registry.audit import chain, reports
from registry.audit.writer import Event, write
from registry.models import Alert, Staff
from registry.models.base import utcnow
from registry.repositories.actor import Actor
from registry.security.permissions import ALERT_READ, ALERT_RESOLVE, AUDIT_READ, AUDIT_VERIFY
from registry.security.staff import lift_search_block

router = APIRouter(tags=["audit"])


class AuditRow(BaseModel):
    id: int
    at: datetime
    staff_id: str | None
    terminal_id: str | None
    action: str
    purpose: str | None
    result: str
    number_access: bool = Field(description="the individual number was read or searched")
    reference: str | None
    approver_id: str | None
    detail: str | None
    targets: list[str] = Field(description="宛名番号 of the residents concerned")
    chain_seq: int | None


class AuditPage(BaseModel):
    items: list[AuditRow]
    next_before: int | None


def _time(value: str | None, field: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(422, "invalid_parameter", "日時はISO 8601形式で指定してください。", field=field) from None
    if parsed.tzinfo is None:
        raise ApiError(422, "invalid_parameter", "日時にはタイムゾーンを付けてください。", field=field)
    return parsed


@router.get("/v1/audit", response_model=AuditPage)
def audit_listing(
    request: Request,
    who: Actor = Depends(require(AUDIT_READ)),
    staff_id: str | None = Query(None),
    action: str | None = Query(None),
    resident: str | None = Query(None, description="宛名番号: the 開示請求 access report"),
    since: str | None = Query(None, description="ISO 8601 with time zone"),
    until: str | None = Query(None),
    limit: str | None = Query(None, description="1-500, default 100"),
    before: str | None = Query(None, description="rows with a smaller id (paging)"),
) -> Response:
    """Audit rows, newest first. With `resident`: everyone who accessed that resident's record
    and when — the report a resident receives on a disclosure request."""
    params.reject_unknown(request, ("staff_id", "action", "resident", "since", "until", "limit", "before"))
    filters = reports.Filters(
        staff_id=params.text(staff_id, "staff_id", 40),
        action=params.text(action, "action", 40),
        resident=params.ten_digit_id(resident, "invalid_resident_id", "宛名番号は10桁の数字です。") if resident else None,
        since=_time(since, "since"),
        until=_time(until, "until"),
    )
    page_limit = params.integer(limit, "limit", 100, 1, 500)
    before_id = params.integer(before, "before", 0, 1, 10**15) if before else None
    with db_session(request) as session:
        rows = reports.listing(session, filters, page_limit, before_id)
        items = [
            AuditRow(
                id=r.id, at=r.at, staff_id=r.staff_id, terminal_id=r.terminal_id, action=r.action,
                purpose=r.purpose, result=r.result, number_access=r.number_access,
                reference=r.reference, approver_id=r.approver_id, detail=r.detail,
                targets=[t for t in r.targets.split(",") if t], chain_seq=r.chain_seq,
            )
            for r in rows
        ]
    audit_read(request, who, Event(
        "audit.read", [filters.resident] if filters.resident else [], detail=f"rows={len(items)}"
    ))
    next_before = items[-1].id if len(items) == page_limit else None
    return json_response(AuditPage(items=items, next_before=next_before))


class ChainReport(BaseModel):
    ok: bool
    checked: int = Field(description="sealed rows whose hashes were recomputed")
    problem: str | None
    at_seq: int | None = Field(description="the first chain position that does not hold")
    row_id: int | None


@router.get("/v1/audit/verify", response_model=ChainReport)
def audit_verify(request: Request, who: Actor = Depends(require(AUDIT_VERIFY))) -> Response:
    """Seal what is pending, then recompute the whole chain: any edited, removed or reordered
    row is reported with where the chain breaks."""
    params.reject_unknown(request, ())
    with db_write_session(request) as session:
        chain.seal(session)
        session.commit()
    with db_session(request) as session:
        result = chain.verify(session)
    audit_read(request, who, Event("audit.verify", result="ok" if result.ok else "broken",
                                   detail=result.problem))
    return json_response(ChainReport(**result.__dict__))


class AlertRow(BaseModel):
    id: int
    at: datetime
    kind: str
    staff_id: str | None
    terminal_id: str | None
    detail: str
    resolved_at: datetime | None
    resolved_by: str | None


class AlertList(BaseModel):
    items: list[AlertRow]


@router.get("/v1/alerts", response_model=AlertList)
def alerts(request: Request, who: Actor = Depends(require(ALERT_READ))) -> Response:
    """Open security alerts (e.g. a clerk blocked for too many searches), newest first."""
    params.reject_unknown(request, ())
    with db_session(request) as session:
        rows = session.scalars(select(Alert).where(Alert.resolved_at.is_(None)).order_by(Alert.id.desc()).limit(200))
        items = [AlertRow.model_validate(r, from_attributes=True) for r in rows]
    return json_response(AlertList(items=items))


@router.post("/v1/alerts/{alert_id}/resolve", response_model=AlertRow)
def resolve_alert(alert_id: str, request: Request, who: Actor = Depends(require(ALERT_RESOLVE))) -> Response:
    """A supervisor closes an alert; for a search block, the staff member may search again."""
    params.reject_unknown(request, ())
    number = params.integer(alert_id, "alert_id", 0, 1, 10**12)
    with db_write_session(request) as session:
        alert = session.get(Alert, number)
        if alert is None:
            raise ApiError(404, "alert_not_found", "指定された警告が見つかりません。")
        if alert.resolved_at is None:
            alert.resolved_at, alert.resolved_by = utcnow(), who.staff_id
            if alert.kind == "search_limit_exceeded" and alert.staff_id:
                staff = session.get(Staff, alert.staff_id)
                if staff is not None:
                    lift_search_block(staff, alert.resolved_at)
            write(session.connection(), who, Event("alert.resolve", reference=str(number),
                                                   detail=alert.kind))
        row = AlertRow.model_validate(alert, from_attributes=True)
        session.commit()
    return json_response(row)

