"""Reader and card events from the service's polling, over the real stack, and the diff logic."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

import pytest

from cardreader.events import (
    CardEvent,
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderRemoved,
    ServiceLost,
    ServiceRestored,
    diff,
)
from cardreader.service import CardService
from cardreader.transport import ReaderStatus
from cardreader.virtual.pcscd import PcscdProcess
from cardreader.virtual.vpcd import VpcdCardClient
from tests.cardreader.conftest import VirtualReader, wait_for_presence

pytestmark = pytest.mark.card


def take_until(
    events: queue.Queue[CardEvent], wanted: Callable[[CardEvent], bool], timeout: float = 20
) -> list[CardEvent]:
    seen: list[CardEvent] = []
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(f"event not seen; got {seen}")
        try:
            event = events.get(timeout=remaining)
        except queue.Empty:
            continue
        seen.append(event)
        if wanted(event):
            return seen


def test_diff_orders_removals_first() -> None:
    a = ReaderStatus("A", True, b"\x3b\x01")
    b = ReaderStatus("B", False)
    assert diff({}, {"A": a, "B": b}) == [
        ReaderAdded("A"),
        CardInserted("A", b"\x3b\x01"),
        ReaderAdded("B"),
    ]
    assert diff({"A": a, "B": b}, {"B": b}) == [CardRemoved("A"), ReaderRemoved("A")]
    swapped = ReaderStatus("A", True, b"\x3b\x02")
    assert diff({"A": a}, {"A": swapped}) == [CardRemoved("A"), CardInserted("A", b"\x3b\x02")]
    assert diff({"A": a}, {"A": a}) == []


def test_insert_and_remove_events(
    pcscd: PcscdProcess,
    reader: VirtualReader,
    insert: Callable[..., VpcdCardClient],
    service: CardService,
) -> None:
    events = service.event_queue()
    take_until(events, lambda e: e == ReaderAdded(pcscd.readers[1]))
    insert()
    take_until(events, lambda e: isinstance(e, CardInserted) and e.reader == reader.name)
    reader.remove()
    take_until(events, lambda e: e == CardRemoved(reader.name))
    names = {r.name for r in service.readers()}
    assert names == set(pcscd.readers)


def test_reader_service_lost_and_back(
    pcscd: PcscdProcess, reader: VirtualReader, service: CardService
) -> None:
    events = service.event_queue()
    take_until(events, lambda e: e == ReaderAdded(pcscd.readers[1]))
    pcscd.stop()
    try:
        seen = take_until(events, lambda e: e == ReaderRemoved(pcscd.readers[1]))
        assert seen[0] == ServiceLost()
        assert ReaderRemoved(pcscd.readers[0]) in seen
    finally:
        pcscd.start()
    seen = take_until(events, lambda e: e == ReaderAdded(pcscd.readers[1]))
    assert seen[0] == ServiceRestored()


def test_a_late_subscriber_learns_the_readers_and_cards_already_there(
    pcscd: PcscdProcess, reader: VirtualReader, insert: Callable[..., VpcdCardClient],
    service: CardService,
) -> None:
    """Subscribing after the first poll still tells of the card already in the reader."""
    insert()
    wait_for_presence(reader.name, True)
    deadline = time.monotonic() + 10
    while not any(r.card_present for r in service.readers()) and time.monotonic() < deadline:
        time.sleep(0.05)  # the service's own poll has seen the card
    events = service.event_queue()
    replayed = [events.get_nowait() for _ in range(events.qsize())]
    assert set(replayed) >= {ReaderAdded(pcscd.readers[0]), ReaderAdded(pcscd.readers[1])}
    assert any(isinstance(e, CardInserted) and e.reader == reader.name for e in replayed)
