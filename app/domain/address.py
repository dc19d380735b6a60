"""How an address of the register is written out, the same on screen, on certificates and in
the API."""

from __future__ import annotations

import jaconv

# Dashes a keyboard or an IME may give between 番地 numbers, all written as the register writes
# them (full-width hyphen-minus).
_DASHES = str.maketrans({c: "\uff0d" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63"})


def format_address(
    prefecture: str, city: str, town: str, detail: str, building: str | None = None
) -> str:
    # The 方書 (building and room) follows after a full-width space, as on a 住民票.
    base = f"{prefecture}{city}{town}{detail}"
    return f"{base}\u3000{building}" if building else base


def normalise_address_text(text: str) -> str:
    """番地・号, 方書 and the like in the register's own width: full-width digits, letters,
    hyphens and spaces, full-width katakana ("3-5" → "３－５", "ｻﾝﾊｲﾂ 2F" → "サンハイツ　２Ｆ"),
    so that one address is written one way on screen, in searches and on certificates."""
    return jaconv.h2z(text, kana=True, ascii=True, digit=True).translate(_DASHES)


def format_postal_code(code: str) -> str:
    """〒572-0865 as it is written on paper; anything not seven digits as it is."""
    return f"〒{code[:3]}-{code[3:]}" if len(code) == 7 and code.isascii() and code.isdigit() else code
