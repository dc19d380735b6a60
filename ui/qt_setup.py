"""What must be set before the QApplication exists, and Qt's own messages into our log.

Nothing of Qt may write resident data to disk: no shader or pipeline cache (AA_DisableShader
DiskCache and its environment twin), no QSettings (the terminal's settings are app/settings),
no QNetworkAccessManager and so no QNetworkDiskCache (the registry client is httpx). Qt's
messages go to the scrubbed log instead of stderr.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtCore import Qt as _Qt

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # Passed as the record's message, not as an argument: the log filter refuses free-text
    # arguments outright but scrubs a message, which keeps Qt's English wording readable.
    log.log(_LEVELS.get(kind, logging.WARNING), message)


def prepare_qt_environment() -> None:
    """Call once before creating the QApplication."""
    os.environ["QT_DISABLE_SHADER_DISK_CACHE"] = "1"
    QCoreApplication.setAttribute(_Qt.ApplicationAttribute.AA_DisableShaderDiskCache, True)
    qInstallMessageHandler(_qt_message)


def _leaks_none() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")  # returns void: the binding hands back None
    return sys.getrefcount(None) < before


def pin_interpreter_singletons() -> bool:
    """Work around PySide6 6.12.0 on CPython < 3.12: it releases a reference to None for every
    void call and to True for every signal emit without taking one, as it may where these are
    immortal (3.12+, PEP 683). On 3.11 their count reaches zero within hours of use and the
    interpreter aborts ("none_dealloc"). If the leak is seen, the three singletons get a
    reference count no session can exhaust, which is what 3.12 does for them anyway.

    The real fix is a dependency pin (PySide6-Essentials<6.12 on Python 3.11) or Python 3.12;
    returns True when the workaround was needed.
    """
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not _leaks_none():
        return False
    import ctypes

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object; id() is its address.
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    log.warning("pyside reference leak detected: singletons pinned")
    return True
