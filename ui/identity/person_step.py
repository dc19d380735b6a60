"""The first step of the identity check on screen: the 宛名番号 of the person to check (Enter
looks it up), with a hint that a record open in the search can start the check itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.i18n import translate


class PersonStep(QWidget):
    lookup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resident_id = QLineEdit(self)
        self.resident_id.setObjectName("resident_id")
        self.resident_id.setMaxLength(10)
        self.resident_id.setPlaceholderText(translate("IdentityPage", "宛名番号（10桁）"))
        self.lookup_button = QPushButton(translate("IdentityPage", "呼出"), self)
        self.lookup_button.setObjectName("lookup_button")
        form = QFormLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.resident_id, 1)
        row.addWidget(self.lookup_button)
        form.addRow(translate("IdentityPage", "宛名番号"), row)
        hint = QLabel(translate("IdentityPage", "検索画面で開いている方は、その画面から本人確認を始められます。"), self)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.resident_id.returnPressed.connect(self.lookup_requested)
        self.lookup_button.clicked.connect(self.lookup_requested)
