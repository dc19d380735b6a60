"""The desk's and the queue's views without a registry: characters the font lacks, a terminal
without QtPdf, the printer set-up, an approval given up, and the queue's refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import httpx
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPageSize
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.approval_queue import ApprovalQueueApi
from app.registry_client import RegistryError
from app.session.personal_data import PersonalDataRegistry
from app.settings import PAPER_TRAY, PRINTER_NAME, SettingsStore
from printing import render
from printing.model import CertificateKind
from printing.specimen import certificate as specimen
from tests.ui_certificates.fakes import FakeRegistry, person
from ui.approvals import build_workspace
from ui.approvals.workspace import ApprovalsWorkspace
from ui.certificates import build_certificate_desk, preview
from ui.certificates.desk_view import CertificateDeskView
from ui.certificates.labels import refusal_text
from ui.certificates.print_output import (
    MEMORY_PDF,
    MemoryPdfPrinter,
    PrintSetup,
    default_printer,
    make_printer,
    print_document,
    tray_source,
)
from ui.i18n import install_translators
from ui.operations import OperationRunner
from ui.workspaces import WorkspaceContext

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

TSUCHI_YOSHI = "\U00020bb7"  # 𠮷: not in IPAex明朝
SELF = "0000000101"


def desk(host: QWidget, fake: FakeRegistry, runner: OperationRunner,
         personal_data: PersonalDataRegistry | None = None) -> CertificateDeskView:
    view = build_certificate_desk(fake, runner, personal_data, poll_interval_ms=10, parent=host)
    view.start_for(persons=(SELF,))
    view.form.requester_person.setText(SELF)
    return view


def loaded(pdf: bytes) -> tuple[Any, QBuffer]:
    """A QPdfDocument over `pdf` in memory, and the buffer it reads (keep both)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


@pytest.mark.printing
def test_missing_characters_are_shown_and_nothing_is_printable(qtbot: QtBot, host: QWidget, runner: OperationRunner) -> None:
    fake = FakeRegistry()
    fake.persons = [person("吉田", f"{TSUCHI_YOSHI}子")]
    view = desk(host, fake, runner)
    with qtbot.waitSignal(view.certificate_issued, timeout=20_000):
        view.issue()
    assert "persons[0].name" in view.message.text() and "U+20BB7" in view.message.text()
    assert view.preview.document() is None and not view.print_button.isEnabled()
    assert view.print_certificate() == 0
    assert view.reissue_button.isEnabled()  # the clerk can still void it


def test_order_problems_are_marked_before_anything_is_sent(qtbot: QtBot, host: QWidget, runner: OperationRunner) -> None:
    fake = FakeRegistry()
    view = desk(host, fake, runner)
    view.form.requester_type.setCurrentIndex(view.form.requester_type.findData("agent"))
    view.issue()
    assert fake.calls == []
    assert view.form.requester_name.toolTip() and view.form.problems.text()
    assert not view.form.items["honseki"].isEnabled()  # restricted items: own household only


@pytest.mark.printing
def test_without_qtpdf_the_preview_says_so(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preview, "HAS_QTPDF", False)
    view = desk(host, FakeRegistry(), runner)
    assert view.preview.view is None
    with qtbot.waitSignal(view.certificate_issued, timeout=20_000):
        view.issue()
    assert "QtPdf" in view.preview.placeholder.text() and view.message.text()
    assert not view.print_button.isEnabled() and view.desk.issued is not None


def test_an_approval_given_up_returns_to_the_order(qtbot: QtBot, host: QWidget, runner: OperationRunner) -> None:
    fake = FakeRegistry()
    view = desk(host, fake, runner)
    view.form.copies.setValue(11)
    with qtbot.waitSignal(view.approval_requested, timeout=20_000):
        view.issue()
    dialog = view.approval_dialog
    assert dialog is not None
    dialog.purpose.setText("一括")
    fake.refuse = RegistryError("registry_unreachable")
    with qtbot.waitSignal(runner.operation_delivered, timeout=20_000):
        dialog.queue_button.click()
    assert dialog.error.text()  # the registry could not be reached: the dialog says so
    fake.refuse = None
    with qtbot.waitSignal(view.approval_polled, timeout=20_000):
        dialog.queue_button.click()
    dialog.cancel_button.click()
    assert view.approval_dialog is None and view.desk.order is not None
    assert view.form.persons.text() == SELF and view.issue_button.isEnabled()


@pytest.mark.printing
def test_printing_paints_every_page_of_every_copy(tmp_path: Path, qapp: object) -> None:
    pdf = render(specimen(CertificateKind.HOUSEHOLD, persons=5))  # invented people only
    document, _buffer = loaded(pdf)
    pages = document.pageCount()
    assert pages == 2
    memory = MemoryPdfPrinter()
    assert print_document(document, memory.writer, copies=2) == 4
    again, _again_buffer = loaded(memory.output())
    assert again.pageCount() == 4
    memory.clear_personal_data()
    assert memory.output() == b""
    # A QPrinter as for a real printer, but writing PDF into pytest's tmp_path.
    printer, tray_set = make_printer("", "Lower")
    assert tray_set and printer.paperSource() == QPrinter.PaperSource.Lower and printer.fullPage()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setFullPage(True)  # switching the print engine resets it
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(document, printer) == 2
    on_paper, _paper_buffer = loaded((tmp_path / "printed.pdf").read_bytes())
    assert on_paper.pageCount() == 2


