"""What every scene gets: a real registry seeded with the tests' synthetic city, a clerk's
API session on it, its database for picking residents, and fresh workspaces to drive."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import Engine

from app.registry_api import RegistryApi
from app.registry_client import RegistryClient
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from tests.support.registry_process import RegistryProcess
from ui.operations import OperationRunner

WIDTH, HEIGHT = 1200, 800


@dataclass(frozen=True)
class Scene:
    name: str  # the PNG's file name, without .png
    title: str  # the caption in docs/screenshots/README.md (Japanese, as the clerk reads it)
    render: Callable[[Stage], QWidget]  # drives a screen into the state to show; returns it


@dataclass
class Stage:
    server: RegistryProcess
    engine: Engine
    api: RegistryApi
    client: RegistryClient  # the session behind api, for the pages that take a sender
    personal_data: PersonalDataRegistry = field(default_factory=PersonalDataRegistry)
    runner: OperationRunner = field(default_factory=OperationRunner)
    shown: list[QWidget] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.personal_data.register(self.runner, ClearPhase.IN_FLIGHT)

    def show(self, widget: QWidget) -> QWidget:
        widget.resize(WIDTH, HEIGHT)
        widget.show()
        self.shown.append(widget)
        self.settle()
        return widget

    def counter(self, *, can_view_number: bool = False, certificates: bool = False,
                identity: Callable[[QWidget], Any] | None = None) -> Any:
        """A fresh 窓口 workspace, shown, its move kinds and towns loaded; with the 証明書 tab
        (no seal configured: the specimen) and the 本人確認 tab `identity` builds, if asked."""
        from ui.counter.workspace import CounterServices, CounterWorkspace

        services = CounterServices(self.api, self.runner, self.personal_data,
                                   can_view_number=can_view_number)
        if certificates:
            from ui.certificates import build_certificates_page

            services.certificates = lambda parent: build_certificates_page(
                self.client, self.runner, self.personal_data, poll_interval_ms=50, parent=parent)
        services.identity = identity
        workspace = CounterWorkspace(services)
        self.show(workspace)
        self.wait_until(lambda: bool(workspace.moves.flow.specs)
                        and workspace.moves._towns is not None)
        return workspace

    @staticmethod
    def settle(ms: int = 50) -> None:
        QTest.qWait(ms)

    @staticmethod
    def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen did not get there in time")
            QTest.qWait(10)

    def close_all(self) -> None:
        self.personal_data.drop_all()
        for widget in self.shown:
            widget.close()
            widget.deleteLater()
        self.shown.clear()
        self.settle()
