"""世帯: the identity of a household. Who belongs to it, and who heads it, is part of each
member's versioned record, so the household's history is the members' history.

`version` counts the commits that changed the household's membership, head or address: a move
drafted against one version commits only if it is still current, so two moves cannot each add
a head to the same household."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base


class Household(Base):
    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_number: Mapped[str] = mapped_column(String(10), unique=True)
    created_on: Mapped[date] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
