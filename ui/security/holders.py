"""The Qt side of dropping resident data on lock, one holder per phase of KeePassXC's lock():
modal dialogs closed, the clipboard cleared, every editor and label emptied, caches cleared.
Models clear themselves (ui/widgets/personal_model.py)."""

from __future__ import annotations

from typing import Final, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QStringListModel, Qt, Slot
from PySide6.QtGui import QClipboard, QGuiApplication, QPixmapCache, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

PERSONAL: Final = "madoguchi_personal"  # a QLabel or QComboBox showing resident data
KEEP_ON_LOCK: Final = "madoguchi_keep_on_lock"  # an input that holds no resident data


W = TypeVar("W", bound=QWidget)


def mark_personal(widget: W) -> W:
    """Mark a label, a combo box or a tooltip-bearing widget as showing resident data."""
    widget.setProperty(PERSONAL, True)
    return widget


class ModalDialogCloser:
    """Phase DIALOGS: reject every visible dialog and close popups and menus.

    A rejected dialog still exists (its opener may hold it, or be inside its exec()), and so
    does one closed earlier but kept by its parent: everything every dialog shows is emptied,
    every label included, as a dialog's text is about the task at hand, a resident's. Dialogs
    that show resident data are therefore built for each use, not kept for reuse.
    """

    def clear_personal_data(self) -> None:
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            following = QApplication.activePopupWidget()
            popup = None if following is popup else following
        for window in QApplication.topLevelWidgets():
            if isinstance(window, QDialog) and not window.property(KEEP_ON_LOCK):
                if window.isVisible():
                    window.reject()
                for widget in [window, *window.findChildren(QWidget)]:
                    if not widget.property(KEEP_ON_LOCK):
                        clear_widget(widget, labels=True)


class ClipboardGuard(QObject):
    """Phase CLIPBOARD: clear what this application put on the clipboard.

    Only our own content is cleared (KeePassXC clears only what it copied): the clipboard is
    ours when Qt says so, or when it changed while this application was the active one.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = QGuiApplication.clipboard()
        self._ours = False
        self._clipboard.dataChanged.connect(self._on_changed)

    @Slot()
    def _on_changed(self) -> None:
        self._ours = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive

    def clear_personal_data(self) -> None:
        clipboard = self._clipboard
        if self._ours or clipboard.ownsClipboard():
            clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        self._ours = False


class WidgetTreeClearer:
    """Phase VIEWS: empty every editor under `root`, and every label marked personal.

    setText("") and QTextEdit.clear() also drop the undo history, so Ctrl+Z cannot bring a
    name back. Item models under the root that are plain Qt models are emptied too.
    """

    def __init__(self, root: QWidget) -> None:
        self._root = root

    def clear_personal_data(self) -> None:
        root = self._root
        if not shiboken6.isValid(root):
            return
        for widget in [root, *root.findChildren(QWidget)]:
            if widget.property(KEEP_ON_LOCK):
                continue
            clear_widget(widget)


def clear_widget(widget: QWidget, *, labels: bool = False) -> None:
    """Empty what `widget` shows; labels only if marked personal, or all with `labels`."""
    personal = labels or bool(widget.property(PERSONAL))
    if isinstance(widget, QLineEdit):
        widget.setText("")
        completer = widget.completer()
        if completer is not None and isinstance(completer.model(), QStringListModel):
            completer.model().setStringList([])  # type: ignore[attr-defined]
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        widget.clear()
        widget.document().clearUndoRedoStacks()
    elif isinstance(widget, QAbstractSpinBox):
        widget.clear()
    elif isinstance(widget, QComboBox):
        if personal:
            widget.clear()
        elif widget.isEditable():
            widget.clearEditText()
    elif isinstance(widget, QLabel) and personal:
        widget.clear()
    elif isinstance(widget, QAbstractItemView) and not _combo_list(widget):
        model = widget.model()
        if isinstance(model, QStandardItemModel):
            model.removeRows(0, model.rowCount())
        elif isinstance(model, QStringListModel):
            model.setStringList([])
    if labels and widget.isWindow():
        widget.setWindowTitle("")
    if personal:
        widget.setToolTip("")
        widget.setStatusTip("")
        widget.setAccessibleDescription("")


def _combo_list(view: QAbstractItemView) -> bool:
    """The popup list of a combo box (made the first time it is opened) shares the combo's
    model: emptying it would empty the choices. The combo's own branch decides."""
    parent = view.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


class PixmapCacheClearer:
    """Phase OTHER: Qt's in-memory pixmap cache may hold a face photo drawn once."""

    def clear_personal_data(self) -> None:
        QPixmapCache.clear()
