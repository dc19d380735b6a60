"""render(certificate) -> PDF bytes, in memory only.

The PDF is written into a BytesIO; nothing touches the disk (the font file is only read).
Glyphs are checked before anything is drawn, so a certificate the font cannot print raises
MissingGlyphError and produces no PDF at all.
"""

from __future__ import annotations

import hashlib
import io
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from reportlab.pdfgen.canvas import Canvas

from printing import anticopy, fonts, qr, seal_image
from printing.compose import compose
from printing.draw import BACKGROUND_FORM, QR_FORM, QR_SIZE, PageContext, draw_page
from printing.glyphs import require_glyphs
from printing.layout import PAGE_H, PAGE_W, lay_out
from printing.model import Certificate
from printing.xobjects import PreparedForm, PreparedImage, capture_forms

# reportlab keeps a TrueType font's subset state per document inside the shared TTFont object
# and documents it as not safe for two documents at the same time: one render at a time.
render_lock: Final = threading.Lock()
_SEAL_CACHE_SIZE: Final = 4
_seals: OrderedDict[bytes, PreparedImage] = OrderedDict()
_background: list[PreparedForm] = []


def _seal(png: bytes) -> PreparedImage:
    """The seal ready for print (scaled, on white, compressed), kept across renders: the same
    few seals are used all day. Called under the lock, with binary streams."""
    prepared = _seals.get(png)
    if prepared is None:
        name = "MadoguchiSeal" + hashlib.sha256(png).hexdigest()[:16]
        prepared = PreparedImage.of(name, seal_image.prepare(png))
        _seals[png] = prepared
        while len(_seals) > _SEAL_CACHE_SIZE:
            _seals.popitem(last=False)
    else:
        _seals.move_to_end(png)
    return prepared


def _background_form(font_name: str) -> PreparedForm:
    """The anti-copy background (with the latent word's form), made once per process."""
    if not _background:
        scratch = Canvas(io.BytesIO(), pagesize=(PAGE_W, PAGE_H), pageCompression=1, invariant=1,
                         initialFontName=font_name)
        forms = capture_forms(
            scratch, lambda c: anticopy.define_form(c, BACKGROUND_FORM, PAGE_W, PAGE_H),
            (anticopy.WORD_FORM, BACKGROUND_FORM), {BACKGROUND_FORM: (anticopy.WORD_FORM,)})
        _background.append(forms[BACKGROUND_FORM])
    return _background[0]


@contextmanager
def binary_streams() -> Iterator[None]:
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
    with render_lock, binary_streams():
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
        _background_form(font.fontName).place(canvas)
        qr.define_form(canvas, QR_FORM, cert.verification.qr_text, QR_SIZE)
        context = PageContext(canvas, composition, layout, _seal(cert.issuer.seal_png),
                              len(layout.pages))
        for number, plan in enumerate(layout.pages, start=1):
            draw_page(context, plan, number)
            canvas.showPage()
        canvas.save()
    return buffer.getvalue()
