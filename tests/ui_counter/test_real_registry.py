"""The counter screens against the real registry over mutual TLS.

Search and record run against the suite's shared registry (read only: it is logged in through
the shell, as a clerk meets it); moves are committed only against a registry of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.domain import clock
from app.registry_api import RegistryApi
from app.session.personal_data import PersonalDataRegistry
from app.workflows.dates import short_wareki
from app.workflows.move_entry import MoveStep
from registry.db import make_engine
from tests.support.registry_process import PASSWORD, RegistryProcess
from tests.ui.conftest import activate
from tests.ui.residents import widget_texts
from tests.ui_counter.conftest import client_for, make_workspace, open_record
from tests.ui_counter.subjects import Subject, other_town, pick_household_head
from ui.counter.workspace import CounterWorkspace
from ui.operations import OperationRunner
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry]
WAIT = 20_000


@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_search_record_reveal_and_lock_through_the_shell(
    qtbot: QtBot, shell: TerminalShell, registry: RegistryProcess, registry_engine: Engine
) -> None:
    subject = pick_household_head(registry_engine)
    client = client_for(registry)
    client.logout()  # the shell logs in itself, from the login page
    shell.attach_registry(client)
    page = shell.window.sign_in_page
    page.staff_id.setText("t-clerk")
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(shell.session_started, timeout=WAIT):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)
    workspace = shell.window.workspace("counter")
    assert isinstance(workspace, CounterWorkspace)
    open_record(qtbot, workspace, subject)
    record = workspace.search.record
    assert record.heading.text() == f"{subject.family_name}\u3000{subject.given_name}"
    assert record.members.rowCount() == subject.household_size
    assert record.history.rowCount() >= 1
    results = workspace.search.results.model
    assert all("individual_number" not in results.row(i) for i in range(results.rowCount()))
    assert record.number.text() == "****-****-****"
    with qtbot.waitSignal(record.number.number_revealed, timeout=WAIT):
        qtbot.mouseClick(record.number.toggle, Qt.MouseButton.LeftButton)
    shown = record.number.text()
    revealed = shown.replace(" ", "")
    assert len(revealed) == 12 and revealed.isdigit()

    controller = shell.controller
    assert controller is not None
    activate(qtbot, shell.window)
    with qtbot.waitSignal(controller.session_locked):
        QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_F11)
    canaries = (*subject.canaries(), shown, revealed[-8:])
    held = [t for t in widget_texts() if any(c and c in t for c in canaries)]
    assert not held, f"resident data still held by widgets: {held}"
    assert workspace.search.results.model.rowCount() == 0
    assert workspace.search.record_flow.file is None
    assert QGuiApplication.clipboard().text() == ""


@pytest.fixture
def move_engine(move_registry: RegistryProcess) -> Iterator[Engine]:
    engine = make_engine(move_registry.db_url)
    yield engine
    engine.dispose()


def _tenkyo_form(qtbot: QtBot, workspace: CounterWorkspace, engine: Engine, subject: Subject,
                 detail: str) -> tuple[str, str]:
    open_record(qtbot, workspace, subject)
    qtbot.keyClick(workspace.search.record, Qt.Key.Key_F8)
    form = workspace.moves.form
    assert form is not None and form.address is not None
    qtbot.waitUntil(lambda: workspace.moves._towns is not None, timeout=WAIT)
    form.rows["move_date"].editor.set_value(short_wareki(clock.today()))  # type: ignore[attr-defined]
    code, name, postal = other_town(engine, subject.town_code)
    form.address.postal.setFocus()
    qtbot.keyClicks(form.address.postal, postal)
    assert form.address.town.text() == name
    form.address.detail.setText(detail)
    return code, name


def _confirm_and_commit(qtbot: QtBot, workspace: CounterWorkspace) -> None:
    review = workspace.moves.review
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.confirm, timeout=WAIT)
    qtbot.keyClick(review.confirm, Qt.Key.Key_Space)
    with qtbot.waitSignal(workspace.moves.move_committed, timeout=WAIT):
        qtbot.keyClick(review.confirm, Qt.Key.Key_F10)


def test_tenkyo_entered_reviewed_and_committed(
    qtbot: QtBot, move_api: RegistryApi, move_engine: Engine, runner: OperationRunner,
    personal_data: PersonalDataRegistry
) -> None:
    subject = pick_household_head(move_engine)
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=True, today=None)
    code, name = _tenkyo_form(qtbot, workspace, move_engine, subject, "7-7")
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F10)
    assert workspace.moves.flow.step is MoveStep.REVIEW, workspace.moves.form.banner.text()  # type: ignore[union-attr]
    after = [r.after for r in workspace.moves.flow.review_rows() if r.label == "住所"]
    # Typed 7-7, written as the register writes it (app.domain.address).
    assert after and after[0] is not None and after[0].endswith(f"{name}７－７")
    _confirm_and_commit(qtbot, workspace)
    record = move_api.resident(subject.atena).record
    assert record.address.town_code == code and record.address.detail == "７－７"
    assert workspace.moves.flow.step is MoveStep.DONE
    # Who was recorded, by name as well as number.
    done = workspace.moves.review.result_text.text()
    assert workspace.moves.review.title.text() == "確定済み（転居）"
    assert f"{subject.family_name}\u3000{subject.given_name}（宛名番号 {subject.atena}）" in done
    # The search page shows the new address, not the one the person moved away from: the open
    # record and the results are read again, while the clerk stays on the move's result.
    page = workspace.search

    def shown_again() -> bool:
        file = page.record_flow.file
        return (file is not None and file.record.record.address.detail == "７－７"
                and all(r.person.address.detail == "７－７" for r in page.search_flow.results
                        if r.id == subject.atena))

    qtbot.waitUntil(shown_again, timeout=WAIT)
    assert any(r.id == subject.atena for r in page.search_flow.results)
    assert workspace.tabs.currentWidget() is workspace.moves
    assert workspace.moves.isAncestorOf(QApplication.focusWidget())


def test_a_conflict_at_commit_shows_the_change_and_the_redo_commits(
    qtbot: QtBot, move_api: RegistryApi, move_engine: Engine, move_registry: RegistryProcess,
    runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    subject = pick_household_head(move_engine)
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=False, today=None)
    code, _ = _tenkyo_form(qtbot, workspace, move_engine, subject, "8-8")
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        workspace.moves.next_step()
    assert workspace.moves.flow.step is MoveStep.REVIEW
    # Another terminal records a 転居 of the same person meanwhile.
    today = clock.today().isoformat()
    everyone = [{"id": m.id} for m in move_api.household(subject.household_number).members]
    with move_registry.client("t-clerk2") as other:
        draft = other.post("/v1/moves", json={
            "kind": "tenkyo", "notified_on": today, "move_date": today,
            "address": {"town_code": code, "address_detail": "99-99"},
            "household": {"mode": "same"}, "persons": everyone})
        assert draft.status_code == 201, draft.text
        done = other.post(f"/v1/moves/{draft.json()['id']}/commit")
        assert done.status_code == 200, done.text
    review = workspace.moves.review
    review.confirm.setChecked(True)
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        qtbot.keyClick(review.confirm, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: review.changes.rowCount() > 0, timeout=WAIT)
    changed = [review.changes.row(i) for i in range(review.changes.rowCount())]
    assert any(r["label"] == "住所" and str(r["now"]).endswith("９９－９９") for r in changed)
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        qtbot.keyClick(review.redo_button, Qt.Key.Key_F10)
    assert workspace.moves.flow.step is MoveStep.REVIEW
    _confirm_and_commit(qtbot, workspace)
    assert move_api.resident(subject.atena).record.address.detail == "８－８"


def test_a_refusal_from_the_registry_keeps_the_entry(
    qtbot: QtBot, move_api: RegistryApi, move_engine: Engine, runner: OperationRunner,
    personal_data: PersonalDataRegistry
) -> None:
    subject = pick_household_head(move_engine)
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=False, today=None)
    _tenkyo_form(qtbot, workspace, move_engine, subject, "1-1")
    form = workspace.moves.form
    assert form is not None and form.address is not None
    # The address the register already has: only the registry knows, and refuses.
    current = move_api.resident(subject.atena).record.address
    town = workspace.moves._towns.get(current.town_code)  # type: ignore[union-attr]
    assert town is not None
    form.address.set_value({"postal_code": town.postal_code, "town_code": town.code,
                            "address_detail": current.detail})
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        workspace.moves.next_step()
    assert workspace.moves.flow.step is MoveStep.EDITING
    shown = form.rows["address"].error.text() or form.banner.text()
    assert "現住所と同じ" in shown
    assert form.address.detail.text() == current.detail and workspace.moves.form is form
