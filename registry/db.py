"""Engine and session factory, with the per-database settings the register relies on."""

from __future__ import annotations

import select
from collections.abc import Callable
from typing import Any, Final

from sqlalchemy import Engine, create_engine, event, exc, func, make_url
from sqlalchemy.orm import Session, sessionmaker

# Writers queue behind SQLite's single write lock instead of failing with "database is locked".
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_CACHE_KIB = 64 * 1024
SQLITE_MMAP_BYTES = 1 << 30


# Execution option naming a transaction that will write: on SQLite it begins IMMEDIATE, taking
# the write lock at once. A deferred transaction that reads and then writes fails at once with
# "database is locked" (busy_timeout does not apply) when another writer committed meanwhile.
WRITE = "madoguchi_write"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own implicit BEGIN is switched off so that _begin_sqlite decides the mode.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets searches run while a move commits; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # SQLite's default page cache is 2 MB per connection; searches touch pages all over the
    # person table, so give each connection a real cache and read through a memory map.
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cursor.execute(f"PRAGMA mmap_size={SQLITE_MMAP_BYTES}")
    cursor.close()


def _begin_sqlite(connection: Any) -> None:
    write = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# The service's SQLite connections leave the WAL's checkpoints to a thread of the service
# (`checkpoints_apart`). SQLite otherwise runs a checkpoint inside whichever commit takes the WAL
# past a thousand pages, copying them into the database file: several milliseconds added to that
# request, a search's audit row as likely as a move.
WAL_CHECKPOINT_INTERVAL_S: Final = 1.0


def _no_autocheckpoint(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def checkpoints_apart(engine: Engine) -> Callable[[], tuple[int, int, int]] | None:
    """SQLite: turns off the automatic checkpoint on `engine`'s connections (all made from now
    on) and returns the job to run instead, every WAL_CHECKPOINT_INTERVAL_S: a PASSIVE
    checkpoint, which waits for no reader or writer, nor they for it. Its answer is SQLite's
    (busy, frames in the WAL, frames copied). None on PostgreSQL, which checkpoints itself."""
    if engine.dialect.name != "sqlite":
        return None
    event.listen(engine, "connect", _no_autocheckpoint)

    def checkpoint() -> tuple[int, int, int]:
        # On the driver's connection: through SQLAlchemy the pragma would run inside the BEGIN
        # that _begin_sqlite issues, where SQLite refuses to checkpoint.
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            busy, frames, copied = cursor.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            cursor.close()
            return int(busy), int(frames), int(copied)
        finally:
            connection.close()

    return checkpoint


def _in_memory(url: str) -> bool:
    parsed = make_url(url)
    return parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory"


def make_engine(url: str, **kwargs: Any) -> Engine:
    # hide_parameters: a failing statement must not write residents' data into the log.
    if url.startswith("sqlite"):
        # Each SQLite connection has its own page cache, which it drops whenever another
        # connection has committed since its last read. Handing out the connection returned last
        # (LIFO) keeps one connection doing a sequence of requests' reads and their audit rows
        # with a warm cache: a name+address search at 300,000 residents read in 0.74 ms p50
        # after its own connection's commit, 1.33 ms after another's (bench/README.md).
        # (An in-memory database lives in one connection: SQLAlchemy gives it a pool of one
        # per thread, which has no order to choose.)
        lifo = {} if _in_memory(url) else {"pool_use_lifo": True}
        engine = create_engine(
            url, connect_args={"check_same_thread": False}, hide_parameters=True, **lifo, **kwargs
        )
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
        return engine
    engine = create_engine(url, **{"pool_size": 10, "max_overflow": 20, "hide_parameters": True, **kwargs})
    if engine.dialect.name == "postgresql":
        event.listen(engine, "checkout", _check_alive)
    return engine


def _check_alive(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Refuses a pooled PostgreSQL connection the server has dropped (a restart, an idle
    timeout, pg_terminate_backend) without a round trip: SQLAlchemy's pre-ping costs one per
    checkout, and a request checks out two or three. An idle connection has nothing to read;
    if its socket is readable the server has closed it or sent something unasked, and it is
    replaced. The pool retries the checkout with a fresh connection."""
    pgconn = getattr(dbapi_connection, "pgconn", None)
    if pgconn is None:
        return
    if dbapi_connection.closed or pgconn.status != 0:  # 0: CONNECTION_OK
        raise exc.DisconnectionError("connection closed")
    readable, _, _ = select.select([pgconn.socket], [], [], 0)
    if readable:
        raise exc.DisconnectionError("server closed the connection or sent something unasked")


# In a PostgreSQL transaction: commit it without waiting for its WAL to reach the disk. It is
# committed and visible at once and on disk within a fraction of a second; only a power failure
# of the database server in between could lose it, as SQLite's WAL (synchronous=NORMAL) could.
# Used only for the audit rows of reads that touch no individual number (registry.api.auth, and
# read_engine's connections): the wait was most of what auditing a read cost. Every change to
# the register, and every access to an individual number, still waits for the disk.
NO_FLUSH_WAIT: Final = func.set_config("synchronous_commit", "off", True)


def read_engine(engine: Engine) -> Engine:
    """The engine for a request's checks, which read one statement each (the terminal and the
    staff session), and on PostgreSQL for the reads of resident data that touch no individual
    number (a search, a record), whose audit rows commit on it. On PostgreSQL an engine of its
    own whose connections are in autocommit from the start: no BEGIN and no ROLLBACK around a
    single statement, and nothing to switch at each checkout and return (switching cost more
    CPU than the statement); a read and its audit row written by one statement are then one
    transaction, committed when the answer comes back. Its connections commit without waiting
    for the disk, as NO_FLUSH_WAIT does for one transaction: nothing else may be written on
    it. SQLite keeps its own transaction handling (see WRITE)."""
    if engine.dialect.name == "postgresql":
        return make_engine(
            engine.url.render_as_string(hide_password=False), isolation_level="AUTOCOMMIT",
            pool_reset_on_return=None, pool_size=5, max_overflow=15,
            connect_args={"options": "-c synchronous_commit=off"},
        )
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def write_engine(engine: Engine) -> Engine:
    """`engine` for transactions that write (see WRITE); the same pool."""
    return engine.execution_options(**{WRITE: True})


def make_write_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions for transactions that write (see WRITE)."""
    return sessionmaker(write_engine(engine), expire_on_commit=False)
