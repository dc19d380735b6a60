"""「カードから入力」 in a person's section of an arrival notice: the card holder types the PIN
of the card's 券面事項入力補助AP on a masked field (tries left shown before), the card is read
off the UI thread through the CardBridge, and the form puts the items where they belong
(app/workflows/card_fill.py) for the clerk to check. On a 特例転入 the form then looks for
the person's 転出証明書情報 by the card's name and birth date; the panel says what was found,
and offers a short list (NoticePicker) when several notices are waiting for the same person.

The PIN leaves the field only through PinEntry.take() and goes straight to the card code,
which wipes it. What the card said is shown in the person's section until the notice ends or
the session locks; nothing of it is kept elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.registry_api import TransferNoticeSummary
from app.session.personal_data import PersonalDataRegistry
from app.workflows.dates import format_date
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
        # What the 転出証明書情報 lookup of a 特例転入 found (or that it found nothing).
        self.notice_status = mark_personal(QLabel(self))
        self.notice_status.setObjectName("card_fill_notice")
        self.notice_status.setWordWrap(True)
        self.notice_status.hide()
        self.picker: NoticePicker | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addStretch(1)
        column.addLayout(top)
        column.addWidget(self.pin_box)
        column.addWidget(self.status)
        column.addWidget(self.notice_status)
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
        self.say_notice("")
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

    def say_notice(self, text: str, *, error: bool = False) -> None:
        self.notice_status.setStyleSheet(ERROR_STYLE if error else "")
        self.notice_status.setText(text)
        self.notice_status.setVisible(bool(text))

    def pick_notice(self, notices: Sequence[TransferNoticeSummary],
                    chosen: Callable[[TransferNoticeSummary], None],
                    declined: Callable[[], None]) -> NoticePicker:
        """Open the list (window-modal, not blocking) for the clerk to pick one notice."""
        self._close_picker()
        picker = NoticePicker(notices, self)
        self.picker = picker

        def finished(result: int) -> None:
            if self.picker is not picker:
                return  # replaced, or closed by a lock: its answer is no longer wanted
            self.picker = None
            picked = picker.chosen() if result == QDialog.DialogCode.Accepted else None
            picker.deleteLater()
            if picked is not None:
                chosen(picked)
            else:
                declined()

        picker.finished.connect(finished)
        picker.open()
        picker.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return picker

    def _close_picker(self) -> None:
        picker, self.picker = self.picker, None
        if picker is not None:
            picker.reject()
            picker.deleteLater()

    def clear_personal_data(self) -> None:
        self._busy = False
        self._close_picker()
        self.pin.clear_personal_data()
        self.pin_box.hide()
        self.read_button.setEnabled(True)
        self.status.clear()
        self.say_notice("")


def received_on(notice: TransferNoticeSummary) -> str:
    """The day the notice arrived, as the register's calendar has it (JST)."""
    return format_date(notice.received_at.astimezone(clock.JST).date())


class NoticePicker(QDialog):
    """Several 転出証明書情報 wait for the card's name and birth date (a corrected notice sent
    again, say): the clerk picks the one that matches the paper. Keyboard first: the list has
    the focus with the first row current, ↑↓ move, Enter takes, Esc leaves the item to type."""

    def __init__(self, notices: Sequence[TransferNoticeSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice_picker")
        self.setWindowTitle(translate("MoveCard", "転出証明書情報の選択"))
        self._notices = list(notices)
        count = len(self._notices)  # a call among translate()'s arguments hides it from lupdate
        intro = QLabel(translate(
            "MoveCard", "この方の転出証明書情報が%n件届いています。届書と照らして選んでください。",
            None, count), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._notices), 3, self)
        self.table.setObjectName("notice_picker_table")
        self.table.setHorizontalHeaderLabels([
            translate("MoveCard", "受信日"),
            translate("MoveCard", "転出元（団体コード）"),
            translate("MoveCard", "転出予定日"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, notice in enumerate(self._notices):
            cells = (received_on(notice), notice.from_municipality,
                     format_date(notice.planned_move_date))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self._notices:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(self)
        take = buttons.addButton(translate("MoveCard", "選択 (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        take.setDefault(True)
        buttons.addButton(translate("MoveCard", "手入力する (Esc)"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.table)
        box.addWidget(buttons)

    def chosen(self) -> TransferNoticeSummary | None:
        row = self.table.currentRow()
        return self._notices[row] if 0 <= row < len(self._notices) else None
