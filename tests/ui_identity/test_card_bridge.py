"""The card bridge over the real PC/SC stack: events arrive as signals on the UI thread, job
results and errors come back through callbacks, and a lock drops a result still in flight.
Run under `flock /tmp/madoguchi-pcscd.lock`."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from cardreader.errors import CardError, NoCardError
from cardreader.models import CardKind, ProbeResult
from cardreader.virtual.contents import builtin_resident
from tests.cardreader.conftest import VirtualReader
from tests.ui_identity.cards import card_of
from ui.card.bridge import CardBridge

WAIT_MS = 20_000


def test_events_and_results_arrive_on_the_ui_thread(
    qtbot: QtBot, bridge: CardBridge, reader: VirtualReader,
) -> None:
    ui_thread = QThread.currentThread()
    seen: list[tuple[bool, ProbeResult]] = []
    with qtbot.waitSignal(bridge.card_inserted, timeout=WAIT_MS) as inserted:
        reader.insert(card_of(builtin_resident()))
    assert inserted.args == [reader.name] and bridge.card_present()
    assert bridge.reader_with_card() == reader.name

    def probed(result: ProbeResult) -> None:
        seen.append((QThread.currentThread() is ui_thread, result))

    bridge.probe(probed, lambda e: None)
    qtbot.waitUntil(lambda: bool(seen), timeout=WAIT_MS)
    on_ui, result = seen[0]
    assert on_ui and result.kind is CardKind.MY_NUMBER
    assert result.pins["input_support_pin"].tries_left == 3

    with qtbot.waitSignal(bridge.card_removed, timeout=WAIT_MS):
        reader.remove()
    assert not bridge.card_present()
    errors: list[Exception] = []
    bridge.probe(lambda r: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert isinstance(errors[0], CardError) and isinstance(errors[0], NoCardError)


def test_a_lock_drops_a_result_in_flight(
    qtbot: QtBot, bridge: CardBridge, reader: VirtualReader,
) -> None:
    reader.insert(card_of(builtin_resident()))
    release = threading.Event()
    outcomes: list[object] = []

    def slow_probe(session):  # type: ignore[no-untyped-def]
        release.wait(5)
        return session.probe()

    bridge.run(lambda s: s.submit(slow_probe), success=outcomes.append, failure=outcomes.append)
    bridge.clear_personal_data()  # the session locks while the card is being read
    release.set()
    later: list[object] = []
    bridge.probe(later.append, later.append)
    qtbot.waitUntil(lambda: bool(later), timeout=WAIT_MS)
    assert outcomes == []
