"""The 交付 receipt: preview from memory (ui/certificates/preview.py) and print, to a printer
or to the in-memory PDF printer (tests, the demo). Nothing is written to disk; a lock drops the
bytes, the document, the preview and the last in-memory print."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.certificates.preview import CertificatePreview
from ui.certificates.print_output import (
    MEMORY_PDF,
    MemoryPdfPrinter,
    PrintSetup,
    default_printer,
    make_printer,
    print_document,
    printer_names,
)
from ui.i18n import translate


class ReceiptPanel(QWidget):
    def __init__(self, setup: PrintSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_receipt")
        self._setup = setup
        self.preview = CertificatePreview(self)
        self.printer = QComboBox(self)
        self.printer.setObjectName("card_receipt_printer")
        self.print_button = QPushButton(translate("CardDesk", "受領書を印刷 (Ctrl+P)"), self)
        self.print_button.setObjectName("card_receipt_print")
        self.memory_printer: MemoryPdfPrinter | None = None
        for name in printer_names():
            self.printer.addItem(name, name)
        self.printer.addItem(translate("CardDesk", "PDF（メモリ内・試験用）"), MEMORY_PDF)
        self.printer.setCurrentIndex(max(0, self.printer.findData(default_printer(setup))))
        column = QVBoxLayout(self)
        column.addWidget(self.preview, 1)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(translate("CardDesk", "プリンタ"), self))
        actions.addWidget(self.printer, 1)
        actions.addWidget(self.print_button)
        column.addLayout(actions)

    def show_pdf(self, pdf: bytes) -> bool:
        return self.preview.show_pdf(pdf)

    def ready(self) -> bool:
        return self.preview.document() is not None

    def print_receipt(self) -> int:
        """Sheets printed; 0 with nothing to print; OSError if the printer cannot be opened."""
        document = self.preview.document()
        if document is None:
            return 0
        name = self.printer.currentData()
        if name == MEMORY_PDF:
            if self.memory_printer is not None:
                self.memory_printer.clear_personal_data()
            self.memory_printer = MemoryPdfPrinter()
            return print_document(document, self.memory_printer.writer)
        printer, _ = make_printer(name, self._setup.tray)
        return print_document(document, printer)

    def clear_personal_data(self) -> None:
        self.preview.clear_personal_data()
        if self.memory_printer is not None:
            self.memory_printer.clear_personal_data()
            self.memory_printer = None
