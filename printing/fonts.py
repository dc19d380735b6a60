"""The one font every certificate is set in: IPAex明朝, embedded as a subset.

IPAex comes from Debian's `fonts-ipaexfont`. It is found at a known path or through fontconfig
(`fc-match`), parsed once per process and registered with reportlab under a private name.
reportlab embeds a TrueType font as subsets of the glyphs a document uses, so nothing printed
depends on the viewer's or the printer's fonts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Final

from printing.errors import FontNotFoundError

if TYPE_CHECKING:
    from reportlab.pdfbase.ttfonts import TTFont

FONT_NAME: Final = "MadoguchiIPAexMincho"
ENV_FONT: Final = "MADOGUCHI_CERTIFICATE_FONT"  # explicit path, e.g. for a font with 外字
FILE_NAME: Final = "ipaexm.ttf"
KNOWN_PATHS: Final = (
    "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf",  # Debian 10 and later
    "/usr/share/fonts/truetype/ipaexfont-mincho/ipaexm.ttf",  # older Debian/Ubuntu
    "/usr/share/fonts/truetype/ipaexfont/ipaexm.ttf",
    "/usr/share/fonts/ipaex-mincho/ipaexm.ttf",  # some other distributions
)
INSTALL_HINT: Final = (
    "install the Debian package fonts-ipaexfont (apt-get install fonts-ipaexfont) "
    f"or set {ENV_FONT} to the path of ipaexm.ttf"
)

_lock = threading.Lock()
_font: TTFont | None = None


def locate() -> Path:
    """The font file; FontNotFoundError with what to install when there is none."""
    explicit = os.environ.get(ENV_FONT)
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise FontNotFoundError(f"{ENV_FONT}={explicit} is not a file; {INSTALL_HINT}")
        return path
    for known in KNOWN_PATHS:
        if Path(known).is_file():
            return Path(known)
    found = _fc_match()
    if found is not None:
        return found
    raise FontNotFoundError(f"the certificate font IPAex明朝 ({FILE_NAME}) is missing: {INSTALL_HINT}")


def _fc_match() -> Path | None:
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", "IPAexMincho"],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    # fc-match always answers with *some* font; only the real file counts (Debian points an
    # alternatives symlink such as fonts-japanese-mincho.ttf at it, hence the resolve()).
    if not out:
        return None
    path = Path(out).resolve()
    return path if path.name == FILE_NAME and path.is_file() else None


def font() -> TTFont:
    """The registered font, loaded on first use (~0.1 s) and kept for the process."""
    global _font
    with _lock:
        if _font is None:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            loaded = TTFont(FONT_NAME, str(locate()))
            pdfmetrics.registerFont(loaded)
            _font = loaded
        return _font


def has_glyph(codepoint: int) -> bool:
    return codepoint in font().face.charToGlyph


# Advance widths per character (of 1000 units), filled as characters are met: measuring is the
# layout's inner loop, and the font's own lookup goes through a method call per character.
_widths: dict[str, float] = {}


def _width(char: str) -> float:
    width = _widths.get(char)
    if width is None:
        width = _widths[char] = font().face.getCharWidth(ord(char))
    return width


def char_width(char: str, size: float) -> float:
    """Advance width of one character in points."""
    return _width(char) * size / 1000.0


def text_width(text: str, size: float) -> float:
    widths = _widths
    total = 0.0
    for char in text:
        width = widths.get(char)
        total += _width(char) if width is None else width
    return total * size / 1000.0
