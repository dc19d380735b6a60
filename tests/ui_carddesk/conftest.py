"""Fixtures for the カード交付 screens: a registry of their own (the tests change cards), the
virtual card over the real pcscd + vpcd stack (run under `flock /tmp/madoguchi-pcscd.lock`),
and the workspace built as the shell builds it, with the test's card service and a fixed day."""

# ruff: noqa: F811  (pytest: the card stack's fixtures are imported, then requested by name)

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.domain import clock
from app.registry_client import RegistryClient
from app.session.personal_data import PersonalDataRegistry
from app.workflows.card_desk import CardDeskApi
from cardreader.service import CardService
from tests.cardreader.conftest import pcscd, reader, service  # noqa: F401  (the card stack)
from tests.conftest import BACKENDS
from tests.support import qt_pages
from tests.ui.conftest import activate
from tests.ui_carddesk.world import CardWorld, card_world, client_for
from ui.card.bridge import CardBridge
from ui.carddesk.services import CardDeskServices
from ui.carddesk.workspace import CardDeskWorkspace
from ui.operations import OperationRunner

WAIT = 20_000

personal_data = qt_pages.personal_data  # the shell's session registry, as a fixture
runner = qt_pages.runner


@pytest.fixture(scope="session", params=[p for p in BACKENDS if p.id == "sqlite"])
def world(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[CardWorld]:
    with card_world(request, tmp_path_factory, "card_desk_ui") as made:
        yield made


@pytest.fixture
def client(world: CardWorld) -> Iterator[RegistryClient]:
    made = client_for(world.server, "t-card")
    yield made
    made.logout()
    made.close()


@pytest.fixture
def bridge(service: CardService, personal_data: PersonalDataRegistry) -> Iterator[CardBridge]:
    made = CardBridge(service=service, personal_data=personal_data)
    yield made
    made.close()


@pytest.fixture
def make_desk(qtbot: QtBot, client: RegistryClient, runner: OperationRunner,
              personal_data: PersonalDataRegistry,
              bridge: CardBridge) -> Callable[..., CardDeskWorkspace]:
    def make(today: date | None = None) -> CardDeskWorkspace:
        api = CardDeskApi(client)
        services = CardDeskServices(api, api.search_api(), runner, personal_data, bridge,
                                    staff_name="試験　交付係",
                                    today=clock.today if today is None else (lambda: today))
        desk = CardDeskWorkspace(services)
        qtbot.addWidget(desk)
        desk.resize(1400, 900)
        desk.show()
        qtbot.waitExposed(desk)
        activate(qtbot, desk)
        return desk

    return make
