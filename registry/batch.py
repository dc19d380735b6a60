"""Statements that need nothing from each other's answers, sent to the database together.

On PostgreSQL they go out in one round trip (psycopg's pipeline mode), inside the caller's
transaction; a move commit's writes went from seven round trips to one. Everywhere else they
run one after another through SQLAlchemy: SQLite works in the service's own process, where a
"round trip" is a function call.

Statements are compiled once per statement and set of parameter names, and their parameters
pass through the same bind processors SQLAlchemy would apply. A failure raises the error
SQLAlchemy would have raised (an IntegrityError stays an IntegrityError), and the caller's
transaction is then to be rolled back, as after any failed statement.

An INSERT of several rows can be queued as `Many`: on PostgreSQL the rows then travel as one
JSON array in one statement, which costs the service and the database less than one execution
per row (a four-person 転入 writes five tables four rows each).
"""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, Final, cast

from sqlalchemy import (
    Connection,
    Table,
    Text,
    bindparam,
    exc,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import JSON
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import Compiled
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.expression import Executable

Params = Mapping[str, Any]


@dataclass(frozen=True)
class Outcome:
    rowcount: int
    rows: list[tuple[Any, ...]]  # of a statement with RETURNING or a SELECT; empty otherwise
    columns: tuple[str, ...] = ()  # the rows' column labels

    def first(self) -> Any:
        """The first row, its values named by column label as on a SQLAlchemy row, or None."""
        return _row_type(self.columns)(*self.rows[0]) if self.rows else None


@cache
def _row_type(columns: tuple[str, ...]) -> type[tuple[Any, ...]]:
    return namedtuple("Row", columns)  # type: ignore[misc]


@dataclass(frozen=True)
class Prepared:
    sql: str
    construct: Callable[[Params], dict[str, Any]]


ROWS: Final = "rows"  # the parameter that carries every row of a `Many` on PostgreSQL


@dataclass(frozen=True, eq=False)
class Many:
    """An INSERT of any number of rows. `each` is the statement for one row: SQLite runs it once
    per row, and so does PostgreSQL for a single row. For several rows PostgreSQL runs
    `together` once: it reads them from the JSON array parameter `rows` (json_to_recordset) and
    writes what `each` would for every row; rows it answers (RETURNING) may come in any order,
    so they must say which row they belong to. Without `together`, the rows go into `table`
    through json_populate_recordset, under the names the rows give their columns. Rows name
    every column they write (Python-side column defaults are not applied here, on either
    path)."""

    each: Executable
    table: Table
    together: Executable | None = None

    def for_rows(self, keys: frozenset[str]) -> Executable:
        if self.together is not None:
            return self.together
        found = _TOGETHER.get((self, keys))
        if found is None:
            names = sorted(keys)
            rows = func.json_populate_recordset(
                literal_column(f"NULL::{self.table.name}"), rows_parameter(),
            ).table_valued(*names)
            found = insert(self.table).from_select(
                names, select(*(rows.c[name] for name in names)), include_defaults=False,
            )
            _TOGETHER[(self, keys)] = found
        return found

    def processed(self, rows: list[Params], dialect: Dialect) -> list[Params]:
        """The rows with each value through its column type's bind processor, as `each` would
        send them."""
        processors = _PROCESSORS.get(self)
        if processors is None:
            processors = _PROCESSORS[self] = {
                column.key: processor
                for column in self.table.columns
                if (processor := column.type.dialect_impl(dialect).bind_processor(dialect)) is not None
            }
        if not processors:
            return rows
        return [
            {name: processors[name](value) if name in processors else value for name, value in row.items()}
            for row in rows
        ]


_TOGETHER: dict[tuple[Many, frozenset[str]], Executable] = {}
_PROCESSORS: dict[Many, dict[str, Callable[[Any], Any]]] = {}  # PostgreSQL's (the only dialect asking)


def rows_parameter() -> Any:
    """The JSON array of a `Many`'s rows, as its `together` statement takes it."""
    return sql_cast(bindparam(ROWS, type_=Text), JSON)


def _json_value(value: object) -> str:
    if isinstance(value, date):  # and datetime; an aware one keeps its offset
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} has no JSON form for a batched INSERT")


def as_json(rows: Sequence[Params]) -> str:
    return json.dumps(list(rows), default=_json_value, ensure_ascii=False, separators=(",", ":"))


# Keyed by the statement object itself (so never by a reused id) and the parameter names: the
# statements batched are module constants, a few dozen in all.
_COMPILED: dict[tuple[Executable, str, frozenset[str]], Prepared] = {}


