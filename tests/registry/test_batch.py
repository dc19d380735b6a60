"""registry.batch on both databases: the answers of queued statements, bind processing as
SQLAlchemy's own, and a failure that raises SQLAlchemy's error and leaves nothing behind."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    TypeDecorator,
    bindparam,
    exc,
    insert,
    select,
    update,
)

from registry.batch import Batch
from registry.db import make_engine

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
    with engine.connect() as conn:
        # The bind processor ran: names were stored as SQLAlchemy itself would store them.
        assert [tuple(r) for r in conn.execute(ALL)] == [(1, "A", 1), (2, "B", 10)]


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


def test_a_failure_is_sqlalchemys_error_and_nothing_stays(engine: Any) -> None:
    with engine.begin() as conn:
        conn.execute(ADD, {"id": 1, "name": "a", "n": 0})
    with pytest.raises(exc.IntegrityError):
        with engine.begin() as conn:
            batch = Batch(conn)
            batch.add(BUMP, {"pid": 1, "expected": 0})
            batch.add(ADD, {"id": 2, "name": "A", "n": 0})  # "A" is taken: the name is unique
            batch.add(ADD, {"id": 3, "name": "c", "n": 0})
            batch.run()
    with engine.connect() as conn:
        assert [tuple(r) for r in conn.execute(ALL)] == [(1, "A", 0)]
