"""Keystrokes and time for a clerk at the 窓口: a one-person 転居 (after the search) and a
four-person 転入 (from an empty screen), typed into the real widgets (offscreen) of the counter
workspace against a real registry seeded with a synthetic city.

Every key event the script sends is one keystroke. Japanese text goes in as an input method
commits it, counted as a clerk types it with a romaji IME: the romaji of its reading, plus
Space (convert) and Enter (commit) per kanji word, or Enter alone for kana (the form folds
hiragana to katakana itself). Items the paper form leaves blank are skipped with Tab, or not
reached at all (Ctrl+N starts the next person from anywhere).

The baseline is the same notice made by the API calls the screens make (draft, commit),
without the screens: the ratio is what the keyboard-driven UI adds on this machine. The wall
time of the scripted run is the machine's: a clerk's own typing and reading come on top.

`python -m bench keystrokes` runs it; tests/ui_counter/test_keystrokes.py drives the same
scripts and holds the 転居 under 40 keystrokes.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jaconv

from app.domain import clock, individual_number, resident_code
from app.domain.wareki import ERAS
from app.workflows.dates import short_wareki

KANA_COMMIT = 1  # Enter
KANJI_COMMIT = 2  # Space, Enter
GOAL_TENKYO = 40


def romaji_keys(reading: str) -> int:
    """Keys of a reading typed in romaji (Hepburn, as the IME takes it)."""
    return len(jaconv.kana2alphabet(jaconv.kata2hira(reading)))


@dataclass(frozen=True)
class Word:
    """Japanese text as the IME commits it: its reading and whether it is converted to kanji."""

    text: str
    reading: str
    kanji: bool = True

    @property
    def keys(self) -> int:
        return romaji_keys(self.reading) + (KANJI_COMMIT if self.kanji else KANA_COMMIT)


@dataclass
class Keyboard:
    """Sends key events to the focused widget, as a keyboard does, and counts them."""

    count: int = 0
    log: list[str] = field(default_factory=list)

    def _target(self) -> Any:
        from PySide6.QtWidgets import QApplication

        widget = QApplication.focusWidget()
        if widget is None:
            raise AssertionError("nothing has the keyboard focus")
        return widget

    def key(self, key: Any, modifier: Any = None, times: int = 1, note: str = "") -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        for _ in range(times):
            QTest.keyClick(self._target(), key, modifier or Qt.KeyboardModifier.NoModifier)
            self.count += 1
            settle()
        self.log.append(f"{times}× {note or str(getattr(key, 'name', key)).removeprefix('Key_')}")

    def type(self, text: str, note: str = "") -> None:
        from PySide6.QtTest import QTest

        assert text.isascii(), "ASCII only: Japanese goes through ime()"
        QTest.keyClicks(self._target(), text)
        self.count += len(text)
        settle()
        self.log.append(f"{len(text)}× {note or 'type'}")

    def ime(self, *words: Word, note: str = "") -> None:
        """Commit `words` (separated by the full-width space the clerk types) as an IME does."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QInputMethodEvent

        keys = sum(w.keys for w in words) + (len(words) - 1)
        event = QInputMethodEvent("", [])
        event.setCommitString("\u3000".join(w.text for w in words))
        QCoreApplication.sendEvent(self._target(), event)
        self.count += keys
        settle()
        self.log.append(f"{keys}× {note or 'IME'}")


