"""The 監査 workspace (Shift+F4) for supervisors and auditors: who accessed a resident's record
and when (the report for a 開示請求), what one staff member did in a period, and the open
security alerts, which a supervisor resolves (a clerk blocked for too many searches may then
search again). The flow is app.audit_reports.

Keyboard: the 宛名番号 field has the focus when the page opens; Enter in any field lists, Ctrl+
PgDown shows older rows, Ctrl+R reloads the alerts, Ctrl+Enter in the alert list resolves the
selected alert.

Every row names residents and staff, so the models are personal data, cleared on a lock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.audit_reports import Alert, AuditApi, AuditEntry, AuditPage, query_of
from app.domain import clock
from app.domain.clock import JST
from app.session.personal_data import ClearPhase, PersonalDataRegistry
from app.workflows.dates import short_wareki
from app.workflows.errors import FieldErrors
from ui.certificates.labels import label, refusal_text
from ui.counter.inputs import FieldRow
from ui.i18n import translate
from ui.operations import OperationRunner
from ui.security.holders import mark_personal
from ui.widgets.personal_model import PersonalTableModel
from ui.widgets.record_table import record_table

# What the registry's action codes mean to a supervisor; an unknown code is shown as it is.
ACTION_LABELS: Final = {
    "resident.search": QT_TRANSLATE_NOOP("Audit", "住民の検索"),
    "resident.read": QT_TRANSLATE_NOOP("Audit", "住民記録の閲覧"),
    "resident.history": QT_TRANSLATE_NOOP("Audit", "異動履歴の閲覧"),
    "household.read": QT_TRANSLATE_NOOP("Audit", "世帯の閲覧"),
    "move.draft": QT_TRANSLATE_NOOP("Audit", "異動届の入力"),
    "move.read": QT_TRANSLATE_NOOP("Audit", "異動届の確認"),
    "certificate.void": QT_TRANSLATE_NOOP("Audit", "証明書の無効化"),
    "notice.export": QT_TRANSLATE_NOOP("Audit", "本人確認情報の通知"),
    "session.login": QT_TRANSLATE_NOOP("Audit", "ログイン"),
    "session.logout": QT_TRANSLATE_NOOP("Audit", "ログアウト"),
    "session.unlock": QT_TRANSLATE_NOOP("Audit", "ロック解除"),
    "staff.locked_out": QT_TRANSLATE_NOOP("Audit", "パスワード誤りによる利用停止"),
    "staff.search_blocked": QT_TRANSLATE_NOOP("Audit", "検索回数超過による検索停止"),
    "move.commit": QT_TRANSLATE_NOOP("Audit", "異動の確定"),
    "move.discard": QT_TRANSLATE_NOOP("Audit", "異動届の取消し"),
    "certificate.issue": QT_TRANSLATE_NOOP("Audit", "証明書の発行"),
    "certificate.reissue": QT_TRANSLATE_NOOP("Audit", "証明書の再交付"),
    "certificate.verify": QT_TRANSLATE_NOOP("Audit", "証明書の真正確認"),
    "card.read": QT_TRANSLATE_NOOP("Audit", "カード情報の閲覧"),
    "card.issue": QT_TRANSLATE_NOOP("Audit", "カードの交付"),
    "card.suspend": QT_TRANSLATE_NOOP("Audit", "カードの一時停止"),
    "card.resume": QT_TRANSLATE_NOOP("Audit", "カードの一時停止解除"),
    "card.revoke": QT_TRANSLATE_NOOP("Audit", "カードの廃止"),
    "card.collect": QT_TRANSLATE_NOOP("Audit", "カードの回収"),
    "identity.check": QT_TRANSLATE_NOOP("Audit", "本人確認"),
    "number.check": QT_TRANSLATE_NOOP("Audit", "個人番号の照合"),
    "export.residents": QT_TRANSLATE_NOOP("Audit", "住民名簿の出力"),
    "transfer_notice.read": QT_TRANSLATE_NOOP("Audit", "転出証明書情報の閲覧"),
    "transfer_notice.receive": QT_TRANSLATE_NOOP("Audit", "転出証明書情報の受信"),
    "approval.request": QT_TRANSLATE_NOOP("Audit", "承認の依頼"),
    "approval.grant": QT_TRANSLATE_NOOP("Audit", "承認"),
    "approval.decline": QT_TRANSLATE_NOOP("Audit", "承認の却下"),
    "approval.withdraw": QT_TRANSLATE_NOOP("Audit", "承認依頼の取下げ"),
    "request.replay": QT_TRANSLATE_NOOP("Audit", "同じ要求への再応答"),
    "audit.read": QT_TRANSLATE_NOOP("Audit", "監査記録の閲覧"),
    "audit.verify": QT_TRANSLATE_NOOP("Audit", "監査記録の改ざん検査"),
    "alert.resolve": QT_TRANSLATE_NOOP("Audit", "警告の解除"),
}
RESULT_LABELS: Final = {
    "ok": QT_TRANSLATE_NOOP("Audit", "成功"),
    "denied": QT_TRANSLATE_NOOP("Audit", "拒否"),
    "approval_required": QT_TRANSLATE_NOOP("Audit", "承認待ち"),
}
MAX_TARGETS_SHOWN: Final = 3
ALERT_LABELS: Final = {
    "search_limit_exceeded": QT_TRANSLATE_NOOP("Audit", "検索回数の上限超過（検索を停止中）"),
}


def _when(value: Any) -> str:
    return value.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S")


def action_text(action: str) -> str:
    """The action's label; a refused call (`denied:GET /v1/...`) says so with its route."""
    if action.startswith("denied:"):
        return translate("Audit", "権限のない操作: %1").replace("%1", action.removeprefix("denied:"))
    return label(ACTION_LABELS, action, "Audit")


