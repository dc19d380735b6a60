"""Free text as a paper form can carry it: no control, format or unassigned characters."""

from __future__ import annotations

import unicodedata

from app.domain.errors import DomainError

_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def clean_text(value: object, field: str, label: str, max_length: int) -> str | None:
    """The value stripped, None when blank; DomainError when it is not text, too long or holds
    characters no form can carry (control, format, private-use, unassigned)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise DomainError("invalid_type", f"{label}は文字で入力してください。", field=field)
    if len(value) > max_length:
        raise DomainError(
            "value_too_long", f"{label}は{max_length}文字以内で入力してください。", field=field
        )
    if any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in value):
        raise DomainError(
            "invalid_characters", f"{label}に使用できない文字が含まれています。", field=field
        )
    stripped = value.strip()
    return stripped or None


def is_ascii_digits(value: object, length: int) -> bool:
    """Exactly `length` characters 0-9: str.isdigit alone also accepts ² and full-width １."""
    return isinstance(value, str) and len(value) == length and value.isascii() and value.isdigit()
