"""The 窓口 workspace's screens: resident search and record, and move entry (form, errors at
their fields, review, conflict, result, the card fill of 特例転入). Typed with the keystroke
bench's clerk (bench/keystrokes.py), so the screens show what a clerk's keys produce."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.domain import clock, individual_number, resident_code
from app.workflows.move_entry import MoveStep
from bench.clerk_keyboard import Keyboard, Word, date_keys
from bench.clerk_scripts import search_and_open
from bench.clerk_subjects import Mover
from cardreader.models import BasicInfo, Name, Sex
from docs.screenshots.stage import Scene, Stage
from tests.ui_counter.subjects import Subject, other_town, pick_household_head


def _mover(subject: Subject) -> Mover:
    return Mover(subject.atena, subject.family_name_kana, subject.given_name_kana, subject.birth_date)


def _searched(stage: Stage) -> tuple[Any, Subject]:
    subject = pick_household_head(stage.engine)
    workspace = stage.counter(can_view_number=True)
    workspace.show_search()
    search_and_open(workspace, Keyboard(), _mover(subject))
    return workspace, subject


def search(stage: Stage) -> QWidget:
    subject = pick_household_head(stage.engine)
    workspace = stage.counter()
    workspace.show_search()
    page = workspace.search
    kb = Keyboard()
    kb.key(Qt.Key.Key_F6)
    kb.ime(Word(subject.family_name_kana, subject.family_name_kana, kanji=False))
    kb.key(Qt.Key.Key_Tab)
    kb.type(date_keys(subject.birth_date, "S"))
    kb.key(Qt.Key.Key_Return)
    stage.wait_until(lambda: page.results.model.rowCount() > 0)
    return workspace


def record(stage: Stage) -> QWidget:
    workspace, _ = _searched(stage)
    return workspace


def _tenkyo_form(stage: Stage, detail: str) -> tuple[Any, Subject, str]:
    workspace, subject = _searched(stage)
    kb = Keyboard()
    kb.key(Qt.Key.Key_F8)
    code, name, postal = other_town(stage.engine, subject.town_code)
    form = workspace.moves.form
    kb.key(Qt.Key.Key_Tab, times=3)
    kb.type(date_keys(clock.today() - timedelta(days=3), "R"))
    kb.key(Qt.Key.Key_Tab)
    kb.type(postal)
    kb.key(Qt.Key.Key_Tab, times=2)
    kb.type(detail)
    assert form is not None and form.address is not None and form.address.town.text() == name
    return workspace, subject, code


def tenkyo_form(stage: Stage) -> QWidget:
    workspace, _, _ = _tenkyo_form(stage, "3-4")
    return workspace


def _to_review(stage: Stage, workspace: Any) -> None:
    Keyboard().key(Qt.Key.Key_F10)
    stage.wait_until(lambda: workspace.moves.flow.step is not MoveStep.DRAFTING)
    assert workspace.moves.flow.step is MoveStep.REVIEW


def review(stage: Stage) -> QWidget:
    workspace, _, _ = _tenkyo_form(stage, "5-6")
    _to_review(stage, workspace)
    Keyboard().key(Qt.Key.Key_Space)
    return workspace


def conflict(stage: Stage) -> QWidget:
    workspace, subject, code = _tenkyo_form(stage, "7-8")
    _to_review(stage, workspace)
    # Another terminal records a 転居 of the same household meanwhile.
    today = clock.today().isoformat()
    everyone = [{"id": m.id} for m in stage.api.household(subject.household_number).members]
    with stage.server.client("t-clerk2") as other:
        draft = other.post("/v1/moves", json={
            "kind": "tenkyo", "notified_on": today, "move_date": today,
            "address": {"town_code": code, "address_detail": "99-99"},
            "household": {"mode": "same"}, "persons": everyone},
            headers={"Idempotency-Key": uuid.uuid4().hex})
        assert draft.status_code == 201, draft.text
        done = other.post(f"/v1/moves/{draft.json()['id']}/commit",
                          headers={"Idempotency-Key": uuid.uuid4().hex})
        assert done.status_code == 200, done.text
    kb = Keyboard()
    kb.key(Qt.Key.Key_Space)
    kb.key(Qt.Key.Key_F10)
    review_view = workspace.moves.review
    stage.wait_until(lambda: review_view.changes.rowCount() > 0)
    return workspace


def done(stage: Stage) -> QWidget:
    workspace, _, _ = _tenkyo_form(stage, "9-1")
    _to_review(stage, workspace)
    kb = Keyboard()
    kb.key(Qt.Key.Key_Space)
    kb.key(Qt.Key.Key_F10)
    stage.wait_until(lambda: workspace.moves.flow.step is MoveStep.DONE)
    return workspace


def _code(rng: random.Random) -> str:
    return resident_code.make(f"{rng.randrange(10**9, 10**10)}")


def tennyu_errors(stage: Stage) -> QWidget:
    """A 転入 of two whose second 住民票コード the register already has: the registry's refusal
    beside that item, in the second person's section."""
    taken = pick_household_head(stage.engine)
    rng = random.Random(3)
    workspace = stage.counter()
    moves = workspace.moves
    workspace.show_moves()
    moves.start("tennyu")
    form = moves.form
    town = moves._towns.towns[0]
    form.rows["notifier_name"].editor.setText("見本\u3000太郎")
    form.rows["notifier_relationship"].editor.setText("本人")
    form.rows["move_date"].editor.set_value((clock.today() - timedelta(days=2)).isoformat())
    form.address.set_value({"postal_code": town.postal_code, "town_code": town.code,
                            "address_detail": "2-3"})
    form.rows["previous_address"].editor.setText("東京都千代田区千代田1-1")
    people = [("太郎", "タロウ", date(1984, 5, 6), "1", "世帯主", _code(rng)),
              ("花子", "ハナコ", date(1986, 7, 8), "2", "妻", taken.resident_code)]
    for i, (given, kana, birth, sex, relationship, code) in enumerate(people):
        editor = form.editors[0] if i == 0 else form.add_person()
        editor.set_value({"family_name": "見本", "given_name": given, "family_name_kana": "ミホン",
                          "given_name_kana": kana, "birth_date": birth.isoformat(), "sex": sex,
                          "relationship": relationship, "resident_type": "japanese",
                          "resident_code": code})
    stage.settle()
    moves.next_step()
    stage.wait_until(lambda: moves.flow.step is MoveStep.EDITING and bool(moves.flow.errors))
    return workspace


