"""The real registry, cut off mid-session by a proxy and restored: the banner, the clerk's
input kept, the automatic reconnection, and a resubmitted certificate request that carries the
same Idempotency-Key, so the registry issues one certificate, not two."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, func, select

from app.registry_client import ClientConfig, PendingWrite, RegistryClient, RegistryUnreachable
from registry.models import IssuedCertificate
from tests.registry.truth import residents
from tests.support.registry_process import PASSWORD, RegistryProcess
from tests.terminal_extra.faulty_proxy import FaultyProxy
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]


@pytest.fixture
def proxy(registry: RegistryProcess) -> Iterator[FaultyProxy]:
    with FaultyProxy(registry.port) as made:
        yield made


@pytest.fixture
def client(registry: RegistryProcess, proxy: FaultyProxy) -> Iterator[RegistryClient]:
    enrolment = registry.terminal_dir
    made = RegistryClient(ClientConfig(
        base_url=proxy.url, ca_file=registry.ca_cert, client_cert=enrolment / "terminal.pem",
        client_key=enrolment / "terminal-key.pem", timeout_s=15, retries=2, backoff_s=0.05,
    ))
    yield made
    proxy.restore()
    made.logout()
    made.close()


def _log_in(qtbot: QtBot, shell: TerminalShell) -> None:
    page = shell.window.sign_in_page
    page.staff_id.setText("t-clerk")
    page.password.setText(PASSWORD)
    with qtbot.waitSignal(shell.session_started, timeout=15_000):
        qtbot.keyClick(page.password, Qt.Key.Key_Return)


def _issued(engine: Engine, serial: str) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(IssuedCertificate)
                               .where(IssuedCertificate.serial == serial)) or 0)


def test_cut_registry_keeps_input_reconnects_and_resubmits_with_the_same_key(
    qtbot: QtBot, shell: TerminalShell, client: RegistryClient, proxy: FaultyProxy,
    registry_engine: Engine,
) -> None:
    person = residents(registry_engine, limit=3)[0]
    shell.attach_registry(client)
    _log_in(qtbot, shell)
    page = shell.window.workspace("counter")
    layout = page.layout() if page is not None else None
    assert page is not None and layout is not None
    typed = QLineEdit(page)
    layout.addWidget(typed)
    typed.setText("本人請求　窓口で受付")  # what the clerk typed for this request
    status, banner = shell.registry_status, shell.window.registry_banner

    pending = PendingWrite("POST", "/v1/certificates", {
        "kind": "juminhyo_individual", "persons": [person.atena_number],
        "requester": {"type": "self", "person_id": person.atena_number},
    })
    answers: list[dict[str, Any]] = []
    failures: list[RegistryUnreachable] = []

    def submit() -> None:
        shell.runner.operation(lambda: pending.send(client).json()) \
            .success(answers.append).on(RegistryUnreachable, failures.append) \
            .run_in_background()

    proxy.cut()
    with qtbot.waitSignal(status.registry_unreachable, timeout=15_000):
        submit()
    qtbot.waitUntil(lambda: bool(failures), timeout=15_000)
    assert banner.isVisible() and "接続できません" in banner.message.text()
    assert typed.text() == "本人請求　窓口で受付" and shell.window.current_page() == "work"
    assert shell.session is not None  # the session goes on; nothing is dropped

    # Back: the banner's own probe finds the registry, and the request goes out again.
    status.registry_reachable.connect(submit)
    proxy.restore()
    with qtbot.waitSignal(status.registry_reachable, timeout=15_000):
        pass
    qtbot.waitUntil(lambda: bool(answers), timeout=15_000)
    assert not banner.isVisible()
    serial = answers[0]["serial"]
    # The clerk, unsure it went through, presses again: the same key, the same certificate.
    status.registry_reachable.disconnect(submit)
    submit()
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=15_000)
    assert answers[1]["serial"] == serial
    assert _issued(registry_engine, serial) == 1
    assert proxy.refused >= 1 and status.probes_sent >= 1
