"""Loads reference towns and the synthetic city into the register, in bulk."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from multiprocessing.process import BaseProcess
from queue import Empty
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session, sessionmaker

from registry.bulk import bulk_insert
from registry.models import Household, Person, PersonVersion, Town
from registry.models.base import table_of
from registry.repositories import counters, numbers
from registry.repositories.actor import Actor
from registry.seed_rows import (
    HOUSEHOLD_COLUMNS,
    PERSON_COLUMNS,
    VERSION_COLUMNS,
    City,
    RowBatch,
    RowBuilder,
    StartIds,
    produce,
)
from registry.synth.records import TownRecord

BATCH_PERSONS = 20_000
QUEUE_DEPTH = 2  # batches built ahead of the inserts; bounds the memory of a large load
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


def load_city(
    factory: sessionmaker[Session],
    make_city: Callable[[], City],
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Load a generated city into an empty register; returns the number of persons loaded.

    `make_city` (picklable, e.g. a functools.partial of generate_city) runs in a producer
    process that also builds the rows, while this process inserts them: the two halves of the
    work take about the same time, so the load takes about half as long. The whole load is one
    transaction: if anything fails, the register stays empty.
    """
    with factory.begin() as session:
        if session.scalar(select(func.count()).select_from(Person)):
            raise RegisterNotEmpty("the register already holds residents")
        town_names = {code: name for code, name in session.execute(select(Town.town_code, Town.name))}
        start = StartIds(
            person=(session.scalar(select(func.max(Person.id))) or 0) + 1,
            household=(session.scalar(select(func.max(Household.id))) or 0) + 1,
            version=(session.scalar(select(func.max(PersonVersion.id))) or 0) + 1,
        )
        builder = RowBuilder(start, town_names, datetime.now(UTC))
        context = multiprocessing.get_context("fork")
        queue: Any = context.Queue(maxsize=QUEUE_DEPTH)
        producer = context.Process(
            target=produce, args=(make_city, builder, BATCH_PERSONS, queue), daemon=True
        )
        producer.start()
        loaded = 0
        try:
            while (item := _next(queue, producer)) is not None:
                loaded, batch = item
                _insert(session, batch)
                if progress:
                    progress(loaded)
        finally:
            producer.join(timeout=5)
            if producer.is_alive():
                producer.kill()
        counters.catch_up(session)
        _advance_sequences(session)
    _after_load(factory)
    return loaded


def _next(queue: Any, producer: BaseProcess) -> tuple[int, RowBatch] | None:
    while True:
        try:
            item = queue.get(timeout=1.0)
        except Empty:
            if not producer.is_alive():
                raise RuntimeError(f"the generator process died (exit {producer.exitcode})") from None
            continue
        if isinstance(item, str):
            raise RuntimeError(f"the generator failed:\n{item}")
        return item  # type: ignore[no-any-return]


def _insert(session: Session, batch: RowBatch) -> None:
    connection = session.connection()
    bulk_insert(connection, table_of(Household), HOUSEHOLD_COLUMNS, batch.households)
    bulk_insert(connection, table_of(Person), PERSON_COLUMNS, batch.persons)
    bulk_insert(connection, table_of(PersonVersion), VERSION_COLUMNS, batch.versions)
    numbers.bulk_assign(session, batch.numbers, SEED_ACTOR)  # type: ignore[arg-type]


def _advance_sequences(session: Session) -> None:
    """The bulk load wrote ids itself; PostgreSQL's id sequences must continue after them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("households", "persons", "person_versions"):
        session.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"
        ))


def _after_load(factory: sessionmaker[Session]) -> None:
    # Fresh statistics, so both planners pick the key indexes for searches from the start.
    with factory.begin() as session:
        session.execute(text("ANALYZE"))
    with factory() as session:
        if session.get_bind().dialect.name == "sqlite":
            # The load was one transaction, so the whole register sits in the WAL file until a
            # checkpoint; readers would look every page up there. Move it into the database.
            session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