def prepare(statement: Executable, dialect: Dialect, keys: frozenset[str]) -> Prepared:
    """The statement's SQL for `dialect` and how to build its parameters (cached)."""
    key = (statement, dialect.name, keys)
    found = _COMPILED.get(key)
    if found is not None:
        return found
    compiled: Compiled = cast(ClauseElement, statement).compile(dialect=dialect, column_keys=sorted(keys))
    processors = {
        name: processor
        for name, bind in compiled.binds.items()  # type: ignore[attr-defined]
        if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    }

    def construct(values: Params) -> dict[str, Any]:
        params = dict(compiled.construct_params(values) or {})
        for name, processor in processors.items():
            if name in params:
                params[name] = processor(params[name])
        return params

    prepared = Prepared(compiled.string, construct)
    _COMPILED[key] = prepared
    return prepared


class Batch:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._items: list[tuple[Executable, list[Params]]] = []

    def add(self, statement: Executable | Many, params: Params | Sequence[Params]) -> int:
        """Queue a statement (a list of parameter sets: once per set); its index in `run`'s
        answer. No statement may need another's answer: they are sent before any comes back."""
        many = [params] if isinstance(params, Mapping) else list(params)
        if isinstance(statement, Many):
            dialect = self._conn.dialect
            if len(many) > 1 and dialect.name == "postgresql":
                keys = frozenset().union(*(p.keys() for p in many))
                rows = statement.processed(many, dialect)
                statement, many = statement.for_rows(keys), [{ROWS: as_json(rows)}]
            else:
                statement = statement.each
        self._items.append((statement, many))
        return len(self._items) - 1

    def __len__(self) -> int:
        return len(self._items)

    def run(self) -> list[Outcome]:
        """Runs what was queued, in order; one Outcome per `add` (rowcount summed over its sets)."""
        items, self._items = self._items, []
        if self._conn.dialect.name == "postgresql":
            return _pipelined(self._conn, items)
        return [_one_by_one(self._conn, statement, many) for statement, many in items]


def _one_by_one(conn: Connection, statement: Executable, many: list[Params]) -> Outcome:
    rowcount, rows, columns = 0, list[tuple[Any, ...]](), ()
    for params in many:
        result = conn.execute(statement, params)
        if result.returns_rows:
            columns = tuple(result.keys())
            # sqlite3 counts the rows of an UPDATE ... RETURNING only once they are read, and
            # not always then: the rows answered are the rows touched.
            fetched = [tuple(r) for r in result.all()]
            rows.extend(fetched)
            rowcount += len(fetched)
        else:
            rowcount += result.rowcount
    return Outcome(rowcount, rows, columns)


def _returns_rows(statement: Executable) -> bool:
    # Only an INSERT, UPDATE or DELETE without RETURNING is known to answer no rows.
    return not isinstance(statement, UpdateBase) or bool(statement._returning)


def _pipelined(conn: Connection, items: list[tuple[Executable, list[Params]]]) -> list[Outcome]:
    import psycopg
    from psycopg.pq import ExecStatus
    driver = conn.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    dialect = conn.dialect
    sent: list[list[psycopg.Cursor[Any]]] = []
    try:
        with driver.pipeline():
            for statement, many in items:
                prepared = prepare(statement, dialect, frozenset().union(*(p.keys() for p in many)))
                cursors = []
                if len(many) > 1 and not _returns_rows(statement):
                    # One cursor for every set: the query is converted once and the rowcount
                    # is the sum. (With RETURNING, executemany would wait for the answers
                    # before the next statement went out: one round trip more.)
                    cursor = driver.cursor()
                    cursors.append(cursor)
                    cursor.executemany(prepared.sql, [prepared.construct(p) for p in many])
                else:
                    for params in many:
                        cursor = driver.cursor()
                        cursors.append(cursor)
                        cursor.execute(prepared.sql, prepared.construct(params))
                sent.append(cursors)
        outcomes = []
        for cursors in sent:
            rows: list[tuple[Any, ...]] = []
            columns: tuple[str, ...] = ()
            for cursor in cursors:
                # The result itself, not cursor.description: that builds an object per column
                # of every statement, and a commit runs a dozen.
                result = cursor.pgresult
                if result is not None and result.status == ExecStatus.TUPLES_OK:
                    columns = tuple((result.fname(i) or b"").decode() for i in range(result.nfields))
                    rows.extend(cursor.fetchall())
            outcomes.append(Outcome(sum(c.rowcount for c in cursors), rows, columns))
        return outcomes
    except psycopg.Error as error:
        # Which statement failed, psycopg does not say; the batch is named for the log.
        raise exc.DBAPIError.instance(
            f"(a batch of {len(items)} statements)", None, error, psycopg.Error, hide_parameters=True, dialect=dialect,
        ) from error
    finally:
        for cursors in sent:
            for cursor in cursors:
                cursor.close()
