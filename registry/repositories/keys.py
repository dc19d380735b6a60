"""The derived columns of a person version: matching keys and 清音化 kana, computed in one place
for every writer (seeding, moves) so that search finds what was written."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from app.domain import kana

# Names and addresses repeat a great deal across a city; a bulk load computes each key once.
CACHE_SIZE = 1 << 16


@lru_cache(maxsize=CACHE_SIZE)
def name_columns(
    family_name: str,
    given_name: str,
    family_name_kana: str,
    given_name_kana: str,
    alias_name: str | None,
    alias_name_kana: str | None,
) -> Mapping[str, str | None]:
    # Read-only: the cached mapping is shared by every caller.
    full_kana = f"{family_name_kana}\u3000{given_name_kana}"
    return MappingProxyType({
        "name_seion_kana": kana.seion(kana.to_katakana(full_kana)),
        "name_kana_key": kana.kana_key(full_kana),
        "name_kanji_key": kana.kanji_key(family_name + given_name),
        "alias_kana_key": kana.kana_key(alias_name_kana) if alias_name_kana else None,
        "alias_kanji_key": kana.kanji_key(alias_name) if alias_name else None,
    })


@lru_cache(maxsize=CACHE_SIZE)
def address_column(town_name: str, address_detail: str) -> str:
    # Prefecture and city are the municipality's own, never part of the stored key.
    return kana.address_key(town_name + address_detail, strip_prefixes=())
