"""The questions step of the identity check on screen, when no photo ID counts: how many
questions about the registered data were asked and how many were answered right."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QSpinBox, QWidget

from ui.i18n import translate


class QuestionsStep(QWidget):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.questions_hint = QLabel(self)
        self.questions_hint.setWordWrap(True)
        self.questions_asked = QSpinBox(self)
        self.questions_asked.setObjectName("questions_asked")
        self.questions_asked.setRange(0, 20)
        self.questions_correct = QSpinBox(self)
        self.questions_correct.setObjectName("questions_correct")
        self.questions_correct.setRange(0, 20)
        self.questions_next = QPushButton(translate("IdentityPage", "次へ"), self)
        self.questions_next.setObjectName("questions_next")
        form = QFormLayout(self)
        form.addRow(self.questions_hint)
        form.addRow(translate("IdentityPage", "聞き取った質問の数"), self.questions_asked)
        form.addRow(translate("IdentityPage", "正しく答えられた数"), self.questions_correct)
        form.addRow(self.questions_next)
        self.questions_next.clicked.connect(self.submitted)
        for spin in (self.questions_asked, self.questions_correct):
            spin.lineEdit().returnPressed.connect(self.submitted)

    def show_minimum(self, count: int) -> None:
        self.questions_hint.setText(translate(
            "IdentityPage",
            "写真付きの書類で確認できないため、住民票の記載事項（生年月日・世帯主・前住所など）について"
            "%1問以上聞き取ってください。").replace("%1", str(count)))

    def answers(self) -> tuple[int, int]:
        """(asked, answered right)"""
        return self.questions_asked.value(), self.questions_correct.value()

    def reset(self) -> None:
        self.questions_asked.setValue(0)
        self.questions_correct.setValue(0)
