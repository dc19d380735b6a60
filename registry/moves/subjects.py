"""What a move planner works with: the persons a move touches (listed or staying), the
households as they will stand, and the warnings for the clerk."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from registry.moves import records
from registry.moves.loader import Current
from registry.moves.plan import NEW_HOUSEHOLD, Plan
from registry.moves.records import State

# What is compared to decide that a listed person's record really changes.
_BOOKKEEPING: Final = frozenset(
    {"change_reason", "change_date", "notified_on", "late_notification", "late_reason"}
)


@dataclass(frozen=True)
class Warning:
    code: str
    message: str
    field: str | None = None


@dataclass
class Subject:
    path: str  # where the person stands in the request, for errors
    ref: str
    current: Current | None
    state: State
    household: str
    resident_code: str | None = None
    individual_number: str | None = None
    returning: bool = False

    @property
    def before(self) -> State | None:
        return records.of_version(self.current.version) if self.current else None

    @property
    def resident_after(self) -> bool:
        return self.state["removed_on"] is None


@dataclass(frozen=True)
class MemberView:
    ref: str
    atena_number: str | None
    name: str
    relationship: str


@dataclass
class HouseholdView:
    key: str
    household_number: str | None
    version: int | None
    before: list[MemberView]
    after: list[MemberView]


@dataclass
class Planned:
    plan: Plan
    subjects: list[Subject]
    households: list[HouseholdView]
    warnings: list[Warning] = field(default_factory=list)


def household_id(key: str) -> int | None:
    return None if key == NEW_HOUSEHOLD else int(key[3:])


def same_record(before: State | None, after: State) -> bool:
    if before is None:
        return False
    return all(before[k] == after[k] for k in after if k not in _BOOKKEEPING)


def member_view(ref: str, atena: str | None, state: State) -> MemberView:
    return MemberView(ref, atena, f"{state['family_name']}\u3000{state['given_name']}", state["relationship"])
