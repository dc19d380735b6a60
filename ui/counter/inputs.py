"""Input widgets the counter forms share: era date entry, kana with width folding, the 続柄
picker, fixed choices, and a field row that shows its error beside the input.

Every widget here can hold resident data and empties itself in clear_personal_data(); the
shell's WidgetTreeClearer would empty the line edits anyway, but a widget that knows how to
forget is correct also outside the main window (a dialog, a test).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QStringListModel, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.kana import is_kana, to_katakana
from app.workflows.dates import ERA_CHOICES, date_input, format_date, parse_date_input
from app.workflows.move_form import RELATIONSHIP_CHOICES
from ui.i18n import translate
from ui.security.holders import mark_personal

ERROR_STYLE = "color: #b00020;"
DONE_STYLE = "color: #1b5e20;"
# The era names of ERA_CHOICES, for pyside6-lupdate (they are looked up by value below).
_ERA_NAMES = (
    str(QT_TRANSLATE_NOOP("CounterInput", "令和")), str(QT_TRANSLATE_NOOP("CounterInput", "平成")),
    str(QT_TRANSLATE_NOOP("CounterInput", "昭和")), str(QT_TRANSLATE_NOOP("CounterInput", "大正")),
    str(QT_TRANSLATE_NOOP("CounterInput", "明治")), str(QT_TRANSLATE_NOOP("CounterInput", "西暦")),
)
WARNING_STYLE = "color: #8a5a00;"


class DateEdit(QWidget):
    """A date as typed (R7.2.13, 令和7年2月13日, 7.2.13 with the era beside it, 2025-02-13),
    with the date it reads as shown underneath. PageUp/PageDown change the era from the
    keyboard; the era box itself is skipped by Tab."""

    def __init__(self, default_era: str = "R", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(translate("CounterInput", "例: R7.2.13"))
        self.era = QComboBox(self)
        for letter, name in ERA_CHOICES:
            self.era.addItem(translate("CounterInput", name), letter)
        self.era.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._default_era = default_era
        self.set_era(default_era)
        self.reading = mark_personal(QLabel(self))
        self.reading.setObjectName("date_reading")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text_edit, 1)
        row.addWidget(self.era)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(row)
        column.addWidget(self.reading)
        self.setFocusProxy(self.text_edit)
        self.text_edit.textChanged.connect(self._update_reading)
        self.era.currentIndexChanged.connect(self._update_reading)
        self.text_edit.installEventFilter(self)

    def set_era(self, letter: str) -> None:
        index = self.era.findData(letter)
        self.era.setCurrentIndex(max(0, index))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_edit and event.type() == QEvent.Type.KeyPress and \
                isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            step = -1 if event.key() == Qt.Key.Key_PageUp else 1
            self.era.setCurrentIndex((self.era.currentIndex() + step) % self.era.count())
            return True
        return False

    def value(self) -> dict[str, str]:
        return {"text": self.text_edit.text(), "era": str(self.era.currentData())}

    def set_value(self, value: Any) -> None:
        text, era = date_input(value)
        self.text_edit.setText(text)
        if era:
            self.set_era(era)

    @Slot()
    def _update_reading(self) -> None:
        text = self.text_edit.text()
        if not text.strip():
            self.reading.clear()
            return
        try:
            parsed = parse_date_input(text, str(self.era.currentData()))
        except DomainError:
            self.reading.setText(translate("CounterInput", "（日付として読めません）"))
            return
        self.reading.setText(f"{format_date(parsed)}（{parsed.isoformat()}）")

    def clear_personal_data(self) -> None:
        self.text_edit.setText("")
        self.set_era(self._default_era)
        self.reading.clear()


class KanaEdit(QLineEdit):
    """Kana as the clerk types it (hiragana, half-width); folded to full-width katakana when
    the field is left, so what is checked and sent is what the clerk sees."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self.fold)

    @Slot()
    def fold(self) -> None:
        text = self.text()
        if text.strip() and is_kana(text):
            folded = to_katakana(text)
            if folded != text:
                self.setText(folded)


class RelationshipPicker(QComboBox):
    """続柄 from app/domain's list, the common ones first; typing narrows the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems(list(RELATIONSHIP_CHOICES))
        completer = QCompleter(QStringListModel(list(RELATIONSHIP_CHOICES), self), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.set_value("")

    def value(self) -> str:
        return self.currentText().strip()

    def set_value(self, value: str) -> None:
        index = self.findText(value) if value else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText(value)

    def clear_personal_data(self) -> None:
        self.set_value("")


class ChoicePicker(QComboBox):
    """One of fixed codes, shown by their translated names; the first entry may be blank."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, text in choices:
            self.addItem(text, code)

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, value: str) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))

    def clear_personal_data(self) -> None:
        self.setCurrentIndex(0)


def sex_choices(blank: str) -> list[tuple[str, str]]:
    return [("", blank), ("1", translate("CounterInput", "男")), ("2", translate("CounterInput", "女"))]


class FieldRow(QWidget):
    """An input with the error and warning that belong to it, right underneath."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = mark_personal(QLabel(self))
        self.error.setObjectName("field_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.warning = mark_personal(QLabel(self))
        self.warning.setObjectName("field_warning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(editor)
        column.addWidget(self.error)
        column.addWidget(self.warning)
        self.setFocusProxy(editor)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def show_warning(self, message: str | None) -> None:
        self.warning.setText(message or "")
        self.warning.setVisible(bool(message))


def focus_chain(widget: QWidget) -> list[QWidget]:
    """The widgets Tab stops at inside `widget`, in order (composite inputs name their own)."""
    own = getattr(widget, "focus_chain", None)
    if callable(own):
        return list(own())
    if isinstance(widget, FieldRow):
        return focus_chain(widget.editor)
    if isinstance(widget, DateEdit):
        return [widget.text_edit]
    return [widget]


def set_tab_chain(widgets: Sequence[QWidget]) -> None:
    chain = [w for widget in widgets for w in focus_chain(widget)]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


def editor_value(editor: QWidget) -> Any:
    if isinstance(editor, DateEdit | RelationshipPicker | ChoicePicker):
        return editor.value()
    if isinstance(editor, QLineEdit):
        return editor.text()
    value = getattr(editor, "value", None)
    return value() if callable(value) else None


def set_editor_value(editor: QWidget, value: Any) -> None:
    if isinstance(editor, DateEdit):
        editor.set_value(value)
    elif isinstance(editor, RelationshipPicker | ChoicePicker):
        editor.set_value("" if value is None else str(value))
    elif isinstance(editor, QLineEdit):
        editor.setText("" if value is None or isinstance(value, Mapping) else str(value))
    else:
        setter = getattr(editor, "set_value", None)
        if callable(setter):
            setter(value)
