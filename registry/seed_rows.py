"""Turns generated records into table rows with their ids assigned: the CPU-heavy half of a
bulk load, run in a producer process beside the inserting one."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from multiprocessing.queues import Queue
from typing import Any

from registry.bulk import Row
from registry.repositories.keys import address_column, name_columns
from registry.synth.records import HouseholdRecord, PersonRecord, VersionRecord

City = Iterable[tuple[HouseholdRecord, list[PersonRecord]]]
LATE_AFTER = timedelta(days=14)  # 住基法: notices are due within 14 days
SEED_OPERATOR = "seed"

RECORD_FIELDS = tuple(f.name for f in fields(VersionRecord) if f.name != "household_number")
NAME_KEYS = ("name_seion_kana", "name_kana_key", "name_kanji_key", "alias_kana_key", "alias_kanji_key")
VERSION_COLUMNS = (
    "id", "person_id", "version", "recorded_at", "operator_id", "terminal_id", "household_id",
    "is_head", "late_notification", "late_reason", "address_key", *NAME_KEYS, *RECORD_FIELDS,
)
HOUSEHOLD_COLUMNS = ("id", "household_number", "created_on")
PERSON_COLUMNS = ("id", "atena_number", "resident_code", "current_version_id")


@dataclass(frozen=True)
class StartIds:
    person: int
    household: int
    version: int


@dataclass
class RowBatch:
    households: list[Row] = field(default_factory=list)
    persons: list[Row] = field(default_factory=list)
    versions: list[Row] = field(default_factory=list)
    numbers: list[Row] = field(default_factory=list)  # (person_id, individual number)


class RowBuilder:
    def __init__(self, start: StartIds, town_names: dict[str, str], recorded_at: datetime) -> None:
        self._next_person = start.person
        self._next_household = start.household
        self._next_version = start.version
        self._town_names = town_names
        self._recorded_at = recorded_at
        self._household_ids: dict[str, int] = {}
        self.batch = RowBatch()

    @property
    def persons_done(self) -> int:
        return self._next_person - 1

    def take(self) -> RowBatch:
        batch, self.batch = self.batch, RowBatch()
        return batch

    def add(self, household: HouseholdRecord, members: list[PersonRecord]) -> None:
        self._household(household.household_number, household.created_on)
        for person in members:
            # An earlier version may name a household that the stream has not reached yet.
            for rec in person.versions:
                self._household(rec.household_number, rec.change_date)
            person_id = self._next_person
            self._next_person += 1
            for number, rec in enumerate(person.versions, start=1):
                self.batch.versions.append(self._version(rec, person_id, number))
            self.batch.persons.append(
                (person_id, person.atena_number, person.resident_code, self._next_version - 1)
            )
            self.batch.numbers.append((person_id, person.individual_number))

    def _household(self, number: str, created_on: date) -> None:
        if number not in self._household_ids:
            self._household_ids[number] = self._next_household
            self.batch.households.append((self._next_household, number, created_on))
            self._next_household += 1

    def _version(self, rec: VersionRecord, person_id: int, version: int) -> Row:
        row_id = self._next_version
        self._next_version += 1
        late = rec.notified_on is not None and rec.notified_on - rec.change_date > LATE_AFTER
        names = name_columns(
            rec.family_name, rec.given_name, rec.family_name_kana, rec.given_name_kana,
            rec.alias_name, rec.alias_name_kana,
        )
        return (
            row_id, person_id, version, self._recorded_at, SEED_OPERATOR, None,
            self._household_ids[rec.household_number],
            rec.relationship == "世帯主",
            late,
            "届出期間経過（合成データ）" if late else None,
            address_column(self._town_names[rec.town_code], rec.address_detail),
            *(names[key] for key in NAME_KEYS),
            *(getattr(rec, name) for name in RECORD_FIELDS),
        )


def produce(
    make_city: Callable[[], City],
    builder: RowBuilder,
    batch_persons: int,
    queue: Queue[Any],
) -> None:
    """Producer process: build rows batch by batch into `queue`; then None, or an error text."""
    try:
        for household, members in make_city():
            builder.add(household, members)
            if len(builder.batch.persons) >= batch_persons:
                queue.put((builder.persons_done, builder.take()))
        queue.put((builder.persons_done, builder.take()))
        queue.put(None)
    except BaseException:
        queue.put(traceback.format_exc())
