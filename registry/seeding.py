"""Loads reference towns and the synthetic city into the register, in bulk.

Rows go in through executemany batches inside one transaction per batch of households, with the
ids assigned here, so 300,000 residents load into SQLite in well under two minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from registry.models import Household, Person, PersonVersion, Town
from registry.repositories import numbers
from registry.repositories.actor import Actor
from registry.repositories.keys import address_column, name_columns
from registry.synth.records import HouseholdRecord, PersonRecord, TownRecord, VersionRecord

log = logging.getLogger(__name__)

BATCH_PERSONS = 20_000
LATE_AFTER = timedelta(days=14)  # 住基法: notices are due within 14 days
VERSION_FIELDS = tuple(f.name for f in fields(VersionRecord))
SEED_ACTOR = Actor(staff_id="seed", terminal_id=None, purpose="合成住民データの投入")


class RegisterNotEmpty(RuntimeError):
    pass


def load_towns(factory: sessionmaker[Session], towns: Iterable[TownRecord]) -> int:
    """Insert the towns that are not there yet; returns how many were added."""
    with factory.begin() as session:
        known = set(session.scalars(select(Town.town_code)))
        rows = [
            {
                "town_code": t.town_code,
                "name": t.name,
                "kana": t.kana,
                "base_name": t.base_name,
                "postal_code": t.postal_code,
            }
            for t in towns
            if t.town_code not in known
        ]
        if rows:
            session.execute(insert(Town), rows)
    return len(rows)


def _version_row(
    rec: VersionRecord,
    *,
    row_id: int,
    person_id: int,
    version: int,
    household_ids: dict[str, int],
    town_names: dict[str, str],
    recorded_at: datetime,
) -> dict[str, Any]:
    # A shallow copy: dataclasses.asdict deep-copies every value and dominated the load time.
    row = {name: getattr(rec, name) for name in VERSION_FIELDS}
    household_number = row.pop("household_number")
    late = rec.notified_on is not None and rec.notified_on - rec.change_date > LATE_AFTER
    row.update(
        id=row_id,
        person_id=person_id,
        version=version,
        recorded_at=recorded_at,
        operator_id=SEED_ACTOR.staff_id,
        terminal_id=None,
        household_id=household_ids[household_number],
        is_head=rec.relationship == "世帯主",
        late_notification=late,
        late_reason="届出期間経過（合成データ）" if late else None,
        address_key=address_column(town_names[rec.town_code], rec.address_detail),
        **name_columns(
            rec.family_name, rec.given_name, rec.family_name_kana, rec.given_name_kana,
            rec.alias_name, rec.alias_name_kana,
        ),
    )
    return row


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """One executemany of `rows` into `table`.

    On SQLite the statement goes to the DB-API cursor directly, with the column types' own bind
    processors applied once per value: SQLAlchemy's per-row parameter handling cost more than
    the inserts themselves. Other databases get a Core executemany.
    """
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    processors = [
        table.c[name].type._cached_bind_processor(connection.dialect)  # noqa: SLF001
        for name in columns
    ]
    converters = [(i, p) for i, p in enumerate(processors) if p is not None]
    values = []
    for row in rows:
        record = [row[name] for name in columns]
        for i, process in converters:
            record[i] = process(record[i])
        values.append(tuple(record))
    placeholders = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({placeholders})"
    connection.exec_driver_sql(sql, values)


class _Batch:
    def __init__(self) -> None:
        self.households: list[dict[str, Any]] = []
        self.persons: list[dict[str, Any]] = []
        self.versions: list[dict[str, Any]] = []
        self.numbers: list[dict[str, Any]] = []

    def flush(self, factory: sessionmaker[Session]) -> None:
        if not self.persons and not self.households:
            return
        with factory.begin() as session:
            connection = session.connection()
            for model, rows in (
                (Household, self.households),
                (Person, self.persons),
                (PersonVersion, self.versions),
            ):
                bulk_insert(connection, model.__table__, rows)
            numbers.bulk_assign(session, self.numbers, SEED_ACTOR)
        for rows in (self.households, self.persons, self.versions, self.numbers):
            rows.clear()


def load_city(
    factory: sessionmaker[Session],
    city: Iterable[tuple[HouseholdRecord, list[PersonRecord]]],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Load generated households and persons into an empty register; returns persons loaded."""
    with factory() as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise RegisterNotEmpty("the register already holds residents")
        town_names = {code: name for code, name in session.execute(select(Town.town_code, Town.name))}
        next_household = (session.scalar(select(func.max(Household.id))) or 0) + 1
        next_version = (session.scalar(select(func.max(PersonVersion.id))) or 0) + 1
    recorded_at = datetime.now(timezone.utc)
    household_ids: dict[str, int] = {}
    batch = _Batch()

    def add_household(number: str, created_on: date) -> None:
        nonlocal next_household
        if number in household_ids:
            return
        household_ids[number] = next_household
        batch.households.append(
            {"id": next_household, "household_number": number, "created_on": created_on}
        )
        next_household += 1

    person_id = 0
    for household, members in city:
        add_household(household.household_number, household.created_on)
        for person in members:
            # An earlier version may name a household that the stream has not reached yet.
            for rec in person.versions:
                add_household(rec.household_number, rec.change_date)
            person_id += 1
            first_version = next_version
            for number, rec in enumerate(person.versions, start=1):
                batch.versions.append(
                    _version_row(
                        rec, row_id=next_version, person_id=person_id, version=number,
                        household_ids=household_ids, town_names=town_names,
                        recorded_at=recorded_at,
                    )
                )
                next_version += 1
            batch.persons.append(
                {"id": person_id, "atena_number": person.atena_number,
                 "resident_code": person.resident_code,
                 "current_version_id": first_version + len(person.versions) - 1}
            )
            batch.numbers.append({"person_id": person_id, "number": person.individual_number})
        if len(batch.persons) >= BATCH_PERSONS:
            batch.flush(factory)
            if progress:
                progress(person_id)
    batch.flush(factory)
    if progress:
        progress(person_id)
    _analyze(factory)
    return person_id


def _analyze(factory: sessionmaker[Session]) -> None:
    # Fresh statistics, so both planners pick the key indexes for searches from the start.
    with factory.begin() as session:
        session.execute(text("ANALYZE"))

