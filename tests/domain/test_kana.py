"""Name and address matching keys."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import kana
from app.domain.errors import DomainError

pytestmark = pytest.mark.domain

# ぁ..ゖ map one-to-one onto ァ..ヶ (offset 0x60).
HIRAGANA = "".join(chr(c) for c in range(0x3041, 0x3097))
hiragana_text = st.text(alphabet=HIRAGANA + "ー", min_size=1, max_size=20)


def hira_to_kata(s: str) -> str:
    return "".join(chr(ord(c) + 0x60) if c in HIRAGANA else c for c in s)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("わたなべ", "ワタナベ"),
        ("ﾜﾀﾅﾍﾞ", "ワタナベ"),
        ("ﾊﾟﾝ", "パン"),
        ("ｳﾞｨｰ", "ヴィー"),
        ("ﾜﾞ", "ヷ"),  # jaconv leaves ﾜﾞ as ワﾞ; we compose it
        ("ハ゛ナ", "バナ"),  # spacing ゛ would become " ゙" under NFKC
        ("ハ\u3099ナ", "バナ"),  # combining mark
        ("ｼﾞｮﾝ･ｽﾐｽ", "ジョン・スミス"),
        ("ゔぁ", "ヴァ"),
        ("山田", "山田"),
    ],
)
def test_to_katakana(text: str, expected: str) -> None:
    assert kana.to_katakana(text) == expected


def test_to_katakana_is_nfkc_stable() -> None:
    for text in ["ﾜﾀﾅﾍﾞ", "ハ゛ナ", "ﾊﾟ", "ﾜﾞ", "ｰ"]:
        out = kana.to_katakana(text)
        assert unicodedata.normalize("NFKC", out) == out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ガ", "カ"),
        ("パ", "ハ"),
        ("ヴ", "ウ"),
        ("ャ", "ヤ"),
        ("ッ", "ツ"),
        ("ァ", "ア"),
        ("ヮ", "ワ"),
        ("ヵ", "カ"),
        ("ヶ", "ケ"),
        ("ー", "ー"),
        ("ヷ", "ワ"),
        ("ㇰ", "ク"),
        ("ぱっきゃ", "はつきや"),
        ("キャッシュ", "キヤツシユ"),
    ],
)
def test_seion(text: str, expected: str) -> None:
    assert kana.seion(text) == expected


@pytest.mark.parametrize(
    "text",
    ["わたなべ", "ワタナベ", "ﾜﾀﾅﾍﾞ", "わたなべ　たろう", "ジョン・スミス", "ｼﾞｮﾝ ｽﾐｽ", "ー ア"],
)
def test_is_kana_true(text: str) -> None:
    assert kana.is_kana(text)


@pytest.mark.parametrize(
    "text", ["", " ", "　", "・", "ー", "渡辺", "わたなべ1", "Watanabe", "わたなべ\t"]
)
def test_is_kana_false(text: str) -> None:
    assert not kana.is_kana(text)


def test_kana_key_examples() -> None:
    assert (
        kana.kana_key("わたなべ")
        == kana.kana_key("ワタナベ")
        == kana.kana_key("ﾜﾀﾅﾍﾞ")
        == "ワタナヘ"
    )
    assert kana.kana_key("ワタナヘ") == "ワタナヘ"
    assert kana.kana_key("わたなべ　たろう") == kana.kana_key("ワタナベタロウ") == "ワタナヘタロウ"
    assert kana.kana_key("ジョン・スミス") == kana.kana_key("ｼﾞｮﾝ ｽﾐｽ") == "シヨンスミス"
    assert kana.kana_key("わた\u00a0なべ\u2003たろう\u200b") == "ワタナヘタロウ"


@given(hiragana_text)
def test_kana_key_same_for_hiragana_and_katakana(text: str) -> None:
    assert kana.kana_key(text) == kana.kana_key(hira_to_kata(text))


@given(hiragana_text)
def test_kana_key_is_idempotent(text: str) -> None:
    key = kana.kana_key(text)
    assert kana.kana_key(key) == key


@pytest.mark.parametrize(
    ("variant", "standard"),
    list(kana.KANJI_VARIANTS.items()),
)
def test_kanji_variant_table(variant: str, standard: str) -> None:
    # Every entry survives NFKC (else it would be dead) and folds to its standard form.
    assert unicodedata.normalize("NFKC", variant) == variant
    assert kana.kanji_key(variant) == standard


def test_kanji_key_examples() -> None:
    assert kana.kanji_key("髙橋　太郎") == kana.kanji_key("高橋太郎") == "高橋太郎"
    assert kana.kanji_key("山﨑") == "山崎"
    assert kana.kanji_key("渡邉") == kana.kanji_key("渡邊") == kana.kanji_key("渡辺")
    assert kana.kanji_key("齋藤") == "斎藤" and kana.kanji_key("齊藤") == "斉藤"
    assert kana.kanji_key("斎藤") != kana.kanji_key("斉藤")  # different names, not folded
    assert kana.kanji_key("祐介") == "祐介"
    assert kana.kanji_key("\ufa4f介") == "祐介"  # compatibility 祐: NFKC, not the table
    assert kana.kanji_key("Smith John") == kana.kanji_key("ＳＭＩＴＨ　ＪＯＨＮ") == "SMITHJOHN"


def test_name_key() -> None:
    assert kana.name_key("わたなべ") == ("kana", "ワタナヘ")
    assert kana.name_key("渡邉") == ("kanji", "渡辺")
    assert kana.name_key("Watanabe") == ("kanji", "WATANABE")


def test_validate_kana_field() -> None:
    assert kana.validate_kana_field(" わたなべ  ﾀﾛｳ ", "name_kana") == "ワタナベ\u3000タロウ"
    assert kana.validate_kana_field("ワタナベ　　タロウ", "name_kana") == "ワタナベ\u3000タロウ"
    assert kana.validate_kana_field("ｼﾞｮﾝ･ｽﾐｽ", "name_kana") == "ジョン・スミス"
    for bad in ["渡辺", "", "　", "わたなべ1"]:
        with pytest.raises(DomainError) as info:
            kana.validate_kana_field(bad, "name_kana")
        assert info.value.code == "invalid_kana"
        assert info.value.field == "name_kana"


@pytest.mark.parametrize(
    "address",
    [
        "池田一丁目3番12号",
        "池田1丁目3-12",
        "寝屋川市池田１丁目３－１２",
        "大阪府寝屋川市池田1丁目3番地12",
        "大阪府 寝屋川市 池田 1丁目 3番地の12",
        "池田1丁目3−12",
        "池田1丁目3ー12",
        "池田1丁目3ｰ12",
        "池田1丁目3‐12",
        "池田1丁目3—12",
        "池田一丁目三番十二号",
        "池田1丁目3-12号",
    ],
)
def test_address_key_variants_agree(address: str) -> None:
    assert kana.address_key(address) == "池田1丁目3-12"


def test_address_key_details() -> None:
    assert kana.address_key("池田十二丁目1番1号") == "池田12丁目1-1"
    assert kana.address_key("池田二十三丁目1-1") == "池田23丁目1-1"
    assert kana.address_key("池田1丁目3番") == kana.address_key("池田1丁目3番地") == "池田1丁目3"
    # ー stays a long vowel in building names; 号室 is not a lot number
    assert kana.address_key("池田1-3-12 ｺｰﾎﾟ池田101号室") == "池田1-3-12コーポ池田101号室"
    # prefixes: only at the start, in order, each optional; other cities are kept
    assert kana.address_key("枚方市池田1丁目") == "枚方市池田1丁目"
    assert kana.address_key("大阪府枚方市池田", strip_prefixes=("大阪府", "枚方市")) == "池田"


@pytest.mark.parametrize(
    ("kanji", "value"),
    [
        ("一", 1),
        ("九", 9),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("一二", 12),
        ("十十", None),
        ("", None),
        ("〇十", None),
        ("二十〇", None),
    ],
)
def test_kanji_number(kanji: str, value: int | None) -> None:
    assert kana.kanji_number(kanji) == value


ADDRESS_FORMS = (
    "池田{c}丁目{b}番{g}号",
    "池田{c}丁目{b}-{g}",
    "寝屋川市池田{c}丁目{b}番地{g}",
    "大阪府寝屋川市池田{kc}丁目{b}－{g}",
)
KANJI_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]


def to_kanji(n: int) -> str:
    tens, units = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else KANJI_DIGITS[tens] + "十")) + KANJI_DIGITS[
        units
    ]


@given(
    st.integers(1, 29),
    st.integers(1, 99),
    st.integers(1, 99),
    st.sampled_from(ADDRESS_FORMS),
    st.sampled_from(ADDRESS_FORMS),
)
def test_address_forms_agree_and_town_prefix_is_key_prefix(
    chome: int, ban: int, go: int, form_a: str, form_b: str
) -> None:
    def render(form: str) -> str:
        return form.format(c=chome, kc=to_kanji(chome), b=ban, g=go)

    key = kana.address_key(render(form_a))
    assert key == kana.address_key(render(form_b)) == f"池田{chome}丁目{ban}-{go}"
    town = f"池田{chome}"
    for end in range(1, len(town) + 1):
        assert key.startswith(kana.address_key(town[:end]))
    for partial in (f"池田{chome}丁目", f"池田{to_kanji(chome)}丁目", f"池田{chome}丁目{ban}番"):
        assert key.startswith(kana.address_key(partial))
