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
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import clock
from app.domain.card_lifecycle import REASON_REQUIRED, CardEvent
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.card_desk import (
    CardDeskApi,
    CardDeskFlow,
    CardStatus,
    DeskApi,
    DeskPerson,
    DeskStep,
    EventRefused,
    RecordedEvent,
)
from app.workflows.dates import format_date
from app.workflows.search import SearchApi
from ui.card.bridge import CardBridge
from ui.carddesk.card_panel import CardPanel
from ui.carddesk.card_steps import CardSteps
from ui.carddesk.person_search import PersonSearch
from ui.carddesk.receipt import ReceiptPanel
from ui.carddesk.tables import (
    EventReasonDialog,
    comparison_model,
    event_label,
    history_model,
    history_rows,
    table,
)
from ui.certificates.print_output import PrintSetup
from ui.counter.inputs import ERROR_STYLE
from ui.function_keys import FunctionKeyBar
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.search.results import sex_text
from ui.security.holders import mark_personal

if TYPE_CHECKING:
    from ui.workspaces import WorkspaceContext

_CHECK, _RECEIPT = 0, 1
# Not Alt+N/B/A/S/C: the search form's labels take those as mnemonics.
EVENT_KEYS = {CardEvent.SUSPEND: "Alt+T", CardEvent.RESUME: "Alt+R", CardEvent.REVOKE: "Alt+H",
              CardEvent.COLLECT: "Alt+U"}


@dataclass
class CardDeskServices:
    api: DeskApi | None  # None: no registry connection (the page says so)
    search_api: SearchApi | None
    runner: OperationRunner
    personal_data: PersonalDataRegistry
    bridge: CardBridge
    staff_name: str
    print_setup: PrintSetup = field(default_factory=lambda: PrintSetup(None, "auto"))
    today: Callable[[], date] = field(default=clock.today)
    municipality_name: str | None = None


class _NoRegistry:
    def __getattr__(self, name: str) -> object:
        raise RuntimeError("no registry connection")


