"""The desk's two dialogs, opened with open() (window-modal, no nested event loop) and built
for each use, so that a lock's dialog closer empties and rejects them:

- ReasonDialog: a reason typed once (再交付 of a spoiled print; declining a queued request).
- ApprovalDialog: a bulk job needs a supervisor's approval — either the supervisor types their
  own ID and password here, or the clerk queues the request for the 承認 workspace and waits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.certificates.labels import problem_text
from ui.i18n import translate
from ui.widgets.copy_guard import guard_against_copy

ERROR_STYLE = "color: #b00020;"


class ReasonDialog(QDialog):
    reason_given = Signal(str)

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason_text")
        self.reason.setMaxLength(200)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        column = QVBoxLayout(self)
        prompt_label = QLabel(prompt, self)
        prompt_label.setWordWrap(True)
        column.addWidget(prompt_label)
        column.addWidget(self.reason)
        column.addWidget(self.error)
        column.addWidget(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)

    @Slot()
    def _accept(self) -> None:
        text = " ".join(self.reason.text().split())
        if not text:
            self.error.setText(problem_text("reason_required"))
            self.reason.setFocus()
            return
        self.reason.clear()
        self.accept()
        self.reason_given.emit(text)


class ApprovalDialog(QDialog):
    in_person_requested = Signal(str, str, str)  # supervisor ID, password, purpose
    queue_requested = Signal(str)  # purpose
    approval_abandoned = Signal()

    def __init__(self, count: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approval_dialog")
        self.setWindowTitle(translate("Certificates", "管理責任者の承認"))
        explain = translate("Certificates", "件数が多いため、発行には管理責任者の承認が必要です。")
        if count is not None:
            explain += "\n" + translate("Certificates", "件数: %1通").replace("%1", str(count))
        intro = QLabel(explain, self)
        intro.setWordWrap(True)
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("approval_purpose")
        self.purpose.setMaxLength(200)
        self.purpose.setPlaceholderText(translate("Certificates", "例: 法務局への一括提出"))

        here = QGroupBox(translate("Certificates", "この端末で承認を受ける"), self)
        self.supervisor = QLineEdit(here)
        self.supervisor.setObjectName("approval_supervisor")
        self.password = QLineEdit(here)
        self.password.setObjectName("approval_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        guard_against_copy(self.password)
        self.approve_button = QPushButton(translate("Certificates", "承認して発行(&A)"), here)
        self.approve_button.setObjectName("approval_in_person")
        here_form = QFormLayout(here)
        here_form.addRow(translate("Certificates", "管理責任者の職員ID"), self.supervisor)
        here_form.addRow(translate("Certificates", "パスワード"), self.password)
        here_form.addRow(self.approve_button)

        queue = QGroupBox(translate("Certificates", "承認を依頼する（管理責任者の承認画面へ）"), self)
        self.queue_button = QPushButton(translate("Certificates", "承認を依頼(&Q)"), queue)
        self.queue_button.setObjectName("approval_queue")
        self.waiting = QLabel(queue)
        self.waiting.setObjectName("approval_waiting")
        self.waiting.setWordWrap(True)
        queue_column = QVBoxLayout(queue)
        queue_column.addWidget(self.queue_button)
        queue_column.addWidget(self.waiting)

        self.error = QLabel(self)
        self.error.setObjectName("approval_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.cancel_button = QPushButton(translate("Certificates", "やめる"), self)
        form = QFormLayout()
        form.addRow(translate("Certificates", "目的"), self.purpose)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(here)
        column.addWidget(queue)
        column.addWidget(self.error)
        column.addWidget(self.cancel_button)

        # Enter belongs to the field it is typed in (the password: approve here); a default
        # button would also take it, and やめる closed the dialog with the purpose typed.
        for button in (self.approve_button, self.queue_button, self.cancel_button):
            button.setAutoDefault(False)
        self._focus_before_busy: QWidget | None = None
        self.approve_button.clicked.connect(self._in_person)
        self.password.returnPressed.connect(self._in_person)
        self.queue_button.clicked.connect(self._queue)
        self.cancel_button.clicked.connect(self.reject)
        self.rejected.connect(self.approval_abandoned)
        self.purpose.setFocus()

    @Slot()
    def _in_person(self) -> None:
        password = self.password.text()
        self.password.clear()  # the password leaves the widget once
        self.error.clear()
        self.in_person_requested.emit(self.supervisor.text(), password, self.purpose.text())

    @Slot()
    def _queue(self) -> None:
        self.error.clear()
        self.queue_requested.emit(self.purpose.text())

    def set_busy(self, busy: bool) -> None:
        if busy:
            focused = QApplication.focusWidget()
            self._focus_before_busy = focused if focused is not None and self.isAncestorOf(focused) else None
        for widget in (self.approve_button, self.queue_button, self.supervisor, self.password, self.purpose):
            widget.setEnabled(not busy)
        if not busy and self._focus_before_busy is not None:
            # Disabling moved the focus on (to やめる): back where the clerk was typing.
            self._focus_before_busy.setFocus(Qt.FocusReason.OtherFocusReason)
            self._focus_before_busy = None

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def show_waiting(self, request_id: int) -> None:
        self.set_busy(True)
        self.cancel_button.setText(translate("Certificates", "依頼を取り下げて戻る"))
        self.waiting.setText(translate("Certificates", "依頼番号 %1: 管理責任者の承認を待っています…")
                             .replace("%1", str(request_id)))

    def show_declined(self, reason: str | None) -> None:
        self.set_busy(False)
        self.waiting.setText(translate("Certificates", "承認されませんでした。理由: %1").replace("%1", reason or "—"))

    def show_token_lost(self) -> None:
        self.set_busy(False)
        self.waiting.setText(translate("Certificates", "承認の受け取りに失敗しました。もう一度依頼してください。"))
