"""Where the move form shows the flow's errors and warnings: each under the item its path names
(`persons[1].family_name_kana` in the second person's section), what no item claims at the top,
named by its item's label; and which item the clerk is taken to first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.workflows.errors import FORM
from ui.moves.form_order import tab_position
from ui.moves.labels import field_label

if TYPE_CHECKING:
    from ui.moves.form import MoveFormView


def show_messages(form: MoveFormView, errors: Mapping[str, str], warnings: Mapping[str, str],
                  labels: Mapping[str, str]) -> None:
    placed: set[str] = set()
    warned: set[str] = set()
    for key, row in form.rows.items():
        row.show_error(errors.get(key))
        row.show_warning(warnings.get(key))
        if key in errors:
            placed.add(key)
        if key in warnings:
            warned.add(key)
    for part in (form.address, form.household):
        if part is not None:
            part.show_errors(dict(errors))
            placed |= {p for p in errors if p in part.rows}
    if form.members is not None:
        placed |= set(form.members.show_errors(errors))
    for i, editor in enumerate(form.editors):
        placed |= set(editor.show_errors(errors, f"persons[{i}]"))
        warned |= set(editor.show_warnings(warnings, f"persons[{i}]"))
    form.persons_error.setText(errors.get("persons", ""))
    placed.add("persons")
    rest = [_describe(path, message, labels) for path, message in errors.items() if path not in placed]
    form.banner.setText("\n".join(rest))
    form.banner.setVisible(bool(rest))
    loose = [_describe(p, m, labels) for p, m in warnings.items() if p not in warned]
    form.notice_warning.setText("\n".join(loose))


def _describe(path: str, message: str, labels: Mapping[str, str]) -> str:
    """A message shown away from its item, named by the item's label."""
    if path == FORM:
        return message
    name = path.rsplit(".", 1)[-1].split("[", 1)[0]
    return f"{field_label(labels.get(name, name))}: {message}"


def widget_for(form: MoveFormView, path: str) -> QWidget | None:
    """The input the path names (or the section it belongs to), if the form shows it."""
    if path in form.rows:
        return form.rows[path]
    for part in (form.address, form.household):
        if part is not None and path in part.rows:
            return part.rows[path]
    head, _, rest = path.partition(".")
    if head.startswith("persons[") and head.endswith("]") and head[8:-1].isdigit():
        index = int(head[8:-1])
        if index < len(form.editors) and (not rest or rest in form.editors[index].rows):
            editor = form.editors[index]
            return editor.rows[rest] if rest else editor
        if form.members is not None:
            return form.members.widget_for(path)
    if head.startswith("remaining[") and form.members is not None:
        return form.members.widget_for(path)
    key = path.split(".", 1)[0]
    return form.rows.get(key)


def first_to_fix(form: MoveFormView, errors: Mapping[str, str],
                 warnings: Mapping[str, str]) -> QWidget | None:
    """The first item (in paper-form order) that has an error, else a warning."""
    for messages in (errors, warnings):
        targets = [w for w in (widget_for(form, p) for p in messages if p != FORM) if w is not None]
        if targets:
            return min(targets, key=lambda w: tab_position(form, w))
    return None
