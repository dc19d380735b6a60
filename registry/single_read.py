"""One row of one statement, read with as little in between as the database allows.

Every request's terminal and session check is such a read. On PostgreSQL the statement goes
straight to the driver's cursor, compiled once (registry.batch.prepare, with SQLAlchemy's own
bind processing), from a connection in autocommit (registry.db.read_engine): SQLAlchemy's
execution context and result objects cost more CPU than the statement did on the server.
The columns read this way must need no result processing; psycopg hands back the same
Python values SQLAlchemy would for the plain types used (text, boolean, timestamps).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlalchemy.sql.expression import Executable

from registry.batch import prepare


def first(engine: Engine, statement: Executable, values: dict[str, Any]) -> Any:
    """The first row (attributes by column label), or None."""
    if engine.dialect.name != "postgresql":
        with engine.connect() as conn:
            return conn.execute(statement, values).first()
    from psycopg.rows import namedtuple_row

    prepared = prepare(statement, engine.dialect, frozenset(values))
    connection = engine.raw_connection()
    try:
        with connection.driver_connection.cursor(row_factory=namedtuple_row) as cursor:  # type: ignore[union-attr]
            cursor.execute(prepared.sql, prepared.construct(values))
            return cursor.fetchone()
    finally:
        connection.close()
