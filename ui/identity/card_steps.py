"""The card step of the identity check at work: the probe, the PIN read and the 照合番号B face
read run on the CardBridge's card thread, the number check on the OperationRunner; each outcome
goes to the flow (app/workflows/identity/card.py), and `changed` tells the page to show it.

Also follows the reader: a card put down while the page waits is probed, a card taken away
empties the PIN field, a card service error becomes the page's problem line.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from app.workflows import Job
from app.workflows.errors import FieldErrors, Problem
from app.workflows.identity import CardJob, CardStage, IdentityFlow, IdentityStep
from cardreader.errors import CardError
from cardreader.models import BasicInfo, CardFace, ProbeResult
from ui.card.bridge import CardBridge
from ui.identity.card_panel import CardPanel
from ui.operations import OperationRunner


class CardSteps(QObject):
    changed = Signal(bool)  # the flow changed; True: an outcome arrived, the focus follows

    def __init__(self, flow: IdentityFlow, panel: CardPanel, runner: OperationRunner,
                 card: CardBridge | None, parent: QObject) -> None:
        super().__init__(parent)
        self.flow, self.panel, self._runner, self._card = flow, panel, runner, card
        panel.probe_requested.connect(self.probe_card)
        panel.read_requested.connect(self.read_card)
        panel.face_requested.connect(self.read_face)
        panel.face_judged.connect(self.judge_face)
        panel.finished.connect(self.card_finished)
        panel.retry_requested.connect(self.retry_number_check)
        if card is not None:
            card.card_inserted.connect(self._card_inserted)
            card.card_removed.connect(self._card_removed)
            card.service_error.connect(self._card_service_error)

    def start_card(self) -> None:
        """The card step began: start the card service (on first use); a card already down
        then arrives as an event."""
        if self.flow.step is IdentityStep.CARD and self.flow.card_stage is CardStage.WAITING \
                and self._card is not None:
            self._card.start()
            if self._card.card_present():
                self.probe_card()

    def _run_card(self, job: CardJob[Any], success: Any) -> None:
        if self._card is None:
            return
        self._card.run(lambda service: service.submit(job, what="identity check"),
                       success=success, failure=self._card_failed, parent=self)

    def _check_number(self, job: Job[bool]) -> None:
        self._runner.operation(job, parent=self).success(self._number_checked) \
            .failure(self._check_failed).run_in_background()

    @Slot()
    def probe_card(self) -> None:
        if self._card is None or self.flow.step is not IdentityStep.CARD:
            return
        self._run_card(self.flow.probe_job(), self._probed)
        self.changed.emit(False)

    def _probed(self, result: ProbeResult) -> None:
        self.flow.probed(result)
        self.changed.emit(True)

    @Slot()
    def read_card(self) -> None:
        panel = self.panel
        if self.flow.card_stage is not CardStage.PIN or not panel.pin.is_complete():
            return
        try:
            job = self.flow.pin_job(panel.pin.take())
        except CardError:
            self.changed.emit(True)
            return
        self._run_card(job, self._card_read)
        self.changed.emit(False)

    def _card_read(self, basic: BasicInfo) -> None:
        job = self.flow.card_read(basic)
        self.changed.emit(False)
        self._check_number(job)

    @Slot()
    def retry_number_check(self) -> None:
        if self.flow.card_stage is not CardStage.CHECKING or self.flow.busy:
            return
        job = self.flow.retry_number_check()
        self.changed.emit(False)
        self._check_number(job)

    def _number_checked(self, matches: bool) -> None:
        self.flow.number_checked(matches)
        self.changed.emit(True)

    def _check_failed(self, error: Exception) -> None:
        self.flow.failed(error)
        self.changed.emit(True)

    def _card_failed(self, error: Exception) -> None:
        self.flow.card_failed(error)
        self.changed.emit(True)

    @Slot()
    def read_face(self) -> None:
        panel = self.panel
        try:
            job = self.flow.face_job(panel.expiry_year.text(), panel.security_code.take())
        except FieldErrors:
            self.changed.emit(False)
            return
        self._run_card(job, self._face_read)
        self.changed.emit(False)

    def _face_read(self, face: CardFace) -> None:
        self.flow.face_read(face)
        self.changed.emit(True)

    @Slot(bool)
    def judge_face(self, same: bool) -> None:
        self.flow.judge_face(same)
        self.changed.emit(True)

    @Slot()
    def card_finished(self) -> None:
        self.flow.card_finished()
        self.panel.show_face(None)
        self.changed.emit(True)

    @Slot(str)
    def _card_inserted(self, reader: str) -> None:
        flow = self.flow
        if flow.step is IdentityStep.CARD and flow.card_stage is CardStage.WAITING:
            self.probe_card()

    @Slot(str)
    def _card_removed(self, reader: str) -> None:
        self.flow.card_removed()
        if self.flow.step is IdentityStep.CARD:
            self.panel.pin.clear()
            self.changed.emit(True)

    @Slot(str)
    def _card_service_error(self, message: str) -> None:
        if self.flow.step is IdentityStep.CARD:
            self.flow.problem = Problem("pcsc_unavailable", message)
            self.changed.emit(False)
