"""The certificate preview, from memory only: the PDF bytes go into a QByteArray, a QBuffer
reads them, QPdfDocument loads from the buffer and QPdfView shows it. No file, no temp file.

QtPdf ships in the PySide6-Addons wheel. Without it the preview says so and printing is
unavailable (pages cannot be rasterised); the issued serial and the content summary remain.

On a lock, `clear_personal_data` detaches the document from the view, closes it (QtPdf frees
its pages), closes the buffer and overwrites the byte array before releasing it.

The QPdfDocument object itself lives as long as the preview: QPdfView renders pages on a
worker thread that may still hold it for a moment after it was detached, and QtPdf serialises
rendering and closing with one mutex, so a closed document is safe there; a deleted one is not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

try:  # the Addons wheel: present where pyproject installs PySide6-Addons
    from PySide6.QtPdf import QPdfDocument as _QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView as _QPdfView

    HAS_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installed wheels
    HAS_QTPDF = False


class CertificatePreview(QWidget):
    preview_shown = Signal(int)  # pages
    preview_cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificate_preview")
        self._data = QByteArray()
        self._buffer: QBuffer | None = None
        self._document: QPdfDocument | None = None
        self._layout = QStackedLayout(self)
        self.placeholder = QLabel(translate("Certificates", "発行するとここに印刷プレビューが表示されます。"), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self._layout.addWidget(self.placeholder)
        self.view: QWidget | None = None
        self._loaded = False
        if HAS_QTPDF:
            view = _QPdfView(self)
            view.setObjectName("certificate_pdf_view")
            view.setPageMode(_QPdfView.PageMode.MultiPage)
            view.setZoomMode(_QPdfView.ZoomMode.FitToWidth)
            self._layout.addWidget(view)
            self.view = view
            self._document = _QPdfDocument(self)  # created after the view: deleted after it
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def available(self) -> bool:
        return self.view is not None

    def document(self) -> QPdfDocument | None:
        """The loaded certificate; None when nothing is shown."""
        return self._document if self._loaded else None

    def page_count(self) -> int:
        return self._document.pageCount() if self._loaded and self._document is not None else 0

    def show_pdf(self, pdf: bytes) -> bool:
        """Load `pdf` from memory and show it; False where QtPdf is missing or the PDF fails."""
        self.clear_personal_data()
        document = self._document
        if self.view is None or document is None:
            self.placeholder.setText(translate(
                "Certificates", "この端末には PDF プレビュー（QtPdf）がありません。印刷できません。"))
            return False
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(self._buffer)
        if document.status() != _QPdfDocument.Status.Ready or document.pageCount() == 0:
            document.close()
            self._drop_buffer()
            self.placeholder.setText(translate("Certificates", "証明書を表示できませんでした。"))
            return False
        self._loaded = True
        self.view.setDocument(document)  # type: ignore[attr-defined]
        self._layout.setCurrentWidget(self.view)
        self.preview_shown.emit(document.pageCount())
        return True

    def clear_personal_data(self) -> None:
        had = self._loaded or not self._data.isEmpty()
        if self.view is not None:
            self.view.setDocument(None)  # type: ignore[attr-defined]
        if self._document is not None:
            self._document.close()  # waits for a page being rendered: QtPdf's one mutex
        self._loaded = False
        self._drop_buffer()
        self._layout.setCurrentWidget(self.placeholder)
        self.placeholder.setText(translate("Certificates", "発行するとここに印刷プレビューが表示されます。"))
        if had:
            self.preview_cleared.emit()

    def _drop_buffer(self) -> None:
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None
        if not self._data.isEmpty():
            # The bytes object the PDF came from is the desk's to drop; this copy is ours.
            self._data.fill(0)
        self._data = QByteArray()
