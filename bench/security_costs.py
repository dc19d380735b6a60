"""What security costs per request: staff login (argon2id) beside a bare argon2 verify, and the
audit row a record view writes, as a ratio against the same request with the audit write
replaced by nothing, measured in one run, interleaved.

The requests go through the whole ASGI application in-process (routing, session and
permission checks, the database on SQLite and PostgreSQL); TLS is left out because it is the
same with and without the audit row. Auditing cannot be switched off in the service; the
baseline patches the write out in this process only.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from starlette.testclient import TestClient

from bench import report
from registry.api.app import create_app
from registry.api.routes import residents as resident_routes
from registry.config import load_settings
from registry.db import make_engine
from registry.models import Person
from registry.security import passwords
from tests.support.pgcluster import PgCluster
from tests.support.registry_process import PASSWORD, provision, run_cli

GOAL_AUDIT_OVERHEAD = 0.20
SAMPLES = 400
LOGINS = 20
# The names the record view writes its audit row through: registry.api.auth's record on
# SQLite, the writer itself on PostgreSQL's read connection (registry.api.routes.residents).
AUDIT_WRITERS = ("audit_read", "write")


def _nothing(*_: Any, **__: Any) -> None:
    return None


class WithTerminal:
    """ASGI wrapper that puts the test terminal's certificate where the TLS protocol would."""

    def __init__(self, app: Any, der: bytes) -> None:
        self.app, self.der = app, der

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            scope.setdefault("extensions", {})["tls"] = {"client_cert_der": self.der}
        await self.app(scope, receive, send)


def _terminal_der(state: Path) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    pem = (state / "test-terminal" / "terminal.pem").read_bytes()
    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def _timed(call: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    call()
    return time.perf_counter() - t0


def _one(backend: str, work: Path, cluster: PgCluster | None) -> dict[str, Any]:
    state = work / backend
    db_url = (f"sqlite+pysqlite:///{state / 'registry.sqlite3'}" if backend == "sqlite"
              else cluster.create_database("security_bench"))  # type: ignore[union-attr]
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", "20000", "--seed", "4")
    provision(state, db_url)
    engine = make_engine(db_url)
    with engine.connect() as conn:
        ids = list(conn.scalars(select(Person.atena_number).limit(2000)))
    engine.dispose()
    app = create_app(load_settings(state, db_url), background_jobs=False)
    rng = random.Random(7)
    with TestClient(WithTerminal(app, _terminal_der(state)), base_url="https://testserver") as client:
        logins = [_timed(lambda: client.post("/v1/sessions", json={"user_id": "t-clerk", "password": PASSWORD}))
                  for _ in range(LOGINS)]
        stored = passwords.hash_password(PASSWORD)
        bare = [_timed(lambda: passwords.verify(stored, PASSWORD)) for _ in range(LOGINS)]
        token = client.post("/v1/sessions", json={"user_id": "t-clerk", "password": PASSWORD}).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        audited: list[float] = []
        plain: list[float] = []
        real = [getattr(resident_routes, name) for name in AUDIT_WRITERS]
        for i in range(SAMPLES * 2):
            atena = rng.choice(ids)
            off = i % 2 == 1
            for name, writer in zip(AUDIT_WRITERS, [_nothing] * len(real) if off else real, strict=True):
                setattr(resident_routes, name, writer)
            elapsed = _timed(partial(client.get, f"/v1/residents/{atena}", headers=headers))
            (plain if off else audited).append(elapsed)
        for name, writer in zip(AUDIT_WRITERS, real, strict=True):
            setattr(resident_routes, name, writer)
    app.state.engine.dispose()
    app.state.auth_engine.dispose()
    if cluster is not None:
        cluster.drop_database("security_bench")
    a, p = report.summary(audited[20:]), report.summary(plain[20:])
    return {
        "backend": backend,
        "login_ms": statistics.median(logins) * 1000,
        "argon2_verify_ms": statistics.median(bare) * 1000,
        "audited": a,
        "plain": p,
        "overhead_p50": a["p50_ms"] / p["p50_ms"] - 1,
        "overhead_mean": a["mean_ms"] / p["mean_ms"] - 1,
    }


def _table(results: list[dict[str, Any]]) -> str:
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {report.machine()}; 20,000 residents; "
        f"{SAMPLES} record views each way, interleaved; in-process through the whole application.",
        "",
        "| database | login p50 ms | bare argon2 verify ms | login/argon2 | record view p50 ms (audited) | without the audit row | audit overhead p50 | mean | < 20 % |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r['backend']} | {r['login_ms']:.1f} | {r['argon2_verify_ms']:.1f} | "
            f"{r['login_ms'] / r['argon2_verify_ms']:.2f} | {r['audited']['p50_ms']:.2f} | "
            f"{r['plain']['p50_ms']:.2f} | {r['overhead_p50']:+.0%} | {r['overhead_mean']:+.0%} | "
            f"{'yes' if r['overhead_p50'] < GOAL_AUDIT_OVERHEAD else 'no'} |"
        )
    return "\n".join(lines)


def run(backends: list[str]) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="madoguchi-bench-security-"))
    cluster: PgCluster | None = None
    results = []
    try:
        if "postgresql" in backends:
            cluster = PgCluster(work / "pg", durable=True)
            cluster.start()
        for backend in backends:
            results.append(_one(backend, work, cluster))
            print(_table(results[-1:]), file=sys.stderr)
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    path = report.save("security", {"machine": report.machine(), "results": results})
    report.write_section("security", _table(results))
    print(f"results: {path}\n{_table(results)}")
    return {"results": results}



