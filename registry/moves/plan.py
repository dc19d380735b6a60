"""What a commit will write, computed when the draft is made and stored with it: new record
states, the versions they replace, households to create or advance. A commit applies the plan
only if every version it was computed from is still current."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from registry.moves import records
from registry.moves.records import State

NEW_HOUSEHOLD = "new"


def household_key(household_id: int) -> str:
    return f"id:{household_id}"


@dataclass
class PersonPlan:
    ref: str  # 宛名番号 of an existing record, or new-N for a person the commit creates
    person_id: int | None  # None: a new person
    expected_version_id: int | None  # the current version the plan replaces
    next_version: int
    household: str  # household_key(...) or NEW_HOUSEHOLD
    state: State  # household_id is filled in at commit for a new household
    notice: bool  # 本人確認情報 changed: an outbound notice is written
    # 住民票コード: a new person's may be None (the commit assigns one).
    resident_code: str | None = None
    atena_number: str | None = None  # of an existing record
    # For new persons. Stored apart from the plan (Plan.numbers_json) and cleared at commit.
    individual_number: str | None = None
    returning: bool = False  # a former resident's record taken up again
    # records.keys_of(state): computed with the draft, so that the commit, which holds its
    # locks meanwhile, does not fold kana. None in a plan stored before plans carried them.
    keys: dict[str, Any] | None = None


@dataclass
class HouseholdPlan:
    key: str
    household_id: int | None
    expected_version: int | None
    created_on: date | None = None  # for a new household
    household_number: str | None = None  # of an existing household (世帯番号 never changes)


@dataclass
class Plan:
    kind: str
    persons: list[PersonPlan]
    households: list[HouseholdPlan]
    transfer_notice_ids: list[str] = field(default_factory=list)
    certificates: list[dict[str, Any]] = field(default_factory=list)  # 転出証明書 contents

    def to_json(self) -> str:
        """The plan as stored with the draft, without individual numbers (numbers_json)."""
        data = {
            "kind": self.kind,
            "persons": [
                {**vars(p), "state": records.to_json(p.state), "individual_number": None}
                for p in self.persons
            ],
            "households": [
                {**vars(h), "created_on": h.created_on.isoformat() if h.created_on else None}
                for h in self.households
            ],
            "transfer_notice_ids": self.transfer_notice_ids,
            "certificates": self.certificates,
        }
        return json.dumps(data, ensure_ascii=False, default=_iso)

    def numbers_json(self) -> str | None:
        """The individual numbers the commit will record, by person ref; None if there are none.
        Kept in a column of their own so that a commit or discard clears them by setting it to
        NULL, without rewriting the stored request and plan."""
        found = {p.ref: p.individual_number for p in self.persons if p.individual_number}
        return json.dumps(found) if found else None

    @classmethod
    def from_json(cls, text: str, numbers: str | None = None) -> Plan:
        data = json.loads(text)
        by_ref: dict[str, str] = json.loads(numbers) if numbers else {}
        persons = [
            PersonPlan(**{
                **p, "state": records.from_json(p["state"]),
                "individual_number": by_ref.get(p["ref"]),
            })
            for p in data["persons"]
        ]
        households = [
            HouseholdPlan(
                **{**h, "created_on": date.fromisoformat(h["created_on"]) if h["created_on"] else None}
            )
            for h in data["households"]
        ]
        return cls(
            kind=data["kind"],
            persons=persons,
            households=households,
            transfer_notice_ids=data["transfer_notice_ids"],
            certificates=data["certificates"],
        )


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
