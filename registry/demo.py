"""The demo city's staff and terminal for `make run`: one account per role with a published
password, and this machine enrolled as a terminal. Never for a real register: the passwords
are in the README."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from registry.config import Settings
from registry.models import Staff, Terminal
from registry.pki import PkiPaths
from registry.security import staff, terminals

DEMO_PASSWORD: Final = "Madoguchi2026"
DEMO_TERMINAL: Final = "demo-terminal"


@dataclass(frozen=True)
class DemoStaff:
    id: str
    name: str
    roles: str
    number_view: bool


DEMO_STAFF: Final = (
    DemoStaff("clerk01", "窓口 花子", "clerk", True),
    DemoStaff("clerk02", "窓口 次郎", "clerk", False),
    DemoStaff("card01", "交付 三郎", "card_desk", True),
    DemoStaff("super01", "管理 責子", "supervisor", False),
    DemoStaff("help01", "支援 五郎", "helpdesk", False),
    DemoStaff("admin01", "運用 六子", "admin", False),
    DemoStaff("audit01", "監査 七海", "auditor", False),
)


def terminal_dir(settings: Settings) -> Path:
    return settings.state_dir / DEMO_TERMINAL


def set_up(session: Session, settings: Settings) -> list[str]:
    """Create what is missing; returns what was done."""
    done = []
    for person in DEMO_STAFF:
        if session.get(Staff, person.id) is None:
            staff.add(session, person.id, person.name, person.roles, DEMO_PASSWORD,
                      number_view=person.number_view)
            done.append(f"staff {person.id} ({person.roles})")
    out = terminal_dir(settings)
    if session.get(Terminal, DEMO_TERMINAL) is None or not (out / terminals.CERT_FILE).is_file():
        existing = session.get(Terminal, DEMO_TERMINAL)
        if existing is not None:
            terminals.revoke(session, DEMO_TERMINAL)
            session.flush()
        terminals.enroll(session, PkiPaths(settings.pki_dir), DEMO_TERMINAL, out)
        done.append(f"terminal {DEMO_TERMINAL} in {out}")
    return done
