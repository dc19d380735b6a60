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
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.registry_api import ResidentSummary, TransferNoticeSummary
from app.session.personal_data import PersonalDataRegistry
from app.workflows.card_fill import (
    NOTICE_FIELD,
    NoticeFinder,
    can_fill,
    card_fill,
    looks_up_notice,
    match_notices,
    notice_lookup,
)
from app.workflows.dates import format_date
from app.workflows.errors import FORM, problem_of
from app.workflows.move_form import FieldSpec, FormSpec, Input
from app.workflows.towns import TownIndex
from cardreader.models import BasicInfo
from ui.card.bridge import CardBridge
from ui.counter.inputs import (
    ERROR_STYLE,
    WARNING_STYLE,
    FieldRow,
    editor_value,
    focus_chain,
    set_editor_value,
    set_tab_chain,
)
from ui.i18n import translate
from ui.moves.address import AddressInput, HouseholdInput
from ui.moves.card_fill import CardFillPanel, received_on
from ui.moves.edits import clear_messages, clear_on_edit
from ui.moves.labels import field_label, kind_title
from ui.moves.members import MemberTable
from ui.moves.person import PersonEditor, make_editor, row_label
from ui.operations import OperationRunner
from ui.security.holders import mark_personal


def _has_value(value: Any) -> bool:
    if isinstance(value, Mapping):
        return bool(str(value.get("text") or "").strip())
    return bool(str(value or "").strip())


