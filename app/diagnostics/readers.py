"""Card readers and what is in them, for the helpdesk: names, presence, card kind. No PIN is
asked, nothing is read from the card's applications, so nothing personal can come out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from cardreader.errors import CardError, PcscUnavailableError
from cardreader.transport import Transport

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReaderInfo:
    name: str
    card_present: bool
    mute: bool = False
    card_kind: str | None = None  # my_number / juki / unknown, when identified
    card_error: str | None = None  # the CardError code when identifying failed


@dataclass(frozen=True, slots=True)
class ReaderReport:
    service_available: bool
    readers: list[ReaderInfo] = field(default_factory=list)
    error_code: str | None = None
    error_message: str | None = None  # Japanese, for the clerk or helpdesk


def _pcsc_transport() -> Transport:
    from cardreader.pcsc import PcscTransport  # pyscard only when a real stack is used

    return PcscTransport()


def collect_readers(
    transport_factory: Callable[[], Transport] | None = None,
    *,
    identify_cards: bool = False,
    timeout_s: float = 5.0,
) -> ReaderReport:
    """The readers as PC/SC sees them now. Never raises: a missing pcscd is a finding."""
    try:
        transport = (transport_factory or _pcsc_transport)()
    except ImportError:
        return ReaderReport(False, error_code="pcsc_unavailable",
                            error_message="PC/SC ライブラリ（pyscard）が見つかりません。")
    except CardError as exc:
        return ReaderReport(False, error_code=exc.code, error_message=exc.message)
    try:
        statuses = transport.reader_statuses()
        readers = []
        for status in statuses:
            kind, error = None, None
            if identify_cards and status.card_present and not status.mute:
                kind, error = _identify(transport, status.name, timeout_s)
            readers.append(ReaderInfo(status.name, status.card_present, status.mute, kind, error))
        return ReaderReport(True, readers)
    except PcscUnavailableError as exc:
        return ReaderReport(False, error_code=exc.code, error_message=exc.message)
    except CardError as exc:
        return ReaderReport(True, error_code=exc.code, error_message=exc.message)
    finally:
        try:
            transport.close()
        except CardError as exc:
            log.debug("closing the diagnostic PC/SC context: %s", exc.code)


def _identify(transport: Transport, reader: str, timeout_s: float) -> tuple[str | None, str | None]:
    from cardreader.session import CardSession

    try:
        session = CardSession(transport.connect(reader))
    except CardError as exc:
        return None, exc.code
    try:
        session.deadline = time.monotonic() + timeout_s
        return session.identify().value, None
    except CardError as exc:
        return None, exc.code
    finally:
        try:
            session.close(reset=False)
        except CardError as exc:
            log.debug("closing the diagnostic card connection: %s", exc.code)
