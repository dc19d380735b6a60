"""The session state machine: active → shielded → locked → logged out, without Qt.

Driven by the ScreenPolicy from the login, a monotonic clock, and inputs the UI feeds in (user
input, idle ticks, focus lost, minimised, the shield hotkey, unlock results, logout). The UI
arms one timer for `seconds_until_next_deadline()` and calls `tick()` when it fires; every
other input first catches up with deadlines already passed, so a late timer (a suspended
machine, a busy event loop) can never let a keypress resume a session that should be locked.

Idle is measured from the last input while the session was unlocked. Input on the lock screen
does not count: typing a password slowly does not postpone the logout deadline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from app.session.clock import Clock, monotonic
from app.session.listener import SessionListener
from app.session.personal_data import DropReport, PersonalDataRegistry
from app.session.policy import ScreenPolicy
from app.session.states import InputKind, LockReason, LogoutReason, SessionState, ShieldReason

log = logging.getLogger(__name__)


class SessionStateMachine:
    def __init__(
        self,
        policy: ScreenPolicy,
        *,
        clock: Clock = monotonic,
        personal_data: PersonalDataRegistry | None = None,
        listeners: Iterable[SessionListener] = (),
    ) -> None:
        self._policy = policy
        self._clock = clock
        self.personal_data = personal_data if personal_data is not None else PersonalDataRegistry()
        self._listeners: list[SessionListener] = list(listeners)
        self._state = SessionState.ACTIVE
        self._last_input = clock()
        self._shield_reason: ShieldReason | None = None
        self._lock_reason: LockReason | None = None
        self._logout_reason: LogoutReason | None = None
        self._failed_unlocks = 0
        self.last_drop: DropReport | None = None

    # -- reading ------------------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def policy(self) -> ScreenPolicy:
        return self._policy

    @property
    def shield_reason(self) -> ShieldReason | None:
        return self._shield_reason

    @property
    def lock_reason(self) -> LockReason | None:
        return self._lock_reason

    @property
    def logout_reason(self) -> LogoutReason | None:
        return self._logout_reason

    @property
    def failed_unlocks(self) -> int:
        return self._failed_unlocks

    def idle_seconds(self) -> float:
        return max(0.0, self._clock() - self._last_input)

    def next_deadline(self) -> float | None:
        """The clock time of the next idle transition, or None once logged out."""
        after = {
            SessionState.ACTIVE: self._policy.shield_after_s,
            SessionState.SHIELDED: self._policy.lock_after_s,
            SessionState.LOCKED: self._policy.logout_after_s,
        }.get(self._state)
        return None if after is None else self._last_input + after

    def seconds_until_next_deadline(self) -> float | None:
        deadline = self.next_deadline()
        return None if deadline is None else max(0.0, deadline - self._clock())

    # -- listeners ----------------------------------------------------------------------------

    def add_listener(self, listener: SessionListener) -> Callable[[], None]:
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    def _notify(self, method: str, *args: object) -> None:
        # Every listener hears every transition even if one fails: the one that shows the
        # unlock page must not be skipped because a status bar raised.
        for listener in list(self._listeners):
            try:
                getattr(listener, method)(*args)
            except Exception as exc:
                log.error("session listener failed: listener=%s event=%s error=%s",
                          type(listener).__name__, method, type(exc).__name__)

    # -- inputs -------------------------------------------------------------------------------

    def tick(self) -> SessionState:
        """Apply every idle deadline that has passed; returns the state after."""
        idle = self.idle_seconds()
        policy = self._policy
        if self._state is SessionState.ACTIVE and idle >= policy.shield_after_s:
            self._shield(ShieldReason.IDLE)
        if self._state is SessionState.SHIELDED and idle >= policy.lock_after_s:
            self._lock(LockReason.IDLE)
        if self._state is SessionState.LOCKED and idle >= policy.logout_after_s:
            self._logout(LogoutReason.IDLE)
        return self._state

    def user_activity(self, kind: InputKind = InputKind.DELIBERATE) -> None:
        self.tick()
        if self._state is SessionState.ACTIVE:
            self._last_input = self._clock()
        elif self._state is SessionState.SHIELDED and kind is InputKind.DELIBERATE:
            self._last_input = self._clock()
            self._state = SessionState.ACTIVE
            self._shield_reason = None
            log.info("session resumed")
            self._notify("session_resumed")

    def focus_lost(self) -> None:
        self.shield(ShieldReason.FOCUS_LOST)

    def minimised(self) -> None:
        self.shield(ShieldReason.MINIMISED)

    def shield_hotkey(self) -> None:
        self.shield(ShieldReason.HOTKEY)

    def shield(self, reason: ShieldReason) -> None:
        self.tick()
        if self._state is SessionState.ACTIVE:
            self._shield(reason)

    def lock(self, reason: LockReason = LockReason.MANUAL) -> None:
        self.tick()
        if self._state in (SessionState.ACTIVE, SessionState.SHIELDED):
            self._lock(reason)

    def unlock_succeeded(self) -> bool:
        """The server accepted the same person's password. False if it came too late."""
        self.tick()
        if self._state is not SessionState.LOCKED:
            return False
        self._state = SessionState.ACTIVE
        self._lock_reason = None
        self._failed_unlocks = 0
        self._last_input = self._clock()
        log.info("session unlocked")
        self._notify("session_unlocked")
        return True

    def unlock_failed(self) -> None:
        self.tick()
        if self._state is SessionState.LOCKED:
            self._failed_unlocks += 1
            log.info("unlock refused: attempts=%d", self._failed_unlocks)
            self._notify("unlock_failed", self._failed_unlocks)

    def logout(self, reason: LogoutReason = LogoutReason.USER) -> None:
        if self._state is not SessionState.LOGGED_OUT:
            self._logout(reason)

    def switch_user(self) -> None:
        """Someone else logs in at the lock screen: the first session ends."""
        self.logout(LogoutReason.OTHER_USER)

    def replace_policy(self, policy: ScreenPolicy) -> None:
        """A newer policy from the server (e.g. on unlock); deadlines follow it from now."""
        self._policy = policy
        self.tick()

    # -- transitions --------------------------------------------------------------------------

    def _shield(self, reason: ShieldReason) -> None:
        self._state = SessionState.SHIELDED
        self._shield_reason = reason
        self.personal_data.conceal_all()
        log.info("session shielded: reason=%s", reason.value)
        self._notify("session_shielded", reason)

    def _lock(self, reason: LockReason) -> None:
        # The state changes first, so that anything a holder triggers while it clears (a
        # dialog closing moves the focus) finds the session locked and does nothing.
        self._state = SessionState.LOCKED
        self._shield_reason = None
        self._lock_reason = reason
        self._failed_unlocks = 0
        self.last_drop = self.personal_data.drop_all()
        log.info("session locked: reason=%s cleared=%d failed=%d",
                 reason.value, self.last_drop.cleared, len(self.last_drop.failed))
        self._notify("session_locked", reason)

    def _logout(self, reason: LogoutReason) -> None:
        self._state = SessionState.LOGGED_OUT
        self._shield_reason = None
        self._logout_reason = reason
        # Again even after a lock: dropping is cheap and idempotent, and the logout is final.
        self.last_drop = self.personal_data.drop_all()
        log.info("session logged out: reason=%s", reason.value)
        self._notify("session_logged_out", reason)
