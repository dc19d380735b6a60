"""The 証明書 tab of the 窓口 workspace: the certificate desk, and the 真正確認 of a paper a
receiving office or a resident brings back, one at a time in the same place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QStackedLayout, QWidget

from ui.certificates.desk_view import CertificateDeskView
from ui.certificates.verify_view import CertificateVerifyView


class CertificatesPage(QWidget):
    def __init__(self, desk: CertificateDeskView, verify: CertificateVerifyView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("certificates_page")
        self.desk, self.verify = desk, verify
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(desk)
        self._stack.addWidget(verify)
        desk.verify_requested.connect(self.show_verify)
        verify.back_requested.connect(self.show_desk)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(desk)

    def showing_verify(self) -> bool:
        return self._stack.currentWidget() is self.verify

    @Slot()
    def show_desk(self) -> None:
        self._stack.setCurrentWidget(self.desk)
        self.setFocusProxy(self.desk)
        self.desk.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def show_verify(self) -> None:
        self._stack.setCurrentWidget(self.verify)
        self.setFocusProxy(self.verify)
        self.verify.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def start_for(self, *, persons: tuple[str, ...] = (), household: str | None = None,
                  kind: str | None = None) -> None:
        """A new order at the desk for the persons (or household) the counter has open."""
        self._stack.setCurrentWidget(self.desk)
        self.setFocusProxy(self.desk)
        self.desk.start_for(persons=persons, household=household, kind=kind)
