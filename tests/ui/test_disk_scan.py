"""A whole session with a canary resident, then every file the terminal wrote is searched
for her. HOME, the XDG directories and TMPDIR point at empty folders for the run.

Without the registry client (it comes with the login API) the resident arrives through a
background operation standing in for the search; everything after that is the real terminal:
the workspace, the masked number and its reveal, the shield, the lock, the unlock, the logout,
the log, the settings file and the diagnostic bundle.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.privacy import assert_no_canaries, configure_terminal_logging, find_canaries
from app.session import FakeClock
from app.settings import UI_LANGUAGE, SettingsStore, default_log_dir, settings_file
from tests.ui.conftest import PASSWORD, FakeReauthenticator, FakeTransport, activate, staff_session
from tests.ui.residents import (
    ADDRESS,
    ATENA,
    BIRTH,
    CANARIES,
    KANA,
    NAME,
    NUMBER,
    RESIDENT_CODE,
    fill_with_resident,
)
from ui.diagnostics.sources import DiagnosticsSources
from ui.diagnostics.view import DiagnosticsView
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal]


@pytest.fixture
def empty_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    roots = {name: tmp_path / name.lower() for name in
             ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR")}
    for name, path in roots.items():
        path.mkdir()
        monkeypatch.setenv(name, str(path))
    monkeypatch.delenv("MADOGUCHI_CONFIG_DIR", raising=False)
    monkeypatch.delenv("MADOGUCHI_LOG_DIR", raising=False)
    monkeypatch.setattr(tempfile, "tempdir", None)
    yield list(roots.values())
    root = logging.getLogger()
    for handler in [h for h in root.handlers if hasattr(h, "_madoguchi_handler")]:
        root.removeHandler(handler)
        handler.close()


def test_a_whole_session_leaves_no_personal_data_on_disk(
    qtbot: QtBot, qapp: QApplication, empty_home: list[Path]
) -> None:
    settings = SettingsStore.load()
    settings.set(UI_LANGUAGE, "ja")
    settings.save()
    log_dir = default_log_dir()
    configure_terminal_logging(log_dir, "DEBUG")
    home = empty_home[0]
    diagnostics = DiagnosticsSources(
        settings=settings, log_dir=log_dir, reader_transport=FakeTransport, probe_registry=False,
        list_printers=False, choose_export_path=lambda parent, name: home / name,
    )
    shell = TerminalShell(qapp, settings, log_dir, clock=FakeClock(), diagnostics=diagnostics)
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    reauth = FakeReauthenticator()
    controller = shell.start_session(staff_session("clerk_number"), reauth, on_logout=lambda r: None)

    # Search and open: the resident fills the counter workspace.
    page = shell.window.workspace("counter")
    assert page is not None and shell.personal_data is not None
    held = fill_with_resident(page, shell.personal_data, shell.window)
    held.dialog.reject()
    with qtbot.waitSignal(shell.runner.operation_delivered):
        shell.runner.operation(lambda: [{"name": NAME, "kana": KANA, "birth": BIRTH.isoformat(),
                                         "address": ADDRESS, "code": RESIDENT_CODE}]) \
            .success(held.model.set_rows).run_in_background()
    log = logging.getLogger("madoguchi.counter")
    log.info("resident opened: atena=%s", ATENA)  # what careless code might write
    log.info(f"revealed {NUMBER} for {NAME}")
    # Reveal, shield, lock, unlock, log out.
    held.number.show_revealed(NUMBER)
    activate(qtbot, shell.window)
    with qtbot.waitSignal(controller.session_shielded):
        QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_F12)
    with qtbot.waitSignal(controller.session_resumed):
        QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_Space)
    with qtbot.waitSignal(controller.session_locked):
        QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_F11)
    shell.window.lock_screen.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.session_unlocked):
        shell.window.lock_screen.unlock_button.click()
    with qtbot.waitSignal(shell.session_ended):
        shell.window.logout_action.trigger()
    # The helpdesk exports a bundle afterwards, on the same terminal.
    dialog = shell.open_diagnostics_dialog()
    view = dialog.findChild(DiagnosticsView)
    assert view is not None
    with qtbot.waitSignal(view.bundle_exported, timeout=10_000):
        view.export_bundle()
    dialog.close()
    shell.shutdown()
    for handler in logging.getLogger().handlers:
        handler.flush()

    written = [p for root in empty_home for p in root.rglob("*") if p.is_file()]
    assert settings_file() in written and log_dir / "terminal.log" in written
    assert any(p.suffix == ".zip" for p in written)
    assert find_canaries([log_dir / "terminal.log"], {"[text]", "[num]"})  # the lines were written
    assert_no_canaries(empty_home, CANARIES)
