"""One person's items on a notice, in paper-form order, each with its error beside it; and the
editor factory the notice form shares (one widget per kind of input)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.workflows.move_form import FieldSpec, Input
from ui.counter.inputs import (
    ERROR_STYLE,
    WARNING_STYLE,
    ChoicePicker,
    DateEdit,
    FieldRow,
    KanaEdit,
    RelationshipPicker,
    editor_value,
    focus_chain,
    set_editor_value,
    sex_choices,
)
from ui.i18n import translate
from ui.moves.edits import clear_on_edit
from ui.moves.labels import ARTICLE_30_45, RESIDENT_TYPES, field_label
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import SensitiveLineEdit


def make_editor(field: FieldSpec, parent: QWidget) -> QWidget:
    kind = field.input
    editor: QWidget
    if kind is Input.DATE:
        editor = DateEdit("S" if field.key == "birth_date" else "R", parent)
    elif kind is Input.KANA:
        editor = KanaEdit(parent)
    elif kind is Input.SEX:
        editor = ChoicePicker(sex_choices(translate("MoveForm", "（選択）")), parent)
    elif kind is Input.RESIDENT_TYPE:
        editor = ChoicePicker([(code, translate("MoveForm", name)) for code, name in RESIDENT_TYPES],
                              parent)
    elif kind is Input.ARTICLE_30_45:
        editor = ChoicePicker([("", translate("MoveForm", "（選択）")),
                               *((v, translate("MoveForm", v)) for v in ARTICLE_30_45)], parent)
    elif kind is Input.RELATIONSHIP:
        editor = RelationshipPicker(parent)
    elif kind in (Input.RESIDENT_CODE, Input.INDIVIDUAL_NUMBER):
        sensitive = SensitiveLineEdit(parent)
        if kind is Input.INDIVIDUAL_NUMBER:
            sensitive.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        editor = sensitive
    else:
        line = QLineEdit(parent)
        if field.max_length:
            line.setMaxLength(field.max_length)
        editor = line
    editor.setObjectName(f"field_{field.key}")
    editor.setAccessibleName(field_label(field.label))
    return editor


def row_label(field: FieldSpec) -> str:
    text = field_label(field.label)
    return f"{text} *" if field.required else text


class PersonEditor(QGroupBox):
    """The items of one person; `fields` are the kind's person items this editor shows."""

    remove_requested = Signal(object)

    def __init__(self, fields: Sequence[FieldSpec], *, removable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person_editor")
        self.rows: dict[str, FieldRow] = {}
        self._extra: dict[str, Any] = {}
        # Messages about the person as a whole (persons[i]), e.g. a possible duplicate.
        self.error = mark_personal(QLabel(self))
        self.error.setObjectName("person_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.warning = mark_personal(QLabel(self))
        self.warning.setObjectName("person_warning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.warning.hide()
        form = QFormLayout()
        for field in fields:
            row = FieldRow(make_editor(field, self), self)
            self.rows[field.key] = row
            form.addRow(row_label(field), row)
            clear_on_edit(row)
        column = QVBoxLayout(self)
        column.addWidget(self.error)
        column.addWidget(self.warning)
        self.extra_box = QVBoxLayout()  # what a kind's form adds (カードから入力)
        column.addLayout(self.extra_box)
        self._extra_focus: list[QWidget] = []
        # What the card said, for the clerk to compare (items the form may have no place for).
        self.card_items = mark_personal(QLabel(self))
        self.card_items.setObjectName("person_card_items")
        self.card_items.setWordWrap(True)
        self.card_items.hide()
        column.addWidget(self.card_items)
        column.addLayout(form)
        self.remove_button: QPushButton | None = None
        if removable:
            self.remove_button = QPushButton(translate("MoveForm", "この方を削除"), self)
            self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
            column.addWidget(self.remove_button)

    def first_widget(self) -> QWidget | None:
        """The first item (not the extras above the items)."""
        chain = [w for row in self.rows.values() for w in focus_chain(row)]
        return chain[0] if chain else None

    def add_extra(self, widget: QWidget) -> None:
        """A widget above the items (and first in Tab order), e.g. カードから入力."""
        self.extra_box.addWidget(widget)
        self._extra_focus += focus_chain(widget)

    def show_card_items(self, items: Sequence[tuple[str, str]]) -> None:
        text = "\n".join(f"{translate('MoveCard', label)}: {value}" for label, value in items)
        if text:
            text = translate("MoveCard", "カードの記載") + "\n" + text
        self.card_items.setText(text)
        self.card_items.setVisible(bool(text))

    def focus_chain(self) -> list[QWidget]:
        chain = [*self._extra_focus, *(w for row in self.rows.values() for w in focus_chain(row))]
        return chain + ([self.remove_button] if self.remove_button is not None else [])

    def value(self) -> dict[str, Any]:
        out = dict(self._extra)
        for key, row in self.rows.items():
            out[key] = editor_value(row.editor)
        return out

    def set_value(self, value: Mapping[str, Any]) -> None:
        # Items this editor does not show (the 宛名番号 of a picked person) travel along.
        self._extra = {k: v for k, v in value.items() if k not in self.rows}
        for key, row in self.rows.items():
            set_editor_value(row.editor, value.get(key))

    def show_errors(self, errors: Mapping[str, str], prefix: str) -> list[str]:
        """Show the errors under `prefix` (persons[i]); returns the paths it placed."""
        return self._show(errors, prefix, self.error, lambda row, text: row.show_error(text))

    def show_warnings(self, warnings: Mapping[str, str], prefix: str) -> list[str]:
        return self._show(warnings, prefix, self.warning, lambda row, text: row.show_warning(text))

    def _show(self, messages: Mapping[str, str], prefix: str, whole_label: QLabel,
              show: Callable[[Any, str | None], None]) -> list[str]:
        placed = []
        for key, row in self.rows.items():
            message = messages.get(f"{prefix}.{key}")
            show(row, message)
            if message:
                placed.append(f"{prefix}.{key}")
        whole = messages.get(prefix)
        whole_label.setText(whole or "")
        whole_label.setVisible(bool(whole))
        if whole:
            placed.append(prefix)
        return placed

    def clear_personal_data(self) -> None:
        self._extra = {}
        self.setTitle("")
        for row in self.rows.values():
            editor = row.editor
            clear = getattr(editor, "clear_personal_data", None)
            if callable(clear):
                clear()
            elif isinstance(editor, QLineEdit):
                editor.setText("")
            row.show_error(None)
            row.show_warning(None)
        for label in (self.error, self.warning, self.card_items):
            label.clear()
            label.hide()
        for i in range(self.extra_box.count()):
            item = self.extra_box.itemAt(i)
            clear = getattr(item.widget() if item is not None else None, "clear_personal_data", None)
            if callable(clear):
                clear()
