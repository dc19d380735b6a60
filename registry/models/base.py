"""Declarative base with a naming convention, so constraint names are identical on SQLite and
PostgreSQL and migrations can refer to them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

from sqlalchemy import DateTime, Dialect, MetaData, Table
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

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


class UtcDateTime(TypeDecorator[datetime]):
    """A point in time, kept in UTC on both databases. SQLite stores no offset: an aware value
    with another offset (a +09:00 filter from a client) would be written or compared as if its
    wall time were UTC, so it is turned to UTC first; and what SQLite hands back is marked UTC,
    as PostgreSQL's timestamptz already is. A naive value is taken as UTC, as it is stored."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is None:
            return value
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None or value.tzinfo is not None:
            return value
        return value.replace(tzinfo=UTC)
