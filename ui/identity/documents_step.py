"""The documents step of the identity check on screen: the purpose of the check and the
documents presented, photo IDs apart from the others (Space ticks, Enter goes on)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.identity_documents import PHOTO_IDS, Document
from ui.i18n import translate
from ui.identity.labels import DOCUMENT_NAMES, PURPOSE_NAMES


class DocumentsStep(QWidget):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.purpose = QComboBox(self)
        self.purpose.setObjectName("identity_purpose")
        for code, name in PURPOSE_NAMES:
            self.purpose.addItem(translate("IdentityPage", name), code)
        photo = QGroupBox(translate("IdentityPage", "写真付きの書類（1点で確認できます）"), self)
        other = QGroupBox(translate("IdentityPage", "写真のない書類（聞き取りと組み合わせます）"), self)
        photo_column, other_column = QVBoxLayout(photo), QVBoxLayout(other)
        self.document_boxes: dict[Document, QCheckBox] = {}
        for document, name in DOCUMENT_NAMES:
            box = QCheckBox(translate("IdentityPage", name), self)
            box.setObjectName(f"document_{document.value}")
            self.document_boxes[document] = box
            (photo_column if document in PHOTO_IDS else other_column).addWidget(box)
        self.documents_next = QPushButton(translate("IdentityPage", "次へ"), self)
        self.documents_next.setObjectName("documents_next")
        self.documents_next.setDefault(True)
        column = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(translate("IdentityPage", "確認の目的"), self.purpose)
        column.addLayout(form)
        column.addWidget(photo)
        column.addWidget(other)
        column.addWidget(self.documents_next)
        column.addStretch(1)
        self.documents_next.clicked.connect(self.submitted)
        for box in self.document_boxes.values():
            enter = QShortcut(QKeySequence(Qt.Key.Key_Return), box)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.submitted)

    def chosen(self) -> list[Document]:
        return [d for d, box in self.document_boxes.items() if box.isChecked()]

    def purpose_code(self) -> str:
        return str(self.purpose.currentData())

    def reset(self) -> None:
        for box in self.document_boxes.values():
            box.setChecked(False)
        self.purpose.setCurrentIndex(0)