def targets_text(targets: tuple[str, ...], resident: str | None) -> str:
    """Whom a row concerns. In a resident's report, the others a search showed beside them are
    counted, not named: the report is theirs, not their neighbours'."""
    if resident is not None:
        others = len([t for t in targets if t != resident])
        return (translate("Audit", "この方（ほか %1 名）").replace("%1", str(others)) if others
                else translate("Audit", "この方"))
    if len(targets) <= MAX_TARGETS_SHOWN:
        return " ".join(targets)
    return translate("Audit", "%1 ほか %2 名").replace("%1", " ".join(targets[:MAX_TARGETS_SHOWN])) \
        .replace("%2", str(len(targets) - MAX_TARGETS_SHOWN))


def entry_row(entry: AuditEntry, resident: str | None = None) -> dict[str, Any]:
    return {
        "id": entry.id, "at": _when(entry.at), "staff": entry.staff_id or "—",
        "terminal": entry.terminal_id or "—", "action": action_text(entry.action),
        "targets": targets_text(entry.targets, resident),
        "number": translate("Audit", "あり") if entry.number_access else "",
        "result": label(RESULT_LABELS, entry.result, "Audit"), "detail": entry.detail or "",
    }


def alert_row(alert: Alert) -> dict[str, Any]:
    return {"id": alert.id, "at": _when(alert.at), "kind": label(ALERT_LABELS, alert.kind, "Audit"),
            "staff": alert.staff_id or "—", "terminal": alert.terminal_id or "—"}


def _table(model: PersonalTableModel, parent: QWidget, name: str) -> QTableView:
    table = record_table(model, name, parent)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table


