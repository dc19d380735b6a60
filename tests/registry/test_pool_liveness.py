"""A pooled PostgreSQL connection the server dropped is replaced at checkout, without the
round trip of a pre-ping (registry.db._check_alive)."""

from __future__ import annotations

import time

import psycopg
import pytest
from sqlalchemy import text

from registry.db import make_engine
from tests.support.pgcluster import PgCluster

pytestmark = [pytest.mark.registry, pytest.mark.postgres]


def test_a_connection_the_server_dropped_is_replaced_at_checkout(pg_cluster: PgCluster) -> None:
    url = pg_cluster.create_database("pool_liveness")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            pid = conn.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with psycopg.connect(pg_cluster.admin_conninfo, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        time.sleep(0.2)  # the server closes the socket
        # The pool hands out the same (now dead) connection first: refused, a new one made.
        with engine.connect() as conn:
            assert conn.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid
    finally:
        engine.dispose()
        pg_cluster.drop_database("pool_liveness")
