"""The comparison of the card with the register in the identity check's card step:
項目 / カード / 住民票 / 照合, one row per item, a mismatch in red and saying 不一致."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.card_match import CardComparison
from ui.i18n import translate
from ui.identity.labels import FIELD_NAMES
from ui.widgets.copy_guard import guard_against_copy

MISMATCH_BACKGROUND: Final = QColor("#ffd6d6")
MISMATCH_FOREGROUND: Final = QColor("#b00020")
MATCH_FOREGROUND: Final = QColor("#1b5e20")


class ComparisonTable(QTableWidget):
    """項目 / カード / 住民票 / 照合: one row per item, a mismatch in red and saying so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("comparison_table")
        self.setHorizontalHeaderLabels([
            translate("IdentityPage", "項目"), translate("IdentityPage", "カード"),
            translate("IdentityPage", "住民票"), translate("IdentityPage", "照合"),
        ])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        guard_against_copy(self)

    def show_comparison(self, comparison: CardComparison | None) -> None:
        self.setRowCount(0)
        if comparison is None:
            return
        self.setRowCount(len(comparison.fields))
        for row, item in enumerate(comparison.fields):
            verdict = (translate("IdentityPage", "一致") if item.matches
                       else translate("IdentityPage", "不一致"))
            source = FIELD_NAMES.get(item.field, item.label)
            label = translate("IdentityPage", source)
            cells = (label, item.card_value, item.register_value, verdict)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if not item.matches:
                    cell.setBackground(QBrush(MISMATCH_BACKGROUND))
                    cell.setForeground(QBrush(MISMATCH_FOREGROUND))
                elif column == 3:
                    cell.setForeground(QBrush(MATCH_FOREGROUND))
                self.setItem(row, column, cell)

    def mismatched_rows(self) -> list[int]:
        return [row for row in range(self.rowCount())
                if (cell := self.item(row, 3)) is not None
                and cell.text() == translate("IdentityPage", "不一致")]

    def clear_personal_data(self) -> None:
        self.setRowCount(0)
