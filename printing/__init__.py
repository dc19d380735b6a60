"""Certificate layouts: content model in, PDF bytes out (reportlab, no Qt, nothing on disk).

    from printing.model import Certificate, ...     # light: what the registry fills in
    from printing import render, check_glyphs        # loads reportlab and the font on first use

Importing the package itself loads nothing heavy: `render` and `check_glyphs` are resolved
on first access.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from printing.glyphs import check_glyphs
    from printing.pdf import render

__all__ = ["check_glyphs", "render"]


def __getattr__(name: str) -> Any:
    if name == "render":
        from printing.pdf import render

        return render
    if name == "check_glyphs":
        from printing.glyphs import check_glyphs

        return check_glyphs
    raise AttributeError(f"module 'printing' has no attribute {name!r}")
