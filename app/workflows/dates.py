"""Date entry as clerks type it: R7.2.13, 令和7年2月13日, 7/2/13 with the era chosen beside the
field, 070213 with the era chosen, and Gregorian (2025-02-13, 2025/2/13, 20250213,
2025年2月13日). Era forms go through app.domain.wareki, which knows every era boundary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from app.domain.errors import DomainError
from app.domain.wareki import ERAS, format_wareki, parse_wareki

GREGORIAN: Final = "AD"
# The choices beside a date field, newest era first (most dates typed are recent or births).
ERA_CHOICES: Final[tuple[tuple[str, str], ...]] = (
    *((era.letter, era.name) for era in reversed(ERAS)),
    (GREGORIAN, "西暦"),
)
_ERA_LETTERS: Final = frozenset(era.letter for era in ERAS)

_GREGORIAN_SEP: Final = re.compile(r"([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})")
_GREGORIAN_KANJI: Final = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
_GREGORIAN_COMPACT: Final = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_SHORT_SEP: Final = re.compile(r"([0-9]{1,2}|元)([./-])([0-9]{1,2})\2([0-9]{1,2})")
_SHORT_KANJI: Final = re.compile(r"([0-9]{1,2}|元)年([0-9]{1,2})月([0-9]{1,2})日")
_SHORT_COMPACT: Final = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{2})")
_LETTER_COMPACT: Final = re.compile(r"([A-Za-z])([0-9]{2})([0-9]{2})([0-9]{2})")

HINT: Final = "日付は R7.2.13、令和7年2月13日、2025-02-13 のように入力してください。"


def _invalid(message: str, field: str | None) -> DomainError:
    return DomainError("invalid_date", message, field=field)


def _gregorian(y: str, m: str, d: str, field: str | None) -> date:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        raise _invalid(f"{y}年{int(m)}月{int(d)}日は存在しない日付です。", field) from None


def _era(letter: str, y: str, m: str, d: str, field: str | None) -> date:
    try:
        return parse_wareki(f"{letter}{y}.{int(m)}.{int(d)}")
    except DomainError as err:
        raise _invalid(err.message, field) from None


def parse_date_input(text: str, era: str | None = None, *, field: str | None = None) -> date:
    """The date the clerk typed; `era` (R, H, S, T, M or AD) applies to forms without an era.
    DomainError("invalid_date", field=field) with a Japanese message otherwise."""
    compact = "".join(unicodedata.normalize("NFKC", text).split())
    if not compact:
        raise DomainError("missing_field", "日付を入力してください。", field=field)
    for pattern in (_GREGORIAN_SEP, _GREGORIAN_KANJI):
        match = pattern.fullmatch(compact)
        if match is not None:
            groups = match.groups()
            return _gregorian(groups[0], groups[-2], groups[-1], field)
    if not compact[0].isdigit() and compact[0] != "元":
        match = _LETTER_COMPACT.fullmatch(compact)
        if match is not None:
            return _era(match[1].upper(), match[2], match[3], match[4], field)
        try:
            return parse_wareki(compact)
        except DomainError as err:
            raise _invalid(err.message, field) from None
    compact_gregorian = _GREGORIAN_COMPACT.fullmatch(compact)
    if compact_gregorian is not None:
        y, m, d = compact_gregorian.groups()
        return _gregorian(y, m, d, field)
    short = _SHORT_SEP.fullmatch(compact) or _SHORT_KANJI.fullmatch(compact)
    parts: tuple[str, str, str] | None = None
    if short is not None:
        groups = short.groups()
        parts = (groups[0], groups[-2], groups[-1])
    else:
        six = _SHORT_COMPACT.fullmatch(compact)
        if six is not None:
            parts = (six[1], six[2], six[3])
    if parts is None:
        raise _invalid(HINT, field)
    if era is None or era not in _ERA_LETTERS:
        if era == GREGORIAN:
            raise _invalid("西暦は4桁の年で入力してください（例: 2025-02-13）。", field)
        raise _invalid("元号を選ぶか、R7.2.13 のように元号を付けて入力してください。", field)
    return _era(era, parts[0], parts[1], parts[2], field)


def date_input(value: Any) -> tuple[str, str | None]:
    """An entry's date value as (text, era): a plain string, or {"text": ..., "era": ...} as
    the era-and-date widget reports it."""
    if isinstance(value, Mapping):
        return str(value.get("text") or ""), (str(value["era"]) if value.get("era") else None)
    return ("" if value is None else str(value)), None


def is_blank_date(value: Any) -> bool:
    return not date_input(value)[0].strip()


def parse_entry_date(value: Any, field: str) -> date:
    text, era = date_input(value)
    return parse_date_input(text, era, field=field)


def format_date(value: date) -> str:
    """令和7年2月13日; dates before the solar calendar (never a living person's) as ISO."""
    try:
        return format_wareki(value)
    except DomainError:
        return value.isoformat()


def short_wareki(value: date) -> str:
    """R7.2.13: what a clerk would type for this date (prefills of 届出日)."""
    era = next(e for e in reversed(ERAS) if e.start <= value)
    return f"{era.letter}{value.year - era.start.year + 1}.{value.month}.{value.day}"


def readable(value: str | None) -> str | None:
    """An ISO date in text the registry sent (a record diff) as the clerk reads dates
    (令和8年11月29日); any other text as it is."""
    if value is None or len(value) != 10 or value[4:5] != "-" or value[7:8] != "-":
        return value
    try:
        return format_date(date.fromisoformat(value))
    except ValueError:
        return value
