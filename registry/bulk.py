"""Fast multi-row inserts for bulk loads (seeding, migration from another system).

SQLAlchemy's per-row parameter handling costs more than the inserts themselves at this scale,
so rows arrive as tuples in a fixed column order and go to the driver directly: executemany on
SQLite (with the column types' own bind processors applied), COPY on PostgreSQL, and a Core
executemany elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table

Row = tuple[Any, ...]


def bulk_insert(
    connection: Connection, table: Table, columns: Sequence[str], rows: list[Row]
) -> None:
    if not rows:
        return
    dialect = connection.dialect.name
    if dialect == "sqlite":
        _sqlite(connection, table, columns, rows)
    elif dialect == "postgresql" and connection.dialect.driver == "psycopg":
        _copy(connection, table, columns, rows)
    else:
        connection.execute(table.insert(), [dict(zip(columns, row, strict=False)) for row in rows])


def _sqlite(connection: Connection, table: Table, columns: Sequence[str], rows: list[Row]) -> None:
    processors = [
        (i, processor)
        for i, name in enumerate(columns)
        if (processor := table.c[name].type._cached_bind_processor(connection.dialect))
    ]
    if processors:
        converted = []
        for row in rows:
            values = list(row)
            for i, process in processors:
                values[i] = process(values[i])
            converted.append(tuple(values))
        rows = converted
    placeholders = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({placeholders})", rows
    )


def _copy(connection: Connection, table: Table, columns: Sequence[str], rows: list[Row]) -> None:
    # The DB-API connection of this very transaction, so COPY commits or rolls back with it.
    driver_connection: Any = connection.connection.driver_connection
    with driver_connection.cursor() as cursor:
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
