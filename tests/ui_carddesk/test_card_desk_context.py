"""The page as the shell builds it from its WorkspaceContext: with the registry client the
person logged in with, and without a registry connection."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.registry_client import RegistryClient
from app.session.personal_data import PersonalDataRegistry
from tests.ui.conftest import staff_session
from tests.ui_carddesk.conftest import WAIT
from tests.ui_carddesk.world import CardWorld
from ui.carddesk import build_card_desk_workspace
from ui.carddesk.workspace import CardDeskWorkspace
from ui.operations import OperationRunner
from ui.workspaces import WorkspaceContext

pytestmark = [pytest.mark.ui, pytest.mark.terminal]


def test_without_a_registry_the_page_says_so(qtbot: QtBot, runner: OperationRunner,
                                             personal_data: PersonalDataRegistry) -> None:
    page = build_card_desk_workspace(WorkspaceContext(staff_session("card_desk"), personal_data,
                                                      runner))
    qtbot.addWidget(page)
    assert isinstance(page, CardDeskWorkspace)
    assert page.message.text() == "住基システムに接続されていません。"
    assert not page.form.search_button.isEnabled()
    assert not any(button.isEnabled() for button in page.event_buttons.values())
    assert page.flow.staff_name == "試験 card_desk"


@pytest.mark.registry
def test_with_the_sessions_client_the_search_reaches_the_registry(
        qtbot: QtBot, runner: OperationRunner, personal_data: PersonalDataRegistry,
        world: CardWorld, client: RegistryClient) -> None:
    page = build_card_desk_workspace(WorkspaceContext(staff_session("card_desk"), personal_data,
                                                      runner, registry=client))
    qtbot.addWidget(page)
    assert isinstance(page, CardDeskWorkspace)
    atena = world.next_resident()
    code = world.record(atena)["resident_code"]
    qtbot.keyClicks(page.form.resident_code, code)
    qtbot.keyClick(page.form.resident_code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.results.model.rowCount() == 1, timeout=WAIT)
    with qtbot.waitSignal(page.person_opened, timeout=WAIT):
        qtbot.keyClick(page.results.table, Qt.Key.Key_Return)
    assert "未交付" in page.state.text()
    personal_data.drop_all()
    assert page.state.text() == "" and page.results.model.rowCount() == 0
