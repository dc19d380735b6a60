"""The individual number (個人番号), kept apart from the basic resident master as the seed
requires, and the access log that every read of it writes.

Only `registry.repositories.numbers` may query these tables; everything else goes through it so
that no read escapes the log.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow


class IndividualNumber(Base):
    __tablename__ = "individual_numbers"

    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)
    number: Mapped[str] = mapped_column(String(12), unique=True)


class NumberAccessLog(Base):
    __tablename__ = "number_access_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    accessed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    # Not a foreign key (migration 0009): a row is written in the transaction that reads or
    # assigns that person's number, and persons are never deleted (trigger).
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(20))  # reveal | search | load
    purpose: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(80))
