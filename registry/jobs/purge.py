"""Retention: what the register may keep only for a while is deleted, and each deletion is
written to the purge log (seed l.141-144, 1955-1964).

- move drafts not committed before they expire, and discarded drafts;
- received 転出証明書情報 not used for a 転入 within the retention period after its 転出予定日,
  and used ones the same period after their use;
- stored answers to Idempotency-Key requests past their retention.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain import clock
from registry.config import Settings
from registry.models import IdempotencyRecord, Move, PurgeLog, TransferNotice
from registry.models.base import utcnow

log = logging.getLogger(__name__)
BATCH = 1000


@dataclass(frozen=True)
class PurgeReport:
    drafts: int
    transfer_notices: int
    idempotency_keys: int


def _log(session: Session, job: str, object_type: str, rows: list[tuple[str, str]]) -> None:
    if rows:
        session.execute(
            insert(PurgeLog),
            [{"at": utcnow(), "job": job, "object_type": object_type, "object_id": i, "reason": r}
             for i, r in rows],
        )


def purge_drafts(session: Session, now: datetime) -> int:
    found = session.execute(
        select(Move.id, Move.status)
        .where(or_(Move.status == "discarded", (Move.status == "draft") & (Move.expires_at < now)))
        .limit(BATCH)
    ).all()
    ids = [row[0] for row in found]
    if ids:
        session.execute(delete(Move).where(Move.id.in_(ids)))
        _log(session, "drafts", "move", [(row[0], "discarded" if row[1] == "discarded" else "expired")
                                          for row in found])
    return len(ids)


def purge_transfer_notices(session: Session, settings: Settings, now: datetime, today: date) -> int:
    retention = settings.transfer_notice_retention
    found = session.execute(
        select(TransferNotice.id, TransferNotice.used_at)
        .where(or_(
            TransferNotice.used_at.is_(None) & (TransferNotice.planned_move_date < today - retention),
            TransferNotice.used_at < now - retention,
        ))
        .limit(BATCH)
    ).all()
    ids = [row[0] for row in found]
    if ids:
        session.execute(delete(TransferNotice).where(TransferNotice.id.in_(ids)))
        _log(session, "transfer_notices", "transfer_notice",
             [(row[0], "used_past_retention" if row[1] else "unused_past_retention") for row in found])
    return len(ids)


def purge_idempotency(session: Session, settings: Settings, now: datetime) -> int:
    deleted = session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at < now - settings.idempotency_retention)
    )
    count = cast("CursorResult[Any]", deleted).rowcount  # a DELETE's result counts its rows
    # The keys are the clients' own and say nothing; the count is what is worth keeping.
    _log(session, "idempotency_keys", "idempotency_key", [(str(count), "past_retention")] if count else [])
    return count


def run_once(
    factory: sessionmaker[Session],
    settings: Settings,
    lock: AbstractContextManager[object] | None = None,
) -> PurgeReport:
    now, today = utcnow(), clock.today()
    totals = [0, 0, 0]
    while True:
        with lock if lock is not None else nullcontext(), factory.begin() as session:
            counts = (
                purge_drafts(session, now),
                purge_transfer_notices(session, settings, now, today),
                purge_idempotency(session, settings, now),
            )
        totals = [t + c for t, c in zip(totals, counts, strict=True)]
        if counts[0] < BATCH and counts[1] < BATCH:
            return PurgeReport(*totals)


class PeriodicThread(threading.Thread):
    """Runs a job every `interval` seconds inside the service until stopped."""

    def __init__(self, name: str, job: Callable[[], object], interval: float) -> None:
        super().__init__(name=name, daemon=True)
        self._job = job
        self._interval = interval
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(self._interval):
            try:
                self.report(self._job())
            except Exception:  # the next round tries again; the service keeps serving
                log.exception("%s failed", self.name)

    def report(self, outcome: object) -> None:
        pass

    def stop(self) -> None:
        self._stop_event.set()


class PurgeThread(PeriodicThread):
    def __init__(self, job: Callable[[], PurgeReport], interval: float) -> None:
        super().__init__("purge", job, interval)

    def report(self, outcome: object) -> None:
        if isinstance(outcome, PurgeReport) and any(
            (outcome.drafts, outcome.transfer_notices, outcome.idempotency_keys)
        ):
            log.warning("purged: %s", outcome)
