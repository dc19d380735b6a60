"""The outbound 本人確認情報 notices and the received 転出証明書情報."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.models import OutboundNotice, Person, PersonVersion, Town, TransferNotice


@dataclass(frozen=True)
class NoticeRow:
    notice: OutboundNotice
    person: Person
    version: PersonVersion
    town: Town


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
