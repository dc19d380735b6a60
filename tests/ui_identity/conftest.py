"""Fixtures for the identity check screens: a registry of this directory's own (identity checks
add audit rows), the test clerk's client, a runner and personal-data registry like the shell's,
and the card bridge over the real PC/SC stack with the virtual card (run under
`flock /tmp/madoguchi-pcscd.lock`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.registry_client import RegistryClient
from app.session.personal_data import PersonalDataRegistry
from app.workflows.identity import IdentityApi
from cardreader.service import CardService
from tests.cardreader.conftest import pcscd, reader, service  # noqa: F401
from tests.conftest import BACKENDS
from tests.support import qt_pages
from tests.support.registry_process import RegistryProcess
from tests.ui_identity.cards import identity_registry_fixture, login
from ui.card.bridge import CardBridge
from ui.identity.page import IdentityPage
from ui.operations import OperationRunner
from ui.qt_setup import pin_interpreter_singletons

pin_interpreter_singletons()

personal_data = qt_pages.personal_data  # the shell's session registry, as a fixture
runner = qt_pages.runner


@pytest.fixture(scope="session", params=[p for p in BACKENDS if p.id == "sqlite"])
def identity_registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[RegistryProcess, Engine]]:
    yield from identity_registry_fixture(request, tmp_path_factory)


@pytest.fixture
def engine(identity_registry: tuple[RegistryProcess, Engine]) -> Engine:
    return identity_registry[1]


@pytest.fixture
def clerk(identity_registry: tuple[RegistryProcess, Engine]) -> Iterator[RegistryClient]:
    client = login(identity_registry[0])
    yield client
    client.logout()
    client.close()


@pytest.fixture
def bridge(service: CardService,  # noqa: F811
           personal_data: PersonalDataRegistry) -> Iterator[CardBridge]:
    made = CardBridge(service=service, personal_data=personal_data)
    made.start()
    yield made
    made.close()


@pytest.fixture
def page(qtbot: QtBot, clerk: RegistryClient, runner: OperationRunner,
         personal_data: PersonalDataRegistry, bridge: CardBridge) -> IdentityPage:
    made = IdentityPage(IdentityApi(clerk), runner, personal_data, bridge)
    qtbot.addWidget(made)
    made.resize(1000, 900)
    made.show()
    qtbot.waitExposed(made)
    return made
