"""The verification QR code: reportlab's bit stream, fast everything else, one vector path.

reportlab's `QrCodeWidget` builds the whole symbol eight times and picks the mask by its own
pure-Python penalty count, which costs more than laying out a whole page (~8 ms at version 2,
~14 ms at version 5). Here reportlab only writes the data bits (its mode and padding rules);
the Reed-Solomon codewords come from log/antilog tables, the function patterns, data module
positions, masks and format information are kept per version, and the four penalty rules of
ISO/IEC 18004 are counted with integer operations over all rows and columns at once. The
symbols are the ones reportlab makes (a test compares all eight masks). Error correction level
M (15 %) leaves room for a stamp or a fold across the symbol.
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
_DARK: Final = re.compile("1+")
_FINDER_LIKE: Final = ("10111010000", "00001011101")
_BITS: Final = bytes.maketrans(b"\x00\x01", b"01")


def penalty(rows: list[str]) -> int:
    """ISO/IEC 18004 mask penalty of a symbol given as rows of '0'/'1'."""
    columns = ["".join(col) for col in zip(*rows, strict=True)]
    return _penalty([int(r, 2) for r in rows], [int(c, 2) for c in columns], len(rows))


@cache
def _line_masks(n: int, count: int) -> tuple[int, int, int, int, int]:
    """Masks over `count` lines of `n` modules laid end to end in one int, each in a slot of
    n+8 bits with 4 light modules (bits) either side: the modules that have a right-hand
    neighbour in their line; the same for the first n lines (the rows); every module of
    the first n-1 lines (the rows with a row below); every module of the rows; all bits."""
    width = n + 8

    def over(lines: range, bits: int) -> int:
        return sum(((1 << bits) - 1) << (k * width + 4) for k in lines)

    return (over(range(count), n - 1), over(range(n), n - 1), over(range(n - 1), n),
            over(range(n), n), (1 << (width * count)) - 1)


def _joined(lines: list[int], width: int, offset: int) -> int:
    """The lines end to end in one int, line k in bits k*width+offset onwards."""
    big = 0
    for k, line in enumerate(lines):
        big |= line << (k * width + offset)
    return big


def _pattern_count(big: int, pattern: str, everything: int) -> int:
    """Occurrences of `pattern` (MSB first) anywhere in `big`, all positions at once."""
    match = everything
    for j, bit in enumerate(reversed(pattern)):
        shifted = big >> j
        match &= shifted if bit == "1" else ~shifted
    return (match & everything).bit_count()


def _penalty(rows: list[int], columns: list[int], n: int) -> int:
    """The penalty over rows and columns as ints (bit n-1 is the first module), each rule
    done on all lines at once in one long int, in slots padded so that nothing runs from one
    line into the next."""
    inner, row_inner, upper_rows, row_modules, everything = _line_masks(n, 2 * n)
    width = n + 8
    big = _joined([*rows, *columns], width, 4)
    # Rule 1: 3 points for a run of five same-coloured modules, 1 more per extra module. A run
    # of L >= 5 is L-1 "equal to the next" bits; four of those in a row start L-4 windows,
    # and L-2 points are those windows plus 2 per run.
    equal = ~(big ^ (big >> 1))
    windows = equal & inner
    windows &= (windows >> 1) & (windows >> 2) & (windows >> 3)
    score = windows.bit_count() + 2 * (windows & ~(windows << 1)).bit_count()
    # Rule 3: 40 points per finder-like pattern; the quiet zone outside counts as light.
    score += 40 * sum(_pattern_count(big, pattern, everything) for pattern in _FINDER_LIKE)
    # Rule 2: 3 points per 2x2 block of one colour: equal to the one below, at two neighbouring
    # columns, and equal to the right-hand neighbour.
    vertical = ~(big ^ (big >> width)) & upper_rows
    score += 3 * (vertical & (vertical >> 1) & equal & row_inner).bit_count()
    # Rule 4: 10 points per 5 % the dark share is away from 50 %.
    dark = (big & row_modules).bit_count()
    return score + 10 * (abs(dark * 20 - n * n * 10) // (n * n))


@dataclass(frozen=True, slots=True)
class _Structure:
    """Per version: the function patterns, where the data modules are (in placement order),
    each mask's pattern over them and each mask's format information, as one int per row
    (bit n-1-col for column col)."""

    size: int
    function: tuple[int, ...]  # finder, timing and alignment patterns, version information
    places: tuple[tuple[int, int], ...]  # (row, bit) of each data module, in placement order
    masks: tuple[tuple[int, ...], ...]  # [mask][row], over the data modules only
    formats: tuple[tuple[int, ...], ...]  # [mask][row]: the format modules that are dark
    # The same, column by column (bit n-1-row for row row), for the penalty's columns: the
    # symbol is function | (data ^ mask) | format, and transposing commutes with all three.
    function_t: tuple[int, ...]
    masks_t: tuple[tuple[int, ...], ...]
    formats_t: tuple[tuple[int, ...], ...]


def _row_bits(row: list[bool | None] | list[bool]) -> int:
    return int(bytes(bool(m) for m in row).translate(_BITS), 2)


@cache
def _structure(version: int) -> _Structure:
    n = 4 * version + 17
    scratch = qrencoder.QRCode(version, LEVEL)
    scratch.moduleCount = n
    scratch.modules = [[None] * n for _ in range(n)]
    scratch.setupPositionProbePattern(0, 0)
    scratch.setupPositionProbePattern(n - 7, 0)
    scratch.setupPositionProbePattern(0, n - 7)
    scratch.setupPositionAdjustPattern()
    scratch.setupTimingPattern()
    scratch.setupTypeInfo(False, 0)  # reserves the format area, so it is not taken for data
    if version >= 7:
        scratch.setupTypeNumber(False)
    positions = list(scratch.dataPosIterator())
    function = [_row_bits([m is True for m in row]) for row in scratch.modules]
    probe = qrencoder.QRCode(version, LEVEL)
    probe.moduleCount = n
    probe.modules = [[None] * n for _ in range(n)]
    probe.setupTypeInfo(False, 0)
    format_area = [_row_bits([m is not None for m in row]) for row in probe.modules]
    function = [f & ~area for f, area in zip(function, format_area, strict=True)]
    masks = [[0] * n for _ in range(8)]
    for col, row in positions:
        for k in range(8):
            if qrencoder.QRUtil.getMask(k)(row, col):
                masks[k][row] |= 1 << (n - 1 - col)
    formats = []
    for k in range(8):
        probe.modules = [[False] * n for _ in range(n)]
        probe.setupTypeInfo(False, k)
        formats.append(tuple(_row_bits(row) for row in probe.modules))
    places = tuple((row, 1 << (n - 1 - col)) for col, row in positions)
    return _Structure(n, tuple(function), places, tuple(map(tuple, masks)), tuple(formats),
                      _transpose(function, n), tuple(_transpose(m, n) for m in masks),
                      tuple(_transpose(f, n) for f in formats))


def _transpose(rows: list[int] | tuple[int, ...], n: int) -> tuple[int, ...]:
    width = f"0{n}b"
    return tuple(int("".join(col), 2) for col in zip(*(format(r, width) for r in rows), strict=True))


# GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1, as tables.
_EXP: Final = [0] * 512
_LOG: Final = [0] * 256
_value = 1
for _i in range(255):
    _EXP[_i] = _value
    _LOG[_value] = _i
    _value <<= 1
    if _value & 0x100:
        _value ^= 0x11D
for _i in range(255, 512):
    _EXP[_i] = _EXP[_i - 255]


@cache
def _products(degree: int) -> tuple[tuple[int, ...], ...]:
    """For the Reed-Solomon generator polynomial of `degree`: per byte value, that value times
    the generator's coefficients after the leading 1."""
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, c in enumerate(poly):
            nxt[j] ^= c
            if c:
                nxt[j + 1] ^= _EXP[_LOG[c] + i]
        poly = nxt
    logs = [_LOG[c] for c in poly[1:]]
    return ((0,) * degree, *(tuple(_EXP[g + _LOG[v]] for g in logs) for v in range(1, 256)))


