"""registry.batch on both databases: the answers of queued statements, bind processing as
SQLAlchemy's own, and a failure that raises SQLAlchemy's error and leaves nothing behind. A
`Many` writes the same rows whether they go one by one or, on PostgreSQL, all in one statement."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
    bindparam,
    column,
    exc,
    func,
    insert,
    select,
    update,
)

from registry.batch import Batch, Many, as_json, rows_parameter
from registry.db import make_engine, read_engine

pytestmark = pytest.mark.registry


class Shouted(TypeDecorator[str]):
    """A type with a bind processor: the batch must apply it as SQLAlchemy does."""

    impl = String(20)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return None if value is None else value.upper()


META = MetaData()
PROBE = Table(
    "batch_probe", META,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Shouted, unique=True),
    Column("n", Integer, nullable=False),
)
ADD = insert(PROBE)
BUMP = update(PROBE).where(PROBE.c.id == bindparam("pid"), PROBE.c.n == bindparam("expected")).values(n=PROBE.c.n + 1)
BUMP_RETURNING = (
    update(PROBE).where(PROBE.c.id == bindparam("pid")).values(n=PROBE.c.n + 10).returning(PROBE.c.id, PROBE.c.n)
)
ALL = select(PROBE.c.id, PROBE.c.name, PROBE.c.n).order_by(PROBE.c.id)


def _kinds(name: str) -> Table:
    return Table(
        name, META,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("label", Shouted, unique=True),
        Column("on_day", Date),
        Column("at", DateTime(timezone=True)),
        Column("flag", Boolean),
        Column("note", String(20)),
    )


KINDS, KINDS_BY_SQLALCHEMY = _kinds("batch_kinds"), _kinds("batch_kinds_reference")
ADD_KINDS = Many(insert(KINDS), KINDS)
# A `together` of its own: every row of PROBE as the JSON rows say, answering what it wrote.
_ROWS = func.json_to_recordset(rows_parameter()).table_valued(
    column("id", Integer), column("name", String), column("n", Integer),
).render_derived(with_types=True)
ADD_ANSWERED = Many(
    insert(PROBE).returning(PROBE.c.id, PROBE.c.name),
    PROBE,
    insert(PROBE).from_select(["id", "name", "n"], select(_ROWS.c.id, _ROWS.c.name, _ROWS.c.n)).returning(
        PROBE.c.id, PROBE.c.name,
    ),
)


@pytest.fixture
def engine(databases: Any) -> Any:
    made = make_engine(databases.new_url())
    META.create_all(made)
    yield made
    made.dispose()


def test_answers_in_the_order_queued(engine: Any) -> None:
    with engine.begin() as conn:
        batch = Batch(conn)
        added = batch.add(ADD, [{"id": 1, "name": "a", "n": 0}, {"id": 2, "name": "b", "n": 0}])
        moved = batch.add(BUMP, {"pid": 1, "expected": 0})
        stale = batch.add(BUMP, {"pid": 2, "expected": 5})  # compare-and-set that misses
        returned = batch.add(BUMP_RETURNING, {"pid": 2})
        assert len(batch) == 4
        outcomes = batch.run()
        assert len(batch) == 0
    assert outcomes[added].rowcount == 2 and outcomes[added].rows == []
    assert outcomes[moved].rowcount == 1
    assert outcomes[stale].rowcount == 0
    assert outcomes[returned].rows == [(2, 10)]
    assert outcomes[added].first() is None
    first = outcomes[returned].first()
    assert (first.id, first.n) == (2, 10)
    with engine.connect() as conn:
        # The bind processor ran: names were stored as SQLAlchemy itself would store them.
        assert [tuple(r) for r in conn.execute(ALL)] == [(1, "A", 1), (2, "B", 10)]


def test_a_select_answers_its_rows_named_by_label(engine: Any) -> None:
    with engine.begin() as conn:
        batch = Batch(conn)
        batch.add(ADD, {"id": 7, "name": "g", "n": 3})
        batch.run()
        batch = Batch(conn)
        found = batch.add(select(PROBE.c.n.label("count"), PROBE.c.name).where(PROBE.c.id == bindparam("pid")), {"pid": 7})
        missing = batch.add(ALL.where(PROBE.c.id == bindparam("pid")), {"pid": 8})
        outcomes = batch.run()
    row = outcomes[found].first()
    assert (row.count, row.name) == (3, "G") and outcomes[found].columns == ("count", "name")
    assert outcomes[missing].first() is None and outcomes[missing].rows == []


def test_a_list_of_sets_answers_the_sum_of_their_rowcounts(engine: Any) -> None:
    with engine.begin() as conn:
        conn.execute(ADD, [{"id": i, "name": f"n{i}", "n": 0} for i in range(1, 5)])
        batch = Batch(conn)
        bumped = batch.add(BUMP, [{"pid": 1, "expected": 0}, {"pid": 2, "expected": 9},
                                  {"pid": 3, "expected": 0}])
        returned = batch.add(BUMP_RETURNING, [{"pid": 4}, {"pid": 1}])
        outcomes = batch.run()
    assert outcomes[bumped].rowcount == 2  # the set that missed counts for nothing
    assert outcomes[returned].rowcount == 2
    assert outcomes[returned].rows == [(4, 10), (1, 11)]


@pytest.mark.parametrize("queued", [
    [(BUMP, {"pid": 1, "expected": 0}), (ADD, {"id": 2, "name": "A", "n": 0}),  # "A" is taken: names are unique
     (ADD, {"id": 3, "name": "c", "n": 0})],
    # A Many whose second row fails: on PostgreSQL one statement, whose first row goes too.
    [(BUMP, {"pid": 1, "expected": 0}),
     (ADD_ANSWERED, [{"id": 3, "name": "c", "n": 0}, {"id": 2, "name": "a", "n": 0}])],
], ids=["statements", "many"])
def test_a_failure_is_sqlalchemys_error_and_nothing_stays(engine: Any, queued: list[Any]) -> None:
    with engine.begin() as conn:
        conn.execute(ADD, {"id": 1, "name": "a", "n": 0})
    with pytest.raises(exc.IntegrityError):
        with engine.begin() as conn:
            batch = Batch(conn)
            for statement, params in queued:
                batch.add(statement, params)
            batch.run()
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(ALL)] == [(1, "A", 0)]


KIND_ROWS = [
    {"id": 1, "label": "mixed", "on_day": date(2026, 2, 28), "at": datetime(2026, 11, 29, 8, 30, 15, 123456, UTC),
     "flag": True, "note": "全角 ｶﾅ ' \\ \" %s"},
    {"id": 2, "label": "nulls", "on_day": None, "at": None, "flag": None, "note": None},
    {"id": 3, "label": "offset", "on_day": date(1926, 12, 25),
     "at": datetime(2019, 5, 1, 0, 0, tzinfo=timezone(timedelta(hours=9))), "flag": False, "note": ""},
]


def test_many_writes_every_row_as_sqlalchemy_would(engine: Any) -> None:
    """Several rows (one statement on PostgreSQL) and a single row (`each` everywhere) store
    what SQLAlchemy's own INSERT stores: dates, datetimes at any offset, booleans, NULLs,
    quotes and placeholders in text, and the bind processor's work."""
    with engine.begin() as conn:
        batch = Batch(conn)
        several = batch.add(ADD_KINDS, [KIND_ROWS[0], KIND_ROWS[2]])
        single = batch.add(ADD_KINDS, KIND_ROWS[1:2])
        outcomes = batch.run()
        conn.execute(insert(KINDS_BY_SQLALCHEMY), KIND_ROWS)
    assert outcomes[several].rowcount == 2 and outcomes[single].rowcount == 1
    with engine.connect() as conn:
        stored = conn.execute(select(KINDS).order_by(KINDS.c.id)).all()
        reference = conn.execute(select(KINDS_BY_SQLALCHEMY).order_by(KINDS_BY_SQLALCHEMY.c.id)).all()
    assert [tuple(r) for r in stored] == [tuple(r) for r in reference]
    assert stored[0].label == "MIXED" and stored[0].on_day == date(2026, 2, 28)


