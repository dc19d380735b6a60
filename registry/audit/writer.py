"""Writes one audit row per request, with the residents it concerns, in the caller's
transaction: a request's effect and its audit row are stored together or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from sqlalchemy import (
    CTE,
    Connection,
    Integer,
    Select,
    String,
    bindparam,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by

from registry.batch import Batch
from registry.models import AuditEntry, AuditTarget
from registry.models.base import table_of, utcnow
from registry.repositories.actor import Actor

MAX_TARGETS: Final = 300  # a larger job is summarised by its count in `detail`
_E = table_of(AuditEntry)
_T = table_of(AuditTarget)
_ROW: Final = insert(_E).returning(_E.c.id)
_TARGETS: Final = insert(_T)
_COLUMNS: Final = (
    "at", "staff_id", "terminal_id", "action", "purpose", "result", "number_access", "reference",
    "approver_id", "detail", "targets",
)
_ENTRY: Final = (
    insert(_E)
    .values({c: bindparam(c, type_=_E.c[c].type) for c in _COLUMNS})
    .returning(_E.c.id)
    .cte("entry")
)
_ROW_WITH_TARGETS: Final = (
    select(_ENTRY.c.id)
    .add_cte(
        insert(_T)
        .from_select(
            ["audit_id", "atena_number"],
            select(_ENTRY.c.id, func.unnest(bindparam("target_list", type_=ARRAY(String)))),
        )
        .cte("entry_targets")
    )
)


@dataclass(frozen=True)
class Event:
    action: str
    targets: Iterable[str] = field(default_factory=tuple)  # 宛名番号
    result: str = "ok"
    number_access: bool = False
    reference: str | None = None
    approver_id: str | None = None
    detail: str | None = None


def _row(actor: Actor, event: Event, at: datetime | None) -> tuple[dict[str, Any], list[str]]:
    targets = list(dict.fromkeys(event.targets))
    detail = event.detail
    if len(targets) > MAX_TARGETS:
        detail = f"{detail or ''} targets={len(targets)}".strip()
        targets = targets[:MAX_TARGETS]
    values = {
        "at": at or utcnow(),
        "staff_id": actor.staff_id,
        "terminal_id": actor.terminal_id,
        "action": event.action,
        "purpose": actor.purpose,
        "result": event.result,
        "number_access": event.number_access,
        "reference": event.reference,
        "approver_id": event.approver_id,
        "detail": detail,
        "targets": ",".join(targets),
    }
    return values, targets


def write(conn: Connection, actor: Actor, event: Event, at: datetime | None = None) -> int:
    values, targets = _row(actor, event, at)
    if targets and conn.dialect.name == "postgresql":
        # The row and its targets in one statement: one round trip less on every audited request.
        return int(conn.execute(_ROW_WITH_TARGETS, {**values, "target_list": targets}).scalar_one())
    row_id: int = conn.execute(_ROW, values).scalar_one()
    if targets:
        conn.execute(_TARGETS, [{"audit_id": row_id, "atena_number": t} for t in targets])
    return row_id


def queue(batch: Batch, conn: Connection, actor: Actor, event: Event, at: datetime | None = None) -> bool:
    """Adds the row to `batch` where one statement writes it (PostgreSQL, or an event without
    targets); False where the targets need the row's id first: then `write` it."""
    values, targets = _row(actor, event, at)
    if not targets:
        batch.add(_ROW, values)
        return True
    if conn.dialect.name == "postgresql":
        batch.add(_ROW_WITH_TARGETS, {**values, "target_list": targets})
        return True
    return False


SHOWN: Final = "shown"  # the parameter of `naming_rows`: how many of the rows the answer shows


def naming_rows(answer: Select, rows: CTE, order: Sequence[str], detail: str) -> Select:  # type: ignore[type-arg]
    """PostgreSQL: `answer`, a SELECT from `rows`, made to write in the same statement the audit
    row of the request that reads it, naming (by their `atena_number`) the first `shown` of
    `rows` in `order`, as `write` would for an Event with those targets and the detail
    `detail` followed by their count. A read and its audit row then take one round trip
    between them. The row's other values are bound under their column names (`values_of`);
    `shown` is the caller's to keep within MAX_TARGETS."""
    ordering = [rows.c[name] for name in order]
    shown = (
        select(*(rows.c[name] for name in dict.fromkeys(["atena_number", *order])))
        .order_by(*ordering)
        .limit(bindparam(SHOWN, type_=Integer))
        .cte("shown_rows")
    )
    in_order = [shown.c[name] for name in order]
    named = [c for c in _COLUMNS if c not in ("detail", "targets")]
    entry = (
        insert(_E)
        .from_select(
            [*named, "detail", "targets"],
            select(
                *(bindparam(c, type_=_E.c[c].type) for c in named),
                literal(detail) + func.count().cast(String),
                func.coalesce(
                    func.string_agg(shown.c.atena_number, aggregate_order_by(literal(","), *in_order)), "",
                ),
            ).select_from(shown),
            include_defaults=False,
        )
        .returning(_E.c.id)
        .cte("entry")
    )
    targets = insert(_T).from_select(
        ["audit_id", "atena_number"], select(entry.c.id, shown.c.atena_number),
    )
    return answer.add_cte(targets.cte("entry_targets"))


def values_of(actor: Actor, event: Event, at: datetime | None = None) -> dict[str, Any]:
    """The values `naming_rows` binds: those of `event`'s row but its detail and targets."""
    values, _ = _row(actor, event, at)
    del values["detail"], values["targets"]
    return values
