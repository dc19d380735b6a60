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
