"""The APDU trace for helpdesk diagnostics: headers and status words, data as lengths only.

Logged at DEBUG on the `cardreader.trace` logger, so it is off unless someone turns it on.
What a line can show is fixed here and nowhere else: CLA INS P1 P2, the lengths Lc and Le,
the label the code gave the command, the status word, the response length and the time.
Never a data byte: not the AID, not the PIN, not a byte of what the card returned.
"""

from __future__ import annotations

import logging
from typing import Final

from cardreader.apdu import Command

LOGGER_NAME: Final = "cardreader.trace"
log = logging.getLogger(LOGGER_NAME)


def command_line(cmd: Command) -> str:
    parts = [f"> {cmd.cla:02X} {cmd.ins:02X} {cmd.p1:02X} {cmd.p2:02X}"]
    if cmd.data:
        parts.append(f"Lc={len(cmd.data)} [{len(cmd.data)} bytes redacted]")
    if cmd.le is not None:
        parts.append(f"Le={cmd.le}")
    if cmd.label:
        parts.append(f"({cmd.label})")
    return " ".join(parts)


def response_line(sw: int, data_length: int, elapsed_s: float) -> str:
    body = f" [{data_length} bytes redacted]" if data_length else ""
    return f"< SW={sw:04X}{body} {elapsed_s * 1000:.2f} ms"


def enabled() -> bool:
    return log.isEnabledFor(logging.DEBUG)


def exchange(cmd: Command, sw: int, data_length: int, elapsed_s: float) -> None:
    log.debug("%s %s", command_line(cmd), response_line(sw, data_length, elapsed_s))


def failure(cmd: Command, code: str, elapsed_s: float) -> None:
    log.debug("%s < %s after %.2f ms", command_line(cmd), code, elapsed_s * 1000)
