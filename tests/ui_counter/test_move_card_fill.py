"""カードから入力 on the 特例転入 form over the real stack: pyscard → pcscd → vpcd → the project's
virtual card, and the real registry holding the 転出証明書情報. The holder types the PIN on the
masked field (tries left shown first), the card fills the person's individual number and shows
the four items beside the person, the registry compares the number with the 転出証明書情報.
The card also finds the 転出証明書情報 itself (by name and birth date): one fills the item,
several are picked from a list by keyboard, none is said in Japanese and the item stays empty.

Starts pcscd: run under `flock /tmp/madoguchi-pcscd.lock`."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain import clock, individual_number
from app.registry_api import RegistryApi
from app.session.personal_data import PersonalDataRegistry
from app.workflows.dates import short_wareki
from app.workflows.move_entry import MoveStep
from cardreader.service import CardService
from cardreader.virtual.contents import BuildOptions, Resident, build_contents
from cardreader.virtual.pcscd import PcscdProcess
from tests.cardreader.conftest import VirtualReader, pcscd, reader  # noqa: F401  (fixtures)
from tests.support.registry_process import RegistryProcess
from tests.support.transfer_notices import receive_transfer_notice
from tests.ui.residents import widget_texts
from ui.card.bridge import CardBridge
from ui.moves.card_fill import CardFillPanel, NoticePicker
from ui.moves.page import MovePage
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal, pytest.mark.registry, pytest.mark.card]
WAIT = 20_000
PIN = "4826"


def _holder(rng: random.Random) -> Resident:
    return Resident(
        individual_number=individual_number.make(f"{rng.randrange(10**10, 10**11)}"),
        family_name="特例", given_name="花子", address="大阪府大阪市北区中之島一丁目３番２０号",
        birth_date=date(1991, 11, 11), sex="2", expiry_date=date(2031, 11, 11), pin=PIN,
    )


# Holders whose notice the card itself must find have names of their own: the registry is
# shared by the module's tests, and the lookup is by name and birth date.
_GIVEN = (f"{a}{b}" for a, b in itertools.product("松竹", "一二三四五六七八九"))


def _own_holder(rng: random.Random) -> Resident:
    return replace(_holder(rng), family_name="窓口", given_name=next(_GIVEN))


def _receive_notice(server: RegistryProcess, holder: Resident, rng: random.Random,
                    planned: date | None = None) -> str:
    return receive_transfer_notice(server, holder, rng, planned=planned)


@pytest.fixture
def bridge(pcscd: PcscdProcess, personal_data: PersonalDataRegistry) -> Iterator[CardBridge]:  # noqa: F811
    service = CardService(poll_interval=0.1, default_timeout=10.0).start()
    made = CardBridge(service=service, personal_data=personal_data)
    yield made
    made.close()
    service.stop()


@pytest.fixture
def page(qtbot: QtBot, move_api: RegistryApi, runner: OperationRunner,
         personal_data: PersonalDataRegistry, bridge: CardBridge) -> MovePage:
    made = MovePage(move_api, runner, personal_data, card=bridge)
    qtbot.addWidget(made)
    made.resize(1000, 900)
    made.show()
    qtbot.waitExposed(made)
    qtbot.waitUntil(lambda: bool(made.flow.specs), timeout=WAIT)
    qtbot.waitUntil(lambda: made._towns is not None, timeout=WAIT)
    return made


def _tokurei(page: MovePage, notice_id: str | None) -> CardFillPanel:
    page.start("tokurei_tennyu")
    form = page.form
    assert form is not None and form.address is not None and form.household is not None
    form.rows["move_date"].editor.set_value(short_wareki(clock.today()))  # type: ignore[attr-defined]
    town = page._towns.towns[0]  # type: ignore[union-attr]
    form.address.set_value({"postal_code": town.postal_code, "town_code": town.code,
                            "address_detail": "2-2"})
    form.household.set_value({"mode": "new"})
    person = form.editors[0]
    if notice_id is not None:
        person.rows["transfer_notice_id"].editor.setText(notice_id)  # type: ignore[attr-defined]
    person.rows["relationship"].editor.set_value("世帯主")  # type: ignore[attr-defined]
    panels = person.findChildren(CardFillPanel)
    assert len(panels) == 1
    return panels[0]


def _enter_pin(qtbot: QtBot, panel: CardFillPanel, pin: str) -> None:
    qtbot.keyClick(panel.button, Qt.Key.Key_Space)
    assert panel.pin_box.isVisible() and QApplication.focusWidget() is panel.pin.field
    qtbot.waitUntil(lambda: panel.pin.tries.text() != "", timeout=WAIT)  # tries left, before the PIN
    qtbot.keyClicks(panel.pin.field, pin)
    assert panel.pin.field.text() == pin and panel.pin.field.echoMode().name == "Password"


def test_the_card_fills_the_number_and_shows_its_items_and_the_registry_agrees(
    qtbot: QtBot, page: MovePage, reader: VirtualReader, move_registry: RegistryProcess,  # noqa: F811
    runner: OperationRunner, personal_data: PersonalDataRegistry,
) -> None:
    rng = random.Random(71)
    holder = _holder(rng)
    notice_id = _receive_notice(move_registry, holder, rng)
    reader.insert(build_contents(holder, BuildOptions()))
    panel = _tokurei(page, notice_id)
    _enter_pin(qtbot, panel, PIN)
    assert panel.pin.tries.text() == "残り3回"
    person = page.form.editors[0]  # type: ignore[union-attr]
    with qtbot.waitSignal(panel.card_read, timeout=WAIT):
        qtbot.keyClick(panel.pin.field, Qt.Key.Key_Return)
    assert panel.pin.field.text() == ""  # taken at once
    assert person.value()["individual_number"] == holder.individual_number
    shown = person.card_items.text()
    assert "特例\u3000花子" in shown and "平成3年11月11日" in shown and "女" in shown
    assert holder.address in shown  # the card's address: the 前住所 for the clerk to compare
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        page.next_step()
    assert page.flow.step is MoveStep.REVIEW, page.form.banner.text()  # type: ignore[union-attr]
    rows = page.flow.review_rows()
    assert any("特例" in r.who for r in rows)
    discard = page.flow.back_to_edit()
    assert discard is not None
    discard()
    # A lock forgets what the card said.
    report = personal_data.drop_all()
    assert report.ok
    held = [t for t in widget_texts() if holder.individual_number in t or holder.address in t]
    assert not held, held


def test_a_wrong_pin_shows_the_tries_left_and_a_card_of_someone_else_is_refused_at_the_number(
    qtbot: QtBot, page: MovePage, reader: VirtualReader, move_registry: RegistryProcess,  # noqa: F811
    runner: OperationRunner,
) -> None:
    rng = random.Random(72)
    holder = _holder(rng)
    notice_id = _receive_notice(move_registry, holder, rng)
    stranger = _holder(rng)  # another number: not the 転出証明書情報's person
    reader.insert(build_contents(stranger, BuildOptions()))
    panel = _tokurei(page, notice_id)
    _enter_pin(qtbot, panel, "0000")
    qtbot.keyClick(panel.pin.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.pin.tries.text() == "残り2回", timeout=WAIT)
    assert "暗証番号" in panel.status.text() and QApplication.focusWidget() is panel.pin.field
    qtbot.keyClicks(panel.pin.field, PIN)
    with qtbot.waitSignal(panel.card_read, timeout=WAIT):
        qtbot.keyClick(panel.pin.field, Qt.Key.Key_Return)
    person = page.form.editors[0]  # type: ignore[union-attr]
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        page.next_step()
    assert page.flow.step is MoveStep.EDITING
    row = person.rows["individual_number"]
    assert "一致しません" in row.error.text()
    assert QApplication.focusWidget() is row.editor
    assert person.value()["transfer_notice_id"] == notice_id  # nothing typed is lost


def _read_card(qtbot: QtBot, panel: CardFillPanel) -> None:
    _enter_pin(qtbot, panel, PIN)
    with qtbot.waitSignal(panel.card_read, timeout=WAIT):
        qtbot.keyClick(panel.pin.field, Qt.Key.Key_Return)


def _notice_field(page: MovePage) -> QLineEdit:
    editor = page.form.editors[0].rows["transfer_notice_id"].editor  # type: ignore[union-attr]
    assert isinstance(editor, QLineEdit)
    return editor


def test_the_card_finds_its_notice_and_the_draft_succeeds(
    qtbot: QtBot, page: MovePage, reader: VirtualReader, move_registry: RegistryProcess,  # noqa: F811
    runner: OperationRunner, personal_data: PersonalDataRegistry,
) -> None:
    rng = random.Random(73)
    holder = _own_holder(rng)
    notice_id = _receive_notice(move_registry, holder, rng)
    reader.insert(build_contents(holder, BuildOptions()))
    panel = _tokurei(page, None)
    field = _notice_field(page)
    assert field.text() == ""  # the clerk no longer types the 32 characters
    _read_card(qtbot, panel)
    qtbot.waitUntil(lambda: field.text() == notice_id, timeout=WAIT)
    assert "転出証明書情報を入力しました" in panel.notice_status.text()
    assert "271004" in panel.notice_status.text() and panel.notice_status.isVisible()
    person = page.form.editors[0]  # type: ignore[union-attr]
    assert person.value()["individual_number"] == holder.individual_number
    assert not person.rows["transfer_notice_id"].error.text()
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        page.next_step()
    assert page.flow.step is MoveStep.REVIEW, page.form.banner.text()  # type: ignore[union-attr]
    assert page.flow.body["persons"][0]["transfer_notice_id"] == notice_id
    discard = page.flow.back_to_edit()
    assert discard is not None
    discard()
    assert personal_data.drop_all().ok
    assert panel.notice_status.text() == ""  # a lock forgets what was found


def test_several_notices_are_picked_from_a_list_with_the_keyboard(
    qtbot: QtBot, page: MovePage, reader: VirtualReader, move_registry: RegistryProcess,  # noqa: F811
    runner: OperationRunner,
) -> None:
    rng = random.Random(74)
    holder = _own_holder(rng)
    older = _receive_notice(move_registry, holder, rng, planned=clock.today() - timedelta(days=5))
    newer = _receive_notice(move_registry, holder, rng)
    reader.insert(build_contents(holder, BuildOptions()))
    panel = _tokurei(page, None)
    field = _notice_field(page)
    _read_card(qtbot, panel)
    qtbot.waitUntil(lambda: panel.picker is not None and panel.picker.isVisible(), timeout=WAIT)
    picker = panel.picker
    assert isinstance(picker, NoticePicker)
    table = picker.table
    assert table.rowCount() == 2 and QApplication.focusWidget() is table
    cells = [[cell.text() if (cell := table.item(r, c)) is not None else "" for c in range(3)]
             for r in range(2)]
    assert cells[0][2] != cells[1][2] and table.currentRow() == 0  # oldest first
    assert cells[0][1] == cells[1][1] == "271004"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: field.text() == newer, timeout=WAIT)
    assert panel.picker is None and field.text() != older
    assert "転出証明書情報を入力しました" in panel.notice_status.text()
    with qtbot.waitSignal(runner.operation_delivered, timeout=WAIT):
        page.next_step()
    assert page.flow.step is MoveStep.REVIEW, page.form.banner.text()  # type: ignore[union-attr]
    discard = page.flow.back_to_edit()
    assert discard is not None
    discard()


def test_esc_in_the_list_leaves_the_item_to_type(
    qtbot: QtBot, page: MovePage, reader: VirtualReader, move_registry: RegistryProcess,  # noqa: F811
) -> None:
    rng = random.Random(75)
    holder = _own_holder(rng)
    for _ in range(2):
        _receive_notice(move_registry, holder, rng)
    reader.insert(build_contents(holder, BuildOptions()))
    panel = _tokurei(page, None)
    _read_card(qtbot, panel)
    qtbot.waitUntil(lambda: panel.picker is not None and panel.picker.isVisible(), timeout=WAIT)
    assert panel.picker is not None
    qtbot.keyClick(panel.picker.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.picker is None, timeout=WAIT)
    assert _notice_field(page).text() == ""
    assert "選びませんでした" in panel.notice_status.text()


def test_no_notice_says_so_and_the_item_stays_for_the_clerk(
    qtbot: QtBot, page: MovePage, reader: VirtualReader, move_registry: RegistryProcess,  # noqa: F811
) -> None:
    rng = random.Random(76)
    holder = _own_holder(rng)
    # Delivered for someone of the same name born on another day: not this card's.
    _receive_notice(move_registry, replace(holder, birth_date=date(1991, 11, 12)), rng)
    reader.insert(build_contents(holder, BuildOptions()))
    panel = _tokurei(page, None)
    _read_card(qtbot, panel)
    qtbot.waitUntil(lambda: "届いていません" in panel.notice_status.text(), timeout=WAIT)
    assert "転出元に確認してください" in panel.notice_status.text()
    field = _notice_field(page)
    assert field.text() == "" and field.isEnabled() and not field.isReadOnly()
    assert QApplication.focusWidget() is field  # ready for the number from the 転出元
