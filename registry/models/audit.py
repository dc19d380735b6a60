"""The operation log: who did what to which record, from which terminal (seed l.899-901, 1018).
Rows name records by id only; they never copy personal data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    staff_id: Mapped[str | None] = mapped_column(String(40), index=True)
    terminal_id: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))  # e.g. move.commit
    object_type: Mapped[str] = mapped_column(String(20))  # person, household, move, ...
    object_id: Mapped[str | None] = mapped_column(String(40), index=True)
    reference: Mapped[str | None] = mapped_column(String(40))  # e.g. the move id
    detail: Mapped[str | None] = mapped_column(String(200))  # codes, never personal data


class PurgeLog(Base):
    """Each deletion a retention job makes: what, which id, why; never the deleted content."""

    __tablename__ = "purge_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    job: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(60))
