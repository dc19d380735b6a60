"""The 交付 receipt's steps: rendered by the registry on the OperationRunner once 交付 is
recorded, shown in the receipt panel, printed (Ctrl+P) to the printer the panel names; outcomes
go to the desk's message line and signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel

from app.workflows.card_desk import CardDeskFlow, EventRefused
from ui.carddesk.receipt import ReceiptPanel
from ui.counter.inputs import DONE_STYLE
from ui.i18n import translate
from ui.operations import OperationRunner


class ReceiptSteps(QObject):
    changed = Signal()  # whether there is a receipt to print may have changed
    problem = Signal(str, str)  # code, Japanese message for the desk's message line
    shown = Signal(int)  # pages
    printed = Signal(int)  # sheets

    def __init__(self, flow: CardDeskFlow, runner: OperationRunner, panel: ReceiptPanel,
                 message: QLabel, parent: QObject) -> None:
        super().__init__(parent)
        self.flow, self._runner, self.panel, self._message = flow, runner, panel, message

    def render(self) -> None:
        try:
            job = self.flow.receipt_job()
        except EventRefused as refused:
            self.problem.emit(refused.problem.code, refused.problem.message)
            return
        self._runner.operation(job, parent=self).success(self._rendered) \
            .failure(self._failed).run_in_background()

    def _rendered(self, pdf: bytes) -> None:
        if self.flow.last_recorded is None:
            return  # dropped meanwhile
        if self.panel.show_pdf(pdf):
            self.shown.emit(self.panel.preview.page_count())
        self.changed.emit()

    def _failed(self, error: Exception) -> None:
        self.problem.emit("receipt_failed", translate("CardDesk", "受領書を作成できませんでした。"))

    @Slot()
    def print_receipt(self) -> int:
        try:
            sheets = self.panel.print_receipt()
        except OSError:
            self.problem.emit("printer_unavailable", translate("CardDesk", "プリンタを開けませんでした。"))
            return 0
        if sheets:
            self._message.setStyleSheet(DONE_STYLE)
            self._message.setText(translate("CardDesk", "受領書を%1枚印刷しました。").replace("%1", str(sheets)))
            self.printed.emit(sheets)
        return sheets
