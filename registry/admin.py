"""The administrators' commands: terminals, staff, and the audit chain. Each change is written
to the audit log as the administrator at the registry host."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from registry.audit import chain
from registry.audit.writer import Event, write
from registry.config import Settings
from registry.db import make_engine, make_write_session_factory
from registry.pki import PkiPaths
from registry.repositories.actor import Actor
from registry.security import staff, terminals
from registry.security.permissions import UnknownRole

T = TypeVar("T")


class AdminError(Exception):
    """Refused: printed for the operator, exit status 2."""


def _actor() -> Actor:
    return Actor(staff_id=f"admin:{getpass.getuser()}"[:40], terminal_id="registry-host", purpose="管理作業")


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    engine = make_engine(settings.db_url)
    try:
        with make_write_session_factory(engine).begin() as session:
            yield session
    finally:
        engine.dispose()


def _run(settings: Settings, action: str, target: str, work: Callable[[Session], T]) -> T:
    try:
        with _session(settings) as session:
            result = work(session)
            write(session.connection(), _actor(), Event(action, reference=target[:40]))
            return result
    except (DomainError, UnknownRole) as exc:
        raise AdminError(getattr(exc, "message", str(exc))) from None


def read_password(prompt_stdin: bool) -> str:
    if not prompt_stdin:
        raise AdminError("pass the password on standard input with --password-stdin")
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise AdminError("no password on standard input")
    return password


def terminal_enroll(settings: Settings, name: str, out: Path) -> str:
    paths = PkiPaths(settings.pki_dir)
    if not paths.complete():
        raise AdminError(f"no certificates in {settings.pki_dir}: run `init` first")
    enrolment = _run(settings, "terminal.enroll", name,
                     lambda s: terminals.enroll(s, paths, name, out))
    return f"enrolled {enrolment.name} (serial {enrolment.serial}, until {enrolment.not_after:%Y-%m-%d}) in {out}"


def terminal_revoke(settings: Settings, name: str) -> str:
    _run(settings, "terminal.revoke", name, lambda s: terminals.revoke(s, name))
    return f"revoked {name}: refused from its next request"


def terminal_list(settings: Settings) -> str:
    with _session(settings) as session:
        rows = terminals.listing(session)
        lines = [
            f"{t.name}\tserial={t.serial}\tuntil={t.not_after:%Y-%m-%d}\t"
            f"{'REVOKED ' + f'{t.revoked_at:%Y-%m-%d %H:%M}' if t.revoked_at else 'active'}"
            for t in rows
        ]
    return "\n".join(lines) or "(no terminals)"


def staff_add(settings: Settings, staff_id: str, name: str, roles: str, number_view: bool, password: str) -> str:
    view = _run(settings, "staff.add", staff_id,
                lambda s: staff.add(s, staff_id, name, roles, password, number_view=number_view))
    return f"added {view.id} ({', '.join(view.roles)}{', number view' if view.number_view else ''})"


def staff_disable(settings: Settings, staff_id: str) -> str:
    ended = _run(settings, "staff.disable", staff_id, lambda s: staff.disable(s, staff_id))
    return f"disabled {staff_id}; {ended} session(s) ended"


def staff_enable(settings: Settings, staff_id: str) -> str:
    _run(settings, "staff.enable", staff_id, lambda s: staff.enable(s, staff_id))
    return f"enabled {staff_id}"


def staff_unlock(settings: Settings, staff_id: str) -> str:
    _run(settings, "staff.unlock", staff_id, lambda s: staff.unlock(s, staff_id))
    return f"unlocked {staff_id} (login lockout and search block cleared)"


def staff_reset_password(settings: Settings, staff_id: str, password: str) -> str:
    ended = _run(settings, "staff.reset_password", staff_id,
                 lambda s: staff.reset_password(s, staff_id, password))
    return f"password of {staff_id} reset; {ended} session(s) ended"


def staff_roles(settings: Settings, staff_id: str, roles: str, number_view: bool | None) -> str:
    ended = _run(settings, "staff.roles", staff_id,
                 lambda s: staff.set_roles(s, staff_id, roles, number_view))
    return f"roles of {staff_id} set to {roles}; {ended} session(s) ended"


def staff_list(settings: Settings) -> str:
    with _session(settings) as session:
        rows = staff.listing(session)
    lines = []
    for v in rows:
        state = ["disabled" if v.disabled else "active"]
        state += ["locked"] if v.locked_until else []
        state += ["search-blocked"] if v.search_blocked else []
        view = "number-view" if v.number_view else "-"
        lines.append("\t".join([v.id, v.name, ",".join(v.roles), view, *state]))
    return "\n".join(lines) or "(no staff)"


def audit_verify(settings: Settings) -> tuple[bool, str]:
    with _session(settings) as session:
        chain.seal(session)
    with _session(settings) as session:
        result = chain.verify(session)
    if result.ok:
        return True, f"audit chain intact: {result.checked} rows"
    where = f" at chain position {result.at_seq}" if result.at_seq else ""
    row = f" (audit row id {result.row_id})" if result.row_id else ""
    return False, f"AUDIT CHAIN BROKEN{where}{row}: {result.problem}; {result.checked} rows before it are intact"
