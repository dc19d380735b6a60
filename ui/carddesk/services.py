"""What the カード交付 workspace is built on: the registry's APIs (or none, when the terminal has
no connection), the operation runner, the personal-data registry, the card bridge, the staff
member, the receipt's printer settings and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from app.domain import clock
from app.session.personal_data import PersonalDataRegistry
from app.workflows.card_desk import DeskApi
from app.workflows.search import SearchApi
from ui.card.bridge import CardBridge
from ui.certificates.print_output import PrintSetup
from ui.operations import OperationRunner


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


class NoRegistry:
    """Stands in for a missing API: any call is refused (the page never enables one)."""

    def __getattr__(self, name: str) -> object:
        raise RuntimeError("no registry connection")
