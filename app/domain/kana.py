"""Normalisation of names and addresses into *matching keys*.

A key is only for finding candidates (検索・突合): two records with the same key are "possibly
the same person/place", never proof of it. The clerk still compares the record with the person's
documents. Keys are therefore deliberately lossy (voicing marks, small kana and common variant
kanji are folded), and must never be stored or printed *as* the name.

The kana rules follow the 清音化かな氏名 used by 本人確認情報 (docs/domain.md): katakana, no
dakuten/handakuten, no small kana. Library functions (jaconv, unicodedata) are used wherever they
cover a step; the small hand-written tables below only fill their documented gaps.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

import jaconv

from app.domain.errors import DomainError

# --- character classes -----------------------------------------------------------------------

_COMBINING_VOICED: Final = "\u3099"  # ゙ combining dakuten
_COMBINING_SEMIVOICED: Final = "\u309a"  # ゚ combining handakuten

# Stand-alone voicing marks: spacing ゛゜ and half-width ﾞﾟ. NFKC turns the spacing ones into
# " " + combining mark (so "ハ゛" would become "ハ ゙" and split a name), and jaconv.h2z only
# combines ﾞﾟ after the kana that have a precomposed form (ﾜﾞ stays ワﾞ). Mapping all four to the
# combining marks first and then composing with NFC is what makes to_katakana NFKC-safe.
_TO_COMBINING: Final = str.maketrans(
    {
        "\u309b": _COMBINING_VOICED,
        "\uff9e": _COMBINING_VOICED,
        "\u309c": _COMBINING_SEMIVOICED,
        "\uff9f": _COMBINING_SEMIVOICED,
    }
)
_ALL_VOICING_MARKS: Final = frozenset("\u3099\u309a\u309b\u309c\uff9e\uff9f")

# Middle dots separating the parts of (mostly foreign) names: katakana ・, half-width ･, and the
# Latin · that some IMEs produce.
_MIDDLE_DOTS: Final = frozenset("\u30fb\uff65\u00b7")

# Invisible characters that str.isspace() does not cover but that copy-paste brings in.
_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff")

# jaconv.enlarge_smallkana (0.5) leaves these small kana alone; fill the gap here.
_EXTRA_SMALL_TO_LARGE: Final = str.maketrans(
    {
        "ゎ": "わ",
        "ゕ": "か",
        "ゖ": "け",
        "ヮ": "ワ",
        # Katakana phonetic extensions (small kana used for Ainu): ㇰ → ク, …
        **dict(
            zip("ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ", "クシストヌハヒフヘホムラリルレロ", strict=True)
        ),
    }
)


def _is_kana_letter(ch: str) -> bool:
    """Hiragana or katakana letters (full or half width), incl. iteration marks."""
    code = ord(ch)
    return (
        0x3041 <= code <= 0x3096  # ぁ..ゖ
        or 0x309D <= code <= 0x309F  # ゝゞゟ
        or 0x30A1 <= code <= 0x30FA  # ァ..ヺ
        or 0x30FD <= code <= 0x30FF  # ヽヾヿ
        or 0x31F0 <= code <= 0x31FF  # ㇰ..ㇿ
        or 0xFF66 <= code <= 0xFF6F  # ｦ..ｯ
        or 0xFF71 <= code <= 0xFF9D  # ｱ..ﾝ
    )


def _is_kana_extra(ch: str) -> bool:
    """Characters allowed in a kana name besides letters: ー, voicing marks, dots, spaces."""
    return ch in "ー\uff70 \u3000" or ch in _ALL_VOICING_MARKS or ch in _MIDDLE_DOTS


def _remove_separators(s: str) -> str:
    """Drop every space (any Unicode whitespace), invisible joiners and middle dots."""
    return "".join(ch for ch in s if not (ch.isspace() or ch in _INVISIBLE or ch in _MIDDLE_DOTS))


# --- kana --------------------------------------------------------------------------------------


def to_katakana(s: str) -> str:
    """Hiragana and half-width katakana to full-width katakana, voicing marks composed.

    ﾜﾀﾅﾍﾞ → ワタナベ, わたなべ → ワタナベ, ハ゛ → バ. Other characters are left as they are.
    """
    s = jaconv.h2z(s, kana=True, ascii=False, digit=False)  # ｱ → ア, ｰ → ー, ･ → ・
    s = s.translate(_TO_COMBINING)
    s = unicodedata.normalize("NFC", s)  # ワ + ゙ → ヷ, は + ゙ → ば
    return jaconv.hira2kata(s)


def seion(s: str) -> str:
    """清音化: drop dakuten/handakuten and enlarge small kana; ー is kept.

    ガ → カ, パ → ハ, ヴ → ウ, ャ → ヤ, ッ → ツ, ヮ → ワ, ヵ → カ, ヶ → ケ.
    """
    # Canonical decomposition splits every voiced kana into base + combining mark, which is
    # exactly the table we would otherwise write by hand (incl. ヴ, ヷ, ヾ).
    decomposed = unicodedata.normalize("NFD", s)
    stripped = "".join(ch for ch in decomposed if ch not in _ALL_VOICING_MARKS)
    composed = unicodedata.normalize("NFC", stripped)
    return jaconv.enlarge_smallkana(composed).translate(_EXTRA_SMALL_TO_LARGE)


def is_kana(s: str) -> bool:
    """True when `s` is a kana name: kana letters, ー, ASCII/ideographic spaces, middle dots.

    At least one kana letter is required, so "", "　" and "・" are not kana names.
    """
    has_letter = False
    for ch in s:
        if _is_kana_letter(ch):
            has_letter = True
        elif not _is_kana_extra(ch):
            return False
    return has_letter


def kana_key(s: str) -> str:
    """Matching key for a kana name: katakana, no spaces or dots, 清音化.

    わたなべ, ワタナベ, ﾜﾀﾅﾍﾞ and ワタナヘ all give ワタナヘ.
    """
    return seion(_remove_separators(to_katakana(s)))


def validate_kana_field(s: str, field: str) -> str:
    """Check a kana-name input and return it as full-width katakana, parts joined by U+3000.

    "わたなべ  たろう" → "ワタナベ　タロウ". Voicing marks are kept (this is the name as written,
    not the matching key). Raises DomainError("invalid_kana", field=field) otherwise.
    """
    if not s.strip():
        raise DomainError("invalid_kana", "フリガナを入力してください", field=field)
    if not is_kana(s):
        raise DomainError(
            "invalid_kana", "フリガナはひらがなまたはカタカナで入力してください", field=field
        )
    # Split on half-width ASCII spaces and U+3000 before converting, then rejoin with exactly
    # one ideographic space, the separator the card and the register use.
    parts = [to_katakana(part) for part in re.split(r"[ \u3000]+", s.strip())]
    return "\u3000".join(parts)


# --- kanji / latin names -----------------------------------------------------------------------

# 異体字 → standard form, for *matching only*. Kept small on purpose: each entry is a variant that
# is commonly registered in names while people (and IMEs) write the standard form. Pairs that
# are distinct names in practice are NOT folded: 斎/斉 stay apart (齋 → 斎, 齊 → 斉), 祐 stays 祐,
# 竜/龍 and 渕/淵 stay apart. CJK compatibility ideographs with a canonical decomposition (e.g.
# U+FA4F 祐) are already handled by NFKC; 﨑 (U+FA11) has none and therefore needs an entry.
KANJI_VARIANTS: Final[dict[str, str]] = {
    "髙": "高",  # はしごだか
    "﨑": "崎",  # たつさき
    "嵜": "崎",
    "邉": "辺",
    "邊": "辺",
    "齋": "斎",
    "齊": "斉",
    "濱": "浜",
    "澤": "沢",
    "櫻": "桜",
    "廣": "広",
    "國": "国",
    "嶋": "島",
    "嶌": "島",
    "冨": "富",
    "德": "徳",
    "惠": "恵",
    "眞": "真",
    "實": "実",
    "壽": "寿",
    "榮": "栄",
    "藏": "蔵",
    "瀨": "瀬",
    "栁": "柳",
    "𠮷": "吉",  # つちよし (U+20BB7)
}
_KANJI_FOLD: Final = str.maketrans(KANJI_VARIANTS)


def kanji_key(s: str) -> str:
    """Matching key for a kanji or Latin name: NFKC, no spaces, upper case, variants folded.

    "髙橋　太郎" → "高橋太郎", "Smith John" → "SMITHJOHN".
    """
    s = unicodedata.normalize("NFKC", s)  # full-width Latin → ASCII, half-width kana → full
    s = "".join(ch for ch in s if not (ch.isspace() or ch in _INVISIBLE))
    return s.upper().translate(_KANJI_FOLD)


def name_key(s: str) -> tuple[Literal["kana", "kanji"], str]:
    """("kana", kana_key(s)) for kana names, else ("kanji", kanji_key(s)).

    The tag keeps a kana key from ever matching a kanji key by accident.
    """
    if is_kana(s):
        return ("kana", kana_key(s))
    return ("kanji", kanji_key(s))


# --- addresses ---------------------------------------------------------------------------------

_KANJI_DIGITS: Final = "〇一二三四五六七八九"
_KANJI_NUM: Final = "[〇一二三四五六七八九十]+"
_NUM: Final = rf"(?:[0-9]+|{_KANJI_NUM})"

# Dash look-alikes that people and IMEs use between lot numbers. ー (the long-vowel mark) is only
# a dash after a digit, because in building names (コーポ) it is a real long vowel; half-width ｰ
# has already become ー through NFKC and follows the same rule.
_DASHES: Final = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\u2501\ufe58\ufe63"
_DASH_RE: Final = re.compile(rf"[{_DASHES}]|(?<=[0-9])ー")

_CHOME_RE: Final = re.compile(rf"({_KANJI_NUM})丁目")
# 3番12号, 3番地12, 3番地の12, 三番十二号. 号 is left alone when it starts 号室/号棟/号館.
_LOT_RE: Final = re.compile(rf"({_NUM})番地?の?({_NUM})(?:号(?![室棟館]))?")
_TRAILING_BAN_RE: Final = re.compile(rf"(?:([0-9]+)番地?|({_KANJI_NUM})番地)$")
_TRAILING_GO_RE: Final = re.compile(r"([0-9]+-[0-9]+)号$")
_NO_BETWEEN_DIGITS_RE: Final = re.compile(r"(?<=[0-9])の(?=[0-9])")


def kanji_number(s: str) -> int | None:
    """Kanji numeral to int: 一 → 1, 十二 → 12, 二十 → 20, 一二 → 12 (positional). None if odd."""
    if not s or any(ch not in _KANJI_DIGITS + "十" for ch in s):
        return None
    if "十" not in s:
        return int("".join(str(_KANJI_DIGITS.index(ch)) for ch in s))
    tens, _, units = s.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units or tens == "〇" or units == "〇":
        return None
    return (_KANJI_DIGITS.index(tens) if tens else 1) * 10 + (
        _KANJI_DIGITS.index(units) if units else 0
    )


def _arabic(token: str) -> str:
    """A numeral token (digits or kanji) as Arabic digits; unparsable kanji is left as is."""
    if token.isascii():
        return token
    value = kanji_number(token)
    return token if value is None else str(value)


def address_key(s: str, *, strip_prefixes: tuple[str, ...] = ("大阪府", "寝屋川市")) -> str:
    """Matching key for an address within the city.

    "池田一丁目3番12号", "池田1丁目3-12" and "寝屋川市池田１丁目３－１２" all give "池田1丁目3-12".
    A key of the start of an address ("池田", "池田1") is a string prefix of the key of the full
    address, so prefix search on stored keys works.
    """
    s = unicodedata.normalize("NFKC", s)  # full-width digits/hyphen → ASCII, ｰ → ー
    s = "".join(ch for ch in s if not (ch.isspace() or ch in _INVISIBLE))
    # Prefixes are stripped in order and each only if present, so "寝屋川市池田…" and
    # "大阪府寝屋川市池田…" both reduce to "池田…".
    for prefix in strip_prefixes:
        normalised_prefix = "".join(unicodedata.normalize("NFKC", prefix).split())
        if normalised_prefix and s.startswith(normalised_prefix):
            s = s[len(normalised_prefix) :]
    s = _DASH_RE.sub("-", s)
    s = _CHOME_RE.sub(lambda m: _arabic(m.group(1)) + "丁目", s)
    s = _LOT_RE.sub(lambda m: f"{_arabic(m.group(1))}-{_arabic(m.group(2))}", s)
    s = _NO_BETWEEN_DIGITS_RE.sub("-", s)
    # A bare trailing "3番" / "3番地" is the same place as "3", and keeps "池田1丁目3番" a prefix
    # of "池田1丁目3-12".
    s = _TRAILING_BAN_RE.sub(lambda m: _arabic(m.group(1) or m.group(2)), s)
    return _TRAILING_GO_RE.sub(r"\1", s)
