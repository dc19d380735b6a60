"""The life of a resident's Individual Number Card as the カード交付 desk records it.

交付 (issue) hands a card out; 一時停止 (suspend, e.g. a card reported lost) and its 解除 (resume);
廃止 (revoke) ends the card; 回収 (collect) records that the revoked card came back. After a
revoked or collected card a new one may be issued. Each event moves the state exactly as
`TRANSITIONS` says; anything else is a conflict, which the registry answers with 409.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final

from app.domain.errors import DomainError


class CardState(StrEnum):
    NONE = "none"
    ISSUED = "issued"
    SUSPENDED = "suspended"
    REVOKED = "revoked"
    COLLECTED = "collected"


class CardEvent(StrEnum):
    ISSUE = "issue"
    SUSPEND = "suspend"
    RESUME = "resume"
    REVOKE = "revoke"
    COLLECT = "collect"


STATE_LABELS: Final[dict[CardState, str]] = {
    CardState.NONE: "未交付",
    CardState.ISSUED: "交付済",
    CardState.SUSPENDED: "一時停止中",
    CardState.REVOKED: "廃止",
    CardState.COLLECTED: "回収済",
}

EVENT_LABELS: Final[dict[CardEvent, str]] = {
    CardEvent.ISSUE: "交付",
    CardEvent.SUSPEND: "一時停止",
    CardEvent.RESUME: "一時停止解除",
    CardEvent.REVOKE: "廃止",
    CardEvent.COLLECT: "回収",
}

# Events the clerk must give a reason for (why a card stops working).
REASON_REQUIRED: Final[frozenset[CardEvent]] = frozenset({CardEvent.SUSPEND, CardEvent.REVOKE})

TRANSITIONS: Final[dict[tuple[CardState, CardEvent], CardState]] = {
    (CardState.NONE, CardEvent.ISSUE): CardState.ISSUED,
    (CardState.REVOKED, CardEvent.ISSUE): CardState.ISSUED,
    (CardState.COLLECTED, CardEvent.ISSUE): CardState.ISSUED,
    (CardState.ISSUED, CardEvent.SUSPEND): CardState.SUSPENDED,
    (CardState.SUSPENDED, CardEvent.RESUME): CardState.ISSUED,
    (CardState.ISSUED, CardEvent.REVOKE): CardState.REVOKED,
    (CardState.SUSPENDED, CardEvent.REVOKE): CardState.REVOKED,
    (CardState.REVOKED, CardEvent.COLLECT): CardState.COLLECTED,
}

CONFLICT: Final = "card_state_conflict"


def allowed_events(state: CardState) -> tuple[CardEvent, ...]:
    """The events the desk may record in `state`, in the order of `CardEvent`."""
    return tuple(e for e in CardEvent if (state, e) in TRANSITIONS)


def next_state(state: CardState, event: CardEvent) -> CardState:
    try:
        return TRANSITIONS[(state, event)]
    except KeyError:
        raise DomainError(
            CONFLICT,
            f"カードの状態が「{STATE_LABELS[state]}」のため"
            f"「{EVENT_LABELS[event]}」は記録できません。",
        ) from None