SHARED_IN_FAMILY: Final = ("family_name", "family_name_kana")  # carried to the next person
FOOT: Final = frozenset({"reason", "late_reason"})  # 備考, at the foot of the paper form


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
        self._notices = notices if runner is not None and looks_up_notice(spec) else None
        self._runner = runner
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
        head = [row for key, row in self.rows.items() if key not in FOOT]
        foot = [row for key, row in self.rows.items() if key in FOOT]
        persons: list[QWidget] = [self.members] if self.members is not None else []
        persons += self.editors  # for picked persons: the checked ones only
        if self.add_button is not None:
            persons.append(self.add_button)
        set_tab_chain([*head, *persons, *foot])

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
                       if k in before and _has_value(before[k])}
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
                          if not _has_value(editor_value(row.editor))), None)
            first = empty or editor.first_widget()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        return editor

    def fill_from_card(self, editor: PersonEditor, info: BasicInfo) -> None:
        """The card's items into `editor` and the notice (前住所); then the first item the
        card left empty (the フリガナ) has the focus, for the clerk to go on and check."""
        if editor not in self.editors:
            return
        fill = card_fill(self.spec, info)
        editor.set_value({**editor.value(), **fill.person})
        for key in fill.person:
            clear_messages(editor.rows[key])
        for key, value in fill.notice.items():
            set_editor_value(self.rows[key].editor, value)
            clear_messages(self.rows[key])
        editor.show_card_items(fill.shown)
        empty = next((row for key, row in editor.rows.items()
                      if key not in fill.person and not _has_value(editor_value(row.editor))), None)
        target = empty or editor.first_widget()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._look_up_notice(editor, info)

    # -- 特例転入: the 転出証明書情報 found by the card ----------------------------------------------

    def _look_up_notice(self, editor: PersonEditor, info: BasicInfo) -> None:
        """Ask the registry for the notices waiting for the card's name and birth date, unless
        the clerk already named one (what was typed is never replaced)."""
        row = editor.rows.get(NOTICE_FIELD)
        panel = editor.findChild(CardFillPanel)
        if (self._notices is None or self._runner is None or row is None or panel is None
                or _has_value(editor_value(row.editor))):
            return
        panel.say_notice(translate("MoveCard", "転出証明書情報を照会しています…"))
        (self._runner.operation(notice_lookup(self._notices, info), parent=editor)
            .success(lambda found: self._notices_found(editor, panel, found))
            .failure(lambda error: self._notice_failed(editor, panel, error))
            .run_in_background())

    def _notices_found(self, editor: PersonEditor, panel: CardFillPanel,
                       found: tuple[TransferNoticeSummary, ...]) -> None:
        row = editor.rows[NOTICE_FIELD]
        if editor not in self.editors:
            return
        typed = str(editor_value(row.editor) or "").strip().lower()
        if typed:
            # The clerk typed a notice meanwhile (theirs stands), or an earlier read filled it.
            if typed not in {n.id for n in found}:
                panel.say_notice("")
            return
        taken = [str(e.value().get(NOTICE_FIELD) or "") for e in self.editors if e is not editor]
        match = match_notices(found, taken)
        if match.only is not None:
            focus = QApplication.focusWidget()
            # The focus moves on only from where the card read left it (the empty item).
            waiting = focus is None or focus is row.editor or row.isAncestorOf(focus)
            self._use_notice(editor, panel, match.only, move_focus=waiting)
        elif match.several:
            panel.say_notice(translate("MoveCard", "転出証明書情報が複数届いています。一覧から選んでください。"))
            panel.pick_notice(match.candidates,
                              lambda n: self._use_notice(editor, panel, n, move_focus=True),
                              lambda: self._notice_declined(editor, panel))
        else:
            panel.say_notice(translate(
                "MoveCard", "転出証明書情報が届いていません。転出元に確認してください。番号が分かる場合は欄に入力してください。"),
                error=True)

    def _use_notice(self, editor: PersonEditor, panel: CardFillPanel,
                    notice: TransferNoticeSummary, *, move_focus: bool) -> None:
        if editor not in self.editors:
            return
        row = editor.rows[NOTICE_FIELD]
        set_editor_value(row.editor, notice.id)
        clear_messages(row)
        panel.say_notice(
            translate("MoveCard", "転出証明書情報を入力しました（%1受信、転出元 %2、転出予定日 %3）。")
            .replace("%1", received_on(notice)).replace("%2", notice.from_municipality)
            .replace("%3", format_date(notice.planned_move_date)))
        if move_focus:
            following = next((r for r in editor.rows.values()
                              if not _has_value(editor_value(r.editor))), None)
            if following is not None:
                following.setFocus(Qt.FocusReason.OtherFocusReason)

    def _notice_declined(self, editor: PersonEditor, panel: CardFillPanel) -> None:
        panel.say_notice(translate("MoveCard", "転出証明書情報を選びませんでした。欄に入力してください。"))
        row = editor.rows.get(NOTICE_FIELD)
        if editor in self.editors and row is not None:
            row.setFocus(Qt.FocusReason.OtherFocusReason)

    def _notice_failed(self, editor: PersonEditor, panel: CardFillPanel, error: Exception) -> None:
        if editor not in self.editors:
            return
        panel.say_notice(
            translate("MoveCard", "転出証明書情報を照会できませんでした（%1）。欄に入力してください。")
            .replace("%1", problem_of(error).message), error=True)

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
        warnings = warnings or {}
        placed: set[str] = set()
        warned: set[str] = set()
        for key, row in self.rows.items():
            row.show_error(errors.get(key))
            row.show_warning(warnings.get(key))
            if key in errors:
                placed.add(key)
            if key in warnings:
                warned.add(key)
        for part in (self.address, self.household):
            if part is not None:
                part.show_errors(dict(errors))
                placed |= {p for p in errors if p in part.rows}
        if self.members is not None:
            placed |= set(self.members.show_errors(errors))
        for i, editor in enumerate(self.editors):
            placed |= set(editor.show_errors(errors, f"persons[{i}]"))
            warned |= set(editor.show_warnings(warnings, f"persons[{i}]"))
        self.persons_error.setText(errors.get("persons", ""))
        placed.add("persons")
        rest = [self._describe(path, message) for path, message in errors.items() if path not in placed]
        self.banner.setText("\n".join(rest))
        self.banner.setVisible(bool(rest))
        loose = [self._describe(p, m) for p, m in warnings.items() if p not in warned]
        self.notice_warning.setText("\n".join(loose))

    def _describe(self, path: str, message: str) -> str:
        if path == FORM:
            return message
        name = path.rsplit(".", 1)[-1].split("[", 1)[0]
        return f"{field_label(self._labels.get(name, name))}: {message}"

    def widget_for(self, path: str) -> QWidget | None:
        """The input the path names (or the section it belongs to), if this form shows it."""
        if path in self.rows:
            return self.rows[path]
        for part in (self.address, self.household):
            if part is not None and path in part.rows:
                return part.rows[path]
        head, _, rest = path.partition(".")
        if head.startswith("persons[") and head.endswith("]") and head[8:-1].isdigit():
            index = int(head[8:-1])
            if index < len(self.editors) and (not rest or rest in self.editors[index].rows):
                editor = self.editors[index]
                return editor.rows[rest] if rest else editor
            if self.members is not None:
                return self.members.widget_for(path)
        if head.startswith("remaining[") and self.members is not None:
            return self.members.widget_for(path)
        key = path.split(".", 1)[0]
        return self.rows.get(key)

    def _chain(self) -> list[QWidget]:
        """Every Tab stop of the form in paper-form order (what _chain_tabs sets)."""
        head = [row for key, row in self.rows.items() if key not in FOOT]
        foot = [row for key, row in self.rows.items() if key in FOOT]
        persons: list[QWidget] = [self.members] if self.members is not None else []
        persons += self.editors
        if self.add_button is not None:
            persons.append(self.add_button)
        return [w for part in (*head, *persons, *foot) for w in focus_chain(part)]

    def _tab_position(self, widget: QWidget) -> int:
        chain = self._chain()
        for i, stop in enumerate(chain):
            if stop is widget or widget.isAncestorOf(stop):
                return i
        return len(chain)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the paper form's order, persons added later included (Qt's
        own chain loses a person added after the form was built), skipping what is disabled
        or hidden, and wrapping around inside the form."""
        stops = [w for w in self._chain() if w.isEnabled() and w.isVisibleTo(self)
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        current = QApplication.focusWidget()
        at = next_index = -1
        for i, stop in enumerate(stops):
            if current is stop or (current is not None and stop.isAncestorOf(current)):
                at = i
                break
        if at < 0 or not stops:
            return super().focusNextPrevChild(next)
        next_index = (at + (1 if next else -1)) % len(stops)
        reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
        stops[next_index].setFocus(reason)
        return True

    def focus_first_error(self, errors: Mapping[str, str],
                          warnings: Mapping[str, str] | None = None) -> QWidget | None:
        """Focus the first item (in paper-form order) that has an error, else a warning;
        returns it, so that the page can scroll it into view."""
        for messages in (errors, warnings or {}):
            targets = [w for w in (self.widget_for(p) for p in messages if p != FORM) if w is not None]
            if targets:
                target = min(targets, key=self._tab_position)
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return target
        self.focus_first()
        return None

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
