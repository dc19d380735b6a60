"""The card step of the identity check: what the reader holds, the PIN field with the tries
left, the item-by-item comparison with the register (mismatches highlighted, in colour and in
words), 照合番号B and the face photo.

The panel only shows and collects; the page runs the jobs (ui/identity/page.py).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.card_match import CardComparison
from app.session.personal_data import PersonalDataRegistry
from cardreader.models import CardFace
from ui.card.pin_entry import PinEntry
from ui.i18n import translate
from ui.identity.labels import FIELD_NAMES
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import guard_against_copy

MISMATCH_BACKGROUND: Final = QColor("#ffd6d6")
MISMATCH_FOREGROUND: Final = QColor("#b00020")
MATCH_FOREGROUND: Final = QColor("#1b5e20")
PHOTO_HEIGHT: Final = 240


def pixmap_of(face: CardFace) -> QPixmap:
    """The card's photo (a PIL image) as a pixmap, copied out of the decoded bytes."""
    image = face.photo.convert("RGB")
    data = image.tobytes()
    qimage = QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888)
    return QPixmap.fromImage(qimage.copy())


class ComparisonTable(QTableWidget):
    """項目 / カード / 住民票 / 照合: one row per item, a mismatch in red and saying so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("comparison_table")
        self.setHorizontalHeaderLabels([
            translate("IdentityPage", "項目"), translate("IdentityPage", "カード"),
            translate("IdentityPage", "住民票"), translate("IdentityPage", "照合"),
        ])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        guard_against_copy(self)

    def show_comparison(self, comparison: CardComparison | None) -> None:
        self.setRowCount(0)
        if comparison is None:
            return
        self.setRowCount(len(comparison.fields))
        for row, item in enumerate(comparison.fields):
            verdict = (translate("IdentityPage", "一致") if item.matches
                       else translate("IdentityPage", "不一致"))
            source = FIELD_NAMES.get(item.field, item.label)
            label = translate("IdentityPage", source)
            cells = (label, item.card_value, item.register_value, verdict)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not item.matches:
                    cell.setBackground(QBrush(MISMATCH_BACKGROUND))
                    cell.setForeground(QBrush(MISMATCH_FOREGROUND))
                elif column == 3:
                    cell.setForeground(QBrush(MATCH_FOREGROUND))
                self.setItem(row, column, cell)

    def mismatched_rows(self) -> list[int]:
        return [row for row in range(self.rowCount())
                if (cell := self.item(row, 3)) is not None
                and cell.text() == translate("IdentityPage", "不一致")]

    def clear_personal_data(self) -> None:
        self.setRowCount(0)


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

    def clear_personal_data(self) -> None:
        self.table.clear_personal_data()
        self.photo.clear()
        self.expiry_year.setText("")
        self.pin.clear_personal_data()
        self.security_code.clear_personal_data()
        self.status.clear()
