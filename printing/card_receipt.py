"""The 個人番号カード交付受領書 and 交付通知: one A4 page, PDF bytes in memory.

The upper half is the receipt the resident signs and the city keeps (受領書); below a cut line
the notice the resident takes home (交付通知). Both carry the registry's receipt number, the
day of issue in the era calendar, the card's expiry and the city; the receipt also the name,
the address and the staff member who handed the card over. Never the individual number:
compose() refuses any text that holds a run of twelve digits.

As with certificates (printing.pdf): texts are composed first, in print order and each with
the field it comes from, the glyph check reads exactly those texts, and the renderer draws
nothing else. The font is the embedded IPAex明朝 subset; nothing touches the disk.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Final

from printing.compose import FORM, Text
from printing.errors import InvalidCertificateError, MissingGlyph, MissingGlyphError
from printing.model import Address, Name

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

TITLE: Final = "個人番号カード交付受領書"
NOTICE_TITLE: Final = "個人番号カード交付通知"
RECEIVED: Final = "上記のとおり、個人番号カードの交付を受けました。"
NOTICE_TEXT: Final = "あなたの個人番号カードを下記のとおり交付しました。"
NOTICE_CARE: Final = (
    "カードの有効期限の前に、更新の手続きをしてください。紛失・盗難のときは、"
    "速やかに一時停止の手続きをしてください。この通知は大切に保管してください。"
)
CUT_LINE: Final = "（切り取り線）"
_RECEIPT_NUMBER: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,31}")
_TWELVE_DIGITS: Final = re.compile(r"[0-9]{12}")


@dataclass(frozen=True, slots=True)
class CardReceipt:
    receipt_number: str  # the registry's sequence for 交付 (POST .../card-events)
    issued_on: date
    name: Name
    address: Address
    card_expiry: date
    staff_name: str  # who handed the card over
    municipality_name: str  # 寝屋川市


@dataclass(frozen=True, slots=True)
class ReceiptRow:
    label: Text
    value: Text
    ruby: Text | None = None


@dataclass(frozen=True, slots=True)
class ReceiptComposition:
    municipality: Text
    number: Text
    title: Text
    rows: tuple[ReceiptRow, ...]
    received: Text
    signature: Text
    cut_line: Text
    notice_title: Text
    notice_text: Text
    notice_rows: tuple[ReceiptRow, ...]
    care: Text
    issuer: Text

    def texts(self) -> Iterator[Text]:
        yield from (self.municipality, self.number, self.title)
        for row in (*self.rows, *self.notice_rows):
            yield row.label
            yield row.value
            if row.ruby is not None:
                yield row.ruby
        yield from (self.received, self.signature, self.cut_line, self.notice_title,
                    self.notice_text, self.care, self.issuer)


def _wareki(d: date) -> str:
    from app.domain.wareki import format_wareki

    return format_wareki(d)


def _row(label: str, field: str, value: str, ruby: str | None = None) -> ReceiptRow:
    return ReceiptRow(Text(FORM, label), Text(field, value),
                      Text(f"{field}.kana", ruby) if ruby else None)


def compose(receipt: CardReceipt) -> ReceiptComposition:
    """The texts of the page; InvalidCertificateError for content that cannot be a receipt."""
    if _RECEIPT_NUMBER.fullmatch(receipt.receipt_number) is None:
        raise InvalidCertificateError("receipt_number", "1-32 ASCII letters, digits or '-' expected")
    for field, value in (("staff_name", receipt.staff_name),
                         ("municipality_name", receipt.municipality_name),
                         ("name", receipt.name.text), ("address", receipt.address.main)):
        if not value.strip():
            raise InvalidCertificateError(field, "must not be empty")
    number = f"受付番号　{receipt.receipt_number}"
    issued, expiry = _wareki(receipt.issued_on), _wareki(receipt.card_expiry)
    rows = (
        _row("交付年月日", "issued_on", issued),
        _row("氏名", "name", receipt.name.text, receipt.name.kana),
        _row("住所", "address", receipt.address.text),
        _row("カードの有効期限", "card_expiry", expiry),
        _row("交付担当者", "staff_name", receipt.staff_name),
    )
    notice_rows = (
        _row("受付番号", "receipt_number", receipt.receipt_number),
        _row("交付年月日", "issued_on", issued),
        _row("氏名", "name", receipt.name.text),
        _row("カードの有効期限", "card_expiry", expiry),
    )
    composition = ReceiptComposition(
        municipality=Text("municipality_name", receipt.municipality_name),
        number=Text("receipt_number", number),
        title=Text(FORM, TITLE),
        rows=rows,
        received=Text(FORM, RECEIVED),
        signature=Text(FORM, "受領者署名"),
        cut_line=Text(FORM, CUT_LINE),
        notice_title=Text(FORM, NOTICE_TITLE),
        notice_text=Text(FORM, NOTICE_TEXT),
        notice_rows=notice_rows,
        care=Text(FORM, NOTICE_CARE),
        issuer=Text("municipality_name", receipt.municipality_name),
    )
    for text in composition.texts():
        # A receipt lies on desks and goes home in pockets: no individual number on it, ever.
        if _TWELVE_DIGITS.search(unicodedata.normalize("NFKC", text.value).replace(" ", "")):
            raise InvalidCertificateError(text.field, "twelve digits in a row: no individual number")
    return composition


def check_glyphs(receipt: CardReceipt) -> list[MissingGlyph]:
    """Every field with characters the embedded font lacks; empty when it can be printed."""
    return _missing(compose(receipt))


def _missing(composition: ReceiptComposition) -> list[MissingGlyph]:
    from printing import fonts

    cmap = fonts.font().face.charToGlyph
    found: dict[str, dict[str, None]] = {}
    for text in composition.texts():
        for char in text.value:
            category = unicodedata.category(char)
            # Glyph 0 is the box itself; control and format characters print as nothing.
            if not cmap.get(ord(char)) or (category.startswith("C") and category != "Co"):
                found.setdefault(text.field, {})[char] = None
    return [MissingGlyph(field, tuple(chars)) for field, chars in found.items()]


# -- drawing ----------------------------------------------------------------------------------------
# In points from the page's bottom left; reportlab is loaded only when a receipt is rendered.

_MM: Final = 72 / 25.4
PAGE_W: Final = 210 * _MM
PAGE_H: Final = 297 * _MM
MARGIN_X: Final = 20 * _MM
CONTENT_W: Final = PAGE_W - 2 * MARGIN_X
LABEL_W: Final = 38 * _MM
PAD: Final = 2 * _MM
LABEL_SIZE: Final = 9.5
VALUE_SIZE: Final = 11.0
NAME_SIZE: Final = 14.0
RUBY_SIZE: Final = 7.0
LEADING: Final = 1.35
CUT_Y: Final = 128 * _MM  # the cut line: the notice below is the resident's to take
UPPER_BOTTOM: Final = CUT_Y + 8 * _MM


def render_receipt(receipt: CardReceipt) -> bytes:
    """The page as PDF bytes; MissingGlyphError before anything is drawn if the font lacks a
    character, LayoutError if the address is too long for the receipt."""
    composition = compose(receipt)
    missing = _missing(composition)
    if missing:
        raise MissingGlyphError(tuple(missing))
    from reportlab.pdfgen.canvas import Canvas

    from printing import fonts
    from printing import pdf as certificate_pdf

    buffer = io.BytesIO()
    # The TrueType subset state lives in the one shared font object: one render at a time,
    # under the certificates' own lock, with their binary (not ASCII85) streams.
    with certificate_pdf.render_lock, certificate_pdf.binary_streams():
        font = fonts.font()
        canvas = Canvas(buffer, pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1,
                        initialFontName=font.fontName)
        canvas.setTitle(composition.title.value)
        canvas.setAuthor(composition.municipality.value)
        canvas.setCreator("madoguchi")
        _draw(canvas, composition)
        canvas.showPage()
        canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class _LaidRow:
    row: ReceiptRow
    lines: list[str]
    size: float
    height: float


def _lay(row: ReceiptRow, value_w: float) -> _LaidRow:
    from printing.textfit import wrap

    size = NAME_SIZE if row.value.field == "name" else VALUE_SIZE
    lines = wrap(row.value.value, value_w - 2 * PAD, size)
    ruby_h = RUBY_SIZE * LEADING if row.ruby is not None else 0.0
    height = max(9 * _MM, ruby_h + len(lines) * size * LEADING + 2 * PAD)
    return _LaidRow(row, lines, size, height)


def _text(canvas: Canvas, x: float, y: float, value: str, size: float) -> None:
    from printing.fonts import FONT_NAME

    canvas.setFont(FONT_NAME, size)
    canvas.drawString(x, y, value)


def _table(canvas: Canvas, rows: tuple[ReceiptRow, ...], top: float) -> float:
    """Draw the rows as a ruled table from `top` down; the y of its bottom edge."""
    value_w = CONTENT_W - LABEL_W
    c = canvas
    for laid in (_lay(row, value_w) for row in rows):
        bottom = top - laid.height
        c.rect(MARGIN_X, bottom, CONTENT_W, laid.height, stroke=1, fill=0)
        c.line(MARGIN_X + LABEL_W, top, MARGIN_X + LABEL_W, bottom)
        middle = (top + bottom) / 2
        _text(c, MARGIN_X + PAD, middle - LABEL_SIZE * 0.35, laid.row.label.value, LABEL_SIZE)
        x = MARGIN_X + LABEL_W + PAD
        y = top - PAD
        if laid.row.ruby is not None:
            y -= RUBY_SIZE
            _text(c, x, y, laid.row.ruby.value, RUBY_SIZE)
            y -= RUBY_SIZE * (LEADING - 1)
        block = len(laid.lines) * laid.size * LEADING
        # Centre the value in the row below the reading.
        y -= max(0.0, (y - bottom - PAD - block) / 2)
        for line in laid.lines:
            y -= laid.size
            _text(c, x, y, line, laid.size)
            y -= laid.size * (LEADING - 1)
        top = bottom
    return top


def _spaced_title(canvas: Canvas, title: str, baseline: float, size: float) -> None:
    from printing.fonts import FONT_NAME, text_width

    spacing = 3.0
    width = text_width(title, size) + spacing * (len(title) - 1)
    c = canvas
    c.saveState()
    text = c.beginText((PAGE_W - width) / 2, baseline)
    text.setFont(FONT_NAME, size)
    text.setCharSpace(spacing)
    text.textOut(title)
    c.drawText(text)
    c.restoreState()


def _draw(canvas: Canvas, comp: ReceiptComposition) -> None:
    from printing.errors import LayoutError
    from printing.fonts import FONT_NAME
    from printing.textfit import wrap

    c = canvas
    c.setLineWidth(0.6)
    # -- the receipt (受領書), kept by the city --
    _text(c, MARGIN_X, PAGE_H - 18 * _MM, comp.municipality.value, 10.5)
    c.setFont(FONT_NAME, 10)
    c.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 18 * _MM, comp.number.value)
    _spaced_title(c, comp.title.value, PAGE_H - 34 * _MM, 17.0)
    bottom = _table(c, comp.rows, PAGE_H - 44 * _MM)
    y = bottom - 9 * _MM
    _text(c, MARGIN_X + 4 * _MM, y, comp.received.value, 11)
    box_w, box_h = 95 * _MM, 16 * _MM
    box_top = y - 6 * _MM
    box_x = PAGE_W - MARGIN_X - box_w
    c.rect(box_x, box_top - box_h, box_w, box_h, stroke=1, fill=0)
    _text(c, box_x + PAD, box_top - LABEL_SIZE - PAD, comp.signature.value, LABEL_SIZE)
    if box_top - box_h < UPPER_BOTTOM:
        raise LayoutError("the receipt does not fit above the cut line (address too long)")
    # -- the cut line --
    c.saveState()
    c.setDash(4, 3)
    c.setLineWidth(0.4)
    c.line(MARGIN_X - 8 * _MM, CUT_Y, PAGE_W - MARGIN_X + 8 * _MM, CUT_Y)
    c.restoreState()
    c.setFont(FONT_NAME, 8)
    c.drawCentredString(PAGE_W / 2, CUT_Y + 1.5 * _MM, comp.cut_line.value)
    # -- the notice (交付通知), the resident's --
    _spaced_title(c, comp.notice_title.value, CUT_Y - 16 * _MM, 15.0)
    _text(c, MARGIN_X + 4 * _MM, CUT_Y - 27 * _MM, comp.notice_text.value, 11)
    bottom = _table(c, comp.notice_rows, CUT_Y - 33 * _MM)
    y = bottom - 8 * _MM
    for line in wrap(comp.care.value, CONTENT_W - 8 * _MM, 9):
        _text(c, MARGIN_X + 4 * _MM, y, line, 9)
        y -= 9 * LEADING
    c.setFont(FONT_NAME, 13)
    c.drawRightString(PAGE_W - MARGIN_X, 22 * _MM, comp.issuer.value)


__all__ = ["CardReceipt", "ReceiptComposition", "check_glyphs", "compose", "render_receipt"]
