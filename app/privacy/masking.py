"""How an individual number is shown everywhere but on an explicit, logged reveal."""

from __future__ import annotations

from typing import Final

_FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_IGNORED: Final = str.maketrans("", "", " \u3000-‐－ー")
MASKED_UNKNOWN: Final = "****-****-****"


def mask_individual_number(number: str | None) -> str:
    """"123456789012" → "****-****-9012". Anything that is not 12 digits shows no digit at all:
    a malformed value is more likely a different field than a number worth half-showing."""
    if not number:
        return MASKED_UNKNOWN
    digits = number.translate(_FULLWIDTH_DIGITS).translate(_IGNORED)
    if len(digits) != 12 or not (digits.isascii() and digits.isdigit()):
        return MASKED_UNKNOWN
    return f"****-****-{digits[-4:]}"


def format_individual_number(number: str) -> str:
    """The full number in the grouping clerks read aloud: "1234 5678 9012" (reveal only)."""
    digits = number.translate(_FULLWIDTH_DIGITS).translate(_IGNORED)
    if len(digits) != 12 or not (digits.isascii() and digits.isdigit()):
        raise ValueError("not a 12-digit individual number")
    return f"{digits[:4]} {digits[4:8]} {digits[8:]}"
