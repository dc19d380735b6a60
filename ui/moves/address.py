"""The new address of a notice: postal code → town (the city's 町丁目), a town picker that
finds towns by name or kana, 番地・号 and 方書; and the household the persons go to.

Typing a postal code fills the town when the code names one town, and offers the towns when it
names several (pick with the arrow keys). Picking a town fills its postal code.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Slot
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from app.domain.address import format_postal_code
from app.registry_api import Town
from app.workflows.towns import TownIndex, normalise_postal_code
from ui.counter.inputs import ChoicePicker, FieldRow
from ui.i18n import translate
from ui.moves.labels import mode_title


def town_text(town: Town) -> str:
    return f"{town.name}（{format_postal_code(town.postal_code)}）"


class AddressInput(QWidget):
    """Value: {"postal_code", "town_code", "address_detail", "building"} as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = TownIndex(())
        self._town: Town | None = None
        self._shown: dict[str, Town] = {}
        self.postal = QLineEdit(self)
        self.postal.setObjectName("address_postal")
        self.postal.setPlaceholderText(translate("MoveForm", "例: 572-0001"))
        self.postal.setMaxLength(10)
        self.town = QLineEdit(self)
        self.town.setObjectName("address_town")
        self.town.setPlaceholderText(translate("MoveForm", "町名または読みで探す"))
        self._matches = QStringListModel(self)
        self.completer = QCompleter(self._matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.town.setCompleter(self.completer)
        self.detail = QLineEdit(self)
        self.detail.setObjectName("address_detail")
        self.building = QLineEdit(self)
        self.building.setObjectName("address_building")
        self.rows = {
            "address.postal_code": FieldRow(self.postal, self),
            "address.town_code": FieldRow(self.town, self),
            "address.address_detail": FieldRow(self.detail, self),
            "address.building": FieldRow(self.building, self),
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(translate("MoveField", "郵便番号"), self.rows["address.postal_code"])
        form.addRow(translate("MoveField", "町丁目"), self.rows["address.town_code"])
        form.addRow(translate("MoveField", "番地・号"), self.rows["address.address_detail"])
        form.addRow(translate("MoveField", "方書"), self.rows["address.building"])
        self.setTabOrder(self.postal, self.town)
        self.setTabOrder(self.town, self.detail)
        self.setTabOrder(self.detail, self.building)
        self.setFocusProxy(self.postal)
        self.postal.textEdited.connect(self._postal_edited)
        self.town.textEdited.connect(self._town_edited)
        self.completer.activated[str].connect(self._town_chosen)  # type: ignore[index]

    def focus_chain(self) -> list[QWidget]:
        return [self.postal, self.town, self.detail, self.building]

    def set_towns(self, index: TownIndex) -> None:
        self._index = index
        if self._town is None and self.postal.text():
            self._postal_edited(self.postal.text())

    def town_choice(self) -> Town | None:
        return self._town

    def _offer(self, towns: list[Town]) -> None:
        self._shown = {town_text(t): t for t in towns}
        self._matches.setStringList(list(self._shown))

    def _choose(self, town: Town) -> None:
        self._town = town
        self.town.setText(town.name)
        if normalise_postal_code(self.postal.text()) != town.postal_code:
            self.postal.setText(f"{town.postal_code[:3]}-{town.postal_code[3:]}")

    @Slot(str)
    def _postal_edited(self, text: str) -> None:
        towns = self._index.by_postal_code(text)
        if self._town is not None and self._town in towns:
            return
        if len(towns) == 1:
            self._choose(towns[0])
        elif towns:
            self._town = None
            self.town.clear()
            self._offer(towns)
            if self.postal.hasFocus():
                self.town.setFocus(Qt.FocusReason.OtherFocusReason)
                self.completer.complete()

    @Slot(str)
    def _town_edited(self, text: str) -> None:
        self._town = None
        self._offer(self._index.search(text))

    @Slot(str)
    def _town_chosen(self, text: str) -> None:
        town = self._shown.get(text)
        if town is not None:
            self._choose(town)

    def value(self) -> dict[str, str]:
        return {"postal_code": self.postal.text(),
                "town_code": self._town.code if self._town is not None else "",
                "address_detail": self.detail.text(), "building": self.building.text()}

    def set_value(self, value: Any) -> None:
        raw = value if isinstance(value, dict) else {}
        self.postal.setText(str(raw.get("postal_code") or ""))
        town = self._index.get(str(raw.get("town_code") or ""))
        self._town = town
        self.town.setText(town.name if town is not None else "")
        self.detail.setText(str(raw.get("address_detail") or ""))
        self.building.setText(str(raw.get("building") or ""))

    def show_errors(self, errors: dict[str, str]) -> None:
        for path, row in self.rows.items():
            row.show_error(errors.get(path))

    def clear_personal_data(self) -> None:
        for edit in (self.postal, self.town, self.detail, self.building):
            edit.setText("")
        self._town = None
        self._matches.setStringList([])
        self.show_errors({})


class HouseholdInput(QWidget):
    """Which household the persons belong to after the move: the same, a new one, or an
    existing one by its 世帯番号."""

    def __init__(self, modes: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = ChoicePicker([(m, mode_title(m)) for m in modes], self)
        self.mode.setObjectName("household_mode")
        self.number = QLineEdit(self)
        self.number.setObjectName("household_number")
        self.number.setPlaceholderText(translate("MoveForm", "世帯番号（10桁）"))
        self.number.setMaxLength(12)
        self.rows = {"household.mode": FieldRow(self.mode, self),
                     "household.household_number": FieldRow(self.number, self)}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rows["household.mode"])
        row.addWidget(self.rows["household.household_number"], 1)
        self.setTabOrder(self.mode, self.number)
        self.setFocusProxy(self.mode)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self._mode_changed()

    def focus_chain(self) -> list[QWidget]:
        return [self.mode, self.number]

    @Slot()
    def _mode_changed(self) -> None:
        self.number.setEnabled(self.mode.value() == "existing")

    def value(self) -> dict[str, str]:
        out = {"mode": self.mode.value()}
        if out["mode"] == "existing":
            out["household_number"] = self.number.text()
        return out

    def set_value(self, value: Any) -> None:
        raw = value if isinstance(value, dict) else {}
        self.mode.set_value(str(raw.get("mode") or ""))
        self.number.setText(str(raw.get("household_number") or ""))
        self._mode_changed()

    def show_errors(self, errors: dict[str, str]) -> None:
        for path, row in self.rows.items():
            row.show_error(errors.get(path))

    def clear_personal_data(self) -> None:
        self.number.setText("")
        self.mode.setCurrentIndex(0)
        self.show_errors({})
