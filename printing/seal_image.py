"""The official seal (公印) image: checked when the terminal loads it, prepared once for printing.

The city installs its seal as a PNG file and names it in the terminal setting
`printing.seal_image`. `load` reads and checks it (a PNG, of a sensible size, that decodes),
with a Japanese message for each problem, so that a wrong file is found when the desk opens,
never on a resident's certificate.

For print, the PNG may be a large scan with an alpha channel. It is scaled to print resolution
(a page carries a few KB of seal instead of a scan's megabytes) and laid on white. It is drawn
with the Multiply blend mode, so its white background vanishes and the mayor's name and the
tinted pattern show through the red, as they do under a real ink seal; and, having no alpha
channel, it is one image stream to compress per document instead of two (image + soft mask).
It stays lossless: a JPEG would be cheaper to embed but several times larger on a flat red seal.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Final

from printing.errors import PrintingError

if TYPE_CHECKING:
    from reportlab.lib.utils import ImageReader

MM: Final = 72 / 25.4  # reportlab's mm; this module loads reportlab only to prepare a seal
SEAL_SIZE: Final = 21 * MM
PRINT_DPI: Final = 300
MAX_PIXELS: Final = round(SEAL_SIZE / 72 * PRINT_DPI)  # 248 px across 21 mm
PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
MAX_FILE_BYTES: Final = 5 * 1024 * 1024  # a 600 dpi scan of a seal is well under 1 MB
MIN_SIDE: Final = 64  # pixels: below this the seal prints blurred at 21 mm
MAX_SIDE: Final = 4000
MAX_ASPECT: Final = 1.5  # seals are square or round; a long strip is some other picture


class SealImageError(PrintingError):
    """The configured seal image cannot be used; `code` is stable, `message` is for the clerk."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def check(png: bytes) -> bytes:
    """`png` if it is a seal image the certificates can carry; SealImageError otherwise."""
    if len(png) > MAX_FILE_BYTES:
        raise SealImageError("seal_too_large", "公印の画像ファイルが大きすぎます（5MBまで）。")
    if not png.startswith(PNG_SIGNATURE):
        raise SealImageError("seal_not_png", "公印の画像がPNG形式ではありません。")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(png)) as image:
            width, height = image.size
            image.load()  # decodes every chunk: a truncated or corrupt file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise SealImageError("seal_unreadable", "公印の画像ファイルが壊れているため読み込めません。") from None
    if min(width, height) < MIN_SIDE:
        raise SealImageError("seal_too_small",
                             f"公印の画像が小さすぎます（{width}×{height}ピクセル、{MIN_SIDE}ピクセル以上が必要です）。")
    if max(width, height) > MAX_SIDE:
        raise SealImageError("seal_too_big",
                             f"公印の画像が大きすぎます（{width}×{height}ピクセル、{MAX_SIDE}ピクセルまで）。")
    if max(width, height) / min(width, height) > MAX_ASPECT:
        raise SealImageError("seal_not_square",
                             f"公印の画像の縦横比が印影として不自然です（{width}×{height}ピクセル）。")
    return png


def load(path: Path) -> bytes:
    """The seal image the city installed at `path`, checked; SealImageError otherwise."""
    try:
        if not path.is_file():
            raise SealImageError("seal_missing", f"公印の画像ファイルがありません: {path}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SealImageError("seal_too_large", "公印の画像ファイルが大きすぎます（5MBまで）。")
        data = path.read_bytes()
    except PermissionError:
        raise SealImageError("seal_unreadable", f"公印の画像ファイルを読む権限がありません: {path}") from None
    except OSError:
        raise SealImageError("seal_unreadable", f"公印の画像ファイルを読み込めません: {path}") from None
    return check(data)


def prepare(png: bytes) -> ImageReader:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    with Image.open(io.BytesIO(png)) as source:
        image = source.convert("RGBA")
    if max(image.size) > MAX_PIXELS:
        image.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
    paper = Image.new("RGB", image.size, (255, 255, 255))
    paper.paste(image, mask=image.getchannel("A"))
    return ImageReader(paper)
