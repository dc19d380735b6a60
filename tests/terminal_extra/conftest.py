"""Fixtures of the terminal's enrolment, registry-fault, system-lock and disk-scan tests."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.settings import SettingsStore
from tests.terminal_extra.pki import Ca, make_ca
from ui.diagnostics.sources import DiagnosticsSources
from ui.qt_setup import pin_interpreter_singletons
from ui.security.system_lock import SystemLockMonitor
from ui.shell import TerminalShell

pin_interpreter_singletons()  # as tests/ui/conftest.py: PySide6's reference leak at exit

ROOTS = ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
         "XDG_RUNTIME_DIR", "TMPDIR")


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """HOME, every XDG directory and TMPDIR pointed at empty folders; the terminal's own
    overrides removed, and the file keyring forced so that a developer's desktop keyring is
    never touched by a test."""
    roots = {name: tmp_path / "home-roots" / name.lower() for name in ROOTS}
    for name, path in roots.items():
        path.mkdir(parents=True, mode=0o700)
        monkeypatch.setenv(name, str(path))
    for name in ("MADOGUCHI_CONFIG_DIR", "MADOGUCHI_LOG_DIR", "MADOGUCHI_KEYRING_FILE",
                 "MADOGUCHI_KEYRING_PASSPHRASE", "CREDENTIALS_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MADOGUCHI_KEYRING", "file")
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield list(roots.values())
    root = logging.getLogger()
    for handler in [h for h in root.handlers if hasattr(h, "_madoguchi_handler")]:
        root.removeHandler(handler)
        handler.close()


@pytest.fixture(scope="session")
def registry_ca() -> Ca:
    return make_ca("madoguchi registry CA")


@pytest.fixture(scope="session")
def terminal_ca() -> Ca:
    return make_ca("madoguchi terminal CA")


@pytest.fixture
def shell(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[TerminalShell]:
    """The terminal's shell with a quiet system-lock monitor (no D-Bus) and banner timings
    short enough for tests (milliseconds instead of seconds)."""
    settings = SettingsStore(tmp_path / "config" / "settings.json")
    diagnostics = DiagnosticsSources(
        settings=settings, log_dir=tmp_path / "log", probe_registry=False, probe_readers=False,
        list_printers=False, choose_export_path=lambda parent, name: tmp_path / "export" / name,
    )
    terminal = TerminalShell(qapp, settings, tmp_path / "log", diagnostics=diagnostics,
                             system_lock=SystemLockMonitor())
    terminal.registry_status.configure_timing(slow_after_ms=50, probe_first_ms=20, probe_max_ms=160)
    qtbot.addWidget(terminal.window)
    terminal.window.show()
    qtbot.waitExposed(terminal.window)
    yield terminal
    terminal.shutdown()
    QCoreApplication.processEvents()
