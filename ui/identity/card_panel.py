"""The card step of the identity check on screen: what the reader holds, the PIN field with
the tries left, the item-by-item comparison with the register (ui/identity/comparison_table.py),
照合番号B and the face photo; what the flow's card stage allows, and where the focus goes.

The panel only shows and collects; ui/identity/card_steps.py runs the jobs.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.session.personal_data import PersonalDataRegistry
from app.workflows.identity import CardStage, IdentityFlow
from cardreader.models import CardFace
from ui.card.bridge import CardBridge
from ui.card.pin_entry import PinEntry
from ui.i18n import translate
from ui.identity.comparison_table import ComparisonTable
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import guard_against_copy

PHOTO_HEIGHT: Final = 240


def pixmap_of(face: CardFace) -> QPixmap:
    """The card's photo (a PIL image) as a pixmap, copied out of the decoded bytes."""
    image = face.photo.convert("RGB")
    data = image.tobytes()
    qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class CardPanel(QWidget):
    probe_requested = Signal()
    read_requested = Signal()
    face_requested = Signal()
    face_judged = Signal(bool)
    finished = Signal()
    retry_requested = Signal()

    def __init__(self, personal_data: PersonalDataRegistry | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self.status.setObjectName("card_status")
        self.status.setWordWrap(True)
        self.probe_button = QPushButton(translate("IdentityPage", "カードを確認"), self)
        self.probe_button.setObjectName("probe_button")

        self.pin_box = QGroupBox(translate("IdentityPage", "暗証番号（ご本人が入力）"), self)
        self.pin = PinEntry(personal_data=personal_data, parent=self.pin_box)
        self.pin.setObjectName("card_pin")
        self.read_button = QPushButton(translate("IdentityPage", "読み取る"), self.pin_box)
        self.read_button.setObjectName("read_button")
        pin_row = QHBoxLayout(self.pin_box)
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.read_button)

        self.retry_button = QPushButton(translate("IdentityPage", "個人番号をもう一度照合"), self)
        self.retry_button.setObjectName("number_retry_button")
        self.retry_button.hide()
        self.table = ComparisonTable(self)

        self.face_box = QGroupBox(translate("IdentityPage", "顔写真（照合番号B）"), self)
        self.expiry_year = QLineEdit(self.face_box)
        self.expiry_year.setObjectName("expiry_year")
        self.expiry_year.setMaxLength(4)
        self.expiry_year.setPlaceholderText(translate("IdentityPage", "例: 2034"))
        self.security_code = PinEntry(personal_data=personal_data, parent=self.face_box)
        self.security_code.setObjectName("security_code")
        self.security_code.field.setAccessibleName(translate("IdentityPage", "セキュリティコード"))
        self.face_button = QPushButton(translate("IdentityPage", "顔写真を表示"), self.face_box)
        self.face_button.setObjectName("face_button")
        self.photo = mark_personal(QLabel(self.face_box))
        self.photo.setObjectName("face_photo")
        self.photo.setMinimumHeight(PHOTO_HEIGHT)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        guard_against_copy(self.photo)
        self.same_button = QPushButton(translate("IdentityPage", "本人と一致"), self.face_box)
        self.same_button.setObjectName("face_same_button")
        self.other_button = QPushButton(translate("IdentityPage", "一致しない"), self.face_box)
        self.other_button.setObjectName("face_other_button")
        form = QFormLayout()
        form.addRow(translate("IdentityPage", "有効期限の年（西暦）"), self.expiry_year)
        form.addRow(translate("IdentityPage", "セキュリティコード"), self.security_code)
        judge = QHBoxLayout()
        judge.addWidget(self.face_button)
        judge.addStretch(1)
        judge.addWidget(self.same_button)
        judge.addWidget(self.other_button)
        face_column = QVBoxLayout(self.face_box)
        face_column.addLayout(form)
        face_column.addLayout(judge)
        face_column.addWidget(self.photo)

        self.next_button = QPushButton(translate("IdentityPage", "カードの確認を終える"), self)
        self.next_button.setObjectName("card_next_button")

        column = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.probe_button)
        column.addLayout(top)
        column.addWidget(self.pin_box)
        column.addWidget(self.retry_button)
        column.addWidget(self.table, 1)
        column.addWidget(self.face_box)
        column.addWidget(self.next_button)

        self.probe_button.clicked.connect(self.probe_requested)
        self.read_button.clicked.connect(self.read_requested)
        self.pin.submitted.connect(self.read_requested)
        self.face_button.clicked.connect(self.face_requested)
        self.security_code.submitted.connect(self.face_requested)
        self.expiry_year.returnPressed.connect(self.security_code.setFocus)
        self.same_button.clicked.connect(lambda: self.face_judged.emit(True))
        self.other_button.clicked.connect(lambda: self.face_judged.emit(False))
        self.next_button.clicked.connect(self.finished)
        self.retry_button.clicked.connect(self.retry_requested)
        self.setTabOrder(self.pin.field, self.read_button)
        self.setTabOrder(self.read_button, self.expiry_year)
        self.setTabOrder(self.expiry_year, self.security_code.field)
        self.setTabOrder(self.security_code.field, self.face_button)
        self.setTabOrder(self.face_button, self.same_button)
        self.setTabOrder(self.same_button, self.other_button)
        self.setTabOrder(self.other_button, self.next_button)

    def show_face(self, face: CardFace | None) -> None:
        if face is None:
            self.photo.clear()
            return
        pixmap = pixmap_of(face)
        self.photo.setPixmap(pixmap.scaledToHeight(PHOTO_HEIGHT,
                                                   Qt.TransformationMode.SmoothTransformation))

    def show_flow(self, flow: IdentityFlow, card: CardBridge | None) -> None:
        """What the card stage allows; `card` None: no card reader on this terminal."""
        stage = flow.card_stage
        working = stage in (CardStage.PROBING, CardStage.READING, CardStage.FACE) or flow.busy
        # The registry's answer to the number check did not come: ask again (the card was read).
        self.retry_button.setVisible(stage is CardStage.CHECKING and not flow.busy)
        status = {
            CardStage.WAITING: translate("IdentityPage", "個人番号カードをリーダーに置いてください。"),
            CardStage.PROBING: translate("IdentityPage", "カードを確認しています…"),
            CardStage.PIN: translate("IdentityPage", "ご本人に暗証番号（4桁）を入力してもらってください。"),
            CardStage.READING: translate("IdentityPage", "カードを読み取っています…"),
            CardStage.CHECKING: translate("IdentityPage", "個人番号を住基システムで照合しています…"),
            CardStage.COMPARED: translate("IdentityPage", "カードの記載事項と住民票を照合しました。"),
            CardStage.FACE: translate("IdentityPage", "顔写真を読み取っています…"),
            CardStage.FACE_SHOWN: translate("IdentityPage", "顔写真とご本人を見比べてください。"),
        }[stage]
        if card is None:
            status = translate("IdentityPage", "この端末にはカードリーダーがありません。")
        elif stage is CardStage.WAITING and card.problem():
            status = card.problem() or status  # pcscd not running, no reader
        self.status.setText(status)
        has_reader = card is not None
        self.probe_button.setEnabled(has_reader and not working)
        if flow.pin_blocked:
            self.pin.set_blocked()
        else:
            self.pin.set_tries_left(flow.tries_left if stage is CardStage.PIN else None)
            self.pin.field.setEnabled(stage is CardStage.PIN)
        self.read_button.setEnabled(stage is CardStage.PIN and not flow.pin_blocked and not working)
        self.table.show_comparison(flow.comparison)
        can_face = has_reader and not working and stage in (CardStage.PIN, CardStage.COMPARED)
        self.face_button.setEnabled(can_face)
        self.expiry_year.setEnabled(can_face)
        self.security_code.field.setEnabled(can_face)
        self.show_face(flow.face)
        shown = stage is CardStage.FACE_SHOWN
        self.same_button.setEnabled(shown)
        self.other_button.setEnabled(shown)
        self.next_button.setEnabled(not working and stage is not CardStage.FACE_SHOWN)

    def focus_target(self, flow: IdentityFlow) -> QWidget:
        """Where the keyboard goes next in the card step."""
        if flow.card_stage is CardStage.PIN and not flow.pin_blocked:
            return self.pin.field
        if flow.card_stage is CardStage.FACE_SHOWN:
            return self.same_button
        if flow.card_stage is CardStage.COMPARED:
            return self.next_button
        if flow.card_stage is CardStage.CHECKING:
            return self.retry_button
        if flow.pin_blocked:
            return self.expiry_year
        return self.probe_button

    def clear_personal_data(self) -> None:
        self.table.clear_personal_data()
        self.photo.clear()
        self.expiry_year.setText("")
        self.pin.clear_personal_data()
        self.security_code.clear_personal_data()
        self.status.clear()
