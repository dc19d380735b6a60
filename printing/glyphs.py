"""Which characters of a certificate the embedded font cannot draw, found before rendering.

A missing glyph would print as an empty box (tofu) or nothing at all, which on a certificate is
a wrong name or address. So every printed text is checked against the font's character map,
field by field, and the clerk is told exactly which field holds which characters.
"""

from __future__ import annotations

import unicodedata

from printing import fonts
from printing.compose import Composition, compose
from printing.errors import MissingGlyph, MissingGlyphError
from printing.model import Certificate

__all__ = ["MissingGlyph", "MissingGlyphError", "check_glyphs", "missing_in"]


def check_glyphs(cert: Certificate) -> list[MissingGlyph]:
    """Every field with characters the font lacks; empty when the certificate can be printed."""
    return missing_in(compose(cert))


# Characters already found printable: the font is loaded once per process and never changes,
# and a certificate repeats the same few hundred characters.
_printable: set[str] = set()


def _can_print(char: str, cmap: dict[int, int]) -> bool:
    # Glyph 0 is .notdef, the box itself. Control and format characters print as nothing even
    # where a font maps them; private-use ones (外字) count when the font has them, as a font
    # with the city's 外字 would.
    category = unicodedata.category(char)
    return bool(cmap.get(ord(char))) and (not category.startswith("C") or category == "Co")


def missing_in(composition: Composition) -> list[MissingGlyph]:
    cmap = fonts.font().face.charToGlyph
    # dicts keep first-appearance order and drop repeats
    found: dict[str, dict[str, None]] = {}
    for text in composition.texts():
        for char in text.value:
            if char in _printable:
                continue
            if _can_print(char, cmap):
                _printable.add(char)
            else:
                found.setdefault(text.field, {})[char] = None
    return [MissingGlyph(field, tuple(chars)) for field, chars in found.items()]


def require_glyphs(composition: Composition) -> None:
    missing = missing_in(composition)
    if missing:
        raise MissingGlyphError(tuple(missing))
