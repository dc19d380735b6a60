"""The entry form of one kind of notice, built from its FormSpec: the paper form's items top to
bottom (届出日, 届出人, 異動日, 住所, 世帯, 前住所 or 転出先), then the persons (picked members
of the household, or typed-in persons for an arrival, several per notice), then 備考 (the
reasons). Errors and warnings appear under the field they name; what no field claims appears at
the top. The form never rebuilds itself on an error: what was typed stays where it was typed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.registry_api import ResidentSummary
from app.session.personal_data import PersonalDataRegistry
from app.workflows.card_fill import NoticeFinder, can_fill
from app.workflows.move_form import FieldSpec, FormSpec, Input
from app.workflows.towns import TownIndex
from cardreader.models import BasicInfo
from ui.card.bridge import CardBridge
from ui.counter.inputs import (
    ERROR_STYLE,
    WARNING_STYLE,
    FieldRow,
    editor_value,
    set_editor_value,
    set_tab_chain,
)
from ui.i18n import translate
from ui.moves.address import AddressInput, HouseholdInput
from ui.moves.card_fill import CardFillPanel
from ui.moves.edits import clear_on_edit
from ui.moves.form_card import FormCardFill
from ui.moves.form_messages import first_to_fix, show_messages, widget_for
from ui.moves.form_order import FOOT, next_stop, paper_order
from ui.moves.labels import field_label, kind_title
from ui.moves.members import MemberTable
from ui.moves.person import PersonEditor, make_editor, row_label
from ui.moves.values import has_value
from ui.operations import OperationRunner
from ui.security.holders import mark_personal

SHARED_IN_FAMILY: Final = ("family_name", "family_name_kana")  # carried to the next person


class MoveFormView(QWidget):
    submit_requested = Signal()

    def __init__(self, spec: FormSpec, labels: Mapping[str, str],
                 parent: QWidget | None = None, *, card: CardBridge | None = None,
                 personal_data: PersonalDataRegistry | None = None,
                 notices: NoticeFinder | None = None, runner: OperationRunner | None = None) -> None:
        """`notices` and `runner`: where a card read on a 特例転入 looks for the person's
        転出証明書情報 (the registry), and what runs that call off the UI thread."""
        super().__init__(parent)
        self.setObjectName("move_form")
        self.spec = spec
        # カードから入力, on the arrival forms that take an individual number, with a reader.
        self._card = card if card is not None and can_fill(spec) else None
        self._card_fill = FormCardFill(self, notices, runner)
        self._personal_data = personal_data
        self._labels = dict(labels)
        self.banner = mark_personal(QLabel(self))
        self.banner.setObjectName("move_form_error")
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.notice_warning = mark_personal(QLabel(self))
        self.notice_warning.setStyleSheet(WARNING_STYLE)
        self.notice_warning.setWordWrap(True)
        title = QLabel(translate("MoveForm", "%1の届出").replace("%1", kind_title(spec.kind, spec.title)), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        self.rows: dict[str, FieldRow] = {}
        self.address: AddressInput | None = None
        self.household: HouseholdInput | None = None
        head, foot = QFormLayout(), QFormLayout()
        self._names: dict[str, str] = {}
        for field in [f for f in spec.notice_fields if f.key not in FOOT]:
            head.addRow(row_label(field), self._notice_row(field))
        self.members: MemberTable | None = None
        self.editors: list[PersonEditor] = []
        self._by_id: dict[str, PersonEditor] = {}
        self._persons_box = QVBoxLayout()
        self.add_button: QPushButton | None = None
        persons_title = QLabel(field_label(self._labels.get("persons", "異動者")), self)
        self.persons_error = mark_personal(QLabel(self))
        self.persons_error.setStyleSheet(ERROR_STYLE)
        if spec.existing_persons:
            self.members = MemberTable(spec, self)
            self.members.movers_changed.connect(self._sync_member_editors)
        else:
            self.add_button = QPushButton(translate("MoveForm", "異動者を追加 (Ctrl+N)"), self)
            self.add_button.setObjectName("add_person")
            self.add_button.clicked.connect(lambda: self.add_person())
            add = QAction(self)
            add.setShortcut(QKeySequence("Ctrl+N"))
            add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            add.triggered.connect(lambda: self.add_person())
            self.addAction(add)
        for field in [f for f in spec.notice_fields if f.key in FOOT]:
            foot.addRow(row_label(field), self._notice_row(field))
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(self.banner)
        column.addWidget(self.notice_warning)
        column.addLayout(head)
        column.addWidget(persons_title)
        column.addWidget(self.persons_error)
        if self.members is not None:
            column.addWidget(self.members)
        column.addLayout(self._persons_box)
        if self.add_button is not None:
            column.addWidget(self.add_button)
        column.addLayout(foot)
        column.addStretch(1)
        if self.household is not None and self.members is not None:
            self.household.mode.currentIndexChanged.connect(self._mode_changed)

    def _chain_tabs(self) -> None:
        """Tab follows the paper form: persons come before 備考 whenever they were added."""
        set_tab_chain(paper_order(self))

    def _notice_row(self, field: FieldSpec) -> FieldRow:
        editor: QWidget
        if field.input is Input.ADDRESS:
            editor = self.address = AddressInput(self)
        elif field.input is Input.HOUSEHOLD:
            editor = self.household = HouseholdInput(self.spec.household_modes, self)
        else:
            editor = make_editor(field, self)
        row = FieldRow(editor, self)
        self.rows[field.key] = row
        clear_on_edit(row)
        for part in (self.address, self.household):
            if part is editor:
                for sub in part.rows.values():
                    clear_on_edit(sub)
        return row

    def _person_fields(self) -> list[FieldSpec]:
        if not self.spec.existing_persons:
            return list(self.spec.person_fields)
        return [f for f in self.spec.person_fields if f.key not in ("id", "relationship")]

    # -- persons ----------------------------------------------------------------------------------

    def add_person(self, value: Mapping[str, Any] | None = None) -> PersonEditor:
        """Another person (Ctrl+N). A person added by the clerk starts with the 氏 and its
        フリガナ of the person before (a family most often arrives together), shown and
        overtyped like anything else; the focus goes to the first item left empty."""
        prefill: dict[str, Any] = {}
        if value is None and self.editors:
            before = self.editors[-1].value()
            prefill = {k: before[k] for k in SHARED_IN_FAMILY
                       if k in before and has_value(before[k])}
        editor = PersonEditor(self._person_fields(), removable=not self.spec.existing_persons,
                              parent=self)
        editor.remove_requested.connect(self._remove_person)
        if self._card is not None:
            panel = CardFillPanel(self._card, self._personal_data, editor)
            panel.card_read.connect(lambda info, e=editor: self.fill_from_card(e, info))
            editor.add_extra(panel)
        editor.set_value(value or prefill)
        self._persons_box.addWidget(editor)
        self.editors.append(editor)
        self._renumber()
        self._chain_tabs()
        if value is None:
            empty = next((row for row in editor.rows.values()
                          if not has_value(editor_value(row.editor))), None)
            first = empty or editor.first_widget()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def fill_from_card(self, editor: PersonEditor, info: BasicInfo) -> None:
        """The card's items into `editor` and the notice (前住所); then the first item the
        card left empty (the フリガナ) has the focus, for the clerk to go on and check."""
        self._card_fill.fill(editor, info)

    @Slot(object)
    def _remove_person(self, editor: PersonEditor) -> None:
        if editor in self.editors and len(self.editors) > 1:
            self.editors.remove(editor)
            editor.clear_personal_data()
            editor.deleteLater()
            self._renumber()

    def _renumber(self) -> None:
        for i, editor in enumerate(self.editors, start=1):
            if not self.spec.existing_persons:
                editor.setTitle(translate("MoveForm", "異動者 %1").replace("%1", str(i)))

    @Slot()
    def _sync_member_editors(self) -> None:
        """For a kind that changes record items, an editor per checked member (kept when the
        box is unchecked, so nothing typed is lost by a slip of the Space key)."""
        if self.members is None or not self._person_fields():
            return
        movers = self.members.movers()
        for member_id in movers:
            if member_id not in self._by_id:
                editor = PersonEditor(self._person_fields(), removable=False, parent=self)
                editor.set_value({"id": member_id})
                self._by_id[member_id] = editor
                self._persons_box.addWidget(editor)
        self.editors = [self._by_id[i] for i in movers]
        for member_id, editor in self._by_id.items():
            editor.setVisible(member_id in movers)
            editor.setTitle(self._names.get(member_id, member_id))
        self._chain_tabs()

    @Slot()
    def _mode_changed(self) -> None:
        if self.members is not None and self.household is not None:
            self.members.set_mode(self.household.mode.value())

    # -- the entry --------------------------------------------------------------------------------

    def set_entry(self, entry: Mapping[str, Any], candidates: Sequence[ResidentSummary] = ()) -> None:
        self._names = {c.id: c.person.name.full for c in candidates}
        for key, row in self.rows.items():
            set_editor_value(row.editor, entry.get(key))
        persons = [p for p in entry.get("persons", []) if isinstance(p, Mapping)]
        if self.members is not None:
            self.members.set_members(candidates, entry)
            self._chain_tabs()
            self._mode_changed()
            self._sync_member_editors()
            for person in persons:
                editor = self._by_id.get(str(person.get("id")))
                if editor is not None:
                    editor.set_value(person)
        else:
            for person in persons or [{}]:
                self.add_person(person)

    def set_towns(self, index: TownIndex) -> None:
        if self.address is not None:
            self.address.set_towns(index)

    def entry(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.spec.kind}
        for key, row in self.rows.items():
            out[key] = editor_value(row.editor)
        if self.members is not None:
            extra = {str(e.value().get("id")): e.value() for e in self.editors}
            out["persons"] = self.members.persons(extra)
            out["remaining"] = self.members.remaining()
        else:
            out["persons"] = [e.value() for e in self.editors]
        return out

    def show_errors(self, errors: Mapping[str, str], warnings: Mapping[str, str] | None = None) -> None:
        """Each message beside the item its path names (`persons[1].family_name_kana` in the
        second person's section); what no item claims, at the top."""
        show_messages(self, errors, warnings or {}, self._labels)

    def widget_for(self, path: str) -> QWidget | None:
        """The input the path names (or the section it belongs to), if this form shows it."""
        return widget_for(self, path)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the paper form's order, persons added later included (Qt's
        own chain loses a person added after the form was built), skipping what is disabled
        or hidden, and wrapping around inside the form."""
        stop = next_stop(self, next)
        if stop is None:
            return super().focusNextPrevChild(next)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        stop.setFocus(reason)
        return True

    def focus_first_error(self, errors: Mapping[str, str],
                          warnings: Mapping[str, str] | None = None) -> QWidget | None:
        """Focus the first item (in paper-form order) that has an error, else a warning;
        returns it, so that the page can scroll it into view."""
        target = first_to_fix(self, errors, warnings or {})
        if target is None:
            self.focus_first()
            return None
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    def focus_first(self) -> None:
        first = next(iter(self.rows.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_personal_data(self) -> None:
        for row in self.rows.values():
            clear = getattr(row.editor, "clear_personal_data", None)
            if callable(clear):
                clear()
            else:
                set_editor_value(row.editor, None)
            row.show_error(None)
            row.show_warning(None)
        for editor in [*self.editors, *self._by_id.values()]:
            editor.clear_personal_data()
        if self.members is not None:
            self.members.clear_personal_data()
        self._names = {}
        for label in (self.banner, self.notice_warning, self.persons_error):
            label.clear()
