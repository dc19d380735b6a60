"""Whether an item of a move form holds anything: its text, or an address's text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def has_value(value: Any) -> bool:
    if isinstance(value, Mapping):
        return bool(str(value.get("text") or "").strip())
    return bool(str(value or "").strip())
