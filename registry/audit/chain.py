"""The hash chain over the audit log.

A sealer takes the unsealed rows in id order and gives each the next chain number and
sha256(previous hash + the row's content). The head row holds the last number and hash, so rows
cut off the end are noticed too. Sealing happens after commit, never inside a request: a chain
extended inside every request would hold one lock across all of them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import BigInteger, String, bindparam, column, func, select, update
from sqlalchemy.orm import Session

from registry.batch import as_json, rows_parameter
from registry.models import AuditChainHead, AuditEntry
from registry.models.base import table_of, utcnow

GENESIS: Final = "0" * 64
SEAL_BATCH: Final = 2000
# A row still unsealed this long after it was written means the sealer is not running.
UNSEALED_GRACE: Final = timedelta(minutes=5)
_A = table_of(AuditEntry)
_SEAL = (
    update(_A)
    .where(_A.c.id == bindparam("row_id"))
    .values(chain_seq=bindparam("seq"), chain_hash=bindparam("digest"))
)
# On PostgreSQL one statement seals the whole run, its rows in one JSON parameter, instead of one
# execution per row (bench/README.md, session 7: less CPU on both sides per sealed row).
_SEALS: Final = func.json_to_recordset(rows_parameter()).table_valued(
    column("row_id", BigInteger), column("seq", BigInteger), column("digest", String),
).render_derived(with_types=True)
_SEAL_ALL: Final = (
    update(_A)
    .where(_A.c.id == _SEALS.c.row_id)
    .values(chain_seq=_SEALS.c.seq, chain_hash=_SEALS.c.digest)
)
CONTENT_COLUMNS: Final = (
    "id", "at", "staff_id", "terminal_id", "action", "purpose", "result", "number_access",
    "reference", "approver_id", "detail", "targets",
)


def _utc(value: datetime) -> str:
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="microseconds")


def digest(previous: str, row: Any) -> str:
    content = [getattr(row, c) for c in CONTENT_COLUMNS]
    content[1] = _utc(content[1])
    content[7] = bool(content[7])
    payload = json.dumps([previous, content], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()


def seal(session: Session) -> int:
    """Seal what is unsealed; returns how many rows. Sealers queue on the head row."""
    head = session.execute(
        select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update()
    ).scalar_one()
    rows = session.execute(
        select(*(_A.c[c] for c in CONTENT_COLUMNS))
        .where(_A.c.chain_seq.is_(None))
        .order_by(_A.c.id)
        .limit(SEAL_BATCH)
    ).all()
    if not rows:
        return 0
    seq, previous = head.last_seq, head.last_hash
    params = []
    for row in rows:
        seq += 1
        previous = digest(previous, row)
        params.append({"row_id": row.id, "seq": seq, "digest": previous})
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        sealed = conn.execute(_SEAL_ALL, {"rows": as_json(params)}).rowcount
        if sealed != len(params):
            raise RuntimeError(f"{len(params)} audit rows to seal, {sealed} sealed")
    else:
        conn.execute(_SEAL, params)
    head.last_seq, head.last_hash = seq, previous
    return len(rows)


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    problem: str | None = None  # what is wrong, in English for the operator's tools
    at_seq: int | None = None  # the first chain number that does not hold
    row_id: int | None = None


def verify(session: Session) -> Verification:
    head = session.execute(select(AuditChainHead).where(AuditChainHead.id == 1)).scalar_one()
    previous, expected_seq, checked = GENESIS, 1, 0
    stream = session.execute(
        select(*(_A.c[c] for c in CONTENT_COLUMNS), _A.c.chain_seq, _A.c.chain_hash)
        .where(_A.c.chain_seq.is_not(None))
        .order_by(_A.c.chain_seq)
        .execution_options(yield_per=5000)
    )
    for row in stream:
        if row.chain_seq != expected_seq:
            return Verification(False, checked, f"row {expected_seq} of the chain is missing",
                                expected_seq, row.id)
        if digest(previous, row) != row.chain_hash:
            return Verification(False, checked, "row content or chain hash was changed",
                                row.chain_seq, row.id)
        previous = row.chain_hash
        expected_seq += 1
        checked += 1
    if checked != head.last_seq or (checked and previous != head.last_hash):
        return Verification(False, checked, "rows at the end of the chain were removed",
                            checked + 1, None)
    stale = session.scalar(
        select(func.min(_A.c.id)).where(_A.c.chain_seq.is_(None), _A.c.at < utcnow() - UNSEALED_GRACE)
    )
    if stale is not None:
        return Verification(False, checked, "rows were left unsealed (is the sealer running?)",
                            None, stale)
    return Verification(True, checked)
