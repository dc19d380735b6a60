"""PyInstaller runtime hook: point printing/fonts.py at the IPAex明朝 inside the bundle.

printing.fonts honours MADOGUCHI_CERTIFICATE_FONT before any system path, so a terminal
without fonts-ipaexfont (Windows, a bare Linux) prints with the font it was built with. An
administrator's own setting (a font with 外字) still wins.
"""

import os
import sys

_bundled = os.path.join(getattr(sys, "_MEIPASS", os.path.dirname(sys.executable)), "fonts", "ipaexm.ttf")
if os.path.isfile(_bundled):
    os.environ.setdefault("MADOGUCHI_CERTIFICATE_FONT", _bundled)
