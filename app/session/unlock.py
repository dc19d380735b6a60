"""What the lock screen needs from the registry client, and how it can fail.

The client (`POST /v1/sessions/current/unlock`) implements Reauthenticator and raises these
errors; the lock screen runs it off the UI thread and shows each error's Japanese message.
"""

from __future__ import annotations

from typing import ClassVar, Protocol


class UnlockError(Exception):
    code: ClassVar[str] = "unlock_failed"
    ends_session: ClassVar[bool] = False  # the session cannot continue: log out


class InvalidPassword(UnlockError):
    code = "invalid_credentials"


class AccountLocked(UnlockError):
    code = "account_locked"
    ends_session = True


class SessionEnded(UnlockError):
    """The server no longer knows the session (expired, ended elsewhere)."""

    code = "session_ended"
    ends_session = True


class RegistryUnavailable(UnlockError):
    code = "registry_unavailable"


class Reauthenticator(Protocol):
    def unlock(self, password: str) -> None:
        """Re-authenticate the session's own person; raise an UnlockError on refusal."""