def _remainder(data: list[int], degree: int) -> list[int]:
    """The error correction codewords: `data` times x^degree divided by the generator."""
    products = _products(degree)
    rem = [0] * degree
    for byte in data:
        row = products[byte ^ rem[0]]
        rem = [a ^ b for a, b in zip(rem[1:], row, strict=False)]
        rem.append(row[-1])
    return rem


class _Bits:
    """reportlab's QRBitBuffer interface (what its data segments write to), on one int."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def putBit(self, bit: bool) -> None:  # reportlab's name
        self.put(1 if bit else 0, 1)

    def getLengthInBits(self) -> int:  # reportlab's name
        return self.length


def _codewords(qr: qrencoder.QRCode) -> list[int]:
    """The data and error correction codewords, interleaved, as reportlab's createData makes
    them (its data segments write the bits; the padding and Reed-Solomon are done here)."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(qr.version, LEVEL)
    buffer = _Bits()
    for data in qr.dataList:
        data.write(buffer, qr.version)
    capacity = sum(block.dataCount for block in blocks) * 8
    if buffer.length > capacity:
        raise ValueError(f"QR code length overflow ({buffer.length} > {capacity})")
    if buffer.length + 4 <= capacity:
        buffer.put(0, 4)
    buffer.put(0, -buffer.length % 8)
    codes = list(buffer.value.to_bytes(buffer.length // 8, "big"))
    pads = itertools.cycle((qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1))
    codes += [next(pads) for _ in range(capacity // 8 - len(codes))]
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = codes[offset:offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_remainder(chunk, block.totalCount - block.dataCount))
    return [c for group in (*itertools.zip_longest(*data_blocks), *itertools.zip_longest(*ec_blocks))
            for c in group if c is not None]


def _symbols(text: str) -> tuple[int, list[tuple[list[int], list[int]]]]:
    """The size, and the symbol for `text` under each of the eight masks as (rows, columns).

    Only the data is encoded per text (reportlab's bit buffer, Reed-Solomon on tables); the
    function patterns, the data module positions, the masks and the format information are
    the version's, computed once. Each mask is then a few integer operations per line.
    """
    qr = qrencoder.QRCode(None, LEVEL)
    qr.addData(text)
    qr.version = qr.calculate_version()
    s = _structure(qr.version)
    data = [0] * s.size
    stream = "".join([format(code, "08b") for code in _codewords(qr)])
    for (row, bit), dark in zip(s.places, stream, strict=False):  # remainder bits stay light
        if dark == "1":
            data[row] |= bit
    data_t = _transpose(data, s.size)
    return s.size, [
        ([f | (d ^ m) | fmt for f, d, m, fmt in zip(s.function, data, s.masks[k], s.formats[k], strict=True)],
         [f | (d ^ m) | fmt for f, d, m, fmt in zip(s.function_t, data_t, s.masks_t[k], s.formats_t[k], strict=True)])
        for k in range(8)
    ]


def candidates(text: str) -> list[list[str]]:
    """The symbol for `text` under each of the eight masks, as rows of '0'/'1'."""
    n, symbols = _symbols(text)
    width = f"0{n}b"
    return [[format(r, width) for r in rows] for rows, _columns in symbols]


def modules(text: str) -> list[str]:
    """The symbol for `text` with the mask of least penalty, as rows of '0' (light) and '1'
    (dark), without the quiet zone."""
    n, symbols = _symbols(text)
    # min() keeps the first of equal scores, as the standard's order of masks wants
    rows, _columns = min(symbols, key=lambda symbol: _penalty(symbol[0], symbol[1], n))
    width = f"0{n}b"
    return [format(r, width) for r in rows]


def define_form(canvas: Canvas, name: str, text: str, size: float) -> None:
    """A form XObject `name`: the symbol with its quiet zone on white, `size` points square,
    drawn once per document and placed on every page."""
    rows = modules(text)
    count = len(rows) + 2 * QUIET_ZONE
    canvas.beginForm(name, 0, 0, size, size)
    canvas.setFillColor(white)
    canvas.rect(0, 0, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    # One path of rectangles, one per run of dark modules in a row, in module units (a scale
    # first): small integers that format fast and compress well.
    unit = size / count
    ops = [f"{unit:.6f} 0 0 {unit:.6f} 0 0 cm"]
    for r, row in enumerate(rows):
        y = count - QUIET_ZONE - 1 - r
        for run in _DARK.finditer(row):
            # A hair of overlap so that no seam shows between rows on a rasterised print.
            ops.append(f"{run.start() + QUIET_ZONE} {y} {run.end() - run.start()} 1.02 re")
    ops.append("f")
    canvas.addLiteral("\n".join(ops))
    canvas.endForm()
