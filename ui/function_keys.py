"""The function-key bar along the bottom of the window: every F-key action, labelled.

The keys themselves are window actions; the bar shows them and lets the mouse use them. Its
buttons take no focus, so Tab moves through the work area only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


class FunctionKeyBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("function_key_bar")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.addStretch(1)
        self._buttons: dict[str, QPushButton] = {}

    def set_actions(self, actions: list[tuple[str, QAction]]) -> None:
        """(key name, action) pairs, shown in this order."""
        for button in self._buttons.values():
            button.deleteLater()
        self._buttons.clear()
        for key, action in actions:
            button = QPushButton(f"{key}  {action.text().replace('&', '')}", self)
            button.setObjectName(f"fkey_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(action.isEnabled())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons[key] = button

    def labels(self) -> list[str]:
        return [button.text() for button in self._buttons.values()]
