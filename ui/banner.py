"""The registry banner: says in the main window when the registry is slow or unreachable, and
reconnects on its own.

    RegistryStatus   hears every call of the registry client (from worker threads, through a
                     relay into the UI thread) and decides: ok → slow (a call has been running
                     for a while, or is retrying) → unreachable (a call gave up). While
                     unreachable it probes the registry with backoff (a health call with no
                     retries, on its own worker) until one answers; then it is ok again and
                     says `registry_reachable`, which is when a workflow re-sends its
                     PendingWrite (same Idempotency-Key: done at most once by the registry).
    RegistryBanner   the strip above the pages: what is wrong, that typed input is kept, when
                     the next try is, and a "reconnect now" button (Ctrl+R).

Nothing here touches what the clerk typed: pages keep their fields while the registry is away
(the application's memory is where they live until sent).
"""

from __future__ import annotations

import logging
import queue
import weakref
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Final

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.i18n import translate
from ui.operations import OperationRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.registry_client import RegistryClient

log = logging.getLogger(__name__)

SLOW_AFTER_MS: Final = 3_000
PROBE_FIRST_MS: Final = 2_000
PROBE_MAX_MS: Final = 30_000
RECONNECT_KEY: Final = QKeySequence("Ctrl+R")


class RegistryState(StrEnum):
    OK = "ok"
    SLOW = "slow"
    UNREACHABLE = "unreachable"


class _Hub(QObject):
    """One per process, on the UI thread, never deleted (as ui/operations.py's dispatcher):
    workers queue what the client reported and emit on it; the drain runs on the UI thread.
    Emitting from a worker on a RegistryStatus that the UI thread may be deleting could crash;
    emitting on this one cannot."""

    reported = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.events: queue.SimpleQueue[tuple[weakref.ref[RegistryStatus], str, tuple[Any, ...]]] = (
            queue.SimpleQueue()
        )
        self.reported.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _drain(self) -> None:
        while True:
            try:
                status_ref, method, args = self.events.get_nowait()
            except queue.Empty:
                return
            status = status_ref()
            if status is not None and shiboken6.isValid(status):
                getattr(status, method)(*args)


_hub: _Hub | None = None


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:
        _hub = _Hub()  # made by the first RegistryStatus, on the UI thread
    return _hub


class _Relay:
    """The client's ConnectivityListener: called on worker threads, hands over to the UI."""

    def __init__(self, status: RegistryStatus) -> None:
        self._status = weakref.ref(status)
        self._hub = _the_hub()

    def _post(self, method: str, *args: Any) -> None:
        self._hub.events.put((self._status, method, args))
        self._hub.reported.emit()

    def registry_call_started(self) -> None:
        self._post("_on_started")

    def registry_call_retrying(self, attempt: int, delay_s: float) -> None:
        self._post("_on_retrying", attempt, delay_s)

    def registry_call_finished(self, reached: bool) -> None:
        self._post("_on_finished", reached)


