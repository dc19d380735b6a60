"""Fixtures shared by the registry tests that change the register: `world`, a registry of its
own per backend (moves and certificates change it, so it is not the read-only `registry`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import BACKENDS
from tests.registry.moves.world import World
from tests.support.seeded import seeded_registry

MOVE_RESIDENTS = 2500


@pytest.fixture(scope="session", params=BACKENDS)
def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[World]:
    with seeded_registry(request, tmp_path_factory, "moves_suite", MOVE_RESIDENTS, 11,
                         env={"MADOGUCHI_SEARCH_LIMIT_PER_HOUR": "1000000"}) as (server, engine):
        yield World(server, engine)
