"""The desk's approval step for a bulk job: the approval dialog, the supervisor's in-person
check, or the queued request polled until it is decided. When the token is in hand, the
order is sent again through the view's `resend`, with the same Idempotency-Key.

The poll runs on the view's runner every few seconds while the dialog is open; giving up, an
issue, or a lock stops it (a queued request left behind expires unused at the registry).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.approval_queue import ApprovalInputError, InPersonApproval, QueuedRequest, WaitState
from app.certificate_desk import CertificateDesk, DeskStep, Issued
from ui.certificates.dialogs import ApprovalDialog
from ui.certificates.labels import problem_text, refusal_text
from ui.operations import OperationRunner

Run = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]], None]


log = logging.getLogger(__name__)


class ApprovalStep(QObject):
    approval_requested = Signal()  # the dialog opened
    approval_polled = Signal(str)  # the WaitState value after each poll's answer
    approval_abandoned = Signal()  # the clerk gave up; the order stays

    def __init__(self, desk: CertificateDesk, runner: OperationRunner, host: QWidget, run: Run,
                 resend: Callable[[Callable[[], Issued]], None], poll_interval_ms: int) -> None:
        super().__init__(host)
        self.desk, self._runner, self._host, self._run, self._resend = desk, runner, host, run, resend
        self.dialog: ApprovalDialog | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_interval_ms)
        self._timer.timeout.connect(self.poll)
        self._polling = False

    def open(self, error: Exception) -> None:
        """Show the dialog (once) for an approval_required refusal, or an approval refused."""
        if self.dialog is None:
            count = self.desk.approval_count()
            dialog = ApprovalDialog(count if isinstance(count, int) else None, self._host)
            dialog.in_person_requested.connect(self._in_person)
            dialog.queue_requested.connect(self._queue)
            dialog.approval_abandoned.connect(self._abandoned)
            self.dialog = dialog
            dialog.open()
            self.approval_requested.emit()
        self.dialog.set_busy(False)
        if getattr(error, "code", "") != "approval_required":
            self.dialog.show_error(refusal_text(error))

    def close(self) -> None:
        self._timer.stop()
        self._polling = False
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.approval_abandoned.disconnect(self._abandoned)
            dialog.reject()
            dialog.deleteLater()

    @Slot(str, str, str)
    def _in_person(self, supervisor: str, password: str, purpose: str) -> None:
        assert self.dialog is not None
        try:
            job = self.desk.approve_in_person(supervisor, password, purpose)
        except ApprovalInputError as problem:
            self.dialog.show_error(problem_text(problem.code))
            return
        self.dialog.set_busy(True)
        self._run(job, self._approved_in_person, self._failed)

    def _approved_in_person(self, approval: InPersonApproval) -> None:
        self._resend(self.desk.approved_in_person(approval))

    def _failed(self, error: Exception) -> None:
        self.desk.approval_failed(error)
        if self.dialog is not None:
            self.dialog.set_busy(False)
            self.dialog.show_error(refusal_text(error))

    @Slot(str)
    def _queue(self, purpose: str) -> None:
        assert self.dialog is not None
        try:
            job = self.desk.queue_for_approval(purpose)
        except ApprovalInputError as problem:
            self.dialog.show_error(problem_text(problem.code))
            return
        self.dialog.set_busy(True)
        self._run(job, self._queued, self._failed)

    def _queued(self, view: QueuedRequest) -> None:
        self.desk.queued(view)
        if self.dialog is not None:
            self.dialog.show_waiting(view.id)
        self._timer.start()
        self.poll()

    @Slot()
    def poll(self) -> None:
        """Look once whether the queued request was decided (the timer calls this)."""
        if self._polling or self.desk.step is not DeskStep.AWAITING_APPROVAL:
            return
        self._polling = True
        self._runner.operation(self.desk.poll(), parent=self).success(self._observed) \
            .failure(self._poll_failed).run_in_background()

    def _observed(self, view: QueuedRequest) -> None:
        self._polling = False
        state = self.desk.observed(view)
        if state is not WaitState.WAITING:
            self._timer.stop()
        if state is WaitState.APPROVED:
            self._resend(self.desk.resubmit())
        elif state is WaitState.DECLINED and self.dialog is not None:
            self.dialog.show_declined(view.decline_reason)
        elif state is WaitState.TOKEN_LOST and self.dialog is not None:
            self.dialog.show_token_lost()
        self.approval_polled.emit(state.value)

    def _poll_failed(self, error: Exception) -> None:
        self._polling = False  # the registry was not reached: the next tick asks again
        if self.dialog is not None:
            self.dialog.show_error(refusal_text(error))

    @Slot()
    def _abandoned(self) -> None:
        self._timer.stop()
        withdraw = self.desk.give_up_approval()
        if withdraw is not None:
            # Out of the supervisors' queue; if the registry is not reached, the request stays
            # there, and an approval of it is never collected by this session.
            self._runner.operation(withdraw, parent=self).failure(_withdraw_failed).run_in_background()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.approval_abandoned.emit()


def _withdraw_failed(error: Exception) -> None:
    log.warning("queued approval request not withdrawn: error=%s", error)  # the filter keeps its code