def settle() -> None:
    """Let the event loop run, as it does between a person's keystrokes."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get there in time")
        QTest.qWait(5)


def date_keys(value: date, default_era: str) -> str:
    """What a clerk types for a date: without the era letter when the era box already has it."""
    text = short_wareki(value)
    return text[1:] if text[0] == default_era else text


# -- the clerks' scripts ------------------------------------------------------------------------


@dataclass(frozen=True)
class Mover:
    atena: str
    family_kana: str
    given_kana: str
    birth_date: date


@dataclass(frozen=True)
class Destination:
    postal_code: str  # names one town
    town_name: str
    address_detail: str


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

    from app.workflows.move_entry import MoveStep

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
    kb.key(Qt.Key.Key_F10, note="F10 確認へ")
    wait_until(lambda: moves.flow.step is not MoveStep.DRAFTING)
    assert moves.flow.step is MoveStep.REVIEW, (moves.flow.errors, moves.status.text())
    kb.key(Qt.Key.Key_Space, note="照合済み")
    kb.key(Qt.Key.Key_F10, note="F10 確定")
    wait_until(lambda: moves.flow.step is not MoveStep.COMMITTING)
    assert moves.flow.step is MoveStep.DONE, moves.review.problem.text()


@dataclass(frozen=True)
class Newcomer:
    family: Word
    given: Word
    family_kana: str
    given_kana: str
    birth_date: date
    sex: str  # "1" | "2"
    relationship: str
    resident_code: str
    individual_number: str


def tennyu(workspace: Any, kb: Keyboard, persons: Sequence[Newcomer], move_date: date,
           to: Destination, previous: Sequence[Word]) -> None:
    """From the empty screen: F7, the kind (Alt+K, ↓ to 転入), 届出人 and its relationship, the
    異動日, the new address, the 前住所, then per person the required items and the codes from
    the 転出証明書 (Ctrl+N for the next), F10, Space, F10."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QComboBox

    from app.workflows.move_entry import MoveStep
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
    kb.key(Qt.Key.Key_F10, note="F10 確認へ")
    wait_until(lambda: moves.flow.step is not MoveStep.DRAFTING)
    assert moves.flow.step is MoveStep.REVIEW, (moves.flow.errors, moves.status.text())
    kb.key(Qt.Key.Key_Space, note="照合済み")
    kb.key(Qt.Key.Key_F10, note="F10 確定")
    wait_until(lambda: moves.flow.step is not MoveStep.COMMITTING)
    assert moves.flow.step is MoveStep.DONE, moves.review.problem.text()


# -- synthetic people and places -----------------------------------------------------------------

FAMILY: tuple[Word, ...] = (
    Word("試験", "しけん"), Word("見本", "みほん"), Word("架空", "かくう"), Word("仮名", "かめい"),
)
GIVEN: tuple[tuple[Word, str, str], ...] = (  # (name, sex, relationship)
    (Word("太郎", "たろう"), "1", "世帯主"), (Word("花子", "はなこ"), "2", "妻"),
    (Word("一郎", "いちろう"), "1", "子"), (Word("桜", "さくら"), "2", "子"),
)
PREVIOUS: tuple[Word, ...] = (Word("東京都千代田区千代田", "とうきょうとちよだくちよだ"), Word("1-1", "1-1", kanji=False))


def newcomers(rng: random.Random, today: date) -> list[Newcomer]:
    family = rng.choice(FAMILY)
    ages = (42, 40, 12, 9)
    out = []
    for (given, sex, relationship), age in zip(GIVEN, ages, strict=True):
        birth = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
        out.append(Newcomer(
            family, given, jaconv.hira2kata(family.reading), jaconv.hira2kata(given.reading),
            birth, sex, relationship,
            resident_code.make(f"{rng.randrange(10**9, 10**10)}"),
            individual_number.make(f"{rng.randrange(10**10, 10**11)}"),
        ))
    return out


def newcomer_body(persons: Sequence[Newcomer], move_date: date, town_code: str, detail: str) -> dict[str, Any]:
    """The 転入 the screens send, for the API baseline."""
    return {
        "kind": "tennyu", "notified_on": clock.today().isoformat(), "move_date": move_date.isoformat(),
        "notifier_name": f"{persons[0].family.text}\u3000{persons[0].given.text}",
        "notifier_relationship": "本人",
        "address": {"town_code": town_code, "address_detail": detail},
        "household": {"mode": "new"}, "previous_address": "東京都千代田区千代田1-1",
        "persons": [{"family_name": p.family.text, "given_name": p.given.text,
                     "family_name_kana": p.family_kana, "given_name_kana": p.given_kana,
                     "birth_date": p.birth_date.isoformat(), "sex": p.sex,
                     "relationship": p.relationship, "resident_type": "japanese",
                     "resident_code": p.resident_code, "individual_number": p.individual_number}
                    for p in persons],
    }


