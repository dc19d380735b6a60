"""Keep the terminal's windows out of screenshots and screen sharing where the OS allows.

Windows 10 2004+: SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE) makes a window appear
blank in captures; older Windows gets WDA_MONITOR (black). Elsewhere nothing is done (macOS
would need NSWindowSharingNone from Objective-C, Linux has no such API), which is why the
shield blanks windows itself instead of relying on this.
"""

from __future__ import annotations

import logging
import sys
from typing import Any, Final

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

WDA_MONITOR: Final = 0x00000001
WDA_EXCLUDEFROMCAPTURE: Final = 0x00000011


def _user32() -> Any:
    import ctypes

    return ctypes.windll.user32  # type: ignore[attr-defined]


def exclude_from_capture(window: QWidget, *, platform: str | None = None, user32: Any = None) -> bool:
    """Ask the OS to keep `window` out of captures; True if it agreed. No-op off Windows."""
    if (platform or sys.platform) != "win32":
        return False
    api = user32 if user32 is not None else _user32()
    hwnd = int(window.winId())
    if api.SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE):
        return True
    ok = bool(api.SetWindowDisplayAffinity(hwnd, WDA_MONITOR))
    log.warning("capture exclusion unavailable, monitor-only affinity: ok=%s", ok)
    return ok


class CaptureExclusion(QObject):
    """Applies exclude_from_capture to every top-level window as it is shown (Windows only)."""

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done: set[int] = set()
        if sys.platform == "win32":
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and int(watched.winId()) not in self._done):
            if exclude_from_capture(watched):
                self._done.add(int(watched.winId()))
        return False
