"""Retention: expired drafts, and 転出証明書情報 unused past its period, are deleted by the
purge job and each deletion is logged; the CLI runs the same job."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from registry.models import PurgeLog, TransferNotice
from tests.conftest import BACKENDS
from tests.registry.moves.world import World
from tests.support.registry_process import run_cli
from tests.support.seeded import seeded_registry

pytestmark = pytest.mark.registry

DRAFT_TTL_S = 2
PURGE_EVERY_S = 1


@pytest.fixture(scope="module", params=BACKENDS)
def short_world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    env = {
        "MADOGUCHI_DRAFT_TTL_SECONDS": str(DRAFT_TTL_S),
        "MADOGUCHI_PURGE_INTERVAL_SECONDS": str(PURGE_EVERY_S),
    }
    with seeded_registry(request, tmp_path_factory, "retention", 300, 3, env) as (server, engine):
        yield World(server, engine)


def _wait_for(check: Any, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the purge job did not run"
        time.sleep(0.2)


def _purged(world: World, object_id: str) -> list[str]:
    with world.engine.connect() as conn:
        return list(conn.scalars(select(PurgeLog.reason).where(PurgeLog.object_id == object_id)))


def test_an_expired_draft_cannot_be_committed_and_is_purged(short_world: World) -> None:
    world = short_world
    members = world.household(size=1)
    review = world.draft({
        "kind": "tenkyo", "notified_on": world.days_ago(0), "move_date": world.days_ago(0),
        "address": world.address(members[0].town_code), "persons": [{"id": members[0].atena}],
    }).json()
    time.sleep(DRAFT_TTL_S + 0.5)  # let the draft expire
    late = world.commit(review["id"])
    assert (late.status_code, late.json()["error"]["code"]) in ((410, "move_expired"), (404, "move_not_found"))
    _wait_for(lambda: _purged(world, review["id"]) == ["expired"])
    response = world.commit(review["id"])
    assert (response.status_code, response.json()["error"]["code"]) == (404, "move_not_found")
    assert world.record(members[0].atena)["record"]["address"]["town_code"] == members[0].town_code


def test_unused_transfer_notice_past_retention_is_deleted_and_logged(short_world: World) -> None:
    world = short_world
    content = {
        "from_municipality": "271004", "resident_code": world.new_resident_code(),
        "planned_move_date": world.days_ago(31), "previous_address": "大阪府大阪市北区１番",
        "family_name": "期限", "given_name": "切", "family_name_kana": "キゲン",
        "given_name_kana": "キレ", "birth_date": "1980-01-01", "sex": "1",
    }
    fresh = {**content, "resident_code": world.new_resident_code(), "planned_move_date": world.days_ago(29)}
    with world.cs() as c:
        old_id = c.post("/v1/transfer-notices", json=content).json()["id"]
        fresh_id = c.post("/v1/transfer-notices", json=fresh).json()["id"]
    _wait_for(lambda: _purged(world, old_id) == ["unused_past_retention"])
    with world.engine.connect() as conn:
        left = set(conn.scalars(select(TransferNotice.id)))
    assert old_id not in left and fresh_id in left
    assert _purged(world, fresh_id) == []


def test_purge_command(short_world: World) -> None:
    result = run_cli(short_world.server.state, short_world.server.db_url, "purge")
    assert result.stdout.startswith("purged: ")


def test_bad_retention_setting_is_a_clear_error(tmp_path: Any) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "MADOGUCHI_DRAFT_TTL_SECONDS": "soon"}
    result = subprocess.run(
        [sys.executable, "-m", "registry.cli", "--state", str(tmp_path), "purge"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 2
    assert "MADOGUCHI_DRAFT_TTL_SECONDS" in result.stderr
