"""The card side of the desk: the reader's state, the tries left of every PIN, the field the
holder types the PIN into, the 照合番号B entry (birth date, expiry year, security code), the
face photo and the card's expiry.

The panel only shows and collects; CardDeskWorkspace runs the card jobs. The PIN and the
security code leave their fields only through PinEntry.take() as bytearrays the card code
wipes. A lock empties every field, the photo and the labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QRegularExpression, Qt, Signal, Slot
from PySide6.QtGui import QImage, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.workflows.card_desk import PINS, FaceCheck
from app.workflows.dates import format_date
from cardreader.channel import PinState
from ui.card.pin_entry import PinEntry
from ui.counter.inputs import ERROR_STYLE, DateEdit
from ui.i18n import translate
from ui.security.holders import mark_personal

PHOTO_SIZE = (150, 200)
OK_STYLE = "color: #1b5e20; font-weight: bold;"


def pin_label(key: str) -> str:
    return {
        "input_support_pin": translate("CardDesk", "券面事項入力補助用暗証番号（4桁）"),
        "jpki_auth_pin": translate("CardDesk", "利用者証明用電子証明書の暗証番号（4桁）"),
        "jpki_sign_password": translate("CardDesk", "署名用電子証明書のパスワード（6〜16桁）"),
    }.get(key, key)


def tries_text(state: PinState | None) -> str:
    if state is None:
        return "—"
    if state.blocked:
        return translate("CardDesk", "ロック中")
    if state.tries_left is None:
        return translate("CardDesk", "照合済み")
    return translate("CardDesk", "残り%1回").replace("%1", str(state.tries_left))


def photo_pixmap(face: FaceCheck) -> QPixmap:
    image = face.face.photo.convert("RGB")
    data = image.tobytes()
    qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
    pixmap = QPixmap.fromImage(qimage.copy())  # copy: the bytes above are dropped on return
    return pixmap.scaled(*PHOTO_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


class CardPanel(QWidget):
    probe_requested = Signal()
    read_requested = Signal()  # the PIN field holds four digits and Enter was pressed
    face_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_panel")
        self.reader = QLabel(self)  # the reader's state: nothing about the person, kept on lock
        self.reader.setObjectName("card_reader_state")
        self.reader.setWordWrap(True)
        self.probe_button = QPushButton(translate("CardDesk", "カード確認 (F7)"), self)
        self.probe_button.setObjectName("card_probe")
        self.tries: dict[str, QLabel] = {}
        pins_box = QGroupBox(translate("CardDesk", "暗証番号の残り回数"), self)
        grid = QGridLayout(pins_box)
        for row, (key, _) in enumerate(PINS):
            grid.addWidget(QLabel(pin_label(key), pins_box), row, 0)
            label = mark_personal(QLabel(tries_text(None), pins_box))
            label.setObjectName(f"tries_{key}")
            grid.addWidget(label, row, 1)
            self.tries[key] = label

        read_box = QGroupBox(translate("CardDesk", "本人による暗証番号の入力（4桁）"), self)
        self.pin = PinEntry(parent=read_box)
        self.pin.setObjectName("card_pin")
        self.read_button = QPushButton(translate("CardDesk", "読み取り (Enter)"), read_box)
        self.read_button.setObjectName("card_read")
        row_layout = QHBoxLayout(read_box)
        row_layout.addWidget(self.pin, 1)
        row_layout.addWidget(self.read_button)

        face_box = QGroupBox(translate("CardDesk", "券面の確認（照合番号B）"), self)
        self.birth = DateEdit("S", face_box)
        self.birth.setObjectName("face_birth")
        self.expiry_year = QLineEdit(face_box)
        self.expiry_year.setObjectName("face_expiry_year")
        self.expiry_year.setMaxLength(4)
        self.expiry_year.setValidator(
            QRegularExpressionValidator(QRegularExpression("[0-9]{0,4}"), self.expiry_year))
        self.expiry_year.setPlaceholderText(translate("CardDesk", "西暦4桁"))
        self.security_code = PinEntry(parent=face_box)
        self.security_code.setObjectName("face_security_code")
        self.face_button = QPushButton(translate("CardDesk", "券面を読み取る"), face_box)
        self.face_button.setObjectName("card_face_read")
        form = QFormLayout(face_box)
        form.addRow(translate("CardDesk", "生年月日"), self.birth)
        form.addRow(translate("CardDesk", "有効期限の年"), self.expiry_year)
        form.addRow(translate("CardDesk", "セキュリティコード"), self.security_code)
        form.addRow(self.face_button)

        self.photo = QLabel(self)
        self.photo.setObjectName("card_photo")
        self.photo.setFixedSize(*PHOTO_SIZE)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet("border: 1px solid #999999;")
        self.expiry = mark_personal(QLabel(self))
        self.expiry.setObjectName("card_expiry")
        self.expiry.setWordWrap(True)
        face_row = QHBoxLayout()
        face_row.addWidget(self.photo)
        face_row.addWidget(self.expiry, 1)

        self.message = mark_personal(QLabel(self))
        self.message.setObjectName("card_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.reader, 1)
        top.addWidget(self.probe_button)
        column.addLayout(top)
        column.addWidget(pins_box)
        column.addWidget(read_box)
        column.addWidget(face_box)
        column.addLayout(face_row)
        column.addWidget(self.message)
        column.addStretch(1)

        self.probe_button.clicked.connect(self.probe_requested)
        self.read_button.clicked.connect(self._read_clicked)
        self.pin.submitted.connect(self.read_requested)
        self.face_button.clicked.connect(self.face_requested)
        self.security_code.submitted.connect(self.face_requested)
        self.expiry_year.returnPressed.connect(self.face_requested)
        self.setTabOrder(self.pin.field, self.read_button)
        self.setTabOrder(self.read_button, self.birth.text_edit)
        self.setTabOrder(self.birth.text_edit, self.expiry_year)
        self.setTabOrder(self.expiry_year, self.security_code.field)
        self.setTabOrder(self.security_code.field, self.face_button)

    @Slot()
    def _read_clicked(self) -> None:
        if self.pin.is_complete():
            self.read_requested.emit()
        else:
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- showing ------------------------------------------------------------------------------------

    def show_reader(self, text: str) -> None:
        self.reader.setText(text)

    def show_pins(self, pins: Mapping[str, PinState]) -> None:
        for key, label in self.tries.items():
            state = pins.get(key)
            label.setText(tries_text(state))
            low = state is not None and (state.blocked or (state.tries_left is not None
                                                           and state.tries_left <= 1))
            label.setStyleSheet(ERROR_STYLE if low else "")
        holder = pins.get("input_support_pin")
        if holder is not None and holder.blocked:
            self.pin.set_blocked()
        elif holder is not None:
            self.pin.set_tries_left(holder.tries_left)
        else:
            self.pin.set_tries_left(None)

    def prefill_birth(self, born: date) -> None:
        """The register's birth date, for the clerk to check against the card face."""
        from app.workflows.dates import short_wareki

        text = short_wareki(born)
        self.birth.set_value({"text": text, "era": text[0]})

    def show_face(self, face: FaceCheck | None) -> None:
        if face is None:
            self.photo.clear()
            self.expiry.clear()
            return
        self.photo.setPixmap(photo_pixmap(face))
        text = translate("CardDesk", "有効期限: %1").replace("%1", format_date(face.face.expiry_date))
        if face.expired:
            self.expiry.setStyleSheet(ERROR_STYLE)
            text += "\n" + translate("CardDesk", "有効期限が切れています。交付できません。")
        else:
            self.expiry.setStyleSheet(OK_STYLE)
        self.expiry.setText(text)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def clear_card(self) -> None:
        self.show_pins({})
        self.show_face(None)
        self.pin.clear()
        self.security_code.clear()
        self.expiry_year.setText("")
        self.message.clear()

    def clear_personal_data(self) -> None:
        self.clear_card()
        self.pin.clear_personal_data()
        self.security_code.clear_personal_data()
        self.birth.clear_personal_data()
