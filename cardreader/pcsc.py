"""The Transport over PC/SC, with pyscard's low-level `smartcard.scard` bindings.

The thin layer is chosen over pyscard's object API (CardConnection, observers) because it adds
no threads and no per-call overhead of its own, and because every return value is seen here,
so each PC/SC error becomes the one typed error the clerk should see.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Final

from smartcard import scard

from cardreader.errors import (
    CardCommunicationError,
    CardError,
    CardRemovedError,
    CardTimeoutError,
    NoCardError,
    NoReaderError,
    PcscUnavailableError,
    ReaderBusyError,
    ReaderGoneError,
)
from cardreader.transport import Connection, ReaderStatus, Transport

log = logging.getLogger(__name__)


def _u32(rv: int) -> int:
    # pyscard hands back LONG return values that may come out negative.
    return rv & 0xFFFFFFFF


OK: Final = 0
E_NO_SERVICE: Final = _u32(scard.SCARD_E_NO_SERVICE)
E_SERVICE_STOPPED: Final = _u32(scard.SCARD_E_SERVICE_STOPPED)
E_NO_READERS: Final = _u32(scard.SCARD_E_NO_READERS_AVAILABLE)
E_READER_UNAVAILABLE: Final = _u32(scard.SCARD_E_READER_UNAVAILABLE)
E_UNKNOWN_READER: Final = _u32(scard.SCARD_E_UNKNOWN_READER)
E_NO_SMARTCARD: Final = _u32(scard.SCARD_E_NO_SMARTCARD)
W_REMOVED_CARD: Final = _u32(scard.SCARD_W_REMOVED_CARD)
W_RESET_CARD: Final = _u32(scard.SCARD_W_RESET_CARD)
W_UNPOWERED: Final = _u32(scard.SCARD_W_UNPOWERED_CARD)
W_UNRESPONSIVE: Final = _u32(scard.SCARD_W_UNRESPONSIVE_CARD)
E_SHARING: Final = _u32(scard.SCARD_E_SHARING_VIOLATION)
E_TIMEOUT: Final = _u32(scard.SCARD_E_TIMEOUT)
E_INVALID_HANDLE: Final = _u32(scard.SCARD_E_INVALID_HANDLE)

_SERVICE_GONE: Final = frozenset({E_NO_SERVICE, E_SERVICE_STOPPED, E_INVALID_HANDLE})
_READER_GONE: Final = frozenset({E_READER_UNAVAILABLE, E_UNKNOWN_READER})
_CARD_GONE: Final = frozenset({E_NO_SMARTCARD, W_REMOVED_CARD})
# How long a failed transmit waits for pcscd to notice that the card left. pcscd polls the
# reader driver about every 400 ms; the error path may take this long, the good path never.
REMOVAL_SETTLE_MS: Final = 1500


def _describe(rv: int) -> str:
    return f"PC/SC {rv:08X}"


class PcscConnection(Connection):
    def __init__(
        self, transport: PcscTransport, reader: str, handle: Any, protocol: int, atr: bytes
    ) -> None:
        self._transport = transport
        self.reader = reader
        self.atr = atr
        self._handle = handle
        self._protocol = protocol
        self._open = True

    def transmit(self, apdu: bytes | bytearray) -> bytearray:
        if not self._open:
            raise CardCommunicationError(detail="transmit on a closed connection")
        command = list(apdu)
        try:
            rv, response = scard.SCardTransmit(self._handle, self._protocol, command)
        finally:
            command[:] = [0] * len(command)  # the list may hold a PIN's digits
        if rv == OK and len(response) >= 2:
            return bytearray(response)
        rv = _u32(rv)
        # vpcd answers a vanished card with an empty response and success; treat both that and
        # a failed transmit by asking the reader what happened.
        raise self._transport.explain_failure(self.reader, rv, during="transmit")

    def begin_transaction(self) -> None:
        rv = _u32(scard.SCardBeginTransaction(self._handle))
        if rv == W_RESET_CARD:
            # The card was reset since our last call: by our own reset after a PIN operation,
            # or by another program. Either way nothing of the old card state is relied on
            # (the session forgets its selection per operation): acknowledge and go on.
            rv, protocol = scard.SCardReconnect(
                self._handle,
                scard.SCARD_SHARE_SHARED,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
                scard.SCARD_LEAVE_CARD,
            )
            rv = _u32(rv)
            if rv == OK:
                self._protocol = protocol
                rv = _u32(scard.SCardBeginTransaction(self._handle))
        if rv != OK:
            raise self._transport.explain_failure(self.reader, rv, during="begin transaction")

    def end_transaction(self, *, reset: bool = False) -> None:
        if reset:
            # Reset through our own handle (SCardReconnect) rather than as the transaction's
            # disposition: pcsc-lite then does not report the reset back to this very handle,
            # which would cost a reconnect round trip at the start of the next operation.
            rv, protocol = scard.SCardReconnect(
                self._handle,
                scard.SCARD_SHARE_SHARED,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
                scard.SCARD_RESET_CARD,
            )
            rv = _u32(rv)
            if rv != OK:
                raise self._transport.explain_failure(self.reader, rv, during="reset")
            self._protocol = protocol
        rv = _u32(scard.SCardEndTransaction(self._handle, scard.SCARD_LEAVE_CARD))
        if rv != OK:
            raise self._transport.explain_failure(self.reader, rv, during="end transaction")

    def close(self, *, reset: bool = False) -> None:
        if not self._open:
            return
        self._open = False
        disposition = scard.SCARD_RESET_CARD if reset else scard.SCARD_LEAVE_CARD
        rv = _u32(scard.SCardDisconnect(self._handle, disposition))
        if rv != OK:
            log.debug("disconnect from %s: %s", self.reader, _describe(rv))


class PcscTransport(Transport):
    """One PC/SC context, re-established when pcscd was restarted underneath it."""

    def __init__(self) -> None:
        self._context: Any = None

    def _ctx(self) -> Any:
        if self._context is None:
            rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
            rv = _u32(rv)
            if rv != OK:
                raise PcscUnavailableError(detail=_describe(rv))
            self._context = context
        return self._context

    def _drop_context(self) -> None:
        if self._context is not None:
            scard.SCardReleaseContext(self._context)
            self._context = None

    def _call(self, fn: Any, *args: Any) -> tuple[int, Any]:
        """Run a context call; once more on a fresh context if pcscd restarted meanwhile."""
        for attempt in (1, 2):
            rv, *rest = fn(self._ctx(), *args)
            rv = _u32(rv)
            if rv in _SERVICE_GONE:
                self._drop_context()
                if attempt == 1:
                    try:
                        self._ctx()
                    except PcscUnavailableError:
                        break
                    continue
            return rv, (rest[0] if len(rest) == 1 else rest)
        return E_NO_SERVICE, None

    def list_readers(self) -> list[str]:
        rv, readers = self._call(scard.SCardListReaders, [])
        if rv == OK:
            return list(readers)
        if rv == E_NO_READERS:
            return []
        if rv in _SERVICE_GONE:
            raise PcscUnavailableError(detail=_describe(rv))
        raise CardCommunicationError(detail=f"list readers: {_describe(rv)}")

    def reader_statuses(self) -> list[ReaderStatus]:
        readers = self.list_readers()
        if not readers:
            return []
        states = [(name, scard.SCARD_STATE_UNAWARE) for name in readers]
        rv, result = self._call(scard.SCardGetStatusChange, 0, states)
        if rv in _SERVICE_GONE:
            raise PcscUnavailableError(detail=_describe(rv))
        if rv == E_UNKNOWN_READER:  # unplugged between the two calls: ask again next time
            return []
        if rv not in (OK, E_TIMEOUT):
            raise CardCommunicationError(detail=f"reader status: {_describe(rv)}")
        out = []
        for name, event_state, atr in result:
            if event_state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                continue
            present = bool(event_state & scard.SCARD_STATE_PRESENT)
            out.append(
                ReaderStatus(
                    name=name,
                    card_present=present,
                    atr=bytes(atr) if present and atr else None,
                    mute=bool(event_state & scard.SCARD_STATE_MUTE),
                )
            )
        return out

    def connect(self, reader: str) -> Connection:
        rv, result = self._call(
            scard.SCardConnect,
            reader,
            scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if rv == OK:
            handle, protocol = result
            rv, _name, _state, _protocol, atr_list = scard.SCardStatus(handle)
            atr = bytes(atr_list) if _u32(rv) == OK else b""
            return PcscConnection(self, reader, handle, protocol, atr)
        if rv in _SERVICE_GONE:
            raise PcscUnavailableError(detail=_describe(rv))
        if rv in _READER_GONE:
            raise NoReaderError(detail=f"connect {reader!r}: {_describe(rv)}")
        if rv in _CARD_GONE:
            raise NoCardError(detail=_describe(rv))
        if rv == E_SHARING:
            raise ReaderBusyError(detail=_describe(rv))
        if rv in (W_UNPOWERED, W_UNRESPONSIVE):
            raise CardCommunicationError(detail=f"card does not answer: {_describe(rv)}")
        raise CardCommunicationError(detail=f"connect: {_describe(rv)}")

    def explain_failure(self, reader: str, rv: int, *, during: str) -> CardError:
        """The typed error for a failed card call, after asking the reader what happened."""
        detail = f"{during}: {_describe(rv)}" if rv != OK else f"{during}: empty response"
        if rv in _SERVICE_GONE:
            return ReaderGoneError(detail=f"{detail} (PC/SC service gone)")
        if rv in _READER_GONE:
            return ReaderGoneError(detail=detail)
        if rv in _CARD_GONE:
            return CardRemovedError(detail=detail)
        if rv == E_TIMEOUT:
            return CardTimeoutError(detail=detail)
        state = self._settled_state(reader)
        if state == "reader_gone":
            return ReaderGoneError(detail=detail)
        if state == "card_gone":
            return CardRemovedError(detail=detail)
        if rv == W_RESET_CARD:
            return CardCommunicationError(detail=f"{detail} (reset by another application)")
        return CardCommunicationError(detail=detail)

    def _settled_state(self, reader: str) -> str:
        """'reader_gone', 'card_gone' or 'present', waiting briefly for pcscd to catch up."""
        deadline = time.monotonic() + REMOVAL_SETTLE_MS / 1000
        current = scard.SCARD_STATE_UNAWARE
        while True:
            remaining = int((deadline - time.monotonic()) * 1000)
            try:
                rv, result = self._call(
                    scard.SCardGetStatusChange, max(0, remaining), [(reader, current)]
                )
            except PcscUnavailableError:
                return "reader_gone"
            if rv in _SERVICE_GONE or rv in _READER_GONE:
                return "reader_gone"
            if rv not in (OK, E_TIMEOUT) or not result:
                return "present"
            _, event_state, _ = result[0]
            if event_state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                return "reader_gone"
            if event_state & scard.SCARD_STATE_EMPTY:
                return "card_gone"
            if rv == E_TIMEOUT or remaining <= 0:
                return "present"
            current = event_state & ~scard.SCARD_STATE_CHANGED

    def close(self) -> None:
        self._drop_context()
