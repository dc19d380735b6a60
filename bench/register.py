"""A fresh register for a benchmark: `madoguchi-registry init` and `seed` on SQLite or on the
run's PostgreSQL server, timed."""

from __future__ import annotations

import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from tests.support.pgcluster import PgCluster
from tests.support.registry_process import run_cli


@dataclass(frozen=True)
class Register:
    state: Path
    db_url: str
    seed_seconds: float


def fresh(work: Path, backend: str, size: int, cluster: PgCluster | None, name: str, seed: int = 1) -> Register:
    state = work / f"{backend}-{size}"
    shutil.rmtree(state, ignore_errors=True)
    if backend == "sqlite":
        db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    else:
        assert cluster is not None, "PostgreSQL benchmarks need the run's server"
        db_url = cluster.create_database(name)
    run_cli(state, db_url, "init")
    t0 = time.perf_counter()
    run_cli(state, db_url, "seed", "--residents", str(size), "--seed", str(seed))
    seconds = time.perf_counter() - t0
    print(f"[{backend} {size:,}] seeded in {seconds:.0f} s", file=sys.stderr)
    return Register(state, db_url, seconds)
