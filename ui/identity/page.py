"""The identity check (本人確認) at the counter: the screens of app/workflows/identity/.

    IdentityPage(api, runner, personal_data, card, parent=None)
        api:  IdentityApi | None (None: no registry connection, the page says so)
        card: CardBridge | None (None: no card reader on this terminal; the card is refused)
    page.start_for(resident_id, person)   # the record open in the search (the workspace's key)
    page.start()                          # a new check, the 宛名番号 field focused

One step at a time, keyboard first: 宛名番号 + Enter → the documents (Space ticks, Enter goes on)
→ with the card: the card holder types the PIN (masked, the tries left beside it) + Enter →
the comparison table (a mismatch red and saying 不一致) → optionally the expiry year and the
security code for 照合番号B → the face photo, judged by the clerk → questions when no photo ID
counts → review → record. Esc steps back to the documents. A lock or logout empties every
step (the page, its PIN fields and the face are resident-data holders).

The page holds the person line, the problem line and one widget per step (person_step.py,
documents_step.py, card_panel.py, questions_step.py, result_steps.py); it runs the registry
jobs of the steps, and ui/identity/card_steps.py runs the card's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.domain.identity_documents import Document
from app.registry_api import Person
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.dates import format_date
from app.workflows.errors import FieldErrors
from app.workflows.identity import (
    CheckedPerson,
    IdentityApi,
    IdentityCheckResult,
    IdentityFlow,
    IdentityStep,
)
from ui.card.bridge import CardBridge
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.identity.card_panel import CardPanel
from ui.identity.card_steps import CardSteps
from ui.identity.documents_step import DocumentsStep
from ui.identity.person_step import PersonStep
from ui.identity.questions_step import QuestionsStep
from ui.identity.result_steps import DoneStep, ReviewStep
from ui.operations import OperationRunner
from ui.security.holders import mark_personal

_PAGES = {
    IdentityStep.PERSON: 0, IdentityStep.DOCUMENTS: 1, IdentityStep.CARD: 2,
    IdentityStep.QUESTIONS: 3, IdentityStep.REVIEW: 4, IdentityStep.DONE: 5,
}


class IdentityPage(QWidget):
    def __init__(self, api: IdentityApi | None, runner: OperationRunner,
                 personal_data: PersonalDataRegistry, card: CardBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity_page")
        self._api = api
        self._runner = runner
        self._card = card
        self.flow = IdentityFlow(api)

        self.person_label = mark_personal(QLabel(self))
        self.person_label.setObjectName("identity_person")
        self.person_label.setWordWrap(True)
        self.problem = mark_personal(QLabel(self))
        self.problem.setObjectName("identity_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.person_step = PersonStep(self)
        self.documents_step = DocumentsStep(self)
        self.card_panel = CardPanel(personal_data, self)
        self.questions_step = QuestionsStep(self)
        self.review_step = ReviewStep(self)
        self.done_step = DoneStep(self)
        self.stack = QStackedWidget(self)
        for step in (self.person_step, self.documents_step, self.card_panel,
                     self.questions_step, self.review_step, self.done_step):
            self.stack.addWidget(step)
        column = QVBoxLayout(self)
        column.addWidget(self.person_label)
        column.addWidget(self.problem)
        column.addWidget(self.stack, 1)
        # The fields by the names the tests and the screenshots drive them with.
        self.resident_id = self.person_step.resident_id
        self.document_boxes = self.documents_step.document_boxes
        self.questions_asked = self.questions_step.questions_asked
        self.questions_correct = self.questions_step.questions_correct
        self.assessment = self.review_step.assessment
        self.confirm_button = self.review_step.confirm_button
        self.decline_button = self.review_step.decline_button
        self.done_label = self.done_step.done_label
        self.setFocusProxy(self.resident_id)

        self.person_step.lookup_requested.connect(self.lookup)
        self.documents_step.submitted.connect(self.choose_documents)
        self.card_steps = CardSteps(self.flow, self.card_panel, runner, card, self)
        self.card_steps.changed.connect(self._card_changed)
        self.questions_step.submitted.connect(self.answer_questions)
        self.review_step.record_requested.connect(self._record_requested)
        self.review_step.redo_requested.connect(self.back)
        self.done_step.next_requested.connect(self.start)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back)
        personal_data.register(self, ClearPhase.MODELS)
        self.refresh()
        if api is None:
            self._show_problem(translate("IdentityPage", "住基システムに接続されていません。"))

    # -- showing the flow ---------------------------------------------------------------------

    def refresh(self) -> None:
        flow = self.flow
        self.stack.setCurrentIndex(_PAGES[flow.step])
        person = flow.person
        self.person_label.setText("" if person is None or flow.checked is None
                                  else self._person_text(flow.checked.resident_id, person))
        self._show_problem(flow.problem.message if flow.problem else
                           next(iter(flow.errors.values()), None))
        busy = flow.busy
        self.person_step.lookup_button.setEnabled(not busy and self._api is not None)
        if flow.step is IdentityStep.CARD:
            self.card_panel.show_flow(flow, self._card)
        elif flow.step is IdentityStep.QUESTIONS:
            self.questions_step.show_minimum(flow.min_questions())
        elif flow.step is IdentityStep.REVIEW:
            self.review_step.show_review(flow.documents_text(), flow.assessment, busy)
        elif flow.step is IdentityStep.DONE and flow.result is not None:
            self.done_step.show_result(flow.result)

    @staticmethod
    def _person_text(resident_id: str, person: Person) -> str:
        return "　".join((
            translate("IdentityPage", "宛名番号 %1").replace("%1", resident_id),
            person.name.full, format_date(person.birth_date), person.address.full,
        ))

    def _show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))

    def _focus_step(self) -> None:
        flow = self.flow
        target: QWidget = {
            IdentityStep.PERSON: self.resident_id,
            IdentityStep.DOCUMENTS: self.document_boxes[Document.MY_NUMBER_CARD],
            IdentityStep.CARD: self.card_panel.focus_target(flow),
            IdentityStep.QUESTIONS: self.questions_asked,
            IdentityStep.REVIEW: self.review_step.focus_target(),
            IdentityStep.DONE: self.done_step.next_person,
        }[flow.step]
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        self.refresh()
        self._focus_step()

    @Slot(bool)
    def _card_changed(self, outcome: bool) -> None:
        if outcome:
            self._update()
        else:
            self.refresh()

    # -- the person ------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        self.flow.clear_personal_data()
        self.card_panel.clear_personal_data()
        self.resident_id.setText("")
        self._reset_entries()
        self._update()

    def start_for(self, resident_id: str, person: Person, status: str = "resident") -> None:
        self.start()
        self.flow.choose_person(resident_id, person, status=status)
        self._update()

    @Slot()
    def lookup(self) -> None:
        if self._api is None:
            return
        try:
            job = self.flow.lookup(self.resident_id.text())
        except FieldErrors:
            self.refresh()
            return
        self.refresh()
        self._runner.operation(job, parent=self).success(self._looked_up) \
            .failure(self._failed).run_in_background()

    def _looked_up(self, checked: CheckedPerson) -> None:
        self.flow.looked_up(checked)
        self._reset_entries()
        self._update()

    def _failed(self, error: Exception) -> None:
        self.flow.failed(error)
        self._update()

    # -- documents --------------------------------------------------------------------------------

    def _reset_entries(self) -> None:
        self.documents_step.reset()
        self.questions_step.reset()

    @Slot()
    def choose_documents(self) -> None:
        step = self.documents_step
        try:
            self.flow.choose_documents(step.chosen(), step.purpose_code())
        except FieldErrors:
            self.refresh()
            return
        self._update()
        self.card_steps.start_card()

    @Slot()
    def back(self) -> None:
        if self.flow.step in (IdentityStep.CARD, IdentityStep.QUESTIONS, IdentityStep.REVIEW):
            self.flow.back_to_documents()
            self._update()

    # -- questions, review, record -------------------------------------------------------------

    @Slot()
    def answer_questions(self) -> None:
        try:
            self.flow.answer_questions(*self.questions_step.answers())
        except FieldErrors:
            self.refresh()
            return
        self._update()

    @Slot(bool)
    def _record_requested(self, confirmed: bool) -> None:
        self.record(confirmed=confirmed)

    def record(self, *, confirmed: bool) -> None:
        try:
            job = self.flow.record_job(confirmed=confirmed)
        except FieldErrors:
            self.refresh()
            return
        self.refresh()
        self._runner.operation(job, parent=self).success(self._recorded) \
            .failure(self._record_failed).run_in_background()

    def _recorded(self, result: IdentityCheckResult) -> None:
        self.flow.recorded(result)
        self.card_panel.clear_personal_data()
        self._update()

    def _record_failed(self, error: Exception) -> None:
        self.flow.record_failed(error)
        self._update()

    # -- lock ------------------------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        self.flow.clear_personal_data()
        self.card_panel.clear_personal_data()
        self.resident_id.setText("")
        self._reset_entries()
        self.person_label.clear()
        self.review_step.clear_personal_data()
        self.done_step.clear_personal_data()
        self.refresh()
