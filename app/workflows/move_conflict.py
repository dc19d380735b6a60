"""What changed in the register between a draft and its commit (409 version_conflict): the
records and households of the draft, as the draft saw them, against how they stand now."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

from app.domain.record_diff import differences
from app.registry_api import Household, MoveReview, ResidentRecord
from app.registry_client import RegistryError
from app.workflows.dates import readable


class ConflictApi(Protocol):
    def resident(self, resident_id: str, *, reveal_number: bool = ...) -> ResidentRecord: ...

    def household(self, household_number: str) -> Household: ...


@dataclass(frozen=True, slots=True)
class ConflictChange:
    who: str  # the person's name, or the household's number
    label: str  # the item (Japanese)
    drafted: str | None  # as it stood when the draft was made
    now: str | None


MEMBERS: Final = "世帯員"
GONE: Final = "（記録が見つかりません）"


def record_changes(who: str, before: Mapping[str, Any], now: Mapping[str, Any],
                   labels: Mapping[str, str]) -> list[ConflictChange]:
    return [ConflictChange(who, d.label, readable(d.before), readable(d.after))
            for d in differences(before, now, labels)]


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
