"""Resident search: the identity-search rule, name/address matching keys, current records only.

Prefix matches run as range scans on the key indexes (see models.person.key_string); every
search is a handful of index probes whatever the register's size.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    and_,
    bindparam,
    select,
    union,
)
from sqlalchemy.orm import Session

from app.domain import kana
from app.domain.search_rule import SearchCriteria, check
from registry.audit import writer
from registry.models import Household, Person, PersonVersion, Town
from registry.repositories import numbers
from registry.repositories.actor import Actor

# Above every code point a key can hold, so [q, q + KEY_END) is exactly "starts with q".
KEY_END = "\U0010ffff"


@dataclass(frozen=True)
class HitTown:
    town_code: str
    postal_code: str
    name: str


@dataclass(frozen=True)
class SearchHit:
    atena_number: str
    version: Any  # a row of HIT_COLUMNS, read as a PersonVersion is (registry.api.schemas.summary_of)
    town: HitTown
    household_number: str


_V = PersonVersion.__table__
# What a hit shows and nothing more, read as plain rows: the ORM objects of the whole version
# (51 columns) cost about as much Python time as a page of 20 hits spent in the database.
HIT_COLUMNS: Final = (
    "family_name", "given_name", "family_name_kana", "given_name_kana", "alias_name", "alias_name_kana",
    "birth_date", "sex", "relationship", "is_head", "resident_type", "processing_stop",
    "removed_on", "removal_reason", "town_code", "address_detail", "building",
)


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit]
    has_more: bool


def _prefix(column: Any, name: str) -> ColumnElement[bool]:
    """`column` starts with the value bound as `name`: the range [name_lo, name_hi)."""
    return and_(column >= bindparam(f"{name}_lo"), column < bindparam(f"{name}_hi"))


def _name_terms(shape: _Shape, *, alias: bool) -> list[ColumnElement[bool]]:
    """The name items as prefix ranges on the registered name's keys, or on the 通称's."""
    v = PersonVersion
    kana_column: Any = v.alias_kana_key if alias else v.name_kana_key
    kanji_column: Any = v.alias_kanji_key if alias else v.name_kanji_key
    if shape.by_birth_date:
        # With a birth date, the (birth date, ...) index finds a few dozen rows per day even
        # in a city of a million, and the name is only checked on those. Neither planner can
        # estimate a non-ASCII prefix range (both guessed one row) and PostgreSQL would walk
        # every 田中 through the name index instead, so the name keys are made unindexable
        # here (`key || ''` keeps the column's collation).
        kana_column, kanji_column = kana_column.concat(""), kanji_column.concat("")
    terms: list[ColumnElement[bool]] = []
    if shape.name_kind is not None:
        terms.append(_prefix(kana_column if shape.name_kind == "kana" else kanji_column, "name"))
    if shape.by_name_kana:
        terms.append(_prefix(kana_column, "name_kana"))
    return terms


def _has_letter(key: str) -> bool:
    return any(unicodedata.category(char).startswith("L") for char in key)


def _without_empty_keys(criteria: SearchCriteria, prefixes: tuple[str, ...]) -> SearchCriteria:
    """Items whose matching key is empty (only spaces or punctuation, or only the city's own
    prefix as address) would match everyone, so they do not count towards the rule."""
    name = criteria.name if criteria.name and _has_letter(kana.name_key(criteria.name)[1]) else None
    name_kana = (
        criteria.name_kana
        if criteria.name_kana and _has_letter(kana.kana_key(criteria.name_kana))
        else None
    )
    address = criteria.address
    if address and not kana.address_key(address, strip_prefixes=prefixes):
        address = None
    return replace(criteria, name=name, name_kana=name_kana, address=address)


def _base_query() -> Select:  # type: ignore[type-arg]  # its form differs in SQLAlchemy 2.0/2.1
    v = PersonVersion
    return (
        select(
            Person.atena_number, *(_V.c[c] for c in HIT_COLUMNS),
            Town.postal_code.label("town_postal_code"), Town.name.label("town_name"),
            Household.household_number,
        )
        .join(Person, Person.current_version_id == v.id)
        .join(Town, Town.town_code == v.town_code)
        .join(Household, Household.id == v.household_id)
    )


@dataclass(frozen=True)
class _Shape:
    """Which criteria a search has: one SQL statement per shape, built once and cached, since
    building the UNION costs more Python time than the database spends answering it."""

    by_person: bool
    by_resident_code: bool
    name_kind: str | None  # "kana" | "kanji" | None
    by_name_kana: bool
    by_birth_date: bool
    by_address: bool
    by_sex: bool
    include_removed: bool


_PAGE_ORDER: Final = (PersonVersion.name_kana_key, PersonVersion.birth_date, Person.atena_number)


@lru_cache(maxsize=256)
def _statement(shape: _Shape) -> Select:  # type: ignore[type-arg]
    v = PersonVersion
    conditions: list[ColumnElement[bool]] = []
    if shape.by_person:
        conditions.append(Person.id == bindparam("person_id"))
    if shape.by_resident_code:
        conditions.append(Person.resident_code == bindparam("resident_code"))
    if shape.by_birth_date:
        conditions.append(v.birth_date == bindparam("birth_date", type_=Date))
    if shape.by_address:
        conditions.append(_prefix(v.address_key, "address"))
    if shape.by_sex:
        conditions.append(v.sex == bindparam("sex"))
    if not shape.include_removed:
        conditions.append(v.removed_on.is_(None))
    if shape.name_kind is not None or shape.by_name_kana:
        # A name matches the registered name or the 通称. As one OR, neither planner can use
        # the composite indexes; as a UNION of the two, each half is one index range scan.
        def matching(alias: bool) -> Select:  # type: ignore[type-arg]
            return (
                select(v.id)
                .join(Person, Person.current_version_id == v.id)
                .where(*_name_terms(shape, alias=alias), *conditions)
            )

        ids = union(matching(alias=False), matching(alias=True)).subquery()
        conditions = [v.id.in_(select(ids.c.id))]
    return (
        _base_query()
        .where(*conditions)
        .order_by(*_PAGE_ORDER)
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
    )


def statement(
    criteria: SearchCriteria,
    *,
    address_prefixes: tuple[str, ...],
    include_removed: bool,
    limit: int,
    offset: int,
    person_id: int | None = None,
) -> tuple[Select, dict[str, Any]]:  # type: ignore[type-arg]
    """The SELECT for already-checked criteria and the values to bind; it fetches one row
    beyond `limit` to tell whether another page exists. `person_id` stands for an individual
    number already looked up."""
    shape, values = _shape_of(
        criteria, address_prefixes=address_prefixes, include_removed=include_removed, limit=limit, offset=offset,
        person_id=person_id,
    )
    return _statement(shape), values


def _shape_of(
    criteria: SearchCriteria,
    *,
    address_prefixes: tuple[str, ...],
    include_removed: bool,
    limit: int,
    offset: int,
    person_id: int | None,
) -> tuple[_Shape, dict[str, Any]]:
    values: dict[str, Any] = {"limit": limit + 1, "offset": offset}

    def prefix(name: str, key: str) -> None:
        values[f"{name}_lo"], values[f"{name}_hi"] = key, key + KEY_END

    name_kind = None
    if criteria.name:
        name_kind, key = kana.name_key(criteria.name)
        prefix("name", key)
    if criteria.name_kana:
        prefix("name_kana", kana.kana_key(criteria.name_kana))
    if criteria.address:
        prefix("address", kana.address_key(criteria.address, strip_prefixes=address_prefixes))
    optional = {
        "person_id": person_id,
        "resident_code": criteria.resident_code,
        "birth_date": criteria.birth_date,
        "sex": criteria.sex,
    }
    values.update({k: value for k, value in optional.items() if value is not None})
    shape = _Shape(
        by_person=person_id is not None,
        by_resident_code=bool(criteria.resident_code),
        name_kind=name_kind,
        by_name_kana=bool(criteria.name_kana),
        by_birth_date=criteria.birth_date is not None,
        by_address=bool(criteria.address),
        by_sex=bool(criteria.sex),
        include_removed=include_removed,
    )
    return shape, values


def search(
    session: Session,
    criteria: SearchCriteria,
    *,
    address_prefixes: tuple[str, ...],
    include_removed: bool,
    limit: int,
    offset: int,
    actor: Actor,
) -> SearchPage:
    criteria = _checked(criteria, address_prefixes)
    person_id = None
    if criteria.individual_number:
        person_id = numbers.person_for_number(session, criteria.individual_number, actor)
        if person_id is None:
            return SearchPage(hits=[], has_more=False)
    return _page_on(session.connection(), criteria, address_prefixes, include_removed, limit, offset, person_id)


def search_on(
    conn: Connection,
    criteria: SearchCriteria,
    *,
    address_prefixes: tuple[str, ...],
    include_removed: bool,
    limit: int,
    offset: int,
) -> SearchPage:
    """`search` on a connection, by anything but the individual number (whose look-up writes
    access-log rows in the caller's transaction: use `search`)."""
    criteria = _checked_without_number(criteria, address_prefixes)
    return _page_on(conn, criteria, address_prefixes, include_removed, limit, offset, None)


def _page_on(
    conn: Connection, criteria: SearchCriteria, address_prefixes: tuple[str, ...], include_removed: bool,
    limit: int, offset: int, person_id: int | None,
) -> SearchPage:
    query, values = statement(
        criteria,
        address_prefixes=address_prefixes,
        include_removed=include_removed,
        limit=limit,
        offset=offset,
        person_id=person_id,
    )
    return page_of(conn.execute(query, values).all(), limit)


def audited(
    criteria: SearchCriteria,
    *,
    address_prefixes: tuple[str, ...],
    include_removed: bool,
    limit: int,
    offset: int,
) -> tuple[Select, dict[str, Any]]:  # type: ignore[type-arg]
    """PostgreSQL, a search by anything but the individual number: the statement that answers
    the page as `search` does (rows for `page_of`) and writes the request's audit row naming
    the residents the page shows, with the detail `hits=N` (registry.audit.writer.naming_rows),
    and its values but the audit row's own (writer.values_of). The search and its audit row
    then take one round trip. Raises SearchTooBroad as `search` does."""
    criteria = _checked_without_number(criteria, address_prefixes)
    if limit > writer.MAX_TARGETS:  # a longer list `write` would cut short; this statement cannot
        raise ValueError(f"a page of more than {writer.MAX_TARGETS} rows cannot be audited by name")
    shape, values = _shape_of(
        criteria, address_prefixes=address_prefixes, include_removed=include_removed, limit=limit, offset=offset,
        person_id=None,
    )
    values[writer.SHOWN] = limit
    return _audited_statement(shape), values


HITS_DETAIL: Final = "hits="  # an audit row's detail: "hits=" and how many the page shows


@lru_cache(maxsize=256)
def _audited_statement(shape: _Shape) -> Select:  # type: ignore[type-arg]
    # The page is sorted again outside the CTE, by the same keys: a CTE's rows come in no
    # promised order.
    keys = [f"page_order_{i}" for i in range(len(_PAGE_ORDER))]
    hits = _statement(shape).add_columns(*(c.label(k) for c, k in zip(_PAGE_ORDER, keys, strict=True))).cte("hits")
    answer = select(*(c for c in hits.c if c.key not in keys)).order_by(*(hits.c[k] for k in keys))
    return writer.naming_rows(answer, hits, keys, HITS_DETAIL)


def _checked(criteria: SearchCriteria, address_prefixes: tuple[str, ...]) -> SearchCriteria:
    criteria = _without_empty_keys(criteria, address_prefixes)
    check(criteria)
    return criteria


def _checked_without_number(criteria: SearchCriteria, address_prefixes: tuple[str, ...]) -> SearchCriteria:
    """`_checked`, for the searches that cannot write the access-log rows a number needs."""
    criteria = _checked(criteria, address_prefixes)
    if criteria.individual_number:
        raise ValueError("a search by individual number writes access-log rows: use search()")
    return criteria


def page_of(rows: Sequence[Any], limit: int) -> SearchPage:
    """A page from the rows of `statement` (or `audited`), read by column name; one row beyond
    `limit` says another page exists."""
    hits = [
        SearchHit(r.atena_number, r, HitTown(r.town_code, r.town_postal_code, r.town_name), r.household_number)
        for r in rows[:limit]
    ]
    return SearchPage(hits=hits, has_more=len(rows) > limit)
