"""Two revisions of the service, compared on move commits in one run.

`python -m bench.paired_moves --base REV [--kind tenkyo|tennyu] [--chunks 10] [--chunk 100]`

Each revision's service runs on its own copy of one PostgreSQL register (a template copy, so
both start from the same residents), and the same 20 clients commit alternately to one and the
other in chunks, the order swapped every chunk. The machine this project is measured on is
shared and its speed drifts by half within an hour; alternating puts the drift on both sides
alike, where two runs one after the other would measure the drift. The working tree is the
candidate; --base names the revision it is compared with (exported with `git archive`). When the
candidate adds migrations, the base side's copy is downgraded to the base's last one.
Nothing is written to the README: the figures go into the note or commit of the change.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from alembic import command

from bench import cpu_time, register, report
from bench.lean_client import LeanClient
from bench.move_commits import CLIENTS, Bodies, _api_commit, _drafts, _drive
from registry import migrate
from tests.support.pgcluster import PgCluster
from tests.support.registry_process import DEFAULT_USER, RegistryProcess

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Side:
    tree: Path
    server: RegistryProcess
    ids: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    failures: int = 0


def _export(rev: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def _start(tree: Path, state: Path, db_url: str) -> RegistryProcess:
    server = RegistryProcess(state=state, db_url=db_url, workers=2, tree=tree)
    server.start()
    return server


def _chunk(side: Side, ids: list[str], database: Path) -> None:
    assert side.server.process is not None
    pid = side.server.process.pid
    result = _drive(ids, _api_commit, lambda: LeanClient(side.server, DEFAULT_USER), lambda: {
        "service": cpu_time.tree(pid), "database": cpu_time.postgres_server(database),
        "client": cpu_time.this_process(),
    }, samples=side.latencies)
    side.seconds += len(ids) / result["rate"]
    side.failures += result["failures"]
    for key in ("service", "database", "client"):
        side.cpu[key] = side.cpu.get(key, 0.0) + result[f"cpu_{key}_ms"] * len(ids)


def _to_schema_of(tree: Path, db_url: str) -> None:
    """The base side's copy of the register downgraded to the base's last migration, when the
    candidate adds migrations (the register was made with the candidate's)."""
    head = subprocess.run(
        [sys.executable, "-c", "from registry import migrate; print(migrate.head_revision())"],
        cwd=tree, check=True, capture_output=True, text=True,
    ).stdout.strip()
    if head != migrate.head_revision():
        command.downgrade(migrate.alembic_config(db_url), head)


def run(base: str, kind: str, chunks: int, chunk: int, size: int) -> str:
    work = Path(tempfile.mkdtemp(prefix="madoguchi-paired-"))
    cluster = PgCluster(work / "pg", durable=True)
    sides: dict[str, Side] = {}
    try:
        cluster.start()
        fresh = register.fresh(work, "postgresql", size, cluster, "paired_a")
        base_url = fresh.db_url.rsplit("/", 1)[0]
        with psycopg.connect(f"{base_url.replace('postgresql+psycopg', 'postgresql')}/postgres",
                             autocommit=True) as conn:
            conn.execute("CREATE DATABASE paired_b TEMPLATE paired_a")
        state_b = work / "state-b"
        shutil.copytree(fresh.state, state_b)
        trees = {"base": _export(base, work / "base"), "candidate": REPO}
        _to_schema_of(trees["base"], fresh.db_url)
        sides["base"] = Side(trees["base"], _start(trees["base"], fresh.state, fresh.db_url))
        sides["candidate"] = Side(REPO, _start(REPO, state_b, f"{base_url}/paired_b"))
        for name, url in (("base", fresh.db_url), ("candidate", f"{base_url}/paired_b")):
            bodies = Bodies(url, 7)
            made = bodies.tenkyo(chunks * chunk) if kind == "tenkyo" else bodies.tennyu4(chunks * chunk)
            sides[name].ids = _drafts(sides[name].server, made)
        assert cluster.work_dir is not None
        database = cluster.work_dir / "data"
        for i in range(chunks):
            order = ("base", "candidate") if i % 2 == 0 else ("candidate", "base")
            for name in order:
                _chunk(sides[name], sides[name].ids[i * chunk:(i + 1) * chunk], database)
    finally:
        for side in sides.values():
            side.server.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        f"{kind}, {size:,} residents, {CLIENTS} clients, {chunks} alternating chunks of {chunk} "
        f"commits per side; base {base}, candidate the working tree",
        "",
        "| side | commits/s | p50 ms | p95 ms | CPU ms/commit: service + database + client | failed |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, side in sides.items():
        n = len(side.latencies)
        cpu = {k: v / n for k, v in side.cpu.items()}
        lines.append(
            f"| {name} | {n / side.seconds:.0f} | {report.percentile(side.latencies, 50) * 1000:.1f} | "
            f"{report.percentile(side.latencies, 95) * 1000:.1f} | {sum(cpu.values()):.2f} "
            f"({cpu['service']:.2f} + {cpu['database']:.2f} + {cpu['client']:.2f}) | {side.failures} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.paired_moves")
    parser.add_argument("--base", required=True, help="the git revision to compare the working tree with")
    parser.add_argument("--kind", choices=("tenkyo", "tennyu"), default="tenkyo")
    parser.add_argument("--chunks", type=int, default=10)
    parser.add_argument("--chunk", type=int, default=100, help="commits per chunk and side")
    parser.add_argument("--residents", type=int, default=50000)
    args = parser.parse_args()
    if args.chunks < 2 or args.chunk < CLIENTS:
        parser.error(f"at least 2 chunks of at least {CLIENTS} commits")
    print(run(args.base, args.kind, args.chunks, args.chunk, args.residents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
