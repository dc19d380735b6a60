"""The identity check at the counter (本人確認), without widgets.

    choose the person (宛名番号, or the record open in the search)
      → what was presented (documents) and why (purpose)
      → 個人番号カード among them: probe (tries left) → PIN → read → number checked by the
        registry → the four items compared → optionally 照合番号B → the face photo compared
      → no photo ID: questions about the registered data
      → review: app.domain.identity_documents.assess
      → record (POST /v1/identity-checks, one idempotency key across retries) → done

Two kinds of work go out of the flow: registry *jobs* (`Job[T]`, run on a worker, as the other
flows) and *card jobs* (`CardJob[T]`, a function of a cardreader CardSession, which the UI
submits to the card service through ui/card/bridge.py and a test submits to a CardService
directly). The outcome comes back through the method named for it (`probed`, `card_read`,
`number_checked`, `face_read`, `recorded`, ... or `card_failed` / `failed`).

What the card returned stays in memory only until it is compared: the flow keeps the
comparison (the number masked) and the face photo for the clerk to look at; a lock drops all.
Only the method, the documents and the match flags are sent to the registry's audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Final, TypeVar

from app.card_match import FIELDS, CardComparison, compare
from app.domain.identity_documents import (
    INSUFFICIENT,
    LABELS,
    MIN_QUESTIONS,
    PHOTO_IDS,
    Assessment,
    Document,
    Evidence,
    assess,
)
from app.registry_api import Person, RequestSender, record_of
from app.registry_client import RegistryUnreachable, new_idempotency_key
from app.workflows import Job
from app.workflows.errors import FieldErrors, Problem, problem_of
from cardreader.channel import wipe
from cardreader.errors import (
    CardError,
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

PURPOSES: Final = ("certificate", "move", "card", "other")
PURPOSE_LABELS: Final = {
    "certificate": "証明書の交付",
    "move": "異動届",
    "card": "カードの手続",
    "other": "その他",
}
PIN_KEY: Final = "input_support_pin"

MESSAGES: Final = {
    "resident_id": "宛名番号は10桁の数字で入力してください。",
    "no_person": "本人確認をする方を選んでください。",
    "not_resident": "この方は住民ではありません（消除済み）。",
    "no_documents": "提示された本人確認書類を選んでください。",
    "purpose": "確認の目的を選んでください。",
    "no_card": "カードが置かれていません。カードをリーダーに置いてください。",
    "not_my_number": "マイナンバーカードではありません。個人番号カードを置いてください。",
    "pin_blocked": (
        "暗証番号がロックされています。暗証番号では確認できません。"
        "照合番号Bで顔写真を確認するか、ほかの書類で確認してください。"
    ),
    "tries_unknown": "暗証番号の残り回数を読み取れませんでした。",
    "number_mismatch": "カードの個人番号が住民票の個人番号と一致しません。",
    "items_mismatch": "カードの記載事項が住民票と一致しません（%1）。",
    "expiry_year": "有効期限の年は西暦4桁で入力してください。",
    "security_code": "セキュリティコードは4桁の数字で入力してください。",
    "face_birth_date": "カードの生年月日が住民票と異なるため、照合番号Bを作れません。",
    "face_not_same": "顔写真が本人と一致しないため、個人番号カードでは確認できません。",
    "questions": "質問の数と正答の数を入力してください。",
    "insufficient_confirm": "本人確認が十分でないため、確認済みとして記録できません。",
    "card_removed_reading": "読み取り中にカードが取り外されました。もう一度カードを置いてください。",
}


class IdentityStep(Enum):
    PERSON = "person"  # who is checked
    DOCUMENTS = "documents"  # what was presented, and why
    CARD = "card"  # the Individual Number Card: probe, PIN, read, compare, face
    QUESTIONS = "questions"  # answers about the registered data
    REVIEW = "review"  # the assessment; record
    DONE = "done"


class CardStage(Enum):
    WAITING = "waiting"  # no card or not probed yet
    PROBING = "probing"
    PIN = "pin"  # tries known, PIN awaited from the card holder
    READING = "reading"  # PIN sent, items being read
    CHECKING = "checking"  # the registry compares the number
    COMPARED = "compared"  # the comparison is shown
    FACE = "face"  # reading the face with 照合番号B
    FACE_SHOWN = "face_shown"  # the face photo waits for the clerk's judgement


@dataclass(frozen=True)
class CheckedPerson:
    resident_id: str
    person: Person
    status: str = "resident"


@dataclass(frozen=True)
class IdentityCheckResult:
    check_id: str
    resident_id: str
    sufficient: bool
    outcome: str  # confirmed | not_confirmed
    recorded_at: str


def result_of(raw: Mapping[str, Any]) -> IdentityCheckResult:
    return IdentityCheckResult(str(raw["check_id"]), str(raw["resident_id"]),
                               bool(raw["sufficient"]), str(raw["outcome"]),
                               str(raw["recorded_at"]))


class IdentityApi:
    """The registry calls of the identity check (contract: registry API v1)."""

    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender

    def person(self, resident_id: str) -> CheckedPerson:
        record = record_of(self._sender.request("GET", f"/v1/residents/{resident_id}").json())
        return CheckedPerson(record.id, record.record, record.status)

    def number_matches(self, resident_id: str, individual_number: str) -> bool:
        """The registry compares the card's number with the register's (never revealed)."""
        answer = self._sender.request("POST", f"/v1/residents/{resident_id}/number-check",
                                      json={"individual_number": individual_number}).json()
        return bool(answer["matches"])

    def record(self, body: Mapping[str, Any], *, idempotency_key: str) -> IdentityCheckResult:
        answer = self._sender.request("POST", "/v1/identity-checks", json=dict(body),
                                      idempotency_key=idempotency_key).json()
        return result_of(answer)


def documents_of(values: Iterable[Document | str]) -> tuple[Document, ...]:
    """Documents in the order of the Document enum, each once; unknown values are refused."""
    try:
        chosen = {Document(v) for v in values}
    except ValueError:
        raise FieldErrors({"documents": MESSAGES["no_documents"]}) from None
    return tuple(d for d in Document if d in chosen)


def card_problem(error: Exception) -> Problem:
    if isinstance(error, CardError):
        return Problem(error.code, error.message)
    return problem_of(error)


class IdentityFlow:
    def __init__(self, api: IdentityApi | None, *, purpose: str = "certificate") -> None:
        self._api = api
        self._default_purpose = purpose
        self.clear_personal_data()

    # -- state --------------------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        self.step = IdentityStep.PERSON
        self.checked: CheckedPerson | None = None
        self.purpose = self._default_purpose
        self.documents: tuple[Document, ...] = ()
        self.problem: Problem | None = None
        self.errors: dict[str, str] = {}
        self.busy = False
        self._reset_card()
        self.questions_asked = 0
        self.questions_correct = 0
        self.assessment: Assessment | None = None
        self.result: IdentityCheckResult | None = None
        self._idempotency_key: str | None = None
        self._sent_body: dict[str, Any] | None = None

    def _reset_card(self) -> None:
        self.card_stage = CardStage.WAITING
        self.tries_left: int | None = None
        self.pin_blocked = False
        self.pin_verified = False
        self.comparison: CardComparison | None = None
        self.face: CardFace | None = None
        self.face_compared = False
        self._card: BasicInfo | None = None  # only between the read and the number check
        self._card_birth_date: date | None = None

    @property
    def person(self) -> Person | None:
        return None if self.checked is None else self.checked.person

    @property
    def uses_card(self) -> bool:
        return Document.MY_NUMBER_CARD in self.documents

    @property
    def has_other_photo_id(self) -> bool:
        return any(d in PHOTO_IDS and d is not Document.MY_NUMBER_CARD for d in self.documents)

    @property
    def needs_questions(self) -> bool:
        return not self.has_other_photo_id and not self.card_counts

    @property
    def card_counts(self) -> bool:
        """The card identifies this person: verified by PIN or face, and its items (if read)
        are the register's."""
        if not self.uses_card:
            return False
        if self.comparison is not None and not self.comparison.all_match:
            return False
        return (self.pin_verified and self.comparison is not None) or self.face_compared

    def _api_or_fail(self) -> IdentityApi:
        if self._api is None:
            raise RuntimeError("no registry connection")
        return self._api

    def _fail_fields(self, errors: Mapping[str, str]) -> FieldErrors:
        self.errors = dict(errors)
        return FieldErrors(errors)

    # -- the person ---------------------------------------------------------------------------

    def lookup(self, resident_id: str) -> Job[CheckedPerson]:
        """A job reading the person with this 宛名番号 (10 digits)."""
        value = resident_id.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if len(value) != 10 or not value.isascii() or not value.isdigit():
            raise self._fail_fields({"resident_id": MESSAGES["resident_id"]})
        self.errors, self.problem, self.busy = {}, None, True
        api = self._api_or_fail()
        return lambda: api.person(value)

    def looked_up(self, checked: CheckedPerson) -> None:
        self.busy = False
        self.choose_person(checked.resident_id, checked.person, status=checked.status)

    def choose_person(self, resident_id: str, person: Person, *, status: str = "resident") -> None:
        """Start a check for this person (from the lookup, or the record open in the search)."""
        purpose = self.purpose
        self.clear_personal_data()
        self.purpose = purpose
        if status != "resident" or person.removed_on is not None:
            self.problem = Problem("not_resident", MESSAGES["not_resident"])
            return
        self.checked = CheckedPerson(resident_id, person, status)
        self.step = IdentityStep.DOCUMENTS

    def failed(self, error: Exception) -> None:
        """A registry job failed (lookup, number check or record)."""
        self.busy = False
        self.problem = problem_of(error)
        if self.step is IdentityStep.CARD and self.card_stage is CardStage.CHECKING:
            # The card was read; only the registry's answer is missing: retry_number_check().
            return
        if self.step is IdentityStep.REVIEW and self.problem.code == INSUFFICIENT:
            self._idempotency_key = None  # refused, nothing recorded: a new try is a new request

    # -- documents ------------------------------------------------------------------------------

    def choose_documents(self, documents: Iterable[Document | str], purpose: str | None = None) -> None:
        if self.checked is None:
            raise self._fail_fields({"person": MESSAGES["no_person"]})
        chosen = documents_of(documents)
        if not chosen:
            raise self._fail_fields({"documents": MESSAGES["no_documents"]})
        if purpose is not None:
            if purpose not in PURPOSES:
                raise self._fail_fields({"purpose": MESSAGES["purpose"]})
            self.purpose = purpose
        had_card = self.uses_card
        self.documents = chosen
        self.errors, self.problem = {}, None
        self._idempotency_key = None  # different evidence: a different record
        if not (had_card and self.uses_card):
            self._reset_card()  # what a card showed before stays only while it stays chosen
        if self.uses_card and self.card_stage is not CardStage.COMPARED and not self.face_compared:
            self.step = IdentityStep.CARD
            return
        self._after_card()

    def back_to_documents(self) -> None:
        if self.checked is not None and self.step is not IdentityStep.DONE:
            self.step = IdentityStep.DOCUMENTS
            self.problem = None
            self.busy = False

    # -- the card -------------------------------------------------------------------------------

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

    def _mismatch_problem(self) -> Problem | None:
        if self.comparison is None or self.comparison.all_match:
            return None
        wrong = self.comparison.mismatches
        if [f.field for f in wrong] == ["individual_number"]:
            return Problem("card_mismatch", MESSAGES["number_mismatch"])
        labels = "、".join(f.label for f in wrong)
        return Problem("card_mismatch", MESSAGES["items_mismatch"].replace("%1", labels))

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

    def card_finished(self) -> None:
        """The clerk is done with the card (compared, and the face if wanted): next step."""
        if self.step is IdentityStep.CARD:
            self._after_card()

    def _after_card(self) -> None:
        self.problem = None
        if self.needs_questions:
            self.step = IdentityStep.QUESTIONS
        else:
            self._review()

    # -- questions ------------------------------------------------------------------------------

    def answer_questions(self, asked: int, correct: int) -> None:
        if asked < 0 or correct < 0 or correct > asked:
            raise self._fail_fields({"questions": MESSAGES["questions"]})
        self.questions_asked, self.questions_correct = asked, correct
        self.errors = {}
        self._idempotency_key = None
        self._review()

    # -- review and record ----------------------------------------------------------------------

    def evidence(self) -> Evidence:
        return Evidence(self.documents, self.questions_asked, self.questions_correct,
                        card_verified=self.card_counts or not self.uses_card)

    def _review(self) -> None:
        self.step = IdentityStep.REVIEW
        self.assessment = assess(self.evidence())
        if self.uses_card and not self.card_counts and self.comparison is not None \
                and not self.comparison.all_match and not self.assessment.sufficient:
            self.problem = self._mismatch_problem()

    def body(self, outcome: str) -> dict[str, Any]:
        assert self.checked is not None
        card: dict[str, Any] | None = None
        if self.uses_card:
            # Only the items compared: an item left out was not compared (a face-only check).
            flags = self.comparison.flags() if self.comparison is not None else {}
            card = {
                "pin_verified": self.pin_verified,
                "fields_matched": {f: flags[f] for f in FIELDS if f in flags},
                "face_compared": self.face_compared,
            }
        return {
            "resident_id": self.checked.resident_id,
            "purpose": self.purpose,
            "documents": [d.value for d in self.documents],
            "questions_asked": self.questions_asked,
            "questions_correct": self.questions_correct,
            "card": card,
            "outcome": outcome,
        }

    def record_job(self, *, confirmed: bool = True) -> Job[IdentityCheckResult]:
        """Record the check: `confirmed` only with sufficient evidence (refused here before the
        registry would), `confirmed=False` records that the identity could not be confirmed.
        A retry after a failure sends the same request with the same idempotency key."""
        if self.step is not IdentityStep.REVIEW or self.assessment is None:
            raise RuntimeError("nothing to record yet")
        if confirmed and not self.assessment.sufficient:
            self.problem = Problem(INSUFFICIENT, self.assessment.message)
            raise self._fail_fields({"": MESSAGES["insufficient_confirm"]})
        body = self.body("confirmed" if confirmed else "not_confirmed")
        if self._idempotency_key is None or body != self._sent_body:
            self._idempotency_key = new_idempotency_key()
            self._sent_body = body
        key, api = self._idempotency_key, self._api_or_fail()
        self.busy, self.problem, self.errors = True, None, {}
        return lambda: api.record(body, idempotency_key=key)

    @property
    def idempotency_key(self) -> str | None:
        return self._idempotency_key

    def recorded(self, result: IdentityCheckResult) -> None:
        self.busy = False
        self.result = result
        self.step = IdentityStep.DONE
        self.problem = None
        # The photo and the card's values are not needed once the check is on record.
        self.face = None

    def record_failed(self, error: Exception) -> None:
        self.busy = False
        self.problem = problem_of(error)
        if not isinstance(error, RegistryUnreachable) and self.problem.code != "http_409":
            # A refusal is final for this request: a corrected one gets a new key.
            self._idempotency_key = None

    # -- what the screen says ---------------------------------------------------------------

    def documents_text(self) -> str:
        return "、".join(LABELS[d] for d in self.documents)

    @staticmethod
    def min_questions() -> int:
        return MIN_QUESTIONS
