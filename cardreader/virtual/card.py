"""The card's side of the APDU exchange: applications, files, keys with retry counters.

Standard library only. Behaviour follows ../shared/docs/card.md; where the real card's answer is
not documented the ISO 7816-4 one is given (6282 with the bytes there are when reading past
the end, 6B00 for an offset beyond it, 9000 for an empty VERIFY once verified).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Final

ATR_MY_NUMBER: Final = bytes.fromhex("3BE000FF8131FE4514")
# A contactless storage card as PC/SC part 3 presents one: something that is no My Number card.
ATR_STORAGE_CARD: Final = bytes.fromhex("3B8F8001804F0CA0000003060300010000000068")

SW_OK: Final = b"\x90\x00"
SW_EOF: Final = b"\x62\x82"
SW_WRONG_LENGTH: Final = b"\x67\x00"
SW_SECURITY: Final = b"\x69\x82"
SW_BLOCKED: Final = b"\x69\x84"
SW_NO_EF: Final = b"\x69\x86"
SW_NOT_FOUND: Final = b"\x6a\x82"
SW_WRONG_P1P2: Final = b"\x6a\x86"
SW_WRONG_OFFSET: Final = b"\x6b\x00"
SW_INS: Final = b"\x6d\x00"
SW_CLA: Final = b"\x6e\x00"


@dataclass
class Key:
    value: bytes
    tries: int
    max_tries: int

    @property
    def blocked(self) -> bool:
        return self.tries == 0


@dataclass
class App:
    files: dict[int, bytes] = field(default_factory=dict)
    keys: dict[int, Key] = field(default_factory=dict)
    # fid → key EFs any one of which opens it; files not listed are free to read
    access: dict[int, tuple[int, ...]] = field(default_factory=dict)


@dataclass
class CardContents:
    atr: bytes
    apps: dict[bytes, App]  # by AID


class VirtualCard:
    """One card; thread-safe so a test may change keys or files while it is in the reader."""

    def __init__(self, contents: CardContents) -> None:
        self.contents = contents
        self.lock = threading.Lock()
        self.apdus_seen = 0
        self._df: bytes | None = None
        self._ef: int | None = None
        self._verified: set[int] = set()

    @property
    def atr(self) -> bytes:
        return self.contents.atr

    def reset(self) -> None:
        with self.lock:
            self._df = None
            self._ef = None
            self._verified.clear()

    def app(self, aid: bytes) -> App:
        return self.contents.apps[aid]

    def process(self, command: bytes) -> bytes:
        with self.lock:
            self.apdus_seen += 1
            return self._process(command)

    # -- dispatch ---------------------------------------------------------------------------

    def _process(self, c: bytes) -> bytes:
        if len(c) < 4:
            return SW_WRONG_LENGTH
        cla, ins, p1, p2 = c[0], c[1], c[2], c[3]
        body = c[4:]
        data, le = b"", None
        if len(body) == 1:
            le = body[0] or 256
        elif len(body) > 1:
            lc = body[0]
            if len(body) == 1 + lc:
                data = body[1:]
            elif len(body) == 2 + lc:
                data, le = body[1 : 1 + lc], body[-1] or 256
            else:
                return SW_WRONG_LENGTH
        if cla != 0x00:
            return SW_CLA
        if ins == 0xA4:
            return self._select(p1, p2, data)
        if ins == 0x20:
            return self._verify(p1, p2, data)
        if ins == 0xB0:
            return self._read(p1, p2, le)
        return SW_INS

    def _select(self, p1: int, p2: int, data: bytes) -> bytes:
        if p1 == 0x04 and p2 == 0x0C:
            if data not in self.contents.apps:
                return SW_NOT_FOUND
            if data != self._df:
                self._verified.clear()  # security status belongs to the DF
            self._df, self._ef = data, None
            return SW_OK
        if p1 == 0x02 and p2 == 0x0C and len(data) == 2:
            if self._df is None:
                return SW_NOT_FOUND
            fid = int.from_bytes(data, "big")
            app = self.contents.apps[self._df]
            if fid not in app.files and fid not in app.keys:
                return SW_NOT_FOUND
            self._ef = fid
            return SW_OK
        return SW_WRONG_P1P2

    def _verify(self, p1: int, p2: int, data: bytes) -> bytes:
        if (p1, p2) != (0x00, 0x80):
            return SW_WRONG_P1P2
        if self._df is None or self._ef is None:
            return SW_NO_EF
        key = self.contents.apps[self._df].keys.get(self._ef)
        if key is None:
            return SW_NO_EF
        if key.blocked:
            return SW_BLOCKED
        if not data:
            if self._ef in self._verified:
                return SW_OK
            return bytes([0x63, 0xC0 | key.tries])
        if data == key.value:
            key.tries = key.max_tries
            self._verified.add(self._ef)
            return SW_OK
        key.tries -= 1
        self._verified.discard(self._ef)
        return bytes([0x63, 0xC0 | key.tries])

    def _read(self, p1: int, p2: int, le: int | None) -> bytes:
        if p1 & 0x80:  # short EF identifiers: not offered here
            return SW_WRONG_P1P2
        if le is None:
            return SW_WRONG_LENGTH
        if self._df is None or self._ef is None:
            return SW_NO_EF
        app = self.contents.apps[self._df]
        content = app.files.get(self._ef)
        if content is None:
            return SW_NO_EF
        needed = app.access.get(self._ef)
        if needed and not any(k in self._verified for k in needed):
            return SW_SECURITY
        offset = (p1 << 8) | p2
        if offset > len(content) or (offset == len(content) and content):
            return SW_WRONG_OFFSET
        length = le
        chunk = content[offset : offset + length]
        return chunk + (SW_OK if len(chunk) == length else SW_EOF)
