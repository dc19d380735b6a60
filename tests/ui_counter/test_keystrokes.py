"""The clerk's scripts of bench/keystrokes.py against a real registry: a one-person 転居 after
the search stays under 40 keystrokes (the issue's goal), a four-person 転入 goes through from an
empty screen with Tab, Ctrl+N and the function keys alone. Counts only: no time is asserted."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.domain import clock
from app.registry_api import RegistryApi
from app.session.personal_data import PersonalDataRegistry
from bench import keystrokes
from registry.db import make_engine
from tests.support.registry_process import RegistryProcess
from tests.ui_counter.conftest import make_workspace
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry]


@pytest.fixture
def engine(move_registry: RegistryProcess) -> Iterator[Engine]:
    made = make_engine(move_registry.db_url)
    yield made
    made.dispose()


def test_a_one_person_tenkyo_after_the_search_takes_under_40_keystrokes(
    qtbot: QtBot, move_api: RegistryApi, engine: Engine, runner: OperationRunner,
    personal_data: PersonalDataRegistry
) -> None:
    mover, town = keystrokes.movers_living_alone(engine, 5)[-1]
    to, code = keystrokes.destination(engine, town, "12-3")
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=False, today=None)
    workspace.show_search()
    keystrokes.search_and_open(workspace, keystrokes.Keyboard(), mover)
    kb = keystrokes.Keyboard()
    keystrokes.tenkyo(workspace, kb, clock.today() - timedelta(days=3), to)
    assert kb.count < keystrokes.GOAL_TENKYO, kb.log
    record = move_api.resident(mover.atena)
    assert record.record.address.town_code == code and record.record.address.detail == "１２－３"


def test_a_four_person_tennyu_from_an_empty_screen_by_keyboard(
    qtbot: QtBot, move_api: RegistryApi, engine: Engine, runner: OperationRunner,
    personal_data: PersonalDataRegistry
) -> None:
    to, _ = keystrokes.destination(engine, "", "31-4")
    persons = keystrokes.newcomers(random.Random(5), clock.today())
    workspace = make_workspace(qtbot, move_api, runner, personal_data, can_view_number=False, today=None)
    kb = keystrokes.Keyboard()
    keystrokes.tennyu(workspace, kb, persons, clock.today() - timedelta(days=2), to,
                      keystrokes.PREVIOUS)
    result = workspace.moves.flow.result
    assert result is not None and len(result.persons) == 4
    # Ctrl+N carried the 氏 to persons 2-4: they never typed it.
    assert sum(entry.endswith("× 氏") for entry in kb.log) == 1
