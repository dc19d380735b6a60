"""The result list: enough to pick the right person, never an individual number (seed l.892).

Up/Down move, Enter opens the record, Esc goes back to the form; more results come with the
button under the list (Ctrl+PgDown).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.registry_api import ResidentSummary
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.dates import format_date
from ui.i18n import translate
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import guard_against_copy
from ui.widgets.personal_model import PersonalTableModel

# 状態 beside the name, so that a 消除 is never scrolled out of sight; the address, the longest,
# last, where the table stretches it.
COLUMNS: Final = ("name", "status", "kana", "birth", "sex", "relationship", "address")


def sex_text(code: str) -> str:
    return {"1": translate("CounterInput", "男"), "2": translate("CounterInput", "女")}.get(code, code)


def row_of(summary: ResidentSummary) -> dict[str, str]:
    person = summary.person
    status = translate("CounterSearch", "住民") if summary.status == "resident" else \
        translate("CounterSearch", "消除")
    return {
        "id": summary.id, "name": person.name.full, "kana": person.name.kana,
        "birth": format_date(person.birth_date), "sex": sex_text(person.sex),
        "address": person.address.full, "relationship": person.relationship, "status": status,
    }


class ResultsView(QWidget):
    open_requested = Signal(str)
    more_requested = Signal()
    back_requested = Signal()

    def __init__(self, registry: PersonalDataRegistry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headers = (translate("CounterSearch", "氏名"), translate("CounterSearch", "状態"),
                   translate("CounterSearch", "フリガナ"), translate("CounterSearch", "生年月日"),
                   translate("CounterSearch", "性別"), translate("CounterSearch", "続柄"),
                   translate("CounterSearch", "住所"))
        self.model = PersonalTableModel(list(zip(COLUMNS, headers, strict=True)), registry, self)
        self.table = QTableView(self)
        self.table.setObjectName("search_results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(translate("CounterSearch", "検索結果"))
        guard_against_copy(self.table)
        self.count = mark_personal(QLabel(self))
        self.count.setObjectName("search_count")
        self.more_button = QPushButton(translate("CounterSearch", "さらに表示 (Ctrl+PgDown)"), self)
        self.more_button.setObjectName("search_more")
        self.more_button.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.count)
        column.addWidget(self.table, 1)
        column.addWidget(self.more_button)
        self.table.activated.connect(self._activated)
        self.more_button.clicked.connect(self.more_requested)
        more = QShortcut(QKeySequence("Ctrl+PgDown"), self.table)
        more.setContext(Qt.ShortcutContext.WidgetShortcut)
        more.activated.connect(self._more_by_key)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.table)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self.back_requested)
        self.setFocusProxy(self.table)
        if registry is not None:
            registry.register(self, ClearPhase.VIEWS)

    def show_results(self, results: Sequence[ResidentSummary], has_more: bool,
                     keep_row: bool = False) -> None:
        row = self.table.currentIndex().row() if keep_row else 0
        self.model.set_rows([row_of(r) for r in results])
        if results and has_more:  # the registry does not count them all: say so
            self.count.setText(translate("CounterSearch", "該当 %1 件以上（続きは「さらに表示」）")
                               .replace("%1", str(len(results))))
        elif results:
            self.count.setText(translate("CounterSearch", "該当 %1 件").replace("%1", str(len(results))))
        else:
            self.count.setText(translate("CounterSearch", "該当する住民はいません。"))
        self.more_button.setVisible(has_more)
        if results:
            self.table.selectRow(min(max(row, 0), len(results) - 1))

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.model.row(index.row())["id"]) if index.isValid() else None

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(str(self.model.row(index.row())["id"]))

    @Slot()
    def _more_by_key(self) -> None:
        if self.more_button.isVisible():
            self.more_requested.emit()

    def clear_personal_data(self) -> None:
        self.model.clear_personal_data()
        self.count.clear()
        self.more_button.hide()
