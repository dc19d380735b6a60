"""The register's calendar day. Dates in the register are Japanese civil dates: a notice taken
at 08:30 in Osaka belongs to that day even though it is still the previous day in UTC."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

JST = ZoneInfo("Asia/Tokyo")


def today() -> date:
    return datetime.now(JST).date()
