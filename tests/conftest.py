"""Suite-wide fixtures: Qt offscreen, a real PostgreSQL server for the run, and the real
registry (init, seed, serve) on SQLite and on PostgreSQL."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import Engine

from registry.db import make_engine
from tests.support.pgcluster import PgCluster
from tests.support.registry_process import RegistryProcess, run_cli

# Fixtures of tests/support used by several directories.
pytest_plugins = ["tests.support.process_state"]

SEEDED_RESIDENTS = 3000
SEED = 7

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    """One real PostgreSQL server for the whole run (or the one MADOGUCHI_TEST_PG_URL names)."""
    if os.environ.get("MADOGUCHI_TEST_PG_URL"):
        cluster = PgCluster.from_env()
    else:
        cluster = PgCluster(tmp_path_factory.mktemp("pg"))
        cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


# Database names are unique in the run: a factory's own id() may be reused by a later one once
# the first is freed, and the databases it made are never dropped (the cluster is thrown away).
_DATABASE_NUMBERS = itertools.count(1)


class DatabaseFactory:
    """Fresh empty databases of one kind, named per test."""

    def __init__(self, kind: str, tmp: Path, cluster_getter: object) -> None:
        self.kind = kind
        self._tmp = tmp
        self._cluster_getter = cluster_getter
        self._count = 0

    def new_url(self) -> str:
        self._count += 1
        if self.kind == "sqlite":
            return f"sqlite+pysqlite:///{self._tmp / f'db{self._count}.sqlite3'}"
        cluster: PgCluster = self._cluster_getter()  # type: ignore[operator]
        return cluster.create_database(f"t{os.getpid()}_{next(_DATABASE_NUMBERS)}")


@pytest.fixture(params=BACKENDS)
def databases(
    request: pytest.FixtureRequest, tmp_path: Path
) -> DatabaseFactory:
    return DatabaseFactory(
        request.param, tmp_path, lambda: request.getfixturevalue("pg_cluster")
    )


@pytest.fixture(scope="session", params=BACKENDS)
def registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RegistryProcess]:
    """The real registry service, seeded with a small synthetic city, once per backend."""
    kind = request.param
    state = tmp_path_factory.mktemp(f"registry-{kind}")
    if kind == "sqlite":
        db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    else:
        db_url = request.getfixturevalue("pg_cluster").create_database("registry_suite")
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", str(SEEDED_RESIDENTS), "--seed", str(SEED))
    # The suite searches far more than a clerk would; the limit itself is tested in
    # tests/registry/security.
    server = RegistryProcess(state=state, db_url=db_url, env={"MADOGUCHI_SEARCH_LIMIT_PER_HOUR": "1000000"})
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def registry_engine(registry: RegistryProcess) -> Iterator[Engine]:
    """Direct read access to the registry's database, to check answers against the truth."""
    engine = make_engine(registry.db_url)
    try:
        yield engine
    finally:
        engine.dispose()
