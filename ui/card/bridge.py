"""The card service seen from the UI thread.

API (stable: the identity check, the card desk and the move form's card fill use it):

    bridge = CardBridge(personal_data=registry)         # owns a CardService, started lazily
    bridge = CardBridge(service=started_service)         # or wraps one it does not own
    bridge.readers_changed.connect(...)                  # () a reader came or went
    bridge.card_inserted.connect(...)                    # (reader) a card was put down
    bridge.card_removed.connect(...)                     # (reader) a card was taken away
    bridge.service_error.connect(...)                    # (Japanese message) pcscd is gone
    bridge.service_restored.connect(...)                 # () pcscd is back
    bridge.start()                                       # explicit start (the first call does it)
    bridge.card_present() -> bool                        # some reader holds a card (per events)
    bridge.readers() -> list[ReaderStatus]               # as last polled, never waits
    bridge.reader_with_card() -> str | None
    bridge.problem() -> str | None                       # why no reader is seen (Japanese)
    bridge.run(lambda s: s.probe(), success=..., failure=..., parent=widget)
    bridge.probe(success, failure, parent=None)          # the same for CardService.probe
    bridge.read_basic(pin, success, failure, parent=None)
    bridge.read_face(birth_date=, expiry_year=, security_code=, success=, failure=, parent=None)
    bridge.clear_personal_data()                         # results in flight are dropped
    bridge.close()                                       # unsubscribe; stop the service if owned

`run` takes a function that starts a job on the service and returns its CardFuture (it is
called on the UI thread and must only submit); the future's result or error is handed to
`success` / `failure` on the UI thread, never blocking it. Errors are cardreader CardErrors
(Japanese `message`, English `code`) or, for a bug, any exception. A result that arrives after
`clear_personal_data()` (the session locked) or after `parent` was deleted is dropped, like
ui/operations.py's OperationRunner does with registry answers.

One bridge per terminal is enough (the service serialises every card job on its one thread);
pages that share it must not `close()` it. Card events and futures settle on the card-I/O
thread: they are queued to one process-wide relay object that lives on the UI thread and is
never deleted, so a bridge deleted meanwhile is never touched from another thread.
"""

from __future__ import annotations

import logging
import queue
import weakref
from collections.abc import Callable
from datetime import date
from typing import Any, Final, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.session.personal_data import ClearPhase, PersonalDataRegistry
from cardreader.events import (
    CardEvent,
    CardInserted,
    CardRemoved,
    ReaderAdded,
    ReaderRemoved,
    ServiceLost,
    ServiceRestored,
)
from cardreader.future import CardFuture
from cardreader.models import BasicInfo, CardFace, ProbeResult
from cardreader.service import CardService
from cardreader.transport import ReaderStatus

log = logging.getLogger(__name__)
T = TypeVar("T")

SERVICE_LOST_MESSAGE: Final = (
    "カードリーダーのサービス（pcscd）に接続できません。端末の管理者に連絡してください。"
)


class _Relay(QObject):
    """Process-wide, on the UI thread, never deleted: other threads queue calls here."""

    ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self.ready.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> None:
        self.calls.put(call)
        self.ready.emit()

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                call = self.calls.get_nowait()
            except queue.Empty:
                return
            try:
                call()
            except Exception:
                log.exception("card callback failed on the UI thread")


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()  # created by the first bridge, on the UI thread
    return _relay


