"""Staff, their sessions, enrolled terminals, bulk-job approvals and security alerts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # the per-person user ID
    name: Mapped[str] = mapped_column(String(60))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    roles: Mapped[str] = mapped_column(String(200))  # comma-separated role names
    # Who may see individual numbers is decided per person (seed l.1007-1011).
    number_view: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    search_blocked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Searches before this do not count towards the hourly limit: set when a block is lifted, so
    # that the lifted clerk is not blocked again by the searches that blocked them.
    search_counted_from: Mapped[datetime | None] = mapped_column(UtcDateTime())
    password_changed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class StaffSession(Base):
    __tablename__ = "staff_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the bearer token
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    end_reason: Mapped[str | None] = mapped_column(String(30))


class Terminal(Base):
    __tablename__ = "terminals"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)  # the certificate's CN
    serial: Mapped[str] = mapped_column(String(64), unique=True)  # hex serial of its certificate
    fingerprint: Mapped[str] = mapped_column(String(64))  # sha256 of the DER certificate
    enrolled_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    not_after: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Approval(Base):
    """A supervisor's authorisation of one bulk job (seed l.1026), used at most once."""

    __tablename__ = "approvals"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the token
    session_id: Mapped[str] = mapped_column(ForeignKey("staff_sessions.id"))  # the clerk's
    clerk_id: Mapped[str] = mapped_column(String(40))
    supervisor_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class Alert(Base):
    """Something supervisors must look at, e.g. a clerk blocked for too many searches."""

    __tablename__ = "alerts"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(80))
    detail: Mapped[str] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    resolved_by: Mapped[str | None] = mapped_column(String(40))


class ApprovalRequest(Base):
    """A clerk's request for a bulk job, queued for supervisors' 承認 workspace."""

    __tablename__ = "approval_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("staff_sessions.id"))
    clerk_id: Mapped[str] = mapped_column(String(40))
    terminal_id: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending approved declined withdrawn
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(40))
    decline_reason: Mapped[str | None] = mapped_column(String(200))
    # The approval's token until the requesting session collects it, once.
    pending_token: Mapped[str | None] = mapped_column(String(64))
