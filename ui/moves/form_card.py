"""What a card read brings to the move form (カードから入力): the card's items into the person's
section and the notice (前住所); then, on a 特例転入, the 転出証明書情報 waiting for the card's
name and birth date, asked of the registry off the UI thread, filled in when one matches and
offered when several do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.registry_api import TransferNoticeSummary
from app.workflows.card_fill import (
    NOTICE_FIELD,
    NoticeFinder,
    card_fill,
    looks_up_notice,
    match_notices,
    notice_lookup,
)
from app.workflows.dates import format_date
from app.workflows.errors import problem_of
from cardreader.models import BasicInfo
from ui.counter.inputs import editor_value, set_editor_value
from ui.i18n import translate
from ui.moves.card_fill import CardFillPanel, received_on
from ui.moves.edits import clear_messages
from ui.moves.person import PersonEditor
from ui.moves.values import has_value
from ui.operations import OperationRunner

if TYPE_CHECKING:
    from ui.moves.form import MoveFormView


class FormCardFill:
    def __init__(self, form: MoveFormView, notices: NoticeFinder | None,
                 runner: OperationRunner | None) -> None:
        """`notices` and `runner`: where a card read on a 特例転入 looks for the person's
        転出証明書情報 (the registry), and what runs that call off the UI thread."""
        self._form = form
        self._notices = notices if runner is not None and looks_up_notice(form.spec) else None
        self._runner = runner

    def fill(self, editor: PersonEditor, info: BasicInfo) -> None:
        """The card's items into `editor` and the notice (前住所); then the first item the
        card left empty (the フリガナ) has the focus, for the clerk to go on and check."""
        if editor not in self._form.editors:
            return
        fill = card_fill(self._form.spec, info)
        editor.set_value({**editor.value(), **fill.person})
        for key in fill.person:
            clear_messages(editor.rows[key])
        for key, value in fill.notice.items():
            set_editor_value(self._form.rows[key].editor, value)
            clear_messages(self._form.rows[key])
        editor.show_card_items(fill.shown)
        empty = next((row for key, row in editor.rows.items()
                      if key not in fill.person and not has_value(editor_value(row.editor))), None)
        target = empty or editor.first_widget()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._look_up_notice(editor, info)

    def _look_up_notice(self, editor: PersonEditor, info: BasicInfo) -> None:
        """Ask the registry for the notices waiting for the card's name and birth date, unless
        the clerk already named one (what was typed is never replaced)."""
        row = editor.rows.get(NOTICE_FIELD)
        panel = editor.findChild(CardFillPanel)
        if (self._notices is None or self._runner is None or row is None or panel is None
                or has_value(editor_value(row.editor))):
            return
        panel.say_notice(translate("MoveCard", "転出証明書情報を照会しています…"))
        (self._runner.operation(notice_lookup(self._notices, info), parent=editor)
            .success(lambda found: self._notices_found(editor, panel, found))
            .failure(lambda error: self._notice_failed(editor, panel, error))
            .run_in_background())

    def _notices_found(self, editor: PersonEditor, panel: CardFillPanel,
                       found: tuple[TransferNoticeSummary, ...]) -> None:
        row = editor.rows[NOTICE_FIELD]
        if editor not in self._form.editors:
            return
        typed = str(editor_value(row.editor) or "").strip().lower()
        if typed:
            # The clerk typed a notice meanwhile (theirs stands), or an earlier read filled it.
            if typed not in {n.id for n in found}:
                panel.say_notice("")
            return
        taken = [str(e.value().get(NOTICE_FIELD) or "") for e in self._form.editors if e is not editor]
        match = match_notices(found, taken)
        if match.only is not None:
            focus = QApplication.focusWidget()
            # The focus moves on only from where the card read left it (the empty item).
            waiting = focus is None or focus is row.editor or row.isAncestorOf(focus)
            self._use_notice(editor, panel, match.only, move_focus=waiting)
        elif match.several:
            panel.say_notice(translate("MoveCard", "転出証明書情報が複数届いています。一覧から選んでください。"))
            panel.pick_notice(match.candidates,
                              lambda n: self._use_notice(editor, panel, n, move_focus=True),
                              lambda: self._notice_declined(editor, panel))
        else:
            panel.say_notice(translate(
                "MoveCard", "転出証明書情報が届いていません。転出元に確認してください。番号が分かる場合は欄に入力してください。"),
                error=True)

    def _use_notice(self, editor: PersonEditor, panel: CardFillPanel,
                    notice: TransferNoticeSummary, *, move_focus: bool) -> None:
        if editor not in self._form.editors:
            return
        row = editor.rows[NOTICE_FIELD]
        set_editor_value(row.editor, notice.id)
        clear_messages(row)
        panel.say_notice(
            translate("MoveCard", "転出証明書情報を入力しました（%1受信、転出元 %2、転出予定日 %3）。")
            .replace("%1", received_on(notice)).replace("%2", notice.from_municipality)
            .replace("%3", format_date(notice.planned_move_date)))
        if move_focus:
            following = next((r for r in editor.rows.values()
                              if not has_value(editor_value(r.editor))), None)
            if following is not None:
                following.setFocus(Qt.FocusReason.OtherFocusReason)

    def _notice_declined(self, editor: PersonEditor, panel: CardFillPanel) -> None:
        panel.say_notice(translate("MoveCard", "転出証明書情報を選びませんでした。欄に入力してください。"))
        row = editor.rows.get(NOTICE_FIELD)
        if editor in self._form.editors and row is not None:
            row.setFocus(Qt.FocusReason.OtherFocusReason)

    def _notice_failed(self, editor: PersonEditor, panel: CardFillPanel, error: Exception) -> None:
        if editor not in self._form.editors:
            return
        panel.say_notice(
            translate("MoveCard", "転出証明書情報を照会できませんでした（%1）。欄に入力してください。")
            .replace("%1", problem_of(error).message), error=True)
