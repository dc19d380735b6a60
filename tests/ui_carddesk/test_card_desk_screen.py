"""The カード交付 workspace end to end, from the keyboard: the real registry, the virtual card
through pcscd + vpcd, the receipt rendered, previewed and printed to the in-memory PDF printer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain import clock
from app.domain.card_lifecycle import CardEvent
from app.session.personal_data import PersonalDataRegistry
from tests.cardreader.conftest import VirtualReader
from tests.ui.conftest import activate
from tests.ui_carddesk.conftest import WAIT
from tests.ui_carddesk.world import PIN, SECURITY_CODE, CardWorld, card_contents
from ui.carddesk.tables import EventReasonDialog
from ui.carddesk.workspace import CardDeskWorkspace
from ui.certificates.print_output import MEMORY_PDF

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry, pytest.mark.card]
MakeDesk = Callable[..., CardDeskWorkspace]


def type_in(widget: QWidget, text: str, qtbot: QtBot) -> None:
    """ASCII by keys; Japanese as an input method commits it (QTest sends no non-ASCII keys)."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def key(qtbot: QtBot, keys: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key where the clerk's focus is (the desk's window again after a dialog closed)."""
    focus = QApplication.focusWidget()
    if focus is None:
        desk = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CardDeskWorkspace))
        activate(qtbot, desk)
        focus = QApplication.focusWidget() or desk
    qtbot.keyClick(focus, keys, modifier)


def find_and_open(qtbot: QtBot, desk: CardDeskWorkspace, world: CardWorld, atena: str) -> None:
    raw = world.record(atena)["record"]
    key(qtbot, Qt.Key.Key_F6)
    assert desk.form.name.hasFocus()
    type_in(desk.form.name, f"{raw['name']['family_name_kana']} {raw['name']['given_name_kana']}", qtbot)
    qtbot.keyClicks(desk.form.birth.text_edit, raw["birth_date"])
    qtbot.keyClick(desk.form.birth.text_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.results.model.rowCount() > 0, timeout=WAIT)
    row = next(i for i in range(desk.results.model.rowCount())
               if desk.results.model.row(i)["id"] == atena)
    desk.results.table.selectRow(row)
    with qtbot.waitSignals([desk.person_opened, desk.card_probed], timeout=WAIT):
        qtbot.keyClick(desk.results.table, Qt.Key.Key_Return)


def read_with_pin(qtbot: QtBot, desk: CardDeskWorkspace, pin: str = PIN) -> None:
    key(qtbot, Qt.Key.Key_F8)
    assert desk.card.pin.field.hasFocus()
    qtbot.keyClicks(desk.card.pin.field, pin)
    qtbot.keyClick(desk.card.pin.field, Qt.Key.Key_Return)


def read_face(qtbot: QtBot, desk: CardDeskWorkspace, year: int) -> bool:
    qtbot.keyClicks(desk.card.expiry_year, str(year))
    qtbot.keyClicks(desk.card.security_code.field, SECURITY_CODE)
    with qtbot.waitSignal(desk.face_shown, timeout=WAIT, raising=False) as shown:
        qtbot.keyClick(desk.card.security_code.field, Qt.Key.Key_Return)
    assert shown.signal_triggered, (desk.card.message.text(), desk.card.expiry_year.text(),
                                    desk.card.birth.value())
    return bool(shown.args[0])


def record_with_reason(qtbot: QtBot, desk: CardDeskWorkspace, keys: Qt.Key, reason_index: int) -> None:
    key(qtbot, keys, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: desk.findChild(EventReasonDialog) is not None, timeout=WAIT)
    dialog = desk.findChild(EventReasonDialog)
    assert isinstance(dialog, EventReasonDialog)
    dialog.reason.setCurrentIndex(reason_index)
    # 廃止, and only 廃止, warns that it cannot be taken back.
    assert (dialog.warning is not None) is (keys == Qt.Key.Key_H)  # Alt+H: 廃止
    with qtbot.waitSignal(desk.state_loaded, timeout=WAIT):
        qtbot.keyClick(dialog.reason.lineEdit(), Qt.Key.Key_Return)


