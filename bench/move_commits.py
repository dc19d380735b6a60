"""Move commit throughput and latency under 20 concurrent clients, over HTTPS against the real
registry, beside the same commits made in-process (the service function on the same database,
no HTTP, no TLS, no JSON) with the same 20 threads: the ratio is the cost of the API.

Two workloads: a one-person 転居 and a four-person 転入 into a new household. All drafts are
made first; then the clients commit them as fast as they can. PostgreSQL runs with its
crash-safe defaults (fsync, synchronous commit), as in production.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.domain import clock, individual_number, resident_code
from bench import cpu_time, register, report
from bench.lean_client import LeanClient
from registry.api.app import create_app
from registry.config import load_settings
from registry.db import make_engine
from registry.models import Person, PersonVersion, Town
from registry.moves import service
from registry.repositories.actor import Actor
from tests.support.pgcluster import PgCluster
from tests.support.registry_process import DEFAULT_USER, RegistryProcess

CLIENTS = 20
# PostgreSQL takes writers in parallel, so the service runs one worker process per core;
# SQLite takes one writer at a time, and one process queues them best (registry.api.deps).
WORKERS = {"sqlite": 1, "postgresql": int(os.environ.get("BENCH_PG_WORKERS", "2"))}
GOAL_PG_RATE = 200.0
GOAL_PG_P95_MS = 100.0
# The paced run sends the goal's rate, spread evenly over the clients' commits.
PACED_RATE = GOAL_PG_RATE


def _single_households(
    db_url: str, count: int, seed: int
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(宛名番号, town_code) of residents who live alone."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            singles = (
                select(PersonVersion.household_id)
                .join(Person, Person.current_version_id == PersonVersion.id)
                .where(PersonVersion.removed_on.is_(None))
                .group_by(PersonVersion.household_id)
                .having(func.count() == 1)
                .subquery()
            )
            rows = conn.execute(
                select(Person.atena_number, PersonVersion.town_code)
                .join(PersonVersion, PersonVersion.id == Person.current_version_id)
                .where(PersonVersion.household_id.in_(select(singles.c.household_id)),
                       PersonVersion.removed_on.is_(None))
            ).all()
            towns = [(t[0], t[1]) for t in conn.execute(select(Town.town_code, Town.postal_code)).all()]
    finally:
        engine.dispose()
    rng = random.Random(seed)
    picked = rng.sample(list(rows), min(count, len(rows)))
    return [(a, t) for a, t in picked], towns


class Bodies:
    def __init__(self, db_url: str, seed: int) -> None:
        self.rng = random.Random(seed)
        self.today = clock.today()
        self.db_url = db_url

    def _day(self, n: int) -> str:
        return (self.today - timedelta(days=n)).isoformat()

    def tenkyo(self, count: int) -> list[dict[str, Any]]:
        singles, towns = _single_households(self.db_url, count, self.rng.randrange(10**6))
        out = []
        for atena, town_code in singles:
            town, postal = self.rng.choice([t for t in towns if t[0] != town_code])
            out.append({
                "kind": "tenkyo", "notified_on": self._day(0), "move_date": self._day(1),
                "address": {"town_code": town, "postal_code": postal,
                            "address_detail": f"{self.rng.randint(1, 30)}番{self.rng.randint(1, 40)}号"},
                "persons": [{"id": atena}],
            })
        return out

    def _person(self, rel: str, birth: str, sex: str) -> dict[str, Any]:
        return {
            "family_name": "転入", "given_name": f"{self.rng.randrange(10**6)}",
            "family_name_kana": "テンニュウ", "given_name_kana": "タロウ",
            "birth_date": birth, "sex": sex, "relationship": rel,
            "resident_code": resident_code.make(f"{self.rng.randrange(10**10):010d}"),
            "individual_number": individual_number.make(f"{self.rng.randrange(10**11):011d}"),
        }

    def tennyu4(self, count: int) -> list[dict[str, Any]]:
        _, towns = _single_households(self.db_url, 1, 0)
        out = []
        for _ in range(count):
            town, postal = self.rng.choice(towns)
            out.append({
                "kind": "tennyu", "notified_on": self._day(0), "move_date": self._day(2),
                "address": {"town_code": town, "postal_code": postal, "address_detail": "１番１号"},
                "household": {"mode": "new"}, "previous_address": "京都府京都市中京区寺町通御池上る上本能寺前町４８８番地",
                "persons": [self._person("世帯主", "1975-01-01", "1"), self._person("妻", "1977-02-02", "2"),
                            self._person("子", "2005-03-03", "1"), self._person("子", "2008-04-04", "2")],
            })
        return out


def _drafts(server: RegistryProcess, bodies: list[dict[str, Any]]) -> list[str]:
    local = threading.local()

    def one(body: dict[str, Any]) -> str:
        if not hasattr(local, "client"):
            local.client = server.client()
        response = local.client.post("/v1/moves", json=body)
        if response.status_code != 201:
            raise RuntimeError(f"draft failed: {response.text}")
        return response.json()["id"]  # type: ignore[no-any-return]

    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(one, bodies))


Meter = Callable[[], dict[str, float]]


def _drive(ids: list[str], commit: Callable[[Any, str], bool], make_client: Callable[[], Any],
           meter: Meter, paced: float | None = None, samples: list[float] | None = None) -> dict[str, Any]:
    """CLIENTS threads commit `ids`; latency per commit, wall time, failures, and the CPU time
    per commit of each process group `meter` reads. `samples`, if given, receives each
    commit's latency in seconds (for percentiles over several runs).

    Unpaced, each client commits again as soon as it has its answer: the rate is the most the
    service takes, and the latency is then CLIENTS ÷ rate by Little's law whatever the service
    does. Paced, the n-th commit is due at n ÷ `paced` seconds and its latency counts from
    then, so a client held up by a slow answer does not hide the wait of the commits after
    it (no coordinated omission): the latency a clerk sees when the city sends that rate."""
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    queue = iter(enumerate(ids))
    began = [0.0]
    cpu0: dict[str, float] = {}

    def set_off() -> None:
        # Once the last client is ready, not before: each logs in first, and the service's
        # password hashing is no part of a commit's cost.
        cpu0.update(meter())
        began[0] = time.perf_counter()

    start = threading.Barrier(CLIENTS + 1, action=set_off)

    def worker() -> None:
        client = make_client()
        start.wait()
        while True:
            with lock:
                n, move_id = next(queue, (0, None))
            if move_id is None:
                return
            t0 = time.perf_counter()
            if paced is not None:
                due = began[0] + n / paced
                if due > t0:
                    time.sleep(due - t0)
                t0 = due
            try:
                ok = commit(client, move_id)
            except Exception as exc:  # counted, never hidden
                ok = False
                failures.append(type(exc).__name__)
            elapsed = time.perf_counter() - t0
            with lock:
                latencies.append(elapsed)
                if not ok:
                    failures.append(move_id)

    threads = [threading.Thread(target=worker) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    cpu1 = meter()
    cpu = {f"cpu_{k}_ms": (cpu1[k] - cpu0[k]) * 1000 / len(ids) for k in cpu0}
    if samples is not None:
        samples.extend(latencies)
    return {**report.summary(latencies), "rate": len(ids) / wall, "failures": len(failures), **cpu}


def _api_commit(client: LeanClient, move_id: str) -> bool:
    return client.post(f"/v1/moves/{move_id}/commit")[0] == 200


def _workload(server: RegistryProcess, in_process: Any, bodies: list[dict[str, Any]],
              database: Path | None) -> dict[str, Any]:
    """`database`: the data directory of the run's PostgreSQL server, whose CPU time is counted."""
    third = len(bodies) // 3
    api_ids = _drafts(server, bodies[:third])
    paced_ids = _drafts(server, bodies[third:2 * third])
    local_ids = _drafts(server, bodies[2 * third:])

    def pg() -> float:
        return cpu_time.postgres_server(database) if database else 0.0

    assert server.process is not None
    pid = server.process.pid
    def api_meter() -> dict[str, float]:
        return {"service": cpu_time.tree(pid), "database": pg(), "client": cpu_time.this_process()}

    api = _drive(api_ids, _api_commit, lambda: LeanClient(server, DEFAULT_USER), api_meter)
    at_goal = _drive(paced_ids, _api_commit, lambda: LeanClient(server, DEFAULT_USER), api_meter,
                     paced=PACED_RATE)
    app = in_process
    actor = Actor(staff_id=None, terminal_id=None)

    def local_commit(_client: None, move_id: str) -> bool:
        with app.state.write_lock:
            session = app.state.write_session_factory()
            try:
                service.commit(session, app.state.settings, actor, move_id)
                session.commit()
            finally:
                session.close()
        return True

    local = _drive(local_ids, local_commit, lambda: None, lambda: {
        "service": cpu_time.this_process(), "database": pg(),
    })
    return {"api": api, "paced": at_goal, "in_process": local, "ratio_rate": local["rate"] / api["rate"],
            "ratio_p95": api["p95_ms"] / local["p95_ms"]}


