"""APDU exchange with one card: counting, tracing, selection memory, PIN and file primitives.

The channel remembers which application and EF are selected so that no SELECT is sent twice;
that memory is only trusted inside one PC/SC transaction (session.py forgets it at the start
of each), because between transactions another program may have talked to the card.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from cardreader import apdu, tlv, trace
from cardreader.apdu import Command, Response
from cardreader.errors import (
    CardError,
    CardTimeoutError,
    MalformedDataError,
    PinBlockedError,
    Secret,
    UnexpectedStatusError,
    WrongPinError,
)
from cardreader.protocol import (
    HEADER_READ,
    READ_CHUNK,
    SW_BLOCKED,
    SW_BLOCKED_ALT,
    SW_EOF_WARNING,
    SW_NOT_FOUND,
    SW_OK,
    SW_WRONG_OFFSET,
    SW_WRONG_P1P2,
    Application,
)
from cardreader.transport import Connection

_MAX_GET_RESPONSE = 64  # 61xx chains longer than this are a card gone wrong, not data


@dataclass(frozen=True, slots=True)
class PinState:
    tries_left: int | None  # None: verified earlier in this session, so the card gave no count
    blocked: bool

    def as_dict(self) -> dict[str, object]:
        return {"tries_left": self.tries_left, "blocked": self.blocked}


def wipe(buffer: bytearray | None) -> None:
    if buffer is not None:
        buffer[:] = bytes(len(buffer))


class CardChannel:
    def __init__(self, connection: Connection, *, deadline: float | None = None) -> None:
        self.connection = connection
        self.deadline = deadline  # time.monotonic() after which no further APDU is sent
        self.apdu_count = 0
        self._df: Application | None = None
        self._ef: int | None = None

    # -- raw exchange -------------------------------------------------------------------------

    def forget_selection(self) -> None:
        self._df = None
        self._ef = None

    def transmit(self, cmd: Command) -> Response:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise CardTimeoutError(detail=f"deadline passed before {cmd.label or 'command'}")
        response = self._exchange(cmd)
        sw1 = response.sw >> 8
        if sw1 == 0x6C and cmd.le is not None:  # wrong Le: the card says how many
            response = self._exchange(
                Command(
                    cmd.cla,
                    cmd.ins,
                    cmd.p1,
                    cmd.p2,
                    cmd.data,
                    le=response.sw2 or 256,
                    label=cmd.label,
                )
            )
            sw1 = response.sw >> 8
        if sw1 != 0x61:
            return response
        data = bytearray(response.data)
        rounds = 0
        while response.sw >> 8 == 0x61:  # more data waiting: fetch it with GET RESPONSE
            rounds += 1
            if rounds > _MAX_GET_RESPONSE:
                raise MalformedDataError(detail="endless GET RESPONSE chain")
            response = self._exchange(apdu.get_response(response.sw2 or 256))
            data += response.data
        return Response(bytes(data), response.sw)

    def _exchange(self, cmd: Command) -> Response:
        raw = cmd.encode()
        tracing = trace.enabled()
        start = time.perf_counter() if tracing else 0.0
        try:
            answer = self.connection.transmit(raw)
        except CardError as exc:
            if tracing:
                trace.failure(cmd, exc.code, time.perf_counter() - start)
            raise
        finally:
            if cmd.sensitive:
                wipe(raw)
        self.apdu_count += 1
        response = Response.parse(answer)
        if tracing:
            trace.exchange(cmd, response.sw, len(response.data), time.perf_counter() - start)
        return response

    # -- selection ----------------------------------------------------------------------------

    def select_application(self, app: Application) -> bool:
        """Select an AP; False if the card does not have it."""
        if self._df is app:
            return True
        response = self.transmit(apdu.select_df(app.aid, app.key))
        self._ef = None
        if response.ok:
            self._df = app
            return True
        self._df = None  # a failed SELECT leaves the card's choice undefined for our purposes
        if response.sw in (SW_NOT_FOUND, SW_WRONG_P1P2):
            return False
        raise UnexpectedStatusError(response.sw, f"select {app.key}")

    def require_application(self, app: Application) -> None:
        if not self.select_application(app):
            raise UnexpectedStatusError(SW_NOT_FOUND, f"select {app.key}")

    def select_file(self, fid: int) -> None:
        if self._ef == fid:
            return
        response = self.transmit(apdu.select_ef(fid))
        if not response.ok:
            self._ef = None
            raise UnexpectedStatusError(response.sw, f"select ef {fid:04X}")
        self._ef = fid

    # -- PINs -----------------------------------------------------------------------------------

    def pin_state(self, key_ef: int, secret: Secret) -> PinState:
        """Tries left, by a VERIFY without data: it reports and spends nothing."""
        self.select_file(key_ef)
        response = self.transmit(apdu.verify(None, secret.name.lower()))
        if response.sw1 == 0x63 and response.sw2 & 0xF0 == 0xC0:
            tries = response.sw2 & 0x0F
            return PinState(tries_left=tries, blocked=tries == 0)
        if response.sw in (SW_BLOCKED, SW_BLOCKED_ALT):
            return PinState(tries_left=0, blocked=True)
        if response.ok:  # already verified in this session: the card does not tell a count
            return PinState(tries_left=None, blocked=False)
        raise UnexpectedStatusError(response.sw, f"tries {key_ef:04X}")

    def verify(self, key_ef: int, value: bytearray, secret: Secret) -> None:
        """VERIFY `value` against `key_ef`; `value` is overwritten whatever happens."""
        try:
            self.select_file(key_ef)
            response = self.transmit(apdu.verify(value, secret.name.lower()))
        finally:
            wipe(value)
        if response.ok:
            return
        if response.sw1 == 0x63 and response.sw2 & 0xF0 == 0xC0:
            tries = response.sw2 & 0x0F
            if tries == 0:  # this very attempt used the last try
                raise PinBlockedError(secret)
            raise WrongPinError(secret, tries)
        if response.sw in (SW_BLOCKED, SW_BLOCKED_ALT):
            raise PinBlockedError(secret)
        raise UnexpectedStatusError(response.sw, f"verify {key_ef:04X}")

    # -- files ----------------------------------------------------------------------------------

    def read_chunk(self, offset: int, length: int) -> bytes:
        """One READ BINARY; fewer bytes (or none) at the end of the file."""
        response = self.transmit(apdu.read_binary(offset, length))
        if response.ok or response.sw == SW_EOF_WARNING:
            if len(response.data) > length:
                raise MalformedDataError(
                    detail=f"READ BINARY returned {len(response.data)} > Le {length}"
                )
            return response.data
        if response.sw == SW_WRONG_OFFSET:
            return b""
        raise UnexpectedStatusError(response.sw, f"read binary at {offset}")

    def read_exact(self, fid: int, size: int) -> bytes:
        self.select_file(fid)
        data = bytearray()
        while len(data) < size:
            chunk = self.read_chunk(len(data), min(READ_CHUNK, size - len(data)))
            if not chunk:
                raise MalformedDataError(detail=f"EF {fid:04X}: {len(data)} of {size} bytes")
            data += chunk
        return bytes(data)

    def read_tlv_file(self, fid: int, *, max_size: int) -> tuple[tlv.Header, bytes]:
        """A file holding one TLV: the header first, then exactly the declared rest.

        Returns the header and the bytes read, which are shorter than the header declares only
        if the file itself ended early (the caller decides whether what is there suffices).
        """
        self.select_file(fid)
        head = self.read_chunk(0, HEADER_READ)
        header = tlv.parse_header(head)
        total = header.size + header.length
        if total > max_size:
            raise MalformedDataError(
                detail=f"EF {fid:04X} declares {total} bytes (limit {max_size})"
            )
        data = bytearray(head[:total])
        while len(data) < total:
            chunk = self.read_chunk(len(data), min(READ_CHUNK, total - len(data)))
            if not chunk:
                break
            data += chunk
        return header, bytes(data)


def expect_ok(response: Response, step: str) -> Response:
    if response.sw != SW_OK:
        raise UnexpectedStatusError(response.sw, step)
    return response
