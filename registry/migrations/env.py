"""Alembic environment: the schema is created only through these migrations, on SQLite and
PostgreSQL alike. The URL comes from `registry.migrate`, never from a file."""

from __future__ import annotations

from alembic import context

from registry.db import make_engine
from registry.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    url = config.get_main_option("sqlalchemy.url")
    assert url, "registry.migrate sets sqlalchemy.url"
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            # SQLite cannot ALTER constraints; batch mode rebuilds the table instead.
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `madoguchi-registry init`")
run_migrations_online()
