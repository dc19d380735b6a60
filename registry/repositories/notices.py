"""The outbound 本人確認情報 notices and the received 転出証明書情報."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from registry.models import Counter, OutboundNotice, Person, PersonVersion, Town, TransferNotice
from registry.models.base import table_of
from registry.repositories import counters

PUBLISH_BATCH = 5000
_OUTBOUND = table_of(OutboundNotice)
_NUMBER = (
    update(_OUTBOUND)
    .where(_OUTBOUND.c.id == bindparam("notice_id"))
    .values(sequence=bindparam("seq"))
)


@dataclass(frozen=True)
class NoticeRow:
    notice: OutboundNotice
    person: Person
    version: PersonVersion
    town: Town


def publish(session: Session) -> int:
    """Give 更新順番号 to the committed notices that have none, oldest first; returns how
    many. Publishers queue on the counter row, so each batch is numbered after every batch
    before it, and a reader that has read up to N never later finds a new notice below N."""
    # The counter row is locked before the unnumbered rows are read: a publisher that waited
    # here then sees what the one before it numbered, and never numbers a row twice.
    last = session.scalar(
        select(Counter.value).where(Counter.name == counters.NOTICE).with_for_update()
    )
    if last is None:
        raise RuntimeError("the notice counter is missing: run `madoguchi-registry init`")
    pending = list(session.scalars(
        select(OutboundNotice.id)
        .where(OutboundNotice.sequence.is_(None))
        .order_by(OutboundNotice.id)
        .limit(PUBLISH_BATCH)
    ))
    if not pending:
        return 0
    session.execute(
        update(Counter).where(Counter.name == counters.NOTICE).values(value=last + len(pending))
    )
    session.connection().execute(
        _NUMBER,
        [{"notice_id": i, "seq": last + n} for n, i in enumerate(pending, start=1)],
    )
    return len(pending)


def outbound_after(session: Session, after: int, limit: int) -> list[NoticeRow]:
    rows = session.execute(
        select(OutboundNotice, Person, PersonVersion, Town)
        .join(Person, Person.id == OutboundNotice.person_id)
        .join(PersonVersion, PersonVersion.id == OutboundNotice.version_id)
        .join(Town, Town.town_code == PersonVersion.town_code)
        .where(OutboundNotice.sequence > after)
        .order_by(OutboundNotice.sequence)
        .limit(limit)
    ).all()
    return [NoticeRow(*row) for row in rows]


def transfer_notices_for(session: Session, resident_code: str) -> list[TransferNotice]:
    return list(
        session.scalars(
            select(TransferNotice)
            .where(TransferNotice.resident_code == resident_code)
            .order_by(TransferNotice.received_at)
        )
    )


def unused_transfer_notices(session: Session, today: date, retention: timedelta) -> list[TransferNotice]:
    """The received 転出証明書情報 not yet used and not yet due for the purge (planned date
    within the retention period), oldest first: what a 特例転入 may still use. The purge
    deletes the rest (registry/jobs/purge.py), so this stays at a month's arrivals."""
    return list(
        session.scalars(
            select(TransferNotice)
            .where(
                TransferNotice.used_by_move_id.is_(None),
                TransferNotice.used_at.is_(None),
                TransferNotice.planned_move_date >= today - retention,
            )
            .order_by(TransferNotice.received_at, TransferNotice.id)
        )
    )
