"""The monotonic clock the session measures idle time with, and a fake one for tests.

Idle time must never jump with the wall clock (NTP, a clerk changing the time zone), so the
session takes a monotonic clock; tests and the benchmark inject a FakeClock and move it by hand.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]
"""Seconds from an arbitrary origin that only moves forward (time.monotonic's contract)."""

monotonic: Clock = time.monotonic


class FakeClock:
    """A clock that stands still until advanced."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self.now += seconds
        return self.now