def states(desk: CardDeskWorkspace) -> list[str]:
    return [str(desk.history.row(i)["event"]) for i in range(desk.history.rowCount())]


def test_issue_suspend_resume_revoke_collect_from_the_keyboard(
        qtbot: QtBot, make_desk: MakeDesk, world: CardWorld, reader: VirtualReader) -> None:
    atena = world.next_resident()
    holder = world.holder(atena)
    reader.insert(card_contents(holder))
    desk = make_desk()
    assert desk.keys.labels()[:4] == ["F6  住民検索", "F7  カード確認", "F8  暗証番号", "F10  交付"]
    find_and_open(qtbot, desk, world, atena)
    assert desk.card.tries["input_support_pin"].text() == "残り3回"
    assert desk.card.tries["jpki_sign_password"].text() == "残り5回"
    assert not desk.event_buttons[CardEvent.ISSUE].isEnabled()  # not before the card passed
    with qtbot.waitSignal(desk.card_compared, timeout=WAIT) as compared:
        read_with_pin(qtbot, desk)
        # While the card answers: said, and no second read.
        assert "読み取っています" in desk.card.message.text() and not desk.card.read_button.isEnabled()
    assert desk.card.read_button.isEnabled() and "読み取っています" not in desk.card.message.text()
    assert compared.args == [True]
    assert [desk.comparison.row(i)["result"] for i in range(5)] == ["一致"] * 5
    assert not read_face(qtbot, desk, holder.expiry_date.year)
    assert not desk.card.photo.pixmap().isNull()
    assert desk.issue_action.isEnabled()

    with qtbot.waitSignals([desk.event_recorded, desk.receipt_shown, desk.state_loaded], timeout=WAIT):
        key(qtbot, Qt.Key.Key_F10)
    assert "交付済" in desk.state.text()
    assert desk.tabs.currentIndex() == 1 and desk.receipt.preview.page_count() == 1
    desk.receipt.printer.setCurrentIndex(desk.receipt.printer.findData(MEMORY_PDF))
    with qtbot.waitSignal(desk.receipt_printed, timeout=WAIT):
        qtbot.keyClick(desk.receipt.printer, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    printed = desk.receipt.memory_printer
    assert printed is not None and printed.output().startswith(b"%PDF")

    assert "#1b5e20" in desk.message.styleSheet()  # 受領書を…印刷しました: a result, not an error
    record_with_reason(qtbot, desk, Qt.Key.Key_T, 0)  # 紛失
    assert "一時停止中" in desk.state.text()
    with qtbot.waitSignal(desk.state_loaded, timeout=WAIT):
        key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert "交付済" in desk.state.text()
    record_with_reason(qtbot, desk, Qt.Key.Key_H, 0)  # 本人からの返納
    with qtbot.waitSignal(desk.state_loaded, timeout=WAIT):
        key(qtbot, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert "回収済" in desk.state.text()
    assert states(desk) == ["回収", "廃止", "一時停止解除", "一時停止", "交付"]  # newest first
    assert [desk.history.row(i)["reason"] for i in (1, 3)] == ["本人からの返納", "紛失"]
    # After 廃止 and 回収 that card is done with: a new 交付 needs a new read of a card.
    assert not any(b.isEnabled() for b in desk.event_buttons.values())
    assert desk.comparison.rowCount() == 0 and desk.card.photo.pixmap().isNull()


def test_a_mismatch_is_highlighted_and_blocks_issuing(
        qtbot: QtBot, make_desk: MakeDesk, world: CardWorld, reader: VirtualReader) -> None:
    atena = world.next_resident()
    holder = world.holder(atena, given_name="違名")
    reader.insert(card_contents(holder))
    desk = make_desk()
    find_and_open(qtbot, desk, world, atena)
    with qtbot.waitSignal(desk.card_compared, timeout=WAIT) as compared:
        read_with_pin(qtbot, desk)
    assert compared.args == [False]
    rows = {desk.comparison.row(i)["field"]: i for i in range(desk.comparison.rowCount())}
    name_row = desk.comparison.index(rows["氏名"], 1)
    assert isinstance(desk.comparison.data(name_row, Qt.ItemDataRole.BackgroundRole), QBrush)
    assert desk.comparison.data(desk.comparison.index(rows["住所"], 1),
                                Qt.ItemDataRole.BackgroundRole) is None
    assert desk.comparison.row(rows["氏名"])["result"] == "不一致"
    assert "一致しない" in desk.message.text()
    read_face(qtbot, desk, holder.expiry_date.year)
    assert not desk.issue_action.isEnabled()
    assert not desk.event_buttons[CardEvent.ISSUE].isEnabled()
    key(qtbot, Qt.Key.Key_F10)  # refused quietly: the key is off
    assert desk.flow.last_recorded is None
    # The person's own card read next: the mismatch message of the other card goes.
    reader.insert(card_contents(world.holder(atena)))
    with qtbot.waitSignal(desk.card_compared, timeout=WAIT) as compared:
        read_with_pin(qtbot, desk)
    assert compared.args == [True] and desk.message.text() == ""


def test_an_expired_card_is_refused(qtbot: QtBot, make_desk: MakeDesk, world: CardWorld,
                                    reader: VirtualReader) -> None:
    atena = world.next_resident()
    expiry = clock.today() - timedelta(days=1)
    holder = world.holder(atena, expiry=expiry)
    reader.insert(card_contents(holder))
    desk = make_desk()
    find_and_open(qtbot, desk, world, atena)
    with qtbot.waitSignal(desk.card_compared, timeout=WAIT):
        read_with_pin(qtbot, desk)
    with qtbot.waitSignal(desk.problem_shown, timeout=WAIT,
                          check_params_cb=lambda code: code == "card_expired"):
        assert read_face(qtbot, desk, expiry.year)
    assert "有効期限が切れています" in desk.card.expiry.text()
    assert not desk.issue_action.isEnabled()


def test_a_wrong_pin_shows_the_tries_left(qtbot: QtBot, make_desk: MakeDesk, world: CardWorld,
                                          reader: VirtualReader,
                                          personal_data: PersonalDataRegistry) -> None:
    atena = world.next_resident()
    reader.insert(card_contents(world.holder(atena)))
    desk = make_desk()
    find_and_open(qtbot, desk, world, atena)
    with qtbot.waitSignal(desk.problem_shown, timeout=WAIT) as shown:
        read_with_pin(qtbot, desk, "0000")
    assert shown.args == ["wrong_pin"]
    assert desk.card.tries["input_support_pin"].text() == "残り2回"
    assert desk.card.pin.tries.text() == "残り2回"
    assert "残り2回" in desk.card.message.text()
    assert desk.card.pin.field.text() == ""  # taken, never kept
    # The right PIN still works, then a lock leaves nothing behind.
    with qtbot.waitSignal(desk.card_compared, timeout=WAIT):
        read_with_pin(qtbot, desk)
    read_face(qtbot, desk, world.holder(atena).expiry_date.year)
    assert desk.comparison.rowCount() == 5 and desk.person.text()
    personal_data.drop_all()
    assert desk.comparison.rowCount() == 0 and desk.history.rowCount() == 0
    assert desk.results.model.rowCount() == 0 and desk.form.name.text() == ""
    assert desk.person.text() == "" and desk.state.text() == ""
    assert desk.card.photo.pixmap().isNull() and desk.card.expiry.text() == ""
    assert desk.flow.person is None and desk.flow.basic is None and desk.flow.face is None
    assert not any(b.isEnabled() for b in desk.event_buttons.values())
