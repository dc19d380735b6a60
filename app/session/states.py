"""The session's states, and the reasons and inputs that move it between them."""

from __future__ import annotations

from enum import StrEnum


class SessionState(StrEnum):
    ACTIVE = "active"
    SHIELDED = "shielded"  # screens blanked; any deliberate input returns to work
    LOCKED = "locked"  # resident data dropped; only the same person's password unlocks
    LOGGED_OUT = "logged_out"  # final: a new login makes a new session


class ShieldReason(StrEnum):
    IDLE = "idle"
    FOCUS_LOST = "focus_lost"
    MINIMISED = "minimised"
    HOTKEY = "hotkey"


class LockReason(StrEnum):
    IDLE = "idle"
    MANUAL = "manual"  # the clerk's lock key
    SYSTEM = "system"  # the OS session locked or the machine suspends


class LogoutReason(StrEnum):
    USER = "user"
    IDLE = "idle"  # logout_after_s of idle
    OTHER_USER = "other_user"  # someone else logs in at the lock screen
    SERVER = "server"  # the server ended or refused the session (expired, account locked)


class InputKind(StrEnum):
    """How much an input event says about a person at the keyboard.

    A key or button press is deliberate. A pointer that moves (a nudged mouse, a visitor's
    elbow) is incidental: it keeps an active session alive, but does not lift a shield, and
    while shielded it does not postpone the lock.
    """

    DELIBERATE = "deliberate"
    INCIDENTAL = "incidental"
