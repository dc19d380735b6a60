"""The search and record screens over a fake registry, by keyboard: the two-item rule before
the registry, era dates, the result list without numbers, the record with household, history
and the masked number (revealed only with number.view)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.session.personal_data import ClearPhase, PersonalDataRegistry
from tests.ui.residents import widget_texts
from tests.ui_counter.conftest import make_workspace, type_in
from tests.workflows.fakes import HOUSEHOLD, FakeApi, record_json, summary_json
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal]
NUMBER = "123456789018"


def _resident_api(api: FakeApi) -> FakeApi:
    head, wife = summary_json("0000000001"), summary_json("0000000002", given="花子", relationship="妻",
                                                         sex="2", birth="1982-03-03")
    api.search_pages = [{"items": [head, wife], "has_more": True, "next_offset": 2},
                        {"items": [summary_json("0000000003", given="三郎")]}]
    api.records["0000000002"] = record_json("0000000002", number=NUMBER, given="花子",
                                            relationship="妻", sex="2", birth="1982-03-03")
    api.households[HOUSEHOLD] = {"household_number": HOUSEHOLD, "created_on": "2020-04-01",
                                 "address": None, "head_id": "0000000001", "members": [head, wife]}
    return api


def test_the_rule_is_explained_before_the_registry_refuses(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    workspace = make_workspace(qtbot, fake_api, runner, personal_data, can_view_number=False)
    form = workspace.search.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    workspace.show_search()
    assert QApplication.focusWidget() is form.name
    type_in(qtbot, form.name, "しけん")
    assert "あと一つ" in form.rule.text()
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert "二つ以上" in form.error.text()
    assert fake_api.called("search") == []
    qtbot.keyClicks(form.birth.text_edit, "55.2.17")  # no era: the era box says 昭和 already
    assert "昭和55年2月17日" in form.birth.reading.text()
    assert form.rule.text() == "検索できます（Enter）。"


def test_search_list_record_and_reveal_by_keyboard(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _resident_api(fake_api)
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=True)
    page = workspace.search
    workspace.show_search()
    type_in(qtbot, page.form.name, "しけん")
    type_in(qtbot, page.form.address, "池田")
    with qtbot.waitSignal(runner.operation_delivered):
        qtbot.keyClick(page.form.address, Qt.Key.Key_Return)
    table = page.results.table
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    assert page.results.model.rowCount() == 2 and page.results.more_button.isVisible()
    assert page.results.count.text() == "該当 2 件以上（続きは「さらに表示」）"
    headers = [page.results.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.results.model.columnCount())]
    assert "個人番号" not in headers
    assert headers[:2] == ["氏名", "状態"] and headers[-1] == "住所"  # a 消除 is never scrolled away
    with qtbot.waitSignal(runner.operation_delivered):
        qtbot.keyClick(table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.results.model.rowCount() == 3
    assert page.results.count.text() == "該当 3 件"
    table.setCurrentIndex(page.results.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.record_shown):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    record = page.record
    assert record.heading.text() == "試験\u3000花子"
    assert "〒572-" in " ".join(widget_texts())  # the postal code as written on paper
    assert record.members.rowCount() == 2 and record.history.rowCount() == 1
    assert record.number.text() == "****-****-****" and NUMBER not in record.number.text()
    assert api.called("resident") == [("0000000002", False)]
    with qtbot.waitSignal(record.number.number_revealed):
        qtbot.mouseClick(record.number.toggle, Qt.MouseButton.LeftButton)
    assert record.number.text() == "1234 5678 9018"
    assert api.called("resident")[-1] == ("0000000002", True)
    personal_data.conceal_all()  # what every shield does
    assert record.number.text() == "****-****-9018" and page.record_flow.number is None
    qtbot.keyClick(record, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is table
    assert workspace.keys.labels() == ["F6  住民検索", "F7  異動届", "F8  この方の異動届", "F10  次へ・確定"]


def test_without_number_view_there_is_no_reveal(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _resident_api(fake_api)
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=False)
    with qtbot.waitSignal(workspace.search.record_shown):
        workspace.search.open_record("0000000002")
    assert not workspace.search.record.number.toggle.isVisible()
    workspace.search.reveal_number()
    assert api.called("resident") == [("0000000002", False)]


def test_a_registry_refusal_keeps_the_form(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    from tests.workflows.fakes import refusal

    fake_api.errors["search"] = [refusal("search_limit_exceeded", 429, "検索回数の上限に達しました。")]
    workspace = make_workspace(qtbot, fake_api, runner, personal_data, can_view_number=False)
    form = workspace.search.form
    form.set_values({"name": "しけん", "birth_date": "S55.2.17"})
    with qtbot.waitSignal(runner.operation_delivered):
        form.submit()
    assert form.error.text() == "検索回数の上限に達しました。"
    assert form.name.text() == "しけん" and form.birth.text_edit.text() == "S55.2.17"
    # A refused search found nobody: it did not search, and must not say so.
    assert workspace.search.results.count.text() == ""


class Holder:
    def __init__(self) -> None:
        self.cleared = 0

    def clear_personal_data(self) -> None:
        self.cleared += 1


def test_clearing_the_conditions_starts_over_for_the_next_customer(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    """条件をクリア: the results and the open record go too, and F8 no longer acts on the last
    person."""
    api = _resident_api(fake_api)
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=True)
    clipboard, other = Holder(), Holder()  # the shell's clipboard guard, and a view's holder
    personal_data.register(clipboard, ClearPhase.CLIPBOARD)
    personal_data.register(other, ClearPhase.OTHER)
    page = workspace.search
    workspace.show_search()
    type_in(qtbot, page.form.name, "しけん")
    type_in(qtbot, page.form.address, "池田")
    with qtbot.waitSignal(runner.operation_delivered):
        qtbot.keyClick(page.form.address, Qt.Key.Key_Return)
    page.results.table.selectRow(1)
    with qtbot.waitSignal(page.record_shown):
        qtbot.keyClick(page.results.table, Qt.Key.Key_Return)
    assert workspace.move_for_action.isEnabled() and page.record.heading.text()
    qtbot.mouseClick(page.form.clear_button, Qt.MouseButton.LeftButton)
    assert page.form.name.text() == "" and page.results.model.rowCount() == 0
    assert page.record_flow.file is None and page.record.heading.text() == ""
    assert page.search_flow.results == [] and not page.results.more_button.isVisible()
    assert not workspace.move_for_action.isEnabled()
    assert QApplication.focusWidget() is page.form.name
    assert (clipboard.cleared, other.cleared) == (1, 0)  # the clipboard only, of the session's holders


def test_a_household_of_four_shows_whole_beside_the_record(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    """On a 1280×800 screen (the workspace about 1280×700) no member is scrolled out of sight."""
    members = [summary_json(f"000000000{i}", given=given, relationship=relationship)
               for i, (given, relationship) in enumerate((("一郎", "世帯主"), ("花子", "妻"),
                                                          ("三郎", "子"), ("四子", "子")), start=1)]
    fake_api.search_pages = [{"items": members}]
    fake_api.records["0000000001"] = record_json("0000000001")
    fake_api.households[HOUSEHOLD] = {"household_number": HOUSEHOLD, "created_on": "2020-04-01",
                                      "address": None, "head_id": "0000000001", "members": members}
    workspace = make_workspace(qtbot, fake_api, runner, personal_data, can_view_number=False)
    workspace.resize(1280, 700)
    with qtbot.waitSignal(workspace.search.record_shown):
        workspace.search.open_record("0000000001")
    view = workspace.search.record.members_view
    assert view.model().rowCount() == 4
    qtbot.waitUntil(lambda: workspace.height() == 700)
    qtbot.wait(100)  # the layout after the resize and the rows
    last = view.rowViewportPosition(3) + view.rowHeight(3)
    assert 0 <= view.rowViewportPosition(0) and last <= view.viewport().height()
