"""Named counters for numbers the register hands out (宛名番号, 世帯番号, 更新順番号).

A counter is advanced by one UPDATE ... RETURNING, which holds the row lock until the
transaction ends: numbers are therefore handed out in commit order, which is what makes the
更新順番号 of the outbound notices strictly increasing as readers see them."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base


class Counter(Base):
    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
