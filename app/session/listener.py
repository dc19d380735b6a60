"""What the session tells the rest of the terminal. Every method is optional to override."""

from __future__ import annotations

from app.session.states import LockReason, LogoutReason, ShieldReason


class SessionListener:
    """Receives session transitions on the thread that drives the state machine (the UI's).

    Calls come after the state changed, so a listener may read the machine's state; by the time
    `session_locked` is called every registered resident-data holder has been cleared, which is
    when the UI shows the unlock page (KeePassXC shows it before emitting databaseLocked).
    """

    def session_shielded(self, reason: ShieldReason) -> None:
        """Cover every screen that shows resident data."""

    def session_resumed(self) -> None:
        """The shield was lifted by deliberate input: back to work."""

    def session_locked(self, reason: LockReason) -> None:
        """Resident data has been dropped; show the unlock page."""

    def session_unlocked(self) -> None:
        """The same person re-authenticated: show the work again (empty)."""

    def unlock_failed(self, attempts: int) -> None:
        """A wrong password at the lock screen; `attempts` counts since the lock."""

    def session_logged_out(self, reason: LogoutReason) -> None:
        """Final. Resident data has been dropped; end the session at the server too."""
