"""The role workspaces (窓口, カード交付, 承認, 診断, 監査), which permission opens each, and their
function keys. Each page is built on login from the WorkspaceContext."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QKeyCombination, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.session.personal_data import PersonalDataRegistry
from app.session.staff import StaffSession
from ui.diagnostics.sources import DiagnosticsSources
from ui.i18n import translate
from ui.operations import OperationRunner

if TYPE_CHECKING:
    from app.registry_client import RegistryClient
    from app.settings import SettingsStore
    from ui.card.bridge import CardBridge


@dataclass
class WorkspaceContext:
    """What a workspace page gets: who is working, where to register resident data, the
    background runner, the diagnostics sources for the helpdesk's page, the registry client
    (None: no connection; the page says so), the terminal's settings and its card reader."""

    session: StaffSession
    personal_data: PersonalDataRegistry
    runner: OperationRunner
    diagnostics: DiagnosticsSources | None = None
    registry: RegistryClient | None = None
    settings: SettingsStore | None = None
    cards: CardBridge | None = None  # the terminal's card reader for this session, if its work needs one


@dataclass(frozen=True)
class WorkspaceSpec:
    key: str  # as in app.session.permissions.WORKSPACE_RULES
    title: str  # Japanese source text in context "Workspace"
    function_key: Qt.Key | QKeyCombination
    build: Callable[[WorkspaceContext], QWidget]

    def display_title(self) -> str:
        return translate("Workspace", self.title)

    def key_name(self) -> str:
        return QKeySequence(self.function_key).toString()


class PlaceholderWorkspace(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        note = QLabel(translate("Workspace", "この業務の画面は今後のリリースで追加されます。"), self)
        note.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _counter(context: WorkspaceContext) -> QWidget:
    from ui.counter.workspace import build_counter_workspace  # the counter's screens, on login

    return build_counter_workspace(context)


def _card_desk(context: WorkspaceContext) -> QWidget:
    from ui.carddesk import build_card_desk_workspace  # the card desk's screens, on login

    return build_card_desk_workspace(context)


def _approvals(context: WorkspaceContext) -> QWidget:
    from ui.approvals import build_workspace  # the queue's screen, on login

    return build_workspace(context)


def _audit(context: WorkspaceContext) -> QWidget:
    from ui.audit import build_workspace  # the audit screen, on login

    return build_workspace(context)


def _diagnostics(context: WorkspaceContext) -> QWidget:
    if context.diagnostics is None:
        return PlaceholderWorkspace(translate("Workspace", "診断"))
    from ui.diagnostics.view import DiagnosticsView  # httpx and cryptography: only when used

    return DiagnosticsView(context.diagnostics, context.runner)


WORKSPACES: Final[tuple[WorkspaceSpec, ...]] = (
    WorkspaceSpec("counter", str(QT_TRANSLATE_NOOP("Workspace", "窓口")), Qt.Key.Key_F2,
                  _counter),
    WorkspaceSpec("card_desk", str(QT_TRANSLATE_NOOP("Workspace", "カード交付")), Qt.Key.Key_F3,
                  _card_desk),
    WorkspaceSpec("approvals", str(QT_TRANSLATE_NOOP("Workspace", "承認")), Qt.Key.Key_F4,
                  _approvals),
    WorkspaceSpec("diagnostics", str(QT_TRANSLATE_NOOP("Workspace", "診断")), Qt.Key.Key_F5,
                  _diagnostics),
    # Beside 承認, the supervisor's other workspace; every plain F key is taken.
    WorkspaceSpec("audit", str(QT_TRANSLATE_NOOP("Workspace", "監査")),
                  QKeyCombination(Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_F4), _audit),
)
