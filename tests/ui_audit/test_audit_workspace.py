"""The 監査 workspace against the real registry: a resident's access report (開示請求) lists
who read the record and when; bad input is refused at the field; the security alerts are
listed and a supervisor resolves one from the keyboard; a lock empties the page."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, insert, select, update

from app.audit_reports import AuditApi
from app.registry_client import RegistryClient
from app.session import ScreenPolicy, StaffIdentity, StaffSession
from app.session.personal_data import PersonalDataRegistry
from registry.models import Alert, Person, Staff
from registry.models.base import utcnow
from tests.ui.residents import widget_texts
from tests.ui_certificates.conftest import place
from ui.audit.workspace import AuditWorkspace
from ui.operations import OperationRunner
from ui.workspaces import WORKSPACES, WorkspaceContext

WAIT_MS = 20_000

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]


def page_for(host: QWidget, client: RegistryClient, runner: OperationRunner,
             personal_data: PersonalDataRegistry, *permissions: str) -> AuditWorkspace:
    """Built as the shell builds it: the 監査 entry of WORKSPACES, for these permissions."""
    session = StaffSession(StaffIdentity("t-super", "試験 t-super"), frozenset({"supervisor"}),
                           frozenset(permissions), ScreenPolicy(60, 300, 1800))
    spec = next(s for s in WORKSPACES if s.key == "audit")
    page = spec.build(WorkspaceContext(session, personal_data, runner, registry=client))
    assert isinstance(page, AuditWorkspace)
    place(host, page)
    host.show()
    return page


def _resident(engine: Engine, offset: int) -> str:
    with engine.connect() as conn:
        return str(conn.scalar(select(Person.atena_number).order_by(Person.id).offset(offset).limit(1)))


def test_the_access_report_of_a_resident(
    qtbot: QtBot, host: QWidget, clerk: RegistryClient, supervisor: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry, registry_engine: Engine,
) -> None:
    atena = _resident(registry_engine, 29)
    clerk.request("GET", f"/v1/residents/{atena}")  # the clerk opens the record
    page = page_for(host, supervisor, runner, personal_data, "audit.read", "alert.read", "alert.resolve")
    assert page.trail.isVisible() and page.alerts_box.isVisible()
    page.resident.setFocus()
    qtbot.keyClicks(page.resident, "12345")
    qtbot.keyClick(page.resident, Qt.Key.Key_Return)
    assert page.rows["resident"].error.text() == "宛名番号は10桁の数字で入力してください。"
    assert page.model.rowCount() == 0
    page.resident.setText(atena.translate(str.maketrans("0123456789", "０１２３４５６７８９")))
    page.since.setText("2020-01-01")
    with qtbot.waitSignal(page.listed, timeout=WAIT_MS):
        qtbot.keyClick(page.resident, Qt.Key.Key_Return)
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    mine = [r for r in rows if r["staff"] == "t-clerk" and r["action"] == "住民記録の閲覧"]
    assert mine and mine[0]["terminal"] == "test-terminal" and mine[0]["targets"] == "この方"
    # Searches that showed this resident among others count the others, never name them.
    assert all(r["targets"].startswith("この方") for r in rows)
    assert not [r for r in rows if re.search(r"\d{10}", r["targets"])]
    assert page.count.text().startswith("新しい順に")
    # A query refused at its field empties the list: no rows of the last one under it.
    page.resident.setText("12345")
    qtbot.keyClick(page.resident, Qt.Key.Key_Return)
    assert page.model.rowCount() == 0 and page.count.text() == ""
    # Reading the report is itself recorded, naming the resident asked about.
    again = AuditApi(supervisor).listing({"resident": atena, "staff_id": "t-super"})
    assert any(e.action == "audit.read" for e in again.items)

    personal_data.drop_all()  # a lock
    assert page.model.rowCount() == 0 and page.resident.text() == ""
    assert not [t for t in widget_texts() if atena in t]


def test_an_alert_is_listed_and_resolved_from_the_keyboard(
    qtbot: QtBot, host: QWidget, supervisor: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry, registry_engine: Engine,
) -> None:
    # What the search limiter writes when a clerk passes the hourly limit.
    with registry_engine.begin() as conn:
        conn.execute(update(Staff).where(Staff.id == "t-card").values(search_blocked_at=utcnow()))
        alert_id = conn.execute(insert(Alert).values(
            at=utcnow(), kind="search_limit_exceeded", staff_id="t-card", terminal_id="test-terminal",
            detail="searches=301").returning(Alert.id)).scalar_one()
    page = page_for(host, supervisor, runner, personal_data, "audit.read", "alert.read", "alert.resolve")
    qtbot.waitUntil(lambda: any(a.id == alert_id for a in page._alerts), timeout=WAIT_MS)
    row = next(i for i, a in enumerate(page._alerts) if a.id == alert_id)
    assert page.alert_model.row(row)["kind"] == "検索回数の上限超過（検索を停止中）"
    assert page.alert_model.row(row)["staff"] == "t-card"
    page.alert_table.selectRow(row)
    page.alert_table.setFocus()
    with qtbot.waitSignal(page.alert_resolved, timeout=WAIT_MS) as resolved:
        qtbot.keyClick(page.alert_table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert resolved.args == [alert_id]
    assert alert_id not in [a.id for a in AuditApi(supervisor).alerts()]
    with registry_engine.connect() as conn:
        assert conn.scalar(select(Staff.search_blocked_at).where(Staff.id == "t-card")) is None


def test_an_auditor_reads_the_trail_without_alerts(
    qtbot: QtBot, host: QWidget, supervisor: RegistryClient, runner: OperationRunner,
    personal_data: PersonalDataRegistry,
) -> None:
    page = page_for(host, supervisor, runner, personal_data, "audit.read", "audit.verify")
    assert page.trail.isVisible() and not page.alerts_box.isVisible()
    page.resident.setFocus()
    qtbot.keyClick(page.resident, Qt.Key.Key_Return)  # neither a resident nor a staff member
    assert page.rows["resident"].error.text() == "宛名番号か職員IDを入力してください。"
    page.staff.setText("t-clerk")
    page.since.setText("R7.12.1")
    page.until.setText("R7.11.1")
    qtbot.keyClick(page.staff, Qt.Key.Key_Return)
    assert page.rows["until"].error.text() == "期間の終わりが始まりより前です。"