def _one(size: int, backend: str, commits: int, work: Path, cluster: PgCluster | None) -> dict[str, Any]:
    fresh = register.fresh(work, backend, size, cluster, f"moves_{size}")
    state, db_url = fresh.state, fresh.db_url
    server = RegistryProcess(state=state, db_url=db_url, workers=WORKERS[backend])
    server.start()
    app = create_app(load_settings(state, db_url), background_jobs=False)
    bodies = Bodies(db_url, size)
    try:
        database = None  # SQLite works inside the service process; an external server is not ours
        if backend == "postgresql" and cluster is not None and cluster.work_dir is not None:
            database = cluster.work_dir / "data"
        results = {
            "tenkyo_1": _workload(server, app, bodies.tenkyo(commits * 3), database),
            "tennyu_4": _workload(server, app, bodies.tennyu4(commits * 3 // 2), database),
        }
    finally:
        app.state.engine.dispose()
        server.stop()
    if cluster is not None:
        cluster.drop_database(f"moves_{size}")
    shutil.rmtree(state, ignore_errors=True)
    return {"size": size, "backend": backend, "workloads": results}


def _cpu_total(m: dict[str, Any]) -> float:
    return sum(v for k, v in m.items() if k.startswith("cpu_"))


def _cpu(m: dict[str, Any]) -> str:
    parts = [m.get(f"cpu_{k}_ms") for k in ("service", "database", "client")]
    shown = " + ".join(f"{p:.1f}" for p in parts if p is not None)
    return f"{_cpu_total(m):.1f} ({shown})"


def _table(results: list[dict[str, Any]]) -> str:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {report.machine()}; {CLIENTS} concurrent clients; "
        "PostgreSQL with fsync and synchronous commit on. *As fast as they can*: each client commits "
        f"again as soon as it has its answer. *Paced*: the same {CLIENTS} clients send "
        f"{PACED_RATE:.0f} commits/s in all, latency counted from when each commit was due.",
        "",
        "| residents | database | move | API commits/s | API p50 ms | API p95 ms | failed | paced at "
        f"{PACED_RATE:.0f}/s: commits/s | paced p50 ms | paced p95 ms | in-process commits/s | in-process p95 ms | "
        "in-process/API rate | API CPU ms/commit: service + database + client | in-process CPU ms/commit: "
        "service + database | API/in-process CPU | goal |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        for name, w in r["workloads"].items():
            a, paced, b = w["api"], w["paced"], w["in_process"]
            failed = a["failures"] + paced["failures"]
            if r["backend"] == "postgresql":
                rate = a["rate"] >= GOAL_PG_RATE
                flat_out = a["p95_ms"] < GOAL_PG_P95_MS
                at_rate = paced["p95_ms"] < GOAL_PG_P95_MS and paced["rate"] >= 0.97 * PACED_RATE
                goal = (f"≥ {GOAL_PG_RATE:.0f}/s: {'yes' if rate else 'no'}; p95 < {GOAL_PG_P95_MS:.0f} ms "
                        f"as fast as they can: {'yes' if flat_out else 'no'}, paced: {'yes' if at_rate else 'no'}")
            else:
                goal = f"no failed request: {'yes' if not failed else 'no'}"
            lines.append(
                f"| {r['size']:,} | {r['backend']} | {name} | {a['rate']:.0f} | {a['p50_ms']:.1f} | "
                f"{a['p95_ms']:.1f} | {failed} | {paced['rate']:.0f} | {paced['p50_ms']:.1f} | "
                f"{paced['p95_ms']:.1f} | {b['rate']:.0f} | {b['p95_ms']:.1f} | "
                f"{w['ratio_rate']:.2f} | {_cpu(a)} | {_cpu(b)} | {_cpu_total(a) / _cpu_total(b):.2f} | {goal} |"
            )
    return "\n".join(lines)


def run(sizes: list[int], backends: list[str], commits: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="madoguchi-bench-moves-"))
    cluster: PgCluster | None = None
    results: list[dict[str, Any]] = []
    try:
        if "postgresql" in backends:
            cluster = PgCluster(work / "pg", durable=os.environ.get("BENCH_PG_DURABLE", "1") == "1")
            cluster.start()
        for size in sizes:
            for backend in backends:
                results.append(_one(size, backend, commits, work, cluster))
                print(_table(results[-1:]), file=sys.stderr)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    path = report.save("moves", {"machine": report.machine(), "results": results})
    report.write_section("moves", _table(results))
    print(f"results: {path}\n{_table(results)}")