def movers_living_alone(engine: Any, count: int) -> list[tuple[Mover, str]]:
    """(Mover, town_code) of Japanese residents who live alone, born in the 昭和 era or later."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from registry.models import Person, PersonVersion

    showa = next(e for e in ERAS if e.name == "昭和").start
    with Session(engine) as session:
        alone = (select(PersonVersion.household_id)
                 .join(Person, Person.current_version_id == PersonVersion.id)
                 .where(PersonVersion.removed_on.is_(None))
                 .group_by(PersonVersion.household_id).having(func.count() == 1).subquery())
        rows = session.execute(
            select(Person.atena_number, PersonVersion)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(PersonVersion.household_id.in_(select(alone.c.household_id)),
                   PersonVersion.resident_type == "japanese", PersonVersion.processing_stop.is_(False),
                   PersonVersion.birth_date >= showa)
            .order_by(Person.atena_number)
        ).all()
        out = [(Mover(atena, v.family_name_kana, v.given_name_kana, v.birth_date), v.town_code)
               for atena, v in rows]
    if len(out) < count:
        raise LookupError("not enough residents living alone")
    return out[:count]


def destination(engine: Any, not_town: str, detail: str) -> tuple[Destination, str]:
    """A town whose postal code names it alone (the postal code fills it), and its code."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from registry.models import Town

    with Session(engine) as session:
        towns = session.execute(select(Town.town_code, Town.name, Town.postal_code)
                                .order_by(Town.town_code)).all()
    by_postal: dict[str, int] = {}
    for _, _, postal in towns:
        by_postal[postal] = by_postal.get(postal, 0) + 1
    code, name, postal = next(t for t in towns if t[0] != not_town and by_postal[t[2]] == 1)
    return Destination(postal, name, detail), code


# -- the run ------------------------------------------------------------------------------------


@dataclass
class Measure:
    keystrokes: int
    seconds: float
    log: list[str]


def _workspace(api: Any) -> tuple[Any, Any, Any]:
    from app.session.personal_data import ClearPhase, PersonalDataRegistry
    from ui.counter.workspace import CounterServices, CounterWorkspace
    from ui.operations import OperationRunner

    personal = PersonalDataRegistry()
    runner = OperationRunner()
    personal.register(runner, ClearPhase.IN_FLIGHT)
    workspace = CounterWorkspace(CounterServices(api, runner, personal, can_view_number=False))
    workspace.resize(1200, 800)
    workspace.show()
    workspace.activateWindow()
    wait_until(lambda: bool(workspace.moves.flow.specs))
    workspace.show_search()
    return workspace, runner, personal


