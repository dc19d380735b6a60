"""The one thread that owns every card I/O: jobs in, futures and events out.

Like Electrum's hardware-wallet thread, because neither the PC/SC handles nor the card's
selection state may be shared between threads. Callers submit a job (a function of a
CardSession) and get a CardFuture that settles by its deadline no matter what the card does;
between jobs the thread polls the readers and publishes ReaderAdded/CardInserted/... events
to subscribers. Nothing here imports Qt: the UI adapts callbacks to signals.

A transmit that never returns (a card that stops answering mid-APDU) cannot be interrupted
from Python; its future still fails at the deadline, the channel refuses further APDUs for
that job, and later jobs fail at their own deadlines until the stuck call returns (in practice
when the card is pulled out).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any, Final, TypeVar

from cardreader.errors import (
    CardCommunicationError,
    CardError,
    CardRemovedError,
    CardTimeoutError,
    NoCardError,
    NoReaderError,
    PcscUnavailableError,
    ReaderGoneError,
)
from cardreader.events import CardEvent, ServiceLost, ServiceRestored, diff
from cardreader.future import CardFuture, Watchdog
from cardreader.models import BasicInfo, CardFace, CertificateInfo, ProbeResult
from cardreader.session import CardSession, PinHandler
from cardreader.transport import ReaderStatus, Transport

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_TIMEOUT_S: Final = 15.0  # a face read over a slow contactless link takes ~2 s
POLL_INTERVAL_S: Final = 0.25
# The reset after a PIN job waits this long for the next job (which does it first anyway), so
# that it does not compete for the CPU with the caller picking up its result. The transaction
# is held until the reset: no other program reaches the unlocked card meanwhile.
CLEANUP_DELAY_S: Final = 0.002
# After these the card's state is unknown: the connection is dropped and made anew next time.
_DROP_SESSION: Final = (CardRemovedError, ReaderGoneError, CardCommunicationError, CardTimeoutError)


@dataclass
class _Job:
    fn: Callable[[CardSession], Any]
    reader: str | None
    future: CardFuture[Any]


_STOP: Final = object()


class CardService:
    def __init__(
        self,
        transport_factory: Callable[[], Transport] | None = None,
        *,
        poll_interval: float = POLL_INTERVAL_S,
        default_timeout: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        self._transport_factory = transport_factory or _pcsc_transport
        self._poll_interval = poll_interval
        self.default_timeout = default_timeout
        # SimpleQueue: put and get in C, without the Python-level condition of queue.Queue.
        self._jobs: queue.SimpleQueue[_Job | object] = queue.SimpleQueue()
        self._subscribers: list[Callable[[CardEvent], None]] = []
        self._sub_lock = threading.Lock()
        self._readers: dict[str, ReaderStatus] = {}
        self._readers_lock = threading.Lock()
        self._service_up: bool | None = None
        self.last_poll_error: CardError | None = None  # why the last poll saw no readers
        self._polled = threading.Event()
        self._thread: threading.Thread | None = None
        self._watchdog: Watchdog | None = None
        # owned by the I/O thread alone
        self._transport: Transport | None = None
        self._sessions: dict[str, CardSession] = {}
        self._last_poll = 0.0
        self._cleanup: CardSession | None = None  # a finished job's transaction still to end

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> CardService:
        if self._thread is None:
            self._watchdog = Watchdog()
            self._thread = threading.Thread(target=self._run, name="card-io", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(_STOP)
            thread.join(timeout)
            if thread.is_alive():
                log.warning("card-io thread still inside a card call; left to finish on its own")
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None

    def __enter__(self) -> CardService:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- events ---------------------------------------------------------------------------------

    def subscribe(
        self, callback: Callable[[CardEvent], None], *, replay: bool = False
    ) -> Callable[[], None]:
        """Call `callback(event)` on the card-I/O thread for each event; returns unsubscribe.

        The callback must return quickly (hand the event to the UI thread, put it in a queue).
        With `replay` it first gets the readers and cards as last polled, as if they had just
        appeared (on the calling thread): a subscriber that comes after the first poll still
        learns of a card already in the reader, and no change falls between that picture and
        the events that follow it.
        """
        with self._sub_lock:
            self._subscribers.append(callback)
            if replay:
                with self._readers_lock:
                    current = dict(self._readers)
                for event in diff({}, current):
                    _deliver(callback, event)

        def unsubscribe() -> None:
            with self._sub_lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def event_queue(self) -> queue.Queue[CardEvent]:
        """The events from now on, starting with the readers and cards already there."""
        events: queue.Queue[CardEvent] = queue.Queue()
        self.subscribe(events.put, replay=True)
        return events

    def readers(self, wait: float = 2.0) -> list[ReaderStatus]:
        """The readers as last polled (waits up to `wait` s for the first poll)."""
        self._polled.wait(wait)
        with self._readers_lock:
            return list(self._readers.values())


    # -- jobs -----------------------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[[CardSession], T],
        *,
        reader: str | None = None,
        timeout: float | None = None,
        what: str = "card job",
    ) -> CardFuture[T]:
        """Run `fn(session)` on the card-I/O thread; `reader=None` takes the reader with a card."""
        if self._thread is None:
            raise RuntimeError("CardService.start() first")
        future: CardFuture[T] = CardFuture(
            time.monotonic() + (timeout or self.default_timeout), what
        )
        assert self._watchdog is not None
        self._watchdog.watch(future)  # type: ignore[arg-type]
        self._jobs.put(_Job(fn, reader, future))
        return future

    def probe(
        self, *, reader: str | None = None, timeout: float | None = None
    ) -> CardFuture[ProbeResult]:
        return self.submit(CardSession.probe, reader=reader, timeout=timeout, what="probe")

    def read_basic(
        self, pin: bytearray, *, reader: str | None = None, timeout: float | None = None
    ) -> CardFuture[BasicInfo]:
        return self.submit(
            lambda s: s.read_basic(pin), reader=reader, timeout=timeout, what="read basic"
        )

    def read_basic_interactive(
        self, handler: PinHandler, *, reader: str | None = None, timeout: float | None = None
    ) -> CardFuture[BasicInfo]:
        return self.submit(
            lambda s: s.read_basic_interactive(handler),
            reader=reader,
            timeout=timeout,
            what="read basic",
        )

    def read_face(
        self,
        *,
        birth_date: date,
        expiry_year: int,
        security_code: bytearray,
        reader: str | None = None,
        timeout: float | None = None,
    ) -> CardFuture[CardFace]:
        return self.submit(
            lambda s: s.read_face(
                birth_date=birth_date, expiry_year=expiry_year, security_code=security_code
            ),
            reader=reader,
            timeout=timeout,
            what="read face",
        )

    def read_auth_certificate(
        self, *, reader: str | None = None, timeout: float | None = None
    ) -> CardFuture[CertificateInfo]:
        return self.submit(
            CardSession.read_auth_certificate, reader=reader, timeout=timeout, what="certificate"
        )

    # -- the I/O thread ---------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                wait = max(0.0, self._poll_interval - (time.monotonic() - self._last_poll))
                if self._cleanup is not None:
                    wait = min(wait, CLEANUP_DELAY_S)
                try:
                    job = self._jobs.get(timeout=wait)
                except queue.Empty:
                    job = None
                self._finish_cleanup()  # before the next job, poll or stop, or once idle
                if job is _STOP:
                    return
                if isinstance(job, _Job):
                    self._run_job(job)
                # A poll waits for a pending cleanup (at most CLEANUP_DELAY_S).
                if self._cleanup is None and time.monotonic() - self._last_poll >= self._poll_interval:
                    self._poll()
        finally:
            for session in self._sessions.values():
                _quietly(partial(session.close, reset=True))
            self._sessions.clear()
            if self._transport is not None:
                _quietly(self._transport.close)

    def _get_transport(self) -> Transport:
        if self._transport is None:
            self._transport = self._transport_factory()
        return self._transport

    def _poll(self) -> None:
        self._last_poll = time.monotonic()
        try:
            statuses = {s.name: s for s in self._get_transport().reader_statuses()}
            up = True
            self.last_poll_error = None
        except PcscUnavailableError as exc:
            statuses, up = {}, False
            self.last_poll_error = exc
        except CardError as exc:
            log.debug("reader poll failed: %s", exc.code)
            self.last_poll_error = exc
            self._polled.set()
            return
        # The new picture and the subscribers it is told to are taken together: a subscriber
        # replaying the readers gets either the old picture and these events, or the new one.
        with self._sub_lock:
            with self._readers_lock:
                before, self._readers = self._readers, statuses
            subscribers = list(self._subscribers)
        events = diff(before, statuses)
        for name in list(self._sessions):
            status = statuses.get(name)
            if status is None or not status.card_present:
                # No reset: the card it was for is gone, and a reset would hit whatever card
                # may have been inserted since.
                gone = self._sessions.pop(name)
                _quietly(partial(gone.close, reset=False))
        if self._service_up is not None and up != self._service_up:
            events.insert(0, ServiceRestored() if up else ServiceLost())
        self._service_up = up
        self._polled.set()
        for event in events:
            for callback in subscribers:
                _deliver(callback, event)

    def _run_job(self, job: _Job) -> None:
        future = job.future
        if future.done():  # timed out while queued behind a slow job
            return
        session: CardSession | None = None
        try:
            session = self._session_for(job.reader)
            session.deadline = future.deadline
            result = job.fn(session)
        except CardError as exc:
            if isinstance(exc, _DROP_SESSION) and session is not None:
                # A card that left is not reset: the reset would reach the next card instead.
                self._drop(session, reset=not isinstance(exc, (CardRemovedError, ReaderGoneError)))
            future.set_error(exc)
            return
        except Exception as exc:  # a bug: still settle the future, and trust nothing after it
            log.exception("card job failed")
            if session is not None:
                self._drop(session)
            future.set_error(exc)
            return
        if not future.set_result(result):
            self._drop(session)  # finished after its deadline: the card state is not trusted
            return
        self._cleanup = session  # after the hand-over: the caller does not wait for the reset

    def _finish_cleanup(self) -> None:
        session, self._cleanup = self._cleanup, None
        if session is None or self._sessions.get(session.reader) is not session:
            return
        try:
            session.finish()
        except CardError as exc:
            log.debug("cleanup after a job: %s", exc.code)
            self._drop(session, reset=not isinstance(exc, (CardRemovedError, ReaderGoneError)))

    def _session_for(self, reader: str | None) -> CardSession:
        transport = self._get_transport()
        if reader is None:
            if len(self._sessions) == 1:
                return next(iter(self._sessions.values()))
            statuses = transport.reader_statuses()
            if not statuses:
                raise NoReaderError()
            with_card = [s.name for s in statuses if s.card_present]
            if not with_card:
                raise NoCardError()
            reader = with_card[0]
        session = self._sessions.get(reader)
        if session is None:
            session = CardSession(transport.connect(reader))
            session.defer_cleanup = True
            self._sessions[reader] = session
        return session

    def _drop(self, session: CardSession, *, reset: bool = True) -> None:
        self._sessions.pop(session.reader, None)
        _quietly(partial(session.close, reset=reset))


def _pcsc_transport() -> Transport:
    from cardreader.pcsc import PcscTransport  # pyscard only when a real stack is used

    return PcscTransport()


def _deliver(callback: Callable[[CardEvent], None], event: CardEvent) -> None:
    try:
        callback(event)
    except Exception:
        log.exception("card event subscriber failed")


def _quietly(fn: Callable[[], object]) -> None:
    try:
        fn()
    except CardError as exc:
        log.debug("ignored while cleaning up: %s", exc.code)
