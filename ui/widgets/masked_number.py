"""An individual number, masked (****-****-1234) unless revealed on an explicit action.

The full number never sits in this widget until a person with `number.view` asks for it: the
reveal button emits `reveal_requested`, the owner fetches the number from the registry (which
writes the access log) and calls `show_revealed`. The next shield, the hide button or a lock
masks it again and drops the full number. Nothing in it can be copied or dragged.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.privacy.masking import MASKED_UNKNOWN, format_individual_number
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from ui.i18n import translate
from ui.widgets.copy_guard import guard_against_copy


class MaskedNumberField(QWidget):
    reveal_requested = Signal()
    number_revealed = Signal()
    number_concealed = Signal()

    def __init__(
        self,
        registry: PersonalDataRegistry | None = None,
        *,
        can_reveal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._can_reveal = can_reveal
        self._last4: str | None = None
        self._present = False  # a person with a number is shown (last digits known or not)
        self._revealed = False
        self.display = QLabel(MASKED_UNKNOWN, self)
        self.display.setObjectName("masked_number")
        self.display.setAccessibleName(translate("MaskedNumber", "個人番号"))
        guard_against_copy(self.display)
        guard_against_copy(self)
        self.toggle = QPushButton(translate("MaskedNumber", "番号を表示"), self)
        self.toggle.setObjectName("reveal_button")
        self.toggle.setEnabled(False)
        self.toggle.setToolTip(translate("MaskedNumber", "表示すると閲覧記録が残ります"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addWidget(self.toggle)
        layout.addStretch(1)
        self.toggle.clicked.connect(self._on_toggle)
        if registry is not None:
            registry.register(self, ClearPhase.VIEWS)

    @property
    def can_reveal(self) -> bool:
        return self._can_reveal

    def set_can_reveal(self, allowed: bool) -> None:
        self._can_reveal = allowed
        if not allowed:
            self.conceal()
        self._update()

    def is_revealed(self) -> bool:
        return self._revealed

    def text(self) -> str:
        return self.display.text()

    def set_masked(self, last4: str | None) -> None:
        """A person's number as the list or record shows it: the last four digits at most."""
        self._revealed = False
        self._present = True
        self._last4 = last4 if last4 and len(last4) == 4 and last4.isdigit() else None
        self._update()

    def show_revealed(self, number: str) -> bool:
        """Show the full number the registry just returned (and logged). False if not allowed."""
        if not self._can_reveal:
            return False
        formatted = format_individual_number(number)  # ValueError for anything but 12 digits
        self._last4 = formatted[-4:]
        self._present = True
        self._revealed = True
        self._update()
        self.display.setText(formatted)  # held by the label only, until the next conceal
        self.number_revealed.emit()
        return True

    @Slot()
    def conceal(self) -> None:
        was = self._revealed
        self._revealed = False
        self._update()
        if was:
            self.number_concealed.emit()

    def conceal_personal_data(self) -> None:
        self.conceal()

    def clear_personal_data(self) -> None:
        self._last4 = None
        self._present = False
        self.conceal()

    def _update(self) -> None:
        if self._revealed:
            self.toggle.setText(translate("MaskedNumber", "番号を隠す"))
        else:
            self.display.setText(
                MASKED_UNKNOWN if self._last4 is None else f"****-****-{self._last4}"
            )
            self.toggle.setText(translate("MaskedNumber", "番号を表示"))
        self.toggle.setEnabled(self._can_reveal and self._present)
        self.toggle.setVisible(self._can_reveal)

    @Slot()
    def _on_toggle(self) -> None:
        if self._revealed:
            self.conceal()
        elif self._can_reveal:
            self.reveal_requested.emit()
