"""Drawing one page of a certificate from its composition and layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from printing.compose import Composition
from printing.fonts import FONT_NAME, text_width
from printing.layout import (
    CONTENT_W,
    END_MARK_H,
    FOOTER_TOP,
    HEADER_TOP,
    LABEL_SIZE,
    LEADING,
    MARGIN_X,
    NOTE_SIZE,
    NUMBER_W,
    PAD_X,
    PAD_Y,
    PAGE_W,
    RUBY_SIZE,
    TITLE_BASELINE,
    VALUE_SIZE,
    Cell,
    LaidBlock,
    Layout,
    Line,
    PagePlan,
)
from printing.seal_image import SEAL_SIZE
from printing.textfit import wrap
from printing.xobjects import PreparedImage

BACKGROUND_FORM: Final = "MadoguchiAntiCopy"
QR_FORM: Final = "MadoguchiVerificationQR"
QR_SIZE: Final = 22 * mm
TITLE_SIZE: Final = 18.0
GRID_WIDTH: Final = 0.5
SPECIMEN_RED: Final = Color(0.78, 0.1, 0.12)
SPECIMEN_SIZE: Final = 20.0


@dataclass(frozen=True, slots=True)
class PageContext:
    canvas: Canvas
    composition: Composition
    layout: Layout
    seal: PreparedImage
    page_count: int


def _text(c: Canvas, x: float, y: float, s: str, size: float) -> None:
    c.setFont(FONT_NAME, size)
    c.drawString(x, y, s)


def _text_right(c: Canvas, x: float, y: float, s: str, size: float) -> None:
    c.setFont(FONT_NAME, size)
    c.drawRightString(x, y, s)


def _stroke_box(c: Canvas, x: float, bottom: float, width: float, height: float,
                divider: float | None = None) -> None:
    """A rectangle (and a vertical divider at x = `divider`), stroked: the grid, written as
    path operators directly (reportlab's general number formatting is the page's main cost)."""
    ops = f"{x:.2f} {bottom:.2f} {width:.2f} {height:.2f} re"
    if divider is not None:
        ops += f" {divider:.2f} {bottom + height:.2f} m {divider:.2f} {bottom:.2f} l"
    c.addLiteral(ops + " S")


def _draw_cell(c: Canvas, cell: Cell, x: float, top: float, height: float) -> None:
    _stroke_box(c, x, top - height, cell.label_w + cell.value_w, height, x + cell.label_w)
    y = top - PAD_Y - LABEL_SIZE
    for line in cell.label_lines:
        _text(c, x + PAD_X, y, line, LABEL_SIZE)
        y -= LABEL_SIZE * LEADING
    vx = x + cell.label_w + PAD_X
    y = top - PAD_Y
    if cell.ruby:
        y -= RUBY_SIZE
        _text(c, vx, y, cell.ruby, RUBY_SIZE)
        y -= RUBY_SIZE * (LEADING - 1)
    for line in cell.value_lines:
        y -= cell.value_size
        _text(c, vx, y, line, cell.value_size)
        y -= cell.value_size * (LEADING - 1)


def _draw_line(c: Canvas, line: Line, x: float, top: float) -> None:
    for cell in line.cells:
        _draw_cell(c, cell, x, top, line.height)
        x += cell.label_w + cell.value_w


def _draw_block(c: Canvas, block: LaidBlock, top: float) -> None:
    if block.number is not None:
        _stroke_box(c, MARGIN_X, top - block.height, NUMBER_W, block.height)
        label = str(block.number)
        c.setFont(FONT_NAME, VALUE_SIZE)
        c.drawCentredString(MARGIN_X + NUMBER_W / 2, top - PAD_Y - VALUE_SIZE - 1, label)
    x = MARGIN_X + NUMBER_W  # the remarks line up with the entries, without a number
    for line in block.lines:
        _draw_line(c, line, x, top)
        top -= line.height


def _draw_title(ctx: PageContext) -> None:
    c, comp = ctx.canvas, ctx.composition
    _text(c, MARGIN_X, TITLE_BASELINE + 9 * mm, comp.municipality.value, 10.5)
    title = comp.title.value
    # Spaced out like a printed form's heading; measured so it stays centred.
    spacing = 4.0
    width = text_width(title, TITLE_SIZE) + spacing * (len(title) - 1)
    c.saveState()  # character spacing is graphics state: it must not reach any other text
    text = c.beginText((PAGE_W - width) / 2, TITLE_BASELINE)
    text.setFont(FONT_NAME, TITLE_SIZE)
    text.setCharSpace(spacing)
    text.textOut(title)
    c.drawText(text)
    c.restoreState()
    if comp.subtitle is not None:
        c.setFont(FONT_NAME, 10)
        c.drawCentredString(PAGE_W / 2, TITLE_BASELINE - 7 * mm, comp.subtitle.value)


def _draw_closing(ctx: PageContext, top: float) -> None:
    """以下余白 under the last entry, then the certification, the date, the mayor and the seal."""
    c, comp = ctx.canvas, ctx.composition
    _text(c, MARGIN_X + NUMBER_W + PAD_X, top - 5.5 * mm, comp.end_mark.value, VALUE_SIZE)
    y = top - END_MARK_H - 8 * mm
    indent = MARGIN_X + 12 * mm
    for line in wrap(comp.certification.value, CONTENT_W - 24 * mm, 10.5):
        _text(c, indent, y, line, 10.5)
        y -= 6 * mm
    _text(c, indent, y - 2 * mm, comp.issued_on.value, 10.5)
    baseline = y - 20 * mm
    mayor = f"{comp.mayor_title.value}\u3000{comp.mayor_name.value}"
    right = PAGE_W - MARGIN_X - 22 * mm
    _text_right(c, right, baseline, mayor, 13)
    # The seal is impressed over the end of the mayor's name, as on paper; multiplied like
    # ink, so the name shows through (see seal_image).
    c.saveState()
    c.setBlendMode("Multiply")
    seal_x, seal_y = right - 8 * mm, baseline + 13 * 0.35 - SEAL_SIZE / 2
    ctx.seal.draw(c, seal_x, seal_y, SEAL_SIZE, SEAL_SIZE)
    c.restoreState()
    if comp.specimen_mark is not None:
        _draw_specimen_mark(c, comp.specimen_mark.value, seal_x + SEAL_SIZE / 2, seal_y + SEAL_SIZE / 2)


def _draw_specimen_mark(c: Canvas, word: str, cx: float, cy: float) -> None:
    """見本 boxed in red across the specimen seal: no one can take it for the city's seal."""
    width = text_width(word, SPECIMEN_SIZE) + 4 * mm
    height = SPECIMEN_SIZE + 3 * mm
    c.saveState()
    c.setFillColor(white)
    c.setStrokeColor(SPECIMEN_RED)
    c.setLineWidth(1.5)
    c.rect(cx - width / 2, cy - height / 2, width, height, stroke=1, fill=1)
    c.setFillColor(SPECIMEN_RED)
    c.setFont(FONT_NAME, SPECIMEN_SIZE)
    c.drawCentredString(cx, cy - SPECIMEN_SIZE * 0.35, word)
    c.restoreState()


