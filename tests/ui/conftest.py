"""Fixtures for the terminal's widgets: a shell with a fake clock and a fake registry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.registry_client import RegistryClient
from app.session import FakeClock, ScreenPolicy, StaffIdentity, StaffSession
from app.session.states import LogoutReason
from app.session.unlock import InvalidPassword, UnlockError
from app.settings import SettingsStore
from cardreader.transport import Connection, ReaderStatus, Transport
from tests.support.registry_process import RegistryProcess
from tests.support.terminal_client import enrolled_client
from ui.diagnostics.sources import DiagnosticsSources
from ui.qt_setup import pin_interpreter_singletons
from ui.shell import TerminalShell

# PySide6 6.12.0 on Python 3.11 leaks references to None and True (see the function); the
# suite makes enough Qt calls to run their count down to zero at interpreter exit.
pin_interpreter_singletons()



POLICY = ScreenPolicy(shield_after_s=60, lock_after_s=300, logout_after_s=1800)
PASSWORD = "correct horse"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": frozenset({"resident.search", "resident.read", "move.draft", "move.commit",
                        "certificate.issue"}),
    "clerk_number": frozenset({"resident.search", "resident.read", "move.draft", "move.commit",
                               "certificate.issue", "number.view"}),
    "card_desk": frozenset({"resident.search", "resident.read", "card.record"}),
    "supervisor": frozenset({"resident.search", "resident.read", "bulk.approve", "audit.read"}),
    "helpdesk": frozenset({"diagnostics.read"}),
    "auditor": frozenset({"audit.read", "audit.verify"}),
}


def staff_session(role: str = "clerk", policy: ScreenPolicy = POLICY) -> StaffSession:
    return StaffSession(
        staff=StaffIdentity(id=f"t-{role}", name=f"試験 {role}"),
        roles=frozenset({role}),
        permissions=ROLE_PERMISSIONS[role],
        policy=policy,
    )


class FakeReauthenticator:
    """The registry's unlock call: the same person's password, or an error to raise."""

    def __init__(self, password: str = PASSWORD) -> None:
        self.password = password
        self.calls: list[str] = []
        self.error: UnlockError | None = None

    def unlock(self, password: str) -> None:
        self.calls.append(password)
        if self.error is not None:
            raise self.error
        if password != self.password:
            raise InvalidPassword()


class FakeTransport(Transport):
    def __init__(self, statuses: list[ReaderStatus] | None = None) -> None:
        self.statuses = statuses if statuses is not None else [ReaderStatus("Test Reader 00", False)]

    def list_readers(self) -> list[str]:
        return [s.name for s in self.statuses]

    def reader_statuses(self) -> list[ReaderStatus]:
        return self.statuses

    def connect(self, reader: str) -> Connection:
        raise NotImplementedError

    def close(self) -> None:
        pass


class LogoutRecorder:
    def __init__(self) -> None:
        self.reasons: list[LogoutReason] = []

    def __call__(self, reason: LogoutReason) -> None:
        self.reasons.append(reason)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def reauth() -> FakeReauthenticator:
    return FakeReauthenticator()


@pytest.fixture
def logouts() -> LogoutRecorder:
    return LogoutRecorder()


@pytest.fixture
def shell(qtbot: QtBot, qapp: QApplication, tmp_path: Path, clock: FakeClock) -> Iterator[TerminalShell]:
    settings = SettingsStore(tmp_path / "config" / "settings.json")
    diagnostics = DiagnosticsSources(
        settings=settings, log_dir=tmp_path / "log", reader_transport=FakeTransport,
        probe_registry=False, list_printers=False,
        choose_export_path=lambda parent, name: tmp_path / "export" / name,
    )
    terminal = TerminalShell(qapp, settings, tmp_path / "log", clock=clock, diagnostics=diagnostics)
    qtbot.addWidget(terminal.window)
    terminal.window.show()
    qtbot.waitExposed(terminal.window)
    yield terminal
    terminal.shutdown()
    QCoreApplication.processEvents()


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make `window` the active one and let Qt settle, so that shortcuts reach it."""
    window.activateWindow()
    qtbot.waitActive(window)
    QCoreApplication.processEvents()


@pytest.fixture
def client(registry: RegistryProcess) -> Iterator[RegistryClient]:
    """The test terminal's own registry client against the real registry, not yet logged in."""
    made = enrolled_client(registry)
    yield made
    made.logout()
    made.close()
