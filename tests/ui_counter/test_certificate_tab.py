"""The 証明書 tab of the 窓口 workspace, through the shell against the real registry: its keys
(F1, Shift+F8 from an open record, Shift+F1 for the 真正確認), a certificate issued for the
person whose record is open, and a lock that leaves nothing of it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from tests.support.registry_process import PASSWORD, RegistryProcess
from tests.ui.conftest import activate
from tests.ui.residents import widget_texts
from tests.ui_counter.conftest import client_for, open_record
from tests.ui_counter.subjects import pick_household_head
from ui.certificates.page import CertificatesPage
from ui.counter.workspace import CounterWorkspace
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry, pytest.mark.printing]
WAIT = 20_000


def _login(qtbot: QtBot, shell: TerminalShell, registry: RegistryProcess,
           user: str = "t-clerk") -> CounterWorkspace:
    client = client_for(registry)
    client.logout()  # the shell logs in itself, from the login page
    shell.attach_registry(client)
    page = shell.window.sign_in_page
    page.staff_id.setText(user)
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(shell.session_started, timeout=WAIT):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
    workspace = shell.window.workspace("counter")
    assert isinstance(workspace, CounterWorkspace)
    return workspace


@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_certificate_tab_keys_and_an_order_for_the_open_record(
    qtbot: QtBot, shell: TerminalShell, registry: RegistryProcess, registry_engine: Engine
) -> None:
    workspace = _login(qtbot, shell, registry)
    page = workspace.certificates
    assert isinstance(page, CertificatesPage)
    assert [workspace.tabs.tabText(i) for i in range(workspace.tabs.count())] == [
        "住民検索 (F6)", "異動届 (F7)", "証明書 (F1)", "本人確認 (Shift+F6)"]
    assert workspace.keys.labels()[-4:] == ["F1  証明書", "Shift+F8  この方の証明書", "Shift+F1  真正確認",
                                            "Shift+F6  本人確認"]
    assert not workspace.certificate_for_action.isEnabled()  # no record open yet
    activate(qtbot, shell.window)

    qtbot.keyClick(workspace.search.form.name, Qt.Key.Key_F1)
    assert workspace.tabs.currentWidget() is page and not page.showing_verify()
    qtbot.keyClick(QApplication.focusWidget() or page, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert page.showing_verify() and page.verify.serial.hasFocus()
    qtbot.keyClick(page.verify.serial, Qt.Key.Key_F1)  # F1 again: back to the desk
    assert not page.showing_verify()

    subject = pick_household_head(registry_engine)
    open_record(qtbot, workspace, subject)
    # Shift+F6: the identity check, for the person whose record is open.
    identity = workspace.identity
    assert identity is not None and workspace.search.record.identity_button.isEnabled()
    qtbot.keyClick(workspace.search.record, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert workspace.tabs.currentWidget() is identity
    assert identity.flow.checked is not None and identity.flow.checked.resident_id == subject.atena
    workspace.show_search()
    qtbot.keyClick(workspace.search.record, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    desk = page.desk
    assert workspace.tabs.currentWidget() is page
    assert desk.form.persons.text() == subject.atena
    assert desk.form.requester_type.hasFocus()  # who is asking comes first
    assert desk.form.requester_person.text() == subject.atena  # 本人, the first requester type
    with qtbot.waitSignal(desk.certificate_issued, timeout=WAIT) as issued:
        qtbot.keyClick(desk.form.requester_person, Qt.Key.Key_Return)
    certificate = desk.desk.issued
    assert certificate is not None and certificate.certificate.persons[0].name.family == subject.family_name
    # No seal configured on this terminal: the specimen, with 見本 printed across it.
    assert certificate.certificate.issuer.specimen_seal
    assert desk.preview.page_count() >= 1

    controller = shell.controller
    assert controller is not None
    with qtbot.waitSignal(controller.session_locked):
        QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_F11)
    canaries = (*subject.canaries(), issued.args[0])
    held = [t for t in widget_texts() if any(c and c in t for c in canaries)]
    assert not held, f"resident data still held by widgets: {held}"
    assert desk.desk.issued is None and desk.preview.document() is None


@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("user", "offered"), [("t-clerk", True), ("t-clerk2", False)])
def test_the_number_is_offered_only_to_staff_who_may_see_it(
    qtbot: QtBot, shell: TerminalShell, registry: RegistryProcess, user: str, offered: bool
) -> None:
    """t-clerk2 has no number view: the item is greyed out with the reason, as for a third
    party, instead of a refusal after 発行."""
    workspace = _login(qtbot, shell, registry, user)
    page = workspace.certificates
    assert isinstance(page, CertificatesPage)
    form = page.desk.form
    form.requester_type.setCurrentIndex(form.requester_type.findData("self"))
    number = form.items["individual_number"]
    assert number.isEnabled() is offered
    assert ("権限" in number.toolTip()) is not offered
    assert form.items["resident_code"].isEnabled()  # the other restricted items are the requester's
