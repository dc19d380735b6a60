"""Breaking Japanese text into lines that fit a cell, by the font's own advance widths."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from printing.fonts import char_width, text_width
from printing.model import IDEOGRAPHIC_SPACE

# 禁則: characters that may not begin a line, and those that may not end one.
NO_LINE_START: Final = frozenset(
    "、。，．,.)）］｝」』】〕〉》ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ・：；？！"
)
NO_LINE_END: Final = frozenset("(（［｛「『【〔〈《")


def _keeps_together(left: str, right: str) -> bool:
    """A number or a Latin word (番地 "12", a card number) is not split across lines."""
    return left.isascii() and right.isascii() and left.isalnum() and right.isalnum()


def _break_before(text: str, start: int, end: int) -> int:
    """Move a break at `end` earlier for 禁則 and ASCII words; never to `start` or before."""
    at = end
    while at > start + 1 and (text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END):
        at -= 1
    word = at
    while word > start + 1 and _keeps_together(text[word - 1], text[word]):
        word -= 1
    # A word longer than the whole line is cut where it must be.
    return word if word > start + 1 or not _keeps_together(text[word - 1], text[word]) else at


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of `text` no wider than `width` points at `size`; a glyph wider than the line
    gets a line of its own."""
    if text_width(text, size) <= width:
        return [text]
    widths = [char_width(c, size) for c in text]
    lines: list[str] = []
    start = 0
    while start < len(text):
        end, used = start, 0.0
        while end < len(text) and used + widths[end] <= width:
            used += widths[end]
            end += 1
        end = max(end, start + 1)
        if end < len(text):
            end = _break_before(text, start, end)
        lines.append(text[start:end])
        start = end
        while start < len(text) and text[start] in (" ", IDEOGRAPHIC_SPACE):
            start += 1  # a space that falls on a break is not carried to the next line
    return lines


def fit(segments: Sequence[str], width: float, size: float) -> list[str]:
    """Segments on one line when they fit together, else each from a new line."""
    joined = IDEOGRAPHIC_SPACE.join(segments)
    if text_width(joined, size) <= width:
        return [joined]
    return [line for segment in segments for line in wrap(segment, width, size)]
