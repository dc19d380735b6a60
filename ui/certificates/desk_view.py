"""The certificate desk's view: the order form, the preview from memory, print and 再交付, and
the approval dialog of a bulk job. The flow is app.certificate_desk.CertificateDesk; every
registry call, the PDF rendering and the printing (pages rasterised and painted onto the
printer: print_output.print_pdf) run on the runner's worker, so the window never waits.

Everything shown here is resident data: the view is a personal-data holder, and a lock drops
the order, the answer, the PDF bytes, the QPdfDocument and the preview, stops a queued
approval's polling and leaves nothing of the certificate in any widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.certificate_desk import CertificateDesk, DeskStep, Issued, OrderProblems
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from ui.certificates.approval_step import ApprovalStep
from ui.certificates.dialogs import ApprovalDialog, ReasonDialog
from ui.certificates.labels import KIND_LABELS, label, problem_text, refusal_text
from ui.certificates.order_form import ERROR_STYLE, CertificateOrderForm
from ui.certificates.preview import CertificatePreview
from ui.certificates.print_output import (
    MEMORY_PDF,
    PrintCancelled,
    PrintedPdf,
    PrintOutcome,
    PrintSetup,
    default_printer,
    print_pdf,
    printer_names,
)
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.security.holders import mark_personal

POLL_INTERVAL_MS = 5000  # a queued approval is looked at every 5 s while the dialog is open


class CertificateDeskView(QWidget):
    certificate_issued = Signal(str)  # serial
    certificate_reissued = Signal(str)  # the new serial
    certificate_printed = Signal(int)  # sheets
    print_failed = Signal()
    verify_requested = Signal()  # the clerk asks for 証明書の真正確認
    issue_refused = Signal(str)  # the registry's code
    approval_requested = Signal()  # the approval dialog opened
    approval_polled = Signal(str)  # WaitState value after each poll's answer

    def __init__(self, desk: CertificateDesk, runner: OperationRunner,
                 personal_data: PersonalDataRegistry | None = None, *,
                 print_setup: PrintSetup | None = None, poll_interval_ms: int = POLL_INTERVAL_MS,
                 choose_pdf_path: Callable[[QWidget], Path | None] | None = None,
                 seal_problem: str | None = None, specimen_seal: bool = False,
                 parent: QWidget | None = None, number_view: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_desk")
        self.desk, self._runner = desk, runner
        self.seal_problem = seal_problem  # the configured seal cannot be used: no issuing
        self._setup = print_setup or PrintSetup(None, "auto")
        self._choose_pdf_path = choose_pdf_path  # None: no "save as PDF" (nothing on disk)
        self.form = CertificateOrderForm(self, number_view=number_view)
        self.preview = CertificatePreview(self)
        self.summary = mark_personal(QLabel(self))
        self.summary.setObjectName("certificate_summary")
        self.summary.setWordWrap(True)
        self.message = mark_personal(QLabel(self))
        self.message.setObjectName("certificate_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.printer = QComboBox(self)
        self.printer.setObjectName("certificate_printer")
        self.issue_button = QPushButton(translate("Certificates", "発行(&I)"), self)
        self.print_button = QPushButton(translate("Certificates", "印刷(&P)"), self)
        self.reissue_button = QPushButton(translate("Certificates", "再交付(&R)…"), self)
        self.save_button = QPushButton(translate("Certificates", "PDFに保存…"), self)
        self.new_button = QPushButton(translate("Certificates", "新しい請求(&N)"), self)
        self.verify_button = QPushButton(translate("Certificates", "真正確認… (Shift+F1)"), self)
        self.verify_button.setObjectName("certificate_verify_button")
        self.save_button.setVisible(choose_pdf_path is not None)
        self.seal_message = QLabel(self)
        self.seal_message.setObjectName("certificate_seal_problem")
        self.seal_message.setWordWrap(True)
        self.seal_message.setStyleSheet(ERROR_STYLE)
        self.seal_message.setVisible(seal_problem is not None or specimen_seal)
        if seal_problem is not None:
            self.seal_message.setText(
                translate("Certificates", "設定された公印の画像が使えないため、証明書を発行できません。管理者に連絡してください。")
                + "\n" + seal_problem)
        elif specimen_seal:
            self.seal_message.setText(translate(
                "Certificates", "この端末には公印の画像が設定されていないため、見本の印影に「見本」と重ねて印刷します。"))
        self.memory_printer: PrintedPdf | None = None  # the last in-memory print
        self._printing: threading.Event | None = None  # the print in flight: set it to stop it
        self._generation = 0
        self.approval = ApprovalStep(desk, runner, self, self._run, self._resend, poll_interval_ms)
        self.approval.approval_requested.connect(self.approval_requested)
        self.approval.approval_polled.connect(self.approval_polled)
        self.approval.approval_abandoned.connect(self._refresh_buttons)
        self._layout()
        self._fill_printers()
        for button, slot in ((self.issue_button, self.issue), (self.print_button, self.print_certificate),
                             (self.reissue_button, self.ask_reissue), (self.save_button, self.save_pdf),
                             (self.new_button, self.new_request),
                             (self.verify_button, self.verify_requested.emit)):
            button.clicked.connect(slot)
        self.form.issue_requested.connect(self.issue)
        for keys, slot in (("Ctrl+Return", self.issue), ("Ctrl+P", self.print_certificate),
                           ("Ctrl+N", self.new_request)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._refresh_buttons()
        if personal_data is not None:
            personal_data.register(self, ClearPhase.VIEWS)

    def _layout(self) -> None:
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.seal_message)
        left_column.addWidget(self.form, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.issue_button)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.verify_button)
        left_column.addLayout(buttons)
        left_column.addWidget(self.message)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.summary)
        right_column.addWidget(self.preview, 1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(translate("Certificates", "プリンタ"), right))
        actions.addWidget(self.printer, 1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.reissue_button)
        actions.addWidget(self.save_button)
        right_column.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        self.setFocusProxy(self.form)

    def _fill_printers(self) -> None:
        for name in printer_names():
            self.printer.addItem(name, name)
        self.printer.addItem(translate("Certificates", "PDF（メモリ内・試験用）"), MEMORY_PDF)
        chosen = self.printer.findData(default_printer(self._setup))
        self.printer.setCurrentIndex(max(0, chosen))

    def _run(self, job: Callable[[], Any], success: Callable[[Any], None],
             failure: Callable[[Exception], None]) -> None:
        self._refresh_buttons(busy=True)
        generation = self._generation

        def done(result: Any) -> None:
            if generation == self._generation:  # else the order was dropped meanwhile
                success(result)
                self._refresh_buttons()

        def failed(error: Exception) -> None:
            if generation == self._generation:
                failure(error)
                self._refresh_buttons()

        self._runner.operation(job, parent=self).success(done).failure(failed).run_in_background()

    @Slot()
    def _refresh_buttons(self, busy: bool = False) -> None:
        issued = self.desk.issued
        ready = not busy and self.desk.step is DeskStep.ISSUED and issued is not None
        self.issue_button.setEnabled(not busy and self.seal_problem is None)
        self.form.set_busy(busy)
        self.print_button.setEnabled(ready and issued is not None and issued.printable
                                     and self.preview.document() is not None and self._printing is None)
        self.reissue_button.setEnabled(ready and self._printing is None)
        self.save_button.setEnabled(ready and issued is not None and issued.printable)

    @property
    def approval_dialog(self) -> ApprovalDialog | None:
        return self.approval.dialog

    # -- issuing ----------------------------------------------------------------------------------

    def start_for(self, *, persons: tuple[str, ...] = (), household: str | None = None,
                  kind: str | None = None) -> None:
        """A new order for the persons or the household the counter has open; the clerk goes
        on with who is asking (the requester type first)."""
        self.new_request()
        self.form.set_target(persons=persons, household=household, kind=kind)
        self.form.requester_type.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def issue(self) -> None:
        if not self.issue_button.isEnabled():
            return
        try:
            job = self.desk.submit(self.form.values())
        except OrderProblems as problems:
            self.form.show_problems(problems.problems)
            return
        self.form.show_problems({})
        self.message.clear()
        self._resend(job)

    def _resend(self, job: Callable[[], Issued]) -> None:
        self._run(job, self._issued, self._issue_failed)

    def _issued(self, issued: Issued) -> None:
        reissue = issued.reissue_of is not None
        if reissue:
            self.desk.reissue_succeeded(issued)
        else:
            self.desk.issue_succeeded(issued)
        self.approval.close()
        self.summary.setText(
            translate("Certificates", "%1　証明書番号 %2　%3通　手数料 %4円")
            .replace("%1", label(KIND_LABELS, issued.kind)).replace("%2", issued.serial)
            .replace("%3", str(issued.copies)).replace("%4", f"{issued.total_fee_yen:,}"))
        if issued.missing:
            self.preview.clear_personal_data()
            listed = "\n".join(f"{m.field}: {' '.join(m.characters)} ({' '.join(m.codepoints)})"
                               for m in issued.missing)
            self.message.setText(translate(
                "Certificates", "証明書のフォントにない文字があるため印刷できません。外字の登録か代替文字を確認してください。")
                + "\n" + listed)
        elif issued.pdf is not None and not self.preview.show_pdf(issued.pdf):
            self.message.setText(translate("Certificates", "プレビューを表示できないため印刷できません。"))
        if reissue:
            self.certificate_reissued.emit(issued.serial)
        else:
            self.certificate_issued.emit(issued.serial)

    def _issue_failed(self, error: Exception) -> None:
        self.desk.issue_failed(error)
        code = self.desk.error.code if self.desk.error is not None else ""
        if self.desk.step is DeskStep.APPROVAL_REQUIRED:
            self.approval.open(error)
        else:
            self.approval.close()
            self.message.setText(refusal_text(error))
        self.issue_refused.emit(code)

    # -- print, 再交付, save ----------------------------------------------------------------------------

    @Slot()
    def print_certificate(self) -> bool:
        """Start printing the issued certificate on the chosen printer, on the runner's worker;
        certificate_printed (sheets) or print_failed follows. False if nothing was started."""
        issued, document = self.desk.issued, self.preview.document()
        if not self.print_button.isEnabled() or issued is None or issued.pdf is None or document is None:
            return False
        name, tray, copies, pdf = str(self.printer.currentData()), self._setup.tray, issued.copies, issued.pdf
        cancel = threading.Event()
        self._printing = cancel
        generation = self._generation
        if self.memory_printer is not None:
            self.memory_printer.clear_personal_data()
            self.memory_printer = None
        self.message.setText(translate("Certificates", "印刷しています…"))
        self._refresh_buttons()

        def done(outcome: PrintOutcome) -> None:
            if self._printing is cancel:
                self._printing = None
            if generation != self._generation:
                if outcome.memory is not None:
                    outcome.memory.clear_personal_data()
                return
            self.memory_printer = outcome.memory
            note = "" if outcome.tray_set else translate(
                "Certificates", "（設定の給紙トレイを指定できないため、プリンタの既定のトレイを使いました）")
            self.message.setText(translate("Certificates", "%1枚印刷しました。").replace("%1", str(outcome.sheets)) + note)
            self._refresh_buttons()
            self.certificate_printed.emit(outcome.sheets)

        def failed(error: Exception) -> None:
            if self._printing is cancel:
                self._printing = None
            if generation != self._generation:
                return
            if isinstance(error, PrintCancelled):
                self.message.setText(translate("Certificates", "印刷を中止しました。"))
            else:
                self.message.setText(translate("Certificates", "プリンタを開けませんでした。"))
            self._refresh_buttons()
            self.print_failed.emit()

        self._runner.operation(lambda: print_pdf(pdf, name, tray, copies, cancel), parent=self) \
            .success(done).failure(failed).run_in_background()
        return True

    @property
    def printing(self) -> bool:
        return self._printing is not None

    @Slot()
    def ask_reissue(self) -> None:
        if not self.reissue_button.isEnabled():
            return
        dialog = ReasonDialog(translate("Certificates", "再交付"),
                              translate("Certificates", "書き損じ・印刷不良の理由を入力してください。発行済みの証明書番号は無効になります。"),
                              self)
        dialog.reason_given.connect(self.reissue)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot(str)
    def reissue(self, reason: str) -> None:
        try:
            job = self.desk.reissue(reason)
        except OrderProblems as problems:
            self.message.setText(problem_text(next(iter(problems.problems.values()))))
            return
        self._run(job, self._issued, self._reissue_failed)

    def _reissue_failed(self, error: Exception) -> None:
        self.desk.reissue_failed(error)
        self.message.setText(refusal_text(error))

    @Slot()
    def save_pdf(self) -> None:
        """Only where the terminal was built with a chooser (the demo): the clerk's explicit
        choice to put this certificate on disk."""
        issued = self.desk.issued
        if self._choose_pdf_path is None or issued is None or issued.pdf is None:
            return
        path = self._choose_pdf_path(self)
        if path is not None:
            path.write_bytes(issued.pdf)

    # -- clearing ---------------------------------------------------------------------------------

    @Slot()
    def new_request(self) -> None:
        self.clear_personal_data()
        self.form.setFocus()

    def clear_personal_data(self) -> None:
        self._generation += 1  # an answer still in flight is for an order no longer here
        if self._printing is not None:
            self._printing.set()  # the worker stops before its next page and drops its copy
            self._printing = None
        self.approval.close()
        self.desk.clear()
        self.preview.clear_personal_data()
        self.form.clear_personal_data()
        self.summary.clear()
        self.message.clear()
        if self.memory_printer is not None:
            self.memory_printer.clear_personal_data()
            self.memory_printer = None
        self._refresh_buttons()
