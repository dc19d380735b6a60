"""The card's life: every (state, event) pair either moves as the contract says or is a conflict."""

from __future__ import annotations

import pytest

from app.domain.card_lifecycle import (
    EVENT_LABELS,
    REASON_REQUIRED,
    STATE_LABELS,
    CardEvent,
    CardState,
    allowed_events,
    next_state,
)
from app.domain.errors import DomainError

pytestmark = pytest.mark.domain

S, E = CardState, CardEvent
EXPECTED = {
    (S.NONE, E.ISSUE): S.ISSUED,
    (S.REVOKED, E.ISSUE): S.ISSUED,
    (S.COLLECTED, E.ISSUE): S.ISSUED,
    (S.ISSUED, E.SUSPEND): S.SUSPENDED,
    (S.SUSPENDED, E.RESUME): S.ISSUED,
    (S.ISSUED, E.REVOKE): S.REVOKED,
    (S.SUSPENDED, E.REVOKE): S.REVOKED,
    (S.REVOKED, E.COLLECT): S.COLLECTED,
}
ALL_PAIRS = [(s, e) for s in CardState for e in CardEvent]


def test_values_are_the_contract() -> None:
    assert [s.value for s in CardState] == ["none", "issued", "suspended", "revoked", "collected"]
    assert [e.value for e in CardEvent] == ["issue", "suspend", "resume", "revoke", "collect"]
    assert EVENT_LABELS == {E.ISSUE: "交付", E.SUSPEND: "一時停止", E.RESUME: "一時停止解除",
                            E.REVOKE: "廃止", E.COLLECT: "回収"}
    assert set(STATE_LABELS) == set(CardState)
    assert REASON_REQUIRED == {E.SUSPEND, E.REVOKE}


@pytest.mark.parametrize(("state", "event"), ALL_PAIRS, ids=[f"{s}-{e}" for s, e in ALL_PAIRS])
def test_every_transition(state: CardState, event: CardEvent) -> None:
    if (state, event) in EXPECTED:
        assert next_state(state, event) is EXPECTED[(state, event)]
        assert event in allowed_events(state)
    else:
        with pytest.raises(DomainError) as raised:
            next_state(state, event)
        assert raised.value.code == "card_state_conflict"
        assert STATE_LABELS[state] in raised.value.message
        assert EVENT_LABELS[event] in raised.value.message
        assert event not in allowed_events(state)


def test_a_whole_life() -> None:
    state = CardState.NONE
    for event in (E.ISSUE, E.SUSPEND, E.RESUME, E.SUSPEND, E.REVOKE, E.COLLECT, E.ISSUE):
        state = next_state(state, event)
    assert state is CardState.ISSUED


def test_allowed_events_in_order() -> None:
    assert allowed_events(S.NONE) == (E.ISSUE,)
    assert allowed_events(S.ISSUED) == (E.SUSPEND, E.REVOKE)
    assert allowed_events(S.SUSPENDED) == (E.RESUME, E.REVOKE)
    assert allowed_events(S.REVOKED) == (E.ISSUE, E.COLLECT)
    assert allowed_events(S.COLLECTED) == (E.ISSUE,)
