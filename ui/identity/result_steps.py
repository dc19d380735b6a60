"""The last two steps of the identity check on screen: the review (the documents presented,
the assessment, and the buttons that record the check as confirmed or not), and what was
recorded, with the way on to the next person."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.identity_documents import Assessment
from app.workflows.identity import IdentityCheckResult
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.security.holders import mark_personal

OK_STYLE: Final = "color: #1b5e20; font-weight: bold;"


class ReviewStep(QWidget):
    record_requested = Signal(bool)  # confirmed
    redo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review_documents = mark_personal(QLabel(self))
        self.review_documents.setObjectName("review_documents")
        self.review_documents.setWordWrap(True)
        self.assessment = mark_personal(QLabel(self))
        self.assessment.setObjectName("assessment")
        self.assessment.setWordWrap(True)
        self.confirm_button = QPushButton(translate("IdentityPage", "本人確認済みとして記録"), self)
        self.confirm_button.setObjectName("confirm_button")
        self.decline_button = QPushButton(translate("IdentityPage", "確認できなかったことを記録"), self)
        self.decline_button.setObjectName("decline_button")
        self.redo_button = QPushButton(translate("IdentityPage", "書類を選び直す"), self)
        self.redo_button.setObjectName("redo_button")
        column = QVBoxLayout(self)
        column.addWidget(self.review_documents)
        column.addWidget(self.assessment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.redo_button)
        column.addLayout(buttons)
        column.addStretch(1)
        self.confirm_button.clicked.connect(lambda: self.record_requested.emit(True))
        self.decline_button.clicked.connect(lambda: self.record_requested.emit(False))
        self.redo_button.clicked.connect(self.redo_requested)

    def show_review(self, documents_text: str, assessment: Assessment | None, busy: bool) -> None:
        self.review_documents.setText(
            translate("IdentityPage", "提示された書類：%1").replace("%1", documents_text))
        if assessment is not None:
            self.assessment.setText(assessment.message)
            self.assessment.setStyleSheet(OK_STYLE if assessment.sufficient else ERROR_STYLE)
            self.confirm_button.setEnabled(assessment.sufficient and not busy)
        self.decline_button.setEnabled(not busy)

    def focus_target(self) -> QWidget:
        return self.confirm_button if self.confirm_button.isEnabled() else self.decline_button

    def clear_personal_data(self) -> None:
        self.review_documents.clear()
        self.assessment.clear()


class DoneStep(QWidget):
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done_label = mark_personal(QLabel(self))
        self.done_label.setObjectName("done_label")
        self.done_label.setWordWrap(True)
        self.next_person = QPushButton(translate("IdentityPage", "次の方"), self)
        self.next_person.setObjectName("next_person")
        column = QVBoxLayout(self)
        column.addWidget(self.done_label)
        column.addWidget(self.next_person)
        column.addStretch(1)
        self.next_person.clicked.connect(self.next_requested)

    def show_result(self, result: IdentityCheckResult) -> None:
        outcome = (translate("IdentityPage", "本人確認済み") if result.outcome == "confirmed"
                   else translate("IdentityPage", "本人確認できず"))
        self.done_label.setText(translate("IdentityPage", "記録しました（%1、記録番号 %2）。")
                                .replace("%1", outcome).replace("%2", result.check_id))

    def clear_personal_data(self) -> None:
        self.done_label.clear()
