"""The schema exists only through Alembic, and `upgrade head` gives exactly the models' schema
on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from registry import migrate
from registry.db import make_engine
from registry.models import Base

pytestmark = [pytest.mark.registry, pytest.mark.migrations]


def test_upgrade_head_gives_the_models_schema(databases: object) -> None:
    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": True}
            )
            assert compare_metadata(context, Base.metadata) == []
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert migrate.current_heads(url) == {migrate.head_revision()}
    finally:
        engine.dispose()


def test_upgrade_is_idempotent(databases: object) -> None:
    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url)
    migrate.upgrade(url)
    assert migrate.current_heads(url) == {migrate.head_revision()}


def test_downgrade_to_base_and_back(databases: object) -> None:
    from alembic import command

    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url)
    command.downgrade(migrate.alembic_config(url), "base")
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    finally:
        engine.dispose()
    migrate.upgrade(url)
    assert migrate.current_heads(url) == {migrate.head_revision()}


def test_pending_drafts_have_their_numbers_moved_out_of_request_and_plan(databases: object) -> None:
    """0007: a draft stored before it carried numbers in its request and plan; after the
    upgrade they are in `moves.numbers` only, and a downgrade puts them back in the plan."""
    import json
    from datetime import UTC, datetime

    from alembic import command
    from sqlalchemy import text

    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url, "0006")
    number = "123456789018"
    plan = {"kind": "tennyu", "persons": [
        {"ref": "new-1", "individual_number": number}, {"ref": "new-2", "individual_number": None},
    ], "households": [], "transfer_notice_ids": [], "certificates": []}
    request = {"kind": "tennyu", "persons": [{"values": {"family_name": "試験", "individual_number": number}}]}
    now = datetime(2026, 11, 29, tzinfo=UTC)
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            for move_id, status in (("a" * 32, "draft"), ("b" * 32, "committed")):
                conn.execute(text(
                    "INSERT INTO moves (id, kind, status, created_at, expires_at, request, plan, review)"
                    " VALUES (:id, 'tennyu', :status, :now, :now, :request, :plan, '{}')"
                ), {"id": move_id, "status": status, "now": now, "request": json.dumps(request),
                    "plan": json.dumps(plan if status == "draft" else {**plan, "persons": []})})
        migrate.upgrade(url)
        with engine.connect() as conn:
            rows = {r.id: r for r in conn.execute(text("SELECT id, request, plan, numbers FROM moves"))}
        draft = rows["a" * 32]
        assert json.loads(draft.numbers) == {"new-1": number}
        assert number not in draft.request and number not in draft.plan
        assert json.loads(draft.request)["persons"][0]["values"]["family_name"] == "試験"
        assert rows["b" * 32].numbers is None
        command.downgrade(migrate.alembic_config(url), "0006")
        with engine.connect() as conn:
            back = json.loads(conn.execute(text("SELECT plan FROM moves WHERE id = :id"), {"id": "a" * 32}).scalar_one())
        assert [p["individual_number"] for p in back["persons"]] == [number, None]
    finally:
        engine.dispose()


def test_audit_targets_keep_their_rows_and_guard_through_0008(databases: object) -> None:
    """0008 rebuilds audit_targets' keys (SQLite rebuilds the table): the rows stay, the access
    report's lookup by resident still finds them, and deleting one is still refused."""
    from datetime import UTC, datetime

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    url = databases.new_url()  # type: ignore[attr-defined]
    migrate.upgrade(url, "0007")
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            audit_id = conn.execute(text(
                "INSERT INTO audit_log (at, staff_id, terminal_id, action, result, number_access, targets)"
                " VALUES (:at, 't-clerk', 'test-terminal', 'resident.search', 'ok', false, '0000000001,0000000002')"
                " RETURNING id"
            ), {"at": datetime(2026, 11, 29, tzinfo=UTC)}).scalar_one()
            for atena in ("0000000001", "0000000002"):
                conn.execute(text("INSERT INTO audit_targets (audit_id, atena_number) VALUES (:a, :n)"),
                             {"a": audit_id, "n": atena})
        migrate.upgrade(url)
        with engine.connect() as conn:
            found = conn.execute(text(
                "SELECT audit_id FROM audit_targets WHERE atena_number = '0000000002'"
            )).scalars().all()
            assert found == [audit_id]
            assert conn.scalar(text("SELECT count(*) FROM audit_targets")) == 2
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_targets WHERE atena_number = '0000000001'"))
    finally:
        engine.dispose()
