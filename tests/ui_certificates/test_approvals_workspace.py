"""The 承認 workspace against the real registry: a clerk's bulk job queued from the desk shows
up with who, which terminal, what, how many and why; the supervisor approves it from the
keyboard and the clerk's desk collects the token and issues; a decline carries its reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.approval_queue import ApprovalQueueApi
from app.registry_client import RegistryClient
from app.session import ScreenPolicy, StaffIdentity, StaffSession
from app.session.personal_data import PersonalDataRegistry
from tests.ui_certificates.conftest import Resident, make_view, order_for, place
from ui.approvals.workspace import ApprovalsWorkspace
from ui.certificates.dialogs import ReasonDialog
from ui.operations import OperationRunner
from ui.workspaces import WORKSPACES, WorkspaceContext

WAIT_MS = 20_000

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]


def supervisor_page(host: QWidget, client: RegistryClient, runner: OperationRunner,
                    personal_data: PersonalDataRegistry) -> ApprovalsWorkspace:
    """Built as the shell builds it: the 承認 entry of WORKSPACES with the shell's client."""
    session = StaffSession(StaffIdentity("t-super", "試験 t-super"), frozenset({"supervisor"}),
                           frozenset({"bulk.approve"}), ScreenPolicy(60, 300, 1800))
    spec = next(s for s in WORKSPACES if s.key == "approvals")
    page = spec.build(WorkspaceContext(session, personal_data, runner, registry=client))
    assert isinstance(page, ApprovalsWorkspace) and page.flow is not None
    page.hide()
    page.setParent(host)  # as the main window takes every workspace page
    place(host, page)
    host.show()
    return page


def row_values(page: ApprovalsWorkspace, request_id: int) -> dict[str, object]:
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    return next(dict(r) for r in rows if r["id"] == request_id)


@pytest.mark.printing
def test_queued_from_the_desk_approved_in_the_workspace(
    qtbot: QtBot, host: QWidget, other_host: QWidget, clerk: RegistryClient, supervisor: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry, residents: list[Resident],
) -> None:
    desk = make_view(qtbot, host, clerk, runner, personal_data)
    order_for(desk, residents[3], copies=12)
    with qtbot.waitSignal(desk.approval_requested, timeout=WAIT_MS):
        desk.issue_button.click()
    dialog = desk.approval_dialog
    assert dialog is not None
    dialog.purpose.setText("年金事務所への提出")
    with qtbot.waitSignal(desk.approval_polled, timeout=WAIT_MS) as polled:
        dialog.queue_button.click()
    assert polled.args == ["waiting"] and desk.desk.wait is not None
    request_id = desk.desk.wait.request.id
    assert str(request_id) in dialog.waiting.text()

    page = supervisor_page(other_host, supervisor, runner, personal_data)
    with qtbot.waitSignal(page.queue_refreshed, timeout=WAIT_MS):
        page.show()  # showing the page refreshes it
    assert {k: v for k, v in row_values(page, request_id).items() if k != "when"} == {
        "id": request_id, "clerk": "t-clerk", "terminal": "test-terminal", "kind": "証明書の発行",
        "count": 12, "purpose": "年金事務所への提出"}
    with qtbot.waitActive(other_host):
        other_host.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End)  # the newest request is the last row
    assert page.selected_id() == request_id
    with qtbot.waitSignal(desk.certificate_issued, timeout=WAIT_MS), \
            qtbot.waitSignal(page.request_approved, timeout=WAIT_MS) as approved:
        qtbot.keyClick(page.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert approved.args == [request_id]
    assert request_id not in [page.model.row(i)["id"] for i in range(page.model.rowCount())]
    assert desk.desk.approver == "t-super" and desk.approval_dialog is None

    personal_data.drop_all()  # a lock empties the queue page as well
    assert page.model.rowCount() == 0 and page.status.text() == ""


def test_decline_with_a_reason_reaches_the_clerk(
    qtbot: QtBot, other_host: QWidget, clerk: RegistryClient, supervisor: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry,
) -> None:
    asked = ApprovalQueueApi(clerk).ask(kind="export.residents", count=70, purpose="福祉課への名簿")
    page = supervisor_page(other_host, supervisor, runner, personal_data)
    with qtbot.waitSignal(page.queue_refreshed, timeout=WAIT_MS):
        page.show()
    row = next(i for i in range(page.model.rowCount()) if page.model.row(i)["id"] == asked.id)
    page.table.selectRow(row)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    dialog = page.findChild(ReasonDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reason.setText("目的が不明確")
    with qtbot.waitSignal(page.request_declined, timeout=WAIT_MS):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    seen = ApprovalQueueApi(clerk).collect(asked.id)
    assert (seen.status, seen.decline_reason, seen.decided_by, seen.token) == (
        "declined", "目的が不明確", "t-super", None)
    with qtbot.waitActive(other_host):  # the reason dialog had the focus: shortcuts need the page's window
        other_host.activateWindow()
    page.table.setFocus()
    with qtbot.waitSignal(page.queue_refreshed, timeout=WAIT_MS):
        qtbot.keyClick(page.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert asked.id not in [page.model.row(i)["id"] for i in range(page.model.rowCount())]


@pytest.mark.printing
def test_a_request_withdrawn_at_the_desk_leaves_the_queue(
    qtbot: QtBot, host: QWidget, clerk: RegistryClient, supervisor: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry, residents: list[Resident],
) -> None:
    """依頼を取り下げて戻る: the request is withdrawn at the registry, so no supervisor sees or
    approves it any more; the order stays at the desk."""
    desk = make_view(qtbot, host, clerk, runner, personal_data)
    order_for(desk, residents[4], copies=13)
    with qtbot.waitSignal(desk.approval_requested, timeout=WAIT_MS):
        desk.issue_button.click()
    dialog = desk.approval_dialog
    assert dialog is not None
    dialog.purpose.setText("取り下げの確認")
    with qtbot.waitSignal(desk.approval_polled, timeout=WAIT_MS):
        dialog.queue_button.click()
    assert desk.desk.wait is not None
    request_id = desk.desk.wait.request.id
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT_MS):
        dialog.cancel_button.click()
    assert desk.approval_dialog is None and desk.desk.order is not None
    seen = ApprovalQueueApi(clerk).collect(request_id)
    assert (seen.status, seen.decided_by) == ("withdrawn", "t-clerk")
    assert request_id not in [q.id for q in ApprovalQueueApi(supervisor).pending()]
    late = supervisor.request  # a supervisor whose list was older: refused, nothing granted
    with pytest.raises(Exception) as refused:
        late("POST", f"/v1/approval-requests/{request_id}/approve")
    assert getattr(refused.value, "code", None) == "approval_request_decided"


@pytest.mark.printing
def test_a_wrong_supervisor_password_with_enter_keeps_the_dialog(
    qtbot: QtBot, host: QWidget, clerk: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry, residents: list[Resident],
) -> None:
    desk = make_view(qtbot, host, clerk, runner, personal_data)
    order_for(desk, residents[5], copies=14)
    with qtbot.waitSignal(desk.approval_requested, timeout=WAIT_MS):
        desk.issue_button.click()
    dialog = desk.approval_dialog
    assert dialog is not None
    dialog.purpose.setText("一括発行")
    dialog.supervisor.setText("t-super")
    dialog.password.setText("not-the-password-1")
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    dialog.password.setFocus()
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT_MS):
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert desk.approval_dialog is dialog and dialog.isVisible()
    assert dialog.error.text() and dialog.purpose.text() == "一括発行"
    assert dialog.password.hasFocus()  # to type it again, not on やめる
