"""The identity check (本人確認) at the counter: the screens of app/workflows/identity.py.

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
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.identity_documents import PHOTO_IDS, Document
from app.registry_api import Person
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.dates import format_date
from app.workflows.errors import FieldErrors, Problem
from app.workflows.identity import (
    CardJob,
    CardStage,
    CheckedPerson,
    IdentityApi,
    IdentityCheckResult,
    IdentityFlow,
    IdentityStep,
)
from cardreader.errors import CardError
from cardreader.models import BasicInfo, CardFace, ProbeResult
from ui.card.bridge import CardBridge
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.identity.card_panel import CardPanel
from ui.identity.labels import DOCUMENT_NAMES, PURPOSE_NAMES
from ui.operations import OperationRunner
from ui.security.holders import mark_personal

OK_STYLE = "color: #1b5e20; font-weight: bold;"
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
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._person_page())
        self.stack.addWidget(self._documents_page())
        self.card_panel = CardPanel(personal_data, self)
        self.stack.addWidget(self.card_panel)
        self.stack.addWidget(self._questions_page())
        self.stack.addWidget(self._review_page())
        self.stack.addWidget(self._done_page())
        column = QVBoxLayout(self)
        column.addWidget(self.person_label)
        column.addWidget(self.problem)
        column.addWidget(self.stack, 1)
        self.setFocusProxy(self.resident_id)

        panel = self.card_panel
        panel.probe_requested.connect(self.probe_card)
        panel.read_requested.connect(self.read_card)
        panel.face_requested.connect(self.read_face)
        panel.face_judged.connect(self.judge_face)
        panel.finished.connect(self.card_finished)
        panel.retry_requested.connect(self.retry_number_check)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back)
        if card is not None:
            card.card_inserted.connect(self._card_inserted)
            card.card_removed.connect(self._card_removed)
            card.service_error.connect(self._card_service_error)
        personal_data.register(self, ClearPhase.MODELS)
        self.refresh()
        if api is None:
            self._show_problem(translate("IdentityPage", "住基システムに接続されていません。"))

    # -- the pages --------------------------------------------------------------------------------

    def _person_page(self) -> QWidget:
        page = QWidget(self)
        self.resident_id = QLineEdit(page)
        self.resident_id.setObjectName("resident_id")
        self.resident_id.setMaxLength(10)
        self.resident_id.setPlaceholderText(translate("IdentityPage", "宛名番号（10桁）"))
        self.lookup_button = QPushButton(translate("IdentityPage", "呼出"), page)
        self.lookup_button.setObjectName("lookup_button")
        form = QFormLayout(page)
        row = QHBoxLayout()
        row.addWidget(self.resident_id, 1)
        row.addWidget(self.lookup_button)
        form.addRow(translate("IdentityPage", "宛名番号"), row)
        hint = QLabel(translate("IdentityPage", "検索画面で開いている方は、その画面から本人確認を始められます。"), page)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.resident_id.returnPressed.connect(self.lookup)
        self.lookup_button.clicked.connect(self.lookup)
        return page

    def _documents_page(self) -> QWidget:
        page = QWidget(self)
        self.purpose = QComboBox(page)
        self.purpose.setObjectName("identity_purpose")
        for code, name in PURPOSE_NAMES:
            self.purpose.addItem(translate("IdentityPage", name), code)
        photo = QGroupBox(translate("IdentityPage", "写真付きの書類（1点で確認できます）"), page)
        other = QGroupBox(translate("IdentityPage", "写真のない書類（聞き取りと組み合わせます）"), page)
        photo_column, other_column = QVBoxLayout(photo), QVBoxLayout(other)
        self.document_boxes: dict[Document, QCheckBox] = {}
        for document, name in DOCUMENT_NAMES:
            box = QCheckBox(translate("IdentityPage", name), page)
            box.setObjectName(f"document_{document.value}")
            self.document_boxes[document] = box
            (photo_column if document in PHOTO_IDS else other_column).addWidget(box)
        self.documents_next = QPushButton(translate("IdentityPage", "次へ"), page)
        self.documents_next.setObjectName("documents_next")
        self.documents_next.setDefault(True)
        column = QVBoxLayout(page)
        form = QFormLayout()
        form.addRow(translate("IdentityPage", "確認の目的"), self.purpose)
        column.addLayout(form)
        column.addWidget(photo)
        column.addWidget(other)
        column.addWidget(self.documents_next)
        column.addStretch(1)
        self.documents_next.clicked.connect(self.choose_documents)
        for box in self.document_boxes.values():
            enter = QShortcut(QKeySequence(Qt.Key.Key_Return), box)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.choose_documents)
        return page

    def _questions_page(self) -> QWidget:
        page = QWidget(self)
        self.questions_hint = QLabel(page)
        self.questions_hint.setWordWrap(True)
        self.questions_asked = QSpinBox(page)
        self.questions_asked.setObjectName("questions_asked")
        self.questions_asked.setRange(0, 20)
        self.questions_correct = QSpinBox(page)
        self.questions_correct.setObjectName("questions_correct")
        self.questions_correct.setRange(0, 20)
        self.questions_next = QPushButton(translate("IdentityPage", "次へ"), page)
        self.questions_next.setObjectName("questions_next")
        form = QFormLayout(page)
        form.addRow(self.questions_hint)
        form.addRow(translate("IdentityPage", "聞き取った質問の数"), self.questions_asked)
        form.addRow(translate("IdentityPage", "正しく答えられた数"), self.questions_correct)
        form.addRow(self.questions_next)
        self.questions_next.clicked.connect(self.answer_questions)
        for spin in (self.questions_asked, self.questions_correct):
            spin.lineEdit().returnPressed.connect(self.answer_questions)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        self.review_documents = mark_personal(QLabel(page))
        self.review_documents.setObjectName("review_documents")
        self.review_documents.setWordWrap(True)
        self.assessment = mark_personal(QLabel(page))
        self.assessment.setObjectName("assessment")
        self.assessment.setWordWrap(True)
        self.confirm_button = QPushButton(translate("IdentityPage", "本人確認済みとして記録"), page)
        self.confirm_button.setObjectName("confirm_button")
        self.decline_button = QPushButton(translate("IdentityPage", "確認できなかったことを記録"), page)
        self.decline_button.setObjectName("decline_button")
        self.redo_button = QPushButton(translate("IdentityPage", "書類を選び直す"), page)
        self.redo_button.setObjectName("redo_button")
        column = QVBoxLayout(page)
        column.addWidget(self.review_documents)
        column.addWidget(self.assessment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.redo_button)
        column.addLayout(buttons)
        column.addStretch(1)
        self.confirm_button.clicked.connect(lambda: self.record(confirmed=True))
        self.decline_button.clicked.connect(lambda: self.record(confirmed=False))
        self.redo_button.clicked.connect(self.back)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = mark_personal(QLabel(page))
        self.done_label.setObjectName("done_label")
        self.done_label.setWordWrap(True)
        self.next_person = QPushButton(translate("IdentityPage", "次の方"), page)
        self.next_person.setObjectName("next_person")
        column = QVBoxLayout(page)
        column.addWidget(self.done_label)
        column.addWidget(self.next_person)
        column.addStretch(1)
        self.next_person.clicked.connect(self.start)
        return page

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
        self.lookup_button.setEnabled(not busy and self._api is not None)
        if flow.step is IdentityStep.CARD:
            self._refresh_card()
        elif flow.step is IdentityStep.QUESTIONS:
            self.questions_hint.setText(translate(
                "IdentityPage",
                "写真付きの書類で確認できないため、住民票の記載事項（生年月日・世帯主・前住所など）について"
                "%1問以上聞き取ってください。").replace("%1", str(flow.min_questions())))
        elif flow.step is IdentityStep.REVIEW:
            self.review_documents.setText(
                translate("IdentityPage", "提示された書類：%1").replace("%1", flow.documents_text()))
            assessment = flow.assessment
            if assessment is not None:
                self.assessment.setText(assessment.message)
                self.assessment.setStyleSheet(OK_STYLE if assessment.sufficient else ERROR_STYLE)
                self.confirm_button.setEnabled(assessment.sufficient and not busy)
            self.decline_button.setEnabled(not busy)
        elif flow.step is IdentityStep.DONE and flow.result is not None:
            outcome = (translate("IdentityPage", "本人確認済み") if flow.result.outcome == "confirmed"
                       else translate("IdentityPage", "本人確認できず"))
            self.done_label.setText(translate("IdentityPage", "記録しました（%1、記録番号 %2）。")
                                    .replace("%1", outcome).replace("%2", flow.result.check_id))

    @staticmethod
    def _person_text(resident_id: str, person: Person) -> str:
        return "　".join((
            translate("IdentityPage", "宛名番号 %1").replace("%1", resident_id),
            person.name.full, format_date(person.birth_date), person.address.full,
        ))

    def _refresh_card(self) -> None:
        flow, panel = self.flow, self.card_panel
        stage = flow.card_stage
        working = stage in (CardStage.PROBING, CardStage.READING, CardStage.FACE) or flow.busy
        # The registry's answer to the number check did not come: ask again (the card was read).
        panel.retry_button.setVisible(stage is CardStage.CHECKING and not flow.busy)
        status = {
            CardStage.WAITING: translate("IdentityPage", "個人番号カードをリーダーに置いてください。"),
            CardStage.PROBING: translate("IdentityPage", "カードを確認しています…"),
            CardStage.PIN: translate("IdentityPage", "ご本人に暗証番号（4桁）を入力してもらってください。"),
            CardStage.READING: translate("IdentityPage", "カードを読み取っています…"),
            CardStage.CHECKING: translate("IdentityPage", "個人番号を住基システムで照合しています…"),
            CardStage.COMPARED: translate("IdentityPage", "カードの記載事項と住民票を照合しました。"),
            CardStage.FACE: translate("IdentityPage", "顔写真を読み取っています…"),
            CardStage.FACE_SHOWN: translate("IdentityPage", "顔写真とご本人を見比べてください。"),
        }[stage]
        if self._card is None:
            status = translate("IdentityPage", "この端末にはカードリーダーがありません。")
        elif stage is CardStage.WAITING and self._card.problem():
            status = self._card.problem() or status  # pcscd not running, no reader
        panel.status.setText(status)
        has_reader = self._card is not None
        panel.probe_button.setEnabled(has_reader and not working)
        if flow.pin_blocked:
            panel.pin.set_blocked()
        else:
            panel.pin.set_tries_left(flow.tries_left if stage is CardStage.PIN else None)
            panel.pin.field.setEnabled(stage is CardStage.PIN)
        panel.read_button.setEnabled(stage is CardStage.PIN and not flow.pin_blocked and not working)
        panel.table.show_comparison(flow.comparison)
        can_face = has_reader and not working and stage in (CardStage.PIN, CardStage.COMPARED)
        panel.face_button.setEnabled(can_face)
        panel.expiry_year.setEnabled(can_face)
        panel.security_code.field.setEnabled(can_face)
        panel.show_face(flow.face)
        shown = stage is CardStage.FACE_SHOWN
        panel.same_button.setEnabled(shown)
        panel.other_button.setEnabled(shown)
        panel.next_button.setEnabled(not working and stage is not CardStage.FACE_SHOWN)

    def _show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))

    def _focus_step(self) -> None:
        flow = self.flow
        target: QWidget | None = {
            IdentityStep.PERSON: self.resident_id,
            IdentityStep.DOCUMENTS: self.document_boxes[Document.MY_NUMBER_CARD],
            IdentityStep.QUESTIONS: self.questions_asked,
            IdentityStep.REVIEW: self.confirm_button if self.confirm_button.isEnabled()
            else self.decline_button,
            IdentityStep.DONE: self.next_person,
        }.get(flow.step)
        if flow.step is IdentityStep.CARD:
            panel = self.card_panel
            if flow.card_stage is CardStage.PIN and not flow.pin_blocked:
                target = panel.pin.field
            elif flow.card_stage is CardStage.FACE_SHOWN:
                target = panel.same_button
            elif flow.card_stage is CardStage.COMPARED:
                target = panel.next_button
            elif flow.card_stage is CardStage.CHECKING:
                target = panel.retry_button
            elif flow.pin_blocked:
                target = panel.expiry_year
            else:
                target = panel.probe_button
        if target is not None and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update(self) -> None:
        self.refresh()
        self._focus_step()

    # -- the person ------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        self.flow.clear_personal_data()
        self.card_panel.clear_personal_data()
        self.resident_id.setText("")
        self._reset_documents()
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
        self._reset_documents()
        self._update()

    def _failed(self, error: Exception) -> None:
        self.flow.failed(error)
        self._update()

    # -- documents --------------------------------------------------------------------------------

    def _reset_documents(self) -> None:
        for box in self.document_boxes.values():
            box.setChecked(False)
        self.purpose.setCurrentIndex(0)
        self.questions_asked.setValue(0)
        self.questions_correct.setValue(0)

    @Slot()
    def choose_documents(self) -> None:
        chosen = [d for d, box in self.document_boxes.items() if box.isChecked()]
        try:
            self.flow.choose_documents(chosen, str(self.purpose.currentData()))
        except FieldErrors:
            self.refresh()
            return
        self._update()
        if self.flow.step is IdentityStep.CARD and self.flow.card_stage is CardStage.WAITING \
                and self._card is not None:
            # The service starts on first use; a card already down then arrives as an event.
            self._card.start()
            if self._card.card_present():
                self.probe_card()

    @Slot()
    def back(self) -> None:
        if self.flow.step in (IdentityStep.CARD, IdentityStep.QUESTIONS, IdentityStep.REVIEW):
            self.flow.back_to_documents()
            self._update()

    # -- the card ------------------------------------------------------------------------------

    def _run_card(self, job: CardJob[Any], success: Any) -> None:
        if self._card is None:
            return
        self._card.run(lambda service: service.submit(job, what="identity check"),
                       success=success, failure=self._card_failed, parent=self)

    @Slot()
    def probe_card(self) -> None:
        if self._card is None or self.flow.step is not IdentityStep.CARD:
            return
        self._run_card(self.flow.probe_job(), self._probed)
        self.refresh()

    def _probed(self, result: ProbeResult) -> None:
        self.flow.probed(result)
        self._update()

    @Slot()
    def read_card(self) -> None:
        panel = self.card_panel
        if self.flow.card_stage is not CardStage.PIN or not panel.pin.is_complete():
            return
        try:
            job = self.flow.pin_job(panel.pin.take())
        except CardError:
            self._update()
            return
        self._run_card(job, self._card_read)
        self.refresh()

    def _card_read(self, basic: BasicInfo) -> None:
        job = self.flow.card_read(basic)
        self.refresh()
        self._runner.operation(job, parent=self).success(self._number_checked) \
            .failure(self._failed).run_in_background()

    @Slot()
    def retry_number_check(self) -> None:
        if self.flow.card_stage is not CardStage.CHECKING or self.flow.busy:
            return
        job = self.flow.retry_number_check()
        self.refresh()
        self._runner.operation(job, parent=self).success(self._number_checked) \
            .failure(self._failed).run_in_background()

    def _number_checked(self, matches: bool) -> None:
        self.flow.number_checked(matches)
        self._update()

    def _card_failed(self, error: Exception) -> None:
        self.flow.card_failed(error)
        self._update()

    @Slot()
    def read_face(self) -> None:
        panel = self.card_panel
        try:
            job = self.flow.face_job(panel.expiry_year.text(), panel.security_code.take())
        except FieldErrors:
            self.refresh()
            return
        self._run_card(job, self._face_read)
        self.refresh()

    def _face_read(self, face: CardFace) -> None:
        self.flow.face_read(face)
        self._update()

    @Slot(bool)
    def judge_face(self, same: bool) -> None:
        self.flow.judge_face(same)
        self._update()

    @Slot()
    def card_finished(self) -> None:
        self.flow.card_finished()
        self.card_panel.show_face(None)
        self._update()

    @Slot(str)
    def _card_inserted(self, reader: str) -> None:
        flow = self.flow
        if flow.step is IdentityStep.CARD and flow.card_stage is CardStage.WAITING:
            self.probe_card()

    @Slot(str)
    def _card_removed(self, reader: str) -> None:
        self.flow.card_removed()
        if self.flow.step is IdentityStep.CARD:
            self.card_panel.pin.clear()
            self._update()

    @Slot(str)
    def _card_service_error(self, message: str) -> None:
        if self.flow.step is IdentityStep.CARD:
            self.flow.problem = Problem("pcsc_unavailable", message)
            self.refresh()

    # -- questions, review, record -------------------------------------------------------------

    @Slot()
    def answer_questions(self) -> None:
        try:
            self.flow.answer_questions(self.questions_asked.value(), self.questions_correct.value())
        except FieldErrors:
            self.refresh()
            return
        self._update()

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
        self._reset_documents()
        self.person_label.clear()
        self.review_documents.clear()
        self.assessment.clear()
        self.done_label.clear()
        self.refresh()
