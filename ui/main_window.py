"""The terminal's main window: the login page, the role workspaces as tabs, the lock page.

Which workspaces appear follows the person's permissions (app.session.permissions); each has
its F-key, shown in its tab and in the function-key bar. F12 shields and F11 locks at once (from
anywhere in the application, dialogs included: ui/security/hotkeys.py), F9 logs out. The window emits what it sees (minimised, closing)
and leaves every decision to the shell.

The display language may change while the window lives (between sessions, from the login
page): the window's own texts are set again in `retranslate()` on QEvent.LanguageChange, the
login page, the banner and the function-key bar do the same for theirs, and the lock page is
built anew (it holds nothing between sessions, and this way no list of its texts is kept here).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.banner import RegistryBanner
from ui.function_keys import FunctionKeyBar
from ui.i18n import translate
from ui.login.language import application_display_name
from ui.login.page import LoginPage
from ui.security.hotkeys import LOCK_KEY
from ui.security.lock_screen import LockScreen
from ui.security.shield import SHIELD_KEY

if TYPE_CHECKING:
    from ui.workspaces import WorkspaceContext, WorkspaceSpec


class MainWindow(QMainWindow):
    window_minimised = Signal()
    window_closing = Signal()
    workspace_changed = Signal(str)
    unlock_requested = Signal(str)  # from the lock page in place, the password once
    switch_user_requested = Signal()

    def __init__(
        self, specs: Sequence[WorkspaceSpec] | None = None, parent: QWidget | None = None
    ) -> None:
        """`specs`: the workspaces there may be (default: ui.workspaces.WORKSPACES, loaded
        with the first session rather than before the login page is shown)."""
        super().__init__(parent)
        self.setObjectName("main_window")
        self._given_specs = specs
        self._spec_map: dict[str, WorkspaceSpec] | None = None
        self._pages: dict[str, QWidget] = {}
        self._staff: tuple[str, str] | None = None  # the session's person: ID, name

        self.stack = QStackedWidget(self)
        self.sign_in_page = LoginPage(self.stack)
        self.work_page = QWidget(self.stack)
        self.work_page.setObjectName("work_page")
        self.tabs = QTabWidget(self.work_page)
        self.tabs.setObjectName("workspace_tabs")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.function_keys = FunctionKeyBar(self.work_page)
        work_layout = QVBoxLayout(self.work_page)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.tabs, 1)
        work_layout.addWidget(self.function_keys)
        for page in (self.sign_in_page, self.work_page):
            self.stack.addWidget(page)
        self.lock_screen = self._new_lock_screen()
        # The registry banner sits above every page (sign-in and lock included: a login or an
        # unlock waits on the registry too); it is hidden while the registry answers.
        self.registry_banner = RegistryBanner(self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.registry_banner)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.staff_label = QLabel(self)
        self.statusBar().addWidget(self.staff_label, 1)
        self.keys_hint = QLabel(self)
        self.statusBar().addPermanentWidget(self.keys_hint)

        # F12 and F11 are read application-wide by ui/security/hotkeys.py (a modal dialog
        # blocks a window's shortcuts); these actions carry no shortcut, only the label.
        self.shield_action = self._action(None)
        self.lock_action = self._action(None)
        self.logout_action = self._action(QKeySequence(Qt.Key.Key_F9))
        self._workspace_actions: dict[str, QAction] = {}
        self.set_session_actions_enabled(False)
        self.retranslate()
        self.resize(1280, 800)
        self.show_sign_in_page()

    def _action(self, key: QKeySequence | None, text: str = "") -> QAction:
        action = QAction(text, self)
        if key is not None:
            action.setShortcut(key)
        self.addAction(action)
        return action

    @property
    def _specs(self) -> dict[str, WorkspaceSpec]:
        if self._spec_map is None:
            specs = self._given_specs
            if specs is None:
                from ui.workspaces import WORKSPACES

                specs = WORKSPACES
            self._spec_map = {spec.key: spec for spec in specs}
        return self._spec_map

    # -- language ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        """The window's own texts in the language now installed (the function-key bar
        follows its actions' texts by itself)."""
        self.setWindowTitle(application_display_name())
        self.keys_hint.setText(translate("MainWindow", "F12: 画面保護　F11: ロック　F9: ログアウト"))
        self.shield_action.setText(translate("MainWindow", "画面保護"))
        self.lock_action.setText(translate("MainWindow", "ロック"))
        self.logout_action.setText(translate("MainWindow", "ログアウト"))
        for key, action in self._workspace_actions.items():
            spec = self._specs[key]
            action.setText(spec.display_title())
            self.tabs.setTabText(self.tabs.indexOf(self._pages[key]), _tab_title(spec))
        self._show_staff()

    def _new_lock_screen(self) -> LockScreen:
        screen = LockScreen(self.stack)
        screen.unlock_requested.connect(self.unlock_requested)
        screen.switch_user_requested.connect(self.switch_user_requested)
        self.stack.addWidget(screen)
        return screen

    def _rebuild_lock_screen(self) -> None:
        """A lock page in the language now installed; never the one shown (the language
        changes on the login page, so it is not: a password half typed would be lost)."""
        old = self.lock_screen
        if self.stack.currentWidget() is old:
            return
        self.lock_screen = self._new_lock_screen()
        self.stack.removeWidget(old)
        old.deleteLater()
        self._show_staff()

    def _show_staff(self) -> None:
        staff_id, name = self._staff or ("", "")
        if self._staff is None:
            self.staff_label.clear()
        else:
            self.staff_label.setText(
                translate("MainWindow", "職員: %1（%2）").replace("%1", name).replace("%2", staff_id)
            )
        self.lock_screen.set_staff(staff_id, name)

    # -- pages ------------------------------------------------------------------------------

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        for name, page in (("sign_in", self.sign_in_page), ("work", self.work_page),
                           ("lock", self.lock_screen)):
            if current is page:
                return name
        return "other"

    def show_sign_in_page(self) -> None:
        self.stack.setCurrentWidget(self.sign_in_page)
        self.sign_in_page.reset()

    def show_work_page(self) -> None:
        self.work_page.setEnabled(True)
        self.set_session_actions_enabled(True)
        self.stack.setCurrentWidget(self.work_page)
        page = self.tabs.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_lock_page(self) -> None:
        # Disabled as well as hidden: no shortcut of a workspace can fire behind the lock.
        self.work_page.setEnabled(False)
        self.set_session_actions_enabled(False)
        self.shield_action.setEnabled(True)
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.reset()
        self.lock_screen.focus_password()

    def set_session_actions_enabled(self, enabled: bool) -> None:
        for action in (self.shield_action, self.lock_action, self.logout_action,
                       *self._workspace_actions.values()):
            action.setEnabled(enabled)

    # -- workspaces ----------------------------------------------------------------------------

    def open_session(self, context: WorkspaceContext) -> list[str]:
        """Build the workspaces the person's permissions allow; returns their keys. They are
        built in the language in force now, and deleted at the session's end."""
        from app.session.permissions import workspaces_for

        self.close_session()
        allowed = [k for k in workspaces_for(context.session.permissions) if k in self._specs]
        for key in allowed:
            spec = self._specs[key]
            page = spec.build(context)
            page.setObjectName(f"workspace_{key}")
            self._pages[key] = page
            self.tabs.addTab(page, _tab_title(spec))
            action = self._action(QKeySequence(spec.function_key), spec.display_title())
            action.triggered.connect(lambda _=False, k=key: self.select_workspace(k))
            self._workspace_actions[key] = action
        self.function_keys.set_actions([
            *((self._specs[k].key_name(), a) for k, a in self._workspace_actions.items()),
            ("F9", self.logout_action), (LOCK_KEY.toString(), self.lock_action),
            (SHIELD_KEY.toString(), self.shield_action),
        ])
        staff = context.session.staff
        self._staff = (staff.id, staff.name)
        self._show_staff()
        self.setTabOrder(self.tabs.tabBar(), self.tabs)
        self.show_work_page()
        return allowed

    def close_session(self) -> None:
        """Remove every workspace page; their widgets and models are deleted."""
        for action in self._workspace_actions.values():
            self.removeAction(action)
            action.deleteLater()
        self._workspace_actions.clear()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None and shiboken6.isValid(page):
                page.deleteLater()
        self._pages.clear()
        self.function_keys.set_actions([])
        self._staff = None
        self._show_staff()
        self.set_session_actions_enabled(False)
        self.show_sign_in_page()

    def workspace_keys(self) -> list[str]:
        return list(self._pages)

    def workspace(self, key: str) -> QWidget | None:
        return self._pages.get(key)

    def select_workspace(self, key: str) -> None:
        page = self._pages.get(key)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        for key, candidate in self._pages.items():
            if candidate is page:
                self.workspace_changed.emit(key)

    # -- window events -------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange and self.isMinimized():
            self.window_minimised.emit()
        elif event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._rebuild_lock_screen()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.window_closing.emit()
        super().closeEvent(event)


def _tab_title(spec: WorkspaceSpec) -> str:
    return f"{spec.display_title()} ({spec.key_name()})"
