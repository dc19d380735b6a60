"""Fixtures for the counter screens: the workspace over a fake registry, the shell of tests/ui,
a client of the shared real registry, and a registry of our own for committing moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.registry_api import RegistryApi
from app.registry_client import RegistryClient
from app.session.personal_data import PersonalDataRegistry
from tests.conftest import BACKENDS
from tests.support import qt_pages
from tests.support.registry_process import RegistryProcess, run_cli
from tests.support.terminal_client import terminal_client
from tests.ui.conftest import clock, shell  # noqa: F401  (the shell fixtures of tests/ui)
from tests.ui_counter.subjects import Subject
from tests.workflows.fakes import FakeApi
from ui.counter.workspace import CounterServices, CounterWorkspace
from ui.operations import OperationRunner

TODAY = date(2025, 2, 13)
MOVE_RESIDENTS = 300

personal_data = qt_pages.personal_data  # the shell's session registry, as a fixture
runner = qt_pages.runner


@pytest.fixture
def fake_api() -> FakeApi:
    return FakeApi()


def make_workspace(qtbot: QtBot, api: object, runner: OperationRunner,
                   personal_data: PersonalDataRegistry, *, can_view_number: bool,
                   today: date | None = TODAY) -> CounterWorkspace:
    services = CounterServices(api, runner, personal_data,  # type: ignore[arg-type]
                               can_view_number=can_view_number)
    if today is not None:
        services.today = lambda: today
    workspace = CounterWorkspace(services)
    qtbot.addWidget(workspace)
    workspace.resize(1200, 800)
    workspace.show()
    qtbot.waitExposed(workspace)
    if api is not None:
        qtbot.waitUntil(lambda: bool(workspace.moves.flow.specs), timeout=15_000)
    return workspace


def client_for(server: RegistryProcess, user: str = "t-clerk") -> RegistryClient:
    return terminal_client(server, user)


@pytest.fixture
def real_api(registry: RegistryProcess) -> Iterator[RegistryApi]:
    """The shared registry (read only: never commit a move against it)."""
    client = client_for(registry)
    yield RegistryApi(client)
    client.logout()
    client.close()


@pytest.fixture(scope="session", params=[p for p in BACKENDS if p.id == "sqlite"])
def move_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RegistryProcess]:
    """A registry of our own that the move tests change (seeded small: it starts fast)."""
    state = tmp_path_factory.mktemp("counter-moves")
    db_url = f"sqlite+pysqlite:///{state / 'registry.sqlite3'}"
    run_cli(state, db_url, "init")
    run_cli(state, db_url, "seed", "--residents", str(MOVE_RESIDENTS), "--seed", "23")
    server = RegistryProcess(state=state, db_url=db_url)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def move_api(move_registry: RegistryProcess) -> Iterator[RegistryApi]:
    client = client_for(move_registry)
    yield RegistryApi(client)
    client.logout()
    client.close()


def type_in(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text` as a clerk would: ASCII by keys, Japanese as an input method commits it
    (QTest cannot send non-ASCII keys)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def open_record(qtbot: QtBot, workspace: CounterWorkspace, subject: Subject) -> None:
    """Search the subject by kana name and birth date from the keyboard and open the record."""
    page = workspace.search
    workspace.show_search()
    type_in(qtbot, page.form.name, f"{subject.family_name_kana} {subject.given_name_kana}")
    qtbot.keyClicks(page.form.birth.text_edit, subject.birth_date.isoformat())
    with qtbot.waitSignal(page.record_shown, timeout=20_000):
        qtbot.keyClick(page.form.birth.text_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.results.model.rowCount() > 0, timeout=20_000)
        row = next(i for i in range(page.results.model.rowCount())
                   if page.results.model.row(i)["id"] == subject.atena)
        page.results.table.selectRow(row)
        qtbot.keyClick(page.results.table, Qt.Key.Key_Return)
