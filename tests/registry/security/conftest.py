"""A registry of their own for the security tests, with short timeouts and a low search limit
so that expiry, lockout and blocking happen within a test; and a second enrolled terminal."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from tests.conftest import BACKENDS
from tests.support.registry_process import RegistryProcess
from tests.support.seeded import seeded_registry

IDLE_S = 3
SEARCH_LIMIT = 6
APPROVAL_TTL_S = 3


@dataclass
class Secure:
    server: RegistryProcess
    engine: Engine
    state: Path

    def client(self, user: str | None = "t-clerk", **kwargs: object) -> httpx.Client:
        return self.server.client(user, **kwargs)

    def cli(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        import subprocess
        import sys

        result = subprocess.run(
            [sys.executable, "-m", "registry.cli", "--state", str(self.state), "--db",
             self.server.db_url, *args],
            input=stdin, capture_output=True, text=True, timeout=120,
        )
        return result.returncode, result.stdout, result.stderr


@pytest.fixture(scope="session", params=BACKENDS)
def secure(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Secure]:
    env = {
        "MADOGUCHI_SESSION_IDLE_SECONDS": str(IDLE_S),
        "MADOGUCHI_SEARCH_LIMIT_PER_HOUR": str(SEARCH_LIMIT),
        "MADOGUCHI_APPROVAL_TTL_SECONDS": str(APPROVAL_TTL_S),
    }
    with seeded_registry(request, tmp_path_factory, "security", 400, 9, env) as (server, engine):
        yield Secure(server, engine, server.state)
