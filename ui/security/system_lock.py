"""Lock the terminal when the OS session locks or the machine suspends (KeePassXC's
ScreenLockListener), behind one small interface:

    monitor = system_lock_monitor(window)
    monitor.system_locking.connect(...)      # "suspend" | "session_locked" | "screensaver"
    monitor.start()                          # False: nothing detectable on this platform

- Linux (and other D-Bus systems), through QtDBus: logind's `PrepareForSleep(true)` on the
  system bus, logind's `Lock` for this session, and `ActiveChanged(true)` of the freedesktop
  and GNOME screen savers on the session bus. Without a delay inhibitor the machine may
  freeze before the signal is handled; it is then the first event handled on resume. This
  matters because the session's idle clock is monotonic and does not run during suspend.
- Windows: WTS session notifications (`WM_WTSSESSION_CHANGE` with `WTS_SESSION_LOCK`) and
  `WM_POWERBROADCAST` with `PBT_APMSUSPEND`, read by a native event filter.
- Anything else (macOS, a Linux without D-Bus): a documented no-op; `start()` says False and
  the idle lock is the only lock.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOGIN1: Final = "org.freedesktop.login1"
LOGIN1_PATH: Final = "/org/freedesktop/login1"
LOGIN1_MANAGER: Final = "org.freedesktop.login1.Manager"
LOGIN1_SESSION: Final = "org.freedesktop.login1.Session"
SCREENSAVERS: Final = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
# Windows messages and codes (winuser.h, wtsapi32.h)
WM_WTSSESSION_CHANGE: Final = 0x02B1
WTS_SESSION_LOCK: Final = 0x7
WM_POWERBROADCAST: Final = 0x0218
PBT_APMSUSPEND: Final = 0x4
NOTIFY_FOR_THIS_SESSION: Final = 0


class SystemLockMonitor(QObject):
    """The interface, and the no-op for platforms where nothing is detectable."""

    system_locking = Signal(str)  # why: "suspend", "session_locked" or "screensaver"

    def start(self) -> bool:
        """Begin listening; True if at least one source of these events was found."""
        return False

    def stop(self) -> None:
        pass


# -- Linux: logind and the screen savers over D-Bus ---------------------------------------------


class DBusLockMonitor(SystemLockMonitor):
    def __init__(self, parent: QObject | None = None, *, system_bus: Any = None,
                 session_bus: Any = None, session_path: str | None = None) -> None:
        super().__init__(parent)
        self._system_bus, self._session_bus = system_bus, session_bus
        self._session_path = session_path
        self._subscriptions: list[tuple[Any, tuple[str, str, str, str, str]]] = []

    def start(self) -> bool:
        from PySide6.QtDBus import QDBusConnection

        system = self._system_bus if self._system_bus is not None else QDBusConnection.systemBus()
        if system.isConnected():
            self._subscribe(system, LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "PrepareForSleep",
                            "_on_prepare_for_sleep(bool)")
            # Our own session's Lock; if it cannot be told, any session's (locking too often
            # is the safe mistake on a counter PC with one seat).
            path = self._session_path if self._session_path is not None else _own_session_path(system)
            self._subscribe(system, LOGIN1, path or "", LOGIN1_SESSION, "Lock", "_on_session_lock()")
        session = self._session_bus if self._session_bus is not None else QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, interface in SCREENSAVERS:
                self._subscribe(session, service, path, interface, "ActiveChanged",
                                "_on_screensaver_active(bool)")
        log.info("system lock monitor: d-bus subscriptions=%d", len(self._subscriptions))
        return bool(self._subscriptions)

    def _subscribe(self, bus: Any, service: str, path: str, interface: str, name: str, slot: str) -> None:
        from PySide6.QtCore import SLOT

        if bus.connect(service, path, interface, name, self, SLOT(slot)):
            self._subscriptions.append((bus, (service, path, interface, name, slot)))

    def stop(self) -> None:
        from PySide6.QtCore import SLOT

        for bus, (service, path, interface, name, slot) in self._subscriptions:
            bus.disconnect(service, path, interface, name, self, SLOT(slot))
        self._subscriptions.clear()

    @Slot(bool)
    def _on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.system_locking.emit("suspend")

    @Slot()
    def _on_session_lock(self) -> None:
        self.system_locking.emit("session_locked")

    @Slot(bool)
    def _on_screensaver_active(self, active: bool) -> None:
        if active:
            self.system_locking.emit("screensaver")


def _own_session_path(bus: Any) -> str | None:
    """This process's logind session object, by asking logind for the session "auto" stands
    for (string arguments only, which QtDBus passes from Python without type trouble)."""
    from PySide6.QtDBus import QDBus, QDBusMessage

    session_id = os.environ.get("XDG_SESSION_ID")
    if not session_id:
        ask = QDBusMessage.createMethodCall(LOGIN1, f"{LOGIN1_PATH}/session/auto",
                                            "org.freedesktop.DBus.Properties", "Get")
        ask.setArguments([LOGIN1_SESSION, "Id"])
        reply = bus.call(ask, QDBus.CallMode.Block, 2000)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
            return None
        session_id = str(_plain(reply.arguments()[0]))
    ask = QDBusMessage.createMethodCall(LOGIN1, LOGIN1_PATH, LOGIN1_MANAGER, "GetSession")
    ask.setArguments([session_id])
    reply = bus.call(ask, QDBus.CallMode.Block, 2000)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage or not reply.arguments():
        return None
    return str(_plain(reply.arguments()[0])) or None


def _plain(value: Any) -> Any:
    """A QDBusVariant's or QDBusObjectPath's Python value."""
    for getter in ("variant", "path"):
        method = getattr(value, getter, None)
        if callable(method):
            return method()
    return value


# -- Windows: WTS session notifications and power broadcasts ----------------------------------------


def decode_windows_message(message: int, wparam: int) -> str | None:
    """Which locking event a window message is, if any."""
    if message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK:
        return "session_locked"
    if message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND:
        return "suspend"
    return None


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, monitor: WindowsLockMonitor) -> None:
        super().__init__()
        self._monitor = monitor

    def nativeEventFilter(  # type: ignore[override]  # PySide6's stub and its runtime differ
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == b"windows_generic_MSG":
            from ctypes import wintypes

            msg = wintypes.MSG.from_address(int(message))
            reason = decode_windows_message(int(msg.message), int(msg.wParam or 0))
            if reason is not None:
                self._monitor.system_locking.emit(reason)
        return False, 0


class WindowsLockMonitor(SystemLockMonitor):
    """Not run in CI (Linux); written to the Win32 documentation, like ui/security/capture.py."""

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._filter: _WindowsFilter | None = None
        self._hwnd: int | None = None

    def start(self) -> bool:
        import ctypes

        app = QCoreApplication.instance()
        if app is None:
            return False
        self._filter = _WindowsFilter(self)
        app.installNativeEventFilter(self._filter)
        self._hwnd = int(self._window.winId())
        wtsapi32 = ctypes.windll.wtsapi32  # type: ignore[attr-defined]
        registered = bool(wtsapi32.WTSRegisterSessionNotification(self._hwnd, NOTIFY_FOR_THIS_SESSION))
        return registered  # power broadcasts reach every top-level window regardless

    def stop(self) -> None:
        import ctypes

        app = QCoreApplication.instance()
        if self._filter is not None and app is not None:
            app.removeNativeEventFilter(self._filter)
        if self._hwnd is not None:
            ctypes.windll.wtsapi32.WTSUnRegisterSessionNotification(self._hwnd)  # type: ignore[attr-defined]
        self._filter, self._hwnd = None, None


def system_lock_monitor(window: QWidget, parent: QObject | None = None,
                        *, platform: str | None = None) -> SystemLockMonitor:
    platform = platform or sys.platform
    if platform == "win32":
        return WindowsLockMonitor(window, parent)
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        try:
            import PySide6.QtDBus  # noqa: F401  # part of PySide6-Essentials, but be sure
        except ImportError:
            return SystemLockMonitor(parent)
        return DBusLockMonitor(parent)
    return SystemLockMonitor(parent)
