"""Fixtures for the certificate desk and the 承認 workspace: registry clients of the test
clerk and supervisor over mutual TLS (as tests/ui/test_login.py builds them), a runner and a
personal-data registry like the shell's, and residents picked from the seeded register (read
only: issuing certificates does not change the register)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from app.registry_client import RegistryClient
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from registry.models import Household, Person, PersonVersion
from tests.support.registry_process import RegistryProcess
from tests.support.terminal_client import terminal_client
from ui.certificates import build_certificate_desk
from ui.certificates.desk_view import CertificateDeskView
from ui.operations import OperationRunner
from ui.qt_setup import pin_interpreter_singletons

pin_interpreter_singletons()


def login(registry: RegistryProcess, user: str) -> RegistryClient:
    return terminal_client(registry, user)


@pytest.fixture
def clerk(registry: RegistryProcess) -> Iterator[RegistryClient]:
    client = login(registry, "t-clerk")
    yield client
    client.logout()
    client.close()


@pytest.fixture
def supervisor(registry: RegistryProcess) -> Iterator[RegistryClient]:
    client = login(registry, "t-super")
    yield client
    client.logout()
    client.close()


class Owner(QObject):
    """Stands in for the shell as the runner's parent."""


@pytest.fixture
def owner(qapp: object) -> Iterator[Owner]:
    made = Owner()
    yield made
    made.deleteLater()


@pytest.fixture
def runner(owner: Owner) -> Iterator[OperationRunner]:
    made = OperationRunner(parent=owner)
    yield made
    made.shutdown()
    QCoreApplication.processEvents()


@pytest.fixture
def personal_data(runner: OperationRunner) -> PersonalDataRegistry:
    made = PersonalDataRegistry()
    made.register(runner, ClearPhase.IN_FLIGHT)  # as the shell does: late answers are dropped
    return made


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[QWidget]:
    """The window owning every view a test builds, as the main window owns the workspaces.

    Views need a C++ parent here: an operation of ui/operations.py keeps its parent and its
    callbacks (which hold the view), and the worker thread that ran it may drop them last. A
    parentless widget whose last reference goes there would be deleted on that thread.
    """
    window = QWidget()
    window.resize(1200, 800)
    QVBoxLayout(window)
    qtbot.addWidget(window)
    yield window


@pytest.fixture
def other_host(qtbot: QtBot) -> Iterator[QWidget]:
    """A second window: the supervisor's terminal beside the clerk's (a dialog open over the
    clerk's window blocks only that one)."""
    window = QWidget()
    window.resize(900, 500)
    QVBoxLayout(window)
    qtbot.addWidget(window)
    yield window


def place(host: QWidget, widget: QWidget) -> None:
    layout = host.layout()
    assert layout is not None
    layout.addWidget(widget)


@dataclass(frozen=True)
class Resident:
    atena: str
    family_name: str
    household_number: str
    household_size: int


@pytest.fixture(scope="session")
def residents(registry_engine: Engine) -> list[Resident]:
    """Heads of Japanese households of two to five current members, none under 処理停止."""
    with registry_engine.connect() as conn:
        sizes = dict(conn.execute(
            select(PersonVersion.household_id, func.count())
            .join(Person, Person.current_version_id == PersonVersion.id)
            .where(PersonVersion.removed_on.is_(None)).group_by(PersonVersion.household_id)
        ).all())
        rows = conn.execute(
            select(Person.atena_number, PersonVersion.family_name, Household.household_number,
                   PersonVersion.household_id, PersonVersion.processing_stop, PersonVersion.resident_type)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .join(Household, Household.id == PersonVersion.household_id)
            .where(PersonVersion.removed_on.is_(None), PersonVersion.is_head.is_(True))
            .order_by(Person.atena_number).limit(400)
        ).all()
        stopped = {row.household_id for row in conn.execute(
            select(PersonVersion.household_id)
            .join(Person, Person.current_version_id == PersonVersion.id)
            .where(PersonVersion.processing_stop.is_(True))
        )}
    found = [Resident(r.atena_number, r.family_name, r.household_number, sizes[r.household_id])
             for r in rows if r.resident_type == "japanese" and r.household_id not in stopped
             and 2 <= sizes[r.household_id] <= 5]
    assert len(found) >= 4
    return found


def make_view(qtbot: QtBot, host: QWidget, client: RegistryClient, runner: OperationRunner,
              personal_data: PersonalDataRegistry) -> CertificateDeskView:
    view = build_certificate_desk(client, runner, personal_data, poll_interval_ms=20, parent=host)
    place(host, view)
    host.show()
    with qtbot.waitActive(host):
        host.activateWindow()
    return view


def order_for(view: CertificateDeskView, person: Resident, copies: int = 1) -> None:
    view.start_for(persons=(person.atena,), kind="juminhyo_individual")
    form = view.form
    form.requester_type.setCurrentIndex(form.requester_type.findData("self"))
    form.requester_person.setText(person.atena)
    form.copies.setValue(copies)
