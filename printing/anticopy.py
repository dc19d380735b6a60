"""The tinted background and the 複写 latent word, drawn as vector graphics.

Security paper for 住民票 carries a 地紋 (fine tinted pattern) with a hidden word: the word is
drawn with coarser elements than the background, with the same average ink coverage, so the
original looks evenly tinted. A copier's scan cannot resolve the fine background screen and
drops it, while the coarse screen of the word survives: on the copy, 複写 stands out.

This is an approximation in vector graphics, not certified security paper: the background
is a screen of hair lines (0.2 pt every 1.1 mm) and the word a screen of heavier lines
(0.55 pt every 3.0 mm, across), both in a light tint at about 6.5 % coverage. The intent is
that a copier drops the hair lines and keeps the heavier ones; how well that works depends on
the printer and the copier and has not been measured here. It makes a copy recognisable at
best; it does not make forgery impossible. The QR code and the verification code are what a
receiving office checks.

The pattern is one form XObject per document, placed on every page, and the word one form
placed six times in it: their bytes are stored once.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Final

from reportlab.lib.colors import Color, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing import fonts
from printing.outlines import text_outline

TINT: Final = Color(0.55, 0.72, 0.80)  # light blue-green, as on municipal security paper
FINE_WIDTH: Final = 0.2
FINE_STEP: Final = 1.1 * mm
COARSE_WIDTH: Final = 0.55
COARSE_STEP: Final = 3.0 * mm
LATENT_WORD: Final = "複写"
WORD_FORM: Final = "MadoguchiLatentWord"
LATENT_SIZE: Final = 96.0  # points
LATENT_ANGLE: Final = 30.0  # degrees, so the word crosses the text lines rather than hiding in them


@cache
def _hatch(width: float, height: float, step: float, angle: float, line_width: float) -> str:
    """PDF operators stroking parallel lines at `angle` degrees (not horizontal), `step`
    apart, over (0, 0, width, height).

    Each line is the same short segment drawn after shifting the origin along the x axis by
    one more step, so the operators are one string repeated: it compresses to almost nothing
    and costs no number formatting per document.
    """
    sin, cos = math.sin(math.radians(angle)), math.cos(math.radians(angle))
    run = height * cos / sin  # horizontal distance a line covers from bottom to top
    shift = step / abs(sin)  # horizontal distance between neighbouring lines
    start = min(0.0, -run) - shift
    count = int((width + abs(run)) / shift) + 3
    line = f"1 0 0 1 {shift:.4f} 0 cm 0 0 m {run:.4f} {height:.4f} l S"
    return "\n".join([f"{line_width:.2f} w", f"1 0 0 1 {start:.4f} 0 cm", *[line] * count])


def _latent_positions(width: float, height: float) -> tuple[tuple[float, float], ...]:
    """Where the word is repeated: three rows, staggered, so that every part of a page has one."""
    return tuple(
        (width * fx, height * fy)
        for fy, row in ((0.78, (0.30, 0.78)), (0.50, (0.10, 0.58)), (0.22, (0.30, 0.78)))
        for fx in row
    )


def _define_word(canvas: Canvas) -> None:
    """The latent word as its own form, placed six times: its outline is stored once.

    The glyph outlines are the form's clipping path ("W n", nonzero like the font's own
    fill); inside them the fine screen is blanked and the coarse screen drawn instead, at the
    angle that makes it cross the fine one on the page.
    """
    outline, advance = text_outline(str(fonts.locate()), LATENT_WORD, LATENT_SIZE)
    bottom, top = -0.15 * LATENT_SIZE, 0.95 * LATENT_SIZE
    canvas.beginForm(WORD_FORM, 0, bottom, advance, top)
    canvas.addLiteral(f"{outline}\nW n")
    canvas.setFillColor(white)
    canvas.rect(0, bottom, advance, top - bottom, stroke=0, fill=1)
    canvas.setStrokeColor(TINT)
    canvas.translate(0, bottom)
    canvas.addLiteral(_hatch(advance, top - bottom, COARSE_STEP, -45.0 - LATENT_ANGLE, COARSE_WIDTH))
    canvas.endForm()


def define_form(canvas: Canvas, name: str, width: float, height: float) -> None:
    """The page background as form `name`, `width` x `height` points."""
    _define_word(canvas)
    canvas.beginForm(name, 0, 0, width, height)
    canvas.saveState()
    canvas.setStrokeColor(TINT)
    canvas.addLiteral(_hatch(width, height, FINE_STEP, 45.0, FINE_WIDTH))
    canvas.restoreState()
    for x, y in _latent_positions(width, height):
        canvas.saveState()
        canvas.translate(x, y)
        canvas.rotate(LATENT_ANGLE)
        canvas.doForm(WORD_FORM)
        canvas.restoreState()
    canvas.endForm()
