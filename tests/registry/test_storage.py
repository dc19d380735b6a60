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


def test_every_read_of_a_number_is_logged_in_the_same_transaction(databases: object) -> None:
    from registry.repositories import numbers
    from registry.repositories.actor import Actor

    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    actor = Actor(staff_id="clerk01", terminal_id="madoguchi-03", purpose="個人番号の確認")
    try:
        seeding.load_towns(factory, load_towns())
        seeding.load_city(factory, lambda: generate_city(20, 5))
        with factory() as session:
            person_id, expected = session.execute(select(IndividualNumber.person_id, IndividualNumber.number).limit(1)).one()
        with factory.begin() as session:
            assert numbers.reveal(session, person_id, actor) == expected
        with factory() as session:
            # A read that is rolled back leaves no number in anyone's hands and no log row.
            numbers.reveal(session, person_id, actor)
            session.rollback()
        with factory.begin() as session:
            assert numbers.person_for_number(session, expected, actor) == person_id
            assert numbers.person_for_number(session, "123456789018", actor) is None
        with factory() as session:
            rows = session.execute(
                select(NumberAccessLog.action, NumberAccessLog.person_id, NumberAccessLog.staff_id,
                       NumberAccessLog.terminal_id, NumberAccessLog.purpose)
                .where(NumberAccessLog.action != "load")
                .order_by(NumberAccessLog.id)
            ).all()
        assert [tuple(r) for r in rows] == [
            ("reveal", person_id, "clerk01", "madoguchi-03", "個人番号の確認"),
            ("search", person_id, "clerk01", "madoguchi-03", "個人番号の確認"),
            ("search", None, "clerk01", "madoguchi-03", "個人番号の確認"),
        ]
    finally:
        engine.dispose()
