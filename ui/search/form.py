"""The search form: name (kanji or kana), birth date with its era, address, sex, 住民票コード.

While the clerk types, a line under the form says how far the identity-search rule is met
(two of name, birth date and address, or a 住民票コード alone), so the registry never has to
refuse a search for being too broad. Enter in any field searches.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.errors import FORM
from app.workflows.search import RuleStatus, rule_status
from ui.counter.inputs import ERROR_STYLE, ChoicePicker, DateEdit, FieldRow, sex_choices
from ui.i18n import translate
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import SensitiveLineEdit


def rule_text(status: RuleStatus) -> str:
    if status.by_code:
        return translate("CounterSearch", "住民票コードで検索します。")
    if status.satisfied:
        return translate("CounterSearch", "検索できます（Enter）。")
    if status.missing == 2:
        return translate("CounterSearch", "氏名・生年月日・住所のうち二つ以上を入力してください。")
    return translate("CounterSearch", "あと一つ、氏名・生年月日・住所のいずれかを入力してください（性別は数えません）。")


class SearchFormView(QWidget):
    search_requested = Signal(dict)

    def __init__(self, registry: PersonalDataRegistry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_form")
        self.name = QLineEdit(self)
        self.name.setObjectName("search_name")
        self.name.setPlaceholderText(translate("CounterSearch", "漢字またはかな（前方一致）"))
        self.birth = DateEdit("S", self)
        self.birth.setObjectName("search_birth")
        self.address = QLineEdit(self)
        self.address.setObjectName("search_address")
        self.address.setPlaceholderText(translate("CounterSearch", "町名から（例: 池田）"))
        self.sex = ChoicePicker(sex_choices(translate("CounterSearch", "指定なし")), self)
        self.resident_code = SensitiveLineEdit(self)
        self.resident_code.setObjectName("search_resident_code")
        self.resident_code.setMaxLength(13)
        self.rows = {
            "name": FieldRow(self.name, self), "birth_date": FieldRow(self.birth, self),
            "address": FieldRow(self.address, self), "sex": FieldRow(self.sex, self),
            "resident_code": FieldRow(self.resident_code, self),
        }
        self.rule = QLabel(self)
        self.rule.setObjectName("search_rule")
        self.rule.setWordWrap(True)
        self.error = mark_personal(QLabel(self))
        self.error.setObjectName("search_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.search_button = QPushButton(translate("CounterSearch", "検索 (Enter)"), self)
        self.search_button.setObjectName("search_button")
        self.clear_button = QPushButton(translate("CounterSearch", "条件をクリア"), self)

        form = QFormLayout()
        for key, text in (("name", translate("CounterSearch", "氏名(&N)")),
                          ("birth_date", translate("CounterSearch", "生年月日(&B)")),
                          ("address", translate("CounterSearch", "住所(&A)")),
                          ("sex", translate("CounterSearch", "性別(&S)")),
                          ("resident_code", translate("CounterSearch", "住民票コード(&C)"))):
            form.addRow(text, self.rows[key])
            label = form.labelForField(self.rows[key])
            if isinstance(label, QLabel):
                label.setBuddy(self.rows[key].editor)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.rule)
        column.addWidget(self.error)
        column.addWidget(self.search_button)
        column.addWidget(self.clear_button)
        for a, b in ((self.name, self.birth.text_edit), (self.birth.text_edit, self.address),
                     (self.address, self.sex), (self.sex, self.resident_code),
                     (self.resident_code, self.search_button)):
            self.setTabOrder(a, b)
        self.setTabOrder(self.search_button, self.clear_button)

        for edit in (self.name, self.birth.text_edit, self.address, self.resident_code):
            edit.returnPressed.connect(self.submit)
            edit.textChanged.connect(self._update_rule)
        self.birth.era.currentIndexChanged.connect(self._update_rule)
        self.search_button.clicked.connect(self.submit)
        self.clear_button.clicked.connect(self.clear_personal_data)
        self.setFocusProxy(self.name)
        self._update_rule()
        if registry is not None:
            registry.register(self, ClearPhase.VIEWS)

    def values(self) -> dict[str, str]:
        birth = self.birth.value()
        return {"name": self.name.text(), "birth_date": birth["text"], "birth_era": birth["era"],
                "address": self.address.text(), "sex": self.sex.value(),
                "resident_code": self.resident_code.text()}

    def set_values(self, values: Mapping[str, str]) -> None:
        self.name.setText(values.get("name", ""))
        self.birth.set_value({"text": values.get("birth_date", ""), "era": values.get("birth_era")})
        self.address.setText(values.get("address", ""))
        self.sex.set_value(values.get("sex", ""))
        self.resident_code.setText(values.get("resident_code", ""))

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for key, row in self.rows.items():
            row.show_error(errors.get(key))
        self.error.setText(errors.get(FORM, ""))
        if errors:
            first = next((row for key, row in self.rows.items() if key in errors), None)
            target = first.editor if first is not None else self.name
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, message: str) -> None:
        self.error.setText(message)

    def set_busy(self, busy: bool) -> None:
        self.search_button.setEnabled(not busy)

    @Slot()
    def submit(self) -> None:
        self.search_requested.emit(self.values())

    @Slot()
    def _update_rule(self) -> None:
        status = rule_status(self.values())
        self.rule.setText(rule_text(status))
        self.rule.setStyleSheet("" if status.satisfied else "color: #555555;")

    def clear_personal_data(self) -> None:
        for edit in (self.name, self.address, self.resident_code):
            edit.setText("")
        self.birth.clear_personal_data()
        self.sex.clear_personal_data()
        self.show_errors({})
        self.error.clear()
