"""Printing the previewed certificate: each PDF page rasterised by QtPdf straight into the
painter of the chosen device, nothing spooled to a file by us.

Devices: a QPrinter for a real printer (the terminal settings `printing.printer` and
`printing.tray` choose the default printer and paper tray), or the in-memory PDF printer for
tests and the demo, a QPdfWriter over a QBuffer. Both are QPagedPaintDevices.

`print_pdf` does the whole print on a worker thread (the runner's), so that the window never
waits on rasterising pages or on the spooler: Qt allows painting on a QImage, a QPrinter or a
PDF writer outside the GUI thread. Everything it uses is made on that thread from the PDF bytes
(a QPdfDocument of its own, the printer, the in-memory PDF writer) and released there;
QtPdf serialises its PDFium calls, so the preview's document on the UI thread is undisturbed.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRect, QSize
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.settings import PAPER_TRAY, PRINTER_NAME, SettingsStore

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

MEMORY_PDF: Final = ""  # the printer list's key for the in-memory PDF printer
MAX_DPI: Final = 300  # certificates are text and a seal: 300 dpi is sharp, 600 is 4× the memory
MEMORY_DPI: Final = 150

_TRAYS: Final = {
    "auto": QPrinter.PaperSource.Auto, "upper": QPrinter.PaperSource.Upper,
    "lower": QPrinter.PaperSource.Lower, "middle": QPrinter.PaperSource.Middle,
    "manual": QPrinter.PaperSource.Manual, "envelope": QPrinter.PaperSource.Envelope,
    "tractor": QPrinter.PaperSource.Tractor, "smallformat": QPrinter.PaperSource.SmallFormat,
    "largeformat": QPrinter.PaperSource.LargeFormat,
    "largecapacity": QPrinter.PaperSource.LargeCapacity,
    "cassette": QPrinter.PaperSource.Cassette, "formsource": QPrinter.PaperSource.FormSource,
    "onlyone": QPrinter.PaperSource.OnlyOne,
}


@dataclass(frozen=True)
class PrintSetup:
    printer: str | None  # None: the system's default printer
    tray: str

    @classmethod
    def from_settings(cls, settings: SettingsStore | None) -> PrintSetup:
        if settings is None:
            return cls(None, PAPER_TRAY.default)
        return cls(settings.get(PRINTER_NAME), settings.get(PAPER_TRAY))


def printer_names() -> list[str]:
    """The OS's printers; call on the UI thread."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer(setup: PrintSetup) -> str:
    """The printer to preselect: the configured one if the OS has it, else the system default,
    else the in-memory PDF printer (a terminal without printers: tests, the demo)."""
    names = printer_names()
    if setup.printer and setup.printer in names:
        return setup.printer
    system = QPrinterInfo.defaultPrinterName()
    return system if system in names else (names[0] if names else MEMORY_PDF)


def tray_source(tray: str) -> QPrinter.PaperSource | None:
    """Qt's name for a tray setting; None for a name Qt cannot address (the printer's default
    tray is used and the clerk is told)."""
    return _TRAYS.get(tray.strip().lower().replace(" ", "").replace("_", ""))


def make_printer(name: str, tray: str) -> tuple[QPrinter, bool]:
    """A QPrinter for `name`, A4 portrait, full page; and whether the tray could be set."""
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF()))
    printer.setFullPage(True)  # after the layout, which resets it: the PDF page has its own margins
    printer.setDocName("certificate")  # the spooler's job list shows this: never a name or serial
    source = tray_source(tray)
    if source is not None:
        printer.setPaperSource(source)
    return printer, source is not None


class MemoryPdfPrinter:
    """The PDF printer: what would go to paper, as PDF bytes in a QBuffer. Printed pages are
    raster images of the certificate, as on a real printer."""

    def __init__(self, dpi: int = MEMORY_DPI) -> None:
        self._data = QByteArray()
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self._buffer)
        self.writer.setResolution(dpi)
        self.writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                              QPageLayout.Orientation.Portrait, QMarginsF()))
        self.writer.setCreator("madoguchi")

    def output(self) -> bytes:
        """The printed PDF; valid once `print_document` has ended its painter."""
        return bytes(self._buffer.data().data())

    def clear_personal_data(self) -> None:
        self._buffer.close()
        self._data.fill(0)
        self._data = QByteArray()
        self._buffer = QBuffer(self._data)


def _resolution(device: QPagedPaintDevice) -> int:
    if isinstance(device, QPrinter):
        return device.resolution()
    if isinstance(device, QPdfWriter):
        return device.resolution()
    return device.logicalDpiX()


class PrintCancelled(Exception):
    """The print was called off between two pages (a lock, a new order)."""


def print_document(document: QPdfDocument, device: QPagedPaintDevice, copies: int = 1,
                   cancel: threading.Event | None = None) -> int:
    """Paint every page of `document` `copies` times onto `device`; the number of sheets.
    Pages are rendered at the device's resolution, at most MAX_DPI. A set `cancel` stops
    before the next page (a printer's job is aborted) with PrintCancelled."""
    pages = document.pageCount()
    if pages == 0 or copies < 1:
        return 0
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer could not be opened")
    sheets = 0
    try:
        target = QRect(painter.viewport())
        dpi = min(_resolution(device), MAX_DPI)
        for _copy in range(copies):
            for index in range(pages):
                if cancel is not None and cancel.is_set():
                    if isinstance(device, QPrinter):
                        device.abort()
                    raise PrintCancelled
                if sheets:
                    device.newPage()
                size_pt = document.pagePointSize(index)
                pixels = QSize(round(size_pt.width() * dpi / 72), round(size_pt.height() * dpi / 72))
                image = document.render(index, pixels)
                painter.drawImage(target, image)
                del image
                sheets += 1
    finally:
        painter.end()
    return sheets


class PrintedPdf:
    """What the in-memory PDF printer printed, handed from the worker: plain bytes that
    `clear_personal_data` overwrites."""

    def __init__(self, data: bytearray) -> None:
        self._data = data

    def output(self) -> bytes:
        return bytes(self._data)

    def clear_personal_data(self) -> None:
        self._data[:] = bytes(len(self._data))
        self._data = bytearray()


@dataclass(frozen=True)
class PrintOutcome:
    sheets: int
    tray_set: bool  # False: the configured tray has no Qt name, the printer's default was used
    memory: PrintedPdf | None  # the in-memory PDF printer's output


def print_pdf(pdf: bytes, printer_name: str, tray: str, copies: int,
              cancel: threading.Event | None = None) -> PrintOutcome:
    """Print `pdf` on `printer_name` (MEMORY_PDF: the in-memory PDF printer), on the calling
    thread: made for a worker. OSError if the printer cannot be opened or the PDF not read;
    PrintCancelled if `cancel` is set meanwhile."""
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready:
            raise OSError("the certificate PDF could not be read")
        if printer_name == MEMORY_PDF:
            memory = MemoryPdfPrinter()
            try:
                sheets = print_document(document, memory.writer, copies, cancel)
                output = PrintedPdf(bytearray(memory.output()))
            finally:
                memory.clear_personal_data()
                del memory
            return PrintOutcome(sheets, True, output)
        printer, tray_set = make_printer(printer_name, tray)
        return PrintOutcome(print_document(document, printer, copies, cancel), tray_set, None)
    finally:
        document.close()
        buffer.close()
        data.fill(0)
        del document, buffer
