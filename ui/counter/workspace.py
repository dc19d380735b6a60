"""The 窓口 workspace: resident search and record, move entry, and certificates, with their
function keys.

    F6        住民検索          the search form (name field)
    F7        異動届            the move entry (a new notice once the last one is done)
    F8        この方の異動届    a notice for the person whose record is open (転居 by default)
    F10       次へ・確定        move entry: send for review → commit → redo after a conflict
    F1        証明書            the certificate desk (ui/certificates)
    Shift+F8  この方の証明書    a certificate order for the person whose record is open
    Shift+F1  真正確認          証明書の真正確認 of a paper brought back
    Shift+F6  本人確認          the identity check, for the person whose record is open if any

F1 is the one plain F-key left: the shell holds F2-F5, F9, F11 and F12, and the counter F6-F8
and F10; the certificate keys pair with it and with F8. The keys act while the focus is inside
the workspace, so they never reach another workspace or the lock screen. The bar at the bottom
shows them and lets the mouse use them. The 証明書 tab is there for staff who may issue
certificates, on a terminal connected to the registry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.domain import clock
from app.registry_api import MoveResult, RegistryApi, ResidentSummary
from app.session.permissions import CERTIFICATE_ISSUE, IDENTITY_RECORD, NUMBER_VIEW
from app.session.personal_data import PersonalDataRegistry
from app.workflows.move_entry import MoveStep
from app.workflows.record import ResidentFile
from ui.function_keys import FunctionKeyBar
from ui.i18n import translate
from ui.moves.page import MovePage
from ui.operations import OperationRunner
from ui.search.page import SearchPage

if TYPE_CHECKING:
    from ui.card.bridge import CardBridge
    from ui.certificates.page import CertificatesPage
    from ui.identity.page import IdentityPage
    from ui.workspaces import WorkspaceContext

_SEARCH, _MOVES = 0, 1


@dataclass
class CounterServices:
    api: RegistryApi | None  # None: no registry connection (the page says so)
    runner: OperationRunner
    personal_data: PersonalDataRegistry
    can_view_number: bool
    today: Callable[[], date] = field(default=clock.today)  # the register's day (tests fix it)
    # Builds the 証明書 tab (ui.certificates.build_certificates_page); None: no such tab.
    certificates: Callable[[QWidget], CertificatesPage] | None = None
    # Builds the 本人確認 tab (ui.identity.page.IdentityPage); None: no such tab.
    identity: Callable[[QWidget], IdentityPage] | None = None
    card: CardBridge | None = None  # the terminal's card reader, shared by every page


class CounterWorkspace(QWidget):
    def __init__(self, services: CounterServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter_workspace")
        self.search = SearchPage(services.api, services.runner, services.personal_data,
                                 can_view_number=services.can_view_number, parent=self)
        self.moves = MovePage(services.api, services.runner, services.personal_data,
                              today=services.today, parent=self, card=services.card)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("counter_tabs")
        self.tabs.addTab(self.search, translate("Counter", "住民検索 (F6)"))
        self.tabs.addTab(self.moves, translate("Counter", "異動届 (F7)"))
        self.certificates: CertificatesPage | None = None
        if services.certificates is not None:
            self.certificates = services.certificates(self)
            self.tabs.addTab(self.certificates, translate("Counter", "証明書 (F1)"))
        self.identity: IdentityPage | None = None
        if services.identity is not None:
            self.identity = services.identity(self)
            self.tabs.addTab(self.identity, translate("Counter", "本人確認 (Shift+F6)"))
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys = FunctionKeyBar(self)
        self.keys.setObjectName("counter_function_keys")
        # The shell's tests add widgets to a workspace's QVBoxLayout: keep that the top layout.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.keys)
        self.search_action = self._action(translate("Counter", "住民検索"), Qt.Key.Key_F6, self.show_search)
        self.moves_action = self._action(translate("Counter", "異動届"), Qt.Key.Key_F7, self.show_moves)
        self.move_for_action = self._action(translate("Counter", "この方の異動届"), Qt.Key.Key_F8,
                                            self.move_for_record)
        self.next_action = self._action(translate("Counter", "次へ・確定"), Qt.Key.Key_F10,
                                        self.next_step)
        actions = [self.search_action, self.moves_action, self.move_for_action, self.next_action]
        if self.certificates is not None:
            self.certificates_action = self._action(translate("Counter", "証明書"), Qt.Key.Key_F1,
                                                    self.show_certificates)
            self.certificate_for_action = self._action(
                translate("Counter", "この方の証明書"), QKeySequence("Shift+F8"), self.certificate_for_record)
            self.verify_action = self._action(translate("Counter", "真正確認"), QKeySequence("Shift+F1"),
                                              self.show_verify)
            self.certificate_for_action.setEnabled(False)
            self.search.record_shown.connect(lambda: self.certificate_for_action.setEnabled(True))
            actions += [self.certificates_action, self.certificate_for_action, self.verify_action]
            self.search.record.certificate_button.show()
            self.search.certificate_requested.connect(self.certificate_for_record)
        if self.identity is not None:
            self.identity_action = self._action(translate("Counter", "本人確認"),
                                                QKeySequence("Shift+F6"), self.show_identity)
            actions.append(self.identity_action)
            self.search.record.identity_button.show()
            self.search.identity_requested.connect(self.identity_for_record)
        self.keys.set_actions([(QKeySequence(a.shortcut()).toString(), a) for a in actions])
        self.move_for_action.setEnabled(False)
        self.search.record_shown.connect(lambda: self.move_for_action.setEnabled(True))
        self.search.move_requested.connect(self.move_for_record)
        self.search.cleared.connect(self._record_closed)
        self.moves.move_committed.connect(self._move_committed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(_SEARCH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _action(self, text: str, key: Qt.Key | QKeySequence, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key if isinstance(key, QKeySequence) else QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def focusInEvent(self, event: QFocusEvent) -> None:
        # The main window focuses the workspace on F2: hand the focus to the page's first field.
        super().focusInEvent(event)
        page = self.tabs.currentWidget()
        if page is not None:
            page.setFocus(event.reason())

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        self.next_action.setEnabled(index == _MOVES)

    @Slot()
    def show_search(self) -> None:
        self.tabs.setCurrentIndex(_SEARCH)
        self.search.focus_form()

    @Slot()
    def show_moves(self) -> None:
        self.tabs.setCurrentIndex(_MOVES)
        if self.moves.flow.step in (MoveStep.EMPTY, MoveStep.DONE):
            self.moves.start()
        else:
            self.moves.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def move_for_record(self) -> None:
        file: ResidentFile | None = self.search.current_file()
        if file is None or file.record.status != "resident":
            return
        person = ResidentSummary(file.record.id, file.record.status, file.record.record)
        self.tabs.setCurrentIndex(_MOVES)
        self.moves.start("tenkyo", [person], file.household)

    @Slot()
    def _record_closed(self) -> None:
        for action in (self.move_for_action, getattr(self, "certificate_for_action", None)):
            if action is not None:
                action.setEnabled(False)

    @Slot(object)
    def _move_committed(self, result: MoveResult) -> None:
        self.search.register_changed({p.id for p in result.persons}, set(result.household_numbers))

    @Slot()
    def show_certificates(self) -> None:
        if self.certificates is None:
            return
        self.tabs.setCurrentWidget(self.certificates)
        if self.certificates.showing_verify():
            self.certificates.show_desk()
        else:
            self.certificates.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def show_verify(self) -> None:
        if self.certificates is None:
            return
        self.tabs.setCurrentWidget(self.certificates)
        self.certificates.show_verify()

    @Slot()
    def certificate_for_record(self) -> None:
        """A certificate order for the person whose record is open: a 除票 once removed."""
        file: ResidentFile | None = self.search.current_file()
        if file is None or self.certificates is None:
            return
        kind = None if file.record.status == "resident" else "johyo"
        self.tabs.setCurrentWidget(self.certificates)
        self.certificates.start_for(persons=(file.record.id,), kind=kind)

    @Slot()
    def show_identity(self) -> None:
        """The identity check: for the person whose record is open when no check is under way."""
        if self.identity is None:
            return
        from app.workflows.identity import IdentityStep

        self.tabs.setCurrentWidget(self.identity)
        file: ResidentFile | None = self.search.current_file()
        idle = self.identity.flow.step in (IdentityStep.PERSON, IdentityStep.DONE)
        if idle and file is not None and file.record.status == "resident":
            self.identity.start_for(file.record.id, file.record.record, file.record.status)
        self.identity.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def identity_for_record(self) -> None:
        if self.identity is None:
            return
        file: ResidentFile | None = self.search.current_file()
        if file is None or file.record.status != "resident":
            return
        self.tabs.setCurrentWidget(self.identity)
        self.identity.start_for(file.record.id, file.record.record, file.record.status)

    @Slot()
    def next_step(self) -> None:
        if self.tabs.currentIndex() == _MOVES:
            self.moves.next_step()


def build_counter_workspace(context: WorkspaceContext) -> QWidget:
    """The 窓口 page for the shell's WorkspaceContext."""
    from app.registry_client import RegistryClient

    client = context.registry
    api = RegistryApi(client) if isinstance(client, RegistryClient) else None
    services = CounterServices(api, context.runner, context.personal_data,
                               can_view_number=context.session.can(NUMBER_VIEW), card=context.cards)
    if isinstance(client, RegistryClient) and context.session.can(IDENTITY_RECORD):
        def identity(parent: QWidget) -> IdentityPage:
            from app.workflows.identity import IdentityApi
            from ui.identity.page import IdentityPage

            return IdentityPage(IdentityApi(client), context.runner, context.personal_data,
                                card=context.cards, parent=parent)

        services.identity = identity
    if isinstance(client, RegistryClient) and context.session.can(CERTIFICATE_ISSUE):
        def certificates(parent: QWidget) -> CertificatesPage:
            from ui.certificates import build_certificates_page  # reportlab etc.: on first issue

            assert client is not None
            return build_certificates_page(client, context.runner, context.personal_data,
                                           settings=context.settings, parent=parent,
                                           number_view=context.session.can(NUMBER_VIEW))

        services.certificates = certificates
    return CounterWorkspace(services)
