"""The identity check screen walked from the keyboard against a real registry and the virtual
card over pcscd: the card with a mistyped and then a right PIN, the comparison, 照合番号B and the
face, the record; a mismatch highlighted; an insufficient combination refused; a lock that
leaves nothing on screen. Run under `flock /tmp/madoguchi-pcscd.lock`."""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from app.domain.identity_documents import Document
from app.registry_client import RegistryClient, RegistryUnreachable
from app.session.personal_data import PersonalDataRegistry
from app.workflows.identity import CardStage, IdentityApi, IdentityStep
from cardreader.service import CardService
from tests.cardreader.conftest import VirtualReader
from tests.ui_identity.cards import (
    PIN,
    SECURITY_CODE,
    card_holder,
    card_of,
    other_address,
    pick_residents,
)
from ui.card.bridge import CardBridge
from ui.card.pin_entry import PinEntry
from ui.identity.comparison_table import MISMATCH_BACKGROUND
from ui.identity.page import IdentityPage
from ui.operations import OperationRunner

WAIT_MS = 20_000


def open_person(qtbot: QtBot, page: IdentityPage, atena: str) -> None:
    page.start()
    assert page.resident_id.hasFocus() or page.resident_id.isVisible()
    qtbot.keyClicks(page.resident_id, atena)
    qtbot.keyClick(page.resident_id, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.flow.step is IdentityStep.DOCUMENTS, timeout=WAIT_MS)
    assert atena in page.person_label.text()


def tick(qtbot: QtBot, page: IdentityPage, *documents: Document) -> None:
    for document in documents:
        box = page.document_boxes[document]
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked()
    qtbot.keyClick(page.document_boxes[documents[-1]], Qt.Key.Key_Return)


def type_pin(qtbot: QtBot, page: IdentityPage, pin: str) -> None:
    field = page.card_panel.pin.field
    assert field.hasFocus()
    assert field.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(field, pin)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.text() == ""  # taken at once


def test_card_check_from_the_keyboard_end_to_end(
    qtbot: QtBot, page: IdentityPage, clerk: RegistryClient, engine: Engine,
    reader: VirtualReader,
) -> None:
    (atena,) = pick_residents(engine, 1)
    holder = card_holder(clerk, atena)
    open_person(qtbot, page, atena)
    tick(qtbot, page, Document.MY_NUMBER_CARD)
    assert page.flow.step is IdentityStep.CARD
    assert "置いてください" in page.card_panel.status.text()

    reader.insert(card_of(holder))  # the page probes on its own when the card arrives
    panel = page.card_panel
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.PIN, timeout=WAIT_MS)
    assert panel.pin.tries.text() == "残り3回"  # shown before the holder types

    type_pin(qtbot, page, "0000")
    qtbot.waitUntil(lambda: page.flow.tries_left == 2, timeout=WAIT_MS)
    assert "残り2回" in page.problem.text() and page.problem.isVisible()
    assert panel.pin.tries.text() == "残り2回"

    type_pin(qtbot, page, PIN)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.COMPARED, timeout=WAIT_MS)
    assert panel.table.rowCount() == 5 and panel.table.mismatched_rows() == []
    assert not page.problem.isVisible()
    cells = [panel.table.item(r, 1).text() for r in range(5)]  # type: ignore[union-attr]
    assert holder.individual_number not in cells and cells[0].endswith(holder.individual_number[-4:])

    qtbot.keyClicks(panel.expiry_year, "2034")
    qtbot.keyClick(panel.expiry_year, Qt.Key.Key_Return)
    assert panel.security_code.field.hasFocus()
    qtbot.keyClicks(panel.security_code.field, SECURITY_CODE)
    qtbot.keyClick(panel.security_code.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.FACE_SHOWN, timeout=WAIT_MS)
    assert not panel.photo.pixmap().isNull()
    assert panel.same_button.hasFocus()
    qtbot.keyClick(panel.same_button, Qt.Key.Key_Space)
    assert panel.next_button.hasFocus()
    qtbot.keyClick(panel.next_button, Qt.Key.Key_Space)

    assert page.flow.step is IdentityStep.REVIEW
    assert page.confirm_button.isEnabled() and page.confirm_button.hasFocus()
    qtbot.keyClick(page.confirm_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.flow.step is IdentityStep.DONE, timeout=WAIT_MS)
    assert "本人確認済み" in page.done_label.text()
    assert panel.photo.pixmap().isNull()  # the face is not kept once recorded
    with engine.connect() as conn:
        row = conn.execute(text("SELECT pin_verified, face_compared, outcome FROM identity_checks "
                                "WHERE id = :id"), {"id": page.flow.result.check_id}).one()  # type: ignore[union-attr]
    assert tuple(row) == (True, True, "confirmed")


