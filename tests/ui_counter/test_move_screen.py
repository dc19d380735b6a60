"""Move entry over a fake registry, by keyboard: the form of each kind in paper-form order,
input help, errors beside their fields with nothing lost, review, confirmation, commit, a 409
with what changed and the redo, and a resubmission with the same key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.registry_client import RegistryUnreachable
from app.session.personal_data import PersonalDataRegistry
from app.workflows.move_entry import MoveStep
from tests.ui_counter.conftest import make_workspace, type_in
from tests.workflows.fakes import (
    HOUSEHOLD,
    FakeApi,
    record_json,
    refusal,
    review_json,
    summary_json,
)
from ui.counter.workspace import CounterWorkspace
from ui.moves.form import MoveFormView
from ui.operations import OperationRunner

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

HEAD = summary_json("0000000001")
WIFE = summary_json("0000000002", given="花子", relationship="妻", sex="2", birth="1982-03-03")


def _api(api: FakeApi) -> FakeApi:
    api.records["0000000001"] = record_json("0000000001")
    api.households[HOUSEHOLD] = {"household_number": HOUSEHOLD, "created_on": "2020-04-01",
                                 "address": None, "head_id": "0000000001", "members": [HEAD, WIFE]}
    return api


def _open_tenkyo(qtbot: QtBot, workspace: CounterWorkspace, runner: OperationRunner) -> MoveFormView:
    with qtbot.waitSignal(workspace.search.record_shown):
        workspace.search.open_record("0000000001")
    qtbot.keyClick(workspace.search.record, Qt.Key.Key_F8)
    form = workspace.moves.form
    assert form is not None and workspace.tabs.currentWidget() is workspace.moves
    qtbot.waitUntil(lambda: workspace.moves._towns is not None, timeout=10_000)
    return form


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_tenkyo_by_keyboard_from_the_record(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _api(fake_api)
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=False)
    keystrokes = 1  # F8 on the record, in _open_tenkyo
    form = _open_tenkyo(qtbot, workspace, runner)
    assert list(form.rows) == ["notified_on", "notifier_name", "notifier_relationship", "move_date",
                               "address", "household", "late_reason"]
    assert form.rows["notified_on"].editor.value()["text"] == "R7.2.13"  # type: ignore[attr-defined]
    assert form.members is not None and form.members.movers() == ["0000000001", "0000000002"]
    # The first field has the focus; Tab walks the paper form top to bottom.
    assert _focused() is form.rows["notified_on"].editor.text_edit  # type: ignore[attr-defined]
    def press(key: Qt.Key) -> None:
        nonlocal keystrokes
        keystrokes += 1
        qtbot.keyClick(_focused(), key)

    def type_keys(text: str) -> None:
        nonlocal keystrokes
        keystrokes += len(text)
        qtbot.keyClicks(_focused(), text)

    for _ in range(3):
        press(Qt.Key.Key_Tab)
    type_keys("R7.2.10")
    press(Qt.Key.Key_Tab)
    assert form.address is not None and _focused() is form.address.postal
    type_keys("5720001")
    assert form.address.town.text() == "成田東町"  # one town has this postal code
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert _focused() is form.address.detail
    type_keys("3-4")
    with qtbot.waitSignal(runner.operation_delivered):
        press(Qt.Key.Key_F10)
    review = workspace.moves.review
    assert workspace.moves.flow.step is MoveStep.REVIEW and _focused() is review.confirm
    body, _ = api.called("create_move")[0]
    # Sent in the register's width (app.domain.address), as typed on a half-width keyboard.
    assert body["address"] == {"town_code": "001000", "postal_code": "5720001", "address_detail": "３－４"}
    labels = [review.rows.row(i)["label"] for i in range(review.rows.rowCount())]
    assert "住所" in labels and "異動日" in labels
    qtbot.keyClick(review.confirm, Qt.Key.Key_F10)  # not confirmed yet: nothing sent
    assert api.called("commit_move") == [] and "チェック" in review.problem.text()
    press(Qt.Key.Key_Space)
    with qtbot.waitSignal(workspace.moves.move_committed):
        press(Qt.Key.Key_F10)
    assert "確定しました" in review.result_text.text()
    # The goal: a one-person 転居 in under 40 keystrokes after the search.
    assert keystrokes == 27


def test_refusals_appear_beside_their_fields_and_nothing_is_lost(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _api(fake_api)
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=False)
    form = _open_tenkyo(qtbot, workspace, runner)
    assert form.address is not None and form.household is not None
    form.rows["move_date"].editor.set_value("R7.2.40")  # type: ignore[attr-defined]
    workspace.moves.next_step()  # the comfort check: nothing is sent
    assert "存在しない" in form.rows["move_date"].error.text()
    assert form.address.rows["address.town_code"].error.text() == "町丁目を選択してください。"
    assert api.called("create_move") == []
    form.rows["move_date"].editor.set_value("R7.2.10")  # type: ignore[attr-defined]
    type_in(qtbot, form.address.postal, "5720001")
    form.address._postal_edited("5720001")
    form.address.detail.setText("3-4")
    api.errors["create_move"] = [
        refusal("same_address", message="転居先が現住所と同じです。", field="address"),
        refusal("relationship_inconsistent", message="続柄が矛盾しています。", field="remaining[0].relationship"),
        refusal("household_without_head", message="世帯主がいません。"),
    ]
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    assert form.rows["address"].error.text() == "転居先が現住所と同じです。"
    assert form.address.detail.text() == "3-4" and form.address.town.text() == "成田東町"
    assert form.members is not None
    qtbot.keyClick(form.members._rows[1].check, Qt.Key.Key_Space)  # the wife stays...
    assert form.members.movers() == ["0000000001"]
    form.members._rows[1].picker.set_value("世帯主")  # ...as the head of the household
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    assert form.members._rows[1].error.text() == "続柄が矛盾しています。"
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    assert form.banner.text() == "世帯主がいません。"
    assert workspace.moves.form is form  # never rebuilt on an error


def test_a_conflict_shows_what_changed_and_f10_redoes(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _api(fake_api)
    api.reviews = [review_json("a" * 32), review_json("b" * 32)]
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=False)
    form = _open_tenkyo(qtbot, workspace, runner)
    form.rows["move_date"].editor.set_value("R7.2.10")  # type: ignore[attr-defined]
    assert form.address is not None
    form.address.set_value({"postal_code": "5720001", "town_code": "001000", "address_detail": "3-4"})
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    # Meanwhile someone else moved him elsewhere.
    api.records["0000000001"] = record_json("0000000001", town=("002000", "成田東が丘", "5720002"),
                                            detail="9-9")
    api.errors["commit_move"] = [refusal("version_conflict", 409, "変更されました。")]
    review = workspace.moves.review
    review.confirm.setChecked(True)
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    qtbot.waitUntil(lambda: review.changes.rowCount() > 0)
    row = review.changes.row(0)
    assert (row["label"], row["now"]) == ("住所", "大阪府寝屋川市成田東が丘9-9")
    with qtbot.waitSignal(runner.operation_delivered):
        qtbot.keyClick(review.redo_button, Qt.Key.Key_F10)
    assert workspace.moves.flow.review is not None and workspace.moves.flow.review.id == "b" * 32
    keys = [key for _, key in api.called("create_move")]
    assert len(keys) == 2 and keys[0] != keys[1]
    assert not review.confirm.isChecked() and review.stack.currentIndex() == 0


def test_unreachable_registry_resubmits_with_the_same_key(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _api(fake_api)
    api.errors["create_move"] = [RegistryUnreachable()]
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=False)
    form = _open_tenkyo(qtbot, workspace, runner)
    form.rows["move_date"].editor.set_value("R7.2.10")  # type: ignore[attr-defined]
    assert form.address is not None
    form.address.set_value({"postal_code": "5720001", "town_code": "001000", "address_detail": "3-4"})
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    assert "F10 で再送" in workspace.moves.status.text()
    with qtbot.waitSignal(runner.operation_delivered):
        workspace.moves.next_step()
    keys = [key for _, key in api.called("create_move")]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert workspace.moves.flow.step is MoveStep.REVIEW


def test_tennyu_of_several_persons_with_input_help(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    workspace = make_workspace(qtbot, fake_api, runner, personal_data, can_view_number=False)
    qtbot.keyClick(workspace.search.form.name, Qt.Key.Key_F7)
    moves = workspace.moves
    moves.start("tennyu")
    form = moves.form
    assert form is not None and form.members is None and len(form.editors) == 1
    first = form.editors[0]
    keys = list(first.rows)
    assert keys[:8] == ["family_name", "given_name", "family_name_kana", "given_name_kana",
                        "birth_date", "sex", "relationship", "resident_type"]
    type_in(qtbot, first.rows["family_name_kana"].editor, "しけん")
    first.rows["family_name_kana"].editor.editingFinished.emit()  # type: ignore[attr-defined]  # leaving folds
    assert first.rows["family_name_kana"].editor.text() == "シケン"  # type: ignore[attr-defined]
    type_in(qtbot, first.rows["given_name_kana"].editor, "ｲﾁﾛｳ")
    first.rows["given_name_kana"].editor.editingFinished.emit()  # type: ignore[attr-defined]
    assert first.rows["given_name_kana"].editor.text() == "イチロウ"  # type: ignore[attr-defined]
    qtbot.keyClick(_focused(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(form.editors) == 2 and _focused() is form.editors[1].rows["family_name"].editor
    second = form.editors[1]
    second.rows["birth_date"].editor.set_value({"text": "20.5.5", "era": "H"})  # type: ignore[attr-defined]
    second.rows["family_name_kana"].editor.setText("試験")  # type: ignore[attr-defined]
    picker = second.rows["relationship"].editor
    picker.set_value("子")  # type: ignore[attr-defined]
    moves.next_step()
    assert "ひらがなまたはカタカナ" in second.rows["family_name_kana"].error.text()
    assert first.rows["birth_date"].error.text() == "生年月日を入力してください。"
    assert fake_api.called("create_move") == []
    assert second.rows["relationship"].editor.value() == "子"  # type: ignore[attr-defined]


def test_changing_the_kind_keeps_what_was_typed(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    api = _api(fake_api)
    workspace = make_workspace(qtbot, api, runner, personal_data, can_view_number=False)
    form = _open_tenkyo(qtbot, workspace, runner)
    form.rows["move_date"].editor.set_value("R7.2.10")  # type: ignore[attr-defined]
    kind = workspace.moves.kind
    kind.setFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Down)  # 転居 → 転入 → 転出
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert kind.currentData() == "tenshutsu"
    rebuilt = workspace.moves.form
    assert rebuilt is not None and rebuilt is not form
    assert list(rebuilt.rows) == ["notified_on", "notifier_name", "notifier_relationship",
                                  "move_date", "moved_out_to", "late_reason"]
    assert rebuilt.rows["move_date"].editor.value()["text"] == "R7.2.10"  # type: ignore[attr-defined]
    assert rebuilt.members is not None and rebuilt.members.movers() == ["0000000001", "0000000002"]


def test_tab_keeps_the_field_being_typed_into_in_view(
    qtbot: QtBot, fake_api: FakeApi, runner: OperationRunner, personal_data: PersonalDataRegistry
) -> None:
    """A 転入 form is longer than the screen: every field Tab reaches is scrolled into view."""
    workspace = make_workspace(qtbot, fake_api, runner, personal_data, can_view_number=False)
    workspace.window().resize(1000, 420)
    qtbot.keyClick(workspace.search.form.name, Qt.Key.Key_F7)
    moves = workspace.moves
    moves.start("tennyu")
    form = moves.form
    assert form is not None
    viewport = moves.scroller.viewport()
    assert form.height() > viewport.height(), "the form must be longer than the view for this test"
    form.editors[0].rows["family_name"].editor.setFocus()
    hidden: list[str] = []
    for _ in range(25):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        field = _focused()
        assert field is not None
        if not form.isAncestorOf(field):
            break
        top_left = field.mapTo(viewport, field.rect().topLeft())
        if not viewport.rect().contains(top_left):
            hidden.append(field.objectName() or type(field).__name__)
    assert moves.scroller.verticalScrollBar().value() > 0
    assert hidden == []
