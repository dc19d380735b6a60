"""Database settings and the bulk load: SQLite in WAL with foreign keys; a failed seed leaves
the register empty; the individual number sits in its own table."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, inspect, select, text

from registry import migrate, seeding
from registry.db import checkpoints_apart, make_engine, make_session_factory
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


def test_sqlite_hands_out_the_connection_returned_last(tmp_path: Path) -> None:
    """Its page cache is the warm one (registry.db.make_engine)."""
    engine = make_engine(f"sqlite+pysqlite:///{tmp_path / 'r.sqlite3'}")
    try:
        first, second = engine.connect(), engine.connect()
        ids = [conn.connection.driver_connection for conn in (first, second)]
        first.close()
        second.close()
        with engine.connect() as again:
            assert again.connection.driver_connection is ids[1]
    finally:
        engine.dispose()


def _commit_pages(engine: Engine, pages: int) -> None:
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE filler (x BLOB)")
        for _ in range(pages):
            conn.exec_driver_sql("INSERT INTO filler VALUES (randomblob(3000))")


def test_the_service_checkpoints_sqlite_apart_from_its_commits(tmp_path: Path) -> None:
    """A commit taking the WAL past SQLite's threshold copies nothing into the database file
    on the service's connections; the service's checkpoint job does, without waiting."""
    own, apart = tmp_path / "own.sqlite3", tmp_path / "apart.sqlite3"
    plain = make_engine(f"sqlite+pysqlite:///{own}")
    service = make_engine(f"sqlite+pysqlite:///{apart}")
    checkpoint = checkpoints_apart(service)
    assert checkpoint is not None
    try:
        _commit_pages(plain, 1500)
        _commit_pages(service, 1500)
        # SQLite's own checkpoint ran at the end of the commit: the pages are in the file.
        assert own.stat().st_size > 4_000_000
        assert apart.stat().st_size < 1_000_000
        with service.connect() as conn:
            assert conn.scalar(text("PRAGMA wal_autocheckpoint")) == 0
        busy, frames, copied = checkpoint()
        assert busy == 0 and frames >= 1500 and copied == frames
        assert apart.stat().st_size > 4_000_000
        with service.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM filler")) == 1500
    finally:
        plain.dispose()
        service.dispose()


def test_postgresql_checkpoints_itself() -> None:
    assert checkpoints_apart(make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")) is None


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