def test_a_mismatch_is_highlighted(
    qtbot: QtBot, page: IdentityPage, clerk: RegistryClient, engine: Engine,
    reader: VirtualReader, bridge: CardBridge,
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(other_address(card_holder(clerk, atena))))
    qtbot.waitUntil(bridge.card_present, timeout=WAIT_MS)
    open_person(qtbot, page, atena)
    tick(qtbot, page, Document.MY_NUMBER_CARD)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.PIN, timeout=WAIT_MS)
    type_pin(qtbot, page, PIN)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.COMPARED, timeout=WAIT_MS)
    table = page.card_panel.table
    assert table.mismatched_rows() == [2]  # 住所, and only 住所
    for column in range(4):
        cell = table.item(2, column)
        assert cell is not None and cell.background().color() == MISMATCH_BACKGROUND
    assert table.item(2, 3).text() == "不一致"  # type: ignore[union-attr]
    assert table.item(1, 1).background().color() != MISMATCH_BACKGROUND  # type: ignore[union-attr]
    assert "住所" in page.problem.text() and page.problem.isVisible()
    qtbot.keyClick(page.card_panel.next_button, Qt.Key.Key_Space)
    assert page.flow.step is IdentityStep.QUESTIONS  # the card alone does not identify


def test_an_insufficient_combination_is_refused(
    qtbot: QtBot, page: IdentityPage, engine: Engine,
) -> None:
    (atena,) = pick_residents(engine, 1)
    open_person(qtbot, page, atena)
    tick(qtbot, page, Document.HEALTH_INSURANCE_CARD)
    assert page.flow.step is IdentityStep.QUESTIONS
    assert page.questions_asked.hasFocus()
    qtbot.keyClicks(page.questions_asked, "2")
    qtbot.keyClick(page.questions_asked, Qt.Key.Key_Tab)
    qtbot.keyClicks(page.questions_correct, "1")
    qtbot.keyClick(page.questions_correct, Qt.Key.Key_Return)
    assert page.flow.step is IdentityStep.REVIEW
    assert not page.confirm_button.isEnabled()
    assert "不十分" in page.assessment.text()
    page.record(confirmed=True)  # even if asked: refused before the registry
    assert page.flow.step is IdentityStep.REVIEW and page.problem.isVisible()
    assert page.decline_button.hasFocus()
    qtbot.keyClick(page.decline_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.flow.step is IdentityStep.DONE, timeout=WAIT_MS)
    assert "本人確認できず" in page.done_label.text()
    # Esc on the review goes back to the documents; a second document then settles it.
    open_person(qtbot, page, atena)
    tick(qtbot, page, Document.PENSION_BOOK)
    qtbot.keyClick(page.questions_asked, Qt.Key.Key_Escape)
    assert page.flow.step is IdentityStep.DOCUMENTS


