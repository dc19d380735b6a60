"""Move entry: the kind picker, the entry form, the review, the conflict report and the result,
as views of MoveEntryFlow whose registry calls run on the background runner.

F10 is "next" in every step (send for review → commit → redo after a conflict); Esc in the
review goes back to the form. A refusal, an unreachable registry, a conflict or an expired
draft never rebuild the form: what the clerk typed stays in it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.registry_api import (
    Household,
    MoveKinds,
    MoveResult,
    MoveReview,
    RegistryApi,
    ResidentSummary,
)
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.errors import FieldErrors
from app.workflows.move_conflict import ConflictChange
from app.workflows.move_entry import MoveEntryFlow, MoveStep, NotConfirmed, StepError
from app.workflows.towns import TownIndex, load_town_index
from ui.card.bridge import CardBridge
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.moves.form import MoveFormView
from ui.moves.labels import kind_title
from ui.moves.review import ReviewView
from ui.operations import OperationRunner
from ui.security.holders import mark_personal

_EMPTY, _FORM, _REVIEW = 0, 1, 2


class MovePage(QWidget):
    move_committed = Signal(object)  # the MoveResult

    def __init__(self, api: RegistryApi | None, runner: OperationRunner,
                 registry: PersonalDataRegistry, *, today: Callable[[], date] = clock.today,
                 parent: QWidget | None = None, card: CardBridge | None = None) -> None:
        """`card`: the terminal's card reader; with it the arrival forms that take an
        individual number (特例転入, 転入, 国外転入) offer カードから入力."""
        super().__init__(parent)
        self.setObjectName("move_page")
        self._api = api
        self._card = card
        self._personal_data = registry
        self._runner = runner
        self.flow = MoveEntryFlow(api, today=today)  # type: ignore[arg-type]
        self._towns: TownIndex | None = None
        self._pending: tuple[str | None, Sequence[ResidentSummary], Household | None] | None = None
        self._busy = False
        self.kind = QComboBox(self)
        self.kind.setObjectName("move_kind")
        self.kind.setEnabled(False)
        self.status = mark_personal(QLabel(self))
        self.status.setObjectName("move_status")
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setWordWrap(True)
        self.hint = QLabel(translate(
            "MoveForm", "異動する方を住民検索（F6）で開き、F8 でこの画面に移ってください。"), self)
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.stack = QStackedWidget(self)
        empty = QLabel(translate("MoveForm", "届出の種類を選んでください。住民検索（F6）で開いた方の届出は F8 で始まります。"),
                       self.stack)
        empty.setWordWrap(True)
        empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroller = QScrollArea(self.stack)
        self.scroller.setWidgetResizable(True)
        # Whatever moves the focus in the form (Tab, Ctrl+N, a field error, a card read), the
        # field the clerk types into is scrolled into view.
        QApplication.instance().focusChanged.connect(self._follow_focus)  # type: ignore[union-attr]
        self.review = ReviewView(registry, self.stack)
        for page in (empty, self.scroller, self.review):
            self.stack.addWidget(page)
        self.form: MoveFormView | None = None
        top = QFormLayout()
        top.addRow(translate("MoveForm", "届出の種類(&K)"), self.kind)
        label = top.labelForField(self.kind)
        if isinstance(label, QLabel):
            label.setBuddy(self.kind)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.status)
        column.addWidget(self.hint)
        column.addWidget(self.stack, 1)
        self.setFocusProxy(self.kind)
        self.kind.activated.connect(self._kind_chosen)
        self.review.back_requested.connect(self.back)
        self.review.commit_requested.connect(self.commit)
        self.review.redo_requested.connect(self.redo)
        self.review.new_requested.connect(self.new_notice)
        self.review.confirmed_changed.connect(self._confirmed)
        registry.register(self, ClearPhase.MODELS)
        if api is None:
            self.status.setText(translate("MoveForm", "住基システムに接続されていません。"))
        else:
            self._run(self.flow.kinds_job(), self._kinds_loaded, self._load_failed)
            self._run(lambda: load_town_index(api), self._towns_loaded, lambda _e: None)

    def _run(self, job: Callable[[], object], done: Callable[..., None],
             failed: Callable[[Exception], None]) -> None:
        self._runner.operation(job, parent=self).success(done).failure(failed).run_in_background()

    # -- kinds and towns --------------------------------------------------------------------------

    def _kinds_loaded(self, kinds: MoveKinds) -> None:
        self.flow.kinds_loaded(kinds)
        self.kind.clear()
        for code, spec in self.flow.specs.items():
            self.kind.addItem(kind_title(code, spec.title), code)
        self.kind.setEnabled(True)
        if self._pending is not None:
            kind, persons, household = self._pending
            self._pending = None
            self.start(kind, persons, household)

    def _load_failed(self, error: Exception) -> None:
        self.status.setText(translate("MoveForm", "届出の種類を読み込めませんでした。"))

    def _towns_loaded(self, index: TownIndex) -> None:
        self._towns = index
        if self.form is not None:
            self.form.set_towns(index)

    # -- starting a notice ------------------------------------------------------------------------

    def start(self, kind: str | None = None, persons: Sequence[ResidentSummary] = (),
              household: Household | None = None) -> None:
        """A new notice (of the picker's kind unless given) for `persons` of `household`."""
        if not self.flow.specs:
            self._pending = (kind, persons, household)
            return
        discard = self.flow.abandon()
        if discard is not None:
            self._run(discard, lambda _r: None, lambda _e: None)
        code = kind or str(self.kind.currentData() or next(iter(self.flow.specs)))
        self.flow.start(code, persons=persons, household=household)
        self.kind.setCurrentIndex(max(0, self.kind.findData(code)))
        self._build_form()

    @Slot()
    def new_notice(self) -> None:
        self.start()

    @Slot(int)
    def _kind_chosen(self, index: int) -> None:
        code = str(self.kind.itemData(index))
        if self.flow.step is MoveStep.EDITING and self.form is not None:
            self.flow.update(self.form.entry())
            self.flow.change_kind(code)
            self._build_form()
        elif self.flow.step in (MoveStep.EMPTY, MoveStep.DONE):
            self.start(code)

    def _build_form(self) -> None:
        old = self.scroller.takeWidget()
        if isinstance(old, MoveFormView):
            old.clear_personal_data()  # emptied now: deleteLater runs only on the next loop
        if old is not None:
            old.deleteLater()
        self.form = MoveFormView(self.flow.spec, self.flow.labels, card=self._card,
                                 personal_data=self._personal_data,
                                 notices=self._api, runner=self._runner)
        if self._towns is not None:
            self.form.set_towns(self._towns)
        self.form.set_entry(self.flow.entry, self.flow.candidates())
        self.scroller.setWidget(self.form)
        self.hint.setVisible(self.flow.spec.existing_persons and not self.flow.candidates())
        self.status.clear()
        self.kind.setEnabled(True)
        self.stack.setCurrentIndex(_FORM)
        self.form.focus_first()

    # -- F10 --------------------------------------------------------------------------------------

    @Slot()
    def next_step(self) -> None:
        step = self.flow.step
        if self._busy:
            return
        if step is MoveStep.EDITING:
            self.submit()
        elif step is MoveStep.REVIEW:
            self.commit()
        elif step is MoveStep.CONFLICT:
            self.redo()
        elif step in (MoveStep.EMPTY, MoveStep.DONE):
            self.start()

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.status.setStyleSheet("" if busy else ERROR_STYLE)
        self.status.setText(text)
        self.kind.setEnabled(not busy and self.flow.step in (MoveStep.EDITING, MoveStep.EMPTY,
                                                             MoveStep.DONE))

    @Slot()
    def submit(self) -> None:
        if self.form is None:
            return
        try:
            job = self.flow.submit(self.form.entry())
        except FieldErrors:
            self.form.show_errors(self.flow.errors)
            self._focus_error(self.flow.errors)
            return
        except StepError:
            return
        self.form.show_errors({})
        self._set_busy(True, translate("MoveForm", "確認のため送信しています…"))
        self._run(job, self._drafted, self._draft_failed)

    def _drafted(self, review: MoveReview) -> None:
        self._set_busy(False)
        self.flow.drafted(review)
        if self.flow.review is not review:
            return
        self.stack.setCurrentIndex(_REVIEW)  # shown first: the confirmation takes the focus
        self.kind.setEnabled(False)
        self.review.show_review(kind_title(self.flow.spec.kind, self.flow.spec.title),
                                self.flow.review_rows())

    def _draft_failed(self, error: Exception) -> None:
        self.flow.draft_failed(error)
        self._set_busy(False)
        self.stack.setCurrentIndex(_FORM)
        problem = self.flow.problem
        if problem is not None and problem.retryable:
            self.status.setText(problem.message + translate("MoveForm", "（F10 で再送）"))
        if self.form is not None:
            self.form.show_errors(self.flow.errors)
            if self.flow.errors:
                self._focus_error(self.flow.errors)

    @Slot(QWidget, QWidget)
    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.scroller.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self.scroller.ensureWidgetVisible(new)

    def _focus_error(self, errors: Mapping[str, str], warnings: Mapping[str, str] | None = None) -> None:
        """Focus the first item with a message and scroll it into view."""
        if self.form is None:
            return
        target = self.form.focus_first_error(errors, warnings)
        if target is not None:
            self.scroller.ensureWidgetVisible(target)

    @Slot(bool)
    def _confirmed(self, checked: bool) -> None:
        if self.flow.step is MoveStep.REVIEW:
            self.flow.confirm(checked)

    @Slot()
    def commit(self) -> None:
        try:
            job = self.flow.commit()
        except NotConfirmed:
            self.review.show_problem(translate("MoveReview", "届書と照合して、確認欄にチェックを入れてください。"))
            self.review.confirm.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except StepError:
            return
        self._set_busy(True, translate("MoveForm", "確定しています…"))
        self._run(job, self._committed, self._commit_failed)

    def _committed(self, result: MoveResult) -> None:
        reviewed = self.flow.review
        names = {p.ref: p.after.name.full for p in reviewed.persons} if reviewed is not None else {}
        self.flow.committed(result)
        self._set_busy(False)
        self.review.show_done(result, names)
        self.move_committed.emit(result)

    def _commit_failed(self, error: Exception) -> None:
        self.flow.commit_failed(error)
        self._set_busy(False)
        step = self.flow.step
        if step is MoveStep.CONFLICT:
            self.review.show_conflict(None)
            self._run(self.flow.conflict_job(), self._conflict_found,
                      lambda _e: self._conflict_found(()))
        elif step is MoveStep.EDITING:
            self.stack.setCurrentIndex(_FORM)
            if self.form is not None:
                self.form.show_errors(self.flow.errors)
                self._focus_error(self.flow.errors)
        elif self.flow.problem is not None:
            message = self.flow.problem.message
            if self.flow.problem.retryable:
                message += translate("MoveForm", "（F10 で再送）")
            self.review.show_problem(message)

    def _conflict_found(self, changes: tuple[ConflictChange, ...]) -> None:
        self.flow.conflict_found(changes)
        if self.flow.step is MoveStep.CONFLICT:
            self.review.show_conflict(changes)

    @Slot()
    def redo(self) -> None:
        try:
            job = self.flow.redo()
        except FieldErrors:
            self.back()
            return
        except StepError:
            return
        self._set_busy(True, translate("MoveForm", "最新の記録で作り直しています…"))
        self._run(job, self._drafted, self._draft_failed)

    @Slot()
    def back(self) -> None:
        warnings = {w.field: w.message for w in (self.flow.review.warnings if self.flow.review else ())
                    if w.field}
        try:
            discard = self.flow.back_to_edit()
        except StepError:
            return
        if discard is not None:
            self._run(discard, lambda _r: None, lambda _e: None)
        self.stack.setCurrentIndex(_FORM)
        self.kind.setEnabled(True)
        if self.form is not None:
            self.form.show_errors(self.flow.errors, warnings)
            self._focus_error(self.flow.errors, warnings)

    # -- lock -------------------------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        discard = self.flow.abandon()
        if discard is not None:
            # The draft would expire anyway; discarding it is a courtesy to the register.
            self._runner.operation(discard).run_in_background()
        if self.form is not None:
            self.form.clear_personal_data()
        self._pending = None
        self._busy = False
        self.status.clear()
        self.hint.hide()
        self.stack.setCurrentIndex(_EMPTY)
