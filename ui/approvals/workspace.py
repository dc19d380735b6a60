"""The 承認 workspace: the pending queue from all terminals — who asked, on which terminal, what,
how many, why and when — with approve, decline with a reason, and refresh.

Keyboard: Up/Down/PgUp/PgDn/Home/End move in the list (it has the focus when the page opens);
Ctrl+Enter approves the selected request, Delete declines it (a reason is asked), Ctrl+R
refreshes. The list refreshes itself every 30 s while the page is shown.

The purpose a clerk typed may name a resident, so the rows are a personal-data model and the
whole page is cleared on a lock; it fills again when shown after the unlock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.approval_queue import (
    ApprovalInputError,
    ApprovalQueueApi,
    QueuedRequest,
    QueueFlow,
    RequestSender,
)
from app.domain.clock import JST
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from ui.certificates.dialogs import ReasonDialog
from ui.certificates.labels import label, problem_text, refusal_text
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.security.holders import mark_personal
from ui.widgets.personal_model import PersonalTableModel

REFRESH_INTERVAL_MS: Final = 30_000
KIND_LABELS: Final = {
    "certificate": QT_TRANSLATE_NOOP("Approvals", "証明書の発行"),
    "export.residents": QT_TRANSLATE_NOOP("Approvals", "住民名簿の出力"),
}


def row_of(request: QueuedRequest) -> dict[str, Any]:
    return {
        "id": request.id,
        "when": request.created_at.astimezone(JST).strftime("%m/%d %H:%M"),
        "clerk": request.clerk_id,
        "terminal": request.terminal_id,
        "kind": label(KIND_LABELS, request.kind, "Approvals"),
        "count": request.count,
        "purpose": request.purpose,
    }


class ApprovalsWorkspace(QWidget):
    queue_refreshed = Signal(int)  # pending requests shown
    request_approved = Signal(int)
    request_declined = Signal(int)
    decision_refused = Signal(str)  # the registry's code

    def __init__(self, api: ApprovalQueueApi | None, runner: OperationRunner,
                 personal_data: PersonalDataRegistry | None = None, *,
                 refresh_interval_ms: int = REFRESH_INTERVAL_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvals_workspace")
        self._runner = runner
        self.flow = QueueFlow(api) if api is not None else None
        columns = [("when", translate("Approvals", "依頼日時")), ("clerk", translate("Approvals", "依頼者")),
                   ("terminal", translate("Approvals", "端末")), ("kind", translate("Approvals", "作業")),
                   ("count", translate("Approvals", "件数")), ("purpose", translate("Approvals", "目的"))]
        self.model = PersonalTableModel(columns, personal_data, self)
        self.table = QTableView(self)
        self.table.setObjectName("approvals_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.approve_button = QPushButton(translate("Approvals", "承認(&A)"), self)
        self.decline_button = QPushButton(translate("Approvals", "却下(&D)…"), self)
        self.refresh_button = QPushButton(translate("Approvals", "更新(&R)"), self)
        self.status = mark_personal(QLabel(self))
        self.status.setObjectName("approvals_status")
        self.status.setWordWrap(True)
        heading = QLabel(translate("Approvals", "承認待ちの依頼（全端末）"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.decline_button, self.refresh_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.status)
        self.setFocusProxy(self.table)

        self.approve_button.clicked.connect(self.approve_selected)
        self.decline_button.clicked.connect(self.ask_decline)
        self.refresh_button.clicked.connect(self.refresh)
        for keys, slot in (("Ctrl+Return", self.approve_selected), ("Ctrl+Enter", self.approve_selected),
                           ("Delete", self.ask_decline), ("Ctrl+R", self.refresh)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.table.selectionModel().selectionChanged.connect(self._refresh_buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_interval_ms)
        self._timer.timeout.connect(self._refresh_if_shown)
        self._busy = False
        self._refresh_buttons()
        if self.flow is None:
            self.refresh_button.setEnabled(False)
            self.status.setText(translate("Approvals", "住基システムに接続されていません。"))
        if personal_data is not None:
            personal_data.register(self, ClearPhase.VIEWS)

    # -- the list ---------------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.model.row(rows[0].row())["id"]) if rows else None

    def _show(self, items: Sequence[QueuedRequest], keep: int | None = None) -> None:
        self.model.set_rows([row_of(r) for r in items])
        ids = [r.id for r in items]
        target = ids.index(keep) if keep in ids else 0
        if ids:
            self.table.selectRow(target)
        self.status.setText(translate("Approvals", "承認待ち %1件").replace("%1", str(len(ids))) if ids
                            else translate("Approvals", "承認待ちの依頼はありません。"))
        self._refresh_buttons()

    def _run(self, job: Callable[[], Any], success: Callable[[Any], None]) -> None:
        self._busy = True
        self._refresh_buttons()

        def done(result: Any) -> None:
            self._busy = False
            success(result)
            self._refresh_buttons()

        def failed(error: Exception) -> None:
            self._busy = False
            self._failed(error)
            self._refresh_buttons()

        self._runner.operation(job, parent=self).success(done).failure(failed).run_in_background()

    def _refresh_buttons(self) -> None:
        chosen = not self._busy and self.flow is not None and self.selected_id() is not None
        self.approve_button.setEnabled(chosen)
        self.decline_button.setEnabled(chosen)
        self.refresh_button.setEnabled(not self._busy and self.flow is not None)

    @Slot()
    def refresh(self) -> None:
        if self.flow is None or self._busy:
            return
        keep, flow = self.selected_id(), self.flow

        def refreshed(items: tuple[QueuedRequest, ...]) -> None:
            flow.refreshed(items)
            self._show(flow.items, keep)
            self.queue_refreshed.emit(len(flow.items))

        self._run(flow.refresh(), refreshed)

    @Slot()
    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        self.refresh()

    # -- decisions --------------------------------------------------------------------------------

    @Slot()
    def approve_selected(self) -> None:
        chosen = self.selected_id()
        if self.flow is None or chosen is None or self._busy:
            return
        self._run(self.flow.approve(chosen), self._decided)

    @Slot()
    def ask_decline(self) -> None:
        chosen = self.selected_id()
        if self.flow is None or chosen is None or self._busy:
            return
        dialog = ReasonDialog(translate("Approvals", "却下"),
                              translate("Approvals", "却下の理由を入力してください。依頼した職員に伝わります。"), self)
        dialog.reason_given.connect(lambda reason: self.decline(chosen, reason))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def decline(self, request_id: int, reason: str) -> None:
        if self.flow is None or self._busy:
            return
        try:
            job = self.flow.decline(request_id, reason)
        except ApprovalInputError as problem:
            self.status.setText(problem_text(problem.code))
            return
        self._run(job, self._decided)

    def _decided(self, view: QueuedRequest) -> None:
        assert self.flow is not None
        self.flow.decided(view)
        self._show(self.flow.items)
        if view.status == "approved":
            self.status.setText(translate("Approvals", "依頼 %1 を承認しました。").replace("%1", str(view.id)))
            self.request_approved.emit(view.id)
        else:
            self.status.setText(translate("Approvals", "依頼 %1 を却下しました。").replace("%1", str(view.id)))
            self.request_declined.emit(view.id)
        self.table.setFocus()

    def _failed(self, error: Exception) -> None:
        code = str(getattr(error, "code", "") or "")
        chosen = self.selected_id()
        if self.flow is not None and chosen is not None and code in (
                "approval_request_decided", "approval_request_not_found"):
            self.flow.gone(chosen)  # another supervisor was quicker
            self._show(self.flow.items)
        self.status.setText(refusal_text(error))
        self.decision_refused.emit(code)

    def clear_personal_data(self) -> None:
        if self.flow is not None:
            self.flow.clear()
        self.model.clear_personal_data()
        self.status.clear()
        self._busy = False
        self._refresh_buttons()


def build_approvals_workspace(sender: RequestSender | None, runner: OperationRunner,
                              personal_data: PersonalDataRegistry | None) -> ApprovalsWorkspace:
    return ApprovalsWorkspace(ApprovalQueueApi(sender) if sender is not None else None, runner, personal_data)
