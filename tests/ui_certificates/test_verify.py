"""証明書の真正確認 against the real registry: a certificate issued at the desk is genuine by
its serial and code (typed, or read from its QR text) and with its printed name and birth
date; a changed name is an alteration; a wrong code is unknown; after a 再交付 the spoiled
paper is voided; a lock empties the screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.certificate_verify import (
    CertificateVerification,
    Verdict,
    VerifyApi,
    VerifyProblems,
    question_from,
    result_from,
)
from app.domain.wareki import format_wareki
from app.registry_client import RegistryClient
from app.session.personal_data import PersonalDataRegistry
from tests.ui_certificates.conftest import Resident, order_for, place
from ui.certificates import build_certificates_page
from ui.certificates.desk_view import CertificateDeskView
from ui.certificates.dialogs import ReasonDialog
from ui.certificates.page import CertificatesPage
from ui.certificates.verify_view import CertificateVerifyView
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]

WAIT_MS = 20_000


@pytest.fixture
def page(qtbot: QtBot, host: QWidget, clerk: RegistryClient, runner: OperationRunner,
         personal_data: PersonalDataRegistry) -> Iterator[CertificatesPage]:
    made = build_certificates_page(clerk, runner, personal_data, poll_interval_ms=20, parent=host)
    place(host, made)
    host.show()
    with qtbot.waitActive(host):
        host.activateWindow()
    yield made


def issue(qtbot: QtBot, desk: CertificateDeskView, person: Resident) -> tuple[str, str]:
    order_for(desk, person)
    with qtbot.waitSignal(desk.certificate_issued, timeout=WAIT_MS) as issued:
        desk.issue_button.click()
    assert desk.desk.issued is not None
    return issued.args[0], desk.desk.issued.certificate.verification.code


def ask(qtbot: QtBot, view: CertificateVerifyView, serial: str, code: str = "", name: str = "",
        birth: str = "") -> str:
    view.next_paper()
    for edit, text in ((view.serial, serial), (view.code, code), (view.name, name), (view.birth_date, birth)):
        edit.setText(text)
    with qtbot.waitSignal(view.verified, timeout=WAIT_MS) as verified:
        qtbot.keyClick(view.serial, Qt.Key.Key_Return)
    assert view.verdict.isVisible()
    return str(verified.args[0])


def test_genuine_altered_unknown_and_voided(qtbot: QtBot, page: CertificatesPage, clerk: RegistryClient,
                                           personal_data: PersonalDataRegistry, residents: list[Resident]) -> None:
    desk, view = page.desk, page.verify
    serial, code = issue(qtbot, desk, residents[2])
    issued = desk.desk.issued
    assert issued is not None
    printed = issued.certificate.persons[0]
    name = printed.name.text  # as printed: family, an ideographic space, given
    birth = format_wareki(printed.birth_date) if printed.birth_date else ""

    desk.verify_button.click()
    assert page.showing_verify() and view.serial.hasFocus()

    assert ask(qtbot, view, serial, code.lower()) == Verdict.GENUINE.value
    assert "真正" in view.verdict.text() and serial in view.details.text()
    assert "住民票の写し" in view.details.text()

    # The QR code's text, as a scanner types it into the serial field, carries both.
    assert ask(qtbot, view, issued.certificate.verification.qr_text) == Verdict.GENUINE.value

    assert ask(qtbot, view, serial, code, name, birth) == Verdict.GENUINE.value
    assert "氏名、生年月日" in view.details.text()

    assert ask(qtbot, view, serial, code, name + "子", birth) == Verdict.ALTERED.value
    assert "改ざん" in view.verdict.text() and "一致しない記載内容：氏名" in view.details.text()

    wrong = ("A" if code[0] != "A" else "B") + code[1:]
    assert ask(qtbot, view, serial, wrong) == Verdict.UNKNOWN.value
    assert "該当なし" in view.verdict.text() and "住民票の写し" not in view.details.text()

    # A spoiled print is reissued at the desk: the first paper is voided.
    qtbot.keyClick(view.serial, Qt.Key.Key_Escape)
    assert not page.showing_verify()
    desk.reissue_button.click()
    dialog = desk.findChild(ReasonDialog)
    assert dialog is not None
    dialog.reason.setText("印字がかすれた")
    with qtbot.waitSignal(desk.certificate_reissued, timeout=WAIT_MS) as reissued:
        dialog.ok_button.click()
    page.show_verify()
    assert ask(qtbot, view, serial, code) == Verdict.VOIDED.value
    assert "無効" in view.verdict.text() and "印字がかすれた" in view.details.text()
    new = desk.desk.issued
    assert new is not None
    assert ask(qtbot, view, reissued.args[0], new.certificate.verification.code) == Verdict.GENUINE.value
    assert serial in view.details.text()  # 証明書番号 … の再交付として発行

    personal_data.drop_all()  # a lock
    shown = [w.text() for w in view.findChildren(QLineEdit)] + [w.text() for w in view.findChildren(QLabel)]
    assert not any(serial in text or reissued.args[0] in text for text in shown)
    assert view.flow.result is None and not view.verdict.isVisible()


def test_incomplete_questions_are_marked_and_never_sent(qtbot: QtBot, page: CertificatesPage) -> None:
    view = page.verify
    page.show_verify()
    view.serial.setText("123")
    view.birth_date.setText("いつか")
    view.verify()
    assert view.flow.question is None
    assert "2026-00000123" in view.problems.text() and "照合番号" in view.problems.text()
    assert view.serial.styleSheet() and view.birth_date.styleSheet() and not view.name.styleSheet()


def test_the_flow_without_widgets(clerk: RegistryClient) -> None:
    flow = CertificateVerification(VerifyApi(clerk))
    with pytest.raises(VerifyProblems) as problems:
        flow.submit({"serial": "", "code": "??"})
    assert problems.value.problems == {"serial": "serial_required", "code": "invalid_code"}
    job = flow.submit({"serial": "２０２６ー９９９９９９９９", "code": "abcd2345"})  # full width, as typed
    assert flow.question == question_from({"serial": "2026-99999999", "code": "ABCD2345"})
    flow.answered(job())
    assert flow.result is not None and flow.result.verdict is Verdict.UNKNOWN
    assert result_from({"serial": "2026-00000001", "genuine": True, "voided": True,
                        "fields": {"name": False}}).verdict is Verdict.VOIDED  # void wins
