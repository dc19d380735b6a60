"""Tests of tests/support/pgcluster.py against a real PostgreSQL server."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from tests.support import pgcluster
from tests.support.pgcluster import ExternalPgServer, PgCluster

pytestmark = pytest.mark.postgres


def _database_names(cluster: PgCluster) -> set[str]:
    with psycopg.connect(cluster.admin_conninfo) as conn:
        rows = conn.execute("SELECT datname FROM pg_database").fetchall()
    return {r[0] for r in rows}


def test_cluster_life_cycle(tmp_path: Path) -> None:
    cluster = PgCluster(tmp_path)
    t0 = time.monotonic()
    cluster.start()
    startup_s = time.monotonic() - t0
    try:
        assert cluster.port > 0
        print(f"cluster started in {startup_s:.2f}s on port {cluster.port}")

        url_a = cluster.create_database("pgc_alpha")
        url_b = cluster.create_database("pgc_beta")
        assert url_a == f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/pgc_alpha"
        assert url_b == cluster.url_for("pgc_beta")
        assert {"pgc_alpha", "pgc_beta"} <= _database_names(cluster)

        engine = sa.create_engine(url_a)
        try:
            with engine.begin() as conn:
                conn.execute(sa.text("CREATE TABLE t (id int PRIMARY KEY, name text)"))
                conn.execute(sa.text("INSERT INTO t VALUES (1, '山田 太郎')"))
            with engine.connect() as conn:
                assert conn.execute(sa.text("SELECT name FROM t WHERE id = 1")).scalar_one() == (
                    "山田 太郎"
                )
                assert conn.execute(sa.text("SHOW server_encoding")).scalar_one() == "UTF8"
                assert conn.execute(sa.text("SHOW fsync")).scalar_one() == "off"
                assert conn.execute(sa.text("SHOW max_connections")).scalar_one() == "200"
                assert conn.execute(sa.text("SHOW listen_addresses")).scalar_one() == "127.0.0.1"
            # An idle pooled connection must not block the drop (WITH (FORCE)).
            pooled = engine.connect()
            cluster.drop_database("pgc_alpha")
            pooled.invalidate()
            pooled.close()
        finally:
            engine.dispose()

        names = _database_names(cluster)
        assert "pgc_alpha" not in names and "pgc_beta" in names
        cluster.drop_database("pgc_alpha")  # dropping a missing database is fine
    finally:
        cluster.stop()

    # Stopped: nothing accepts connections on the port any more.
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(cluster.admin_conninfo, connect_timeout=2)
    assert (tmp_path / "postgresql.log").exists()  # the server log is kept for post-mortems

    cluster.stop()  # idempotent
    cluster.stop()


def test_context_manager_and_stop_idempotent(tmp_path: Path) -> None:
    with PgCluster(tmp_path) as cluster:
        url = cluster.create_database("pgc_ctx")
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT 40 + 2")).scalar_one() == 42
        engine.dispose()
        cluster.stop()  # stopping inside the block, then again in __exit__
    cluster.stop()
    with pytest.raises(RuntimeError, match="not running"):
        cluster.create_database("pgc_after_stop")


def test_unstarted_stop_is_a_no_op(tmp_path: Path) -> None:
    PgCluster(tmp_path).stop()


def test_bad_database_names_are_refused(tmp_path: Path) -> None:
    cluster = PgCluster(tmp_path, port=54329)
    for bad in ("", "a-b", "x; DROP DATABASE postgres", "1abc", "a" * 64):
        with pytest.raises(ValueError):
            cluster.url_for(bad)


def test_from_env_uses_external_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MADOGUCHI_TEST_PG_URL", raising=False)
    assert isinstance(PgCluster.from_env(tmp_path), PgCluster)

    with PgCluster(tmp_path / "server") as cluster:
        monkeypatch.setenv(
            "MADOGUCHI_TEST_PG_URL", f"postgresql://postgres@127.0.0.1:{cluster.port}/postgres"
        )
        with PgCluster.from_env(tmp_path / "unused") as ext:
            assert isinstance(ext, ExternalPgServer)
            url = ext.create_database("pgc_ext")
            assert url == f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/pgc_ext"
            engine = sa.create_engine(url)
            with engine.connect() as conn:
                assert conn.execute(sa.text("SELECT current_database()")).scalar_one() == "pgc_ext"
            engine.dispose()
            ext.drop_database("pgc_ext")
            ext.stop()  # no-op: the server keeps running
        assert "pgc_ext" not in _database_names(cluster)
        with psycopg.connect(cluster.admin_conninfo) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    assert not (tmp_path / "unused").exists()


def test_start_failure_raises_with_log_tail(tmp_path: Path) -> None:
    # A fixed port that is already taken: no retry, a clear error with the log.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        cluster = PgCluster(tmp_path, port=port)
        with pytest.raises(RuntimeError, match="failed to start") as info:
            cluster.start()
    assert "could not bind" in str(info.value) or "in use" in str(info.value)
    assert (tmp_path / "postgresql.log").exists()  # the server log is kept for post-mortems
    cluster.stop()  # still fine after a failed start


def test_missing_binaries_name_the_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pgcluster, "DEBIAN_PG_ROOT", tmp_path / "no-such-dir")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RuntimeError, match='Debian package "postgresql"'):
        PgCluster(tmp_path).start()
