"""The login page against the real registry: the workspaces per role, errors in Japanese,
unlock by the same person and logout at the server."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.registry_client import RegistryClient
from app.session import SessionState
from tests.support.registry_process import RegistryProcess
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]


def _log_in(qtbot: QtBot, shell: TerminalShell, user: str, password: str) -> None:
    page = shell.window.sign_in_page
    page.staff_id.setText(user)
    page.password.setText(password)
    qtbot.keyClick(page.password, Qt.Key.Key_Return)


@pytest.mark.parametrize(("user", "tabs"), [("t-clerk", ["counter"]), ("t-help", ["diagnostics"])])
def test_login_opens_the_role_workspaces(qtbot: QtBot, shell: TerminalShell, client: RegistryClient,
                                         user: str, tabs: list[str]) -> None:
    from tests.support.registry_process import PASSWORD

    shell.attach_registry(client)
    with qtbot.waitSignal(shell.session_started, timeout=15_000):
        _log_in(qtbot, shell, user, PASSWORD)
    assert shell.window.workspace_keys() == tabs
    assert shell.window.sign_in_page.password.text() == ""


def test_wrong_password_is_said_in_japanese(qtbot: QtBot, shell: TerminalShell,
                                            client: RegistryClient) -> None:
    from tests.support.registry_process import PASSWORD

    shell.attach_registry(client)
    with qtbot.waitSignal(shell.runner.operation_delivered, timeout=15_000):
        _log_in(qtbot, shell, "t-super2", "wrong")
    assert shell.window.sign_in_page.error.text() == "職員IDまたはパスワードが違います。"
    with qtbot.waitSignal(shell.session_started, timeout=15_000):  # and resets the count
        _log_in(qtbot, shell, "t-super2", PASSWORD)


def test_unlock_and_logout_at_the_server(qtbot: QtBot, shell: TerminalShell, client: RegistryClient,
                                         registry: RegistryProcess) -> None:
    from tests.support.registry_process import PASSWORD

    shell.attach_registry(client)
    with qtbot.waitSignal(shell.session_started, timeout=15_000):
        _log_in(qtbot, shell, "t-card", PASSWORD)
    controller = shell.controller
    assert controller is not None
    controller.lock_now()
    lock = shell.window.lock_screen
    lock.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.session_unlocked, timeout=15_000):
        lock.unlock_button.click()
    assert controller.state is SessionState.ACTIVE
    token = client._token
    with qtbot.waitSignal(shell.session_ended):
        shell.window.logout_action.trigger()
    qtbot.waitUntil(lambda: not client.logged_in, timeout=15_000)
    with httpx.Client(base_url=registry.base_url, verify=registry.tls_context(), timeout=15) as raw:
        answer = raw.post("/v1/sessions/current/unlock", json={"password": PASSWORD},
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401
