"""How the difference between two states of a resident's record is said to the clerk: the
same on the registry's draft review and on the terminal's conflict screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from app.domain.move_fields import LABELS

# Labels of the record paths the form's item labels do not name.
RECORD_PATH_LABELS: Final[dict[str, str]] = {
    "name.family_name": "氏",
    "name.given_name": "名",
    "name.family_name_kana": "氏（フリガナ）",
    "name.given_name_kana": "名（フリガナ）",
    "name.alias_name": "通称",
    "name.alias_name_kana": "通称（フリガナ）",
    "address.full": "住所",
    "household_number": "世帯番号",
    "is_head": "世帯主",
    "removed_on": "消除日",
    "removal_reason": "消除事由",
    "became_resident_on": "住民となった日",
    "became_resident_notified_on": "住民となった届出日",
    "address_set_on": "住所を定めた日",
    "address_set_notified_on": "住所を定めた届出日",
    "processing_stop": "処理停止",
}
# Parts of an address left to address.full, which says it in one line.
SKIPPED_PATHS: Final = frozenset(
    {"address.postal_code", "address.town_code", "address.town_name", "address.detail",
     "address.building"}
)


@dataclass(frozen=True, slots=True)
class Difference:
    path: str
    label: str
    before: str | None
    after: str | None


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}{key}."))
        return out
    return {prefix[:-1]: value}


def display_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def label_of(path: str, labels: Mapping[str, str] = LABELS) -> str:
    return RECORD_PATH_LABELS.get(path) or labels.get(path.rsplit(".", 1)[-1], path)


def differences(
    before: Mapping[str, Any] | None, after: Mapping[str, Any], labels: Mapping[str, str] = LABELS
) -> list[Difference]:
    """Every item that differs between two record states (nested mappings, e.g. RecordState
    as JSON), in the order of the newer state, then items only the older one has."""
    old, new = flatten(before or {}), flatten(after)
    paths = list(new) + [p for p in old if p not in new]
    return [
        Difference(path, label_of(path, labels), display_text(old.get(path)), display_text(new.get(path)))
        for path in paths
        if path not in SKIPPED_PATHS and old.get(path) != new.get(path)
    ]