def run(residents: int = 3000, rounds: int = 3) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.registry_api import RegistryApi
    from app.registry_client import ClientConfig, RegistryClient
    from bench import register
    from registry.db import make_engine
    from tests.support.registry_process import PASSWORD, RegistryProcess

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-keystrokes-"))
    made = register.fresh(work, "sqlite", residents, None, "keystrokes", seed=5)
    server = RegistryProcess(state=made.state, db_url=made.db_url)
    server.start()
    engine = make_engine(made.db_url)
    client = RegistryClient(ClientConfig(
        base_url=server.base_url, ca_file=server.ca_cert,
        client_cert=server.terminal_dir / "terminal.pem",
        client_key=server.terminal_dir / "terminal-key.pem", timeout_s=30, retries=1, backoff_s=0.1))
    try:
        client.login("t-clerk", PASSWORD)
        api = RegistryApi(client)
        rng = random.Random(17)
        today = clock.today()
        move_date = today - timedelta(days=3)
        movers = movers_living_alone(engine, 2 * rounds)
        results: dict[str, list[Measure]] = {"search": [], "tenkyo": [], "tennyu": []}
        baseline: dict[str, list[float]] = {"tenkyo": [], "tennyu": []}
        for r in range(rounds):
            # The UI: one fresh workspace per notice, as after a login.
            mover, town = movers[2 * r]
            to, _ = destination(engine, town, f"{r + 1}-{r + 2}")
            workspace, runner, _ = _workspace(api)
            search_kb, kb = Keyboard(), Keyboard()
            t0 = time.perf_counter()
            search_and_open(workspace, search_kb, mover)
            t1 = time.perf_counter()
            tenkyo(workspace, kb, move_date, to)
            t2 = time.perf_counter()
            results["search"].append(Measure(search_kb.count, t1 - t0, search_kb.log))
            results["tenkyo"].append(Measure(kb.count, t2 - t1, kb.log))
            workspace.close()
            workspace.deleteLater()
            runner.shutdown()

            workspace, runner, _ = _workspace(api)
            kb = Keyboard()
            persons = newcomers(rng, today)
            to, town_code = destination(engine, "", f"{r + 10}-1")
            t0 = time.perf_counter()
            tennyu(workspace, kb, persons, move_date, to, PREVIOUS)
            results["tennyu"].append(Measure(kb.count, time.perf_counter() - t0, kb.log))
            workspace.close()
            workspace.deleteLater()
            runner.shutdown()
            app.processEvents()

            # The baseline: the same notices through the API alone.
            other, other_town = movers[2 * r + 1]
            _, code = destination(engine, other_town, "")
            body = {"kind": "tenkyo", "notified_on": today.isoformat(), "move_date": move_date.isoformat(),
                    "address": {"town_code": code, "address_detail": f"{r + 1}-9"},
                    "household": {"mode": "same"}, "persons": [{"id": other.atena}]}
            t0 = time.perf_counter()
            review = api.create_move(body, idempotency_key=os.urandom(16).hex())
            api.commit_move(review.id, idempotency_key=os.urandom(16).hex())
            baseline["tenkyo"].append(time.perf_counter() - t0)
            body = newcomer_body(newcomers(rng, today), move_date, town_code, f"{r + 20}-1")
            t0 = time.perf_counter()
            review = api.create_move(body, idempotency_key=os.urandom(16).hex())
            api.commit_move(review.id, idempotency_key=os.urandom(16).hex())
            baseline["tennyu"].append(time.perf_counter() - t0)
        client.logout()
    finally:
        client.close()
        engine.dispose()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)

    def median(values: list[float]) -> float:
        ordered = sorted(values)
        return ordered[len(ordered) // 2]

    out: dict[str, Any] = {"residents": residents, "rounds": rounds, "date": today.isoformat()}
    for name, measures in results.items():
        counts = sorted(m.keystrokes for m in measures)
        out[name] = {
            "keystrokes": measures[0].keystrokes,
            "keystrokes_min": counts[0],
            "keystrokes_max": counts[-1],
            "seconds_median": median([m.seconds for m in measures]),
            "log": measures[0].log,
        }
    for name, seconds in baseline.items():
        out[name]["api_seconds_median"] = median(seconds)
        out[name]["ui_over_api"] = out[name]["seconds_median"] / median(seconds)
    print(f"[keystrokes] 転居 {out['tenkyo']['keystrokes']} keys, 転入 {out['tennyu']['keystrokes']} keys",
          file=sys.stderr)
    return out


def _keys(row: dict[str, Any]) -> str:
    low, high = row.get("keystrokes_min", row["keystrokes"]), row.get("keystrokes_max", row["keystrokes"])
    return str(low) if low == high else f"{low}–{high}"


def render_markdown(data: dict[str, Any]) -> str:
    from bench.report import machine

    tenkyo_keys = data["tenkyo"].get("keystrokes_max", data["tenkyo"]["keystrokes"])
    lines = [
        f"Measured {data['date']} on {machine()}; registry on SQLite with {data['residents']:,} "
        f"residents; median of {data['rounds']} rounds.",
        "",
        "| notice | keystrokes | scripted wall time s | same notice by API only s | UI/API |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| search and open the record (F6 … Enter) | {_keys(data['search'])} | "
        f"{data['search']['seconds_median']:.2f} | — | — |",
    ]
    for name, title in (("tenkyo", "one-person 転居, after the search"),
                        ("tennyu", "four-person 転入, from an empty screen")):
        d = data[name]
        lines.append(f"| {title} | {_keys(d)} | {d['seconds_median']:.2f} | "
                     f"{d['api_seconds_median']:.3f} | {d['ui_over_api']:.1f} |")
    lines += [
        "",
        f"Goal: a 転居 in under {GOAL_TENKYO} keystrokes after the search: "
        f"{'met' if tenkyo_keys < GOAL_TENKYO else 'not met'} ({tenkyo_keys}).",
        "",
        "The 転居's keys: " + ", ".join(data["tenkyo"]["log"]) + ".",
    ]
    return "\n".join(lines)
