"""What can stop a certificate from being printed, each a distinct type the terminal can show."""

from __future__ import annotations

from dataclasses import dataclass


class PrintingError(Exception):
    """Base of every error raised by `printing`."""


class FontNotFoundError(PrintingError):
    """The embedded Japanese font is not installed: nothing can be printed without it."""


class InvalidCertificateError(PrintingError):
    """The content handed to the renderer is inconsistent (a bug on the registry side)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


class LayoutError(PrintingError):
    """The content cannot be laid out, e.g. one person's entry is taller than a page."""


@dataclass(frozen=True, slots=True)
class MissingGlyph:
    """Characters of one printed field that the embedded font cannot draw."""

    field: str  # where the text comes from: "persons[2].name", "issuer.mayor_name", "form"
    characters: tuple[str, ...]  # each distinct missing character once, in order of appearance

    @property
    def codepoints(self) -> tuple[str, ...]:
        return tuple(f"U+{ord(c):04X}" for c in self.characters)

    def describe(self) -> str:
        listed = ", ".join(f"{c!r} {cp}" for c, cp in zip(self.characters, self.codepoints, strict=True))
        return f"{self.field}: {listed}"


class MissingGlyphError(PrintingError):
    """Some characters would print as empty boxes (tofu); nothing was rendered.

    The clerk must resolve them first (an 外字 registered in the font, or the registry's
    agreed substitute character): a certificate with a wrong or blank character is worse than
    none.
    """

    def __init__(self, missing: tuple[MissingGlyph, ...]) -> None:
        super().__init__(
            "the certificate font lacks characters: " + "; ".join(m.describe() for m in missing)
        )
        self.missing = missing
