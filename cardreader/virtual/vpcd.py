"""The card program's end of vsmartcard-vpcd's socket protocol, standard library only.

vpcd (the reader driver inside pcscd) listens on a TCP port per reader slot; a card program
connects to it, and the card is "inserted" for as long as the connection lasts. Every message
either way is a 2-byte big-endian length and a body. A 1-byte body from vpcd is a control code:
00 power off, 01 power on, 02 reset, 04 "send the ATR" (answered with the ATR, framed). Any
longer body is a command APDU, answered with the response APDU, framed.
"""

from __future__ import annotations

import logging
import socket
import struct
import threading
import time
from dataclasses import dataclass
from typing import Final

from cardreader.virtual.card import VirtualCard

log = logging.getLogger(__name__)

DEFAULT_HOST: Final = "127.0.0.1"
DEFAULT_PORT: Final = 35963  # vpcd's first slot, "Virtual PCD 00 00"
# A removal waits for vpcd to have been quiet this long, at most REMOVAL_WAIT_S (see remove).
QUIET_BEFORE_REMOVAL_S: Final = 0.3
REMOVAL_WAIT_S: Final = 2.0

CTRL_OFF: Final = 0x00
CTRL_ON: Final = 0x01
CTRL_RESET: Final = 0x02
CTRL_ATR: Final = 0x04


@dataclass
class Faults:
    """Misbehaviour on demand, changed by tests while the card is in the reader."""

    remove_after: int | None = None  # close the connection when this many more APDUs arrived
    delay_s: float = 0.0  # wait this long before every response
    delay_after: int = 0  # ... but only once this many more APDUs were answered normally


class VpcdCardClient:
    """Inserts `card` into the vpcd slot at host:port; `remove()` pulls it out again."""

    def __init__(
        self, card: VirtualCard, port: int = DEFAULT_PORT, host: str = DEFAULT_HOST
    ) -> None:
        self.card = card
        self.host = host
        self.port = port
        self.faults = Faults()
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._apdus_since_arm = 0
        self._lock = threading.Lock()
        self.removed = threading.Event()
        self._last_message = 0.0  # monotonic time of vpcd's last message to the card

    # -- control from the test or the demo ---------------------------------------------------

    def insert(self, timeout: float = 5.0) -> None:
        """Connect to vpcd (retrying while pcscd starts) and serve in a background thread."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket.create_connection((self.host, self.port), timeout=1.0)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        sock.settimeout(None)
        # vpcd writes the length and the body of a message separately; without quick ACKs the
        # second write waits for Nagle behind our delayed ACK: 40 ms per APDU instead of 0.2.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._quickack(sock)
        self.card.reset()
        self.removed.clear()
        self._sock = sock
        self._thread = threading.Thread(
            target=self._serve, args=(sock,), name="virtual-card", daemon=True
        )
        self._thread.start()

    def remove(self, *, quiet_for: float = QUIET_BEFORE_REMOVAL_S) -> None:
        """Pull the card out, once vpcd has sent nothing for `quiet_for` seconds (at most
        REMOVAL_WAIT_S): vpcd's driver, closed on in the middle of the power cycle that follows
        a PIN job's reset, misses the next card for tens of seconds, which a hand taking a
        card away never causes on a real reader. `quiet_for=0` pulls it at once; a removal in
        the middle of a read is `arm_removal`."""
        deadline = time.monotonic() + REMOVAL_WAIT_S
        while quiet_for > 0 and time.monotonic() < deadline:
            idle = time.monotonic() - self._last_message
            if idle >= quiet_for:
                break
            time.sleep(quiet_for - idle)
        sock, self._sock = self._sock, None
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)
        self._thread = None
        self.removed.set()

    def arm_removal(self, after_apdus: int) -> None:
        """Pull the card out when the `after_apdus`-th APDU from now arrives (unanswered)."""
        with self._lock:
            self._apdus_since_arm = 0
            self.faults.remove_after = after_apdus

    def slow_down(self, seconds: float, after_apdus: int = 0) -> None:
        with self._lock:
            self._apdus_since_arm = 0
            self.faults.delay_s = seconds
            self.faults.delay_after = after_apdus

    def clear_faults(self) -> None:
        with self._lock:
            self.faults = Faults()
            self._apdus_since_arm = 0

    # -- the protocol ---------------------------------------------------------------------------

    @staticmethod
    def _quickack(sock: socket.socket) -> None:
        quickack = getattr(socket, "TCP_QUICKACK", None)
        if quickack is not None:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, quickack, 1)
            except OSError:
                pass

    def _recv_exact(self, sock: socket.socket, size: int) -> bytes | None:
        buf = bytearray()
        while len(buf) < size:
            try:
                chunk = sock.recv(size - len(buf))
            except OSError:
                return None
            self._quickack(sock)  # Linux clears it after every receive
            if not chunk:
                return None
            buf += chunk
        return bytes(buf)

    @staticmethod
    def _send(sock: socket.socket, body: bytes) -> bool:
        try:
            sock.sendall(struct.pack(">H", len(body)) + body)
            return True
        except OSError:
            return False

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                head = self._recv_exact(sock, 2)
                if head is None:
                    return
                (length,) = struct.unpack(">H", head)
                body = self._recv_exact(sock, length)
                if body is None:
                    return
                self._last_message = time.monotonic()
                if length == 1:
                    if not self._control(sock, body[0]):
                        return
                    continue
                if not self._apdu(sock, body):
                    return
        finally:
            if self._sock is sock:
                self._sock = None
            try:
                sock.close()
            except OSError:
                pass
            self.removed.set()

    def _control(self, sock: socket.socket, code: int) -> bool:
        if code == CTRL_ATR:
            return self._send(sock, self.card.atr)
        if code in (CTRL_ON, CTRL_OFF, CTRL_RESET):
            self.card.reset()
        return True

    def _apdu(self, sock: socket.socket, command: bytes) -> bool:
        with self._lock:
            self._apdus_since_arm += 1
            count = self._apdus_since_arm
            faults = self.faults
        if faults.remove_after is not None and count >= faults.remove_after:
            log.debug("virtual card: removed on APDU %d", count)
            self.faults.remove_after = None
            self._sock = None  # _serve closes the socket on the way out: vpcd sees the card go
            return False
        if faults.delay_s and count > faults.delay_after:
            time.sleep(faults.delay_s)
            if self._sock is not sock:  # pulled out while it was thinking
                return False
        return self._send(sock, self.card.process(command))
