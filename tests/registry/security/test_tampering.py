"""Someone with database access drops the guard triggers and edits, removes or reorders audit
rows: verification says where the chain breaks. Each test starts from the same intact chain:
the audit tables are copied before it and put back after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from registry.db import make_engine
from tests.conftest import BACKENDS
from tests.support.registry_process import RegistryProcess, run_cli

pytestmark = pytest.mark.registry


TABLES = ("audit_targets", "audit_log", "audit_chain_head")


@pytest.fixture(scope="module", params=BACKENDS)
def registry_under_attack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[RegistryProcess, Engine]]:
    tmp_path = tmp_path_factory.mktemp(f"tamper-{request.param}")
    if request.param == "sqlite":
        db_url = f"sqlite+pysqlite:///{tmp_path / 'registry.sqlite3'}"
    else:
        db_url = request.getfixturevalue("pg_cluster").create_database("tamper")
    run_cli(tmp_path, db_url, "init")
    run_cli(tmp_path, db_url, "seed", "--residents", "50", "--seed", "2")
    server = RegistryProcess(state=tmp_path, db_url=db_url)
    server.start()
    engine = make_engine(db_url)
    with server.client("t-clerk") as c:
        for _ in range(4):
            c.get("/v1/moves/kinds")
            c.get("/v1/residents/1000000001")
    with server.client("t-audit") as c:
        assert c.get("/v1/audit/verify").json()["ok"] is True
    _drop_guards(engine)
    try:
        yield server, engine
    finally:
        engine.dispose()
        server.stop()


@pytest.fixture
def victim(registry_under_attack: tuple[RegistryProcess, Engine]) -> Iterator[tuple[RegistryProcess, Engine]]:
    server, engine = registry_under_attack
    with server.client("t-audit") as c:
        assert c.get("/v1/audit/verify").json()["ok"] is True
    with engine.begin() as conn:
        for table in TABLES:
            conn.execute(text(f"CREATE TABLE saved_{table} AS SELECT * FROM {table}"))
    try:
        yield server, engine
    finally:
        with engine.begin() as conn:
            for table in TABLES:
                conn.execute(text(f"DELETE FROM {table}"))
            for table in reversed(TABLES):
                conn.execute(text(f"INSERT INTO {table} SELECT * FROM saved_{table}"))
                conn.execute(text(f"DROP TABLE saved_{table}"))


def _drop_guards(engine: Engine) -> None:
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for name in ("audit_log_no_delete", "audit_log_sealed", "audit_targets_no_change"):
                conn.execute(text(f"DROP TRIGGER {name}"))
        else:
            conn.execute(text("DROP TRIGGER audit_log_guard ON audit_log"))
            conn.execute(text("DROP TRIGGER audit_targets_guard ON audit_targets"))


def _verify(server: RegistryProcess) -> dict[str, object]:
    with server.client("t-audit") as c:
        return c.get("/v1/audit/verify").json()  # type: ignore[no-any-return]


def test_an_edited_row(victim: tuple[RegistryProcess, Engine]) -> None:
    server, engine = victim
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET staff_id = 'someone-else' WHERE chain_seq = 5"))
    report = _verify(server)
    assert report["ok"] is False and report["at_seq"] == 5
    assert "changed" in str(report["problem"])
    code = run_cli(server.state, server.db_url, "audit", "verify", check=False)
    assert code.returncode == 1 and "BROKEN at chain position 5" in code.stdout


def test_a_removed_row(victim: tuple[RegistryProcess, Engine]) -> None:
    server, engine = victim
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_targets WHERE audit_id = (SELECT id FROM audit_log WHERE chain_seq = 3)"))
        conn.execute(text("DELETE FROM audit_log WHERE chain_seq = 3"))
    report = _verify(server)
    assert report["ok"] is False and report["at_seq"] == 3 and "missing" in str(report["problem"])


def test_reordered_rows(victim: tuple[RegistryProcess, Engine]) -> None:
    server, engine = victim
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET chain_seq = -1 WHERE chain_seq = 2"))
        conn.execute(text("UPDATE audit_log SET chain_seq = 2 WHERE chain_seq = 4"))
        conn.execute(text("UPDATE audit_log SET chain_seq = 4 WHERE chain_seq = -1"))
    report = _verify(server)
    assert report["ok"] is False and report["at_seq"] == 2


def test_rows_cut_off_the_end(victim: tuple[RegistryProcess, Engine]) -> None:
    server, engine = victim
    with engine.begin() as conn:
        last = conn.execute(text("SELECT MAX(chain_seq) FROM audit_log")).scalar_one()
        conn.execute(text(f"DELETE FROM audit_targets WHERE audit_id IN (SELECT id FROM audit_log WHERE chain_seq >= {last - 1})"))
        conn.execute(text(f"DELETE FROM audit_log WHERE chain_seq >= {last - 1}"))
    report = _verify(server)
    # Rows written since are sealed after the old head, so the cut shows as a gap.
    assert report["ok"] is False and ("end" in str(report["problem"]) or "missing" in str(report["problem"]))
    assert report["at_seq"] == last - 1
