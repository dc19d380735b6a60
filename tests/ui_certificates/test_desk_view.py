"""The certificate desk against the real registry: issue, preview from memory, print to the
in-memory PDF printer, 再交付 with a reason, a bulk job approved in person, and a lock that
leaves nothing of the certificate in any widget."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.certificate_desk import CertificateApi, DeskStep
from app.registry_client import RegistryClient
from app.session.personal_data import PersonalDataRegistry
from tests.ui_certificates.conftest import Resident, make_view, order_for
from ui.certificates.desk_view import CertificateDeskView
from ui.certificates.dialogs import ApprovalDialog, ReasonDialog
from ui.certificates.print_output import MEMORY_PDF
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry, pytest.mark.printing,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]

WAIT_MS = 20_000
def pages_of(pdf: bytes) -> int:
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    count = document.pageCount()
    document.close()
    return count


def texts(view: CertificateDeskView) -> str:
    shown = [w.text() for w in view.findChildren(QLabel)] + [w.text() for w in view.findChildren(QLineEdit)]
    shown += [w.toolTip() for w in view.findChildren(QLineEdit)]
    return "\n".join(shown)


def test_issue_preview_print_and_reissue(qtbot: QtBot, host: QWidget, clerk: RegistryClient, runner: OperationRunner,
                                         personal_data: PersonalDataRegistry, residents: list[Resident]) -> None:
    view = make_view(qtbot, host, clerk, runner, personal_data)
    order_for(view, residents[0], copies=2)
    with qtbot.waitSignal(view.certificate_issued, timeout=WAIT_MS) as issued:
        qtbot.keyClick(view.form.requester_person, Qt.Key.Key_Return)  # Enter in a field issues
    serial = issued.args[0]
    assert view.desk.step is DeskStep.ISSUED and view.preview.page_count() >= 1
    assert serial in view.summary.text() and "600" in view.summary.text()  # 2 copies × ¥300
    first = view.desk.issued
    assert first is not None and first.printable

    view.printer.setCurrentIndex(view.printer.findData(MEMORY_PDF))
    view.printer.setFocus()
    with qtbot.waitSignal(view.certificate_printed) as printed:
        qtbot.keyClick(view.printer, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    pages = view.preview.page_count()
    assert printed.args == [2 * pages]
    assert view.memory_printer is not None and pages_of(view.memory_printer.output()) == 2 * pages

    view.reissue_button.click()
    dialog = view.findChild(ReasonDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.ok_button.click()  # no reason: refused in the dialog
    assert dialog.isVisible() and dialog.error.text()
    dialog.reason.setText("用紙詰まりで印字がかすれた")
    with qtbot.waitSignal(view.certificate_reissued, timeout=WAIT_MS) as reissued:
        dialog.ok_button.click()
    assert reissued.args[0] != serial and view.desk.issued is not None
    assert view.desk.issued.reissue_of == serial
    old = CertificateApi(clerk).verify(serial, first.certificate.verification.code)
    assert old["genuine"] and old["voided"]


def test_lock_leaves_nothing_of_the_certificate(qtbot: QtBot, host: QWidget, clerk: RegistryClient, runner: OperationRunner,
                                                personal_data: PersonalDataRegistry,
                                                residents: list[Resident]) -> None:
    view = make_view(qtbot, host, clerk, runner, personal_data)
    person = residents[1]
    order_for(view, person)
    with qtbot.waitSignal(view.certificate_issued, timeout=WAIT_MS) as issued:
        view.issue_button.click()
    view.printer.setCurrentIndex(view.printer.findData(MEMORY_PDF))
    view.print_certificate()
    document = view.preview.document()
    assert document is not None and document.pageCount() >= 1
    assert person.atena in texts(view) and issued.args[0] in texts(view)

    report = personal_data.drop_all()  # what the lock does
    QCoreApplication.sendPostedEvents(None, 0)  # deleteLater of the document and its buffer
    assert report.ok
    assert not shiboken6.isValid(document) or document.pageCount() == 0
    assert view.preview.document() is None and view.preview.view is not None
    assert view.preview.view.document() is None  # type: ignore[attr-defined]
    assert view.desk.issued is None and view.desk.order is None and view.memory_printer is None
    shown = texts(view)
    assert person.atena not in shown and issued.args[0] not in shown and person.family_name not in shown
    assert not view.print_button.isEnabled() and not view.reissue_button.isEnabled()


def test_bulk_job_approved_in_person(qtbot: QtBot, host: QWidget, clerk: RegistryClient, runner: OperationRunner,
                                     personal_data: PersonalDataRegistry, residents: list[Resident]) -> None:
    view = make_view(qtbot, host, clerk, runner, personal_data)
    order_for(view, residents[2], copies=11)  # 11 documents: above the threshold of 10
    with qtbot.waitSignal(view.approval_requested, timeout=WAIT_MS):
        view.issue_button.click()
    dialog = view.approval_dialog
    assert isinstance(dialog, ApprovalDialog) and dialog.isVisible()
    dialog.purpose.setText("法務局への一括提出")
    dialog.supervisor.setText("t-super")
    dialog.password.setText("not the password")
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT_MS):
        dialog.approve_button.click()
    assert dialog.error.text() and dialog.password.text() == ""
    dialog.password.setText("Testpass2026x")
    with qtbot.waitSignal(view.certificate_issued, timeout=WAIT_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert view.approval_dialog is None and view.desk.approver == "t-super"
    assert view.desk.issued is not None and view.desk.issued.copies == 11
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, ApprovalDialog))
