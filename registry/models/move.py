"""住民異動届 as the registry holds them: a server-side draft that the clerk reviews, then the
committed move. The request and the computed plan are kept as JSON without individual numbers:
a draft's numbers wait in a column of their own, cleared when the draft is committed or
discarded (an expired draft is deleted whole)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow

MOVE_STATUSES = ("draft", "committed", "discarded")


class Move(Base):
    __tablename__ = "moves"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'committed', 'discarded')", name="status"),
        Index("ix_moves_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(10), default="draft")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    committed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    staff_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(80))
    request: Mapped[str] = mapped_column(Text)  # the validated 届出, JSON
    plan: Mapped[str] = mapped_column(Text)  # what a commit writes, JSON
    review: Mapped[str] = mapped_column(Text)  # the draft answer (diff, warnings), JSON
    result: Mapped[str | None] = mapped_column(Text)  # the commit answer, JSON
    numbers: Mapped[str | None] = mapped_column(Text)  # a draft's individual numbers by person ref, JSON


class IdempotencyRecord(Base):
    """The first answer to a request carrying an Idempotency-Key, stored in the same transaction
    as the request's effect, so a retry gets that answer and never applies anything twice."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(120))  # method and path
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
