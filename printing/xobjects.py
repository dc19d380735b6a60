"""PDF objects made once per process and placed in every document: the seal image and the
anti-copy background. They carry no resident data (the city's seal, a fixed pattern).

reportlab builds an image XObject anew for every document (it hashes the pixels and
recompresses them: a few ms for a seal) and compresses every form's content stream anew at
save (the background's hatching). Here each is prepared once, its stream compressed once,
and a document gets a fresh shallow copy of the ready object: reportlab marks an object
with its name in the document that registers it, so the prepared one itself is never
registered anywhere.

This uses reportlab's document-level API (`PDFDocument.addForm`, `hasForm`,
`getXObjectName`, `PDFFormXObject`, `PDFImageXObject`), which canvas.drawImage and
canvas.endForm themselves are built on.
"""

from __future__ import annotations

import copy
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

_FLATE: Any = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])


def _fresh(template: Any) -> Any:
    made = copy.copy(template)
    made.__dict__.pop("__InternalName__", None)
    return made


@dataclass(frozen=True, eq=False)
class PreparedImage:
    name: str
    width: int  # pixels
    height: int
    _template: Any  # PDFImageXObject, its pixels compressed once

    @classmethod
    def of(cls, name: str, reader: ImageReader) -> PreparedImage:
        """Call with reportlab's binary streams in effect (printing.pdf renders that way):
        the compressed pixels are kept as they are made."""
        template = pdfdoc.PDFImageXObject(name, reader, mask=None)
        template.name = name
        return cls(name, template.width, template.height, template)

    def draw(self, canvas: Canvas, x: float, y: float, width: float, height: float) -> None:
        """Drawn centred in the box, its aspect ratio kept (drawImage's preserveAspectRatio)."""
        doc = canvas._doc
        if not doc.hasForm(self.name):
            doc.addForm(self.name, _fresh(self._template))
        scale = min(width / self.width, height / self.height)
        w, h = self.width * scale, self.height * scale
        canvas.saveState()
        canvas.translate(x + (width - w) / 2, y + (height - h) / 2)
        canvas.scale(w, h)
        canvas.doForm(self.name)
        canvas.restoreState()
        canvas._currentPageHasImages = 1  # the page's /ProcSet names images, as drawImage does


@dataclass(frozen=True, eq=False)
class PreparedForm:
    name: str
    _template: Any  # PDFFormXObject as endForm made it, never formatted
    _content: bytes  # its content stream, compressed
    uses: tuple[PreparedForm, ...]  # the forms it draws

    def place(self, canvas: Canvas) -> None:
        """Define the form (and the forms it draws) in this canvas's document, once."""
        doc = canvas._doc
        if doc.hasForm(self.name):
            return
        for inner in self.uses:
            inner.place(canvas)
        form = _fresh(self._template)
        stream = pdfdoc.PDFStream(content=self._content)
        stream.dictionary["Filter"] = _FLATE  # already applied: PDFStream leaves it as it is
        form.Contents = stream
        form.compression = 0
        doc.addForm(self.name, form)


def capture_forms(scratch: Canvas, define: Callable[[Canvas], None], names: tuple[str, ...],
                  uses: dict[str, tuple[str, ...]]) -> dict[str, PreparedForm]:
    """Run `define` (beginForm … endForm for each of `names`) on `scratch`, a canvas set up as
    the documents' are and never saved, and keep each form ready; `uses` names, per form, the
    forms it draws (listed before it in `names`)."""
    define(scratch)
    found: dict[str, PreparedForm] = {}
    for name in names:
        template = scratch._doc.idToObject[pdfdoc.xObjectName(name)]
        content = zlib.compress(template.stream)
        template.stream = None  # the compressed copy is what documents get
        found[name] = PreparedForm(name, template, content, tuple(found[u] for u in uses.get(name, ())))
    return found
