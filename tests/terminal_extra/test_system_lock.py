"""Locking when the OS session locks or the machine suspends. logind and the screen savers are
played by a second connection on a private dbus-daemon (the real daemon, Debian's
dbus-daemon), which sends the very signals they send; the monitor listens as it would on the
system and session buses."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.session import FakeClock, ScreenPolicy, StaffIdentity, StaffSession
from app.session.states import LockReason, SessionState
from ui.security.system_lock import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    DBusLockMonitor,
    SystemLockMonitor,
    decode_windows_message,
    system_lock_monitor,
)
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

OUR_SESSION = "/org/freedesktop/login1/session/_31"
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={dir}</listen>
  <policy context="default">
    <allow send_destination="*"/><allow receive_sender="*"/><allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def bus(tmp_path: Path) -> Iterator[str]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        raise RuntimeError("dbus-daemon is missing: run installer/dev/system-packages.sh as root")
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(dir=tmp_path))
    process = subprocess.Popen([daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        yield process.stdout.readline().strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


class FakeSystem:
    """logind and the screen savers: owns their names on the bus and sends their signals."""

    def __init__(self, address: str) -> None:
        from PySide6.QtDBus import QDBusConnection

        self.connection = QDBusConnection.connectToBus(address, "fake-system")
        for name in ("org.freedesktop.login1", "org.gnome.ScreenSaver"):
            assert self.connection.registerService(name)

    def signal(self, path: str, interface: str, name: str, *args: Any) -> None:
        from PySide6.QtDBus import QDBusMessage

        message = QDBusMessage.createSignal(path, interface, name)
        message.setArguments(list(args))
        assert self.connection.send(message)


@pytest.fixture
def monitor(bus: str, qtbot: QtBot) -> Iterator[tuple[DBusLockMonitor, FakeSystem]]:
    from PySide6.QtDBus import QDBusConnection

    listening = QDBusConnection.connectToBus(bus, "terminal")
    made = DBusLockMonitor(system_bus=listening, session_bus=listening, session_path=OUR_SESSION)
    assert made.start()
    fake = FakeSystem(bus)
    yield made, fake
    made.stop()
    QDBusConnection.disconnectFromBus("terminal")
    QDBusConnection.disconnectFromBus("fake-system")


def test_suspend_session_lock_and_screen_saver_are_heard(
    qtbot: QtBot, monitor: tuple[DBusLockMonitor, FakeSystem]
) -> None:
    listener, system = monitor
    heard: list[str] = []
    listener.system_locking.connect(heard.append)
    with qtbot.waitSignal(listener.system_locking, timeout=5_000) as sleeping:
        system.signal("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", True)
    assert sleeping.args == ["suspend"]
    # Waking up, another session's lock and an ended screen saver lock nothing; our session's
    # lock does (signals arrive in order on one connection, so the last one proves the rest).
    system.signal("/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", False)
    system.signal("/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session", "Lock")
    system.signal("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", False)
    with qtbot.waitSignal(listener.system_locking, timeout=5_000) as locked:
        system.signal(OUR_SESSION, "org.freedesktop.login1.Session", "Lock")
    assert locked.args == ["session_locked"]
    with qtbot.waitSignal(listener.system_locking, timeout=5_000) as saver:
        system.signal("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", True)
    assert saver.args == ["screensaver"]
    assert heard == ["suspend", "session_locked", "screensaver"]


def test_the_terminal_locks_and_drops_data_when_the_machine_suspends(
    qtbot: QtBot, qapp: Any, tmp_path: Path, bus: str,
) -> None:
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtWidgets import QLabel

    from app.settings import SettingsStore
    from ui.diagnostics.sources import DiagnosticsSources
    from ui.security.holders import mark_personal

    listening = QDBusConnection.connectToBus(bus, "terminal-shell")
    listener = DBusLockMonitor(system_bus=listening, session_bus=listening, session_path=OUR_SESSION)
    settings = SettingsStore(tmp_path / "settings.json")
    shell = TerminalShell(qapp, settings, tmp_path / "log", clock=FakeClock(), system_lock=listener,
                          diagnostics=DiagnosticsSources(settings=settings, log_dir=tmp_path / "log",
                                                         probe_registry=False, probe_readers=False,
                                                         list_printers=False))
    qtbot.addWidget(shell.window)
    assert shell.system_lock_detectable
    system = FakeSystem(bus)
    try:
        session = StaffSession(StaffIdentity("t-clerk", "試験 職員"), frozenset({"clerk"}),
                               frozenset({"resident.search", "resident.read", "move.draft",
                                          "move.commit", "certificate.issue"}),
                               ScreenPolicy(shield_after_s=60, lock_after_s=300, logout_after_s=1800))
        controller = shell.start_session(session, _NoUnlock())
        page = shell.window.workspace("counter")
        layout = page.layout() if page is not None else None
        assert page is not None and layout is not None
        shown = mark_personal(QLabel("試験 花子", page))
        layout.addWidget(shown)
        with qtbot.waitSignal(controller.session_locked, timeout=5_000) as locked:
            system.signal("/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                          "PrepareForSleep", True)
        assert locked.args == [LockReason.SYSTEM.value]
        assert controller.state is SessionState.LOCKED and shell.window.current_page() == "lock"
        assert shown.text() == ""  # dropped like any lock drops it
    finally:
        shell.shutdown()
        QDBusConnection.disconnectFromBus("terminal-shell")
        QDBusConnection.disconnectFromBus("fake-system")


class _NoUnlock:
    def unlock(self, password: str) -> None:
        raise AssertionError("not unlocked in this test")


def test_windows_messages_are_decoded() -> None:
    assert decode_windows_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK) == "session_locked"
    assert decode_windows_message(WM_WTSSESSION_CHANGE, 0x8) is None  # WTS_SESSION_UNLOCK
    assert decode_windows_message(WM_POWERBROADCAST, PBT_APMSUSPEND) == "suspend"
    assert decode_windows_message(WM_POWERBROADCAST, 0x7) is None  # PBT_APMRESUMESUSPEND


def test_elsewhere_the_monitor_is_a_documented_no_op(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    quiet = system_lock_monitor(window, platform="darwin")
    assert type(quiet) is SystemLockMonitor and quiet.start() is False
    assert isinstance(system_lock_monitor(window, platform="linux"), DBusLockMonitor)
