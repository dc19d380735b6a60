"""The certificate order: kind, persons or household, items, the requester and their details,
copies. It only collects values (`values()` is the plain dict app.certificate_desk.order_from
reads); what may be printed is the registry's decision.

The restricted items (本籍・筆頭者, 個人番号, 住民票コード) are greyed out unless the requester
is the person or a member of the household: a hint at the counter, the registry enforces it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.certificate_desk import (
    ITEMS,
    KINDS,
    MAX_COPIES,
    OWN_HOUSEHOLD,
    PROFESSIONS,
    REQUESTER_TYPES,
    RESTRICTED_ITEMS,
)
from ui.certificates.labels import (
    ITEM_LABELS,
    KIND_LABELS,
    REFUSALS,
    REQUESTER_LABELS,
    label,
    problem_text,
)
from ui.i18n import translate

ERROR_STYLE = "color: #b00020;"


class CertificateOrderForm(QWidget):
    issue_requested = Signal()  # Enter in a field: the view decides whether it can issue now

    def __init__(self, parent: QWidget | None = None, *, number_view: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_order_form")
        self._number_view = number_view
        self.kind = QComboBox(self)
        for code in KINDS:
            self.kind.addItem(label(KIND_LABELS, code), code)
        self.persons = QLineEdit(self)
        self.persons.setPlaceholderText(translate("Certificates", "宛名番号（複数は空白で区切る）"))
        self.household = QLineEdit(self)
        self.household.setPlaceholderText(translate("Certificates", "世帯全員のときは世帯番号"))
        self.household.setMaxLength(10)
        self.move_id = QLineEdit(self)
        self.move_id.setPlaceholderText(translate("Certificates", "転出の異動届の番号"))
        self.copies = QSpinBox(self)
        self.copies.setRange(1, MAX_COPIES)
        self.items: dict[str, QCheckBox] = {}
        items_box = QGroupBox(translate("Certificates", "記載事項（指定がなければ本人・世帯は標準の項目）"), self)
        grid = QGridLayout(items_box)
        for index, code in enumerate(ITEMS):
            box = QCheckBox(label(ITEM_LABELS, code), items_box)
            box.setObjectName(f"item_{code}")
            self.items[code] = box
            grid.addWidget(box, index // 3, index % 3)

        self.requester_type = QComboBox(self)
        for code in REQUESTER_TYPES:
            self.requester_type.addItem(label(REQUESTER_LABELS, code), code)
        self.requester_person = QLineEdit(self)
        self.requester_person.setMaxLength(10)
        self.requester_name = QLineEdit(self)
        self.power_of_attorney = QCheckBox(translate("Certificates", "委任状を確認した"), self)
        self.interest = QLineEdit(self)
        self.interest.setMaxLength(200)
        self.office = QLineEdit(self)
        self.profession = QComboBox(self)
        self.profession.addItem("", "")
        for name in PROFESSIONS:
            self.profession.addItem(name, name)
        self.registration_number = QLineEdit(self)

        self._form = QFormLayout()
        # Who is asking comes first (it decides which items may be printed), then for whom and
        # what, as the clerk reads the request form.
        rows: list[tuple[str, str, QWidget]] = [
            ("requester.type", translate("Certificates", "請求者"), self.requester_type),
            ("requester.person_id", translate("Certificates", "請求者の宛名番号"), self.requester_person),
            ("requester.name", translate("Certificates", "請求者の氏名"), self.requester_name),
            ("requester.power_of_attorney", "", self.power_of_attorney),
            ("requester.interest", translate("Certificates", "請求の理由（利用目的）"), self.interest),
            ("requester.office", translate("Certificates", "請求機関"), self.office),
            ("requester.profession", translate("Certificates", "資格"), self.profession),
            ("requester.registration_number", translate("Certificates", "登録番号"), self.registration_number),
            ("kind", translate("Certificates", "証明書の種類"), self.kind),
            ("persons", translate("Certificates", "対象者（宛名番号）"), self.persons),
            ("household", translate("Certificates", "世帯番号"), self.household),
            ("move_id", translate("Certificates", "異動届の番号"), self.move_id),
            ("copies", translate("Certificates", "通数"), self.copies),
        ]
        self.fields: dict[str, QWidget] = {}
        for key, text, editor in rows:
            editor.setObjectName(f"order_{key.replace('.', '_')}")
            self.fields[key] = editor
            self._form.addRow(text, editor)
        self.problems = QLabel(self)
        self.problems.setObjectName("order_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._form)
        column.addWidget(items_box)
        column.addWidget(self.problems)
        column.addStretch(1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.requester_type.currentIndexChanged.connect(self._requester_changed)
        for edit in (self.persons, self.household, self.move_id, self.requester_person, self.requester_name,
                     self.interest, self.office, self.registration_number):
            edit.returnPressed.connect(self.issue_requested)
        self._kind_changed()
        self._requester_changed()
        self.setFocusProxy(self.requester_type)

    def values(self) -> dict[str, Any]:
        return {
            "kind": self.kind.currentData(),
            "persons": self.persons.text(),
            "household": self.household.text(),
            "move_id": self.move_id.text(),
            "copies": self.copies.value(),
            "items": [code for code, box in self.items.items() if box.isChecked() and box.isEnabled()],
            "requester": {
                "type": self.requester_type.currentData(),
                "person_id": self.requester_person.text().strip(),
                "name": self.requester_name.text(),
                "power_of_attorney": self.power_of_attorney.isChecked(),
                "interest": self.interest.text(),
                "office": self.office.text(),
                "profession": self.profession.currentData(),
                "registration_number": self.registration_number.text(),
            },
        }

    def set_target(self, *, persons: tuple[str, ...] = (), household: str | None = None,
                   kind: str | None = None) -> None:
        """Start an order for the persons (or the household) the counter has open."""
        self.persons.setText(" ".join(persons))
        self.household.setText(household or "")
        # Most often the person asks for their own: 本人 is chosen, and their number with it.
        self.requester_person.setText(persons[0] if len(persons) == 1 else "")
        if kind is not None and kind in KINDS:
            self.kind.setCurrentIndex(KINDS.index(kind))

    def show_problems(self, problems: Mapping[str, str]) -> None:
        for key, editor in self.fields.items():
            editor.setToolTip(problem_text(problems[key]) if key in problems else "")
            editor.setStyleSheet("border: 1px solid #b00020;" if key in problems else "")
        self.problems.setText("\n".join(dict.fromkeys(problem_text(code) for code in problems.values())))
        first = next((self.fields[k] for k in self.fields if k in problems), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_busy(self, busy: bool) -> None:
        for editor in self.fields.values():
            editor.setEnabled(not busy)

    def clear_personal_data(self) -> None:
        for edit in (self.persons, self.household, self.move_id, self.requester_person, self.requester_name,
                     self.interest, self.office, self.registration_number):
            edit.clear()
        self.power_of_attorney.setChecked(False)
        self.profession.setCurrentIndex(0)
        self.copies.setValue(1)
        for box in self.items.values():
            box.setChecked(False)
        self.show_problems({})
        self.problems.clear()

    @Slot()
    def _kind_changed(self) -> None:
        self._form.setRowVisible(self.move_id, self.kind.currentData() == "tenshutsu")

    @Slot()
    def _requester_changed(self) -> None:
        kind = self.requester_type.currentData()
        visible = {
            self.requester_person: kind in OWN_HOUSEHOLD,
            self.requester_name: kind in ("agent", "third_party", "professional"),
            self.power_of_attorney: kind == "agent",
            self.interest: kind == "third_party",
            self.office: kind == "official",
            self.profession: kind == "professional",
            self.registration_number: kind == "professional",
        }
        for editor, shown in visible.items():
            self._form.setRowVisible(editor, shown)
        for code in RESTRICTED_ITEMS:
            allowed = kind in OWN_HOUSEHOLD
            reason = "" if allowed else label(REFUSALS, "item_not_allowed")
            if code == "individual_number" and not self._number_view:
                allowed, reason = False, label(REFUSALS, "number_view_required")
            self.items[code].setEnabled(allowed)
            self.items[code].setToolTip(reason)