class CardDeskWorkspace(QWidget):
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
        super().__init__(parent)
        self.setObjectName("card_desk_workspace")
        self.services, self._runner, self.bridge = services, services.runner, services.bridge
        registry = services.personal_data
        api: Any = services.api if services.api is not None else _NoRegistry()
        search: Any = services.search_api if services.search_api is not None else _NoRegistry()
        self.flow = CardDeskFlow(api, search, staff_name=services.staff_name, today=services.today,
                                 municipality_name=services.municipality_name)
        self.finder = PersonSearch(self.flow.search, self._runner, registry, self)
        self.form, self.results = self.finder.form, self.finder.results
        self.card = CardPanel(self)
        self.person = mark_personal(QLabel(self))
        self.person.setObjectName("card_person")
        self.person.setWordWrap(True)
        self.state = mark_personal(QLabel(self))
        self.state.setObjectName("card_state")
        self.comparison = comparison_model(registry, self)
        self.comparison_view = table(self.comparison, "card_comparison", self)
        self.history = history_model(registry, self)
        self.steps = CardSteps(self.flow, self.bridge, self._runner, self.card, self.comparison, self)
        self.history_view = table(self.history, "card_history", self)
        self.message = mark_personal(QLabel(self))
        self.message.setObjectName("card_desk_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.resend_button = QPushButton(translate("CardDesk", "もう一度送信"), self)
        self.resend_button.setObjectName("card_resend")
        self.resend_button.hide()
        self.event_buttons: dict[CardEvent, QPushButton] = {}
        self.receipt = ReceiptPanel(services.print_setup, self)
        self.keys = FunctionKeyBar(self)
        self.keys.setObjectName("card_desk_function_keys")
        self._layout()
        self._actions()
        self._connect()
        if services.api is None:
            self.form.set_busy(True)
            self.message.setText(translate("CardDesk", "住基システムに接続されていません。"))
        registry.register(self, ClearPhase.VIEWS)
        self._refresh()

    # -- building -----------------------------------------------------------------------------------

    def _layout(self) -> None:
        check = QWidget(self)
        column = QVBoxLayout(check)
        column.addWidget(self.person)
        column.addWidget(self.state)
        column.addWidget(QLabel(translate("CardDesk", "カードと住民票の照合"), check))
        column.addWidget(self.comparison_view, 2)
        buttons = QHBoxLayout()
        # Keys, not mnemonics: the workspace's actions work from any field and either tab.
        texts = {CardEvent.ISSUE: translate("CardDesk", "交付 (F10)"),
                 CardEvent.SUSPEND: translate("CardDesk", "一時停止 (Alt+T)"),
                 CardEvent.RESUME: translate("CardDesk", "一時停止解除 (Alt+R)"),
                 CardEvent.REVOKE: translate("CardDesk", "廃止 (Alt+H)"),
                 CardEvent.COLLECT: translate("CardDesk", "回収 (Alt+U)")}
        for event in CardEvent:
            button = QPushButton(texts[event], check)
            button.setObjectName(f"card_event_{event.value}")
            button.clicked.connect(lambda _=False, e=event: self.request_event(e))
            buttons.addWidget(button)
            self.event_buttons[event] = button
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.resend_button)
        column.addWidget(QLabel(translate("CardDesk", "記録の履歴"), check))
        column.addWidget(self.history_view, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("card_desk_tabs")
        self.tabs.addTab(check, translate("CardDesk", "照合・記録"))
        self.tabs.addTab(self.receipt, translate("CardDesk", "交付受領書"))
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        card_box = QGroupBox(translate("CardDesk", "カード"), self)
        QVBoxLayout(card_box).addWidget(self.card)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for part in (self.finder, self.tabs, card_box):
            splitter.addWidget(part)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        top = QVBoxLayout(self)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(splitter, 1)
        top.addWidget(self.keys)
        self.setFocusProxy(self.form)

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
        self.steps.probed.connect(self.card_probed)
        self.steps.compared.connect(self.card_compared)
        self.steps.face_shown.connect(self.face_shown)
        self.steps.problem.connect(self._step_problem)
        self.steps.changed.connect(self._refresh)
        self.resend_button.clicked.connect(self.resend)
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

    def _problem(self, code: str, message: str) -> None:
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
        person = self.flow.person
        if person is None:
            self.person.clear()
            self.state.clear()
            self.history.set_rows([])
            return
        p = person.record.record
        status = translate("CardDesk", "住民") if person.record.status == "resident" else \
            translate("CardDesk", "消除")
        self.person.setText("\n".join((
            f"{p.name.full}（{p.name.kana}）",
            f"{format_date(p.birth_date)}　{sex_text(p.sex)}　{status}",
            p.address.full)))
        card = person.card
        text = translate("CardDesk", "カードの状態: %1").replace(
            "%1", translate("CardDesk", self.flow.state_label))
        if card.expiry_date is not None:
            text += "　" + translate("CardDesk", "有効期限: %1").replace("%1", format_date(card.expiry_date))
        self.state.setText(text)
        self.history.set_rows(history_rows(card.events))

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

    # -- events -------------------------------------------------------------------------------------

    def request_event(self, event: CardEvent) -> None:
        if not self.event_buttons[event].isEnabled():
            return
        if event in REASON_REQUIRED:
            dialog = EventReasonDialog(event, self)
            dialog.reason_given.connect(lambda reason: self.record(event, reason))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            return
        self.record(event, None)

    def record(self, event: CardEvent, reason: str | None) -> None:
        try:
            job = self.flow.record(event, reason)
        except EventRefused as refused:
            self._problem(refused.problem.code, refused.problem.message)
            return
        self.message.clear()
        self._send(job)

    @Slot()
    def resend(self) -> None:
        job = self.flow.resend()
        if job is not None:
            self._send(job)

    def _send(self, job: Callable[[], RecordedEvent]) -> None:
        self._refresh()
        for button in self.event_buttons.values():
            button.setEnabled(False)
        self._runner.operation(job, parent=self).success(self._recorded) \
            .failure(self._record_failed).run_in_background()

    def _recorded(self, result: RecordedEvent) -> None:
        reload = self.flow.recorded(result)
        if self.flow.comparison is None:
            self.steps.forget()
        self._show_person()
        self._refresh()
        self.message.setText(translate("CardDesk", "%1を記録しました。").replace("%1", event_label(result.event)))
        self.event_recorded.emit(result.event.value)
        if reload is not None:
            self._reload(reload)
        if result.event is CardEvent.ISSUE:
            self._render_receipt()

    def _record_failed(self, error: Exception) -> None:
        reload = self.flow.record_failed(error)
        self._show_flow_problem()
        self._refresh()
        if reload is not None:
            self._reload(reload)

    def _reload(self, job: Callable[[], CardStatus]) -> None:
        self._runner.operation(job, parent=self).success(self._reloaded) \
            .failure(lambda _error: None).run_in_background()

    def _reloaded(self, status: CardStatus) -> None:
        self.flow.refreshed(status)
        self._show_person()
        self._refresh()
        self.state_loaded.emit(status.state.value)

    # -- the receipt --------------------------------------------------------------------------------

    def _render_receipt(self) -> None:
        try:
            job = self.flow.receipt_job()
        except EventRefused as refused:
            self._problem(refused.problem.code, refused.problem.message)
            return
        self._runner.operation(job, parent=self).success(self._receipt_rendered) \
            .failure(self._receipt_failed).run_in_background()

    def _receipt_rendered(self, pdf: bytes) -> None:
        if self.flow.last_recorded is None:
            return  # dropped meanwhile
        if self.receipt.show_pdf(pdf):
            self.tabs.setCurrentIndex(_RECEIPT)
            self.receipt_shown.emit(self.receipt.preview.page_count())
        self._refresh()

    def _receipt_failed(self, error: Exception) -> None:
        self._problem("receipt_failed", translate("CardDesk", "受領書を作成できませんでした。"))

    @Slot()
    def print_receipt(self) -> int:
        try:
            sheets = self.receipt.print_receipt()
        except OSError:
            self._problem("printer_unavailable", translate("CardDesk", "プリンタを開けませんでした。"))
            return 0
        if sheets:
            self.message.setText(translate("CardDesk", "受領書を%1枚印刷しました。").replace("%1", str(sheets)))
            self.receipt_printed.emit(sheets)
        return sheets

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
