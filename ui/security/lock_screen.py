"""The unlock page: only the same person's password unlocks; someone else ends the session.

It shows who is logged in (the staff member's name is not resident data) and nothing else of
the work behind it. The password leaves the widget once, in `unlock_requested`, and the field
is emptied at once; the shell runs the check at the registry off the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import translate
from ui.widgets.copy_guard import guard_against_copy


class LockScreen(QWidget):
    unlock_requested = Signal(str)  # the password, once
    switch_user_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self._title = QLabel(translate("LockScreen", "画面をロックしました"), self)
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self._title.setFont(font)
        self._who = QLabel(self)
        self._who.setObjectName("lock_staff")
        self._explain = QLabel(translate(
            "LockScreen", "個人情報は画面とメモリから消去されました。続けるにはパスワードを入力してください。"
        ), self)
        self._explain.setWordWrap(True)

        self.password = QLineEdit(self)
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("LockScreen", "パスワード"))
        guard_against_copy(self.password)
        self.unlock_button = QPushButton(translate("LockScreen", "ロック解除 (Enter)"), self)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(translate("LockScreen", "別の職員でログイン (F8)"), self)
        self.switch_button.setObjectName("switch_user_button")
        self.switch_button.setShortcut(QKeySequence(Qt.Key.Key_F8))
        self.error = QLabel(self)
        self.error.setObjectName("lock_error")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        form = QFormLayout()
        form.addRow(translate("LockScreen", "パスワード(&P)"), self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        for widget in (self._title, self._who, self._explain):
            column.addWidget(widget)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.error)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 2)
        outer.addStretch(1)
        form_label = form.labelForField(self.password)
        if isinstance(form_label, QLabel):
            form_label.setBuddy(self.password)

        self.setTabOrder(self.password, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.switch_button)
        self.password.returnPressed.connect(self._submit)
        self.unlock_button.clicked.connect(self._submit)
        self.switch_button.clicked.connect(self.switch_user_requested)

    def set_staff(self, staff_id: str, name: str) -> None:
        self._who.setText(
            translate("LockScreen", "ログイン中の職員: %1（%2）").replace("%1", name).replace("%2", staff_id)
        )

    def reset(self) -> None:
        self.password.setText("")
        self.error.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        self.password.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.setText(message)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_password(self) -> None:
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _submit(self) -> None:
        password = self.password.text()
        self.password.setText("")
        if not password:
            self.show_error(translate("LockScreen", "パスワードを入力してください。"))
            return
        self.error.clear()
        self.set_busy(True)
        self.unlock_requested.emit(password)
