"""What passes between the register and 住基ネット: the 本人確認情報 update notices a commit
writes for the CS to send (更新順番号 strictly increasing as the CS reads them), and the 転出証明書情報 received
ahead of a 特例転入, kept only until it is used or its retention period ends."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base, UtcDateTime, utcnow


class OutboundNotice(Base):
    __tablename__ = "outbound_notices"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    # 更新順番号: numbered when published to the CS, never at commit (registry.repositories
    # .notices.publish): a number taken inside a commit would hold a lock across every commit's
    # flush to disk, or else could become visible out of order.
    sequence: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    # The version's person; nothing reads notices by person.
    person_id: Mapped[int] = mapped_column(Integer)
    # The version holds every 本人確認情報 item as it stood; nothing is copied here. No foreign
    # keys (migration 0009): the commit writes a notice from the version row itself, in the
    # transaction that holds its move locked, and neither versions nor committed moves are
    # ever deleted (triggers).
    version_id: Mapped[int] = mapped_column(Integer, unique=True)
    move_id: Mapped[str] = mapped_column(String(32), index=True)
    change_reason: Mapped[str] = mapped_column(String(20))  # 異動事由
    change_date: Mapped[date] = mapped_column(Date)  # 異動年月日
    operator_id: Mapped[str | None] = mapped_column(String(40))  # 操作者ID
    terminal_id: Mapped[str | None] = mapped_column(String(80))  # 操作端末ID
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class TransferNotice(Base):
    """転出証明書情報 received through 住基ネット for a 特例転入 (seed l.141-144)."""

    __tablename__ = "transfer_notices"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # uuid4 hex
    received_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    from_municipality: Mapped[str] = mapped_column(String(6))  # 転出元 地方公共団体コード
    resident_code: Mapped[str] = mapped_column(String(11), index=True)
    planned_move_date: Mapped[date] = mapped_column(Date, index=True)  # 転出予定日
    content: Mapped[str] = mapped_column(Text)  # the items of the 転出証明書, JSON
    used_by_move_id: Mapped[str | None] = mapped_column(ForeignKey("moves.id"))
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
