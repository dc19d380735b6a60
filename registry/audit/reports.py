"""Reading the audit log: a filtered listing, and the access report a resident receives on a
disclosure request (開示請求: who accessed my record, when, for what)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from registry.models import AuditEntry, AuditTarget


@dataclass(frozen=True)
class Filters:
    staff_id: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    resident: str | None = None


def _query(filters: Filters) -> Select[AuditEntry]:
    query = select(AuditEntry)
    if filters.resident is not None:
        query = query.join(AuditTarget, AuditTarget.audit_id == AuditEntry.id).where(
            AuditTarget.atena_number == filters.resident
        )
    if filters.staff_id is not None:
        query = query.where(AuditEntry.staff_id == filters.staff_id)
    if filters.action is not None:
        query = query.where(AuditEntry.action == filters.action)
    if filters.since is not None:
        query = query.where(AuditEntry.at >= filters.since)
    if filters.until is not None:
        query = query.where(AuditEntry.at < filters.until)
    return query


def listing(session: Session, filters: Filters, limit: int, before_id: int | None) -> list[AuditEntry]:
    query = _query(filters)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))
