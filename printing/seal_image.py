"""The official seal (公印) image, prepared once for printing.

The configured PNG may be a large scan with an alpha channel. It is scaled to print resolution
(a page carries a few KB of seal instead of a scan's megabytes) and laid on white. It is drawn
with the Multiply blend mode, so its white background vanishes and the mayor's name and the
tinted pattern show through the red, as they do under a real ink seal; and, having no alpha
channel, it is one image stream to compress per document instead of two (image + soft mask).
It stays lossless: a JPEG would be cheaper to embed but several times larger on a flat red seal.
"""

from __future__ import annotations

import io
from typing import Final

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

SEAL_SIZE: Final = 21 * mm
PRINT_DPI: Final = 300
MAX_PIXELS: Final = round(SEAL_SIZE / 72 * PRINT_DPI)  # 248 px across 21 mm


def prepare(png: bytes) -> ImageReader:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as source:
        image = source.convert("RGBA")
    if max(image.size) > MAX_PIXELS:
        image.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    paper = Image.new("RGB", image.size, (255, 255, 255))
    paper.paste(image, mask=image.getchannel("A"))
    return ImageReader(paper)
