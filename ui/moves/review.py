"""The review of a draft (before → after of every item, the warnings on their rows), the clerk's
confirmation that it matches the paper form, the conflict report after a 409, and the result.

Space ticks the confirmation (it has the focus when the review opens), F10 commits, Esc goes
back to the entry with everything typed still there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.registry_api import MoveResult
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.move_conflict import ConflictChange
from app.workflows.move_review import ReviewRow
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.moves.labels import field_label
from ui.security.holders import mark_personal
from ui.widgets.copy_guard import guard_against_copy
from ui.widgets.personal_model import PersonalTableModel


def _table(model: PersonalTableModel, parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)
    view.setWordWrap(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    guard_against_copy(view)
    return view


def _text(value: str | None) -> str:
    return "—" if value is None else value


class ReviewView(QWidget):
    back_requested = Signal()
    commit_requested = Signal()
    redo_requested = Signal()
    new_requested = Signal()
    confirmed_changed = Signal(bool)

    def __init__(self, registry: PersonalDataRegistry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("move_review")
        self.stack = QStackedWidget(self)
        self._kind_title = ""
        self.title = mark_personal(QLabel(self))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.problem = mark_personal(QLabel(self))
        self.problem.setObjectName("move_review_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)

        # The review.
        review = QWidget(self.stack)
        self.rows = PersonalTableModel([
            ("who", translate("MoveReview", "対象")), ("label", translate("MoveReview", "項目")),
            ("before", translate("MoveReview", "変更前")), ("after", translate("MoveReview", "変更後")),
            ("note", translate("MoveReview", "注意"))], registry, self)
        self.table = _table(self.rows, review, "move_review_rows")
        self.confirm = QCheckBox(translate("MoveReview", "届書の記載内容と一致することを確認しました (Space)"), review)
        self.confirm.setObjectName("move_confirm")
        self.back_button = QPushButton(translate("MoveReview", "戻って修正 (Esc)"), review)
        self.commit_button = QPushButton(translate("MoveReview", "確定 (F10)"), review)
        self.commit_button.setObjectName("move_commit")
        self.commit_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.commit_button)
        column = QVBoxLayout(review)
        column.addWidget(self.table, 1)
        column.addWidget(self.confirm)
        column.addLayout(buttons)
        self.setTabOrder(self.confirm, self.commit_button)
        self.setTabOrder(self.commit_button, self.back_button)
        self.setTabOrder(self.back_button, self.table)

        # The conflict.
        conflict = QWidget(self.stack)
        self.changes = PersonalTableModel([
            ("who", translate("MoveReview", "対象")), ("label", translate("MoveReview", "項目")),
            ("drafted", translate("MoveReview", "下書き作成時")), ("now", translate("MoveReview", "現在"))],
            registry, self)
        self.changes_view = _table(self.changes, conflict, "move_conflict_changes")
        self.redo_button = QPushButton(translate("MoveReview", "最新の記録で作り直す (F10)"), conflict)
        self.redo_button.setObjectName("move_redo")
        self.conflict_back = QPushButton(translate("MoveReview", "戻って修正 (Esc)"), conflict)
        column = QVBoxLayout(conflict)
        column.addWidget(QLabel(translate(
            "MoveReview", "下書きの作成後に、この届出に関わる記録が他の処理で変更されました。変更された内容:"), conflict))
        column.addWidget(self.changes_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.conflict_back)
        row.addStretch(1)
        row.addWidget(self.redo_button)
        column.addLayout(row)

        # The result.
        done = QWidget(self.stack)
        self.result_text = mark_personal(QLabel(done))
        self.result_text.setObjectName("move_result")
        self.result_text.setWordWrap(True)
        self.new_button = QPushButton(translate("MoveReview", "新しい届出 (F7)"), done)
        column = QVBoxLayout(done)
        column.addWidget(self.result_text)
        column.addWidget(self.new_button)
        column.addStretch(1)

        for page in (review, conflict, done):
            self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.addWidget(self.title)
        outer.addWidget(self.problem)
        outer.addWidget(self.stack, 1)
        self.confirm.toggled.connect(self._confirmed)
        self.back_button.clicked.connect(self.back_requested)
        self.conflict_back.clicked.connect(self.back_requested)
        self.commit_button.clicked.connect(self.commit_requested)
        self.redo_button.clicked.connect(self.redo_requested)
        self.new_button.clicked.connect(self.new_requested)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self._escape)
        if registry is not None:
            registry.register(self, ClearPhase.VIEWS)

    def _confirmed(self, checked: bool) -> None:
        self.commit_button.setEnabled(checked)
        self.confirmed_changed.emit(checked)

    def _escape(self) -> None:
        if self.stack.currentIndex() < 2:
            self.back_requested.emit()

    def show_review(self, title: str, rows: Sequence[ReviewRow]) -> None:
        self._kind_title = title
        self.title.setText(translate("MoveReview", "届出内容の確認（%1）").replace("%1", title))
        self.problem.clear()
        self.rows.set_rows([{"who": r.who, "label": field_label(r.label), "before": _text(r.before),
                             "after": _text(r.after), "note": r.note} for r in rows])
        self.confirm.setChecked(False)
        self.stack.setCurrentIndex(0)
        self.confirm.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_conflict(self, changes: Sequence[ConflictChange] | None) -> None:
        self.stack.setCurrentIndex(1)
        if changes is None:
            self.changes.set_rows([])
            self.problem.setText(translate("MoveReview", "変更された内容を調べています…"))
            return
        self.problem.setText("" if changes else translate(
            "MoveReview", "変更された項目を特定できませんでした。作り直して内容を確認してください。"))
        self.changes.set_rows([{"who": c.who, "label": field_label(c.label), "drafted": _text(c.drafted),
                                "now": _text(c.now)} for c in changes])
        self.redo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_done(self, result: MoveResult, names: Mapping[str, str] | None = None) -> None:
        """`names`: each person's name by their ref in the draft, to say who was recorded."""
        self.stack.setCurrentIndex(2)
        self.problem.clear()
        self.title.setText(translate("MoveReview", "確定済み（%1）").replace("%1", self._kind_title))
        lines = [translate("MoveReview", "確定しました。")]
        for person in result.persons:
            name = (names or {}).get(person.ref)
            line = (translate("MoveReview", "%3（宛名番号 %1）: %2").replace("%3", name) if name
                    else translate("MoveReview", "宛名番号 %1: %2"))
            lines.append(line.replace("%1", person.id).replace("%2", person.change_reason))
        if result.transfer_certificates:
            lines.append(translate("MoveReview", "転出証明書の内容: %1 件").replace(
                "%1", str(len(result.transfer_certificates))))
        self.result_text.setText("\n".join(lines))
        self.new_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)

    def clear_personal_data(self) -> None:
        self.rows.clear_personal_data()
        self.changes.clear_personal_data()
        for label in (self.title, self.problem, self.result_text):
            label.clear()
        self.confirm.setChecked(False)
        self.stack.setCurrentIndex(0)
