"""Request-scoped helpers: the database session, the settings and the acting staff.

The light dependencies are `async def` and the session is opened inside the (sync) handler:
every sync dependency would cost the request a round trip through the thread pool, which
measured more than the search itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from registry.config import Settings


async def settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


@contextmanager
def db_session(request: Request) -> Iterator[Session]:
    """One transaction per request. Handlers commit themselves before they answer, so that what
    they return (a revealed number, say) is never sent unless its log row is stored; anything
    left uncommitted is rolled back, so a failed request changes nothing."""
    session: Session = request.app.state.session_factory()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


@contextmanager
def db_write_session(request: Request) -> Iterator[Session]:
    """A transaction that will write. On SQLite, writers also queue on a lock in this process:
    SQLite admits one writer at a time anyway, and waiting on a lock is cheaper and fairer
    than sqlite's busy-wait backoff (which would stretch the slowest commits)."""
    with request.app.state.write_lock:
        session: Session = request.app.state.write_session_factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()


@contextmanager
def db_write_connection(request: Request) -> Iterator[Connection]:
    """`db_write_session` without the ORM: a write transaction on a connection, committed when
    the block ends without an error and rolled back otherwise. For a few statements of Core
    (an audit row), where a Session's bookkeeping cost more than the statements."""
    with request.app.state.write_lock, request.app.state.write_engine.begin() as conn:
        yield conn


def json_response(model: BaseModel, status_code: int = 200) -> Response:
    """The model serialised once by pydantic. Returning the model itself would have FastAPI
    validate it against the response model a second time; the route keeps `response_model` for
    the OpenAPI schema."""
    return Response(model.model_dump_json(), status_code, media_type="application/json")


T = TypeVar("T")


async def in_commit_pool(request: Request, work: Callable[[], T]) -> T:
    """Runs a commit's work on the process's commit threads, first come first served.

    Twenty commits at once, each on a thread of its own, share the CPU and the database in no
    order: the unlucky ones waited four times as long as the median. A few threads taking the
    commits in arrival order finish each one sooner, and the waiting is the same for all. It is
    also cheaper per request than AnyIO's thread hop (no capacity limiter, no cancel scopes)."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(request.app.state.commit_pool, work)
