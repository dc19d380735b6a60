"""A read-only table of resident rows: whole rows selected, no editing, Tab leaves it, columns
as wide as their contents, and nothing copied out of it (ui/widgets/copy_guard.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.widgets.copy_guard import guard_against_copy
from ui.widgets.personal_model import PersonalTableModel


def record_table(model: PersonalTableModel, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    guard_against_copy(view)
    return view