def test_a_lock_leaves_nothing_on_screen(
    qtbot: QtBot, page: IdentityPage, clerk: RegistryClient, engine: Engine,
    reader: VirtualReader, personal_data: PersonalDataRegistry,
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena)))
    open_person(qtbot, page, atena)
    tick(qtbot, page, Document.MY_NUMBER_CARD)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.PIN, timeout=WAIT_MS)
    type_pin(qtbot, page, PIN)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.COMPARED, timeout=WAIT_MS)
    panel = page.card_panel
    qtbot.keyClicks(panel.expiry_year, "2034")
    qtbot.keyClicks(panel.security_code.field, "12")  # half typed when the lock comes
    report = personal_data.drop_all()
    assert report.ok, report.failed
    assert page.flow.step is IdentityStep.PERSON and page.flow.checked is None
    assert panel.table.rowCount() == 0 and panel.photo.pixmap().isNull()
    assert panel.security_code.field.text() == "" and panel.expiry_year.text() == ""
    assert page.person_label.text() == "" and page.resident_id.text() == ""


def test_the_pin_field_refuses_letters_paste_and_copy(qtbot: QtBot) -> None:
    entry = PinEntry()
    qtbot.addWidget(entry)
    entry.show()
    qtbot.waitExposed(entry)
    entry.field.setFocus()
    qtbot.keyClicks(entry.field, "1a2b3")
    assert entry.field.text() == "123"
    QGuiApplication.clipboard().setText("9")
    qtbot.keyClick(entry.field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert entry.field.text() == "123"
    qtbot.keyClicks(entry.field, "45")
    assert entry.field.text() == "1234" and entry.is_complete()
    qtbot.keyClick(entry.field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(entry.field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "9"
    assert entry.field.contextMenuPolicy() is Qt.ContextMenuPolicy.NoContextMenu
    with qtbot.waitSignal(entry.submitted, timeout=1000):
        qtbot.keyClick(entry.field, Qt.Key.Key_Return)
    assert entry.take() == bytearray(b"1234") and entry.field.text() == ""
    entry.set_tries_left(1)
    assert entry.tries.text() == "残り1回（次に間違えるとロックされ、窓口での再設定が必要です）"
    entry.set_blocked()
    assert not entry.field.isEnabled()


def test_a_bridge_started_on_first_use_finds_the_card_already_down(
    qtbot: QtBot, clerk: RegistryClient, engine: Engine, reader: VirtualReader,
    runner: OperationRunner, personal_data: PersonalDataRegistry,
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena)))
    bridge = CardBridge(service_factory=lambda: CardService(poll_interval=0.1),
                        personal_data=personal_data)
    page = IdentityPage(IdentityApi(clerk), runner, personal_data, bridge)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    try:
        assert not bridge.started
        open_person(qtbot, page, atena)
        tick(qtbot, page, Document.MY_NUMBER_CARD)
        assert bridge.started
        qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.PIN, timeout=WAIT_MS)
        assert page.card_panel.pin.field.hasFocus()
    finally:
        bridge.close()


class _NumberCheckFailsOnce:
    def __init__(self, client: RegistryClient) -> None:
        self.client = client
        self.failed = False

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        if path.endswith("/number-check") and not self.failed:
            self.failed = True
            raise RegistryUnreachable()
        return self.client.request(method, path, **kwargs)


def test_a_lost_number_check_is_asked_again_from_the_keyboard(
    qtbot: QtBot, clerk: RegistryClient, engine: Engine, reader: VirtualReader,
    runner: OperationRunner, personal_data: PersonalDataRegistry, bridge: CardBridge,
) -> None:
    (atena,) = pick_residents(engine, 1)
    reader.insert(card_of(card_holder(clerk, atena)))
    page = IdentityPage(IdentityApi(_NumberCheckFailsOnce(clerk)), runner, personal_data, bridge)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    open_person(qtbot, page, atena)
    tick(qtbot, page, Document.MY_NUMBER_CARD)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.PIN, timeout=WAIT_MS)
    type_pin(qtbot, page, PIN)
    retry = page.card_panel.retry_button
    qtbot.waitUntil(lambda: retry.isVisible() and retry.hasFocus(), timeout=WAIT_MS)
    assert "接続できません" in page.problem.text()
    qtbot.keyClick(retry, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.flow.card_stage is CardStage.COMPARED, timeout=WAIT_MS)
    assert not retry.isVisible() and page.card_panel.table.mismatched_rows() == []
