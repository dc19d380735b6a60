"""No copying of sensitive fields: Ctrl+C / Ctrl+X (and their platform variants), the context
menu, drag and drop, and X11's select-to-copy are all refused for a guarded widget.

QLineEdit's copy() and QAbstractItemView's Ctrl+C are C++ internals that a Python override
cannot reach, so the guard is an event filter on the widget: the key never arrives.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_T = QEvent.Type
_COPYING_KEYS: Final = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut)
GUARD_NAME: Final = "madoguchi_copy_guard"


class CopyGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (_T.KeyPress, _T.ShortcutOverride) and isinstance(event, QKeyEvent):
            if any(event.matches(key) for key in _COPYING_KEYS):
                if kind == _T.ShortcutOverride:
                    event.accept()  # keep an application-wide Copy action from firing instead
                return True
        if kind == _T.ContextMenu:
            return True
        if kind in (_T.DragEnter, _T.DragMove, _T.Drop):
            return True
        if (kind == _T.MouseButtonRelease and QGuiApplication.clipboard().supportsSelection()
                and isinstance(watched, QLineEdit | QTextEdit | QPlainTextEdit)):
            # On X11 the release copies the selection to the primary selection; the press
            # already placed the cursor, so skipping the release loses nothing else.
            return True
        return False

    @Slot()
    def drop_selection_copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard.supportsSelection() and clipboard.ownsSelection():
            clipboard.clear(QClipboard.Mode.Selection)


def guard_against_copy(widget: QWidget) -> QWidget:
    """Make `widget` (and the viewport of an item view) refuse every way of copying its text."""
    if widget.findChild(CopyGuard, GUARD_NAME) is not None:
        return widget
    guard = CopyGuard(widget)
    guard.setObjectName(GUARD_NAME)
    widget.installEventFilter(guard)
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    widget.setAcceptDrops(False)
    if isinstance(widget, QLineEdit):
        widget.setDragEnabled(False)
        widget.selectionChanged.connect(lambda: QTimer.singleShot(0, guard.drop_selection_copy))
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        widget.viewport().installEventFilter(guard)
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        widget.copyAvailable.connect(lambda _: QTimer.singleShot(0, guard.drop_selection_copy))
    elif isinstance(widget, QAbstractItemView):
        widget.setDragEnabled(False)
        widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        widget.viewport().installEventFilter(guard)
    elif isinstance(widget, QLabel):
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return widget


class SensitiveLineEdit(QLineEdit):
    """A line edit for an individual number or a code: typed and read, never copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        guard_against_copy(self)
