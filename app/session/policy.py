"""The screen policy the registry hands out at login: when to shield, lock and log out."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

# Bounds against a misconfigured server rather than rules of their own: a shield after a day
# would be no shield at all, and one after a fraction of a second would make the terminal
# unusable. The constructor only needs positive values (the benchmark uses fractions).
MIN_SERVER_SECONDS: Final = 1.0
MAX_SECONDS: Final = 24 * 3600.0


class PolicyError(ValueError):
    """The policy from the server cannot be used; the terminal must refuse the session."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True, slots=True)
class ScreenPolicy:
    shield_after_s: float
    lock_after_s: float
    logout_after_s: float

    def __post_init__(self) -> None:
        for field in ("shield_after_s", "lock_after_s", "logout_after_s"):
            value = getattr(self, field)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise PolicyError(field, "must be a number of seconds")
            if not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
                raise PolicyError(field, f"must be more than 0 and at most {MAX_SECONDS:g} s")
        # Equal values are allowed: lock_after_s == shield_after_s locks without a shield first.
        if self.lock_after_s < self.shield_after_s:
            raise PolicyError("lock_after_s", "must not come before shield_after_s")
        if self.logout_after_s < self.lock_after_s:
            raise PolicyError("logout_after_s", "must not come before lock_after_s")

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> ScreenPolicy:
        """The `policy` object of the login response."""
        missing = [k for k in ("shield_after_s", "lock_after_s", "logout_after_s") if k not in data]
        if missing:
            raise PolicyError(missing[0], "missing from the server's policy")
        return cls(
            shield_after_s=_seconds(data, "shield_after_s"),
            lock_after_s=_seconds(data, "lock_after_s"),
            logout_after_s=_seconds(data, "logout_after_s"),
        )


def _seconds(data: Mapping[str, object], field: str) -> float:
    value = data[field]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PolicyError(field, "must be a number of seconds")
    if value < MIN_SERVER_SECONDS:
        raise PolicyError(field, f"must be at least {MIN_SERVER_SECONDS:g} s")
    return float(value)


# What the terminal uses before a server has said otherwise (the examples).
DEFAULT_POLICY: Final = ScreenPolicy(shield_after_s=60, lock_after_s=300, logout_after_s=1800)
