"""Declarative base with a naming convention, so constraint names are identical on SQLite and
PostgreSQL and migrations can refer to them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """A model's table, typed as the Table it is: SQLAlchemy types `__table__` as a FromClause,
    which insert() and update() do not accept."""
    return cast(Table, model.__table__)


def utcnow() -> datetime:
    return datetime.now(UTC)
