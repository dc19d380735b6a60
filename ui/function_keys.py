"""The function-key bar along the bottom of the window: every F-key action, labelled.

The keys themselves are window actions; the bar shows them and lets the mouse use them. Its
buttons take no focus, so Tab moves through the work area only. Each button follows its
action's text, so a window that retranslates its actions (a change of the display language)
relabels the bar with them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget


class _KeyButton(QPushButton):
    def __init__(self, key: str, action: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self._key, self._action = key, action
        self.setObjectName(f"fkey_{key}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEnabled(action.isEnabled())
        self.clicked.connect(action.trigger)
        action.enabledChanged.connect(self.setEnabled)
        action.changed.connect(self._follow_action)  # a slot of the button: gone with it
        self._follow_action()

    @Slot()
    def _follow_action(self) -> None:
        text = f"{self._key}  {self._action.text().replace('&', '')}"
        if text != self.text():
            self.setText(text)


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
            button = _KeyButton(key, action, self)
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons[key] = button

    def labels(self) -> list[str]:
        return [button.text() for button in self._buttons.values()]
