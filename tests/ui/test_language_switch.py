"""The display language chosen on the login page: the whole window switches at once, the next
session is built in it, the clerk's choice outlives the session, and without a choice the
settings file is read again at each login page (ui/login/language.py has the rule)."""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.registry_client import ClientConfig, RegistryClient
from app.session import FakeClock
from app.session.states import LogoutReason
from tests.support.registry_process import PASSWORD
from tests.ui.conftest import FakeReauthenticator, staff_session
from ui import app as terminal_app
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal]


def write_language(shell: TerminalShell, language: str) -> None:
    """What IT does: the settings file edited while the terminal runs."""
    path = shell.settings.path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "settings": {"ui.language": language}}))


@pytest.fixture
def terminal(shell: TerminalShell, qapp: QApplication) -> Iterator[TerminalShell]:
    """The shell, with Japanese (no translator) given back to the other tests afterwards."""
    yield shell
    shell.end_session(LogoutReason.USER)
    for translator in shell.language.translators:
        qapp.removeTranslator(translator)
    QCoreApplication.processEvents()


def pick(qtbot: QtBot, shell: TerminalShell, language: str) -> None:
    qtbot.mouseClick(shell.window.sign_in_page.language.buttons[language], Qt.MouseButton.LeftButton)


def log_in(qtbot: QtBot, shell: TerminalShell, user: str = "t-clerk") -> None:
    page = shell.window.sign_in_page
    page.staff_id.setText(user)
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(shell.session_started, timeout=15_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)


def tab_titles(shell: TerminalShell) -> list[str]:
    tabs = shell.window.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_picking_english_switches_the_login_page_and_the_chrome_at_once(
    qtbot: QtBot, terminal: TerminalShell, qapp: QApplication
) -> None:
    shell, window = terminal, terminal.window
    page, banner = window.sign_in_page, window.registry_banner
    # A registry that does not answer: the login page's error and the banner are up.
    shell.attach_registry(RegistryClient(ClientConfig(
        base_url=f"https://127.0.0.1:{closed_port()}", ca_file=None, timeout_s=2, retries=0)))
    page.staff_id.setText("t-clerk")
    page.password.setText("typed")
    with qtbot.waitSignal(shell.registry_status.registry_unreachable, timeout=10_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10_000)
    assert page.error.text() == "住基システムに接続できません。しばらくしてからもう一度お試しください。"
    assert banner.isVisible() and banner.message.text().startswith("住基システムに接続できません。")
    assert page.language.current() == "ja"

    pick(qtbot, shell, "en")
    # No turn of the event loop in between: everything is English already.
    assert window.windowTitle() == "Counter terminal"
    assert qapp.applicationDisplayName() == "Counter terminal"
    assert window.keys_hint.text() == "F12: shield   F11: lock   F9: log out"
    assert page.title.text() == "Resident register counter terminal"
    assert page.message.text() == "Please log in."
    assert page.login_button.text() == "Log in (Enter)"
    assert page.error.text() == "Cannot reach the registry. Please try again in a moment."
    assert page.diagnostics_button.text() == "Terminal diagnostics (Ctrl+Shift+D)"
    assert page.diagnostics_button.shortcut() == QKeySequence("Ctrl+Shift+D")  # kept by setText
    assert banner.message.text().startswith("Cannot reach the registry. Reconnecting automatically")
    assert banner.reconnect_button.text() == "Reconnect now (Ctrl+R)"
    assert banner.reconnect_button.shortcut() == QKeySequence("Ctrl+R")
    assert window.lock_screen.unlock_button.text() == "Unlock (Enter)"  # for the next session
    assert page.staff_id.text() == "t-clerk"  # what was typed stays
    assert page.language.current() == "en" and shell.language.language == "en"

    pick(qtbot, shell, "ja")
    assert window.windowTitle() == "窓口端末"
    assert page.message.text() == "ログインしてください。"
    assert banner.message.text().startswith("住基システムに接続できません。")
    assert window.lock_screen.unlock_button.text() == "ロック解除 (Enter)"


