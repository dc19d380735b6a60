"""Applying a plan: every write of a move in the caller's one transaction.

Each record and household the draft was computed from is checked with a compare-and-set
update (current version as the draft saw it → the new one). If any of them moved on, the
whole transaction is rolled back and the caller answers 409 `version_conflict`.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.domain import resident_code as resident_codes
from app.domain.resident_code import ResidentCodeScheme
from registry.api.move_schemas import (
    CommittedHousehold,
    CommittedPerson,
    MoveResult,
    TransferCertificate,
)
from registry.api.schemas import Name
from registry.models import (
    Household,
    Move,
    OutboundNotice,
    Person,
    PersonVersion,
    Town,
    TransferNotice,
)
from registry.moves import records
from registry.moves.plan import NEW_HOUSEHOLD, Plan
from registry.repositories import audit, counters, numbers
from registry.repositories.actor import Actor


class VersionConflict(Exception):
    """A record or household changed after the draft was made; nothing was written."""


def apply(
    session: Session, move: Move, plan: Plan, actor: Actor, scheme: ResidentCodeScheme,
    now: datetime,
) -> MoveResult:
    household_ids, household_numbers, household_versions = _households(session, plan)
    new_persons = [p for p in plan.persons if p.person_id is None]
    atenas = iter(counters.take(session, counters.ATENA, len(new_persons))) if new_persons else iter(())
    person_ids: dict[str, int] = {}
    atena_of: dict[str, str] = {}
    code_of: dict[str, str] = {}
    for p in plan.persons:
        if p.person_id is None:
            atena = f"{next(atenas):010d}"
            code = p.resident_code or _new_resident_code(session, scheme)
            person = Person(atena_number=atena, resident_code=code)
            session.add(person)
            session.flush()
            person_ids[p.ref] = person.id
            atena_of[p.ref], code_of[p.ref] = atena, code
        else:
            person_ids[p.ref] = p.person_id
    if any(p.person_id is not None for p in plan.persons):
        known = session.execute(
            select(Person.id, Person.atena_number, Person.resident_code).where(
                Person.id.in_([p.person_id for p in plan.persons if p.person_id is not None])
            )
        ).all()
        by_id = {row[0]: (row[1], row[2]) for row in known}
        for p in plan.persons:
            if p.person_id is not None:
                atena_of[p.ref], code_of[p.ref] = by_id[p.person_id]

    towns = dict(session.execute(
        select(Town.town_code, Town.name).where(
            Town.town_code.in_({p.state["town_code"] for p in plan.persons})
        )
    ).all())
    rows = []
    for p in plan.persons:
        state = dict(p.state)
        state["household_id"] = household_ids[p.household]
        rows.append({
            **records.version_row(state, towns[state["town_code"]]),
            "person_id": person_ids[p.ref],
            "version": p.next_version,
            "recorded_at": now,
            "operator_id": actor.staff_id,
            "terminal_id": actor.terminal_id,
        })
    version_ids = list(session.scalars(
        insert(PersonVersion).returning(PersonVersion.id, sort_by_parameter_order=True), rows
    ))
    for p, version_id in zip(plan.persons, version_ids, strict=True):
        updated = session.execute(
            update(Person)
            .where(Person.id == person_ids[p.ref], Person.current_version_id == p.expected_version_id
                   if p.expected_version_id is not None else Person.current_version_id.is_(None))
            .values(current_version_id=version_id)
            .execution_options(synchronize_session=False)
        ).rowcount
        if updated != 1:
            raise VersionConflict(p.ref)
        if p.individual_number and p.person_id is None:
            numbers.assign(session, person_ids[p.ref], p.individual_number, actor)
    if plan.transfer_notice_ids:
        used = session.execute(
            update(TransferNotice)
            .where(TransferNotice.id.in_(plan.transfer_notice_ids), TransferNotice.used_by_move_id.is_(None))
            .values(used_by_move_id=move.id, used_at=now)
            .execution_options(synchronize_session=False)
        ).rowcount
        if used != len(plan.transfer_notice_ids):
            raise VersionConflict("transfer_notice")
    audit.record(session, actor, "move.commit", "person", [atena_of[p.ref] for p in plan.persons],
                 reference=move.id, detail=plan.kind)
    noticed = [(p, v) for p, v in zip(plan.persons, version_ids, strict=True) if p.notice]
    # Last, so the notice counter's row lock is held only until the commit that follows.
    sequences = counters.take(session, counters.NOTICE, len(noticed)) if noticed else []
    if noticed:
        session.execute(insert(OutboundNotice), [
            {
                "sequence": seq,
                "person_id": person_ids[p.ref],
                "version_id": version_id,
                "move_id": move.id,
                "change_reason": p.state["change_reason"],
                "change_date": p.state["change_date"],
                "operator_id": actor.staff_id,
                "terminal_id": actor.terminal_id,
                "created_at": now,
            }
            for seq, (p, version_id) in zip(sequences, noticed, strict=True)
        ])
    return MoveResult(
        id=move.id,
        kind=plan.kind,
        status="committed",
        committed_at=now,
        persons=[
            CommittedPerson(
                ref=p.ref, id=atena_of[p.ref], resident_code=code_of[p.ref],
                version=p.next_version, change_reason=p.state["change_reason"],
            )
            for p in plan.persons
        ],
        households=[
            CommittedHousehold(household_number=household_numbers[h.key], version=household_versions[h.key])
            for h in plan.households
        ],
        notices=sequences,
        transfer_certificates=[_certificate(c) for c in plan.certificates],
    )


def _households(session: Session, plan: Plan) -> tuple[dict[str, int], dict[str, str], dict[str, int]]:
    ids: dict[str, int] = {}
    numbers_: dict[str, str] = {}
    versions: dict[str, int] = {}
    for h in plan.households:
        if h.key == NEW_HOUSEHOLD:
            number = f"{counters.take(session, counters.HOUSEHOLD)[0]:010d}"
            household = Household(household_number=number, created_on=h.created_on, version=1)
            session.add(household)
            session.flush()
            ids[h.key], numbers_[h.key], versions[h.key] = household.id, number, 1
            continue
        row = session.execute(
            update(Household)
            .where(Household.id == h.household_id, Household.version == h.expected_version)
            .values(version=Household.version + 1)
            .returning(Household.household_number, Household.version)
            .execution_options(synchronize_session=False)
        ).first()
        if row is None:
            raise VersionConflict(h.key)
        assert h.household_id is not None
        ids[h.key], numbers_[h.key], versions[h.key] = h.household_id, row[0], row[1]
    # Persons who stay in a household the move does not otherwise touch (a 記載事項変更).
    for p in plan.persons:
        if p.household not in ids:
            ids[p.household] = int(p.household[3:])
    return ids, numbers_, versions


def _new_resident_code(session: Session, scheme: ResidentCodeScheme) -> str:
    """A 住民票コード not yet used. The city draws them from the range J-LIS allots it; the
    synthetic register draws at random, which collides about once in ten thousand draws."""
    while True:
        code = resident_codes.make(f"{secrets.randbelow(10**10):010d}", scheme)
        if session.scalar(select(Person.id).where(Person.resident_code == code)) is None:
            return code


def _certificate(content: dict[str, Any]) -> TransferCertificate:
    data = dict(content)
    name = Name(
        family_name=data.pop("family_name"),
        given_name=data.pop("given_name"),
        family_name_kana=data.pop("family_name_kana"),
        given_name_kana=data.pop("given_name_kana"),
        alias_name=data.pop("alias_name"),
    )
    return TransferCertificate(name=name, **data)
