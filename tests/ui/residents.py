"""A synthetic canary resident, and widgets full of her, to prove that a lock drops them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.privacy import canary_forms
from app.session import PersonalDataRegistry
from ui.security.holders import mark_personal
from ui.widgets.masked_number import MaskedNumberField
from ui.widgets.personal_model import PersonalTableModel

NAME = "鶴見 茜"
KANA = "ツルミ アカネ"
NUMBER = "472915308264"
RESIDENT_CODE = "83920174655"
ATENA = "4400172839"
ADDRESS = "大阪府寝屋川市池田旭町9-41"
BIRTH = date(1987, 3, 9)
CANARIES = canary_forms([NAME, KANA, NUMBER, RESIDENT_CODE, ATENA, ADDRESS, BIRTH])
# Widgets render the number grouped; the masked form keeps the last four digits on purpose.
CANARIES_ON_SCREEN = {c for c in CANARIES if c != NUMBER[-4:]}


@dataclass
class CounterWidgets:
    model: PersonalTableModel
    view: QTableView
    name_edit: QLineEdit
    address_label: QLabel
    notes: QPlainTextEdit
    number: MaskedNumberField
    dialog: QDialog


def fill_with_resident(page: QWidget, registry: PersonalDataRegistry, parent_window: QWidget) -> CounterWidgets:
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    model = PersonalTableModel(
        [("name", "氏名"), ("kana", "カナ"), ("birth", "生年月日"), ("address", "住所"), ("code", "住民票コード")],
        registry, parent=page,
    )
    model.set_rows([{"name": NAME, "kana": KANA, "birth": BIRTH.isoformat(), "address": ADDRESS,
                     "code": RESIDENT_CODE}])
    view = QTableView(page)
    view.setModel(model)
    name_edit = QLineEdit(page)
    name_edit.setText("鶴見")
    name_edit.insert(" 茜")  # an undo history that still holds the name
    address_label = mark_personal(QLabel(ADDRESS, page))
    address_label.setToolTip(KANA)
    notes = QPlainTextEdit(page)
    notes.setPlainText(f"{BIRTH.isoformat()} 宛名番号 {ATENA}")
    number = MaskedNumberField(registry, can_reveal=True, parent=page)
    number.set_masked(NUMBER[-4:])
    number.show_revealed(NUMBER)
    for widget in (view, name_edit, address_label, notes, number):
        layout.addWidget(widget)
    dialog = QDialog(parent_window)
    dialog.setWindowTitle(NAME)
    QVBoxLayout(dialog).addWidget(QLabel(f"{NAME}（{KANA}）を転出しますか", dialog))
    dialog.setModal(True)
    dialog.show()
    QGuiApplication.clipboard().setText(NAME)
    assert_resident_shown()
    return CounterWidgets(model, view, name_edit, address_label, notes, number, dialog)


def widget_texts() -> list[str]:
    """Everything any widget of the application holds as text (shown or not)."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts: list[str] = []
    for widget in QApplication.allWidgets():
        if not shiboken6.isValid(widget):
            continue
        texts += [widget.windowTitle(), widget.toolTip(), widget.statusTip(),
                  widget.accessibleName(), widget.accessibleDescription()]
        for getter in ("text", "toPlainText", "placeholderText", "currentText"):
            method = getattr(widget, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str):
                    texts.append(value)
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    value = model.data(model.index(row, column))
                    if value is not None:
                        texts.append(str(value))
        if isinstance(widget, QLineEdit) and widget.isUndoAvailable():
            texts.append("<undo available>")
    return texts


def resident_texts() -> list[str]:
    return [t for t in widget_texts() if any(c in t for c in CANARIES_ON_SCREEN)]


def assert_resident_shown() -> None:
    assert resident_texts(), "the canary resident should be on screen before the lock"


def assert_no_resident_text() -> None:
    found = resident_texts()
    assert not found, f"resident data still held by widgets: {found}"
