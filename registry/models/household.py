"""世帯: the identity of a household. Who belongs to it, and who heads it, is part of each
member's versioned record, so the household's history is the members' history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from registry.models.base import Base


class Household(Base):
    __tablename__ = "households"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_number: Mapped[str] = mapped_column(String(10), unique=True)
    created_on: Mapped[date] = mapped_column(Date)
