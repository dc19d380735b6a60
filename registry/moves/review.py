"""The draft answer: before and after of every record and household a move touches, the
field-by-field differences, and the warnings; what the clerk compares with the paper form
(seed l.890)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.record_diff import differences
from registry.api.move_schemas import (
    FieldChange,
    HouseholdAction,
    HouseholdChange,
    MemberDoc,
    MoveReview,
    MoveWarning,
    PersonAction,
    PersonChange,
)
from registry.api.schemas import RecordState, state_of
from registry.config import Municipality
from registry.moves import records
from registry.moves.loader import RegisterReader
from registry.moves.plan import NEW_HOUSEHOLD, PersonPlan
from registry.moves.request import MoveRequest
from registry.moves.subjects import HouseholdView, Planned, Subject


def build(
    move_id: str,
    req: MoveRequest,
    planned: Planned,
    read: RegisterReader,
    municipality: Municipality,
    created_at: datetime,
    expires_at: datetime,
) -> MoveReview:
    numbers = {
        h.key: h.household_number for h in planned.households
    }

    def household_number_of(state: dict[str, Any], key: str | None = None) -> str | None:
        if key == NEW_HOUSEHOLD:
            return None
        return numbers.get(f"id:{state['household_id']}") or read.household(
            state["household_id"]
        ).household_number

    persons = []
    for subject, plan in zip(planned.subjects, planned.plan.persons, strict=True):
        persons.append(_person(subject, plan, read, municipality, household_number_of))
    return MoveReview(
        id=move_id,
        kind=req.kind.code,
        change_reason=req.kind.reason,
        status="draft",
        created_at=created_at,
        expires_at=expires_at,
        move_date=req.move_date,
        notified_on=req.notified_on,
        late_notification=bool(planned.plan.persons and planned.plan.persons[0].state["late_notification"]),
        persons=persons,
        households=[_household(h) for h in planned.households],
        warnings=[MoveWarning(code=w.code, message=w.message, field=w.field) for w in planned.warnings],
    )


def _state_view(
    state: dict[str, Any], key: str | None, read: RegisterReader, m: Municipality,
    household_number_of: Any,
) -> RecordState:
    town = read.town(state["town_code"])
    assert town is not None
    return state_of(records.transient_version(state), town, household_number_of(state, key), m)


def _person(
    s: Subject, plan: PersonPlan, read: RegisterReader, m: Municipality, household_number_of: Any
) -> PersonChange:
    before_state = s.before
    before = (
        _state_view(before_state, None, read, m, household_number_of) if before_state else None
    )
    after = _state_view(s.state, s.household, read, m, household_number_of)
    action: PersonAction
    if before_state is None or s.returning:
        action = "create"
    elif s.state["removed_on"] is not None and before_state["removed_on"] is None:
        action = "remove"
    else:
        action = "update"
    return PersonChange(
        ref=s.ref,
        id=s.current.person.atena_number if s.current else None,
        action=action,
        change_reason=s.state["change_reason"],
        version=plan.next_version,
        before=before,
        after=after,
        changes=_diff(before, after),
        notice=plan.notice,
    )


def _diff(before: RecordState | None, after: RecordState) -> list[FieldChange]:
    return [
        FieldChange(field=d.path, label=d.label, before=d.before, after=d.after)
        for d in differences(before.model_dump(mode="json") if before else None, after.model_dump(mode="json"))
    ]


def _household(h: HouseholdView) -> HouseholdChange:
    action: HouseholdAction
    if h.key == NEW_HOUSEHOLD:
        action = "create"
    elif not h.after:
        action = "dissolve"
    else:
        action = "update"
    return HouseholdChange(
        household_number=h.household_number,
        action=action,
        version=h.version,
        members_before=[MemberDoc(ref=m.ref, id=m.atena_number, name=m.name, relationship=m.relationship) for m in h.before],
        members_after=[MemberDoc(ref=m.ref, id=m.atena_number, name=m.name, relationship=m.relationship) for m in h.after],
    )
