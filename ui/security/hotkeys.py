"""The shield and lock keys, application-wide, modal dialogs included.

A QAction or QShortcut belongs to a window, and Qt does not deliver a shortcut to a window
that a modal dialog blocks; yet the shield key must work exactly when a dialog with a
resident's data is open. So the keys are read by an application event filter: it takes the
ShortcutOverride (no action fires as well) and acts on the key press.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence

from ui.security.shield import SHIELD_KEY

LOCK_KEY: Final = QKeySequence(Qt.Key.Key_F11)


class SecurityHotkeys(QObject):
    shield_requested = Signal()
    lock_requested = Signal()

    def __init__(self, app: QCoreApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._installed = False

    def install(self) -> None:
        if not self._installed:
            self._app.installEventFilter(self)
            self._installed = True

    def uninstall(self) -> None:
        if self._installed:
            self._app.removeEventFilter(self)
            self._installed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return False
        if not isinstance(event, QKeyEvent):
            return False
        sequence = QKeySequence(event.keyCombination())
        if sequence not in (SHIELD_KEY, LOCK_KEY):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.spontaneous() and not event.isAutoRepeat():
            (self.shield_requested if sequence == SHIELD_KEY else self.lock_requested).emit()
        return True
