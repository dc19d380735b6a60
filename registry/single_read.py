"""One statement's rows, read with as little in between as the database allows.

Every request's terminal and session check is such a read. On PostgreSQL the statement goes
straight to the driver's cursor, compiled once (registry.batch.prepare, with SQLAlchemy's own
bind processing), from a connection in autocommit (registry.db.read_engine): SQLAlchemy's
execution context and result objects cost more CPU than the statement did on the server.
The columns read this way must need no result processing; psycopg hands back the same
Python values SQLAlchemy would for the plain types used (text, boolean, timestamps).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import Executable

from registry.batch import prepare


def first(engine: Engine, statement: Executable, values: dict[str, Any]) -> Any:
    """The first row (attributes by column label), or None."""
    if engine.dialect.name != "postgresql":
        with engine.connect() as conn:
            return conn.execute(statement, values).first()
    connection = engine.raw_connection()
    try:
        return _driver_first(connection.driver_connection, engine.dialect, statement, values)
    finally:
        connection.close()


def first_on(conn: Connection, statement: Executable, values: dict[str, Any]) -> Any:
    """`first`, on a connection the caller holds."""
    if conn.dialect.name != "postgresql":
        return conn.execute(statement, values).first()
    return _driver_first(conn.connection.driver_connection, conn.dialect, statement, values)


def rows_on(conn: Connection, statement: Executable, values: dict[str, Any]) -> list[Any]:
    """Every row, read as `first_on` reads one (PostgreSQL)."""
    with _driver_cursor(conn.connection.driver_connection, conn.dialect, statement, values) as cursor:
        return cursor.fetchall()


def _driver_first(driver: Any, dialect: Dialect, statement: Executable, values: dict[str, Any]) -> Any:
    with _driver_cursor(driver, dialect, statement, values) as cursor:
        return cursor.fetchone()


def _driver_cursor(driver: Any, dialect: Dialect, statement: Executable, values: dict[str, Any]) -> Any:
    from psycopg.rows import namedtuple_row

    prepared = prepare(statement, dialect, frozenset(values))
    cursor = driver.cursor(row_factory=namedtuple_row)
    try:
        cursor.execute(prepared.sql, prepared.construct(values))
    except BaseException:
        cursor.close()
        raise
    return cursor
