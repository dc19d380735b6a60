"""The field the card holder types a PIN (or 照合番号B's security code) into.

API (stable: the identity check and the card desk use it):

    entry = PinEntry(length=4, personal_data=registry, parent=widget)
    entry.set_tries_left(3)        # shown beside the field before the holder types ("残り3回")
    entry.set_tries_left(None)     # unknown (nothing shown)
    entry.set_blocked()            # the PIN is locked: the field is disabled and says so
    entry.submitted.connect(...)   # () Enter with all digits typed
    entry.completed.connect(...)   # () the last digit typed
    entry.is_complete() -> bool
    pin = entry.take()             # bytearray of the digits; the field is emptied at once
    entry.field                    # the QLineEdit itself (focus, tests)

The field is masked (password echo), takes digits only, exactly `length` of them, and offers
no copy, cut, paste, drag, drop, context menu or undo. `take()` is the only way the digits
leave it; the caller passes the bytearray to the card code, which wipes it after VERIFY.
A lock empties the field (it registers with the PersonalDataRegistry when given one).
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.session.personal_data import ClearPhase, PersonalDataRegistry
from ui.i18n import translate
from ui.widgets.copy_guard import guard_against_copy

PIN_LENGTH: Final = 4
_T = QEvent.Type
_REFUSED_KEYS: Final = (
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.SelectAll,
)
WARNING_STYLE: Final = "color: #b00020; font-weight: bold;"


class _PasteGuard(QObject):
    """Refuses paste (keys and the middle button of X11's selection) and undo/redo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (_T.KeyPress, _T.ShortcutOverride) and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in _REFUSED_KEYS):
                if kind == _T.ShortcutOverride:
                    event.accept()
                return True
            if event.key() == Qt.Key.Key_Insert and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                return True
        if kind in (_T.MouseButtonPress, _T.MouseButtonRelease) and \
                getattr(event, "button", lambda: None)() == Qt.MouseButton.MiddleButton:
            return True
        return False


class PinEntry(QWidget):
    submitted = Signal()
    completed = Signal()

    def __init__(
        self,
        length: int = PIN_LENGTH,
        *,
        personal_data: PersonalDataRegistry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.length = length
        self.field = QLineEdit(self)
        self.field.setObjectName("pin_field")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(length)
        self.field.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{length}}}"), self.field)
        )
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhHiddenText
        )
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setAccessibleName(translate("CardPin", "暗証番号"))
        guard_against_copy(self.field)  # copy, cut, drag, drop, context menu
        self._paste_guard = _PasteGuard(self.field)
        self.field.installEventFilter(self._paste_guard)
        self.tries = QLabel(self)
        self.tries.setObjectName("pin_tries")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field)
        row.addWidget(self.tries, 1)
        self.setFocusProxy(self.field)
        self.field.returnPressed.connect(self._on_return)
        self.field.textChanged.connect(self._on_changed)
        if personal_data is not None:
            personal_data.register(self, ClearPhase.VIEWS)

    def is_complete(self) -> bool:
        return len(self.field.text()) == self.length

    def take(self) -> bytearray:
        """The digits typed, as a bytearray for the card code to wipe; the field is emptied."""
        digits = bytearray(self.field.text().encode("ascii"))
        self.field.setText("")  # also drops the undo history
        return digits

    def set_tries_left(self, tries: int | None) -> None:
        self.field.setEnabled(True)
        if tries is None:
            self.tries.setText("")
            self.tries.setStyleSheet("")
            return
        if tries == 1:  # said before the last try, not after it
            self.tries.setText(translate("CardPin", "残り1回（次に間違えるとロックされ、窓口での再設定が必要です）"))
        else:
            self.tries.setText(translate("CardPin", "残り%1回").replace("%1", str(tries)))
        self.tries.setStyleSheet(WARNING_STYLE if tries <= 1 else "")

    def set_blocked(self) -> None:
        self.field.setText("")
        self.field.setEnabled(False)
        self.tries.setText(translate("CardPin", "ロックされています"))
        self.tries.setStyleSheet(WARNING_STYLE)

    def clear(self) -> None:
        self.field.setText("")

    def clear_personal_data(self) -> None:
        self.field.setText("")
        self.tries.setText("")
        self.tries.setStyleSheet("")
        self.field.setEnabled(True)

    def _on_return(self) -> None:
        if self.is_complete():
            self.submitted.emit()

    def _on_changed(self, text: str) -> None:
        if len(text) == self.length:
            self.completed.emit()
