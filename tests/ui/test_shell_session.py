"""A session's life in the real main window: workspaces, shield, lock, unlock, logout."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.session import FakeClock, ScreenPolicy, SessionState
from app.session.states import LogoutReason
from app.session.unlock import AccountLocked, RegistryUnavailable
from tests.ui.conftest import (
    PASSWORD,
    FakeReauthenticator,
    LogoutRecorder,
    activate,
    staff_session,
)
from tests.ui.residents import (
    NAME,
    assert_no_resident_text,
    fill_with_resident,
)
from ui.shell import TerminalShell

pytestmark = [pytest.mark.ui, pytest.mark.terminal]


def start(shell: TerminalShell, reauth: FakeReauthenticator, logouts: LogoutRecorder | None = None,
          role: str = "clerk_number") -> None:
    shell.start_session(staff_session(role), reauth, on_logout=logouts)


@pytest.mark.parametrize(
    ("role", "tabs"),
    [
        ("clerk", ["窓口 (F2)"]),
        ("card_desk", ["カード交付 (F3)"]),
        ("supervisor", ["承認 (F4)", "監査 (Shift+F4)"]),
        ("helpdesk", ["診断 (F5)"]),
        ("auditor", ["監査 (Shift+F4)"]),
    ],
)
def test_workspace_set_per_role(shell: TerminalShell, reauth: FakeReauthenticator,
                                role: str, tabs: list[str]) -> None:
    shell.start_session(staff_session(role), reauth)
    window = shell.window
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == tabs
    assert window.current_page() == "work"
    labels = window.function_keys.labels()
    assert labels[-3:] == ["F9  ログアウト", "F11  ロック", "F12  画面保護"]
    if tabs:
        title, key = tabs[0].removesuffix(")").split(" (")
        assert labels[0] == f"{key}  {title}"
    assert len(labels) == len(tabs) + 3


def test_function_keys_switch_workspaces(qtbot: QtBot, shell: TerminalShell,
                                         reauth: FakeReauthenticator) -> None:
    session = staff_session("clerk")
    session = type(session)(session.staff, session.roles,
                            session.permissions | {"card.record", "bulk.approve", "diagnostics.read"},
                            session.policy)
    shell.start_session(session, reauth)
    window = shell.window
    assert window.workspace_keys() == ["counter", "card_desk", "approvals", "diagnostics"]
    activate(qtbot, window)
    for key, name in ((Qt.Key.Key_F4, "approvals"), (Qt.Key.Key_F5, "diagnostics"),
                      (Qt.Key.Key_F2, "counter")):
        with qtbot.waitSignal(window.workspace_changed) as changed:
            QTest.keyClick(window.windowHandle(), key)
        assert changed.args == [name]


def test_shield_on_idle_with_the_real_timer(qtbot: QtBot, qapp: QApplication, shell: TerminalShell,
                                            reauth: FakeReauthenticator) -> None:
    from app.session import monotonic

    shell._clock = monotonic  # this one test runs on real time: the timer itself is under test
    policy = ScreenPolicy(shield_after_s=0.3, lock_after_s=0.6, logout_after_s=600)
    controller = shell.start_session(staff_session("clerk", policy), reauth)
    with qtbot.waitSignal(controller.session_shielded, timeout=5000) as shielded:
        pass
    assert shielded.args == ["idle"]
    assert shell.shield.is_covered()
    with qtbot.waitSignal(controller.session_locked, timeout=5000):
        pass
    assert shell.window.current_page() == "lock" and not shell.shield.is_covered()


def test_shield_on_idle_deadline(shell: TerminalShell, clock: FakeClock,
                                 reauth: FakeReauthenticator) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    clock.advance(59)
    controller.inactivity.inactivity_detected.emit()  # the timer fired early: nothing yet
    assert controller.state is SessionState.ACTIVE
    assert 0 < controller.inactivity.inactivity_timeout() <= 1001
    clock.advance(1)
    controller.inactivity.inactivity_detected.emit()
    assert controller.state is SessionState.SHIELDED
    assert shell.shield.is_covered()


def test_shield_on_focus_loss(qtbot: QtBot, qapp: QApplication, shell: TerminalShell,
                              reauth: FakeReauthenticator) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    with qtbot.waitSignal(controller.session_shielded) as shielded:
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert shielded.args == ["focus_lost"]
    assert shell.shield.is_covered()


def test_shield_on_minimise(qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    with qtbot.waitSignal(controller.session_shielded) as shielded:
        shell.window.showMinimized()
    assert shielded.args == ["minimised"]


def test_hotkey_shields_every_window_and_blocks_input(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    window = shell.window
    page = window.workspace("counter")
    assert page is not None
    field = QLineEdit(page)
    layout = page.layout()
    assert layout is not None
    layout.addWidget(field)
    second = QDialog(window)  # e.g. a record opened beside the main window
    second.show()
    qtbot.waitExposed(second)
    activate(qtbot, window)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)

    with qtbot.waitSignal(shell.shield.shield_shown):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_F12)
    assert controller.machine.shield_reason is not None
    assert controller.machine.shield_reason.value == "hotkey"
    overlays = shell.shield.overlays()
    assert {o.parentWidget() for o in overlays} == {window, second}
    for overlay in overlays:
        parent = overlay.parentWidget()
        assert parent is not None
        assert overlay.isVisible() and overlay.geometry() == parent.rect()
        assert parent.childAt(parent.rect().center()) in {overlay, *overlay.findChildren(QWidget)}
    # The shield key again (press and release), the mouse moving: still shielded.
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F12)
    QTest.mouseMove(window.windowHandle(), QPoint(10, 10))
    QCoreApplication.processEvents()
    assert controller.state is SessionState.SHIELDED
    # Any key press returns to work, and is not typed into the field behind the shield.
    with qtbot.waitSignal(controller.session_resumed):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_X)
    assert not shell.shield.is_covered() and shell.shield.overlays() == []
    assert field.text() == ""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    second.close()


def test_the_shield_key_works_over_a_modal_dialog(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    page = shell.window.workspace("counter")
    assert page is not None and shell.personal_data is not None
    held = fill_with_resident(page, shell.personal_data, shell.window)
    activate(qtbot, held.dialog)
    with qtbot.waitSignal(controller.session_shielded):
        QTest.keyClick(held.dialog.windowHandle(), Qt.Key.Key_F12)
    assert {o.parentWidget() for o in shell.shield.overlays()} >= {shell.window, held.dialog}
    assert not held.number.is_revealed()  # the next shield hides a revealed number again


def test_a_click_on_the_shield_returns_to_work(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    controller.shield_now()
    overlay = shell.shield.overlays()[0]
    with qtbot.waitSignal(controller.session_resumed):
        QTest.mouseClick(overlay, Qt.MouseButton.LeftButton)


def test_lock_drops_every_piece_of_resident_data(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk_number"), reauth)
    window = shell.window
    page = window.workspace("counter")
    assert page is not None and shell.personal_data is not None
    held = fill_with_resident(page, shell.personal_data, window)
    activate(qtbot, held.dialog)  # the modal dialog with her name has the focus

    with qtbot.waitSignal(controller.session_locked) as locked:
        QTest.keyClick(held.dialog.windowHandle(), Qt.Key.Key_F11)
    assert locked.args == ["manual"]
    assert held.model.rowCount() == 0
    assert held.view.model().rowCount() == 0
    assert held.name_edit.text() == "" and not held.name_edit.isUndoAvailable()
    assert held.address_label.text() == "" and held.address_label.toolTip() == ""
    assert held.notes.toPlainText() == "" and not held.notes.document().isUndoAvailable()
    assert not held.number.is_revealed() and held.number.text() == "****-****-****"
    assert not held.dialog.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    assert_no_resident_text()
    # The unlock page is up, the shield is down, nothing of the work can be reached.
    assert window.current_page() == "lock"
    assert not shell.shield.is_covered()
    assert not window.work_page.isEnabled()
    assert not window.lock_action.isEnabled()


def test_lock_on_idle_from_the_shield(shell: TerminalShell, clock: FakeClock,
                                      reauth: FakeReauthenticator) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    page = shell.window.workspace("counter")
    assert page is not None and shell.personal_data is not None
    held = fill_with_resident(page, shell.personal_data, shell.window)
    clock.advance(300)
    controller.inactivity.inactivity_detected.emit()
    assert controller.state is SessionState.LOCKED
    assert held.model.rowCount() == 0
    assert_no_resident_text()


def test_a_search_answering_after_the_lock_is_dropped(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    page = shell.window.workspace("counter")
    assert page is not None and shell.personal_data is not None
    held = fill_with_resident(page, shell.personal_data, shell.window)
    release = threading.Event()

    def slow_search() -> list[dict[str, str]]:
        release.wait(10)
        return [{"name": NAME}]

    shell.runner.operation(slow_search).success(held.model.set_rows).run_in_background()
    controller.lock_now()
    with qtbot.waitSignal(shell.runner.operation_discarded):
        release.set()
    assert held.model.rowCount() == 0


def test_unlock_by_the_same_person_only(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    controller.lock_now()
    lock = shell.window.lock_screen
    assert "試験 clerk" in lock._who.text()
    lock.password.setText("someone else's password")
    with qtbot.waitSignal(controller.unlock_failed) as failed:
        QTest.keyClick(lock.password, Qt.Key.Key_Return)
    assert failed.args == [1]
    assert lock.password.text() == ""
    assert "パスワードが違います" in lock.error.text()
    assert controller.state is SessionState.LOCKED
    lock.password.setText(PASSWORD)
    with qtbot.waitSignal(controller.session_unlocked):
        lock.unlock_button.click()
    assert reauth.calls == ["someone else's password", PASSWORD]
    assert controller.state is SessionState.ACTIVE
    assert shell.window.current_page() == "work" and shell.window.work_page.isEnabled()


def test_someone_else_at_the_lock_screen_ends_the_session(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator, logouts: LogoutRecorder
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth, on_logout=logouts)
    controller.lock_now()
    with qtbot.waitSignal(shell.session_ended) as ended:
        shell.window.lock_screen.switch_button.click()
    assert ended.args == ["other_user"]
    qtbot.waitUntil(lambda: logouts.reasons == [LogoutReason.OTHER_USER])
    assert shell.window.current_page() == "sign_in"
    assert shell.window.workspace_keys() == [] and shell.window.tabs.count() == 0
    assert shell.controller is None


def test_a_locked_account_at_unlock_logs_out(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator, logouts: LogoutRecorder
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth, on_logout=logouts)
    controller.lock_now()
    reauth.error = AccountLocked()
    with qtbot.waitSignal(shell.session_ended) as ended:
        shell.window.lock_screen.password.setText("x")
        shell.window.lock_screen.unlock_button.click()
    assert ended.args == ["server"]
    assert "ロックされました" in shell.window.sign_in_page.message.text()


def test_unreachable_registry_at_unlock_keeps_the_lock(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator
) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth)
    controller.lock_now()
    reauth.error = RegistryUnavailable()
    with qtbot.waitSignal(shell.runner.operation_delivered):
        shell.window.lock_screen.password.setText(PASSWORD)
        shell.window.lock_screen.unlock_button.click()
    assert controller.state is SessionState.LOCKED
    assert "接続できません" in shell.window.lock_screen.error.text()
    assert shell.window.lock_screen.unlock_button.isEnabled()


def test_logout_key_ends_the_session_at_the_server(
    qtbot: QtBot, shell: TerminalShell, reauth: FakeReauthenticator, logouts: LogoutRecorder
) -> None:
    shell.start_session(staff_session("clerk"), reauth, on_logout=logouts)
    page = shell.window.workspace("counter")
    assert page is not None and shell.personal_data is not None
    held = fill_with_resident(page, shell.personal_data, shell.window)
    held.dialog.reject()  # F9 belongs to the main window, not to a dialog over it
    activate(qtbot, shell.window)
    with qtbot.waitSignal(shell.session_ended):
        QTest.keyClick(shell.window.windowHandle(), Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: logouts.reasons == [LogoutReason.USER])
    assert_no_resident_text()


def test_idle_logout(qtbot: QtBot, shell: TerminalShell, clock: FakeClock,
                     reauth: FakeReauthenticator, logouts: LogoutRecorder) -> None:
    controller = shell.start_session(staff_session("clerk"), reauth, on_logout=logouts)
    clock.advance(1800)
    with qtbot.waitSignal(shell.session_ended) as ended:
        controller.inactivity.inactivity_detected.emit()
    assert ended.args == ["idle"]
    assert "操作がなかった" in shell.window.sign_in_page.message.text()


@pytest.mark.parametrize(("role", "reads_cards"),
                         [("clerk", True), ("card_desk", True), ("supervisor", False), ("helpdesk", False)])
def test_one_card_reader_per_session_closed_at_logout(
    shell: TerminalShell, reauth: FakeReauthenticator, role: str, reads_cards: bool
) -> None:
    """Work that reads cards shares one reader (one card-I/O thread); nobody polls it after."""
    shell.start_session(staff_session(role), reauth)
    bridge = shell.cards
    assert (bridge is not None) is reads_cards
    shell.end_session()
    assert shell.cards is None
    if bridge is not None:
        with pytest.raises(RuntimeError):
            bridge.start()  # closed: no service runs between sessions
