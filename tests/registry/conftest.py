"""Fixtures shared by the registry tests that change the register: `world`, a registry of its
own per backend (moves and certificates change it, so it is not the read-only `registry`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from registry.db import make_engine
from tests.conftest import BACKENDS
from tests.registry.moves.world import World
from tests.support.registry_process import RegistryProcess, run_cli

MOVE_RESIDENTS = 2500


@pytest.fixture(scope="session", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    kind = request.param
    state = tmp_path_factory.mktemp(f"moves-{kind}")
    if kind == "sqlite":
        db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    else:
        db_url = request.getfixturevalue("pg_cluster").create_database("moves_suite")
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", str(MOVE_RESIDENTS), "--seed", "11")
    server = RegistryProcess(state=state, db_url=db_url, env={"MADOGUCHI_SEARCH_LIMIT_PER_HOUR": "1000000"})
    server.start()
    engine = make_engine(db_url)
    try:
        yield World(server, engine)
    finally:
        engine.dispose()
        server.stop()
