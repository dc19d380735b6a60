"""The Japanese era calendar (和暦) for certificates, the card's 照合番号B and date input.

The era table is our own and tested at every boundary. Only the eras a living resident's record
can need are listed. 明治 starts on 1868-01-25 (Gregorian for 慶応4年1月1日), the convention most
converters use; but Japan used the lunisolar calendar until 明治5年12月2日, and the day after was
明治6年1月1日 = 1873-01-01. Dates before 1873-01-01 do not map day-for-day between the calendars,
so they are rejected instead of being converted wrongly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from app.domain.errors import DomainError

_CODE: Final = "invalid_date"

# First day on which the solar (Gregorian) calendar was in use in Japan.
SOLAR_CALENDAR_START: Final = date(1873, 1, 1)


@dataclass(frozen=True, slots=True)
class Era:
    name: str  # 令和
    letter: str  # R, as in "R7.2.13"
    start: date  # first day of year 1 (元年)


@dataclass(frozen=True, slots=True)
class Wareki:
    era: Era
    year: int  # era year, 1 = 元年
    month: int
    day: int


# Oldest first; to_wareki relies on this order.
ERAS: Final[tuple[Era, ...]] = (
    Era("明治", "M", date(1868, 1, 25)),  # conventional; see module docstring
    Era("大正", "T", date(1912, 7, 30)),
    Era("昭和", "S", date(1926, 12, 25)),
    Era("平成", "H", date(1989, 1, 8)),
    Era("令和", "R", date(2019, 5, 1)),
)
_BY_NAME: Final = {era.name: era for era in ERAS}
_BY_LETTER: Final = {era.letter: era for era in ERAS}


def _era_end(era: Era) -> date | None:
    """Last day of `era`, or None for the current one."""
    index = ERAS.index(era)
    if index + 1 == len(ERAS):
        return None
    return ERAS[index + 1].start - timedelta(days=1)


def _check_solar(d: date) -> None:
    if d < SOLAR_CALENDAR_START:
        raise DomainError(
            _CODE, "明治6年1月1日（1873年1月1日）より前の日付は扱えません（旧暦の期間です）"
        )


def to_wareki(d: date) -> Wareki:
    """The era date of `d`; DomainError("invalid_date") before 1873-01-01."""
    _check_solar(d)
    era = next(e for e in reversed(ERAS) if e.start <= d)
    return Wareki(era=era, year=d.year - era.start.year + 1, month=d.month, day=d.day)


def _year_text(year: int, gannen: bool) -> str:
    return "元" if gannen and year == 1 else str(year)


def format_wareki(d: date, *, gannen: bool = True) -> str:
    """ "令和7年2月13日"; year 1 is written 元年 unless gannen=False ("令和1年5月1日")."""
    w = to_wareki(d)
    return f"{w.era.name}{_year_text(w.year, gannen)}年{w.month}月{w.day}日"


def era_yymmdd(d: date) -> str:
    """Era year, month and day as six digits: 1980-02-17 (昭和55年) → "550217".

    This is the birth-date part of the card's 照合番号B (docs/card.md).
    """
    w = to_wareki(d)
    if w.year > 99:  # cannot happen before 2117, but never emit a 7-digit field silently
        raise DomainError(_CODE, "和暦の年が2桁に収まりません")
    return f"{w.year:02d}{w.month:02d}{w.day:02d}"


# Text forms accepted by parse_wareki, after NFKC (full-width digits and letters, ㍻ ㋿ → ASCII
# and kanji era names) and removal of whitespace:
#   令和7年2月13日 / 令和元年5月1日           era name, 年月日
#   R7.2.13 / H31.4.30 / S55/2/17 / r7-2-13   era letter, one separator used throughout
_KANJI_FORM: Final = re.compile(
    r"(?P<era>[^0-9元]+)(?P<y>[0-9]+|元)年(?P<m>[0-9]+)月(?P<d>[0-9]+)日"
)
_LETTER_FORM: Final = re.compile(
    r"(?P<era>[A-Za-z])(?P<y>[0-9]+|元)(?P<sep>[./-])(?P<m>[0-9]+)(?P=sep)(?P<d>[0-9]+)"
)
_FORMAT_HINT: Final = "和暦の日付として読み取れません（例: 令和7年2月13日、R7.2.13）"


def parse_wareki(text: str) -> date:
    """Parse an era date; DomainError("invalid_date") for anything impossible or unknown.

    Rejected, beyond bad syntax: unknown eras, impossible days (2月30日), dates outside their
    era (平成31年5月1日, 令和1年4月30日) and dates before 1873-01-01.
    """
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    era: Era | None
    match = _KANJI_FORM.fullmatch(compact)
    if match is not None:
        era = _BY_NAME.get(match["era"])
    else:
        match = _LETTER_FORM.fullmatch(compact)
        if match is None:
            raise DomainError(_CODE, _FORMAT_HINT)
        era = _BY_LETTER.get(match["era"].upper())
    if era is None:
        raise DomainError(_CODE, f"元号「{match['era']}」は使用できません")

    year = 1 if match["y"] == "元" else int(match["y"])
    month, day = int(match["m"]), int(match["d"])
    if year < 1:
        raise DomainError(_CODE, "和暦の年は1（元年）以上で入力してください")
    try:
        result = date(era.start.year + year - 1, month, day)
    except ValueError:
        raise DomainError(
            _CODE, f"{era.name}{year}年{month}月{day}日は存在しない日付です"
        ) from None

    # The era must actually have been in force on that day: 平成31年5月1日 is 令和元年5月1日.
    end = _era_end(era)
    if result < era.start or (end is not None and result > end):
        first = format_wareki(max(era.start, SOLAR_CALENDAR_START))
        span = f"{first}から" + ("" if end is None else f"{format_wareki(end)}まで")
        raise DomainError(
            _CODE, f"{era.name}{year}年{month}月{day}日は{era.name}の期間外です（{span}）"
        )
    _check_solar(result)
    return result


_ISO_DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_iso_date(text: str, field: str) -> date:
    """Strict YYYY-MM-DD (ASCII, exactly 10 characters); DomainError("invalid_date", field=...).

    Used at API boundaries where the client is a program, so nothing is guessed: no full-width
    digits, no surrounding spaces, no time part (date.fromisoformat accepts "20250213" too).
    """
    if _ISO_DATE.fullmatch(text) is None:
        raise DomainError(_CODE, "日付はYYYY-MM-DD形式で入力してください", field=field)
    try:
        return date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        raise DomainError(_CODE, f"{text}は存在しない日付です", field=field) from None
