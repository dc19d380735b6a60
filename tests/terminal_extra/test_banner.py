"""The registry banner: unreachable and slow said in the main window, automatic reconnection
with backoff, what the clerk typed kept, every call on a worker thread. The client is the real
one over httpx's mock transport (the real registry behind a faulty proxy: test_registry_faults)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.registry_client import ClientConfig, RegistryClient
from ui.banner import RegistryState
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal]


class Switchable:
    """A registry that is down until `up` is set; records the thread of every call."""

    def __init__(self) -> None:
        self.up = False
        self.threads: list[threading.Thread] = []
        self.gate: threading.Event | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.threads.append(threading.current_thread())
        if self.gate is not None:
            self.gate.wait(timeout=30)
        if not self.up:
            raise httpx.ConnectError("connection refused", request=request)
        if request.url.path == "/v1/sessions":
            return httpx.Response(401, json={"error": {"code": "invalid_credentials", "message": "違います"}})
        return httpx.Response(200, json={"status": "ok"})


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> RegistryClient:
    config = ClientConfig(base_url="https://registry.test", ca_file=None, retries=2, backoff_s=0.001)
    return RegistryClient(config, transport=httpx.MockTransport(handler), sleep=lambda s: None)


def test_unreachable_is_shown_and_the_banner_reconnects_by_itself(qtbot: QtBot, shell: TerminalShell) -> None:
    registry = Switchable()
    shell.attach_registry(_client(registry))
    status, banner, page = shell.registry_status, shell.window.registry_banner, shell.window.sign_in_page
    assert not banner.isVisible()
    delays: list[int] = []
    status.probe_scheduled.connect(delays.append)

    page.staff_id.setText("t-clerk")
    page.password.setText("typed password")
    with qtbot.waitSignal(status.registry_unreachable, timeout=10_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
    assert banner.isVisible() and "接続できません" in banner.message.text()
    assert "入力した内容は保持されています" in banner.message.text()
    assert page.staff_id.text() == "t-clerk"  # kept; the password never outlives its submission
    qtbot.waitUntil(lambda: len(delays) >= 3, timeout=10_000)
    assert delays[:3] == [20, 40, 80]  # backoff, doubling
    registry.up = True
    with qtbot.waitSignal(status.registry_reachable, timeout=10_000):
        pass
    assert not banner.isVisible() and status.state is RegistryState.OK
    assert threading.main_thread() not in registry.threads  # never on the UI thread
    assert status.probes_sent >= 3


def test_slow_calls_are_said_while_they_run(qtbot: QtBot, shell: TerminalShell) -> None:
    registry = Switchable()
    registry.up = True
    registry.gate = threading.Event()
    client = _client(registry)
    shell.attach_registry(client)
    status, banner = shell.registry_status, shell.window.registry_banner
    done: list[object] = []
    with qtbot.waitSignal(status.registry_slow, timeout=10_000):
        shell.runner.operation(client.health).success(done.append).run_in_background()
    assert banner.isVisible() and "応答が遅れています" in banner.message.text()
    assert not banner.reconnect_button.isVisible()
    registry.gate.set()
    with qtbot.waitSignal(status.state_changed, timeout=10_000) as changed:
        pass
    assert changed.args == ["ok"] and done == [{"status": "ok"}] and not banner.isVisible()


def test_a_retry_inside_one_call_shows_slow_then_clears(qtbot: QtBot, shell: TerminalShell) -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json={"status": "ok"})])
    client = _client(lambda request: next(answers))
    shell.attach_registry(client)
    states: list[str] = []
    shell.registry_status.state_changed.connect(states.append)
    with qtbot.waitSignal(shell.runner.operation_delivered, timeout=10_000):
        shell.runner.operation(client.health).run_in_background()
    qtbot.waitUntil(lambda: states == ["slow", "ok"], timeout=5_000)


def test_reconnect_now_from_the_keyboard(qtbot: QtBot, shell: TerminalShell) -> None:
    registry = Switchable()
    client = _client(registry)
    shell.attach_registry(client)
    status, banner = shell.registry_status, shell.window.registry_banner
    status.configure_timing(slow_after_ms=50, probe_first_ms=600_000, probe_max_ms=600_000)
    with qtbot.waitSignal(status.registry_unreachable, timeout=10_000):
        shell.runner.operation(client.health).run_in_background()
    assert banner.reconnect_button.isVisible() and banner.reconnect_button.shortcut().toString() == "Ctrl+R"
    assert "600" in banner.message.text()  # when the next automatic try is
    registry.up = True
    with qtbot.waitSignal(status.registry_reachable, timeout=10_000):
        banner.reconnect_button.click()
    assert not banner.isVisible()
