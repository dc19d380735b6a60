"""A registry of a test module's own: init, seed, serve, on the backend the fixture's parameter
names, with direct database access to check what the service did."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine

from registry.db import make_engine
from tests.support.registry_process import RegistryProcess, run_cli


@contextmanager
def seeded_registry(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    residents: int,
    seed: int,
    env: dict[str, str] | None = None,
) -> Iterator[tuple[RegistryProcess, Engine]]:
    """`name` names the state directory and, on PostgreSQL, the database."""
    backend = request.param
    state = tmp_path_factory.mktemp(f"{name}-{backend}")
    if backend == "sqlite":
        db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    else:
        db_url = request.getfixturevalue("pg_cluster").create_database(name)
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", str(residents), "--seed", str(seed))
    server = RegistryProcess(state=state, db_url=db_url, env=env or {})
    server.start()
    engine = make_engine(db_url)
    try:
        yield server, engine
    finally:
        engine.dispose()
        server.stop()
