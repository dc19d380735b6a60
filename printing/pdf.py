"""render(certificate) -> PDF bytes, in memory only.

The PDF is written into a BytesIO; nothing touches the disk (the font file is only read).
Glyphs are checked before anything is drawn, so a certificate the font cannot print raises
MissingGlyphError and produces no PDF at all.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from printing import anticopy, fonts, qr, seal_image
from printing.compose import compose
from printing.draw import BACKGROUND_FORM, QR_FORM, QR_SIZE, PageContext, draw_page
from printing.glyphs import require_glyphs
from printing.layout import PAGE_H, PAGE_W, lay_out
from printing.model import Certificate

# reportlab keeps a TrueType font's subset state per document inside the shared TTFont object
# and documents it as not safe for two documents at the same time: one render at a time.
_lock: Final = threading.Lock()
_SEAL_CACHE_SIZE: Final = 4
_seals: OrderedDict[bytes, ImageReader] = OrderedDict()


def _seal(png: bytes) -> ImageReader:
    """The seal prepared for print, kept across renders: the same few seals are used all day."""
    reader = _seals.get(png)
    if reader is None:
        reader = seal_image.prepare(png)
        _seals[png] = reader
        while len(_seals) > _SEAL_CACHE_SIZE:
            _seals.popitem(last=False)
    else:
        _seals.move_to_end(png)
    return reader


@contextmanager
def _binary_streams() -> Iterator[None]:
    """reportlab wraps every stream in ASCII85 unless told otherwise, a process-wide setting.

    ASCII85 makes the streams a quarter larger and, in pure Python, costs more than drawing
    the page. Binary streams are what every PDF reader expects; the setting is switched off
    for the duration of a render (under the lock) and put back after.
    """
    from reportlab import rl_config

    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = previous


def render(cert: Certificate) -> bytes:
    """The certificate as PDF bytes; MissingGlyphError before drawing if the font lacks a
    character, LayoutError if an entry cannot fit on a page."""
    composition = compose(cert)
    require_glyphs(composition)
    layout = lay_out(composition)
    buffer = io.BytesIO()
    with _lock, _binary_streams():
        font = fonts.font()
        canvas = Canvas(
            buffer,
            pagesize=(PAGE_W, PAGE_H),
            pageCompression=1,
            # Fixed dates and document id: the same content gives the same bytes, and the PDF
            # carries no time other than the printed issue date.
            invariant=1,
            initialFontName=font.fontName,  # else every page references a viewer font
        )
        canvas.setTitle(composition.title.value)
        canvas.setAuthor(cert.issuer.municipality_name)
        canvas.setCreator("madoguchi")
        anticopy.define_form(canvas, BACKGROUND_FORM, PAGE_W, PAGE_H)
        qr.define_form(canvas, QR_FORM, cert.verification.qr_text, QR_SIZE)
        context = PageContext(canvas, composition, layout, _seal(cert.issuer.seal_png),
                              len(layout.pages))
        for number, plan in enumerate(layout.pages, start=1):
            draw_page(context, plan, number)
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()
