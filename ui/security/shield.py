"""The privacy shield: every window of the terminal covered by a blank overlay at once.

Covering is per top-level window (the main window, dialogs, a second window on another
screen): a child overlay fills each one, so nothing depends on a window manager stacking a
separate window correctly, and nothing depends on capture blocking (Linux has none). Popups
and tooltips are closed. While covered, an application-wide guard swallows every input event
so that nothing reaches the hidden widgets (no keystroke lands in a hidden field, no shortcut
fires); a deliberate input (a key or button press, the wheel) asks to return to work. The
shield key itself (and any key held down) does not.
"""

from __future__ import annotations

from typing import Final

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QVBoxLayout, QWidget

from app.session.states import InputKind
from ui.i18n import translate
from ui.security.inactivity import classify

SHIELD_KEY: Final = QKeySequence(Qt.Key.Key_F12)
SHIELD_COLOUR: Final = QColor(32, 48, 64)

_T = QEvent.Type
_SWALLOWED: Final = frozenset({
    _T.KeyPress, _T.KeyRelease, _T.ShortcutOverride, _T.Shortcut, _T.MouseButtonPress,
    _T.MouseButtonRelease, _T.MouseButtonDblClick, _T.MouseMove, _T.Wheel, _T.ContextMenu,
    _T.InputMethod, _T.TouchBegin, _T.TouchUpdate, _T.TouchEnd, _T.TabletPress, _T.TabletMove,
    _T.TabletRelease, _T.DragEnter, _T.DragMove, _T.Drop, _T.HoverEnter, _T.HoverMove,
    _T.NativeGesture,
})


class ShieldOverlay(QWidget):
    """An opaque child that fills its window and says how to return to work."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shield_overlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(translate("Shield", "画面を保護しています"), self)
        title.setObjectName("shield_title")
        hint = QLabel(translate("Shield", "キーを押すかクリックすると作業に戻ります。"), self)
        key = QLabel(translate("Shield", "F12: すぐに画面を保護"), self)
        for label in (title, hint, key):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("color: #e8eef4;")
            layout.addWidget(label)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        title.setFont(font)
        self.setAccessibleName(translate("Shield", "画面を保護しています"))
        self.setGeometry(window.rect())
        window.installEventFilter(self)

    def paintEvent(self, event: QPaintEvent) -> None:
        QPainter(self).fillRect(self.rect(), SHIELD_COLOUR)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() in (_T.Resize, _T.LayoutRequest):
            self.setGeometry(parent.rect())
            self.raise_()
        return False


class _InputGuard(QObject):
    """Swallows input everywhere while the shield is up; deliberate input asks to go back."""

    dismiss_requested = Signal()
    window_shown = Signal(QWidget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _T.Show and isinstance(watched, QWidget) and watched.isWindow():
            self.window_shown.emit(watched)
            return False
        if kind not in _SWALLOWED:
            return False
        if kind == _T.ShortcutOverride:
            event.accept()  # "the focus widget wants this key": no shortcut fires
            return True
        if classify(event) is InputKind.DELIBERATE and not _is_shield_key(event):
            self.dismiss_requested.emit()
        return True


def _is_shield_key(event: QEvent) -> bool:
    if not isinstance(event, QKeyEvent):
        return False
    return QKeySequence(event.keyCombination()) == SHIELD_KEY


class ShieldManager(QObject):
    shield_shown = Signal()  # every overlay is up and painted
    shield_hidden = Signal()
    dismiss_requested = Signal()

    def __init__(self, app: QApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._guard = _InputGuard(self)
        self._guard.dismiss_requested.connect(self.dismiss_requested)
        self._guard.window_shown.connect(self._cover_window)
        self._overlays: dict[int, ShieldOverlay] = {}
        self._focus: QWidget | None = None
        self._covered = False

    def is_covered(self) -> bool:
        return self._covered

    def overlays(self) -> list[ShieldOverlay]:
        return [o for o in self._overlays.values() if shiboken6.isValid(o)]

    @Slot()
    def cover(self) -> None:
        if self._covered:
            return
        self._covered = True
        self._focus = QApplication.focusWidget()
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            next_popup = QApplication.activePopupWidget()
            popup = None if next_popup is popup else next_popup
        QToolTip.hideText()
        self._app.installEventFilter(self._guard)
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                self._cover_window(window)
        active = QApplication.activeWindow()
        overlay = self._overlays.get(id(active)) if active is not None else None
        if overlay is not None:
            overlay.setFocus(Qt.FocusReason.OtherFocusReason)  # also ends an IME composition
        self.shield_shown.emit()

    @Slot()
    def uncover(self) -> None:
        if not self._covered:
            return
        self._covered = False
        self._app.removeEventFilter(self._guard)
        for overlay in self.overlays():
            overlay.hide()
            overlay.deleteLater()
        self._overlays.clear()
        focus, self._focus = self._focus, None
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible() and focus.isEnabled():
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.shield_hidden.emit()

    @Slot(QWidget)
    def _cover_window(self, window: QWidget) -> None:
        if not self._covered or isinstance(window, ShieldOverlay):
            return
        flags = window.windowType()
        if flags in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen):
            window.close()
            return
        existing = self._overlays.get(id(window))
        if existing is not None and shiboken6.isValid(existing):
            return
        overlay = ShieldOverlay(window)
        self._overlays[id(window)] = overlay
        overlay.show()
        overlay.raise_()
        # Painted now rather than at the next turn of the event loop: the shield must be up
        # before anything else runs (the benchmark measures this).
        overlay.repaint()
        QCoreApplication.sendPostedEvents(overlay)
