"""The desk prints the city's seal named in the terminal settings; a configured seal that
cannot be used stops the desk from issuing (with the reason shown), never falls back to the
specimen; without one, the specimen seal with 見本."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.settings import SettingsStore
from app.settings.options import SEAL_IMAGE
from printing.specimen import seal_png
from tests.ui_certificates.fakes import FakeRegistry
from ui.certificates import build_certificate_desk
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.printing]
SELF = "0000000101"


def settings_with_seal(tmp_path: Path, data: bytes) -> SettingsStore:
    (tmp_path / "seal.png").write_bytes(data)
    settings = SettingsStore(tmp_path / "settings.json")
    settings.set(SEAL_IMAGE, tmp_path / "seal.png")
    return settings


def test_a_broken_seal_stops_issuing(qtbot: QtBot, host: QWidget, runner: OperationRunner, tmp_path: Path) -> None:
    fake = FakeRegistry()
    view = build_certificate_desk(fake, runner, None, settings=settings_with_seal(tmp_path, b"JFIF"), parent=host)
    host.layout().addWidget(view)  # type: ignore[union-attr]
    host.show()
    assert view.seal_message.isVisible() and "公印" in view.seal_message.text()
    assert "PNG" in view.seal_message.text()
    view.start_for(persons=(SELF,))
    view.form.requester_person.setText(SELF)
    assert not view.issue_button.isEnabled()
    view.issue()
    assert fake.calls == []


@pytest.mark.parametrize("configured", [True, False])
def test_the_configured_seal_or_the_marked_specimen(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                                                    tmp_path: Path, configured: bool) -> None:
    city = seal_png("寝屋川市長之印", size=320)  # stands in for the city's own file
    settings = settings_with_seal(tmp_path, city) if configured else SettingsStore(tmp_path / "s.json")
    view = build_certificate_desk(FakeRegistry(), runner, None, settings=settings, parent=host)
    assert ("見本" in view.seal_message.text()) is not configured  # the desk says so beforehand
    assert view.issue_button.isEnabled()
    view.start_for(persons=(SELF,))
    view.form.requester_person.setText(SELF)
    with qtbot.waitSignal(view.certificate_issued, timeout=20_000):
        view.issue()
    issued = view.desk.issued
    assert issued is not None and issued.printable
    assert issued.certificate.issuer.specimen_seal is not configured
    if configured:
        assert issued.certificate.issuer.seal_png == city
