"""The desk's two tables and its reason dialog: the card compared with the register item by
item (mismatches on red), the card's event history, and the reason for 一時停止 or 廃止."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.card_match import CardComparison
from app.domain.card_lifecycle import EVENT_LABELS, STATE_LABELS, CardEvent
from app.session.personal_data import PersonalDataRegistry
from app.workflows.card_desk import SUGGESTED_REASONS, CardEventEntry
from app.workflows.dates import format_date
from ui.counter.inputs import ERROR_STYLE
from ui.i18n import translate
from ui.widgets.personal_model import PersonalTableModel

MISMATCH = QColor("#f8d7da")
# The domain's labels and reasons, for pyside6-lupdate (looked up by value below).
_NOOP = (
    QT_TRANSLATE_NOOP("CardDesk", "交付"), QT_TRANSLATE_NOOP("CardDesk", "一時停止"),
    QT_TRANSLATE_NOOP("CardDesk", "一時停止解除"), QT_TRANSLATE_NOOP("CardDesk", "廃止"),
    QT_TRANSLATE_NOOP("CardDesk", "回収"), QT_TRANSLATE_NOOP("CardDesk", "未交付"),
    QT_TRANSLATE_NOOP("CardDesk", "交付済"), QT_TRANSLATE_NOOP("CardDesk", "一時停止中"),
    QT_TRANSLATE_NOOP("CardDesk", "回収済"), QT_TRANSLATE_NOOP("CardDesk", "紛失"),
    QT_TRANSLATE_NOOP("CardDesk", "盗難"), QT_TRANSLATE_NOOP("CardDesk", "その他"),
    QT_TRANSLATE_NOOP("CardDesk", "本人からの返納"), QT_TRANSLATE_NOOP("CardDesk", "有効期限切れ"),
    QT_TRANSLATE_NOOP("CardDesk", "記載事項の変更"), QT_TRANSLATE_NOOP("CardDesk", "転出・死亡による失効"),
)
_Index = QModelIndex | QPersistentModelIndex


def field_label(field: str) -> str:
    return {
        "individual_number": translate("CardDesk", "個人番号"), "name": translate("CardDesk", "氏名"),
        "address": translate("CardDesk", "住所"), "birth_date": translate("CardDesk", "生年月日"),
        "sex": translate("CardDesk", "性別"),
    }.get(field, field)


def event_label(event: CardEvent) -> str:
    return translate("CardDesk", EVENT_LABELS[event])


class ComparisonModel(PersonalTableModel):
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole \
                and not self.row(index.row()).get("ok"):
            return QBrush(MISMATCH)
        return super().data(index, role)


def comparison_rows(comparison: CardComparison | None) -> list[dict[str, Any]]:
    if comparison is None:
        return []
    return [{"field": field_label(f.field), "card": f.card_value, "register": f.register_value,
             "result": translate("CardDesk", "一致") if f.matches else translate("CardDesk", "不一致"),
             "ok": f.matches} for f in comparison.fields]


def history_rows(events: Sequence[CardEventEntry]) -> list[dict[str, Any]]:
    return [{"when": e.recorded_at[:16].replace("T", " "), "event": event_label(e.event),
             "state": translate("CardDesk", STATE_LABELS[e.state]), "reason": e.reason or "",
             "expiry": format_date(e.card_expiry) if e.card_expiry else "",
             "staff": e.staff_id or ""} for e in reversed(events)]


def comparison_model(registry: PersonalDataRegistry | None, parent: QObject) -> ComparisonModel:
    # 照合 beside the item: a long address must never push the verdict out of sight.
    return ComparisonModel([("field", translate("CardDesk", "項目")),
                            ("result", translate("CardDesk", "照合")),
                            ("card", translate("CardDesk", "カード")),
                            ("register", translate("CardDesk", "住民票"))], registry, parent)


def history_model(registry: PersonalDataRegistry | None, parent: QObject) -> PersonalTableModel:
    return PersonalTableModel([("when", translate("CardDesk", "日時")),
                               ("event", translate("CardDesk", "記録")),
                               ("state", translate("CardDesk", "状態")),
                               ("reason", translate("CardDesk", "理由")),
                               ("expiry", translate("CardDesk", "有効期限")),
                               ("staff", translate("CardDesk", "担当"))], registry, parent)


class EventReasonDialog(QDialog):
    """The reason for 一時停止 or 廃止: one of the usual ones, or typed. Built for each use
    (a lock rejects and empties it)."""

    reason_given = Signal(str)

    def __init__(self, event: CardEvent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_reason_dialog")
        self.setWindowTitle(translate("CardDesk", "%1の理由").replace("%1", event_label(event)))
        self.reason = QComboBox(self)
        self.reason.setObjectName("card_reason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for text in SUGGESTED_REASONS.get(event, ()):
            self.reason.addItem(translate("CardDesk", text), text)  # the register keeps Japanese
        self.reason.setCurrentIndex(-1)
        self.reason.setEditText("")
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        column = QVBoxLayout(self)
        self.warning: QLabel | None = None
        if event is CardEvent.REVOKE:
            # The one change that cannot be taken back: said before, and the button names it.
            self.warning = QLabel(translate(
                "CardDesk", "廃止したカードは元に戻せません（一時停止解除もできません）。"
                "この方が使うには新しいカードの交付が必要です。"), self)
            self.warning.setObjectName("card_revoke_warning")
            self.warning.setWordWrap(True)
            self.warning.setStyleSheet(ERROR_STYLE)
            column.addWidget(self.warning)
            ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
            ok.setText(translate("CardDesk", "廃止する"))
        column.addWidget(QLabel(translate("CardDesk", "理由を選ぶか入力してください。"), self))
        column.addWidget(self.reason)
        column.addWidget(self.error)
        column.addWidget(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.reason.setFocus()

    @Slot()
    def _accept(self) -> None:
        text = " ".join(self.reason.currentText().split())
        index = self.reason.findText(text)
        if index >= 0 and self.reason.itemData(index):
            text = str(self.reason.itemData(index))
        if not text:
            self.error.setText(translate("CardDesk", "理由を入力してください。"))
            return
        self.reason.setEditText("")
        self.accept()
        self.reason_given.emit(text)