@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
@pytest.mark.registry
def test_the_clerks_choice_builds_the_session_in_english_and_outlives_it(
    qtbot: QtBot, terminal: TerminalShell, client: RegistryClient
) -> None:
    shell, window = terminal, terminal.window
    write_language(shell, "ja")
    shell.attach_registry(client)
    pick(qtbot, shell, "en")
    log_in(qtbot, shell)
    assert tab_titles(shell) == ["Counter (F2)"]
    assert window.function_keys.labels()[-3:] == ["F9  Log out", "F11  Lock", "F12  Shield screen"]
    assert window.staff_label.text() == "Staff: 試験 t-clerk (t-clerk)"
    counter = window.workspace("counter")
    assert counter is not None
    assert counter.keys.labels()[0] == "F6  Resident search"  # type: ignore[attr-defined]
    assert counter.tabs.tabText(0) == "Resident search (F6)"  # type: ignore[attr-defined]

    controller = shell.controller
    assert controller is not None
    controller.lock_now()
    lock = window.lock_screen
    assert lock.unlock_button.text() == "Unlock (Enter)"
    with qtbot.waitSignal(shell.session_ended) as ended:
        lock.switch_button.click()  # the rebuilt lock page still reaches the shell
    assert ended.args == ["other_user"]

    # The settings file says ja; the clerk's choice holds until the program exits.
    assert shell.language.language == "en" and shell.language.chosen_by_clerk
    assert window.windowTitle() == "Counter terminal"
    assert window.sign_in_page.message.text() == "You have logged out. Please log in."
    assert window.sign_in_page.language.current() == "en"
    log_in(qtbot, shell)
    assert tab_titles(shell) == ["Counter (F2)"]


@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
@pytest.mark.registry
def test_without_a_choice_the_settings_file_is_read_again_at_the_login_page(
    qtbot: QtBot, terminal: TerminalShell, client: RegistryClient, clock: FakeClock
) -> None:
    shell, window = terminal, terminal.window
    write_language(shell, "ja")
    shell.attach_registry(client)
    log_in(qtbot, shell)
    write_language(shell, "en")  # IT, during the session: nothing changes before it ends
    assert tab_titles(shell) == ["窓口 (F2)"] and window.windowTitle() == "窓口端末"

    controller = shell.controller
    assert controller is not None
    clock.advance(1800)
    with qtbot.waitSignal(shell.session_ended) as ended:
        controller.inactivity.inactivity_detected.emit()
    assert ended.args == ["idle"]
    assert shell.language.language == "en" and not shell.language.chosen_by_clerk
    assert window.windowTitle() == "Counter terminal"
    assert window.sign_in_page.message.text() == (
        "You were logged out after a period without activity. Please log in again.")
    assert window.sign_in_page.language.current() == "en"
    log_in(qtbot, shell)
    assert tab_titles(shell) == ["Counter (F2)"]

    write_language(shell, "ja")
    with qtbot.waitSignal(shell.session_ended):
        window.logout_action.trigger()
    assert shell.language.language == "ja"
    assert window.sign_in_page.message.text() == "ログアウトしました。ログインしてください。"
    assert window.sign_in_page.language.current() == "ja"


def test_an_unreadable_settings_file_keeps_the_language(
    qtbot: QtBot, terminal: TerminalShell, caplog: pytest.LogCaptureFixture
) -> None:
    shell = terminal
    write_language(shell, "en")
    shell.start_session(staff_session("clerk"), FakeReauthenticator())
    shell.end_session(LogoutReason.USER)
    assert shell.language.language == "en"
    shell.start_session(staff_session("clerk"), FakeReauthenticator())
    shell.settings.path.write_text('{"version": 1, "settings": {"ui.language": "fr"}}')
    with caplog.at_level(logging.WARNING):
        shell.end_session(LogoutReason.USER)
    assert shell.language.language == "en"
    assert shell.window.windowTitle() == "Counter terminal"
    assert "language kept: code=invalid_value" in caplog.text



def test_a_language_given_at_start_holds_against_the_file_until_a_clerk_picks(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    restore_process_state: None,
) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({"version": 1, "settings": {"ui.language": "ja"}}))
    monkeypatch.setenv("MADOGUCHI_LOG_DIR", str(tmp_path / "log"))
    started = terminal_app.start(["madoguchi", "--settings", str(settings), "--language", "en"])
    shell = started.shell
    try:
        qtbot.addWidget(shell.window)
        shell.start_session(staff_session("clerk"), FakeReauthenticator())
        shell.end_session(LogoutReason.USER)
        assert shell.window.windowTitle() == "Counter terminal"  # the file's ja did not apply
        pick(qtbot, shell, "ja")
        settings.write_text(json.dumps({"version": 1, "settings": {"ui.language": "en"}}))
        shell.start_session(staff_session("clerk"), FakeReauthenticator())
        assert tab_titles(shell) == ["窓口 (F2)"]
        shell.end_session(LogoutReason.USER)
        assert shell.window.windowTitle() == "窓口端末"
        assert json.loads(settings.read_text())["settings"]["ui.language"] == "en"  # never written
    finally:
        for translator in started.translators:
            qapp.removeTranslator(translator)
        started.shell.shutdown()
        started.shell.window.close()
        QCoreApplication.processEvents()
