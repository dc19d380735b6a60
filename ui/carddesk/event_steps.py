"""The card events of the desk: 交付, 一時停止, 一時停止解除, 廃止, 回収 asked for (with a reason
where the event needs one), sent to the registry on the OperationRunner (again, with the same
key, when it could not be reached), and the card's status reloaded after; outcomes go to the
flow, then to the desk's message line and signals."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.domain.card_lifecycle import REASON_REQUIRED, CardEvent
from app.workflows.card_desk import CardDeskFlow, CardStatus, EventRefused, RecordedEvent
from ui.carddesk.card_steps import CardSteps
from ui.carddesk.tables import EventReasonDialog, event_label
from ui.counter.inputs import DONE_STYLE
from ui.i18n import translate
from ui.operations import OperationRunner


class EventSteps(QObject):
    changed = Signal()  # what the flow allows may have changed
    problem = Signal(str, str)  # code, Japanese message for the desk's message line
    person_changed = Signal()  # the person's card record changed: show it again
    recorded = Signal(str)  # CardEvent value
    state_loaded = Signal(str)  # CardState value, after each reload
    issued = Signal()  # 交付 recorded: its receipt is due

    def __init__(self, flow: CardDeskFlow, runner: OperationRunner, card_steps: CardSteps,
                 buttons: Mapping[CardEvent, QPushButton], message: QLabel,
                 parent: QWidget) -> None:
        """`buttons`: the desk's event buttons (an event is asked for only while its button is
        enabled); `parent` also holds the reason dialog."""
        super().__init__(parent)
        self.flow, self._runner, self._card_steps = flow, runner, card_steps
        self._buttons, self._message, self._desk = buttons, message, parent

    def request(self, event: CardEvent) -> None:
        if not self._buttons[event].isEnabled():
            return
        if event in REASON_REQUIRED:
            dialog = EventReasonDialog(event, self._desk)
            dialog.reason_given.connect(lambda reason: self.record(event, reason))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return
        self.record(event, None)

    def record(self, event: CardEvent, reason: str | None) -> None:
        try:
            job = self.flow.record(event, reason)
        except EventRefused as refused:
            self.problem.emit(refused.problem.code, refused.problem.message)
            return
        self._message.clear()
        self._send(job)

    @Slot()
    def resend(self) -> None:
        job = self.flow.resend()
        if job is not None:
            self._send(job)

    def _send(self, job: Callable[[], RecordedEvent]) -> None:
        self.changed.emit()
        for button in self._buttons.values():
            button.setEnabled(False)
        self._runner.operation(job, parent=self).success(self._recorded) \
            .failure(self._record_failed).run_in_background()

    def _recorded(self, result: RecordedEvent) -> None:
        reload = self.flow.recorded(result)
        if self.flow.comparison is None:
            self._card_steps.forget()
        self.person_changed.emit()
        # Done, not wrong: in the colour of a result, not of an error.
        self._message.setStyleSheet(DONE_STYLE)
        self._message.setText(translate("CardDesk", "%1を記録しました。").replace("%1", event_label(result.event)))
        self.recorded.emit(result.event.value)
        if reload is not None:
            self._reload(reload)
        if result.event is CardEvent.ISSUE:
            self.issued.emit()

    def _record_failed(self, error: Exception) -> None:
        reload = self.flow.record_failed(error)
        problem = self.flow.problem
        if problem is not None:
            self.problem.emit(problem.code, problem.message)
        self.changed.emit()
        if reload is not None:
            self._reload(reload)

    def _reload(self, job: Callable[[], CardStatus]) -> None:
        self._runner.operation(job, parent=self).success(self._reloaded) \
            .failure(lambda _error: None).run_in_background()

    def _reloaded(self, status: CardStatus) -> None:
        self.flow.refreshed(status)
        self.person_changed.emit()
        self.state_loaded.emit(status.state.value)
