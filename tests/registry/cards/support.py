"""What the card and identity tests read straight from the database: audit rows, stored rows,
a resident's registered number (to present it, as a card would)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from registry.models import (
    AuditEntry,
    AuditTarget,
    CardEventRecord,
    IdentityCheck,
    IndividualNumber,
    NumberAccessLog,
    Person,
)
from tests.registry.moves.world import World


def audit_rows(world: World, atena: str, action: str | None = None) -> list[dict[str, Any]]:
    query = (
        select(AuditEntry.__table__)
        .join(AuditTarget, AuditTarget.audit_id == AuditEntry.id)
        .where(AuditTarget.atena_number == atena)
        .order_by(AuditEntry.id)
    )
    if action is not None:
        query = query.where(AuditEntry.action == action)
    with world.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query).all()]


def assert_no_values(rows: list[dict[str, Any]], *values: str) -> None:
    """No column of any row carries one of `values` (a number, an expiry, a reason)."""
    for row in rows:
        text = " ".join(str(v) for v in row.values() if v is not None)
        for value in values:
            assert value not in text, (value, row)


def registered_number(world: World, atena: str) -> str:
    with world.engine.connect() as conn:
        number = conn.scalar(
            select(IndividualNumber.number)
            .join(Person, Person.id == IndividualNumber.person_id)
            .where(Person.atena_number == atena)
        )
    assert number is not None
    return number


def person_id(world: World, atena: str) -> int:
    with world.engine.connect() as conn:
        found = conn.scalar(select(Person.id).where(Person.atena_number == atena))
    assert found is not None
    return found


def count_checks(world: World, atena: str) -> int:
    with world.engine.connect() as conn:
        return int(conn.scalar(
            select(func.count()).select_from(IdentityCheck)
            .where(IdentityCheck.person_id == person_id(world, atena))
        ) or 0)


def count_events(world: World, atena: str) -> int:
    with world.engine.connect() as conn:
        return int(conn.scalar(
            select(func.count()).select_from(CardEventRecord)
            .where(CardEventRecord.person_id == person_id(world, atena))
        ) or 0)


def number_log(world: World, atena: str) -> list[dict[str, Any]]:
    with world.engine.connect() as conn:
        rows = conn.execute(
            select(NumberAccessLog.__table__)
            .where(NumberAccessLog.person_id == person_id(world, atena))
            .order_by(NumberAccessLog.id)
        ).all()
    return [dict(r._mapping) for r in rows]


def chain_verifies(world: World) -> bool:
    with world.client("t-audit") as c:
        report = c.get("/v1/audit/verify")
    assert report.status_code == 200, report.text
    return bool(report.json()["ok"])
