"""The operation log: who did what to which residents, from which terminal, for what purpose,
with what result (seed l.899-901, 1018). Rows name residents by 宛名番号 only and never copy
personal data.

Rows are append-only and hash-chained: a sealer gives each row, in the order it seals them, a
chain number and the hash of its content together with the hash before it (registry.audit.chain).
Changing, removing or reordering a sealed row breaks the chain from that row on.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, Index, Integer, PrimaryKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow

AUDIT_ID = BigInteger().with_variant(Integer, "sqlite")


class AuditEntry(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_staff_id_at", "staff_id", "action", "at"),)

    id: Mapped[int] = mapped_column(AUDIT_ID, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))  # e.g. resident.read, move.commit
    purpose: Mapped[str | None] = mapped_column(String(100))
    result: Mapped[str] = mapped_column(String(40))  # ok, denied, or an error code
    number_access: Mapped[bool] = mapped_column(Boolean, default=False)  # 個人番号 read or searched
    reference: Mapped[str | None] = mapped_column(String(40))  # a move id, an approval id...
    approver_id: Mapped[str | None] = mapped_column(String(40))  # the supervisor of a bulk job
    detail: Mapped[str | None] = mapped_column(String(200))  # codes and counts, never personal data
    targets: Mapped[str] = mapped_column(String(4000), default="")  # 宛名番号, comma-separated
    chain_seq: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    chain_hash: Mapped[str | None] = mapped_column(String(64))


class AuditTarget(Base):
    """Which residents a row concerns: the index behind the 開示請求 access report, keyed by
    resident first.

    No foreign key to audit_log: a target row is written by the same statement as its audit
    row (registry.audit.writer), and audit rows are never deleted (trigger), so a key would only
    look each row up again, twenty times for a page of search hits."""

    __tablename__ = "audit_targets"
    __table_args__ = (PrimaryKeyConstraint("atena_number", "audit_id"),)

    audit_id: Mapped[int] = mapped_column(AUDIT_ID)
    atena_number: Mapped[str] = mapped_column(String(10))


class AuditChainHead(Base):
    """The last sealed row: without it, cutting rows off the end would leave a valid chain."""

    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(primary_key=True)  # always 1
    last_seq: Mapped[int] = mapped_column(BigInteger)
    last_hash: Mapped[str] = mapped_column(String(64))


class PurgeLog(Base):
    """Each deletion a retention job makes: what, which id, why; never the deleted content."""

    __tablename__ = "purge_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    job: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(60))
