"""Writes the operation log. Callers pass ids and codes only, never personal data."""

from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.orm import Session

from registry.models import AuditEntry
from registry.models.base import utcnow
from registry.repositories.actor import Actor


def record(
    session: Session,
    actor: Actor,
    action: str,
    object_type: str,
    object_ids: list[str | None],
    *,
    reference: str | None = None,
    detail: str | None = None,
) -> None:
    """One entry per object, all in the caller's transaction."""
    if not object_ids:
        return
    at = utcnow()
    session.execute(
        insert(AuditEntry),
        [
            {
                "at": at,
                "staff_id": actor.staff_id,
                "terminal_id": actor.terminal_id,
                "action": action,
                "object_type": object_type,
                "object_id": object_id,
                "reference": reference,
                "detail": detail,
            }
            for object_id in object_ids
        ],
    )
