"""Background operations in Anki's style: run a function on a worker, get the result or the
typed error back on the UI thread.

    runner.operation(lambda: client.search(criteria)) \\
        .success(self.show_results) \\
        .on(SearchTooBroad, self.explain_search_rule) \\
        .failure(self.show_error) \\
        .run_in_background()

The function runs on a worker thread and must never touch a widget or a Qt object living on
the UI thread: take what it needs as plain values beforehand, return plain values. Callbacks
run on the UI thread. An operation still running when the session locks or logs out is
disowned: the runner is a resident-data holder (phase IN_FLIGHT), and a result that arrives
after a lock is dropped, so a late search answer never refills a cleared view.
"""

from __future__ import annotations

import logging
import queue
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)
T = TypeVar("T")
E = TypeVar("E", bound=Exception)


@dataclass
class _Outcome:
    operation: Operation[Any]
    epoch: int
    result: Any = None
    error: Exception | None = None


class Operation(Generic[T]):
    def __init__(self, runner: OperationRunner, fn: Callable[[], T], parent: QObject | None) -> None:
        self._runner = runner
        self._fn = fn
        self._parent = parent
        self._success: Callable[[T], None] | None = None
        self._handlers: list[tuple[type[Exception], Callable[[Any], None]]] = []
        self._failure: Callable[[Exception], None] | None = None
        self._started = False

    def success(self, callback: Callable[[T], None]) -> Operation[T]:
        self._success = callback
        return self

    def on(self, error_type: type[E], callback: Callable[[E], None]) -> Operation[T]:
        """Handle one error type (checked in the order given, before `failure`)."""
        self._handlers.append((error_type, callback))
        return self

    def failure(self, callback: Callable[[Exception], None]) -> Operation[T]:
        self._failure = callback
        return self

    def run_in_background(self) -> None:
        if self._started:
            raise RuntimeError("an operation runs once")
        self._started = True
        self._runner._submit(self)

    def _call(self) -> T:
        return self._fn()

    def _deliver(self, outcome: _Outcome) -> None:
        if outcome.error is None:
            if self._success is not None:
                self._success(outcome.result)
            return
        error = outcome.error
        for error_type, callback in self._handlers:
            if isinstance(error, error_type):
                callback(error)
                return
        if self._failure is not None:
            self._failure(error)
        else:
            log.error("background operation failed: error=%s", error)


class _Dispatcher(QObject):
    """One per process, on the UI thread, never deleted: workers put their outcome in its
    queue and emit on it, and Qt queues the drain to the UI thread. A runner's own QObject
    may be deleted while a worker still runs (its window closed); emitting on a deleted
    object from another thread would crash, emitting on this one cannot."""

    outcome_ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.outcomes: queue.SimpleQueue[tuple[weakref.ref[OperationRunner], _Outcome]] = (
            queue.SimpleQueue()
        )
        self.outcome_ready.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                runner_ref, outcome = self.outcomes.get_nowait()
            except queue.Empty:
                return
            runner = runner_ref()
            if runner is not None and shiboken6.isValid(runner):
                runner._on_outcome(outcome)


_dispatcher: _Dispatcher | None = None


def _the_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()  # created by the first runner, on the UI thread
    return _dispatcher


class OperationRunner(QObject):
    operation_delivered = Signal()  # after a success or failure callback ran
    operation_discarded = Signal()  # a result arrived after a lock, or for a deleted parent

    def __init__(self, max_workers: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="operation")
        self._epoch = 0
        self._pending = 0
        self._dispatcher = _the_dispatcher()

    @property
    def pending(self) -> int:
        return self._pending

    def operation(self, fn: Callable[[], T], *, parent: QObject | None = None) -> Operation[T]:
        """An operation whose callbacks are skipped if `parent` is deleted meanwhile."""
        return Operation(self, fn, parent)

    def clear_personal_data(self) -> None:
        """Disown every operation in flight (their results will be dropped on arrival)."""
        self._epoch += 1

    def shutdown(self) -> None:
        self._epoch += 1
        self._executor.shutdown(wait=False, cancel_futures=True)

    def _submit(self, operation: Operation[Any]) -> None:
        epoch = self._epoch
        self._pending += 1
        dispatcher, me = self._dispatcher, weakref.ref(self)

        # The worker must not hold the operation once the outcome is queued: the operation keeps
        # its parent widget and callbacks alive, and if the last reference went on the worker
        # thread, a widget would be deleted off the UI thread (a crash in Qt).
        holder = [operation]

        def work() -> None:
            op = holder.pop()
            try:
                outcome = _Outcome(op, epoch, result=op._call())
            except Exception as exc:
                outcome = _Outcome(op, epoch, error=exc)
            del op
            dispatcher.outcomes.put((me, outcome))
            del outcome
            dispatcher.outcome_ready.emit()

        self._executor.submit(work)
        del operation

    def _on_outcome(self, outcome: _Outcome) -> None:
        self._pending -= 1
        parent = outcome.operation._parent
        if outcome.epoch != self._epoch or (parent is not None and not shiboken6.isValid(parent)):
            log.info("background result discarded")
            self.operation_discarded.emit()
            return
        try:
            outcome.operation._deliver(outcome)
        finally:
            self.operation_delivered.emit()