def test_printer_and_tray_come_from_the_terminal_settings(tmp_path: Path, qapp: object) -> None:
    settings = SettingsStore(tmp_path / "settings.json")
    settings.set(PRINTER_NAME, "窓口プリンタ1")
    settings.set(PAPER_TRAY, "Tray 3")
    setup = PrintSetup.from_settings(settings)
    assert setup == PrintSetup("窓口プリンタ1", "Tray 3")
    assert default_printer(setup) == MEMORY_PDF  # this machine has no printers at all
    assert tray_source("Tray 3") is None and tray_source("large capacity") == QPrinter.PaperSource.LargeCapacity
    assert make_printer("", "Tray 3")[1] is False  # told to the clerk, printed from the default tray


# -- the 承認 workspace without a registry -----------------------------------------------------------


class QueueSender:
    """The queue's answers, and the refusals a supervisor meets."""

    ROW: ClassVar[dict[str, Any]] = {"created_at": "2026-02-13T01:02:03Z", "clerk_id": "t-clerk", "terminal_id": "counter-3",
           "kind": "certificate", "count": 12, "purpose": "一括", "status": "pending"}

    def __init__(self) -> None:
        self.items = [{**self.ROW, "id": 1}, {**self.ROW, "id": 2, "clerk_id": "t-super"}]
        self.refusal: dict[int, RegistryError] = {}

    def request(self, method: str, path: str, *, json: Any = None, **_: Any) -> httpx.Response:
        if method == "GET":
            return httpx.Response(200, json={"items": self.items})
        number = int(path.split("/")[3])
        if number in self.refusal:
            raise self.refusal[number]
        row = next(r for r in self.items if r["id"] == number)
        self.items.remove(row)
        return httpx.Response(200, json={**row, "status": "approved"})


def test_the_queue_page_handles_refusals_and_locks(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                                                  personal_data: PersonalDataRegistry) -> None:
    sender = QueueSender()
    page = ApprovalsWorkspace(ApprovalQueueApi(sender), runner, personal_data, parent=host)
    with qtbot.waitSignal(page.queue_refreshed):
        host.show()
    assert page.model.rowCount() == 2 and page.selected_id() == 1
    assert page.model.row(0)["when"] == "02/13 10:02"  # Japan's time
    sender.refusal[1] = RegistryError("approval_request_decided", 409, "この依頼は既に処理されています。")
    with qtbot.waitSignal(page.decision_refused) as refused:
        page.approve_selected()
    assert refused.args == ["approval_request_decided"] and page.model.rowCount() == 1
    sender.refusal[2] = RegistryError("self_approval", 403, "自分の作業を自分で承認することはできません。")
    with qtbot.waitSignal(page.decision_refused):
        page.approve_selected()
    assert "自分" in page.status.text() and page.model.rowCount() == 1
    page.decline(2, "  ")
    assert page.status.text() == "理由を入力してください。"
    personal_data.drop_all()
    assert page.model.rowCount() == 0 and not page.approve_button.isEnabled()


def test_the_queue_page_without_a_registry(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                                           personal_data: PersonalDataRegistry) -> None:
    from app.session import ScreenPolicy, StaffIdentity, StaffSession

    session = StaffSession(StaffIdentity("t-super", "試験"), frozenset({"supervisor"}),
                           frozenset({"bulk.approve"}), ScreenPolicy(60, 300, 1800))
    page = build_workspace(WorkspaceContext(session, personal_data, runner))
    page.setParent(host)
    assert isinstance(page, ApprovalsWorkspace) and page.flow is None
    assert page.status.text() and not page.refresh_button.isEnabled()


@pytest.mark.printing
def test_an_answer_for_a_dropped_order_is_not_shown(qtbot: QtBot, host: QWidget, runner: OperationRunner) -> None:
    view = desk(host, FakeRegistry(), runner)
    with qtbot.waitSignal(runner.operation_delivered, timeout=20_000):
        view.issue()
        view.new_request()  # the clerk starts over before the registry answered
    assert view.desk.issued is None and view.summary.text() == "" and view.preview.document() is None


def test_english_follows_the_setting(qtbot: QtBot, host: QWidget, runner: OperationRunner, qapp: QApplication) -> None:
    installed = install_translators(qapp, "en")
    try:
        view = desk(host, FakeRegistry(), runner)
        page = ApprovalsWorkspace(None, runner, parent=host)
        assert (view.issue_button.text(), view.form.kind.currentText()) == (
            "&Issue", "Copy of residence record (household)")
        assert page.status.text() == "Not connected to the resident registry."
        assert refusal_text(RegistryError("approval_required", 403)) == "This many documents need a supervisor's approval."
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.printing
def test_save_as_pdf_only_where_the_terminal_offers_it(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                                                      tmp_path: Path) -> None:
    plain = desk(host, FakeRegistry(), runner)
    assert plain.save_button.isHidden()  # the default: nothing on disk
    target = tmp_path / "certificate.pdf"
    view = build_certificate_desk(FakeRegistry(), runner, None, choose_pdf_path=lambda parent: target,
                                  parent=host)
    view.start_for(persons=(SELF,))
    view.form.requester_person.setText(SELF)
    with qtbot.waitSignal(view.certificate_issued, timeout=20_000):
        view.issue()
    assert view.save_button.isEnabled()
    view.save_button.click()
    assert view.desk.issued is not None and target.read_bytes() == view.desk.issued.pdf
