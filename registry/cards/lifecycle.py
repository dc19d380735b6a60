"""A resident's card as the カード交付 desk records it: the current state and its history, and
recording an event (app.domain.card_lifecycle decides the transition).

The state row is moved by compare-and-set on its version: the event is decided on the state
read, and the UPDATE applies only if nobody moved the card meanwhile. A first event inserts the
row, and a concurrent first event then fails on the primary key. Either loser gets 409
`card_state_conflict` and nothing is stored.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.card_lifecycle import (
    CONFLICT,
    EVENT_LABELS,
    REASON_REQUIRED,
    CardEvent,
    CardState,
    next_state,
)
from app.domain.errors import DomainError
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.text import clean_text
from app.domain.wareki import parse_iso_date
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.models import CardEventRecord, CardStatus
from registry.models.base import table_of
from registry.repositories import counters, residents
from registry.repositories.actor import Actor
from registry.repositories.residents import ResidentRecord

FIELDS: Final = ("event", "reason", "card_expiry")
RECEIPT_COUNTER: Final = "card_receipt"
MAX_REASON: Final = 200
# A card is valid for at most ten birthdays (five for minors and some foreign residents); a
# later date is a typing error.
MAX_VALIDITY_YEARS: Final = 11



@dataclass(frozen=True)
class EventRequest:
    event: CardEvent
    reason: str | None
    card_expiry: date | None


def parse(body: Any, today: date) -> EventRequest:
    raw = reject_unknown_keys(body, FIELDS, "カードの記録")
    require_keys(raw, ("event",))
    if not isinstance(raw["event"], str) or raw["event"] not in {e.value for e in CardEvent}:
        raise DomainError("invalid_card_event", "カードの記録の種類が正しくありません。", field="event")
    event = CardEvent(raw["event"])
    reason = clean_text(raw.get("reason"), "reason", "理由", MAX_REASON)
    if event in REASON_REQUIRED and reason is None:
        raise DomainError("reason_required", f"{EVENT_LABELS[event]}の理由を入力してください。",
                          field="reason")
    expiry_text = raw.get("card_expiry")
    if event is not CardEvent.ISSUE:
        if expiry_text is not None:
            raise DomainError("field_not_allowed", "カードの有効期限は交付のときだけ指定できます。",
                              field="card_expiry")
        return EventRequest(event, reason, None)
    if expiry_text is None:
        raise DomainError("missing_field", "交付するカードの有効期限を入力してください。",
                          field="card_expiry")
    if not isinstance(expiry_text, str):
        raise DomainError("invalid_date", "カードの有効期限はYYYY-MM-DD形式で入力してください。",
                          field="card_expiry")
    expiry = parse_iso_date(expiry_text, "card_expiry")
    if expiry < today:
        raise DomainError("card_expired", "有効期限を過ぎたカードは交付できません。", field="card_expiry")
    if expiry.year > today.year + MAX_VALIDITY_YEARS:
        raise DomainError("invalid_date", "カードの有効期限が先すぎます。入力を確認してください。",
                          field="card_expiry")
    return EventRequest(event, reason, expiry)


def _resident(session: Session, atena: str) -> ResidentRecord:
    found = residents.get(session, atena)
    if found is None:
        raise ApiError(404, "resident_not_found", "該当する住民が見つかりません。")
    return found


def _event_view(row: Any) -> dict[str, Any]:
    return {
        "event_id": row.id,
        "event": row.event,
        "state": row.state,
        "reason": row.reason,
        "card_expiry": row.card_expiry.isoformat() if row.card_expiry else None,
        "receipt_number": row.receipt_number,
        "recorded_at": _iso(row.recorded_at),
        "staff_id": row.staff_id,
        "terminal_id": row.terminal_id,
    }


def _iso(at: datetime) -> str:
    # SQLite hands back naive datetimes; every time stored here is UTC.
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).isoformat()


def card(session: Session, atena: str) -> dict[str, Any]:
    """The card's state, the expiry of the card issued last, and every event, oldest first."""
    found = _resident(session, atena)
    conn = session.connection()
    person_id = found.person.id
    status = conn.execute(
        select(CardStatus.state, CardStatus.expiry_date).where(CardStatus.person_id == person_id)
    ).first()
    events = conn.execute(
        select(*table_of(CardEventRecord).columns)
        .where(CardEventRecord.person_id == person_id)
        .order_by(CardEventRecord.recorded_at, CardEventRecord.id)
    ).all()
    return {
        "resident_id": atena,
        "state": status.state if status else CardState.NONE.value,
        "expiry_date": status.expiry_date.isoformat() if status and status.expiry_date else None,
        "events": [_event_view(e) for e in events],
    }


def _conflict(state: str, message: str | None = None) -> ApiError:
    return ApiError(
        409, CONFLICT,
        message or "他の端末で先にカードの記録が変更されました。状態を確認してやり直してください。",
        state=state,
    )


def _receipt(session: Session) -> str:
    number = counters.take(session, RECEIPT_COUNTER)[0]
    return f"{clock.today().year}-{number:08d}"


def record(
    session: Session, actor: Actor, atena: str, req: EventRequest, now: datetime
) -> dict[str, Any]:
    found = _resident(session, atena)
    if req.event is CardEvent.ISSUE and found.version.removed_on is not None:
        raise DomainError("not_resident", "消除された方にはカードを交付できません。")
    conn = session.connection()
    person_id = found.person.id
    status = conn.execute(
        select(CardStatus.state, CardStatus.version, CardStatus.expiry_date)
        .where(CardStatus.person_id == person_id)
    ).first()
    before = CardState(status.state) if status else CardState.NONE
    try:
        after = next_state(before, req.event)
    except DomainError as exc:
        raise _conflict(before.value, exc.message) from None
    kept = status.expiry_date if status else None
    expiry = req.card_expiry if req.event is CardEvent.ISSUE else kept
    if status is None:
        try:
            conn.execute(insert(CardStatus), {
                "person_id": person_id, "state": after.value, "version": 1,
                "expiry_date": expiry, "updated_at": now,
            })
        except IntegrityError:
            # Another desk's first event for this person committed meanwhile (PostgreSQL); the
            # transaction is spoilt, and the whole request is rolled back.
            raise _conflict(before.value) from None
    else:
        moved = conn.execute(
            update(CardStatus)
            .where(CardStatus.person_id == person_id, CardStatus.version == status.version)
            .values(state=after.value, version=status.version + 1, expiry_date=expiry, updated_at=now)
        )
        if moved.rowcount != 1:
            raise _conflict(before.value)
    receipt = _receipt(session) if req.event is CardEvent.ISSUE else None
    event_id = uuid.uuid4().hex
    conn.execute(insert(CardEventRecord), {
        "id": event_id, "person_id": person_id, "event": req.event.value, "state": after.value,
        "reason": req.reason, "card_expiry": req.card_expiry, "receipt_number": receipt,
        "recorded_at": now, "staff_id": actor.staff_id, "terminal_id": actor.terminal_id,
    })
    # The reason is free text and the expiry a value of the card: neither goes to the audit row.
    write(conn, actor, Event(
        f"card.{req.event.value}", [atena], reference=event_id,
        detail=f"state={before.value}->{after.value}" + (f" receipt={receipt}" if receipt else ""),
    ), at=now)
    return {
        "event_id": event_id,
        "resident_id": atena,
        "event": req.event.value,
        "state": after.value,
        "recorded_at": now.isoformat(),
        "receipt_number": receipt,
    }
