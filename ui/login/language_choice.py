"""The login page's language choice: 日本語 | English, two small buttons, one of them down.

Each language is named in itself (a visitor who reads no Japanese finds "English" whatever the
screen shows), so the two names are not translated. The choice only asks: DisplayLanguage
(ui/login/language.py) decides and switches.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QToolButton, QWidget

from ui.i18n import translate

# The order shown; each language under its own name.
LANGUAGE_NAMES: Final = (("ja", "日本語"), ("en", "English"))


class LanguageChoice(QWidget):
    language_chosen = Signal(str)  # also when the language already shown is picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("language_choice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for index, (language, name) in enumerate(LANGUAGE_NAMES):
            button = QToolButton(self)
            button.setObjectName(f"language_{language}")
            button.setText(name)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            self._group.addButton(button, index)
            layout.addWidget(button)
            self.buttons[language] = button
        self._group.idClicked.connect(self._clicked)
        self.retranslate()

    def set_language(self, language: str) -> None:
        """Show `language` as the one in force (without asking for it)."""
        button = self.buttons.get(language)
        if button is not None:
            button.setChecked(True)

    def current(self) -> str | None:
        for language, button in self.buttons.items():
            if button.isChecked():
                return language
        return None

    def retranslate(self) -> None:
        label = translate("SignIn", "表示言語")
        self.setAccessibleName(label)
        self.setToolTip(label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(int)
    def _clicked(self, index: int) -> None:
        self.language_chosen.emit(LANGUAGE_NAMES[index][0])
