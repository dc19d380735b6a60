"""Printing runs on the runner's worker: while a large household's certificate is rasterised
and painted onto the in-memory PDF printer, the UI thread keeps turning (a zero-interval timer
keeps firing, which it cannot while a slot blocks the event loop). No time is asserted.
A print in flight is called off by a lock and leaves nothing behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.session.personal_data import PersonalDataRegistry
from tests.ui_certificates.fakes import FakeRegistry, person
from tests.ui_certificates.test_offline import loaded
from ui.certificates import build_certificate_desk
from ui.certificates.desk_view import CertificateDeskView
from ui.certificates.print_output import MEMORY_PDF
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.printing]

WAIT_MS = 120_000
HEAD = "0000000101"
MEMBERS = 16  # invented people: several pages of 世帯連記式


def large_household(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                    personal_data: PersonalDataRegistry | None, copies: int) -> CertificateDeskView:
    fake = FakeRegistry()
    fake.household_members = MEMBERS
    fake.persons = [person("見本", f"{i + 1}郎", head=i == 0) for i in range(MEMBERS)]
    view = build_certificate_desk(fake, runner, personal_data, parent=host)
    host.layout().addWidget(view)  # type: ignore[union-attr]
    view.start_for(household="0000000001", kind="juminhyo_household")
    view.form.requester_person.setText(HEAD)
    view.form.copies.setValue(copies)
    with qtbot.waitSignal(view.certificate_issued, timeout=WAIT_MS):
        view.issue()
    assert view.preview.page_count() >= 3
    view.printer.setCurrentIndex(view.printer.findData(MEMORY_PDF))
    return view


def test_the_window_keeps_turning_while_a_large_household_prints(
        qtbot: QtBot, host: QWidget, runner: OperationRunner) -> None:
    view = large_household(qtbot, host, runner, None, copies=1)
    pages = view.preview.page_count()
    ticks_while_printing = 0

    def tick() -> None:
        nonlocal ticks_while_printing
        if view.printing:
            ticks_while_printing += 1

    timer = QTimer(host)
    timer.setInterval(0)
    timer.timeout.connect(tick)
    timer.start()
    with qtbot.waitSignal(view.certificate_printed, timeout=WAIT_MS) as printed:
        assert view.print_certificate()
        assert view.printing and not view.print_button.isEnabled()
    timer.stop()
    assert printed.args == [pages]
    assert ticks_while_printing > 1  # the event loop ran while the pages were painted
    assert view.memory_printer is not None
    document, _buffer = loaded(view.memory_printer.output())
    assert document.pageCount() == pages
    document.close()
    assert view.print_button.isEnabled() and not view.printing


def test_a_lock_calls_off_the_print_in_flight(qtbot: QtBot, host: QWidget, runner: OperationRunner,
                                             personal_data: PersonalDataRegistry) -> None:
    view = large_household(qtbot, host, runner, personal_data, copies=5)
    assert view.print_certificate()
    report = personal_data.drop_all()  # a lock: the runner disowns the job, the view stops it
    assert report.ok and not view.printing and view.memory_printer is None
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT_MS)  # the worker gave up
    assert view.memory_printer is None and view.desk.issued is None
    assert "枚印刷しました" not in view.message.text()
