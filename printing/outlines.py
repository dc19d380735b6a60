"""Glyph outlines as PDF path operators, for the latent word of the anti-copy pattern.

The latent word must be a shape, not text: text drawn even invisibly (as a clipping path)
is still text to a PDF reader, so "複写" would turn up in copy-and-paste, in text extraction
and in a screen reader's reading of the certificate. The outlines come from the same IPAex
font through fontTools and are turned into PDF operators once per process.
"""

from __future__ import annotations

from functools import cache
from typing import Any

Point = tuple[float, float]


Transform = tuple[float, float, float, float, float, float]


@cache
def _pen_class() -> Any:
    """A fontTools pen writing PDF operators (fontTools is imported on first use only)."""
    from fontTools.pens.basePen import BasePen

    class PdfPen(BasePen):  # type: ignore[misc]
        def __init__(self, glyph_set: Any, transform: Transform) -> None:
            super().__init__(glyph_set)
            self.ops: list[str] = []
            self.transform = transform

        def _xy(self, p: Point) -> str:
            a, b, c, d, e, f = self.transform
            return f"{a * p[0] + c * p[1] + e:.2f} {b * p[0] + d * p[1] + f:.2f}"

        def _moveTo(self, p: Point) -> None:
            self.ops.append(f"{self._xy(p)} m")

        def _lineTo(self, p: Point) -> None:
            self.ops.append(f"{self._xy(p)} l")

        # BasePen turns TrueType's quadratic segments into cubic ones before calling this.
        def _curveToOne(self, p1: Point, p2: Point, p3: Point) -> None:
            self.ops.append(f"{self._xy(p1)} {self._xy(p2)} {self._xy(p3)} c")

        def _closePath(self) -> None:
            self.ops.append("h")

        _endPath = _closePath

    return PdfPen


@cache
def text_outline(font_path: str, text: str, size: float) -> tuple[str, float]:
    """Path operators (no painting operator) for `text` set at `size` points from the origin
    along the x axis, and the text's advance width in points."""
    from fontTools.ttLib import TTFont

    font = TTFont(font_path, lazy=True)
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    metrics = font["hmtx"]
    scale = size / font["head"].unitsPerEm
    pen_class = _pen_class()
    ops: list[str] = []
    advance = 0.0
    for char in text:
        name = cmap[ord(char)]
        pen = pen_class(glyphs, (scale, 0.0, 0.0, scale, advance, 0.0))
        glyphs[name].draw(pen)
        ops.extend(pen.ops)
        advance += metrics[name][0] * scale
    font.close()
    return "\n".join(ops), advance
