"""What changed in the register between a draft and its commit (409 version_conflict): the
records and households of the draft, as the draft saw them, against how they stand now."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

from app.registry_api import Household, MoveReview, ResidentRecord
from app.registry_client import RegistryError


class ConflictApi(Protocol):
    def resident(self, resident_id: str, *, reveal_number: bool = ...) -> ResidentRecord: ...

    def household(self, household_number: str) -> Household: ...


@dataclass(frozen=True, slots=True)
class ConflictChange:
    who: str  # the person's name, or the household's number
    label: str  # the item (Japanese)
    drafted: str | None  # as it stood when the draft was made
    now: str | None


# Record paths the API's item labels do not name; the address parts are said by address.full.
RECORD_LABELS: Final[dict[str, str]] = {
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
_SKIP: Final = frozenset({"address.postal_code", "address.town_code", "address.town_name",
                          "address.detail", "address.building"})
MEMBERS: Final = "世帯員"
GONE: Final = "（記録が見つかりません）"


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}{key}."))
        return out
    return {prefix[:-1]: value}


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def label_of(path: str, labels: Mapping[str, str]) -> str:
    return RECORD_LABELS.get(path) or labels.get(path.rsplit(".", 1)[-1], path)


def record_changes(who: str, before: Mapping[str, Any], now: Mapping[str, Any],
                   labels: Mapping[str, str]) -> list[ConflictChange]:
    old, new = flatten(before), flatten(now)
    paths = list(old) + [p for p in new if p not in old]
    return [
        ConflictChange(who, label_of(path, labels), _text(old.get(path)), _text(new.get(path)))
        for path in paths
        if path not in _SKIP and old.get(path) != new.get(path)
    ]


def _household_changes(number: str, before: dict[str | None, tuple[str, str]],
                       now: Household) -> list[ConflictChange]:
    who = f"世帯番号 {number}"
    current = {m.id: (m.person.name.full, m.person.relationship) for m in now.members}
    changes = []
    for member_id, (name, relationship) in before.items():
        if member_id not in current:
            changes.append(ConflictChange(who, MEMBERS, f"{name}（{relationship}）", None))
    for member_id, (name, relationship) in current.items():
        if member_id not in before:
            changes.append(ConflictChange(who, MEMBERS, None, f"{name}（{relationship}）"))
        elif before[member_id][1] != relationship:
            changes.append(ConflictChange(who, f"{name}の続柄", before[member_id][1], relationship))
    return changes


def find_changes(api: ConflictApi, review: MoveReview,
                 labels: Mapping[str, str]) -> tuple[ConflictChange, ...]:
    """Read every record and household of the draft again and list the differences."""
    changes: list[ConflictChange] = []
    for person in review.persons:
        if person.id is None or person.before is None:
            continue
        who = person.before.name.full
        try:
            now = api.resident(person.id)
        except RegistryError as exc:
            if exc.status != 404:
                raise
            changes.append(ConflictChange(who, MEMBERS, who, GONE))
            continue
        changes += record_changes(who, person.before.raw, now.record.raw, labels)
    for household in review.households:
        number = household.household_number
        if number is None:
            continue
        before = {m.id: (m.name, m.relationship) for m in household.members_before}
        try:
            now_household = api.household(number)
        except RegistryError as exc:
            if exc.status != 404:
                raise
            changes.append(ConflictChange(f"世帯番号 {number}", MEMBERS, None, GONE))
            continue
        changes += _household_changes(number, before, now_household)
    return tuple(changes)
