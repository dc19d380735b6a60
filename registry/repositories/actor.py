"""Who is acting: written into every access-log and version row the repositories create."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    staff_id: str | None
    terminal_id: str | None
    purpose: str = "住民記録の照会"
    # Decided per person, not by role (seed l.1007-1011); no one has it until staff exist.
    may_view_numbers: bool = False
