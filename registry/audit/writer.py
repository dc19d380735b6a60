"""Writes one audit row per request, with the residents it concerns, in the caller's
transaction: a request's effect and its audit row are stored together or not at all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from sqlalchemy import Connection, insert

from registry.models import AuditEntry, AuditTarget
from registry.models.base import utcnow
from registry.repositories.actor import Actor

MAX_TARGETS: Final = 300  # a larger job is summarised by its count in `detail`
_ROW: Final = insert(AuditEntry.__table__).returning(AuditEntry.__table__.c.id)
_TARGETS: Final = insert(AuditTarget.__table__)


@dataclass(frozen=True)
class Event:
    action: str
    targets: Iterable[str] = field(default_factory=tuple)  # 宛名番号
    result: str = "ok"
    number_access: bool = False
    reference: str | None = None
    approver_id: str | None = None
    detail: str | None = None


def write(conn: Connection, actor: Actor, event: Event, at: datetime | None = None) -> int:
    targets = list(dict.fromkeys(event.targets))
    detail = event.detail
    if len(targets) > MAX_TARGETS:
        detail = f"{detail or ''} targets={len(targets)}".strip()
        targets = targets[:MAX_TARGETS]
    row_id: int = conn.execute(_ROW, {
        "at": at or utcnow(),
        "staff_id": actor.staff_id,
        "terminal_id": actor.terminal_id,
        "action": event.action,
        "purpose": actor.purpose,
        "result": event.result,
        "number_access": event.number_access,
        "reference": event.reference,
        "approver_id": event.approver_id,
        "detail": detail,
        "targets": ",".join(targets),
    }).scalar_one()
    if targets:
        conn.execute(_TARGETS, [{"audit_id": row_id, "atena_number": t} for t in targets])
    return row_id