class RegistryStatus(QObject):
    state_changed = Signal(str)  # RegistryState value
    registry_slow = Signal()
    registry_unreachable = Signal()
    registry_reachable = Signal()  # back after being unreachable
    probe_scheduled = Signal(int)  # milliseconds until the next automatic try

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        slow_after_ms: int = SLOW_AFTER_MS,
        probe_first_ms: int = PROBE_FIRST_MS,
        probe_max_ms: int = PROBE_MAX_MS,
    ) -> None:
        super().__init__(parent)
        self.state = RegistryState.OK
        self._client: RegistryClient | None = None
        self._detach: Callable[[], None] | None = None
        self._relay = _Relay(self)
        self._in_flight = 0
        self._slow_timer = QTimer(self)
        self._slow_timer.setSingleShot(True)
        self._slow_timer.setInterval(slow_after_ms)
        self._slow_timer.timeout.connect(self._call_is_slow)
        self._probe_first_ms, self._probe_max_ms = probe_first_ms, probe_max_ms
        self._probe_delay_ms = probe_first_ms
        self._probe_timer = QTimer(self)
        self._probe_timer.setSingleShot(True)
        self._probe_timer.timeout.connect(self.reconnect_now)
        self._probing = False
        # Probes carry no resident data, so they get a runner of their own that a lock does
        # not disown (the session's runner drops results that arrive after a lock).
        self._probes = OperationRunner(max_workers=1, parent=self)
        self.probes_sent = 0

    def configure_timing(self, *, slow_after_ms: int, probe_first_ms: int, probe_max_ms: int) -> None:
        """Other thresholds than the defaults (tests, a site with a slow WAN link)."""
        self._slow_timer.setInterval(slow_after_ms)
        self._probe_first_ms = self._probe_delay_ms = probe_first_ms
        self._probe_max_ms = probe_max_ms

    # -- wiring -------------------------------------------------------------------------------

    def attach(self, client: RegistryClient) -> None:
        if self._client is client:
            return
        self.detach()
        self._client = client
        self._detach = client.add_listener(self._relay)

    def detach(self) -> None:
        if self._detach is not None:
            self._detach()
        self._detach, self._client = None, None
        self._probe_timer.stop()

    def shutdown(self) -> None:
        self.detach()
        self._probes.shutdown()

    def seconds_until_retry(self) -> int:
        remaining = self._probe_timer.remainingTime()
        return max(0, round(remaining / 1000)) if remaining >= 0 else 0

    # -- what the client reports ------------------------------------------------------------------

    @Slot()
    def _on_started(self) -> None:
        self._in_flight += 1
        if self._in_flight == 1 and self.state is RegistryState.OK:
            self._slow_timer.start()

    @Slot(int, float)
    def _on_retrying(self, attempt: int, delay_s: float) -> None:
        if self.state is RegistryState.OK:
            self._set(RegistryState.SLOW)

    @Slot(bool)
    def _on_finished(self, reached: bool) -> None:
        self._in_flight = max(0, self._in_flight - 1)
        if self._in_flight == 0:
            self._slow_timer.stop()
        elif self.state is RegistryState.OK:
            # Slow means: calls are waiting and no answer came for a while, not merely that
            # calls overlapped for longer than the threshold.
            self._slow_timer.start()
        if reached:
            self._probe_timer.stop()
            self._probe_delay_ms = self._probe_first_ms
            if self.state is not RegistryState.OK:
                was_unreachable = self.state is RegistryState.UNREACHABLE
                self._set(RegistryState.OK)
                if was_unreachable:
                    self.registry_reachable.emit()
        else:
            self._set(RegistryState.UNREACHABLE)
            if not self._probing and not self._probe_timer.isActive():
                self._schedule_probe()

    @Slot()
    def _call_is_slow(self) -> None:
        if self._in_flight > 0 and self.state is RegistryState.OK:
            self._set(RegistryState.SLOW)

    # -- reconnecting -------------------------------------------------------------------------------

    def _schedule_probe(self) -> None:
        delay = self._probe_delay_ms
        self._probe_delay_ms = min(self._probe_max_ms, self._probe_delay_ms * 2)
        self._probe_timer.start(delay)
        self.probe_scheduled.emit(delay)

    @Slot()
    def reconnect_now(self) -> None:
        """One health call off the UI thread; its outcome reaches `_on_finished` through the
        relay like any call's. (Also the banner's button: the clerk need not wait.)"""
        client = self._client
        if client is None or self._probing:
            return
        self._probe_timer.stop()
        self._probing = True
        self.probes_sent += 1
        self._probes.operation(client.probe, parent=self) \
            .success(self._probe_done).failure(lambda _error: self._probe_done(False)) \
            .run_in_background()

    def _probe_done(self, answered: bool) -> None:
        self._probing = False
        if self.state is RegistryState.UNREACHABLE and not self._probe_timer.isActive():
            self._schedule_probe()

    def _set(self, state: RegistryState) -> None:
        if state is self.state:
            return
        self.state = state
        log.info("registry state: %s", state.value)
        self.state_changed.emit(state.value)
        if state is RegistryState.SLOW:
            self.registry_slow.emit()
        elif state is RegistryState.UNREACHABLE:
            self.registry_unreachable.emit()


class RegistryBanner(QFrame):
    """The strip above the pages; hidden while the registry answers normally."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registry_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel(self)
        self.message.setObjectName("registry_banner_message")
        self.message.setWordWrap(True)
        self.reconnect_button = QPushButton(self)
        self.reconnect_button.setObjectName("registry_banner_reconnect")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reconnect_button, 0, Qt.AlignmentFlag.AlignRight)
        self._status: RegistryStatus | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._refresh)
        self._retranslate_button()
        self.hide()

    def _retranslate_button(self) -> None:
        self.reconnect_button.setText(translate("RegistryBanner", "今すぐ再接続 (Ctrl+R)"))
        # A button's setText replaces its shortcut with the text's mnemonic: set the key again.
        self.reconnect_button.setShortcut(RECONNECT_KEY)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # The banner may be up (a login waiting on the registry) while the language changes.
            self._retranslate_button()
            if self._status is not None:
                self._refresh()
        super().changeEvent(event)

    def follow(self, status: RegistryStatus) -> None:
        self._status = status
        status.state_changed.connect(self._refresh)
        status.probe_scheduled.connect(self._refresh)
        self.reconnect_button.clicked.connect(status.reconnect_now)
        # The status may go before the window does (the shell deleted first): stop counting.
        status.destroyed.connect(self._unfollow)
        self._refresh()

    @Slot()
    def _unfollow(self) -> None:
        self._status = None
        self._refresh()

    @Slot()
    def _refresh(self, *_: object) -> None:
        state = self._status.state if self._status is not None else RegistryState.OK
        if state is RegistryState.OK:
            self._countdown.stop()
            self.hide()
            return
        if state is RegistryState.SLOW:
            text = translate("RegistryBanner", "住基システムの応答が遅れています。そのままお待ちください。入力した内容は保持されています。")
            self.setStyleSheet("#registry_banner { background: #fff4ce; }")
            self.reconnect_button.hide()
            self._countdown.stop()
        else:
            assert self._status is not None
            text = translate(
                "RegistryBanner",
                "住基システムに接続できません。自動的に再接続します（あと %1 秒）。入力した内容は保持されています。",
            ).replace("%1", str(self._status.seconds_until_retry()))
            self.setStyleSheet("#registry_banner { background: #fde7e9; }")
            self.reconnect_button.show()
            if not self._countdown.isActive():
                self._countdown.start()
        self.message.setText(text)
        self.setAccessibleDescription(text)
        self.show()
