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
    individual_number: str | None = None  # for new persons, scrubbed after commit
    returning: bool = False  # a former resident's record taken up again


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
        data = {
            "kind": self.kind,
            "persons": [{**vars(p), "state": records.to_json(p.state)} for p in self.persons],
            "households": [
                {**vars(h), "created_on": h.created_on.isoformat() if h.created_on else None}
                for h in self.households
            ],
            "transfer_notice_ids": self.transfer_notice_ids,
            "certificates": self.certificates,
        }
        return json.dumps(data, ensure_ascii=False, default=_iso)

    @classmethod
    def from_json(cls, text: str) -> Plan:
        data = json.loads(text)
        persons = [
            PersonPlan(**{**p, "state": records.from_json(p["state"])}) for p in data["persons"]
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



def scrubbed(plan_json: str) -> str:
    """The stored plan as kept after commit: individual numbers live only in their own table."""
    data = json.loads(plan_json)
    for person in data["persons"]:
        person["individual_number"] = None
    return json.dumps(data, ensure_ascii=False)


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
