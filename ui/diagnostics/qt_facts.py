"""What only Qt can tell the diagnostics: its runtime version, the platform, the printers."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication


def qt_versions() -> dict[str, str]:
    app = QGuiApplication.instance()
    platform = app.platformName() if isinstance(app, QGuiApplication) else "none"
    return {"qt": qVersion(), "pyside6": PySide6.__version__, "qt_platform": platform}


def printer_names() -> list[str]:
    """Printer names as the OS lists them, the default marked; call on the UI thread."""
    from PySide6.QtPrintSupport import QPrinterInfo  # loaded only when diagnostics run

    default = QPrinterInfo.defaultPrinterName()
    return [f"{name} (default)" if name == default else name
            for name in QPrinterInfo.availablePrinterNames()]
