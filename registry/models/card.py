"""The カード交付 desk's records: each resident's card state, the events that moved it, and the
identity checks (本人確認) clerks record at the counter.

`CardStatus.version` is the compare-and-set guard: an event is applied by an UPDATE that names
the version it was decided on, so two desks acting at once cannot both move the same card.
`CardEventRecord` rows are the history and are never changed.

Identity checks keep the method only (documents, questions, which card items matched), never
what was read from a card or a document.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow

CARD_STATES = ("none", "issued", "suspended", "revoked", "collected")
CARD_EVENTS = ("issue", "suspend", "resume", "revoke", "collect")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class CardStatus(Base):
    __tablename__ = "card_states"
    __table_args__ = (
        CheckConstraint(_one_of("state", CARD_STATES), name="card_state"),
        CheckConstraint("version >= 1", name="version_positive"),
    )

    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))
    version: Mapped[int] = mapped_column(Integer)
    expiry_date: Mapped[date | None] = mapped_column(Date)  # of the card issued last
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class CardEventRecord(Base):
    __tablename__ = "card_events"
    __table_args__ = (
        CheckConstraint(_one_of("event", CARD_EVENTS), name="card_event"),
        CheckConstraint(_one_of("state", CARD_STATES), name="card_state"),
        Index("ix_card_events_person_id_recorded_at", "person_id", "recorded_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    event: Mapped[str] = mapped_column(String(12))
    state: Mapped[str] = mapped_column(String(12))  # the state the event left
    reason: Mapped[str | None] = mapped_column(String(200))
    card_expiry: Mapped[date | None] = mapped_column(Date)
    receipt_number: Mapped[str | None] = mapped_column(String(20), unique=True)  # 交付 only
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(80))


class IdentityCheck(Base):
    __tablename__ = "identity_checks"
    __table_args__ = (
        Index("ix_identity_checks_person_id_recorded_at", "person_id", "recorded_at"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    purpose: Mapped[str] = mapped_column(String(20))
    documents: Mapped[str] = mapped_column(String(400))  # Document values, comma-separated
    questions_asked: Mapped[int] = mapped_column(Integer)
    questions_correct: Mapped[int] = mapped_column(Integer)
    card_presented: Mapped[bool] = mapped_column(Boolean)
    pin_verified: Mapped[bool | None] = mapped_column(Boolean)
    face_compared: Mapped[bool | None] = mapped_column(Boolean)
    # The card items compared with the register: "name=1,address=0,..."; flags, never values.
    fields_matched: Mapped[str | None] = mapped_column(String(200))
    sufficient: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    staff_id: Mapped[str | None] = mapped_column(String(40))
    terminal_id: Mapped[str | None] = mapped_column(String(80))
