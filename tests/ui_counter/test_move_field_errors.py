"""Refusals and warnings the real registry ties to an item, shown beside that item in the move
form: in the right person's section, focused and scrolled into view, nothing typed lost, and
gone as soon as the clerk edits the item."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.domain import clock, resident_code
from app.registry_api import RegistryApi
from app.session.personal_data import PersonalDataRegistry
from app.workflows.dates import short_wareki
from app.workflows.move_entry import MoveStep
from registry.db import make_engine
from tests.support.registry_process import RegistryProcess
from tests.ui_counter.conftest import make_workspace
from tests.ui_counter.subjects import Subject, pick_household_head
from ui.counter.workspace import CounterWorkspace
from ui.moves.form import MoveFormView
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry]
WAIT = 20_000


@pytest.fixture
def engine(move_registry: RegistryProcess) -> Iterator[Engine]:
    made = make_engine(move_registry.db_url)
    yield made
    made.dispose()


def _code(rng: random.Random) -> str:
    return resident_code.make(f"{rng.randrange(10**9, 10**10)}")


def _person(code: str, relationship: str, kana: tuple[str, str], birth: str, sex: str) -> dict[str, Any]:
    return {"family_name": "試験", "given_name": "太郎", "family_name_kana": kana[0],
            "given_name_kana": kana[1], "birth_date": {"text": birth, "era": "AD"}, "sex": sex,
            "relationship": relationship, "resident_type": "japanese", "resident_code": code}


def _tennyu(qtbot: QtBot, workspace: CounterWorkspace, persons: list[dict[str, Any]]) -> MoveFormView:
    workspace.show_moves()
    workspace.moves.start("tennyu")
    form = workspace.moves.form
    assert form is not None and form.address is not None and form.household is not None
    qtbot.waitUntil(lambda: workspace.moves._towns is not None, timeout=WAIT)
    form.rows["move_date"].editor.set_value(short_wareki(clock.today()))  # type: ignore[attr-defined]
    town = workspace.moves._towns.towns[0]  # type: ignore[union-attr]
    form.address.set_value({"postal_code": town.postal_code, "town_code": town.code,
                            "address_detail": "5-5"})
    form.household.set_value({"mode": "new"})
    form.rows["previous_address"].editor.setText("東京都千代田区千代田1-1")  # type: ignore[attr-defined]
    for i, person in enumerate(persons):
        editor = form.editors[0] if i == 0 else form.add_person()
        editor.set_value(person)
    return form


def _send(qtbot: QtBot, workspace: CounterWorkspace, runner: OperationRunner) -> None:
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        qtbot.keyClick(QApplication.focusWidget() or workspace, Qt.Key.Key_F10)


def test_a_refused_item_of_the_second_person_is_shown_in_that_persons_section(
    qtbot: QtBot, move_api: RegistryApi, engine: Engine, runner: OperationRunner,
    personal_data: PersonalDataRegistry
) -> None:
    taken: Subject = pick_household_head(engine)
    rng = random.Random(11)
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=False, today=None)
    form = _tennyu(qtbot, workspace, [
        _person(_code(rng), "世帯主", ("シケン", "タロウ"), "1990-04-01", "1"),
        _person(taken.resident_code, "妻", ("シケン", "ハナコ"), "1991-05-02", "2"),
    ])
    second = form.editors[1]
    _send(qtbot, workspace, runner)
    assert workspace.moves.flow.step is MoveStep.EDITING
    row = second.rows["resident_code"]
    assert "既に住民" in row.error.text() and row.error.isVisibleTo(form)
    assert form.editors[0].rows["resident_code"].error.text() == ""
    assert form.banner.text() == ""
    assert QApplication.focusWidget() is row.editor  # the refused item has the focus
    assert workspace.moves.form is form  # never rebuilt: everything typed is still there
    assert second.value()["resident_code"] == taken.resident_code
    assert form.editors[0].value()["given_name_kana"] == "タロウ"
    # Editing the item takes its message away at once.
    qtbot.keyClick(row.editor, Qt.Key.Key_End)
    qtbot.keyClick(row.editor, Qt.Key.Key_Backspace)
    assert row.error.text() == "" and not row.error.isVisibleTo(form)
    row.editor.setText(_code(rng))  # type: ignore[attr-defined]
    _send(qtbot, workspace, runner)
    assert workspace.moves.flow.step is MoveStep.REVIEW


def test_a_warning_of_the_review_is_shown_on_the_person_when_the_clerk_goes_back(
    qtbot: QtBot, move_api: RegistryApi, engine: Engine, runner: OperationRunner,
    personal_data: PersonalDataRegistry
) -> None:
    twin = pick_household_head(engine)
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=False, today=None)
    form = _tennyu(qtbot, workspace, [
        _person(_code(random.Random(12)), "世帯主", (twin.family_name_kana, twin.given_name_kana),
                twin.birth_date.isoformat(), "1"),
    ])
    _send(qtbot, workspace, runner)
    assert workspace.moves.flow.step is MoveStep.REVIEW
    review = workspace.moves.review
    notes = [review.rows.row(i)["note"] for i in range(review.rows.rowCount())]
    assert any("同じ氏名" in str(n) for n in notes)  # on the person's row of the review
    qtbot.keyClick(review.confirm, Qt.Key.Key_Escape)
    assert workspace.moves.flow.step is MoveStep.EDITING
    editor = form.editors[0]
    assert "同じ氏名" in editor.warning.text() and editor.warning.isVisibleTo(form)
    assert form.notice_warning.text() == ""
    focused = QApplication.focusWidget()
    assert focused is not None and editor.isAncestorOf(focused)
