"""The login screen: staff ID and password, errors in plain Japanese, diagnostics for the
helpdesk before anyone logs in, and the display language (日本語 | English) for whoever logs in
next. The check runs at the registry, off the UI thread (the shell does it); this page only
collects the two fields and shows the outcome.

The page lives as long as the window and the language may change under it, so every text is
set in `retranslate()` (again on each QEvent.LanguageChange); the message and the error are
kept as what to say rather than as said, to be said again in the new language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QEvent, Qt, Signal, Slot
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
from ui.login.language_choice import LanguageChoice
from ui.widgets.copy_guard import guard_against_copy

DIAGNOSTICS_KEY: Final = QKeySequence("Ctrl+Shift+D")
MISSING_FIELDS: Final = "missing_fields"  # the page's own refusal, before asking the registry


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
    if code == MISSING_FIELDS:
        return translate("SignIn", "職員IDとパスワードを入力してください。")
    return translate("SignIn", "ログインできませんでした。")


def please_log_in() -> str:
    return translate("SignIn", "ログインしてください。")


class LoginPage(QWidget):
    login_requested = Signal(str, str)  # staff ID, password (once)
    diagnostics_requested = Signal()
    language_chosen = Signal(str)  # "ja" or "en", picked by whoever stands at the counter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_page")
        self._message: Callable[[], str] = please_log_in
        self._error_code: str | None = None
        self.title = QLabel(self)
        self.title.setObjectName("sign_in_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        self.title.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.staff_id = QLineEdit(self)
        self.staff_id.setObjectName("login_staff_id")
        self.password = QLineEdit(self)
        self.password.setObjectName("login_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        guard_against_copy(self.password)
        self.login_button = QPushButton(self)
        self.login_button.setObjectName("login_button")
        self.login_button.setDefault(True)
        self.error = QLabel(self)
        self.error.setObjectName("login_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.diagnostics_button = QPushButton(self)
        self.diagnostics_button.setObjectName("diagnostics_button")
        self.language = LanguageChoice(self)
        self.language.language_chosen.connect(self._language_chosen)
        self._staff_id_label = QLabel(self)
        self._staff_id_label.setBuddy(self.staff_id)
        self._password_label = QLabel(self)
        self._password_label.setBuddy(self.password)

        form = QFormLayout()
        form.addRow(self._staff_id_label, self.staff_id)
        form.addRow(self._password_label, self.password)
        column = QVBoxLayout()
        column.addWidget(self.language, 0, Qt.AlignmentFlag.AlignRight)
        column.addStretch(1)
        column.addWidget(self.title)
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
        self.retranslate()

    def retranslate(self) -> None:
        """Every text of the page in the language now installed; what was typed stays."""
        self.title.setText(translate("SignIn", "住民基本台帳 窓口端末"))
        self.message.setText(self._message())
        self.staff_id.setAccessibleName(translate("SignIn", "職員ID"))
        self.password.setAccessibleName(translate("SignIn", "パスワード"))
        self._staff_id_label.setText(translate("SignIn", "職員ID(&I)"))
        self._password_label.setText(translate("SignIn", "パスワード(&P)"))
        self.login_button.setText(translate("SignIn", "ログイン (Enter)"))
        # A button's setText replaces its shortcut with the text's mnemonic: set the key again.
        self.diagnostics_button.setText(translate("SignIn", "端末の診断 (Ctrl+Shift+D)"))
        self.diagnostics_button.setShortcut(DIAGNOSTICS_KEY)
        self.error.setText("" if self._error_code is None else login_error_text(self._error_code))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Show which language is in force (the shell says so; the page does not decide)."""
        self.language.set_language(language)

    def show_message(self, text: Callable[[], str]) -> None:
        """`text` gives the message in the language in force (asked again after a switch)."""
        self._message = text
        self.message.setText(text())

    def show_error(self, code: str) -> None:
        self.set_busy(False)
        self._set_error(code)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        # The language too: a login on its way is answered in the language it was sent in.
        for widget in (self.staff_id, self.password, self.login_button, self.language):
            widget.setEnabled(not busy)

    def reset(self) -> None:
        self.password.setText("")
        self._set_error(None)
        self.set_busy(False)
        self.staff_id.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_error(self, code: str | None) -> None:
        self._error_code = code
        self.error.setText("" if code is None else login_error_text(code))

    @Slot()
    def _submit(self) -> None:
        staff_id, password = self.staff_id.text().strip(), self.password.text()
        self.password.setText("")
        if not staff_id or not password:
            self._set_error(MISSING_FIELDS)
            return
        self._set_error(None)
        self.set_busy(True)
        self.login_requested.emit(staff_id, password)

    @Slot(str)
    def _language_chosen(self, language: str) -> None:
        self.language_chosen.emit(language)
        # Back to where the clerk types; an ID typed so far is kept.
        field = self.password if self.staff_id.text() else self.staff_id
        field.setFocus(Qt.FocusReason.OtherFocusReason)
