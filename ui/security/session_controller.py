"""The session state machine on Qt's event loop: inputs in, transitions out as signals.

One InactivityTimer is armed for the machine's next deadline (shield, lock or logout) and
re-armed after every input and every transition; the application's state (another program got
the focus) and the main window's minimising feed in as well. The signals are emitted inside
the transition, synchronously, so the shield is up before control returns to the event loop.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from app.session.listener import SessionListener
from app.session.machine import SessionStateMachine
from app.session.states import InputKind, LockReason, LogoutReason, SessionState, ShieldReason
from ui.security.inactivity import InactivityTimer


class _Relay(SessionListener):
    def __init__(self, controller: SessionController) -> None:
        self._controller = controller

    def session_shielded(self, reason: ShieldReason) -> None:
        self._controller.session_shielded.emit(reason.value)

    def session_resumed(self) -> None:
        self._controller.session_resumed.emit()

    def session_locked(self, reason: LockReason) -> None:
        self._controller.session_locked.emit(reason.value)

    def session_unlocked(self) -> None:
        self._controller.session_unlocked.emit()

    def unlock_failed(self, attempts: int) -> None:
        self._controller.unlock_failed.emit(attempts)

    def session_logged_out(self, reason: LogoutReason) -> None:
        self._controller.session_logged_out.emit(reason.value)


class SessionController(QObject):
    session_shielded = Signal(str)  # ShieldReason value
    session_resumed = Signal()
    session_locked = Signal(str)  # LockReason value
    session_unlocked = Signal()
    unlock_failed = Signal(int)
    session_logged_out = Signal(str)  # LogoutReason value

    def __init__(
        self, machine: SessionStateMachine, app: QApplication, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.machine = machine
        self._app = app
        self.inactivity = InactivityTimer(app, self)
        self.inactivity.input_detected.connect(self._on_input)
        self.inactivity.inactivity_detected.connect(self._on_deadline)
        app.applicationStateChanged.connect(self._on_application_state)
        self._remove_listener = machine.add_listener(_Relay(self))
        self.inactivity.activate()
        self._arm()

    @property
    def state(self) -> SessionState:
        return self.machine.state

    def stop(self) -> None:
        """Detach from the application (the session object may outlive its controller)."""
        self.inactivity.deactivate()
        try:
            self._app.applicationStateChanged.disconnect(self._on_application_state)
        except (RuntimeError, TypeError):
            pass
        self._remove_listener()

    def _arm(self) -> None:
        remaining = self.machine.seconds_until_next_deadline()
        if remaining is None:
            self.inactivity.deactivate()
            return
        # One millisecond late rather than early: tick() re-arms for any remainder anyway.
        self.inactivity.set_inactivity_timeout(math.ceil(remaining * 1000) + 1)

    @Slot(object)
    def _on_input(self, kind: InputKind) -> None:
        self.machine.user_activity(kind)
        self._arm()

    @Slot()
    def _on_deadline(self) -> None:
        self.machine.tick()
        self._arm()

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.machine.focus_lost()
            self._arm()

    @Slot()
    def window_minimised(self) -> None:
        self.machine.minimised()
        self._arm()

    @Slot()
    def shield_now(self) -> None:
        self.machine.shield_hotkey()
        self._arm()

    @Slot()
    def dismiss_shield(self) -> None:
        self.machine.user_activity(InputKind.DELIBERATE)
        self._arm()

    @Slot()
    def lock_now(self) -> None:
        self.machine.lock(LockReason.MANUAL)
        self._arm()

    @Slot()
    def lock_for_system(self) -> None:
        """The OS session locked or the machine is about to sleep (ui/security/system_lock.py)."""
        self.machine.lock(LockReason.SYSTEM)
        self._arm()

    def unlock_succeeded(self) -> bool:
        unlocked = self.machine.unlock_succeeded()
        self._arm()
        return unlocked

    def unlock_failed_once(self) -> None:
        self.machine.unlock_failed()
        self._arm()

    def logout(self, reason: LogoutReason = LogoutReason.USER) -> None:
        self.machine.logout(reason)
        self._arm()
