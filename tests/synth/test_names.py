"""Name tables: sizes, readings, variants, fashions by era, foreign names."""

from __future__ import annotations

import random
import re

import pytest

from registry.synth import foreign as fx
from registry.synth import names

pytestmark = pytest.mark.domain

KATAKANA = re.compile(r"^[ァ-ヶー]+$")


def test_surnames_are_many_with_readings() -> None:
    table = names.SURNAMES.names
    assert len(table) >= 150
    assert len({n.kanji for n in table}) == len(table)
    assert all(KATAKANA.match(n.kana) for n in table)
    by_kanji = {n.kanji: n.kana for n in table}
    for kanji, kana in [("渡辺", "ワタナベ"), ("山口", "ヤマグチ"), ("柴田", "シバタ"),
                        ("西村", "ニシムラ"), ("北村", "キタムラ"), ("岡本", "オカモト")]:
        assert by_kanji[kanji] == kana
    # Variant characters that exercise 文字同定, all read like their common forms.
    assert by_kanji["髙橋"] == "タカハシ"
    assert by_kanji["山﨑"] == "ヤマザキ"
    assert by_kanji["渡邉"] == "ワタナベ"


def test_surname_weights_follow_frequency() -> None:
    rng = random.Random(1)
    drawn = [names.surname(rng).kanji for _ in range(20000)]
    assert drawn.count("田中") > drawn.count("渡邉") * 20
    assert drawn.count("山本") > 200


@pytest.mark.parametrize("sex", ["1", "2"])
def test_given_names_by_era(sex: str) -> None:
    total = {n for year in (1940, 1970, 1995, 2020) for n in names.given_names(sex, year).names}
    assert len(total) >= 60
    assert all(KATAKANA.match(n.kana) for n in total)


def test_fashions() -> None:
    old = {n.kanji for n in names.given_names("2", 1940).names}
    young = {n.kanji for n in names.given_names("2", 2020).names}
    assert {"和子", "幸子"} <= old and {"陽葵", "結菜"} <= young
    assert {"清", "茂"} <= {n.kanji for n in names.given_names("1", 1945).names}
    assert {"蓮", "陽翔"} <= {n.kanji for n in names.given_names("1", 2021).names}


@pytest.mark.parametrize(
    ("kana", "roman"),
    [("サトウ", "SATO"), ("オオタ", "OTA"), ("イノウエ", "INOUE"), ("ナンバ", "NAMBA"),
     ("ワタナベ", "WATANABE"), ("ハットリ", "HATTORI"), ("コウノ", "KONO")],
)
def test_romaji_for_old_surnames(kana: str, roman: str) -> None:
    assert names.romaji(kana) == roman


def test_foreign_tables() -> None:
    nats = {n.name for n in fx.NATIONALITIES}
    assert {"中国", "韓国", "ベトナム", "フィリピン", "ネパール", "ブラジル", "インドネシア",
            "米国"} <= nats
    latin = re.compile(r"^[A-Z]+( [A-Z]+)*$")
    for nat in fx.NATIONALITIES:
        for table in (nat.family, nat.male, nat.female):
            for n in table.names:
                assert KATAKANA.match(n.kana), n
                if nat.name not in ("中国", "韓国", "朝鮮"):
                    assert latin.match(n.kanji), n
    korea = next(n for n in fx.NATIONALITIES if n.name == "韓国")
    assert fx.SPECIAL_PERMANENT in dict(korea.statuses)


def test_card_numbers() -> None:
    rng = random.Random(3)
    pattern = re.compile(r"^[A-Z]{2}[0-9]{8}[A-Z]{2}$")
    assert all(pattern.match(fx.card_number(rng)) for _ in range(1000))
