"""Applying a plan: every write of a move in the caller's one transaction.

Each record and household the draft was computed from is checked with a compare-and-set
update (current version as the draft saw it → the new one). If any of them moved on, the
whole transaction is rolled back and the caller answers 409 `version_conflict`.

The writes are Core statements (the ORM's unit of work would cost more than the database
does). New households and persons go out first, in one batch of their own, because every other
write needs their ids; on PostgreSQL their 世帯番号 and 宛名番号, and the id of a new person's
first version, are drawn from the sequences inside those INSERTs. Every other write is queued
in a registry.batch.Batch, which the caller sends with its own last writes: on PostgreSQL one
round trip for all of them, and the new rows of several persons in one statement per table
(registry.batch.Many). Rows are locked in one order (households by id, then persons by
id), so two commits never wait on each other in a cycle.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import (
    Connection,
    Integer,
    String,
    and_,
    bindparam,
    column,
    func,
    insert,
    select,
    update,
)
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
from registry.batch import Batch, Many, Outcome, rows_parameter
from registry.models import (
    Household,
    IndividualNumber,
    NumberAccessLog,
    OutboundNotice,
    Person,
    PersonVersion,
    Town,
    TransferNotice,
)
from registry.models.base import table_of
from registry.moves import records
from registry.moves.plan import NEW_HOUSEHOLD, PersonPlan, Plan
from registry.repositories import counters, numbers
from registry.repositories.actor import Actor

_H = table_of(Household)
_P = table_of(Person)
_V = table_of(PersonVersion)

ADVANCE_HOUSEHOLD: Final = (
    update(_H)
    .where(_H.c.id == bindparam("hid"), _H.c.version == bindparam("expected"))
    .values(version=_H.c.version + 1)
)
HOUSEHOLD_NUMBER: Final = select(_H.c.household_number).where(_H.c.id == bindparam("hid"))
NEW_HOUSEHOLD_ROW: Final = insert(_H).returning(_H.c.id, _H.c.household_number)
# Every new person's row answers its 住民票コード too: on PostgreSQL the rows of several persons
# are written by one statement, which answers them in no promised order.
NEW_PERSON: Final = insert(_P).returning(_P.c.id, _P.c.atena_number, _P.c.resident_code)
VERSION_ID_SEQUENCE: Final = "person_versions_id_seq"  # PostgreSQL's, of the SERIAL id
# On PostgreSQL the numbers come from their sequences inside the INSERT: no round trip of its own.
NEW_HOUSEHOLD_NUMBERED: Final = NEW_HOUSEHOLD_ROW.values(household_number=counters.NEXT_IN_STATEMENT[counters.HOUSEHOLD])
_NEW_CODES: Final = func.json_to_recordset(rows_parameter()).table_valued(
    column("resident_code", String),
).render_derived(with_types=True)
# A new person's row also takes the id of their first version, drawn from its sequence: the
# version is then written with that id, and the person row is not updated right after its
# insert (the key is checked at commit; persons.current_version_id is deferred).
_NEW_ATENA: Final = counters.NEXT_IN_STATEMENT[counters.ATENA]
_FIRST_VERSION_ID: Final = func.nextval(VERSION_ID_SEQUENCE)
_NEW_PERSON_ANSWER: Final = (_P.c.id, _P.c.atena_number, _P.c.resident_code, _P.c.current_version_id)
NEW_PERSON_NUMBERED: Final = Many(
    insert(_P).values(atena_number=_NEW_ATENA, current_version_id=_FIRST_VERSION_ID).returning(*_NEW_PERSON_ANSWER),
    _P,
    insert(_P)
    .from_select(
        ["atena_number", "resident_code", "current_version_id"],
        select(_NEW_ATENA, _NEW_CODES.c.resident_code, _FIRST_VERSION_ID),
        include_defaults=False,
    )
    .returning(*_NEW_PERSON_ANSWER),
)
NEW_VERSIONS: Final = Many(insert(_V), _V)
# The version a commit has just written, by person and number: statements queued in one batch
# cannot pass each other the ids the database assigned.
_NEW_VERSION_ID: Final = (
    select(_V.c.id).where(_V.c.person_id == bindparam("pid"), _V.c.version == bindparam("next")).scalar_subquery()
)
ADVANCE_PERSON: Final = (
    update(_P)
    .where(_P.c.id == bindparam("pid"), _P.c.current_version_id == bindparam("expected"))
    .values(current_version_id=_NEW_VERSION_ID)
)
FIRST_VERSION: Final = (
    update(_P)
    .where(_P.c.id == bindparam("pid"), _P.c.current_version_id.is_(None))
    .values(current_version_id=_NEW_VERSION_ID)
)
NEW_NUMBER: Final = Many(insert(table_of(IndividualNumber)), table_of(IndividualNumber))
NUMBER_LOGGED: Final = Many(insert(table_of(NumberAccessLog)), table_of(NumberAccessLog))
_TN = table_of(TransferNotice)
USE_TRANSFER_NOTICE: Final = (
    update(_TN)
    .where(_TN.c.id == bindparam("notice_id"), _TN.c.used_by_move_id.is_(None))
    .values(used_by_move_id=bindparam("move_id"), used_at=bindparam("used_at"))
)
_N = table_of(OutboundNotice)
_NOTICE_VALUES: Final = ("move_id", "change_reason", "change_date", "operator_id", "terminal_id", "created_at")
_NOTICE_COLUMNS: Final = ("person_id", "version_id", *_NOTICE_VALUES)
_NOTICED: Final = func.json_to_recordset(rows_parameter()).table_valued(
    column("pid", Integer), column("next", Integer),
    *(column(name, _N.c[name].type) for name in _NOTICE_VALUES),
).render_derived(with_types=True)
NEW_NOTICE: Final = Many(
    insert(_N).from_select(
        _NOTICE_COLUMNS,
        select(
            _V.c.person_id, _V.c.id,
            *(bindparam(name, type_=_N.c[name].type) for name in _NOTICE_VALUES),
        ).where(_V.c.person_id == bindparam("pid"), _V.c.version == bindparam("next")),
    ),
    _N,
    insert(_N).from_select(
        _NOTICE_COLUMNS,
        select(_V.c.person_id, _V.c.id, *(_NOTICED.c[name] for name in _NOTICE_VALUES)).join_from(
            _NOTICED, _V, and_(_V.c.person_id == _NOTICED.c.pid, _V.c.version == _NOTICED.c.next),
        ),
        include_defaults=False,
    ),
)
TOWN_NAMES: Final = select(Town.town_code, Town.name)
CODE_TAKEN: Final = select(_P.c.id).where(_P.c.resident_code == bindparam("code"))


class VersionConflict(Exception):
    """A record or household changed after the draft was made; nothing was written."""


@dataclass(frozen=True)
class Applied:
    """A commit's writes queued in the caller's batch, with the answer they will give and the
    row counts that prove no record moved on since the draft."""

    result: MoveResult
    checks: list[tuple[int, int, str]]  # (batch index, rows it must touch, what moved on)

    def verify(self, outcomes: list[Outcome]) -> None:
        for index, expected, ref in self.checks:
            if outcomes[index].rowcount != expected:
                raise VersionConflict(ref)


def apply(
    session: Session, move_id: str, plan: Plan, actor: Actor, scheme: ResidentCodeScheme,
    now: datetime, batch: Batch,
) -> Applied:
    """New households and persons are written at once (their numbers and ids are needed);
    everything else is queued in `batch`, which the caller runs with its own last writes."""
    conn = session.connection()
    checks: list[tuple[int, int, str]] = []
    # New households and persons go out together, ahead of the batch that needs their ids.
    created = Batch(conn)
    take_household = _households(session, conn, plan, batch, checks, created)
    take_persons = _persons(session, conn, plan, scheme, created)
    answers = created.run() if len(created) else []
    household_ids, household_numbers, household_versions = take_household(answers)
    person_ids, atena_of, code_of, version_ids = take_persons(answers)

    towns = _town_names(conn, {p.state["town_code"] for p in plan.persons})

    def version(p: PersonPlan) -> dict[str, Any]:
        return {
            **records.version_row(
                {**p.state, "household_id": household_ids[p.household]}, towns[p.state["town_code"]], p.keys,
            ),
            "person_id": person_ids[p.ref],
            "version": p.next_version,
            "recorded_at": now,
            "operator_id": actor.staff_id,
            "terminal_id": actor.terminal_id,
        }

    # Versions whose id the person row already holds, and the others (ids from the column default).
    given = [{**version(p), "id": version_ids[p.ref]} for p in plan.persons if p.ref in version_ids]
    if given:
        batch.add(NEW_VERSIONS, given)
    drawn = [version(p) for p in plan.persons if p.ref not in version_ids]
    if drawn:
        batch.add(NEW_VERSIONS, drawn)
    # Rows are locked in one order (households by id, then persons by id): two commits never
    # wait on each other in a cycle.
    for p in sorted((p for p in plan.persons if p.expected_version_id is not None), key=lambda p: person_ids[p.ref]):
        index = batch.add(ADVANCE_PERSON, {
            "pid": person_ids[p.ref], "next": p.next_version, "expected": p.expected_version_id,
        })
        checks.append((index, 1, p.ref))
    first = [p for p in plan.persons if p.expected_version_id is None and p.ref not in version_ids]
    if first:
        # Rows inserted by this transaction: no one else can have moved them on.
        batch.add(FIRST_VERSION, [{"pid": person_ids[p.ref], "next": p.next_version} for p in first])
    fresh = [(person_ids[p.ref], p.individual_number) for p in plan.persons
             if p.individual_number and p.person_id is None]
    if fresh:
        batch.add(NEW_NUMBER, [{"person_id": i, "number": n} for i, n in fresh])
        batch.add(NUMBER_LOGGED, [
            {"accessed_at": now, "person_id": i, "action": "assign", "purpose": numbers.purpose_of(actor, "assign"),
             "staff_id": actor.staff_id, "terminal_id": actor.terminal_id}
            for i, _ in fresh
        ])
    for notice_id in plan.transfer_notice_ids:
        index = batch.add(USE_TRANSFER_NOTICE, {"notice_id": notice_id, "move_id": move_id, "used_at": now})
        checks.append((index, 1, "transfer_notice"))
    noticed = [p for p in plan.persons if p.notice]
    if noticed:
        # Each notice is read from its version row (the table keeps no key of its own on it):
        # every one must be written.
        index = batch.add(NEW_NOTICE, [
            {"pid": person_ids[p.ref], "next": p.next_version, "move_id": move_id,
             "change_reason": p.state["change_reason"], "change_date": p.state["change_date"],
             "operator_id": actor.staff_id, "terminal_id": actor.terminal_id, "created_at": now}
            for p in noticed
        ])
        checks.append((index, len(noticed), "notice"))
    result = MoveResult(
        id=move_id,
        kind=plan.kind,
        status="committed",
        committed_at=now,
        persons=[
            CommittedPerson(
                ref=p.ref, id=atena_of[p.ref], resident_code=code_of[p.ref],
                version=p.next_version, change_reason=p.state["change_reason"],
                notice=p.notice,
            )
            for p in plan.persons
        ],
        households=[
            CommittedHousehold(household_number=household_numbers[h.key], version=household_versions[h.key])
            for h in plan.households
        ],
        notices=len(noticed),
        transfer_certificates=[_certificate(c) for c in plan.certificates],
    )
    return Applied(result, checks)


Households = tuple[dict[str, int], dict[str, str], dict[str, int]]
# ids, 宛名番号 and 住民票コード by ref, and the first version's id where the person row took it
Persons = tuple[dict[str, int], dict[str, str], dict[str, str], dict[str, int]]


def _households(
    session: Session, conn: Connection, plan: Plan, batch: Batch, checks: list[tuple[int, int, str]],
    created: Batch,
) -> Callable[[list[Outcome]], Households]:
    """Queues the households' writes; the answer reads, from `created`'s outcomes, the ids and
    numbers of the household, if any, this move makes."""
    ids: dict[str, int] = {}
    numbers: dict[str, str] = {}
    versions: dict[str, int] = {}
    for h in sorted((h for h in plan.households if h.household_id is not None), key=lambda h: h.household_id or 0):
        assert h.household_id is not None and h.expected_version is not None
        index = batch.add(ADVANCE_HOUSEHOLD, {"hid": h.household_id, "expected": h.expected_version})
        checks.append((index, 1, h.key))
        number = h.household_number
        if number is None:  # a draft stored before plans carried the number
            number = conn.execute(HOUSEHOLD_NUMBER, {"hid": h.household_id}).scalar_one()
        ids[h.key], numbers[h.key], versions[h.key] = h.household_id, number, h.expected_version + 1
    made: dict[str, int] = {}
    for h in plan.households:
        if h.key == NEW_HOUSEHOLD:
            row = {"created_on": h.created_on, "version": 1}
            if counters.in_statement(conn):
                made[h.key] = created.add(NEW_HOUSEHOLD_NUMBERED, row)
            else:
                number = f"{counters.take(session, counters.HOUSEHOLD)[0]:010d}"
                made[h.key] = created.add(NEW_HOUSEHOLD_ROW, {**row, "household_number": number})
    # Persons who stay in a household the move does not otherwise touch (a 記載事項変更).
    for p in plan.persons:
        if p.household not in ids and p.household not in made:
            ids[p.household] = int(p.household[3:])

    def answer(outcomes: list[Outcome]) -> Households:
        for key, index in made.items():
            (new_id, number), = outcomes[index].rows
            ids[key], numbers[key], versions[key] = new_id, number, 1
        return ids, numbers, versions

    return answer


def _persons(
    session: Session, conn: Connection, plan: Plan, scheme: ResidentCodeScheme, created: Batch,
) -> Callable[[list[Outcome]], Persons]:
    """Queues the new persons' rows; the answer gives every person's id, 宛名番号 and 住民票コード,
    and on PostgreSQL a new person's first version id."""
    person_ids: dict[str, int] = {}
    atena_of: dict[str, str] = {}
    code_of: dict[str, str] = {}
    version_ids: dict[str, int] = {}
    new = [p for p in plan.persons if p.person_id is None]
    index = None
    if new:
        codes = [p.resident_code or _new_resident_code(conn, scheme) for p in new]
        if counters.in_statement(conn):
            index = created.add(NEW_PERSON_NUMBERED, [{"resident_code": c} for c in codes])
        else:
            atenas = [f"{n:010d}" for n in counters.take(session, counters.ATENA, len(new))]
            index = created.add(NEW_PERSON, [
                {"resident_code": c, "current_version_id": None, "atena_number": a}
                for c, a in zip(codes, atenas, strict=True)
            ])
        for p, code in zip(new, codes, strict=True):
            code_of[p.ref] = code
    for p in plan.persons:
        if p.person_id is not None:
            assert p.atena_number is not None and p.resident_code is not None
            person_ids[p.ref], atena_of[p.ref], code_of[p.ref] = p.person_id, p.atena_number, p.resident_code

    def answer(outcomes: list[Outcome]) -> Persons:
        if index is not None:
            # One row per person, told apart by their 住民票コード.
            written = {code: (new_id, atena, rest) for new_id, atena, code, *rest in outcomes[index].rows}
            if len(written) != len(new):
                raise RuntimeError(f"{len(new)} new persons, {len(outcomes[index].rows)} rows written")
            for p in new:
                new_id, atena, first_version = written[code_of[p.ref]]
                person_ids[p.ref], atena_of[p.ref] = new_id, atena
                if first_version:
                    version_ids[p.ref] = first_version[0]
        return person_ids, atena_of, code_of, version_ids

    return answer


# Towns never change once loaded; their names are read once per process, all at once (a city
# has a few hundred), and again only if a code is missing (`init` loaded towns meanwhile).
_TOWN_NAMES: dict[str, str] = {}


def with_keys(conn: Connection, plan: Plan) -> None:
    """Gives every person of the plan the matching keys of their new state (PersonPlan.keys)."""
    towns = _town_names(conn, {p.state["town_code"] for p in plan.persons})
    for p in plan.persons:
        p.keys = records.keys_of(p.state, towns[p.state["town_code"]])


def _town_names(conn: Connection, codes: set[str]) -> dict[str, str]:
    if not codes <= _TOWN_NAMES.keys():
        _TOWN_NAMES.update(conn.execute(TOWN_NAMES).tuples().all())
    return {code: _TOWN_NAMES[code] for code in codes}


def _new_resident_code(conn: Connection, scheme: ResidentCodeScheme) -> str:
    """A 住民票コード not yet used. The city draws them from the range J-LIS allots it; the
    synthetic register draws at random, which collides about once in ten thousand draws."""
    while True:
        code = resident_codes.make(f"{secrets.randbelow(10**10):010d}", scheme)
        if conn.execute(CODE_TAKEN, {"code": code}).first() is None:
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
