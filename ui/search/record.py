"""One resident's record: the current items, the household, the history, and the individual
number masked (shown in full only on the reveal button, for staff with number.view).

Esc goes back to the result list; F8 (the workspace's key) starts a move for this person.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.address import format_postal_code
from app.registry_api import Person, ResidentRecord
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.dates import format_date
from app.workflows.record import ResidentFile
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.search.results import sex_text
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import guard_against_copy
from ui.widgets.masked_number import MaskedNumberField
from ui.widgets.personal_model import PersonalTableModel

_RESIDENT_TYPES: Final = {
    "japanese": str(QT_TRANSLATE_NOOP("CounterRecord", "日本人住民")),
    "foreign": str(QT_TRANSLATE_NOOP("CounterRecord", "外国人住民")),
}


def _date_text(value: Any) -> str:
    if isinstance(value, str) and value:
        return format_date(date.fromisoformat(value))
    return ""


def _items(record: ResidentRecord) -> list[tuple[str, str]]:
    person, raw, info = record.record, record.record.raw, record.current
    resident_type = _RESIDENT_TYPES.get(person.resident_type, person.resident_type)
    rows = [
        (translate("CounterRecord", "生年月日"), format_date(person.birth_date)),
        (translate("CounterRecord", "性別"), sex_text(person.sex)),
        (translate("CounterRecord", "住民の種別"),
         translate("CounterRecord", resident_type)),
        (translate("CounterRecord", "住所"), person.address.full),
        (translate("CounterRecord", "郵便番号"), format_postal_code(person.address.postal_code)),
        (translate("CounterRecord", "世帯番号"), person.household_number or ""),
        (translate("CounterRecord", "続柄"), person.relationship),
        (translate("CounterRecord", "住民票コード"), record.resident_code),
        (translate("CounterRecord", "住民となった日"), _date_text(raw.get("became_resident_on"))),
        (translate("CounterRecord", "住所を定めた日"), _date_text(raw.get("address_set_on"))),
        (translate("CounterRecord", "前住所"), raw.get("previous_address") or ""),
        (translate("CounterRecord", "転出先"), raw.get("moved_out_to") or ""),
        (translate("CounterRecord", "本籍"), raw.get("honseki") or ""),
        (translate("CounterRecord", "筆頭者"), raw.get("hittosha") or ""),
        (translate("CounterRecord", "旧氏"), raw.get("old_surname") or ""),
        (translate("CounterRecord", "通称"), person.name.alias_name or ""),
        (translate("CounterRecord", "国籍・地域"), raw.get("nationality") or ""),
        (translate("CounterRecord", "在留資格"), raw.get("residence_status") or ""),
        (translate("CounterRecord", "在留期間の満了日"), _date_text(raw.get("residence_expiry"))),
        (translate("CounterRecord", "消除"), " ".join(filter(None, (
            _date_text(raw.get("removed_on")), person.removal_reason or "")))),
        (translate("CounterRecord", "最新の異動"), f"{info.change_reason}　{format_date(info.change_date)}"
         + (translate("CounterRecord", "（期間経過）") if info.late_notification else "")),
    ]
    return [(label, value) for label, value in rows if value]


HOUSEHOLD_ROWS_SHOWN = 4  # most households, without scrolling


def _table(model: PersonalTableModel, parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    guard_against_copy(view)
    return view


class RecordView(QWidget):
    back_requested = Signal()
    move_requested = Signal()
    certificate_requested = Signal()
    identity_requested = Signal()

    def __init__(self, registry: PersonalDataRegistry | None = None, *, can_reveal: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_view")
        self.heading = mark_personal(QLabel(self))
        self.heading.setObjectName("record_name")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.heading.setFont(font)
        self.kana = mark_personal(QLabel(self))
        self.stop = mark_personal(QLabel(self))
        self.stop.setStyleSheet(ERROR_STYLE)
        self.stop.hide()
        self.problem = mark_personal(QLabel(self))
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.items = QFormLayout()
        self.number = MaskedNumberField(registry, can_reveal=can_reveal, parent=self)
        self.number.setObjectName("record_number")
        self.members = PersonalTableModel([
            ("name", translate("CounterRecord", "氏名")),
            ("relationship", translate("CounterRecord", "続柄")),
            ("birth", translate("CounterRecord", "生年月日")),
            ("sex", translate("CounterRecord", "性別"))], registry, self)
        self.history = PersonalTableModel([
            ("version", translate("CounterRecord", "版")),
            ("reason", translate("CounterRecord", "異動事由")),
            ("date", translate("CounterRecord", "異動日")),
            ("notified", translate("CounterRecord", "届出日")),
            ("name", translate("CounterRecord", "氏名")),
            ("address", translate("CounterRecord", "住所"))], registry, self)
        self.members_view = _table(self.members, self, "record_household")
        self.history_view = _table(self.history, self, "record_history")
        # The household in one line per member, without row numbers: four fit beside the items
        # on a 1280×800 screen (rows were two lines high, and two members showed). The history
        # keeps its wrapped rows: a former address is read in full.
        members = self.members_view.verticalHeader()
        members.hide()
        members.setDefaultSectionSize(self.members_view.fontMetrics().height() + 6)
        header = self.members_view.horizontalHeader().sizeHint().height()
        self.members_view.setMinimumHeight(header + HOUSEHOLD_ROWS_SHOWN * members.defaultSectionSize() + 4)
        self.move_button = QPushButton(translate("CounterRecord", "この方の異動届 (F8)"), self)
        self.move_button.setObjectName("record_move")
        self.move_button.setEnabled(False)
        self.certificate_button = QPushButton(
            translate("CounterRecord", "この方の証明書 (Shift+F8)"), self)
        self.certificate_button.setObjectName("record_certificate")
        self.identity_button = QPushButton(translate("CounterRecord", "本人確認 (Shift+F6)"), self)
        self.identity_button.setObjectName("record_identity")
        self._actions = (self.move_button, self.certificate_button, self.identity_button)
        for button in self._actions:
            button.setEnabled(False)
        # The workspace shows the two buttons only where the person may use them.
        self.certificate_button.hide()
        self.identity_button.hide()
        buttons = QHBoxLayout()
        for button in self._actions:
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.kana)
        column.addWidget(self.stop)
        column.addWidget(self.problem)
        column.addLayout(self.items)
        number_row = QFormLayout()
        number_row.addRow(translate("CounterRecord", "個人番号"), self.number)
        column.addLayout(number_row)
        column.addWidget(QLabel(translate("CounterRecord", "世帯"), self))
        column.addWidget(self.members_view, 1)
        column.addWidget(QLabel(translate("CounterRecord", "履歴（古い順）"), self))
        column.addWidget(self.history_view, 1)
        column.addLayout(buttons)
        self.move_button.clicked.connect(self.move_requested)
        self.certificate_button.clicked.connect(self.certificate_requested)
        self.identity_button.clicked.connect(self.identity_requested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if registry is not None:
            registry.register(self, ClearPhase.VIEWS)

    def show_file(self, file: ResidentFile) -> None:
        record = file.record
        person = record.record
        self.heading.setText(person.name.full)
        self.kana.setText(person.name.kana)
        self.stop.setText(translate("CounterRecord", "処理停止（支援措置）: 本人以外への証明書の交付はできません。"))
        self.stop.setVisible(person.processing_stop)
        self.problem.clear()
        self._clear_items()
        for label, value in _items(record):
            text = mark_personal(QLabel(value, self))
            text.setWordWrap(True)
            self.items.addRow(label, text)
        self.number.set_masked(None)  # the last digits are not sent either: nothing of it shows
        members = file.household.members if file.household is not None else ()
        self.members.set_rows([{"name": m.person.name.full, "relationship": m.person.relationship,
                                "birth": format_date(m.person.birth_date),
                                "sex": sex_text(m.person.sex)} for m in members])
        self.history.set_rows([_history_row(e.info.version, e.info.change_reason,
                                            e.info.change_date, e.info.notified_on, e.record)
                               for e in file.history])
        self.move_button.setEnabled(record.status == "resident")
        self.certificate_button.setEnabled(True)  # a 除票 once removed
        self.identity_button.setEnabled(record.status == "resident")

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    def _clear_items(self) -> None:
        while self.items.rowCount():
            self.items.removeRow(0)

    def clear_personal_data(self) -> None:
        for label in (self.heading, self.kana, self.stop, self.problem):
            label.clear()
        self.stop.hide()
        self._clear_items()
        self.number.clear_personal_data()
        self.members.clear_personal_data()
        self.history.clear_personal_data()
        for button in self._actions:
            button.setEnabled(False)


def _history_row(version: int, reason: str, changed: Any, notified: Any,
                 person: Person) -> dict[str, str]:
    return {"version": str(version), "reason": reason, "date": format_date(changed),
            "notified": format_date(notified) if notified else "", "name": person.name.full,
            "address": person.address.full}