def test_many_with_a_together_of_its_own_answers_every_row(engine: Any) -> None:
    with engine.begin() as conn:
        batch = Batch(conn)
        index = batch.add(ADD_ANSWERED, [{"id": i, "name": f"p{i}", "n": i} for i in (3, 1, 2)])
        outcomes = batch.run()
    assert outcomes[index].rowcount == 3
    assert sorted(outcomes[index].rows) == [(1, "P1"), (2, "P2"), (3, "P3")]
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(ALL)] == [(1, "P1", 1), (2, "P2", 2), (3, "P3", 3)]


def test_a_value_without_a_json_form_is_refused_before_it_is_sent() -> None:
    assert as_json([{"d": date(2026, 1, 2), "n": 1, "s": "あ"}]) == '[{"d":"2026-01-02","n":1,"s":"あ"}]'
    with pytest.raises(TypeError, match="Decimal"):
        as_json([{"amount": Decimal("1.5")}])


def test_the_read_engine_commits_each_statement_without_waiting_for_the_disk(engine: Any) -> None:
    """On PostgreSQL (registry.db.read_engine): every statement is its own transaction, and its
    commit does not wait for the WAL flush; the service's other connections keep the server's
    setting (waiting, in production). SQLite has
    no engine of its own for reads."""
    if engine.dialect.name != "postgresql":
        assert read_engine(engine) is engine
        return
    setting = "SELECT setting, source FROM pg_settings WHERE name = 'synchronous_commit'"
    autocommit = read_engine(engine)
    try:
        with autocommit.connect() as conn:
            assert tuple(conn.exec_driver_sql(setting).one()) == ("off", "client")
            conn.execute(ADD, {"id": 1, "name": "a", "n": 0})
            with pytest.raises(exc.IntegrityError):
                conn.execute(ADD, {"id": 2, "name": "a", "n": 0})  # the name is taken
            conn.execute(ADD, {"id": 3, "name": "c", "n": 0})  # the connection is fit for the next
            with engine.connect() as other:  # committed, before this connection is given back
                assert [tuple(r) for r in other.execute(ALL)] == [(1, "A", 0), (3, "C", 0)]
        with engine.connect() as conn:  # the server's own setting (the test server's is off)
            assert conn.exec_driver_sql(setting).one().source != "client"
    finally:
        autocommit.dispose()
