"""Widgets for resident data: masking and reveal, no copying, models and editors that clear,
what counts as input, capture exclusion, background operations."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from app.session import ClearPhase, InputKind, PersonalDataRegistry
from ui.operations import OperationRunner
from ui.security import capture
from ui.security.holders import WidgetTreeClearer
from ui.security.inactivity import InactivityTimer, classify
from ui.widgets.copy_guard import SensitiveLineEdit, guard_against_copy
from ui.widgets.masked_number import MaskedNumberField
from ui.widgets.personal_model import PersonalTableModel

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

NUMBER = "472915308264"


@pytest.fixture
def clipboard() -> Any:
    board = QGuiApplication.clipboard()
    board.setText("before")
    return board


def test_number_is_masked_and_reveal_needs_permission(qtbot: QtBot) -> None:
    field = MaskedNumberField(can_reveal=False)
    qtbot.addWidget(field)
    assert field.text() == "****-****-****"
    field.set_masked(NUMBER[-4:])
    assert field.text() == "****-****-8264"
    assert not field.toggle.isVisible() and not field.toggle.isEnabled()
    assert field.show_revealed(NUMBER) is False
    assert field.text() == "****-****-8264"


def test_reveal_on_explicit_action_hides_on_shield_and_lock(qtbot: QtBot) -> None:
    registry = PersonalDataRegistry()
    field = MaskedNumberField(registry, can_reveal=True)
    qtbot.addWidget(field)
    field.set_masked(None)  # the record did not say the last digits: still revealable
    assert field.toggle.isEnabled()
    with qtbot.waitSignal(field.reveal_requested):
        qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert field.text() == "****-****-****"  # nothing shown until the registry answered
    with qtbot.waitSignal(field.number_revealed):
        field.show_revealed(NUMBER)
    assert field.text() == "4729 1530 8264" and field.is_revealed()
    with qtbot.waitSignal(field.number_concealed):
        registry.conceal_all()  # what every shield does
    assert field.text() == "****-****-8264"
    field.show_revealed(NUMBER)
    registry.drop_all()  # what a lock does
    assert field.text() == "****-****-****" and not field.toggle.isEnabled()


def test_hide_button_masks_again(qtbot: QtBot) -> None:
    field = MaskedNumberField(can_reveal=True)
    qtbot.addWidget(field)
    field.show()
    field.show_revealed(NUMBER)
    qtbot.mouseClick(field.toggle, Qt.MouseButton.LeftButton)
    assert not field.is_revealed() and field.text() == "****-****-8264"


def test_revealed_number_cannot_be_copied(qtbot: QtBot, clipboard: Any) -> None:
    field = MaskedNumberField(can_reveal=True)
    qtbot.addWidget(field)
    field.show()
    field.show_revealed(NUMBER)
    assert field.display.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert field.display.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    qtbot.keyClick(field.display, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "before"


def test_sensitive_line_edit_refuses_copy_and_cut(qtbot: QtBot, clipboard: Any) -> None:
    edit = SensitiveLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setText(NUMBER)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "before"
    assert edit.text() == NUMBER  # the cut did not cut either
    assert edit.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert not edit.dragEnabled()
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClicks(edit, "9")  # typing still works
    assert edit.text() == NUMBER + "9"


def test_guarded_table_refuses_copy_where_an_unguarded_one_copies(qtbot: QtBot, clipboard: Any) -> None:
    def table() -> QTableView:
        model = QStandardItemModel()
        model.appendRow([QStandardItem("鶴見 茜")])
        view = QTableView()
        view.setModel(model)
        qtbot.addWidget(view)
        view.show()
        view.setCurrentIndex(model.index(0, 0))
        return view

    plain = table()
    qtbot.keyClick(plain, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "鶴見 茜"  # Qt's item views copy the current cell by default
    clipboard.setText("before")
    guarded = guard_against_copy(table())
    qtbot.keyClick(guarded, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == "before"


def test_personal_model_clears_on_drop(qtbot: QtBot) -> None:
    registry = PersonalDataRegistry()
    model = PersonalTableModel([("name", "氏名")], registry)
    model.set_rows([{"name": "鶴見 茜"}, {"name": "鶴見 蓮"}])
    assert model.rowCount() == 2 and model.data(model.index(0, 0)) == "鶴見 茜"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "氏名"
    with qtbot.waitSignal(model.modelReset):
        registry.drop_all()
    assert model.rowCount() == 0


def test_tree_clearer_empties_editors_and_their_undo(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    edit = QLineEdit(root)
    edit.setText("鶴見")
    edit.insert(" 茜")
    kept = QLineEdit(root)
    kept.setText("https://registry")
    kept.setProperty("madoguchi_keep_on_lock", True)
    model = QStandardItemModel(root)
    model.appendRow([QStandardItem("鶴見 茜")])
    view = QTableView(root)
    view.setModel(model)
    assert edit.isUndoAvailable()
    WidgetTreeClearer(root).clear_personal_data()
    assert edit.text() == "" and not edit.isUndoAvailable()
    assert kept.text() == "https://registry"
    assert model.rowCount() == 0


def test_only_input_counts_as_activity(qtbot: QtBot, qapp: QApplication) -> None:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    timer = InactivityTimer(qapp)
    seen: list[InputKind] = []
    timer.input_detected.connect(seen.append)
    timer.set_inactivity_timeout(60_000)
    timer.activate()
    try:
        # Sent by the program itself, and not input at all: nothing.
        QCoreApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                     Qt.KeyboardModifier.NoModifier, "a"))
        widget.repaint()
        QCoreApplication.processEvents()
        assert seen == []
        qtbot.keyClick(widget, Qt.Key.Key_A)
        assert InputKind.DELIBERATE in seen
        seen.clear()
        QTest.mouseMove(widget, QPoint(3, 3))
        assert seen and set(seen) == {InputKind.INCIDENTAL}
        seen.clear()
        # A Japanese IME commits text without any key press reaching the application.
        event = QInputMethodEvent("", [])
        event.setCommitString("つるみ")
        QCoreApplication.sendEvent(widget, event)
        assert seen == [InputKind.DELIBERATE]
        assert timer.is_active() and 0 < timer.remaining_ms() <= 60_000
    finally:
        timer.deactivate()
    assert not timer.is_active()


def test_classify_ignores_non_input() -> None:
    assert classify(QEvent(QEvent.Type.Paint)) is None
    assert classify(QEvent(QEvent.Type.Timer)) is None
    assert classify(QEvent(QEvent.Type.HoverMove)) is None  # widgets appearing under a still mouse
    assert classify(QInputMethodEvent("", [])) is None  # an IME query or reset, not typing
    assert classify(QEvent(QEvent.Type.MouseMove)) is None  # not spontaneous: not a person


class FakeUser32:
    def __init__(self, results: list[int]) -> None:
        self.results = results
        self.calls: list[tuple[int, int]] = []

    def SetWindowDisplayAffinity(self, hwnd: int, affinity: int) -> int:  # Win32's name
        self.calls.append((hwnd, affinity))
        return self.results.pop(0)


def test_capture_exclusion_only_on_windows(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    assert capture.exclude_from_capture(window, platform="linux") is False
    user32 = FakeUser32([1])
    assert capture.exclude_from_capture(window, platform="win32", user32=user32) is True
    assert user32.calls == [(int(window.winId()), capture.WDA_EXCLUDEFROMCAPTURE)]
    older = FakeUser32([0, 1])  # before Windows 10 2004: monitor-only
    assert capture.exclude_from_capture(window, platform="win32", user32=older) is True
    assert [a for _, a in older.calls] == [capture.WDA_EXCLUDEFROMCAPTURE, capture.WDA_MONITOR]


class SearchTooBroad(Exception):
    pass


def test_operation_runs_off_the_ui_thread_and_answers_on_it(qtbot: QtBot) -> None:
    runner = OperationRunner()
    ran_on: list[str] = []
    answered_on: list[str] = []

    def work() -> int:
        ran_on.append(threading.current_thread().name)
        return 42

    results: list[int] = []

    def done(value: int) -> None:
        answered_on.append(threading.current_thread().name)
        results.append(value)

    with qtbot.waitSignal(runner.operation_delivered):
        runner.operation(work).success(done).run_in_background()
    assert results == [42]
    assert ran_on[0].startswith("operation") and answered_on == ["MainThread"]
    runner.shutdown()


def test_typed_errors_reach_their_handler(qtbot: QtBot) -> None:
    runner = OperationRunner()
    typed: list[Exception] = []
    other: list[Exception] = []

    def fail() -> None:
        raise SearchTooBroad()

    with qtbot.waitSignal(runner.operation_delivered):
        runner.operation(fail).on(SearchTooBroad, typed.append).failure(other.append) \
            .run_in_background()
    with qtbot.waitSignal(runner.operation_delivered):
        runner.operation(lambda: 1 / 0).on(SearchTooBroad, typed.append).failure(other.append) \
            .run_in_background()
    assert [type(e) for e in typed] == [SearchTooBroad]
    assert [type(e) for e in other] == [ZeroDivisionError]
    with pytest.raises(RuntimeError):
        operation = runner.operation(lambda: None)
        operation.run_in_background()
        operation.run_in_background()
    runner.shutdown()


def test_results_for_a_deleted_parent_or_after_a_lock_are_dropped(qtbot: QtBot) -> None:
    runner = OperationRunner()
    registry = PersonalDataRegistry()
    registry.register(runner, ClearPhase.IN_FLIGHT)
    delivered: list[object] = []
    gate = threading.Event()
    runner.operation(lambda: gate.wait(10)).success(delivered.append).run_in_background()
    registry.drop_all()
    with qtbot.waitSignal(runner.operation_discarded):
        gate.set()
    parent = QWidget()
    runner.operation(lambda: 1, parent=parent).success(delivered.append).run_in_background()
    shiboken6.delete(parent)
    with qtbot.waitSignal(runner.operation_discarded):
        pass
    assert delivered == [] and runner.pending == 0
    runner.shutdown()
