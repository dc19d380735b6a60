"""A lock drops every piece of resident data the counter screens hold: the flows are empty,
the models have no rows, and no widget holds a resident's text."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.session import ClearPhase
from app.session.personal_data import PersonalDataRegistry
from app.workflows.move_entry import MoveStep
from app.workflows.search import SearchStep
from tests.ui.residents import widget_texts
from tests.ui_counter.conftest import make_workspace
from tests.workflows.fakes import HOUSEHOLD, FakeApi, record_json, summary_json
from ui.operations import OperationRunner
from ui.security.holders import PERSONAL, ModalDialogCloser, WidgetTreeClearer

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

NUMBER = "123456789018"
CANARIES = ("試験", "シケン", "イチロウ", "花子", "0000000001", "0000000002", "昭和55年2月17日",
            "1980-02-17", "5678 9018", "12345678901", "池田本町1-2", "R7.2.10", "9-9")


def _resident_texts() -> list[str]:
    return [t for t in widget_texts() if any(c in t for c in CANARIES)]


def test_lock_empties_search_record_and_move_entry(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    head, wife = summary_json("0000000001"), summary_json("0000000002", given="花子", relationship="妻")
    fake_api.search_pages = [{"items": [head, wife]}]
    fake_api.records["0000000001"] = record_json("0000000001", number=NUMBER)
    fake_api.households[HOUSEHOLD] = {"household_number": HOUSEHOLD, "created_on": "2020-04-01",
                                      "address": None, "head_id": "0000000001", "members": [head, wife]}
    workspace = make_workspace(qtbot, fake_api, runner, personal_data, can_view_number=True)
    # What the shell registers for the whole window (ui/shell.py), over this workspace; the
    # registry holds them weakly, as the shell keeps its own.
    holders = ModalDialogCloser(), WidgetTreeClearer(workspace)
    personal_data.register(holders[0], ClearPhase.DIALOGS)
    personal_data.register(holders[1], ClearPhase.VIEWS)
    page = workspace.search
    page.form.set_values({"name": "しけん", "birth_date": "55.2.17", "birth_era": "S",
                          "resident_code": "12345678901"})
    with qtbot.waitSignal(runner.operation_delivered):
        page.search(page.form.values())
    with qtbot.waitSignal(page.record_shown):
        page.open_record("0000000001")
    with qtbot.waitSignal(page.record.number.number_revealed):
        page.reveal_number()
    qtbot.keyClick(page.record, Qt.Key.Key_F8)
    form = workspace.moves.form
    assert form is not None and form.address is not None
    # The town list loads in the background, as the other move-screen tests wait for it.
    qtbot.waitUntil(lambda: workspace.moves._towns is not None, timeout=20_000)
    form.rows["move_date"].editor.set_value("R7.2.10")  # type: ignore[attr-defined]
    form.address.set_value({"postal_code": "5720001", "town_code": "001000", "address_detail": "9-9"})
    workspace.moves.next_step()
    # Other operations (the town list) deliver too: wait for the draft's review itself.
    qtbot.waitUntil(lambda: workspace.moves.review.rows.rowCount() > 0, timeout=20_000)
    assert _resident_texts(), "the resident should be on screen before the lock"
    # The fixed choices (era, sex, the move's kind): a clerk unlocks to the same forms.
    choices = {box: box.count() for box in workspace.findChildren(QComboBox) if not box.property(PERSONAL)}
    assert sum(choices.values()) > 0
    for box in choices:
        box.view()  # as a clerk who has opened each list once: its popup list view exists

    report = personal_data.drop_all()

    assert report.ok
    assert page.results.model.rowCount() == 0
    assert page.record.members.rowCount() == 0 and page.record.history.rowCount() == 0
    assert workspace.moves.review.rows.rowCount() == 0
    assert page.search_flow.results == [] and page.search_flow.step is SearchStep.FORM
    assert page.record_flow.file is None and page.record_flow.number is None
    assert workspace.moves.flow.entry == {} and workspace.moves.flow.step is MoveStep.EMPTY
    assert workspace.moves.flow.specs  # the kinds are no resident's data: they stay
    assert not _resident_texts(), f"resident data still held by widgets: {_resident_texts()}"
    kept = {box: count for box, count in choices.items() if shiboken6.isValid(box)}  # forms of the task go
    assert kept and {box: box.count() for box in kept} == kept
    # The draft is discarded at the registry too (a courtesy: it would expire anyway).
    qtbot.waitUntil(lambda: fake_api.called("discard_move") == ["a" * 32])
