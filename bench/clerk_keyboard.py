"""The keystroke benchmark's clerk at the keyboard: key events sent to the focused widget and
counted, and Japanese text committed as an input method commits it.

Every key event sent is one keystroke. Japanese text is counted as a clerk types it with a
romaji IME: the romaji of its reading, plus Space (convert) and Enter (commit) per kanji word,
or Enter alone for kana (the form folds hiragana to katakana itself).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import jaconv

from app.workflows.dates import short_wareki

KANA_COMMIT = 1  # Enter
KANJI_COMMIT = 2  # Space, Enter


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
