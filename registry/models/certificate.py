"""証明書発行履歴: every certificate issued, with who asked, who issued it and the fee. The printed
content itself is not kept: only its digest and per-field digests, so that a receiving office
can check a paper against the register without the register keeping a copy of the paper."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow


class IssuedCertificate(Base):
    __tablename__ = "certificates"

    serial: Mapped[str] = mapped_column(String(20), primary_key=True)  # 証明書番号
    code: Mapped[str] = mapped_column(String(12))  # the short verification code on the paper
    kind: Mapped[str] = mapped_column(String(30))
    persons: Mapped[str] = mapped_column(String(4000))  # 宛名番号, comma-separated
    items: Mapped[str] = mapped_column(String(400))  # optional items printed, comma-separated
    requester_type: Mapped[str] = mapped_column(String(20))
    requester_reference: Mapped[str | None] = mapped_column(String(100))  # office, registration no.
    staff_id: Mapped[str | None] = mapped_column(String(40), index=True)
    terminal_id: Mapped[str | None] = mapped_column(String(80))
    approver_id: Mapped[str | None] = mapped_column(String(40))
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)
    copies: Mapped[int] = mapped_column(Integer)
    fee_yen: Mapped[int] = mapped_column(Integer)  # total for all copies
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of the printed content
    field_digests: Mapped[str] = mapped_column(Text)  # JSON: per printed field, salted hashes
    voided_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    void_reason: Mapped[str | None] = mapped_column(String(200))
    reissue_of: Mapped[str | None] = mapped_column(ForeignKey("certificates.serial"))
    # What the request named besides its persons, so that a 再交付 asks for the same again: the
    # household of a 世帯全員 (the persons alone read as 世帯一部), the move of a 転出証明書.
    household: Mapped[str | None] = mapped_column(String(10))
    move_id: Mapped[str | None] = mapped_column(String(32))
