"""What the card layer needs from a reader stack, whatever implements it.

Modelled on Electrum's hardware-wallet clients: an interface the protocol code talks to, one
implementation over PC/SC (cardreader/pcsc.py). The virtual card is *not* another
implementation: it sits behind pcscd like a hardware card, so tests exercise this very code.

Implementations are not thread-safe; cardreader/service.py calls them from one thread only.
Every failure is raised as a cardreader.errors.CardError subclass.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReaderStatus:
    name: str
    card_present: bool
    atr: bytes | None = None
    mute: bool = False  # a card is there but does not answer (upside down, dirty contacts)


class Connection(ABC):
    """A connected card in one reader."""

    reader: str
    atr: bytes

    @abstractmethod
    def transmit(self, apdu: bytes | bytearray) -> bytearray:
        """Send one command APDU, return the response including its status word."""

    @abstractmethod
    def begin_transaction(self) -> None:
        """Keep other applications off the card until end_transaction."""

    @abstractmethod
    def end_transaction(self, *, reset: bool = False) -> None:
        """Let others in again; with reset the card forgets every verified PIN first."""

    @abstractmethod
    def close(self, *, reset: bool = False) -> None:
        """Disconnect; with reset the card drops every verified PIN and selection."""


class Transport(ABC):
    @abstractmethod
    def list_readers(self) -> list[str]:
        """Reader names; empty when none is connected."""

    @abstractmethod
    def reader_statuses(self) -> list[ReaderStatus]:
        """Every reader with whether a card is in it, without waiting."""

    @abstractmethod
    def connect(self, reader: str) -> Connection: ...

    @abstractmethod
    def close(self) -> None: ...