def _draw_footer(ctx: PageContext, page_number: int) -> None:
    c, comp = ctx.canvas, ctx.composition
    c.setLineWidth(0.3)
    c.line(MARGIN_X, FOOTER_TOP, PAGE_W - MARGIN_X, FOOTER_TOP)
    qr_y = FOOTER_TOP - 3 * mm - QR_SIZE
    c.saveState()
    c.translate(MARGIN_X, qr_y)
    c.doForm(QR_FORM)
    c.restoreState()
    foot = comp.footer
    x = MARGIN_X + QR_SIZE + 3 * mm
    y = FOOTER_TOP - 7.5 * mm
    _text(c, x, y, foot.serial.value, 9)
    _text(c, x, y - 5 * mm, foot.code.value, 9)
    y -= 9.5 * mm
    for line in ctx.layout.note_lines:
        _text(c, x, y, line, NOTE_SIZE)
        y -= NOTE_SIZE * 1.4
    right = PAGE_W - MARGIN_X
    _text_right(c, right, FOOTER_TOP - 7.5 * mm, foot.issuer.value, 8)
    _text_right(c, right, FOOTER_TOP - 12.5 * mm, foot.fee.value, 8)
    c.setFont(FONT_NAME, 9)
    c.drawCentredString(PAGE_W / 2, 9 * mm, f"{page_number}/{ctx.page_count}")


def draw_page(ctx: PageContext, plan: PagePlan, page_number: int) -> None:
    c = ctx.canvas
    c.doForm(BACKGROUND_FORM)
    c.setFillColor(black)
    c.setStrokeColor(black)
    _draw_title(ctx)
    c.setLineWidth(GRID_WIDTH)
    top = HEADER_TOP
    for line in ctx.layout.header:
        _draw_line(c, line, MARGIN_X, top)
        top -= line.height
    top = ctx.layout.body_top
    for block in plan.blocks:
        _draw_block(c, block, top)
        top -= block.height
    if plan.closes:
        _draw_closing(ctx, top)
    _draw_footer(ctx, page_number)
