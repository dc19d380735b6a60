"""The household's members on a notice about persons already in the register: a check box per
member for "moves with this notice" (Space), and the 続柄 each will have afterwards — for the
persons moving, when the kind restates it, and for the members who stay (`remaining`), e.g. the
new 世帯主 when the head moves out. Tab goes check box → 続柄 → next member."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QWidget

from app.registry_api import ResidentSummary
from app.workflows.dates import format_date
from app.workflows.move_form import FormSpec
from ui.counter.inputs import ERROR_STYLE, RelationshipPicker
from ui.i18n import translate
from ui.moves.edits import watch_edits
from ui.security.holders import mark_personal


class _Row:
    def __init__(self, member: ResidentSummary, parent: QWidget) -> None:
        person = member.person
        self.id = member.id
        self.current = person.relationship
        text = translate("MoveForm", "%1（%2生、現在の続柄: %3）") \
            .replace("%1", person.name.full).replace("%2", format_date(person.birth_date)) \
            .replace("%3", person.relationship)
        self.check = mark_personal(QCheckBox(text, parent))
        self.check.setObjectName(f"member_{member.id}")
        self.picker = RelationshipPicker(parent)
        self.picker.setObjectName(f"member_relationship_{member.id}")
        self.picker.setAccessibleName(translate("MoveForm", "異動後の続柄"))
        self.picker.set_value(person.relationship)
        self.error = mark_personal(QLabel(parent))
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()


class MemberTable(QWidget):
    movers_changed = Signal()

    def __init__(self, spec: FormSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_table")
        self._spec = spec
        self._mode: str | None = spec.household_modes[0] if spec.household_modes else None
        self._rows: list[_Row] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.addWidget(QLabel(translate("MoveForm", "異動する方（Space で選択）"), self), 0, 0)
        self._grid.addWidget(QLabel(translate("MoveForm", "異動後の続柄"), self), 0, 1)

    def set_members(self, members: Sequence[ResidentSummary], entry: Mapping[str, Any]) -> None:
        self.clear_personal_data()
        persons = {str(p.get("id")): p for p in entry.get("persons", []) if isinstance(p, Mapping)}
        remaining = {str(r.get("id")): r for r in entry.get("remaining", []) if isinstance(r, Mapping)}
        for member in members:
            row = _Row(member, self)
            row.check.setChecked(member.id in persons)
            typed = persons.get(member.id, remaining.get(member.id, {})).get("relationship")
            if typed:
                row.picker.set_value(str(typed))
            at = 2 * len(self._rows) + 1
            self._grid.addWidget(row.check, at, 0)
            self._grid.addWidget(row.picker, at, 1)
            self._grid.addWidget(row.error, at + 1, 0, 1, 2)
            row.check.toggled.connect(self._toggled)
            watch_edits(row.check, row.error.hide)
            watch_edits(row.picker, row.error.hide)
            self._rows.append(row)
        self._update_pickers()

    def set_mode(self, mode: str | None) -> None:
        self._mode = mode
        self._update_pickers()

    def _restates_movers(self) -> bool:
        if self._spec.person_field("relationship") is None:
            return False
        return not (self._spec.group == "tenkyo" and self._mode in (None, "same"))

    def _update_pickers(self) -> None:
        for row in self._rows:
            moving = row.check.isChecked()
            row.picker.setEnabled(self._restates_movers() if moving else self._spec.has_remaining)

    @Slot()
    def _toggled(self) -> None:
        self._update_pickers()
        self.movers_changed.emit()

    def focus_chain(self) -> list[QWidget]:
        return [w for row in self._rows for w in (row.check, row.picker)]

    def movers(self) -> list[str]:
        return [row.id for row in self._rows if row.check.isChecked()]

    def persons(self, extra: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
        """The persons of the notice, in table order, with their other items from `extra`."""
        out = []
        for row in self._rows:
            if not row.check.isChecked():
                continue
            person: dict[str, Any] = {**extra.get(row.id, {}), "id": row.id}
            if self._restates_movers():
                person["relationship"] = row.picker.value()
            out.append(person)
        return out

    def remaining(self) -> list[dict[str, str]]:
        """Members who stay and whose 続柄 the clerk changed (the others stay as they are)."""
        if not self._spec.has_remaining:
            return []
        return [{"id": row.id, "relationship": row.picker.value()} for row in self._rows
                if not row.check.isChecked() and row.picker.value() != row.current]

    def show_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Show errors at persons[i] / remaining[j]; returns the paths it placed."""
        placed: list[str] = []
        movers = [row for row in self._rows if row.check.isChecked()]
        staying = [row for row in self._rows if not row.check.isChecked()
                   and row.picker.value() != row.current]
        messages: dict[str, list[str]] = {}
        for path, message in errors.items():
            for prefix, rows in (("persons", movers), ("remaining", staying)):
                for i, row in enumerate(rows):
                    if path == f"{prefix}[{i}]" or path.startswith(f"{prefix}[{i}]."):
                        messages.setdefault(row.id, []).append(message)
                        placed.append(path)
        for row in self._rows:
            text = "\n".join(messages.get(row.id, []))
            row.error.setText(text)
            row.error.setVisible(bool(text))
        return placed

    def widget_for(self, path: str) -> QWidget | None:
        """The member's row a path persons[i]... or remaining[j]... names (as show_errors)."""
        movers = [row for row in self._rows if row.check.isChecked()]
        staying = [row for row in self._rows if not row.check.isChecked()
                   and row.picker.value() != row.current]
        for prefix, rows in (("persons", movers), ("remaining", staying)):
            for i, row in enumerate(rows):
                if path == f"{prefix}[{i}]" or path.startswith(f"{prefix}[{i}]."):
                    return row.picker if path.endswith(".relationship") and row.picker.isEnabled() \
                        else row.check
        return None

    def clear_personal_data(self) -> None:
        for row in self._rows:
            for widget in (row.check, row.picker, row.error):
                self._grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
            row.check.setText("")
            row.error.clear()
        self._rows = []
