"""The terminal assembled: main window, session state machine, shield, lock, holders.

The login screen and the registry client come later; they call `start_session` with the login
response's StaffSession and a Reauthenticator (the unlock call), and pass `on_logout` to end
the session at the server. Everything else about a session's life is handled here:

  shield  (idle, focus lost, minimised, F12)  → every window covered; input returns to work
  lock    (idle, F11)                          → holders cleared in KeePassXC's order, then
                                                 the unlock page; the shield comes down last
  unlock  (same person's password, off the UI thread) → the work page again, empty
  logout  (F9, idle, someone else, the server) → data dropped, workspaces deleted, sign-in page
                                                 (in the display language by the rule of
                                                 ui/login/language.py: the settings file re-read)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout

from app.session.clock import Clock, monotonic
from app.session.machine import SessionStateMachine
from app.session.personal_data import ClearPhase, PersonalDataHolder, PersonalDataRegistry
from app.session.staff import StaffSession
from app.session.states import LogoutReason
from app.session.unlock import (
    AccountLocked,
    InvalidPassword,
    Reauthenticator,
    RegistryUnavailable,
    UnlockError,
)
from app.settings import SettingsStore

if TYPE_CHECKING:
    from app.registry_client import RegistryClient
    from ui.card.bridge import CardBridge
    from ui.security.session_controller import SessionController
from ui.banner import RegistryStatus
from ui.diagnostics.sources import DiagnosticsSources
from ui.i18n import translate
from ui.login.language import DisplayLanguage
from ui.main_window import MainWindow
from ui.operations import OperationRunner
from ui.security.capture import CaptureExclusion
from ui.security.holders import (
    ClipboardGuard,
    ModalDialogCloser,
    PixmapCacheClearer,
    WidgetTreeClearer,
)
from ui.security.hotkeys import SecurityHotkeys
from ui.security.shield import ShieldManager
from ui.security.system_lock import SystemLockMonitor, system_lock_monitor

log = logging.getLogger(__name__)
LogoutHook = Callable[[LogoutReason], None]


class TerminalShell(QObject):
    session_started = Signal()
    session_ended = Signal(str)  # LogoutReason value

    def __init__(
        self,
        app: QApplication,
        settings: SettingsStore,
        log_dir: Path,
        *,
        clock: Clock = monotonic,
        diagnostics: DiagnosticsSources | None = None,
        system_lock: SystemLockMonitor | None = None,
        defer_system_lock: bool = False,
        language: DisplayLanguage | None = None,
    ) -> None:
        """`language`: the translators installed and the rule for changing them (default:
        the Japanese source, then what the settings file says at each login page)."""
        super().__init__()
        self._app = app
        self._clock = clock
        self.settings = settings
        self.diagnostics = diagnostics or DiagnosticsSources(settings=settings, log_dir=log_dir)
        self.window = MainWindow()
        self.runner = OperationRunner(parent=self)
        self.shield = ShieldManager(app, self)
        self.capture = CaptureExclusion(app, self)
        self.clipboard_guard = ClipboardGuard(self)
        self.hotkeys = SecurityHotkeys(app, self)
        self.hotkeys.shield_requested.connect(self._shield_now)
        self.hotkeys.lock_requested.connect(self._lock_now)
        self.controller: SessionController | None = None
        self.session: StaffSession | None = None
        self.personal_data: PersonalDataRegistry | None = None
        self._holders: list[PersonalDataHolder] = []
        self._reauthenticator: Reauthenticator | None = None
        self._on_logout: LogoutHook | None = None

        self.window.shield_action.triggered.connect(self._shield_now)
        self.window.lock_action.triggered.connect(self._lock_now)
        self.window.logout_action.triggered.connect(self._logout_by_user)
        self.window.window_minimised.connect(self._minimised)
        self.window.window_closing.connect(self._logout_by_user)
        self.window.unlock_requested.connect(self._unlock)
        self.window.switch_user_requested.connect(self._switch_user)
        self.window.sign_in_page.diagnostics_requested.connect(self.open_diagnostics_dialog)
        self.window.sign_in_page.login_requested.connect(self._login)
        self.language = language or DisplayLanguage.for_settings_file(app, settings.path, parent=self)
        self.window.sign_in_page.set_language(self.language.language)
        self.window.sign_in_page.language_chosen.connect(self.language.choose)
        self.language.language_changed.connect(self.window.sign_in_page.set_language)
        self._registry: RegistryClient | None = None
        self._cards: CardBridge | None = None  # the session's card reader (_card_bridge)
        self._registry_factory: Callable[[], RegistryClient] | None = None
        self.shield.dismiss_requested.connect(self._dismiss_shield)
        # The banner above the pages follows every registry call; it reconnects by itself.
        self.registry_status = RegistryStatus(self)
        self.window.registry_banner.follow(self.registry_status)
        # The OS session locking or the machine suspending locks the terminal too. With
        # `defer_system_lock` (the terminal's start) the monitor, which loads QtDBus and
        # talks to logind, starts in `preload`, after the first paint: before a login there
        # is nothing to lock.
        self.system_lock: SystemLockMonitor = system_lock or SystemLockMonitor(self)
        self.system_lock_detectable = False
        self._system_lock_pending = system_lock is None  # the platform's monitor, made on start
        self._system_lock_started = False
        self._shut_down = False
        if system_lock is not None or not defer_system_lock:
            self.start_system_lock_monitor()

    def start_system_lock_monitor(self) -> bool:
        """Start listening for the OS locking or suspending (once); True if detectable."""
        if not self._system_lock_started:
            self._system_lock_started = True
            if self._system_lock_pending:
                self._system_lock_pending = False
                self.system_lock = system_lock_monitor(self.window, self)
            self.system_lock.system_locking.connect(self._lock_for_system)
            self.system_lock_detectable = self.system_lock.start()
        return self.system_lock_detectable

    @Slot()
    def preload(self) -> None:
        """What the login page did not need, loaded once it is up: the system-lock monitor,
        the registry client and the session machinery (each also loads on first need)."""
        if self._shut_down:
            return
        self.start_system_lock_monitor()
        from ui import workspaces  # noqa: F401  # ready for the login
        from ui.security import session_controller  # noqa: F401

        self.preload_registry()

    def attach_registry(self, client: RegistryClient) -> None:
        """Log in through `client` from the login page."""
        self._registry = client
        self.registry_status.attach(client)

    def set_registry_factory(self, factory: Callable[[], RegistryClient]) -> None:
        """Build the client on first need (or on `preload_registry`): httpx and TLS take a
        tenth of a second that the first paint of the window need not wait for."""
        self._registry_factory = factory

    @Slot()
    def preload_registry(self) -> None:
        if self._registry is None and self._registry_factory is not None:
            self.attach_registry(self._registry_factory())

    @property
    def registry(self) -> RegistryClient | None:
        return self._registry

    @property
    def cards(self) -> CardBridge | None:
        """The session's card reader, if its work reads cards."""
        return self._cards

    @Slot(str, str)
    def _login(self, staff_id: str, password: str) -> None:
        from app.registry_client import RegistryError  # loaded with the client, not at start-up

        self.preload_registry()
        client = self._registry
        page = self.window.sign_in_page
        if client is None:
            page.show_error("registry_unreachable")
            return
        self.runner.operation(lambda: client.login(staff_id, password), parent=self.window) \
            .success(lambda session: self._logged_in(client, session)) \
            .on(RegistryError, lambda error: page.show_error(error.code)) \
            .failure(lambda error: page.show_error(type(error).__name__)) \
            .run_in_background()

    def _logged_in(self, client: RegistryClient, session: StaffSession) -> None:
        def end_at_server(reason: LogoutReason) -> None:
            if reason is not LogoutReason.SERVER:
                client.logout()

        self.start_session(session, client, on_logout=end_at_server)

    @property
    def machine(self) -> SessionStateMachine | None:
        return None if self.controller is None else self.controller.machine

    # -- a session's life -----------------------------------------------------------------------

    def start_session(
        self,
        session: StaffSession,
        reauthenticator: Reauthenticator,
        *,
        on_logout: LogoutHook | None = None,
    ) -> SessionController:
        # The controller, its idle timer and the workspaces load after the first paint
        # (`preload`), or here.
        from ui.security.session_controller import SessionController
        from ui.workspaces import WorkspaceContext

        self.start_system_lock_monitor()  # a login before `preload` ran
        if self.controller is not None:
            self.end_session(LogoutReason.OTHER_USER)
        registry = PersonalDataRegistry()
        self._holders = [ModalDialogCloser(), WidgetTreeClearer(self.window.work_page),
                         PixmapCacheClearer()]
        registry.register(self.runner, ClearPhase.IN_FLIGHT)
        registry.register(self._holders[0], ClearPhase.DIALOGS)
        registry.register(self.clipboard_guard, ClearPhase.CLIPBOARD)
        registry.register(self._holders[1], ClearPhase.VIEWS)
        registry.register(self._holders[2], ClearPhase.OTHER)
        machine = SessionStateMachine(session.policy, clock=self._clock, personal_data=registry)
        controller = SessionController(machine, self._app, self)
        controller.session_shielded.connect(self._on_shielded)
        controller.session_resumed.connect(self._on_resumed)
        controller.session_locked.connect(self._on_locked)
        controller.session_unlocked.connect(self._on_unlocked)
        controller.session_logged_out.connect(self._on_logged_out)
        self.controller, self.session, self.personal_data = controller, session, registry
        self._reauthenticator, self._on_logout = reauthenticator, on_logout
        self.window.open_session(WorkspaceContext(session, registry, self.runner, self.diagnostics,
                                                  registry=self.registry, settings=self.settings,
                                                  cards=self._card_bridge(session, registry)))
        self.hotkeys.install()
        log.info("session started: workspaces=%d", len(self.window.workspace_keys()))
        self.session_started.emit()
        return controller

    def end_session(self, reason: LogoutReason = LogoutReason.USER) -> None:
        if self.controller is not None:
            self.controller.logout(reason)

    def shutdown(self) -> None:
        self._shut_down = True
        self.end_session(LogoutReason.USER)
        self.system_lock.stop()
        self.registry_status.shutdown()
        self.runner.shutdown()

    # -- slots from the controller ----------------------------------------------------------------

    @Slot(str)
    def _on_shielded(self, reason: str) -> None:
        self.shield.cover()

    @Slot()
    def _on_resumed(self) -> None:
        self.shield.uncover()

    @Slot(str)
    def _on_locked(self, reason: str) -> None:
        # The holders have run; show the unlock page first, then take the shield down.
        self.window.show_lock_page()
        self.shield.uncover()
        self.window.lock_screen.focus_password()

    @Slot()
    def _on_unlocked(self) -> None:
        self.window.lock_screen.reset()
        self.window.show_work_page()

    @Slot(str)
    def _card_bridge(self, session: StaffSession, personal_data: PersonalDataRegistry) -> CardBridge | None:
        """One card reader for the session's pages that read cards (identity check, card desk,
        the move form's card fill); its service starts when a page first uses it."""
        from app.session.permissions import CARD_RECORD, IDENTITY_RECORD, MOVE_DRAFT

        if not any(session.can(p) for p in (IDENTITY_RECORD, CARD_RECORD, MOVE_DRAFT)):
            return None
        from ui.card.bridge import CardBridge

        self._cards = CardBridge(personal_data=personal_data, parent=self)
        return self._cards

    def _on_logged_out(self, reason: str) -> None:
        if self._cards is not None:
            self._cards.close()  # the reader is polled by nobody between sessions
            self._cards.deleteLater()
            self._cards = None
        controller, hook = self.controller, self._on_logout
        self.controller = self.session = self.personal_data = None
        self._reauthenticator = self._on_logout = None
        self._holders = []
        self.hotkeys.uninstall()
        if controller is not None:
            controller.stop()
            controller.deleteLater()
        self.window.close_session()
        self.shield.uncover()
        self.window.sign_in_page.show_message(partial(_logout_message, LogoutReason(reason)))
        if not self._shut_down:
            self.language.refresh_for_sign_in()  # the file may say otherwise by now
        if hook is not None:
            # The server call runs in the background; its result does not matter any more.
            self.runner.operation(lambda: hook(LogoutReason(reason))).run_in_background()
        log.info("session ended: reason=%s", reason)
        self.session_ended.emit(reason)

    # -- slots from the window ---------------------------------------------------------------------

    @Slot()
    def _shield_now(self) -> None:
        if self.controller is not None:
            self.controller.shield_now()

    @Slot()
    def _dismiss_shield(self) -> None:
        if self.controller is not None:
            self.controller.dismiss_shield()

    @Slot()
    def _lock_now(self) -> None:
        if self.controller is not None:
            self.controller.lock_now()

    @Slot(str)
    def _lock_for_system(self, why: str) -> None:
        if self.controller is not None:
            log.info("locked for the system: why=%s", why)
            self.controller.lock_for_system()

    @Slot()
    def _minimised(self) -> None:
        if self.controller is not None:
            self.controller.window_minimised()

    @Slot()
    def _logout_by_user(self) -> None:
        self.end_session(LogoutReason.USER)

    @Slot()
    def _switch_user(self) -> None:
        self.end_session(LogoutReason.OTHER_USER)

    @Slot(str)
    def _unlock(self, password: str) -> None:
        reauthenticator = self._reauthenticator
        if reauthenticator is None:
            return
        self.runner.operation(lambda: reauthenticator.unlock(password), parent=self.window) \
            .success(lambda _: self._unlock_accepted()) \
            .on(InvalidPassword, self._unlock_refused) \
            .on(UnlockError, self._unlock_error) \
            .failure(self._unlock_error) \
            .run_in_background()

    def _unlock_accepted(self) -> None:
        if self.controller is not None and not self.controller.unlock_succeeded():
            log.info("unlock came after the session ended")

    def _unlock_refused(self, error: InvalidPassword) -> None:
        if self.controller is None:
            return
        self.controller.unlock_failed_once()
        attempts = self.controller.machine.failed_unlocks
        self.window.lock_screen.show_error(
            translate("LockScreen", "パスワードが違います（%n 回目）。", None, attempts)
        )

    def _unlock_error(self, error: Exception) -> None:
        if isinstance(error, UnlockError) and error.ends_session:
            self.end_session(LogoutReason.SERVER)
            self.window.sign_in_page.show_message(partial(_ended_at_unlock, isinstance(error, AccountLocked)))
            return
        if isinstance(error, RegistryUnavailable):
            message = translate("LockScreen", "住基システムに接続できません。しばらくしてからもう一度お試しください。")
        else:
            message = translate("LockScreen", "ロックを解除できませんでした。")
        self.window.lock_screen.show_error(message)

    @Slot()
    def open_diagnostics_dialog(self) -> QDialog:
        """The diagnostic view before anyone logs in (a registry that cannot be reached is
        exactly when the helpdesk needs it); it shows no resident data."""
        from ui.diagnostics.view import DiagnosticsView  # loaded on first use

        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("Diagnostics", "端末の診断"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(DiagnosticsView(self.diagnostics, self.runner, dialog))
        dialog.resize(900, 650)
        dialog.show()
        return dialog


def _ended_at_unlock(account_locked: bool) -> str:
    if account_locked:
        return translate("LockScreen", "アカウントがロックされました。管理責任者に連絡してください。")
    return translate("LockScreen", "セッションが終了しました。もう一度ログインしてください。")


def _logout_message(reason: LogoutReason) -> str:
    if reason is LogoutReason.IDLE:
        return translate("SignIn", "操作がなかったため、ログアウトしました。もう一度ログインしてください。")
    if reason is LogoutReason.SERVER:
        return translate("SignIn", "セッションが終了しました。もう一度ログインしてください。")
    return translate("SignIn", "ログアウトしました。ログインしてください。")

