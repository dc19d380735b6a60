"""Reader and card events, and how they follow from two snapshots of the readers.

Plain frozen dataclasses: the UI adapter turns each into a Qt signal (reader_added,
card_inserted, ...) without cardreader knowing about Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cardreader.transport import ReaderStatus


@dataclass(frozen=True, slots=True)
class ReaderAdded:
    reader: str


@dataclass(frozen=True, slots=True)
class ReaderRemoved:
    reader: str


@dataclass(frozen=True, slots=True)
class CardInserted:
    reader: str
    atr: bytes = field(repr=False)
    mute: bool = False  # present but not answering: inserted the wrong way round, or broken


@dataclass(frozen=True, slots=True)
class CardRemoved:
    reader: str


@dataclass(frozen=True, slots=True)
class ServiceLost:
    """The PC/SC service (pcscd) went away: no reader can be used until it is back."""

    code: str = "pcsc_unavailable"


@dataclass(frozen=True, slots=True)
class ServiceRestored:
    pass


CardEvent = ReaderAdded | ReaderRemoved | CardInserted | CardRemoved | ServiceLost | ServiceRestored


def diff(before: dict[str, ReaderStatus], after: dict[str, ReaderStatus]) -> list[CardEvent]:
    """Events that turn `before` into `after`: removals first, so a UI never shows a card in a
    reader that is already gone."""
    events: list[CardEvent] = []
    for name, old in before.items():
        new = after.get(name)
        if new is None:
            if old.card_present:
                events.append(CardRemoved(name))
            events.append(ReaderRemoved(name))
        elif old.card_present and (not new.card_present or new.atr != old.atr):
            events.append(CardRemoved(name))
    for name, new in after.items():
        previous = before.get(name)
        if previous is None:
            events.append(ReaderAdded(name))
        if new.card_present and (
            previous is None or not previous.card_present or new.atr != previous.atr
        ):
            events.append(CardInserted(name, new.atr or b"", new.mute))
    return events
