"""Everything that holds resident data in memory registers here, so that a lock can drop it all.

The order of the phases is KeePassXC's `DatabaseWidget::lock()`: in-flight work is disowned
first (a search answering after the lock must not refill a cleared view), then modal dialogs
close, the clipboard is cleared, editors and preview widgets are emptied, and the models are
swapped for empty ones. The caller shows the unlock page afterwards.

Holders are kept by weak reference: registering never keeps a widget or a model alive, and a
holder that is gone has nothing left to drop.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Protocol, runtime_checkable

log = logging.getLogger(__name__)


class ClearPhase(IntEnum):
    IN_FLIGHT = 0  # background operations whose results must be discarded
    DIALOGS = 10  # modal dialogs and popups
    CLIPBOARD = 20
    VIEWS = 30  # editors, labels, previews
    MODELS = 40  # item models and the objects behind them
    OTHER = 50


@runtime_checkable
class PersonalDataHolder(Protocol):
    def clear_personal_data(self) -> None:
        """Drop every piece of resident data held; must not fail for an already empty holder."""


@runtime_checkable
class Concealable(Protocol):
    def conceal_personal_data(self) -> None:
        """Hide what was revealed on an explicit action (a full individual number)."""


@dataclass
class DropReport:
    cleared: int = 0
    failed: list[str] = field(default_factory=list)  # type names only: never the data

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class _Entry:
    ref: weakref.ref[PersonalDataHolder]
    phase: ClearPhase
    order: int


class PersonalDataRegistry:
    def __init__(self) -> None:
        self._entries: list[_Entry] = []
        self._counter = 0

    def register(
        self, holder: PersonalDataHolder, phase: ClearPhase = ClearPhase.VIEWS
    ) -> Callable[[], None]:
        """Register `holder`; returns a function that unregisters it."""
        if not isinstance(holder, PersonalDataHolder):
            raise TypeError(f"{type(holder).__name__} has no clear_personal_data()")
        if self._find(holder) is None:
            self._counter += 1
            self._entries.append(_Entry(weakref.ref(holder), phase, self._counter))

        def unregister() -> None:
            self.unregister(holder)

        return unregister

    def unregister(self, holder: PersonalDataHolder) -> None:
        entry = self._find(holder)
        if entry is not None:
            self._entries.remove(entry)

    def holders(self) -> list[PersonalDataHolder]:
        """The live holders in the order they are cleared."""
        self._prune()
        ordered = sorted(self._entries, key=lambda e: (e.phase, e.order))
        return [h for h in (e.ref() for e in ordered) if h is not None]

    def __len__(self) -> int:
        return len(self.holders())

    def drop_all(self) -> DropReport:
        """Clear every holder in phase order. A failing holder never stops the others."""
        return self._drop(self.holders())

    def drop_phase(self, phase: ClearPhase) -> DropReport:
        """Clear the holders of one phase only: the clipboard when the next customer comes."""
        self._prune()
        ordered = sorted((e for e in self._entries if e.phase is phase), key=lambda e: e.order)
        return self._drop([h for h in (e.ref() for e in ordered) if h is not None])

    def _drop(self, holders: list[PersonalDataHolder]) -> DropReport:
        report = DropReport()
        for holder in holders:
            try:
                holder.clear_personal_data()
            except RuntimeError as exc:
                # PySide raises RuntimeError for a wrapper whose C++ object was deleted: such
                # a widget shows nothing any more; forget it. Any other RuntimeError counts.
                if "already deleted" in str(exc):
                    self.unregister(holder)
                    continue
                report.failed.append(type(holder).__name__)
                log.error("clearing personal data failed: holder=%s error=%s",
                          type(holder).__name__, type(exc).__name__)
            except Exception as exc:
                report.failed.append(type(holder).__name__)
                log.error("clearing personal data failed: holder=%s error=%s",
                          type(holder).__name__, type(exc).__name__)
            else:
                report.cleared += 1
        return report

    def conceal_all(self) -> None:
        """On every shield: holders that reveal on request (Concealable) mask again."""
        for holder in self.holders():
            if isinstance(holder, Concealable):
                try:
                    holder.conceal_personal_data()
                except Exception as exc:
                    log.error("concealing failed: holder=%s error=%s",
                              type(holder).__name__, type(exc).__name__)

    def _find(self, holder: PersonalDataHolder) -> _Entry | None:
        for entry in self._entries:
            if entry.ref() is holder:
                return entry
        return None

    def _prune(self) -> None:
        self._entries = [e for e in self._entries if e.ref() is not None]
