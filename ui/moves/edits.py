"""Knowing when the clerk edits an item: an error shown beside an item goes as soon as the
clerk changes that item (typing, picking, ticking), not when the form is sent again.

Only the signals of a person's edits are watched (textEdited, activated, clicked): a value the
form sets itself (a prefill, a card read) is not the clerk answering the error.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget

from ui.counter.inputs import FieldRow


def clear_messages(row: FieldRow) -> None:
    row.show_error(None)
    row.show_warning(None)


def clear_on_edit(row: FieldRow) -> None:
    """The row's error and warning go when the clerk edits its input."""
    watch_edits(row.editor, lambda: clear_messages(row))


def _inputs(widget: QWidget) -> list[QWidget]:
    found: list[QWidget] = [widget]
    found += widget.findChildren(QLineEdit)
    found += widget.findChildren(QComboBox)
    found += widget.findChildren(QAbstractButton)
    return found


def watch_edits(widget: QWidget, edited: Callable[[], None]) -> None:
    """Call `edited` whenever the clerk edits `widget` or any input inside it."""
    seen: set[int] = set()
    for child in _inputs(widget):
        if id(child) in seen:
            continue
        seen.add(id(child))
        if isinstance(child, QLineEdit):
            child.textEdited.connect(lambda _text: edited())
        elif isinstance(child, QComboBox):
            child.activated.connect(lambda _index: edited())
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            child.clicked.connect(lambda _checked: edited())
