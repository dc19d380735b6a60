"""「カードから入力」 in a person's section of an arrival notice: the card holder types the PIN
of the card's 券面事項入力補助AP on a masked field (tries left shown before), the card is read
off the UI thread through the CardBridge, and the form puts the items where they belong
(app/workflows/card_fill.py) for the clerk to check.

The PIN leaves the field only through PinEntry.take() and goes straight to the card code,
which wipes it. What the card said is shown in the person's section until the notice ends or
the session locks; nothing of it is kept elsewhere.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.session.personal_data import PersonalDataRegistry
from cardreader.errors import CardError, PinBlockedError, WrongPinError
from cardreader.models import BasicInfo, ProbeResult
from ui.card.bridge import CardBridge
from ui.card.pin_entry import PinEntry
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.security.holders import mark_personal

INPUT_SUPPORT_PIN = "input_support_pin"  # cardreader.session's name in ProbeResult.pins


class CardFillPanel(QWidget):
    """The button, and once pressed the PIN field; emits `card_read` with the BasicInfo."""

    card_read = Signal(object)

    def __init__(self, bridge: CardBridge, personal_data: PersonalDataRegistry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_fill")
        self._bridge = bridge
        self._busy = False
        self.button = QPushButton(translate("MoveCard", "カードから入力"), self)
        self.button.setObjectName("card_fill_button")
        self.button.setToolTip(translate(
            "MoveCard", "個人番号カードを読み取り、氏名・生年月日・性別・住所・個人番号を入力します。"))
        self.pin_box = QWidget(self)
        self.pin_label = QLabel(translate("MoveCard", "暗証番号（4桁、カードの方が入力）"), self.pin_box)
        self.pin = PinEntry(personal_data=personal_data, parent=self.pin_box)
        self.pin.setObjectName("card_fill_pin")
        self.pin_label.setBuddy(self.pin.field)
        self.read_button = QPushButton(translate("MoveCard", "読み取る (Enter)"), self.pin_box)
        self.read_button.setObjectName("card_fill_read")
        pin_row = QHBoxLayout(self.pin_box)
        pin_row.setContentsMargins(0, 0, 0, 0)
        pin_row.addWidget(self.pin_label)
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.read_button)
        self.pin_box.hide()
        self.status = mark_personal(QLabel(self))
        self.status.setObjectName("card_fill_status")
        self.status.setWordWrap(True)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addStretch(1)
        column.addLayout(top)
        column.addWidget(self.pin_box)
        column.addWidget(self.status)
        self.button.clicked.connect(self.begin)
        self.pin.submitted.connect(self.read)
        self.read_button.clicked.connect(self.read)

    def focus_chain(self) -> list[QWidget]:
        return [self.button]

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    @Slot()
    def begin(self) -> None:
        """Ask for the PIN, with the tries left read from the card first."""
        if self._busy:
            return
        self.pin.clear()
        self.pin.set_tries_left(None)
        self.pin_box.show()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        self._say(translate("MoveCard", "カードをリーダーに置き、カードの方に暗証番号を入力していただいてください。"))
        self._bridge.probe(self._probed, self._failed, parent=self)

    def _probed(self, probe: ProbeResult) -> None:
        state = probe.pins.get(INPUT_SUPPORT_PIN)
        if state is None:
            return
        if state.blocked:
            self.pin.set_blocked()
            self._say(translate("MoveCard", "暗証番号がロックされています。カードからは入力できません。"), error=True)
        else:
            self.pin.set_tries_left(state.tries_left)

    @Slot()
    def read(self) -> None:
        if self._busy or not self.pin.is_complete():
            return
        self._busy = True
        self.read_button.setEnabled(False)
        self._say(translate("MoveCard", "カードを読み取っています…"))
        self._bridge.read_basic(self.pin.take(), self._read, self._failed, parent=self)

    def _read(self, info: BasicInfo) -> None:
        self._busy = False
        self.read_button.setEnabled(True)
        self.pin_box.hide()
        self._say(translate("MoveCard", "カードから入力しました。カードの記載と届書を照らして確認してください。"))
        self.card_read.emit(info)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.read_button.setEnabled(True)
        if isinstance(error, WrongPinError):
            self.pin.set_tries_left(error.tries_left)
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
        elif isinstance(error, PinBlockedError):
            self.pin.set_blocked()
        message = error.message if isinstance(error, CardError) else ""
        self._say(message or translate("MoveCard", "カードを読み取れませんでした。"), error=True)

    def clear_personal_data(self) -> None:
        self._busy = False
        self.pin.clear_personal_data()
        self.pin_box.hide()
        self.read_button.setEnabled(True)
        self.status.clear()
