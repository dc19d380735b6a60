"""The handle a caller gets for a card job: a result or a typed error by a deadline, always.

`result()` blocks the calling thread at most until the deadline; `add_done_callback` is for
UIs, which must never block: the callback runs on the card-I/O thread (or the watchdog's, for
a timeout) and should only hand the outcome over to the UI thread.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from cardreader.errors import CardTimeoutError

T = TypeVar("T")
log = logging.getLogger(__name__)


class CardFuture(Generic[T]):
    def __init__(self, deadline: float, what: str) -> None:
        self.deadline = deadline  # time.monotonic()
        self.what = what
        self._cond = threading.Condition()
        self._done = False
        self._result: T | None = None
        self._error: BaseException | None = None
        self._callbacks: list[Callable[[CardFuture[T]], None]] = []

    def done(self) -> bool:
        with self._cond:
            return self._done

    def set_result(self, result: T) -> bool:
        return self._finish(result, None)

    def set_error(self, error: BaseException) -> bool:
        return self._finish(None, error)

    def _finish(self, result: T | None, error: BaseException | None) -> bool:
        """First outcome wins (a result after a timeout is dropped); True if this one won."""
        with self._cond:
            if self._done:
                return False
            self._done = True
            self._result, self._error = result, error
            callbacks, self._callbacks = self._callbacks, []
            self._cond.notify_all()
        for callback in callbacks:
            self._call(callback)
        return True

    def _call(self, callback: Callable[[CardFuture[T]], None]) -> None:
        try:
            callback(self)
        except Exception:  # a broken subscriber must not take the card thread down
            log.exception("card future callback failed")

    def add_done_callback(self, callback: Callable[[CardFuture[T]], None]) -> None:
        with self._cond:
            if not self._done:
                self._callbacks.append(callback)
                return
        self._call(callback)

    def result(self) -> T:
        """The outcome; CardTimeoutError once the deadline passes without one."""
        with self._cond:
            while not self._done:
                remaining = self.deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            done = self._done
        if not done:
            self.set_error(CardTimeoutError(detail=f"{self.what}: no answer by the deadline"))
        with self._cond:
            if self._error is not None:
                raise self._error
            return self._result  # type: ignore[return-value]

    def exception(self) -> BaseException | None:
        try:
            self.result()
        except BaseException as exc:
            return exc
        return None


class Watchdog:
    """One thread that fails futures whose deadline passed, for callers using callbacks."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, CardFuture[object]]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="card-watchdog", daemon=True)
        self._thread.start()

    def watch(self, future: CardFuture[object]) -> None:
        with self._cond:
            earliest = self._heap[0][0] if self._heap else None
            heapq.heappush(self._heap, (future.deadline, next(self._counter), future))
            # Wake the thread only if it now has to wake earlier: most jobs finish long before
            # their deadline, and waking it per job costs the card thread a GIL hand-over.
            if earliest is None or future.deadline < earliest:
                self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify()
        self._thread.join(timeout=2)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping:
                    while self._heap and self._heap[0][2].done():
                        heapq.heappop(self._heap)
                    timeout = None if not self._heap else self._heap[0][0] - time.monotonic()
                    if timeout is not None and timeout <= 0:
                        break
                    self._cond.wait(timeout)
                if self._stopping:
                    return
                _, _, future = heapq.heappop(self._heap)
            future.set_error(CardTimeoutError(detail=f"{future.what}: no answer by the deadline"))
