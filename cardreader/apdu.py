"""Command and response APDUs (ISO 7816-4 short form) and the commands the card needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, NamedTuple

_MAX_SHORT_LC: Final = 255
_MAX_SHORT_LE: Final = 256


@dataclass(frozen=True, slots=True)
class Command:
    cla: int
    ins: int
    p1: int
    p2: int
    data: bytes | bytearray = b""
    le: int | None = None  # 1..256; 256 is encoded as 00
    # What the trace shows instead of the data, e.g. "select input_support"
    label: str = ""
    # Data is a PIN or a 照合番号: the encoded buffer is wiped right after transmission.
    sensitive: bool = field(default=False)

    def __post_init__(self) -> None:
        if not (
            0 <= self.cla <= 0xFF
            and 0 <= self.ins <= 0xFF
            and 0 <= self.p1 <= 0xFF
            and 0 <= self.p2 <= 0xFF
        ):
            raise ValueError("CLA, INS, P1 and P2 are single bytes")
        if len(self.data) > _MAX_SHORT_LC:
            raise ValueError("data longer than a short APDU allows")
        if self.le is not None and not 1 <= self.le <= _MAX_SHORT_LE:
            raise ValueError("Le out of range")

    def encode(self) -> bytearray:
        """The APDU bytes, as a bytearray the caller can wipe."""
        out = bytearray((self.cla, self.ins, self.p1, self.p2))
        if self.data:
            out.append(len(self.data))
            out += self.data
        if self.le is not None:
            out.append(self.le & 0xFF)
        return out


class Response(NamedTuple):
    """Immutable like the Command; a tuple because one is built for every APDU (a frozen
    dataclass costs several times as much to construct)."""

    data: bytes
    sw: int

    @property
    def sw1(self) -> int:
        return self.sw >> 8

    @property
    def sw2(self) -> int:
        return self.sw & 0xFF

    @property
    def ok(self) -> bool:
        return self.sw == 0x9000

    @classmethod
    def parse(cls, raw: bytes | bytearray) -> Response:
        if len(raw) < 2:
            raise ValueError("response shorter than a status word")
        return cls(bytes(raw[:-2]), (raw[-2] << 8) | raw[-1])


@lru_cache(maxsize=64)  # commands are immutable; the handful of SELECTs are built once
def select_df(aid: bytes, label: str) -> Command:
    # P2 0C: no FCI wanted, which is what the card answers to without a 61xx detour.
    return Command(0x00, 0xA4, 0x04, 0x0C, aid, label=f"select {label}")


@lru_cache(maxsize=64)
def select_ef(fid: int) -> Command:
    return Command(0x00, 0xA4, 0x02, 0x0C, fid.to_bytes(2, "big"), label=f"select ef {fid:04X}")


def verify(secret: bytes | bytearray | None, label: str) -> Command:
    """VERIFY against the selected key EF; with no data it only asks for the tries left."""
    if secret is None:
        return Command(0x00, 0x20, 0x00, 0x80, label=f"tries {label}")
    return Command(0x00, 0x20, 0x00, 0x80, secret, label=f"verify {label}", sensitive=True)


@lru_cache(maxsize=256)  # immutable and without secrets: a file's chunks repeat on every read
def read_binary(offset: int, length: int) -> Command:
    if not 0 <= offset <= 0x7FFF:  # bit 8 of P1 set would mean a short EF id instead
        raise ValueError("READ BINARY offset out of range")
    return Command(0x00, 0xB0, offset >> 8, offset & 0xFF, le=length, label="read binary")


@lru_cache(maxsize=256)
def get_response(length: int) -> Command:
    return Command(0x00, 0xC0, 0x00, 0x00, le=length, label="get response")