def tokurei_card(stage: Stage) -> QWidget:
    """特例転入 after カードから入力: the number in its item, the card's four items beside the
    person. The card read itself runs over pcscd in tests/ui_counter/test_move_card_fill.py;
    here its (synthetic) result is handed to the form as the panel hands it."""
    from ui.card.bridge import CardBridge
    from ui.moves.page import MovePage

    bridge = CardBridge(personal_data=stage.personal_data)  # never started: no reader needed
    page = MovePage(stage.api, stage.runner, stage.personal_data, card=bridge)
    stage.show(page)
    stage.wait_until(lambda: bool(page.flow.specs) and page._towns is not None)
    page.start("tokurei_tennyu")
    form = page.form
    assert form is not None and form.address is not None
    town = page._towns.towns[1]  # type: ignore[union-attr]
    form.rows["move_date"].editor.set_value((clock.today() - timedelta(days=1)).isoformat())  # type: ignore[attr-defined]
    form.address.set_value({"postal_code": town.postal_code, "town_code": town.code,
                            "address_detail": "4-5"})
    editor = form.editors[0]
    editor.rows["transfer_notice_id"].editor.setText(uuid.UUID(int=7).hex)  # type: ignore[attr-defined]
    editor.rows["relationship"].editor.set_value("世帯主")  # type: ignore[attr-defined]
    card = BasicInfo(individual_number.make("12345678901"), Name("特例", "花子", "特例\u3000花子"),
                     "大阪府大阪市北区中之島一丁目３番２０号", date(1991, 11, 11), Sex.FEMALE)
    form.fill_from_card(editor, card)
    page.destroyed.connect(bridge.close)
    return page


SCENES: list[Scene] = [
    Scene("counter-search", "住民検索: カナ氏名と生年月日で検索した結果（個人番号は出ません）", search),
    Scene("counter-record", "住民票の記録: 世帯員、異動履歴、マスクされた個人番号", record),
    Scene("move-tenkyo-form", "転居の届出: 記録から F8、異動日・郵便番号・番地を入力", tenkyo_form),
    Scene("move-review", "届出内容の確認: 変更前と変更後、届書との照合チェック", review),
    Scene("move-conflict", "確定時の競合: 下書きの後に他の処理で変わった内容", conflict),
    Scene("move-done", "確定の結果", done),
    Scene("move-tennyu-field-error", "住基システムが拒否した項目: 2人目の住民票コードの横に表示", tennyu_errors),
    Scene("move-tokurei-card", "特例転入: カードから入力した個人番号とカードの記載", tokurei_card),
]
