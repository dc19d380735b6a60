"""Checks on the shape of a JSON object a program sends: only known keys, required keys set."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.domain.errors import DomainError
from app.domain.move_fields import label


def reject_unknown_keys(body: Any, allowed: Iterable[str], what: str) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise DomainError("invalid_body", f"{what}の形式が正しくありません。")
    known = set(allowed)
    for key in body:
        if key not in known:
            raise DomainError(
                "field_not_allowed", f"{what}に「{str(key)[:40]}」は指定できません。", field=str(key)[:40]
            )
    return body


def require_keys(body: dict[str, Any], required: Iterable[str]) -> None:
    for key in required:
        if body.get(key) is None:
            raise DomainError("missing_field", f"{label(key)}を入力してください。", field=key)
