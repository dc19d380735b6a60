"""The widgets of the カード交付 page and how they are laid out: the search on the left, the
照合・記録 tab (the person, the card's state, the comparison with the register, a button per
card event, the message line, the history) and the 交付受領書 tab in the middle, the card on the
right, the function keys below; and the person and card state as the page shows them. What the
page does lives in the workspace (ui/carddesk/workspace.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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

from app.domain.card_lifecycle import CardEvent
from app.session.personal_data import PersonalDataRegistry
from app.workflows.card_desk import DeskPerson
from app.workflows.dates import format_date
from app.workflows.search import SearchFlow
from ui.carddesk.card_panel import CardPanel
from ui.carddesk.person_search import PersonSearch
from ui.carddesk.receipt import ReceiptPanel
from ui.carddesk.tables import comparison_model, history_model, history_rows
from ui.certificates.print_output import PrintSetup
from ui.counter.inputs import ERROR_STYLE
from ui.function_keys import FunctionKeyBar
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.search.results import sex_text
from ui.security.holders import mark_personal
from ui.widgets.record_table import record_table


class CardDeskView(QWidget):
    event_requested = Signal(object)  # CardEvent, from its button

    def __init__(self, search: SearchFlow, runner: OperationRunner, registry: PersonalDataRegistry,
                 print_setup: PrintSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_desk_workspace")
        # The order the widgets are made in, then laid out in, sets the Tab order.
        self.finder = PersonSearch(search, runner, registry, self)
        self.form, self.results = self.finder.form, self.finder.results
        self.card = CardPanel(self)
        self.person = mark_personal(QLabel(self))
        self.person.setObjectName("card_person")
        self.person.setWordWrap(True)
        self.state = mark_personal(QLabel(self))
        self.state.setObjectName("card_state")
        self.comparison = comparison_model(registry, self)
        self.comparison_view = record_table(self.comparison, "card_comparison", self)
        self.history = history_model(registry, self)
        self.history_view = record_table(self.history, "card_history", self)
        self.message = mark_personal(QLabel(self))
        self.message.setObjectName("card_desk_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.resend_button = QPushButton(translate("CardDesk", "もう一度送信"), self)
        self.resend_button.setObjectName("card_resend")
        self.resend_button.hide()
        self.event_buttons: dict[CardEvent, QPushButton] = {}
        self.receipt = ReceiptPanel(print_setup, self)
        self.keys = FunctionKeyBar(self)
        self.keys.setObjectName("card_desk_function_keys")
        self._layout()

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
            button.clicked.connect(lambda _=False, e=event: self.event_requested.emit(e))
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

    def show_person(self, person: DeskPerson | None, state_label: str) -> None:
        """The person (name, birth date, sex, whether resident, address), the card's state and
        expiry, and the card's history; all blank without a person."""
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
            "%1", translate("CardDesk", state_label))
        if card.expiry_date is not None:
            text += "　" + translate("CardDesk", "有効期限: %1").replace("%1", format_date(card.expiry_date))
        self.state.setText(text)
        self.history.set_rows(history_rows(card.events))
