"""町丁目: the towns of the municipality, the reference for every address in the register."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base


class Town(Base):
    __tablename__ = "towns"

    town_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    kana: Mapped[str] = mapped_column(String(80))
    base_name: Mapped[str] = mapped_column(String(40))
    postal_code: Mapped[str] = mapped_column(String(7), index=True)
