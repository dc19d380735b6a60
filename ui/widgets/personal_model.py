"""A table model of resident rows that empties itself when the session locks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.session.personal_data import ClearPhase, PersonalDataRegistry

_Index = QModelIndex | QPersistentModelIndex


class PersonalTableModel(QAbstractTableModel):
    """Rows are mappings; `columns` are (key, header) pairs with translated headers.

    Registered in phase MODELS: on lock the rows are swapped for an empty list inside a model
    reset, so views drop their cached indexes and the row objects lose their last reference.
    """

    def __init__(
        self,
        columns: Sequence[tuple[str, str]],
        registry: PersonalDataRegistry | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Mapping[str, Any]] = []
        if registry is not None:
            registry.register(self, ClearPhase.MODELS)

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Mapping[str, Any]:
        return self._rows[index]

    def clear_personal_data(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self._rows[index.row()].get(self._columns[index.column()][0])
        return None if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][1]
        return None
