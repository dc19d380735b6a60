"""The verification QR code: reportlab's encoder, a fast mask choice, one vector path.

reportlab's `QrCodeWidget` picks the mask by its own pure-Python penalty count, which costs
more than laying out a whole page (~8 ms at version 2, ~14 ms at version 5). The symbol is the
same whatever mask is chosen; only the choice is done here, with the four penalty rules of
ISO/IEC 18004 counted on bit strings. Error correction level M (15 %) leaves room for a
stamp or a fold across the symbol.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas

LEVEL: Final = qrencoder.QRErrorCorrectLevel.M
QUIET_ZONE: Final = 4  # modules of light margin the standard requires around the symbol
_RUN: Final = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE: Final = ("10111010000", "00001011101")
_BITS: Final = bytes.maketrans(b"\x00\x01", b"01")


def penalty(rows: list[str]) -> int:
    """ISO/IEC 18004 mask penalty of a symbol given as rows of '0'/'1'."""
    n = len(rows)
    lines = [*rows, *("".join(col) for col in zip(*rows, strict=True))]
    # One regex pass over all rows and columns; the "2" between them stops a run or a pattern.
    # Rule 1: 3 points for a run of five same-coloured modules, 1 more per extra module.
    runs = _RUN.findall("2".join(lines))
    score = sum(map(len, runs)) - 2 * len(runs)
    # Rule 3: 40 points per finder-like pattern; the quiet zone outside counts as light.
    # Neither pattern overlaps itself, so str.count finds every occurrence.
    padded = "2".join(f"0000{line}0000" for line in lines)
    score += 40 * sum(padded.count(pattern) for pattern in _FINDER_LIKE)
    # Rule 2: 3 points per 2x2 block of one colour (bitwise over neighbouring rows).
    full = (1 << n) - 1
    values = [int(row, 2) for row in rows]
    for a, b in itertools.pairwise(values):
        same_vertically = ~(a ^ b) & full
        same_horizontally = ~(a ^ (a >> 1)) & (full >> 1)
        score += 3 * (same_vertically & (same_vertically >> 1) & same_horizontally).bit_count()
    # Rule 4: 10 points per 5 % the dark share is away from 50 %.
    dark = sum(row.count("1") for row in rows)
    return score + 10 * (abs(dark * 20 - n * n * 10) // (n * n))


@dataclass(frozen=True, slots=True)
class _Structure:
    """Per version: where the data modules are, each mask's pattern over them, and each
    mask's format information, as one int per row (bit n-1-col for column col)."""

    data: tuple[int, ...]
    masks: tuple[tuple[int, ...], ...]  # [mask][row]
    format_area: tuple[int, ...]
    formats: tuple[tuple[int, ...], ...]  # [mask][row]: the format modules that are dark


def _row_bits(row: list[bool | None] | list[bool]) -> int:
    return int(bytes(bool(m) for m in row).translate(_BITS), 2)


@cache
def _structure(version: int, positions: tuple[tuple[int, int], ...]) -> _Structure:
    n = 4 * version + 17
    data = [0] * n
    masks = [[0] * n for _ in range(8)]
    for col, row in positions:
        data[row] |= 1 << (n - 1 - col)
        for k in range(8):
            if qrencoder.QRUtil.getMask(k)(row, col):
                masks[k][row] |= 1 << (n - 1 - col)
    scratch = qrencoder.QRCode(version, LEVEL)
    scratch.moduleCount = n
    scratch.modules = [[None] * n for _ in range(n)]
    scratch.setupTypeInfo(False, 0)
    format_area = [_row_bits([m is not None for m in row]) for row in scratch.modules]
    formats = []
    for k in range(8):
        scratch.modules = [[False] * n for _ in range(n)]
        scratch.setupTypeInfo(False, k)
        formats.append(tuple(_row_bits(row) for row in scratch.modules))
    return _Structure(tuple(data), tuple(map(tuple, masks)), tuple(format_area), tuple(formats))


def candidates(text: str) -> list[list[str]]:
    """The symbol for `text` under each of the eight masks, as rows of '0'/'1'.

    reportlab builds the symbol once (mask 0); the other masks are derived from it by flipping
    the data modules where the two masks differ and writing that mask's format information,
    a few integer operations per row instead of a full rebuild per mask.
    """
    qr = qrencoder.QRCode(None, LEVEL)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, 0)
    n = qr.getModuleCount()
    s = _structure(qr.version, tuple(qr.dataPosIterator()))
    base = [_row_bits(row) for row in qr.modules]
    symbols = []
    for k in range(8):
        rows = [
            ((b ^ ((m0 ^ mk) & d)) & ~area) | fmt
            for b, m0, mk, d, area, fmt in zip(
                base, s.masks[0], s.masks[k], s.data, s.format_area, s.formats[k], strict=True)
        ]
        symbols.append([format(r, f"0{n}b") for r in rows])
    return symbols


def modules(text: str) -> list[str]:
    """The symbol for `text` with the mask of least penalty, as rows of '0' (light) and '1'
    (dark), without the quiet zone."""
    return min(candidates(text), key=penalty)  # min() keeps the first of equal scores


def define_form(canvas: Canvas, name: str, text: str, size: float) -> None:
    """A form XObject `name`: the symbol with its quiet zone on white, `size` points square,
    drawn once per document and placed on every page."""
    rows = modules(text)
    unit = size / (len(rows) + 2 * QUIET_ZONE)
    canvas.beginForm(name, 0, 0, size, size)
    canvas.setFillColor(white)
    canvas.rect(0, 0, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    # One path of rectangles, one per run of dark modules in a row, formatted here: a few
    # hundred numbers that reportlab's pure-Python number formatter would take ms to write.
    ops = []
    for r, row in enumerate(rows):
        y = size - (r + QUIET_ZONE + 1) * unit
        for run in re.finditer("1+", row):
            x = (run.start() + QUIET_ZONE) * unit
            # A hair of overlap so that no seam shows between rows on a rasterised print.
            ops.append(f"{x:.3f} {y:.3f} {len(run.group()) * unit:.3f} {unit * 1.02:.3f} re")
    ops.append("f")
    canvas.addLiteral("\n".join(ops))
    canvas.endForm()