class AuditWorkspace(QWidget):
    listed = Signal(int)  # rows shown
    alerts_loaded = Signal(int)
    alert_resolved = Signal(int)

    def __init__(self, api: AuditApi | None, runner: OperationRunner,
                 personal_data: PersonalDataRegistry | None = None, *, may_list: bool,
                 may_see_alerts: bool, may_resolve: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("audit_workspace")
        self._api, self._runner = api, runner
        self._may_resolve = may_resolve
        self._query: dict[str, str] | None = None
        self._entries: list[AuditEntry] = []
        self._next_before: int | None = None
        self._alerts: list[Alert] = []

        self.trail = QGroupBox(translate("Audit", "アクセス記録（開示請求・職員の操作）"), self)
        self.resident = QLineEdit(self.trail)
        self.resident.setObjectName("audit_resident")
        self.resident.setMaxLength(10)
        self.resident.setPlaceholderText(translate("Audit", "宛名番号（10桁）: その方の記録を見た職員と日時"))
        self.staff = QLineEdit(self.trail)
        self.staff.setObjectName("audit_staff")
        self.staff.setMaxLength(40)
        self.staff.setPlaceholderText(translate("Audit", "職員ID: その職員の操作"))
        self.since = QLineEdit(self.trail)
        first = clock.today().replace(day=1)
        self.since.setPlaceholderText(translate("Audit", "例: %1 または %2")
                                      .replace("%1", short_wareki(first)).replace("%2", first.isoformat()))
        self.until = QLineEdit(self.trail)
        self.rows = {"resident": FieldRow(self.resident, self.trail), "staff_id": FieldRow(self.staff, self.trail),
                     "since": FieldRow(self.since, self.trail), "until": FieldRow(self.until, self.trail)}
        self.list_button = QPushButton(translate("Audit", "表示 (Enter)"), self.trail)
        self.more_button = QPushButton(translate("Audit", "さらに表示 (Ctrl+PgDown)"), self.trail)
        self.more_button.hide()
        self.count = mark_personal(QLabel(self.trail))
        self.count.setObjectName("audit_count")
        columns = [("at", translate("Audit", "日時")), ("staff", translate("Audit", "職員")),
                   ("terminal", translate("Audit", "端末")), ("action", translate("Audit", "操作")),
                   ("targets", translate("Audit", "対象の宛名番号")), ("number", translate("Audit", "個人番号")),
                   ("result", translate("Audit", "結果")), ("detail", translate("Audit", "詳細"))]
        self.model = PersonalTableModel(columns, personal_data, self)
        self.table = _table(self.model, self.trail, "audit_table")
        form = QFormLayout()
        form.addRow(translate("Audit", "宛名番号(&R)"), self.rows["resident"])
        form.addRow(translate("Audit", "職員ID(&S)"), self.rows["staff_id"])
        form.addRow(translate("Audit", "期間の始め(&F)"), self.rows["since"])
        form.addRow(translate("Audit", "期間の終わり(&T)"), self.rows["until"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.list_button)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.count, 1)
        trail_column = QVBoxLayout(self.trail)
        trail_column.addLayout(form)
        trail_column.addLayout(buttons)
        trail_column.addWidget(self.table, 1)

        self.alerts_box = QGroupBox(translate("Audit", "未解除の警告"), self)
        self.alert_model = PersonalTableModel(
            [("at", translate("Audit", "日時")), ("kind", translate("Audit", "内容")),
             ("staff", translate("Audit", "職員")), ("terminal", translate("Audit", "端末"))],
            personal_data, self)
        self.alert_table = _table(self.alert_model, self.alerts_box, "alert_table")
        self.resolve_button = QPushButton(translate("Audit", "解除(&U)"), self.alerts_box)
        self.reload_button = QPushButton(translate("Audit", "更新 (Ctrl+R)"), self.alerts_box)
        self.resolve_button.setVisible(may_resolve)
        alert_buttons = QHBoxLayout()
        alert_buttons.addWidget(self.resolve_button)
        alert_buttons.addWidget(self.reload_button)
        alert_buttons.addStretch(1)
        alert_column = QVBoxLayout(self.alerts_box)
        alert_column.addWidget(self.alert_table, 1)
        alert_column.addLayout(alert_buttons)

        self.status = mark_personal(QLabel(self))
        self.status.setObjectName("audit_status")
        self.status.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.trail, 3)
        column.addWidget(self.alerts_box, 1)
        column.addWidget(self.status)
        self.trail.setVisible(may_list)
        self.alerts_box.setVisible(may_see_alerts)
        self.setFocusProxy(self.resident if may_list else self.alert_table)

        for edit in (self.resident, self.staff, self.since, self.until):
            edit.returnPressed.connect(self.list_entries)
        self.list_button.clicked.connect(self.list_entries)
        self.more_button.clicked.connect(self.more)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.reload_button.clicked.connect(self.load_alerts)
        for keys, slot, where in (("Ctrl+PgDown", self.more, self.trail), ("Ctrl+R", self.load_alerts, self),
                                  ("Ctrl+Return", self.resolve_selected, self.alert_table),
                                  ("Ctrl+Enter", self.resolve_selected, self.alert_table)):
            shortcut = QShortcut(QKeySequence(keys), where)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        if api is None:
            self.status.setText(translate("Audit", "住基システムに接続されていません。"))
            for button in (self.list_button, self.resolve_button, self.reload_button):
                button.setEnabled(False)
        if personal_data is not None:
            personal_data.register(self, ClearPhase.VIEWS)

    # -- the trail --------------------------------------------------------------------------------

    @Slot()
    def list_entries(self) -> None:
        if self._api is None:
            return
        values = {"resident": self.resident.text(), "staff_id": self.staff.text(),
                  "since": self.since.text(), "until": self.until.text()}
        try:
            query = query_of(values)
        except FieldErrors as problems:
            self._forget_listing()  # the rows of the last query must not pass for this one's
            self._show_errors(problems.errors)
            return
        self._show_errors({})
        self._query = query
        api = self._api
        self._run(lambda: api.listing(query), self._listed_first)

    @Slot()
    def more(self) -> None:
        if self._api is None or self._query is None or self._next_before is None:
            return
        api, query, before = self._api, self._query, self._next_before
        self.more_button.setEnabled(False)
        self._run(lambda: api.listing(query, before), self._listed_more)

    def _listed_first(self, page: AuditPage) -> None:
        self._entries = []
        self._listed_more(page)
        if self._entries:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(0)

    def _listed_more(self, page: AuditPage) -> None:
        self._entries.extend(page.items)
        self._next_before = page.next_before
        resident = (self._query or {}).get("resident")
        self.model.set_rows([entry_row(e, resident) for e in self._entries])
        self.more_button.setVisible(page.next_before is not None)
        self.more_button.setEnabled(True)
        shown = len(self._entries)
        if not shown:
            self.count.setText(translate("Audit", "該当する記録はありません。"))
        elif page.next_before is not None:
            self.count.setText(translate("Audit", "新しい順に %1 件（さらに古い記録があります）").replace("%1", str(shown)))
        else:
            self.count.setText(translate("Audit", "新しい順に %1 件").replace("%1", str(shown)))
        self.listed.emit(shown)

    def _forget_listing(self) -> None:
        self._query, self._entries, self._next_before = None, [], None
        self.model.clear_personal_data()
        self.more_button.hide()
        self.count.clear()

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        for key, row in self.rows.items():
            row.show_error(errors.get(key))
        first = next((row for key, row in self.rows.items() if key in errors), None)
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- alerts -----------------------------------------------------------------------------------

    @Slot()
    def load_alerts(self) -> None:
        if self._api is None or not self.alerts_box.isVisibleTo(self):
            return
        api = self._api
        self._run(api.alerts, self._alerts_loaded)

    def _alerts_loaded(self, alerts: tuple[Alert, ...]) -> None:
        self._alerts = list(alerts)
        self.alert_model.set_rows([alert_row(a) for a in self._alerts])
        if self._alerts:
            self.alert_table.selectRow(0)
        self.resolve_button.setEnabled(bool(self._alerts))
        self.alerts_loaded.emit(len(self._alerts))

    def selected_alert(self) -> int | None:
        rows = self.alert_table.selectionModel().selectedRows()
        return self._alerts[rows[0].row()].id if rows and rows[0].row() < len(self._alerts) else None

    @Slot()
    def resolve_selected(self) -> None:
        chosen = self.selected_alert()
        if self._api is None or chosen is None or not self._may_resolve:
            return
        api = self._api
        self._run(lambda: api.resolve(chosen), self._resolved)

    def _resolved(self, alert: Alert) -> None:
        self._alerts = [a for a in self._alerts if a.id != alert.id]
        self.alert_model.set_rows([alert_row(a) for a in self._alerts])
        self.resolve_button.setEnabled(bool(self._alerts))
        self.status.setText(translate("Audit", "警告 %1 を解除しました。").replace("%1", str(alert.id)))
        self.alert_resolved.emit(alert.id)

    # -- running ----------------------------------------------------------------------------------

    def _run(self, job: Callable[[], Any], success: Callable[[Any], None]) -> None:
        self.status.clear()
        self._runner.operation(job, parent=self).success(success).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self.more_button.setEnabled(True)
        self.status.setText(refusal_text(error))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.alerts_box.isVisibleTo(self):
            self.load_alerts()

    def clear_personal_data(self) -> None:
        self._forget_listing()
        self._alerts = []
        for edit in (self.resident, self.staff, self.since, self.until):
            edit.setText("")  # the shell's clearer does this too; the page does not rely on it
        self.alert_model.clear_personal_data()
        self.status.clear()
        self._show_errors({})
