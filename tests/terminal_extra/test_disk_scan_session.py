"""Issue 5's disk scan over a real session against the real registry: the terminal is enrolled
(`madoguchi enroll`) and started (`ui.app.start`) as a counter PC would be, with HOME, the XDG
directories and TMPDIR pointed at empty folders; a clerk logs in, searches, opens a record,
reveals the individual number, issues a certificate and renders it to memory, locks, unlocks
and logs out. Then every file the terminal wrote is searched for every form of the resident's
data: none may appear. The registry is only read from, apart from the certificate's issue row.
"""

from __future__ import annotations

import logging
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from app.certificates import certificate as to_printing
from app.privacy import assert_no_canaries, canary_forms
from app.registry_client import PendingWrite, RegistryClient
from printing import render
from printing.specimen import seal_png
from tests.registry.truth import residents
from tests.support.registry_process import PASSWORD, RegistryProcess
from ui import app as terminal_app
from ui.security.holders import mark_personal
from ui.widgets.masked_number import MaskedNumberField
from ui.widgets.personal_model import PersonalTableModel

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry,
              pytest.mark.parametrize("registry", ["sqlite"], indirect=True)]



def _run(qtbot: QtBot, runner: Any, call: Any) -> Any:
    """A registry call as the terminal makes it: on a worker, the answer back on the UI thread."""
    answers: list[Any] = []
    errors: list[Exception] = []
    runner.operation(call).success(answers.append).failure(errors.append).run_in_background()
    qtbot.waitUntil(lambda: bool(answers or errors), timeout=20_000)
    if errors:
        raise errors[0]
    return answers[0]


def test_a_real_session_leaves_no_resident_data_on_disk(
    qtbot: QtBot, qapp: QApplication, registry: RegistryProcess, registry_engine: Engine,
    empty_home: list[Path], restore_process_state: None, tmp_path: Path,
) -> None:
    person = residents(registry_engine, limit=10)[3]
    bundle = shutil.copytree(registry.terminal_dir, tmp_path / "bundle-from-the-administrator")
    assert terminal_app.main(["madoguchi", "enroll", str(bundle), "--registry-url", registry.base_url]) == 0
    started = terminal_app.start(["madoguchi"])
    shell = started.shell
    try:
        qtbot.addWidget(shell.window)
        page = shell.window.sign_in_page
        page.staff_id.setText("t-clerk")
        page.password.setText(PASSWORD)
        with qtbot.waitSignal(shell.session_started, timeout=20_000):
            qtbot.keyClick(page.password, Qt.Key.Key_Return)
        client = shell.registry
        assert isinstance(client, RegistryClient) and shell.personal_data is not None
        workspace = shell.window.workspace("counter")
        layout = workspace.layout() if workspace is not None else None
        assert workspace is not None and layout is not None

        # Search, as the counter does: name and birth date.
        found = _run(qtbot, shell.runner, lambda: client.request("GET", "/v1/residents/search", params={
            "name": person.family_name + person.given_name, "birth_date": person.birth_date.isoformat(),
        }).json())
        assert person.atena_number in [item["id"] for item in found["items"]]
        results = PersonalTableModel([("name", "氏名"), ("birth", "生年月日"), ("address", "住所")],
                                     shell.personal_data, parent=workspace)
        results.set_rows([{"name": f"{i['name']['family_name']} {i['name']['given_name']}",
                           "birth": i["birth_date"], "address": i["address"]["full"]} for i in found["items"]])
        # Open the record, reveal the number (t-clerk has number.view).
        record = _run(qtbot, shell.runner,
                      lambda: client.request("GET", f"/v1/residents/{person.atena_number}").json())
        revealed = _run(qtbot, shell.runner, lambda: client.request(
            "GET", f"/v1/residents/{person.atena_number}", params={"reveal": "individual_number"}).json())
        number = revealed["individual_number"]
        assert isinstance(number, str) and len(number) == 12
        name = record["record"]["name"]
        shown = mark_personal(QLabel(f"{name['family_name']} {name['given_name']}（{name['family_name_kana']}）",
                                     workspace))
        field = MaskedNumberField(shell.personal_data, can_reveal=True, parent=workspace)
        field.set_masked(number[-4:])
        field.show_revealed(number)
        for widget in (shown, field):
            layout.addWidget(widget)
        # Issue a certificate with the restricted items and render it into memory.
        request = PendingWrite("POST", "/v1/certificates", {
            "kind": "juminhyo_individual", "persons": [person.atena_number],
            "items": ["individual_number", "resident_code"],
            "requester": {"type": "self", "person_id": person.atena_number},
        })
        answer = _run(qtbot, shell.runner, lambda: request.send(client).json())
        pdf = render(to_printing(answer, seal_png()))
        assert pdf.startswith(b"%PDF") and answer["persons"][0]["individual_number"] == number

        # Lock, unlock with the same person's password at the registry, log out.
        controller = shell.controller
        assert controller is not None
        shell.window.activateWindow()
        with qtbot.waitSignal(controller.session_locked, timeout=10_000):
            QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_F11)
        assert results.rowCount() == 0 and shown.text() == "" and not field.is_revealed()
        shell.window.lock_screen.password.setText(PASSWORD)
        with qtbot.waitSignal(controller.session_unlocked, timeout=20_000):
            shell.window.lock_screen.unlock_button.click()
        with qtbot.waitSignal(shell.session_ended, timeout=10_000):
            shell.window.logout_action.trigger()
        qtbot.waitUntil(lambda: not client.logged_in, timeout=20_000)  # ended at the server too
    finally:
        for translator in started.translators:
            qapp.removeTranslator(translator)
        shell.shutdown()
        for handler in logging.getLogger().handlers:
            handler.flush()

    written = [p for root in empty_home for p in root.rglob("*") if p.is_file()]
    names = {p.name for p in written}
    # The scan looks at real files: the settings, the enrolment, the keyring and the log.
    assert {"settings.json", "keyring.enc", "terminal-key.enc.pem", "terminal.log"} <= names
    log_text = started.log_file.read_text(encoding="utf-8")
    assert "session started" in log_text and "session ended" in log_text
    canaries = canary_forms([
        name["family_name"] + " " + name["given_name"],
        name["family_name_kana"] + " " + name["given_name_kana"],
        number, record["resident_code"], person.atena_number,
        record["record"]["address"]["full"], date.fromisoformat(record["record"]["birth_date"]),
    ])
    assert_no_canaries(empty_home, canaries)
