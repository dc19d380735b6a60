"""The 窓口 workspace: resident search and record, and move entry, with their function keys.

    F6  住民検索          the search form (name field)
    F7  異動届            the move entry (a new notice once the last one is done)
    F8  この方の異動届    a notice for the person whose record is open (転居 by default)
    F10 次へ・確定        move entry: send for review → commit → redo after a conflict

The keys act while the focus is inside the workspace, so they never reach another workspace
or the lock screen; the shell's F2-F5, F9, F11, F12 stay its own. The bar at the bottom shows
them and lets the mouse use them.
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
from app.registry_api import RegistryApi, ResidentSummary
from app.session.permissions import NUMBER_VIEW
from app.session.personal_data import PersonalDataRegistry
from app.workflows.move_entry import MoveStep
from app.workflows.record import ResidentFile
from ui.function_keys import FunctionKeyBar
from ui.i18n import translate
from ui.moves.page import MovePage
from ui.operations import OperationRunner
from ui.search.page import SearchPage

if TYPE_CHECKING:
    from ui.workspaces import WorkspaceContext

_SEARCH, _MOVES = 0, 1


@dataclass
class CounterServices:
    api: RegistryApi | None  # None: no registry connection (the page says so)
    runner: OperationRunner
    personal_data: PersonalDataRegistry
    can_view_number: bool
    today: Callable[[], date] = field(default=clock.today)  # the register's day (tests fix it)


class CounterWorkspace(QWidget):
    def __init__(self, services: CounterServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter_workspace")
        self.search = SearchPage(services.api, services.runner, services.personal_data,
                                 can_view_number=services.can_view_number, parent=self)
        self.moves = MovePage(services.api, services.runner, services.personal_data,
                              today=services.today, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("counter_tabs")
        self.tabs.addTab(self.search, translate("Counter", "住民検索 (F6)"))
        self.tabs.addTab(self.moves, translate("Counter", "異動届 (F7)"))
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
        self.keys.set_actions([(QKeySequence(a.shortcut()).toString(), a) for a in (
            self.search_action, self.moves_action, self.move_for_action, self.next_action)])
        self.move_for_action.setEnabled(False)
        self.search.record_shown.connect(lambda: self.move_for_action.setEnabled(True))
        self.search.move_requested.connect(self.move_for_record)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(_SEARCH)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _action(self, text: str, key: Qt.Key, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
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
    def next_step(self) -> None:
        if self.tabs.currentIndex() == _MOVES:
            self.moves.next_step()


def build_counter_workspace(context: WorkspaceContext) -> QWidget:
    """The 窓口 page for the shell's WorkspaceContext."""
    from app.registry_client import RegistryClient

    client = context.registry
    api = RegistryApi(client) if isinstance(client, RegistryClient) else None
    services = CounterServices(api, context.runner, context.personal_data,
                               can_view_number=context.session.can(NUMBER_VIEW))
    return CounterWorkspace(services)
