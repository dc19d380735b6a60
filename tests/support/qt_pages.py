"""Fixtures for tests that build the counter's pages without the shell: the session's
personal-data registry and the background runner registered with it, as the shell does.
Imported by the Qt test directories' conftests (never by the non-Qt process)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from app.session.personal_data import ClearPhase, PersonalDataRegistry
from ui.operations import OperationRunner


@pytest.fixture
def personal_data() -> PersonalDataRegistry:
    return PersonalDataRegistry()


@pytest.fixture
def runner(personal_data: PersonalDataRegistry) -> Iterator[OperationRunner]:
    made = OperationRunner()
    personal_data.register(made, ClearPhase.IN_FLIGHT)
    yield made
    made.shutdown()
    QCoreApplication.processEvents()
