"""KeePassXC's InactivityTimer for the terminal: an application-wide event filter restarts a
single-shot timer on every input event; the timeout emits `inactivity_detected`.

Only input counts: keys, mouse buttons and movement, the wheel, touch, and the IME's
composition (with a Japanese IME on, the platform's input context consumes the key presses and
the application sees QInputMethodEvents instead). Paints, timers and windows appearing under a
still mouse (hover and enter events) are not a person at the counter. Events sent by the
program itself (not spontaneous) do not count either, except the IME's, which Qt always
delivers that way.

Each input is also reported as `input_detected(InputKind)`, deliberate (a press) or incidental
(a pointer that moved), for the session state machine to judge.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QInputMethodEvent, QKeyEvent

from app.session.states import InputKind

_T = QEvent.Type
DELIBERATE_EVENTS: Final = frozenset({
    _T.KeyPress, _T.MouseButtonPress, _T.MouseButtonDblClick, _T.Wheel,
    _T.TouchBegin, _T.TabletPress, _T.NativeGesture,
})
INCIDENTAL_EVENTS: Final = frozenset({
    _T.MouseMove, _T.MouseButtonRelease, _T.KeyRelease, _T.TouchUpdate, _T.TouchEnd,
    _T.TabletMove, _T.TabletRelease,
})


def classify(event: QEvent) -> InputKind | None:
    """What an event says about a person at the keyboard, or None if it is not input."""
    kind = event.type()
    if kind == _T.InputMethod:
        assert isinstance(event, QInputMethodEvent)
        if event.commitString() or event.preeditString():
            return InputKind.DELIBERATE
        return None
    if not event.spontaneous():
        return None
    if kind in DELIBERATE_EVENTS:
        if kind == _T.KeyPress and isinstance(event, QKeyEvent) and event.isAutoRepeat():
            return InputKind.INCIDENTAL  # a key held down (or something resting on it)
        return InputKind.DELIBERATE
    if kind in INCIDENTAL_EVENTS:
        return InputKind.INCIDENTAL
    return None


class InactivityTimer(QObject):
    inactivity_detected = Signal()
    input_detected = Signal(object)  # InputKind

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise: a coarse timer may fire up to 5 % early or late, a minute's shield by 3 s.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._active = False

    def set_inactivity_timeout(self, milliseconds: int) -> None:
        self._timer.setInterval(max(0, milliseconds))
        if self._active:
            self._timer.start()

    def inactivity_timeout(self) -> int:
        return self._timer.interval()

    def is_active(self) -> bool:
        return self._active

    def remaining_ms(self) -> int:
        return self._timer.remainingTime()

    def activate(self) -> None:
        if not self._active:
            self._active = True
            self._app.installEventFilter(self)
        self._timer.start()

    def deactivate(self) -> None:
        if self._active:
            self._active = False
            self._app.removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = classify(event)
        if kind is not None:
            self._timer.start()
            self.input_detected.emit(kind)
        return False

    @Slot()
    def _on_timeout(self) -> None:
        self.inactivity_detected.emit()
