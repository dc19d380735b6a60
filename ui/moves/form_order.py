"""The move form's Tab order, the paper form's: the notice's items, then the persons (persons
added later included, which Qt's own chain loses), then 備考 at the foot."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ui.counter.inputs import focus_chain

if TYPE_CHECKING:
    from ui.moves.form import MoveFormView

FOOT: Final = frozenset({"reason", "late_reason"})  # 備考, at the foot of the paper form


def paper_order(form: MoveFormView) -> list[QWidget]:
    """The form's sections top to bottom; persons come before 備考 whenever they were added."""
    head = [row for key, row in form.rows.items() if key not in FOOT]
    foot = [row for key, row in form.rows.items() if key in FOOT]
    persons: list[QWidget] = [form.members] if form.members is not None else []
    persons += form.editors  # for picked persons: the checked ones only
    if form.add_button is not None:
        persons.append(form.add_button)
    return [*head, *persons, *foot]


def tab_stops(form: MoveFormView) -> list[QWidget]:
    """Every Tab stop of the form in paper-form order."""
    return [w for part in paper_order(form) for w in focus_chain(part)]


def tab_position(form: MoveFormView, widget: QWidget) -> int:
    chain = tab_stops(form)
    for i, stop in enumerate(chain):
        if stop is widget or widget.isAncestorOf(stop):
            return i
    return len(chain)


def next_stop(form: MoveFormView, forward: bool) -> QWidget | None:
    """Where Tab (or Shift+Tab) takes the focus inside the form, skipping what is disabled or
    hidden and wrapping around; None when the focus is on none of the form's stops."""
    stops = [w for w in tab_stops(form) if w.isEnabled() and w.isVisibleTo(form)
             and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    current = QApplication.focusWidget()
    at = -1
    for i, stop in enumerate(stops):
        if current is stop or (current is not None and stop.isAncestorOf(current)):
            at = i
            break
    if at < 0 or not stops:
        return None
    return stops[(at + (1 if forward else -1)) % len(stops)]
