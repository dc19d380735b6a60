"""The カード交付 workspace: find the person, read and check the card, record the card event,
print the 交付 receipt. The flow is app.workflows.card_desk.CardDeskFlow; registry calls run on
the OperationRunner, card jobs on the CardBridge's card thread.

    F6  住民検索          the search form (name field)
    F7  カード確認        tries left of every PIN (no PIN asked)
    F8  暗証番号          the holder's PIN field (Enter reads the card)
    F10 交付              record 交付 once the card matched, the face was read and it is valid
    Alt+T 一時停止 · Alt+R 一時停止解除 · Alt+H 廃止 · Alt+U 回収 · Ctrl+P 受領書を印刷

The keys act while the focus is inside the workspace (the shell keeps F2-F5, F9, F11, F12).
Everything shown is resident data: the workspace is a personal-data holder, and a lock drops
the flow, every field, the photo, the tables and the receipt (bytes, document and preview).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QWidget

from app.domain.card_lifecycle import CardEvent
from app.session.personal_data import ClearPhase
from app.workflows.card_desk import CardDeskApi, CardDeskFlow, DeskPerson, DeskStep
from ui.card.bridge import CardBridge
from ui.carddesk.card_steps import CardSteps
from ui.carddesk.desk_view import CardDeskView
from ui.carddesk.event_steps import EventSteps
from ui.carddesk.receipt_steps import ReceiptSteps
from ui.carddesk.services import CardDeskServices, NoRegistry
from ui.carddesk.tables import event_label
from ui.certificates.print_output import PrintSetup
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate

if TYPE_CHECKING:
    from ui.workspaces import WorkspaceContext

_CHECK, _RECEIPT = 0, 1
# Not Alt+N/B/A/S/C: the search form's labels take those as mnemonics.
EVENT_KEYS = {CardEvent.SUSPEND: "Alt+T", CardEvent.RESUME: "Alt+R", CardEvent.REVOKE: "Alt+H",
              CardEvent.COLLECT: "Alt+U"}


class CardDeskWorkspace(CardDeskView):
    person_opened = Signal(str)
    card_probed = Signal()
    card_compared = Signal(bool)  # every item matches
    face_shown = Signal(bool)  # expired
    event_recorded = Signal(str)  # CardEvent value
    state_loaded = Signal(str)  # CardState value, after each reload
    receipt_shown = Signal(int)  # pages
    receipt_printed = Signal(int)  # sheets
    problem_shown = Signal(str)  # code

    def __init__(self, services: CardDeskServices, parent: QWidget | None = None) -> None:
        registry = services.personal_data
        api: Any = services.api if services.api is not None else NoRegistry()
        search: Any = services.search_api if services.search_api is not None else NoRegistry()
        flow = CardDeskFlow(api, search, staff_name=services.staff_name, today=services.today,
                            municipality_name=services.municipality_name)
        super().__init__(flow.search, services.runner, registry, services.print_setup, parent)
        self.services, self._runner, self.bridge = services, services.runner, services.bridge
        self.flow = flow
        self.steps = CardSteps(self.flow, self.bridge, self._runner, self.card, self.comparison, self)
        self.events = EventSteps(self.flow, self._runner, self.steps, self.event_buttons,
                                 self.message, self)
        self.receipts = ReceiptSteps(self.flow, self._runner, self.receipt, self.message, self)
        self._actions()
        self._connect()
        if services.api is None:
            self.form.set_busy(True)
            self.message.setText(translate("CardDesk", "住基システムに接続されていません。"))
        registry.register(self, ClearPhase.VIEWS)
        self._refresh()

    # -- building -----------------------------------------------------------------------------------

    def _actions(self) -> None:
        self.search_action = self._action(translate("CardDesk", "住民検索"), "F6", self.focus_search)
        self.probe_action = self._action(translate("CardDesk", "カード確認"), "F7", self.probe)
        self.pin_action = self._action(translate("CardDesk", "暗証番号"), "F8", self.focus_pin)
        self.issue_action = self._action(translate("CardDesk", "交付"), "F10",
                                         lambda: self.request_event(CardEvent.ISSUE))
        for event, key in EVENT_KEYS.items():
            self._action(event_label(event), key,
                         lambda _checked=False, e=event: self.request_event(e))
        self.print_action = self._action(translate("CardDesk", "受領書を印刷"), "Ctrl+P",
                                         self.print_receipt)
        self.keys.set_actions([(QKeySequence(a.shortcut()).toString(), a) for a in (
            self.search_action, self.probe_action, self.pin_action, self.issue_action)])

    def _action(self, text: str, key: str, slot: Callable[..., object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.finder.open_requested.connect(self.open_person)
        self.event_requested.connect(self.request_event)
        self.steps.probed.connect(self.card_probed)
        self.steps.compared.connect(self.card_compared)
        self.steps.face_shown.connect(self.face_shown)
        self.steps.problem.connect(self._step_problem)
        self.steps.problem_gone.connect(self.message.clear)
        self.steps.changed.connect(self._refresh)
        for part in (self.events, self.receipts):
            part.problem.connect(self._problem)
            part.changed.connect(self._refresh)
        self.events.person_changed.connect(self._person_changed)
        self.events.recorded.connect(self.event_recorded)
        self.events.state_loaded.connect(self.state_loaded)
        self.events.issued.connect(self.receipts.render)
        self.receipts.shown.connect(self._receipt_shown)
        self.receipts.printed.connect(self.receipt_printed)
        self.resend_button.clicked.connect(self.events.resend)
        self.receipt.print_button.clicked.connect(self.print_receipt)
        self.bridge.card_inserted.connect(self._card_inserted)
        self.bridge.card_removed.connect(self._card_removed)
        self.bridge.readers_changed.connect(self._show_reader)
        self.bridge.service_error.connect(self.card.show_reader)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.bridge.started:
            try:
                self.bridge.start()  # the reader's events from the first time the page shows
            except RuntimeError:
                return
            self._show_reader()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.form.setFocus(event.reason())

    # -- showing ----------------------------------------------------------------------------------

    @Slot(str, str)
    def _problem(self, code: str, message: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(message)
        self.problem_shown.emit(code)

    def _show_flow_problem(self) -> None:
        problem = self.flow.problem
        if problem is not None:
            self._problem(problem.code, problem.message)

    @Slot()
    def _refresh(self) -> None:
        allowed = self.flow.events_allowed()
        for event, button in self.event_buttons.items():
            button.setEnabled(allowed[event])
        self.issue_action.setEnabled(allowed[CardEvent.ISSUE])
        have_person = self.flow.person is not None
        for widget in (self.card.read_button, self.card.face_button):
            widget.setEnabled(have_person)
        self.receipt.print_button.setEnabled(self.receipt.ready())
        pending = self.flow.pending is not None and self.flow.step is DeskStep.READY
        self.resend_button.setVisible(pending)

    def _show_person(self) -> None:
        self.show_person(self.flow.person, self.flow.state_label)

    @Slot()
    def _show_reader(self) -> None:
        problem = self.bridge.problem()
        if problem:
            self.card.show_reader(problem)
        elif self.bridge.card_present():
            self.card.show_reader(translate("CardDesk", "カードが置かれています。"))
        elif self.bridge.readers():
            self.card.show_reader(translate("CardDesk", "カードをリーダーに置いてください。"))
        else:
            self.card.show_reader(translate("CardDesk", "カードリーダーが見つかりません。"))

    # -- search and person --------------------------------------------------------------------------

    @Slot()
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(_CHECK)
        self.form.name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def open_person(self, resident_id: str) -> None:
        job = self.flow.open(resident_id)
        self._clear_check()
        self._runner.operation(job, parent=self).success(self._opened) \
            .failure(self._open_failed).run_in_background()

    def _opened(self, person: DeskPerson) -> None:
        self.flow.opened(person)
        if self.flow.person is not person:
            return
        self._show_person()
        self.card.prefill_birth(person.record.record.birth_date)
        self._refresh()
        self.person_opened.emit(person.record.id)
        self.state_loaded.emit(person.card.state.value)
        if self.bridge.card_present():
            self.probe()
        self.card.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_failed(self, error: Exception) -> None:
        self.flow.open_failed(error)
        self._show_flow_problem()
        self._refresh()

    def _clear_check(self) -> None:
        self.steps.forget()
        self.message.clear()
        self.receipt.clear_personal_data()
        self._show_person()
        self._refresh()

    # -- the card -----------------------------------------------------------------------------------

    @Slot(str)
    def _card_inserted(self, _reader: str) -> None:
        self._show_reader()
        if self.flow.person is not None:
            self.probe()

    @Slot(str)
    def _card_removed(self, _reader: str) -> None:
        self.flow.card_removed()
        self.steps.forget()
        self._show_reader()
        self._refresh()

    @Slot()
    def probe(self) -> None:
        self.steps.probe()

    @Slot()
    def focus_pin(self) -> None:
        self.tabs.setCurrentIndex(_CHECK)
        self.card.pin.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str, str)
    def _step_problem(self, code: str, message: str) -> None:
        if message:
            self.message.setText(message)
        self.problem_shown.emit(code)

    # -- events and the receipt ------------------------------------------------------------------

    def request_event(self, event: CardEvent) -> None:
        self.events.request(event)

    @Slot()
    def _person_changed(self) -> None:
        self._show_person()
        self._refresh()

    @Slot(int)
    def _receipt_shown(self, pages: int) -> None:
        self.tabs.setCurrentIndex(_RECEIPT)
        self.receipt_shown.emit(pages)

    @Slot()
    def print_receipt(self) -> int:
        return self.receipts.print_receipt()

    # -- lock -----------------------------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        self.flow.clear_personal_data()
        self.finder.clear_personal_data()
        self.card.clear_personal_data()
        self.comparison.clear_personal_data()
        self.history.clear_personal_data()
        self.receipt.clear_personal_data()
        for label in (self.person, self.state, self.message):
            label.clear()
        self.tabs.setCurrentIndex(_CHECK)
        self._refresh()


def build_card_desk_workspace(context: WorkspaceContext) -> QWidget:
    """The カード交付 page for the shell's WorkspaceContext, on the session's card bridge (or
    one of its own, closed with the page, where the context has none)."""
    from app.registry_client import RegistryClient

    client = context.registry
    api = CardDeskApi(client) if isinstance(client, RegistryClient) else None
    shared = context.cards
    bridge = shared if shared is not None else CardBridge(personal_data=context.personal_data)
    services = CardDeskServices(
        api=api, search_api=api.search_api() if api is not None else None, runner=context.runner,
        personal_data=context.personal_data, bridge=bridge, staff_name=context.session.staff.name,
        print_setup=PrintSetup.from_settings(context.settings))
    workspace = CardDeskWorkspace(services)
    if shared is None:
        bridge.setParent(workspace)
        workspace.destroyed.connect(bridge.close)
    return workspace