class CardBridge(QObject):
    readers_changed = Signal()
    card_inserted = Signal(str)
    card_removed = Signal(str)
    service_error = Signal(str)
    service_restored = Signal()

    def __init__(
        self,
        service: CardService | None = None,
        *,
        service_factory: Callable[[], CardService] | None = None,
        personal_data: PersonalDataRegistry | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._relay = _the_relay()
        self._service = service
        self._owned = service is None
        self._factory = service_factory or CardService
        self._unsubscribe: Callable[[], None] | None = None
        self._present: dict[str, bool] = {}
        self._epoch = 0
        self._closed = False
        if personal_data is not None:
            personal_data.register(self, ClearPhase.IN_FLIGHT)

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> CardService:
        """The service, started and subscribed to (idempotent)."""
        if self._closed:
            raise RuntimeError("CardBridge closed")
        if self._service is None:
            self._service = self._factory()
        self._service.start()
        if self._unsubscribe is None:
            me = weakref.ref(self)
            relay = self._relay

            def on_event(event: CardEvent) -> None:  # card-I/O thread
                relay.post(lambda: _deliver_event(me, event))

            self._unsubscribe = self._service.subscribe(on_event)
            # Readers polled before the subscription produced no events for us.
            for status in self._service.readers(wait=0):
                self._present[status.name] = status.card_present
        return self._service

    @property
    def started(self) -> bool:
        return self._unsubscribe is not None

    def close(self) -> None:
        self._epoch += 1
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._owned and self._service is not None:
            self._service.stop()
            self._service = None
        self._present.clear()
        self._closed = True

    # -- state ----------------------------------------------------------------------------------

    def readers(self) -> list[ReaderStatus]:
        if self._service is None:
            return []
        return self._service.readers(wait=0)

    def card_present(self) -> bool:
        return any(self._present.values())

    def reader_with_card(self) -> str | None:
        return next((name for name, present in self._present.items() if present), None)

    def problem(self) -> str | None:
        """Why the last poll saw no reader (Japanese), e.g. pcscd not running; None if fine."""
        error = None if self._service is None else self._service.last_poll_error
        return None if error is None else error.message

    def clear_personal_data(self) -> None:
        """Drop every card result still in flight (the session locked): nothing read before
        the lock may fill a view after it."""
        self._epoch += 1

    # -- jobs -----------------------------------------------------------------------------------

    def run(
        self,
        start_job: Callable[[CardService], CardFuture[T]],
        *,
        success: Callable[[T], None],
        failure: Callable[[Exception], None],
        parent: QObject | None = None,
    ) -> None:
        """Start a card job and hand its outcome to `success` or `failure` on the UI thread."""
        epoch, me, relay = self._epoch, weakref.ref(self), self._relay
        parent_ref = None if parent is None else weakref.ref(parent)

        def deliver(result: Any, error: BaseException | None) -> None:  # UI thread
            bridge = me()
            if bridge is None or not shiboken6.isValid(bridge) or bridge._epoch != epoch:
                log.info("card result discarded")
                return
            if parent_ref is not None:
                owner = parent_ref()
                if owner is None or not shiboken6.isValid(owner):
                    return
            if error is None:
                success(result)
            elif isinstance(error, Exception):
                failure(error)
            else:
                raise error

        try:
            future = start_job(self.start())
        except Exception as exc:  # e.g. the service could not start
            failed: Exception = exc
            relay.post(lambda: deliver(None, failed))
            return

        def done(settled: CardFuture[T]) -> None:  # card-I/O or watchdog thread
            error = settled.exception()
            result = None if error is not None else settled.result()
            relay.post(lambda: deliver(result, error))

        future.add_done_callback(done)

    def probe(
        self,
        success: Callable[[ProbeResult], None],
        failure: Callable[[Exception], None],
        parent: QObject | None = None,
    ) -> None:
        self.run(lambda s: s.probe(), success=success, failure=failure, parent=parent)

    def read_basic(
        self,
        pin: bytearray,
        success: Callable[[BasicInfo], None],
        failure: Callable[[Exception], None],
        parent: QObject | None = None,
    ) -> None:
        """Read the number and four items with `pin` (wiped by the card code after VERIFY)."""
        self.run(lambda s: s.read_basic(pin), success=success, failure=failure, parent=parent)

    def read_face(
        self,
        *,
        birth_date: date,
        expiry_year: int,
        security_code: bytearray,
        success: Callable[[CardFace], None],
        failure: Callable[[Exception], None],
        parent: QObject | None = None,
    ) -> None:
        """照合番号B (birth date, expiry year, security code; the code is wiped) → card face."""
        self.run(
            lambda s: s.read_face(
                birth_date=birth_date, expiry_year=expiry_year, security_code=security_code
            ),
            success=success,
            failure=failure,
            parent=parent,
        )

    # -- events (UI thread) -----------------------------------------------------------------

    def _on_event(self, event: CardEvent) -> None:
        if isinstance(event, ReaderAdded):
            self._present.setdefault(event.reader, False)
            self.readers_changed.emit()
        elif isinstance(event, ReaderRemoved):
            self._present.pop(event.reader, None)
            self.readers_changed.emit()
        elif isinstance(event, CardInserted):
            self._present[event.reader] = True
            self.card_inserted.emit(event.reader)
        elif isinstance(event, CardRemoved):
            self._present[event.reader] = False
            self.card_removed.emit(event.reader)
        elif isinstance(event, ServiceLost):
            self._present.clear()
            self.service_error.emit(SERVICE_LOST_MESSAGE)
            self.readers_changed.emit()
        elif isinstance(event, ServiceRestored):
            self.service_restored.emit()


def _deliver_event(ref: weakref.ref[CardBridge], event: CardEvent) -> None:
    bridge = ref()
    if bridge is not None and shiboken6.isValid(bridge) and bridge._unsubscribe is not None:
        bridge._on_event(event)
