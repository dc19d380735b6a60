"""Who is acting: written into every audit, access-log and version row the repositories create."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    staff_id: str | None
    terminal_id: str | None
    purpose: str | None = "住民記録の照会"
    # Decided per person, not by role (seed l.1007-1011).
    may_view_numbers: bool = False
    permissions: frozenset[str] = field(default_factory=frozenset)
    session_id: str | None = None
    roles: tuple[str, ...] = ()

    def can(self, permission: str) -> bool:
        return permission in self.permissions
