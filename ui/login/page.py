"""The login screen: staff ID and password, errors in plain Japanese, diagnostics for the
helpdesk before anyone logs in. The check runs at the registry, off the UI thread (the shell
does it); this page only collects the two fields and shows the outcome."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.widgets.copy_guard import guard_against_copy


def login_error_text(code: str) -> str:
    """What the clerk reads for each refusal of the login."""
    if code == "invalid_credentials":
        return translate("SignIn", "職員IDまたはパスワードが違います。")
    if code == "account_locked":
        return translate("SignIn", "続けて間違えたため、このIDはロックされています。しばらく待つか、管理責任者に連絡してください。")
    if code == "terminal_not_enrolled":
        return translate("SignIn", "この端末は登録されていません。端末の管理者に連絡してください。")
    if code in ("registry_unreachable", "timeout", "registry_certificate_untrusted"):
        return translate("SignIn", "住基システムに接続できません。しばらくしてからもう一度お試しください。")
    return translate("SignIn", "ログインできませんでした。")


class LoginPage(QWidget):
    login_requested = Signal(str, str)  # staff ID, password (once)
    diagnostics_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_page")
        title = QLabel(translate("SignIn", "住民基本台帳 窓口端末"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        title.setFont(font)
        self.message = QLabel(translate("SignIn", "ログインしてください。"), self)
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.staff_id = QLineEdit(self)
        self.staff_id.setObjectName("login_staff_id")
        self.staff_id.setAccessibleName(translate("SignIn", "職員ID"))
        self.password = QLineEdit(self)
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("SignIn", "パスワード"))
        guard_against_copy(self.password)
        self.login_button = QPushButton(translate("SignIn", "ログイン (Enter)"), self)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        self.error = QLabel(self)
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.diagnostics_button = QPushButton(translate("SignIn", "端末の診断 (Ctrl+Shift+D)"), self)
        self.diagnostics_button.setShortcut(QKeySequence("Ctrl+Shift+D"))

        form = QFormLayout()
        form.addRow(translate("SignIn", "職員ID(&I)"), self.staff_id)
        form.addRow(translate("SignIn", "パスワード(&P)"), self.password)
        for field in (self.staff_id, self.password):
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(self.message)
        column.addLayout(form)
        column.addWidget(self.login_button)
        column.addWidget(self.error)
        column.addStretch(2)
        column.addWidget(self.diagnostics_button, 0, Qt.AlignmentFlag.AlignLeft)
        outer = QVBoxLayout(self)
        outer.addLayout(column)
        self.setTabOrder(self.staff_id, self.password)
        self.setTabOrder(self.password, self.login_button)
        self.setTabOrder(self.login_button, self.diagnostics_button)

        self.staff_id.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.login_button.clicked.connect(self._submit)
        self.diagnostics_button.clicked.connect(self.diagnostics_requested)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def show_error(self, code: str) -> None:
        self.set_busy(False)
        self.error.setText(login_error_text(code))
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        for widget in (self.staff_id, self.password, self.login_button):
            widget.setEnabled(not busy)

    def reset(self) -> None:
        self.password.setText("")
        self.error.clear()
        self.set_busy(False)
        self.staff_id.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _submit(self) -> None:
        staff_id, password = self.staff_id.text().strip(), self.password.text()
        self.password.setText("")
        if not staff_id or not password:
            self.error.setText(translate("SignIn", "職員IDとパスワードを入力してください。"))
            return
        self.error.clear()
        self.set_busy(True)
        self.login_requested.emit(staff_id, password)
