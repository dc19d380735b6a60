"""Operations on the card in one reader, each complete or failed as a whole.

Each operation runs inside one PC/SC transaction, sends the fewest APDUs the card allows (the
channel skips SELECTs of what is already selected) and builds its result only once every read
and parse has succeeded. After an operation that presented a PIN or 照合番号 the card is reset,
so that no other program on the terminal finds the application unlocked.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Protocol

from cardreader.aps import card_face, input_support, jpki
from cardreader.channel import CardChannel, PinState
from cardreader.errors import (
    CardError,
    CardRemovedError,
    PinBlockedError,
    PinEntryCancelledError,
    ReaderGoneError,
    Secret,
    UnexpectedStatusError,
)
from cardreader.identify import identify, identify_other, not_a_my_number_card
from cardreader.models import BasicInfo, CardFace, CardKind, CertificateInfo, ProbeResult
from cardreader.pins import check_pin, match_key_a, match_key_b
from cardreader.protocol import SW_NOT_FOUND, Application
from cardreader.transport import Connection

log = logging.getLogger(__name__)


class PinHandler(Protocol):
    """What a card operation needs from a person (Electrum's handler): the UI implements it.

    Called on the card-I/O thread; a Qt implementation emits a signal and waits on an event.
    Return the PIN as a bytearray (it is wiped after VERIFY) or None if the clerk cancelled.
    """

    def get_pin(self, secret: Secret, tries_left: int) -> bytearray | None: ...


class CardSession:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.channel = CardChannel(connection)
        self.deadline: float | None = None  # time.monotonic(); set by the service per job
        self.defer_cleanup = False
        self._pending_reset: bool | None = None  # an operation's transaction still to end

    @property
    def reader(self) -> str:
        return self.connection.reader

    @property
    def apdu_count(self) -> int:
        return self.channel.apdu_count

    @contextmanager
    def _operation(self, *, unlocks: bool = False) -> Iterator[CardChannel]:
        self.finish()  # a cleanup still pending from the previous operation comes first
        ch = self.channel
        ch.deadline = self.deadline
        ch.forget_selection()
        self.connection.begin_transaction()
        try:
            yield ch
        except BaseException as failure:
            ch.deadline = None
            ch.forget_selection()
            # Whatever state the card was left in, drop it; but a card that left is not reset:
            # that reset could reach the next card put into the reader.
            gone = isinstance(failure, (CardRemovedError, ReaderGoneError))
            try:
                self.connection.end_transaction(reset=not gone)
            except CardError as exc:
                log.debug("end transaction after a failure: %s", exc.code)
            raise
        ch.deadline = None
        if unlocks:
            ch.forget_selection()
        self._pending_reset = unlocks
        if not self.defer_cleanup:
            self.finish()

    def finish(self) -> None:
        """End the last operation's transaction (resetting the card if it was unlocked).

        With `defer_cleanup` the service calls this right after handing the result over, so
        the caller does not wait for the reset; the transaction is held until then, so no
        other program gets at the unlocked card in between.
        """
        reset, self._pending_reset = self._pending_reset, None
        if reset is not None:
            self.connection.end_transaction(reset=reset)

    # -- without PIN --------------------------------------------------------------------------

    def identify(self) -> CardKind:
        with self._operation() as ch:
            return identify(ch)

    def probe(self) -> ProbeResult:
        """Card kind, applications, tries of every PIN, certificate validity. No PIN asked."""
        with self._operation() as ch:
            apps = {
                Application.CARD_FACE.key: ch.select_application(Application.CARD_FACE),
                Application.JUKI.key: ch.select_application(Application.JUKI),
                Application.INPUT_SUPPORT.key: ch.select_application(Application.INPUT_SUPPORT),
            }
            pins: dict[str, PinState] = {}
            certificate: CertificateInfo | None = None
            if apps[Application.INPUT_SUPPORT.key]:
                kind = CardKind.MY_NUMBER
                pins["input_support_pin"] = input_support.pin_state(ch)
                apps[Application.JPKI.key] = ch.select_application(Application.JPKI)
                if apps[Application.JPKI.key]:
                    pins["jpki_auth_pin"] = jpki.auth_pin_state(ch)
                    pins["jpki_sign_password"] = jpki.sign_password_state(ch)
                    certificate = self._auth_certificate_if_any(ch)
            else:
                kind = identify_other(ch)
                apps[Application.JPKI.key] = ch.select_application(Application.JPKI)
            return ProbeResult(
                kind=kind,
                atr=self.connection.atr,
                applications=apps,
                pins=pins,
                auth_certificate=certificate,
            )

    @staticmethod
    def _auth_certificate_if_any(ch: CardChannel) -> CertificateInfo | None:
        try:
            return jpki.read_auth_certificate(ch)
        except UnexpectedStatusError as exc:
            if exc.sw == SW_NOT_FOUND:  # no certificate issued on this card
                return None
            raise

    def pin_states(self) -> dict[str, PinState]:
        with self._operation() as ch:
            self._require_my_number(ch)
            return {
                "input_support_pin": input_support.pin_state(ch),
                "jpki_auth_pin": jpki.auth_pin_state(ch),
                "jpki_sign_password": jpki.sign_password_state(ch),
            }

    def read_auth_certificate(self) -> CertificateInfo:
        with self._operation() as ch:
            if not ch.select_application(Application.JPKI):
                raise not_a_my_number_card(ch)
            return jpki.read_auth_certificate(ch)

    # -- with PIN or 照合番号 -----------------------------------------------------------------

    def read_basic(self, pin: bytearray) -> BasicInfo:
        """PIN → the individual number and the four basic items. `pin` is wiped."""
        check_pin(pin)
        with self._operation(unlocks=True) as ch:
            self._require_my_number(ch, pin)
            input_support.verify_pin(ch, pin)
            return self._basic_after_verify(ch)

    def read_basic_interactive(self, handler: PinHandler) -> BasicInfo:
        """As read_basic, asking `handler` for the PIN with the tries left shown."""
        with self._operation(unlocks=True) as ch:
            self._require_my_number(ch)
            state = input_support.pin_state(ch)
            if state.blocked:
                raise PinBlockedError(Secret.INPUT_SUPPORT_PIN)
            pin = handler.get_pin(Secret.INPUT_SUPPORT_PIN, state.tries_left or 0)
            if pin is None:
                raise PinEntryCancelledError()
            input_support.verify_pin(ch, pin)
            return self._basic_after_verify(ch)

    @staticmethod
    def _basic_after_verify(ch: CardChannel) -> BasicInfo:
        number = input_support.read_number(ch)
        name, address, birth_date, sex = input_support.read_basic_items(ch)
        return BasicInfo(
            individual_number=number, name=name, address=address, birth_date=birth_date, sex=sex
        )

    def read_face(
        self, *, birth_date: date, expiry_year: int, security_code: bytearray
    ) -> CardFace:
        """照合番号B from what the clerk reads off the card → photo, dates, sex. Code wiped."""
        key = match_key_b(birth_date, expiry_year, security_code)
        try:
            with self._operation(unlocks=True) as ch:
                if not ch.select_application(Application.CARD_FACE):
                    raise not_a_my_number_card(ch)
                card_face.verify(ch, Secret.MATCH_KEY_B, key)
                return card_face.read_face(ch)
        finally:
            key[:] = bytes(len(key))

    def read_face_with_number(self, individual_number: str) -> CardFace:
        """照合番号A (the individual number, e.g. read with the PIN before) → the card face."""
        key = match_key_a(individual_number)
        try:
            with self._operation(unlocks=True) as ch:
                if not ch.select_application(Application.CARD_FACE):
                    raise not_a_my_number_card(ch)
                card_face.verify(ch, Secret.MATCH_KEY_A, key)
                return card_face.read_face(ch)
        finally:
            key[:] = bytes(len(key))

    def read_face_with_pin(self, pin: bytearray) -> tuple[BasicInfo, CardFace]:
        """PIN → number and four items, then 照合番号A → the card face, in one transaction."""
        check_pin(pin)
        with self._operation(unlocks=True) as ch:
            self._require_my_number(ch, pin)
            input_support.verify_pin(ch, pin)
            basic = self._basic_after_verify(ch)
            key = match_key_a(basic.individual_number)
            card_face.verify(ch, Secret.MATCH_KEY_A, key)
            return basic, card_face.read_face(ch)

    @staticmethod
    def _require_my_number(ch: CardChannel, pin: bytearray | None = None) -> None:
        if ch.select_application(Application.INPUT_SUPPORT):
            return
        if pin is not None:
            pin[:] = bytes(len(pin))
        raise not_a_my_number_card(ch)

    def close(self, *, reset: bool = True) -> None:
        try:
            self.finish()
        finally:
            self.connection.close(reset=reset)
