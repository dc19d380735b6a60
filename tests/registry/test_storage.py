"""Database settings and the bulk load: SQLite in WAL with foreign keys; a failed seed leaves
the register empty; the individual number sits in its own table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text

from registry import migrate, seeding
from registry.db import make_engine, make_session_factory
from registry.models import IndividualNumber, NumberAccessLog, Person, PersonVersion
from registry.synth.generator import generate_city
from registry.synth.records import HouseholdRecord, PersonRecord
from registry.synth.towns import load_towns

pytestmark = pytest.mark.registry


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+pysqlite:///{tmp_path / 'r.sqlite3'}")
    with engine.connect() as conn:
        assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
        assert conn.scalar(text("PRAGMA foreign_keys")) == 1
        assert conn.scalar(text("PRAGMA busy_timeout")) >= 10_000
    engine.dispose()


def test_number_is_not_a_column_of_the_resident_master(databases: object) -> None:
    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        inspector = inspect(engine)
        for table in ("persons", "person_versions", "households"):
            columns = {c["name"] for c in inspector.get_columns(table)}
            assert not any("number" in c and "individual" in c for c in columns), table
        assert {c["name"] for c in inspector.get_columns("individual_numbers")} == {
            "person_id", "number"
        }
    finally:
        engine.dispose()


def _failing_city() -> Iterator[tuple[HouseholdRecord, list[PersonRecord]]]:
    # One full batch is inserted before the failure.
    persons = 0
    for household, members in generate_city(seeding.BATCH_PERSONS + 5_000, 3):
        persons += len(members)
        if persons > seeding.BATCH_PERSONS + 1_000:
            raise ValueError("generator broke down")
        yield household, members


def test_a_failed_seed_leaves_the_register_empty(databases: object) -> None:
    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    try:
        seeding.load_towns(factory, load_towns())
        with pytest.raises(RuntimeError, match="generator broke down"):
            seeding.load_city(factory, _failing_city)
        with engine.connect() as conn:
            for model in (Person, PersonVersion, IndividualNumber, NumberAccessLog):
                assert conn.scalar(select(func.count()).select_from(model)) == 0, model
    finally:
        engine.dispose()
