"""The keystroke benchmark's scripts: what a clerk's keys are, notice by notice, in the real
widgets of the counter workspace. Items the paper form leaves blank are skipped with Tab, or not
reached at all (Ctrl+N starts the next person from anywhere).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bench.clerk_keyboard import Keyboard, Word, date_keys, wait_until
from bench.clerk_subjects import Destination, Mover, Newcomer


def search_and_open(workspace: Any, kb: Keyboard, mover: Mover) -> None:
    """F6, the name in kana and the birth date, Enter; the row, Enter: the record is open."""
    from PySide6.QtCore import Qt

    page = workspace.search
    kb.key(Qt.Key.Key_F6)
    kb.ime(Word(mover.family_kana, mover.family_kana, kanji=False),
           Word(mover.given_kana, mover.given_kana, kanji=False), note="name (kana)")
    kb.key(Qt.Key.Key_Tab)
    kb.type(date_keys(mover.birth_date, "S"), note="birth date")
    kb.key(Qt.Key.Key_Return)

    def rows() -> list[str]:
        return [page.results.model.row(i)["id"] for i in range(page.results.model.rowCount())]

    wait_until(lambda: mover.atena in rows())
    position = rows().index(mover.atena)
    if position:
        kb.key(Qt.Key.Key_Down, times=position)
    shown = []
    page.record_shown.connect(lambda: shown.append(True))
    kb.key(Qt.Key.Key_Return)
    wait_until(lambda: bool(shown))


def tenkyo(workspace: Any, kb: Keyboard, move_date: date, to: Destination) -> None:
    """From the open record: F8, the 異動日, the postal code (the town follows), 番地, F10,
    Space (matches the paper), F10. 届出日 (today) and 届出人 (the person) are prefilled."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    moves = workspace.moves
    kb.key(Qt.Key.Key_F8, note="F8 この方の異動届")
    form = moves.form
    assert form is not None and form.address is not None
    wait_until(lambda: moves._towns is not None)
    kb.key(Qt.Key.Key_Tab, times=3, note="Tab to 異動日")
    assert QApplication.focusWidget() is form.rows["move_date"].editor.text_edit
    kb.type(date_keys(move_date, "R"), note="異動日")
    kb.key(Qt.Key.Key_Tab)
    kb.type(to.postal_code, note="郵便番号")
    assert form.address.town.text() == to.town_name
    kb.key(Qt.Key.Key_Tab, times=2, note="Tab to 番地")
    kb.type(to.address_detail, note="番地")
    review_and_commit(kb, moves)


def tennyu(workspace: Any, kb: Keyboard, persons: Sequence[Newcomer], move_date: date,
           to: Destination, previous: Sequence[Word]) -> None:
    """From the empty screen: F7, the kind (Alt+K, ↓ to 転入), 届出人 and its relationship, the
    異動日, the new address, the 前住所, then per person the required items and the codes from
    the 転出証明書 (Ctrl+N for the next), F10, Space, F10."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QComboBox

    from app.workflows.move_form import RELATIONSHIP_CHOICES

    moves = workspace.moves
    kb.key(Qt.Key.Key_F7)
    kb.key(Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier, note="Alt+K 届出の種類")
    kind: QComboBox = moves.kind
    assert QApplication.focusWidget() is kind
    steps = kind.findData("tennyu") - kind.currentIndex()
    kb.key(Qt.Key.Key_Down, times=steps, note="↓ 転入")
    form = moves.form
    assert form is not None and form.spec.kind == "tennyu" and form.address is not None
    wait_until(lambda: moves._towns is not None)
    assert QApplication.focusWidget() is form.rows["notified_on"].editor.text_edit
    head = persons[0]
    kb.key(Qt.Key.Key_Tab)
    kb.ime(head.family, head.given, note="届出人")
    kb.key(Qt.Key.Key_Tab)
    kb.ime(Word("本人", "ほんにん"), note="届出人との関係")
    kb.key(Qt.Key.Key_Tab)
    kb.type(date_keys(move_date, "R"), note="異動日")
    kb.key(Qt.Key.Key_Tab)
    kb.type(to.postal_code, note="郵便番号")
    assert form.address.town.text() == to.town_name
    kb.key(Qt.Key.Key_Tab, times=2)
    kb.type(to.address_detail, note="番地")
    # 方書 (none), 世帯 (a new one: the default), to 前住所.
    kb.key(Qt.Key.Key_Tab, times=3, note="Tab to 前住所")
    assert QApplication.focusWidget() is form.rows["previous_address"].editor
    kb.ime(*previous, note="前住所")
    kb.key(Qt.Key.Key_Tab, times=2, note="Tab to 異動者")
    for i, person in enumerate(persons):
        if i:
            kb.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, note="Ctrl+N 次の方")
        editor = form.editors[i]
        carried = editor.value().get("family_name") == person.family.text
        if carried:
            # The 氏 and its フリガナ came with Ctrl+N: the focus is on the 名.
            assert QApplication.focusWidget() is editor.rows["given_name"].editor
            assert editor.value().get("family_name_kana") == person.family_kana
            kb.ime(person.given, note="名")
        else:
            assert QApplication.focusWidget() is editor.rows["family_name"].editor
            kb.ime(person.family, note="氏")
            kb.key(Qt.Key.Key_Tab)
            kb.ime(person.given, note="名")
            kb.key(Qt.Key.Key_Tab)
            kb.ime(Word(person.family_kana, person.family_kana, kanji=False), note="氏（フリガナ）")
        kb.key(Qt.Key.Key_Tab, times=2 if carried else 1, note="Tab to 名（フリガナ）")
        kb.ime(Word(person.given_kana, person.given_kana, kanji=False), note="名（フリガナ）")
        kb.key(Qt.Key.Key_Tab)
        kb.type(date_keys(person.birth_date, "S"), note="生年月日")
        kb.key(Qt.Key.Key_Tab)
        kb.key(Qt.Key.Key_Down, times=int(person.sex), note="性別")
        kb.key(Qt.Key.Key_Tab)
        kb.key(Qt.Key.Key_Down, times=RELATIONSHIP_CHOICES.index(person.relationship) + 1, note="続柄")
        kb.key(Qt.Key.Key_Tab, times=2, note="Tab over 住民の種別")
        kb.type(person.resident_code, note="住民票コード")
        kb.key(Qt.Key.Key_Tab)
        kb.type(person.individual_number, note="個人番号")
    review_and_commit(kb, moves)


def review_and_commit(kb: Keyboard, moves: Any) -> None:
    """F10 to the review, the clerk ticks it as compared with the paper form, F10 commits."""
    from PySide6.QtCore import Qt

    from app.workflows.move_entry import MoveStep

    kb.key(Qt.Key.Key_F10, note="F10 確認へ")
    wait_until(lambda: moves.flow.step is not MoveStep.DRAFTING)
    assert moves.flow.step is MoveStep.REVIEW, (moves.flow.errors, moves.status.text())
    kb.key(Qt.Key.Key_Space, note="照合済み")
    kb.key(Qt.Key.Key_F10, note="F10 確定")
    wait_until(lambda: moves.flow.step is not MoveStep.COMMITTING)
    assert moves.flow.step is MoveStep.DONE, moves.review.problem.text()
