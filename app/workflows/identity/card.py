"""The card step of the identity check: probe (tries left) → PIN → read → number checked by the
registry → the four items compared → optionally 照合番号B → the face photo judged by the clerk.

Each step hands out a *card job* (`CardJob[T]`, a function of a cardreader CardSession, which
the UI submits to the card service through ui/card/bridge.py and a test submits to a
CardService directly) or a registry job, and takes the outcome back through the method named
for it (`probed`, `card_read`, `number_checked`, `face_read` or `card_failed`).

What the card returned stays in memory only until it is compared: the comparison (the number
masked) and the face photo are kept for the clerk to look at.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, TypeVar

from app.card_match import compare
from app.workflows import Job
from app.workflows.errors import Problem, card_problem
from app.workflows.identity.messages import MESSAGES
from app.workflows.identity.state import CardStage, IdentityState, IdentityStep
from cardreader.channel import wipe
from cardreader.errors import (
    CardRemovedError,
    InvalidPinFormatError,
    PinBlockedError,
    Secret,
    WrongPinError,
)
from cardreader.models import BasicInfo, CardFace, CardKind, ProbeResult
from cardreader.session import CardSession

T = TypeVar("T")
CardJob = Callable[[CardSession], T]

PIN_KEY: Final = "input_support_pin"


class CardSteps(IdentityState):
    def probe_job(self) -> CardJob[ProbeResult]:
        self.card_stage = CardStage.PROBING
        self.problem = None
        return CardSession.probe

    def probed(self, result: ProbeResult) -> None:
        if result.kind is not CardKind.MY_NUMBER:
            self.card_stage = CardStage.WAITING
            self.problem = Problem("unknown_card", MESSAGES["not_my_number"]
                                   if result.kind is CardKind.UNKNOWN else
                                   "住民基本台帳カードです。マイナンバーカードを置いてください。")
            return
        state = result.pins.get(PIN_KEY)
        self.tries_left = None if state is None else state.tries_left
        self.pin_blocked = bool(state is not None and state.blocked)
        self.card_stage = CardStage.PIN
        self.problem = Problem("pin_blocked", MESSAGES["pin_blocked"]) if self.pin_blocked else None

    def pin_job(self, pin: bytearray) -> CardJob[BasicInfo]:
        """Read the number and four items with the holder's PIN (wiped by the card code)."""
        if self.pin_blocked:
            wipe(pin)
            self.problem = Problem("pin_blocked", MESSAGES["pin_blocked"])
            raise PinBlockedError(Secret.INPUT_SUPPORT_PIN)
        if len(pin) != 4 or not all(0x30 <= b <= 0x39 for b in pin):
            wipe(pin)
            error = InvalidPinFormatError()
            self.problem = Problem(error.code, error.message)
            raise error
        self.card_stage = CardStage.READING
        self.problem = None
        return lambda session: session.read_basic(pin)

    def card_read(self, basic: BasicInfo) -> Job[bool]:
        """The card answered: the registry now compares its number (a job)."""
        self.pin_verified = True
        self.tries_left = None
        self._card = basic
        self._card_birth_date = basic.birth_date
        return self.retry_number_check()

    def retry_number_check(self) -> Job[bool]:
        if self._card is None or self.checked is None:
            raise RuntimeError("no card read to check")
        self.card_stage = CardStage.CHECKING
        self.busy = True
        self.problem = None
        api, resident_id, number = self._api_or_fail(), self.checked.resident_id, \
            self._card.individual_number
        return lambda: api.number_matches(resident_id, number)

    def number_checked(self, matches: bool) -> None:
        self.busy = False
        if self._card is None or self.person is None:
            return
        self.comparison = compare(self._card, self.person, number_matches=matches)
        self._card = None  # from here on only the comparison (number masked) is kept
        self.card_stage = CardStage.COMPARED
        self.problem = self._mismatch_problem()

    def card_failed(self, error: Exception) -> None:
        """A card job failed: what the clerk can do next follows from the error."""
        self.problem = card_problem(error)
        reading_face = self.card_stage is CardStage.FACE
        before_face = CardStage.COMPARED if self.comparison is not None else CardStage.PIN
        if isinstance(error, WrongPinError | PinBlockedError) and \
                error.secret is not Secret.INPUT_SUPPORT_PIN:
            self.card_stage = before_face  # 照合番号B refused (or locked): the PIN result stands
        elif isinstance(error, WrongPinError):
            self.tries_left = error.tries_left
            self.card_stage = CardStage.PIN
        elif isinstance(error, PinBlockedError):
            self.pin_blocked, self.tries_left = True, 0
            self.card_stage = CardStage.PIN
            self.problem = Problem(error.code, MESSAGES["pin_blocked"])
        elif isinstance(error, InvalidPinFormatError):
            self.card_stage = before_face if reading_face else CardStage.PIN
        elif reading_face and self.comparison is not None:
            self.card_stage = CardStage.COMPARED
        else:
            self.card_stage = CardStage.WAITING
            self.tries_left = None
            if isinstance(error, CardRemovedError):
                self.problem = Problem(error.code, MESSAGES["card_removed_reading"])

    def card_removed(self) -> None:
        """The card left the reader: a check in progress starts over with the next card."""
        if self.step is not IdentityStep.CARD:
            return
        if self.card_stage in (CardStage.PROBING, CardStage.PIN, CardStage.READING):
            self.card_stage = CardStage.WAITING
            self.tries_left = None
            self.pin_blocked = False
            self.problem = Problem("no_card", MESSAGES["no_card"])

    def face_job(self, expiry_year: str, security_code: bytearray) -> CardJob[CardFace]:
        """照合番号B: the card's expiry year and the security code printed on it."""
        errors: dict[str, str] = {}
        year = expiry_year.strip()
        if not (len(year) == 4 and year.isascii() and year.isdigit() and 2014 <= int(year) <= 2099):
            errors["expiry_year"] = MESSAGES["expiry_year"]
        if len(security_code) != 4 or not all(0x30 <= b <= 0x39 for b in security_code):
            errors["security_code"] = MESSAGES["security_code"]
        if errors:
            wipe(security_code)
            raise self._fail_fields(errors)
        born = self._card_birth_date or (self.person.birth_date if self.person else None)
        if born is None:
            wipe(security_code)
            raise self._fail_fields({"expiry_year": MESSAGES["face_birth_date"]})
        self.errors, self.problem = {}, None
        self.card_stage = CardStage.FACE
        expiry = int(year)
        return lambda session: session.read_face(birth_date=born, expiry_year=expiry,
                                                 security_code=security_code)

    def face_read(self, face: CardFace) -> None:
        self.face = face
        self.card_stage = CardStage.FACE_SHOWN
        self.problem = None

    def judge_face(self, same_person: bool) -> None:
        """The clerk compared the photo with the person at the counter."""
        self.face_compared = same_person
        self.card_stage = CardStage.COMPARED if self.comparison is not None else CardStage.PIN
        if not same_person:
            self.problem = Problem("face_mismatch", MESSAGES["face_not_same"])
        else:
            self.problem = self._mismatch_problem()
