"""Page geometry, the measured layout of each entry, and how entries go onto pages.

An entry (one person, or the remarks) is never split: a page takes whole entries only. The
last page must also hold 以下余白 and the certification with the seal, so entries move to a new
page rather than leave the certification alone on one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from printing.compose import Block, Composition, Row
from printing.errors import LayoutError
from printing.textfit import fit, wrap

PAGE_W, PAGE_H = A4
MARGIN_X: Final = 15 * mm
CONTENT_W: Final = PAGE_W - 2 * MARGIN_X  # 180 mm
TITLE_BASELINE: Final = PAGE_H - 24 * mm
HEADER_TOP: Final = PAGE_H - 36 * mm
FOOTER_TOP: Final = 36 * mm  # the verification band (QR code, serial) lies below
BODY_BOTTOM: Final = FOOTER_TOP + 3 * mm

NUMBER_W: Final = 8 * mm
LABEL_W: Final = 30 * mm
FULL_VALUE_W: Final = CONTENT_W - NUMBER_W - LABEL_W
HALF_VALUE_W: Final = (CONTENT_W - NUMBER_W) / 2 - LABEL_W
HEADER_VALUE_W: Final = CONTENT_W - LABEL_W
PAD_X: Final = 1.5 * mm
PAD_Y: Final = 1.4 * mm

LABEL_SIZE: Final = 8.0
VALUE_SIZE: Final = 9.5
NAME_SIZE: Final = 12.0
RUBY_SIZE: Final = 6.5
LEADING: Final = 1.35  # line height as a multiple of the type size

NOTE_SIZE: Final = 7.0
NOTE_W: Final = 105 * mm
NOTE_MAX_LINES: Final = 3  # what the band beside the QR code holds
END_MARK_H: Final = 9 * mm
CERTIFICATION_H: Final = 46 * mm  # sentence, issue date, mayor with the seal


@dataclass(frozen=True, slots=True)
class Cell:
    row: Row
    label_lines: list[str]
    value_lines: list[str]
    ruby: str | None
    value_size: float
    label_w: float
    value_w: float
    height: float


@dataclass(frozen=True, slots=True)
class Line:
    cells: tuple[Cell, ...]  # one full-width cell, or two half-width ones side by side
    height: float


@dataclass(frozen=True, slots=True)
class LaidBlock:
    number: int | None
    lines: tuple[Line, ...]
    height: float


@dataclass(frozen=True, slots=True)
class PagePlan:
    blocks: tuple[LaidBlock, ...]
    closes: bool  # 以下余白, the certification and the seal follow the last entry here


@dataclass(frozen=True, slots=True)
class Layout:
    header: tuple[Line, ...]
    header_height: float
    pages: tuple[PagePlan, ...]
    note_lines: tuple[str, ...]  # the verification note beside the QR code

    @property
    def body_top(self) -> float:
        return HEADER_TOP - self.header_height - 3 * mm


def lay_cell(row: Row, label_w: float, value_w: float) -> Cell:
    size = NAME_SIZE if row.emphasis else VALUE_SIZE
    label_lines = wrap(row.label.value, label_w - 2 * PAD_X, LABEL_SIZE) if row.label.value else []
    value_lines = fit([t.value for t in row.value], value_w - 2 * PAD_X, size)
    ruby = row.ruby.value if row.ruby else None
    ruby_h = RUBY_SIZE * LEADING if ruby else 0.0
    height = max(len(label_lines) * LABEL_SIZE * LEADING,
                 ruby_h + len(value_lines) * size * LEADING) + 2 * PAD_Y
    return Cell(row, label_lines, value_lines, ruby, size, label_w, value_w, height)


def _fits_half(cell: Cell) -> bool:
    return len(cell.value_lines) == 1 and len(cell.label_lines) <= 1 and (
        cell.ruby is None or len(cell.ruby) <= 24
    )


def lay_block(block: Block) -> LaidBlock:
    lines: list[Line] = []
    pending: Cell | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:  # a half cell left alone takes the whole width
            lines.append(_line(lay_cell(pending.row, LABEL_W, FULL_VALUE_W)))
            pending = None

    for row in block.rows:
        half = None if row.emphasis else lay_cell(row, LABEL_W, HALF_VALUE_W)
        if half is not None and _fits_half(half):
            if pending is None:
                pending = half
            else:
                lines.append(_line(pending, half))
                pending = None
            continue
        flush()
        lines.append(_line(lay_cell(row, LABEL_W, FULL_VALUE_W)))
    flush()
    return LaidBlock(block.number, tuple(lines), sum(line.height for line in lines))


def _line(*cells: Cell) -> Line:
    return Line(cells, max(c.height for c in cells))


def paginate(blocks: list[LaidBlock], space: float, per_page: bool,
             remarks: LaidBlock | None) -> tuple[PagePlan, ...]:
    closing = END_MARK_H + CERTIFICATION_H
    if per_page:
        pages = []
        for block in blocks:
            entries = (block, remarks) if remarks else (block,)
            _require(sum(b.height for b in entries) + closing <= space, block)
            pages.append(PagePlan(entries, closes=True))
        return tuple(pages)

    flow = [*blocks, *((remarks,) if remarks else ())]
    pages_blocks: list[list[LaidBlock]] = [[]]
    used = 0.0
    for block in flow:
        _require(block.height <= space, block)
        if used + block.height > space and pages_blocks[-1]:
            pages_blocks.append([])
            used = 0.0
        pages_blocks[-1].append(block)
        used += block.height
    # Keep the certification with at least the last entry: move trailing entries over.
    last = pages_blocks[-1]
    tail: list[LaidBlock] = []
    while sum(b.height for b in last) + closing > space and len(last) > 1:
        tail.insert(0, last.pop())
    if tail:
        pages_blocks.append(tail)
    _require(sum(b.height for b in pages_blocks[-1]) + closing <= space, pages_blocks[-1][-1])
    return tuple(
        PagePlan(tuple(page), closes=i == len(pages_blocks) - 1)
        for i, page in enumerate(pages_blocks)
    )


def _require(ok: bool, block: LaidBlock) -> None:
    if not ok:
        what = f"entry {block.number}" if block.number is not None else "the remarks"
        raise LayoutError(f"{what} ({block.height / mm:.0f} mm) does not fit on one page")


def lay_out(composition: Composition) -> Layout:
    header = tuple(_line(lay_cell(row, LABEL_W, HEADER_VALUE_W)) for row in composition.header)
    header_height = sum(line.height for line in header)
    blocks = [lay_block(b) for b in composition.blocks]
    remarks = lay_block(composition.remarks) if composition.remarks else None
    space = HEADER_TOP - header_height - 3 * mm - BODY_BOTTOM
    pages = paginate(blocks, space, composition.page_per_person, remarks)
    note = composition.footer.note
    note_lines = tuple(wrap(note.value, NOTE_W, NOTE_SIZE)) if note else ()
    if len(note_lines) > NOTE_MAX_LINES:
        raise LayoutError(f"the verification note takes more than {NOTE_MAX_LINES} lines")
    return Layout(header, header_height, pages, note_lines)
