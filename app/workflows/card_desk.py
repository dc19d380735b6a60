"""The カード交付 desk as a GUI-free flow: find the person, read the card, compare it with the
register, check the face and the expiry, record the card event, print the 交付 receipt.

    search (SearchFlow) → open(id) ─→ probe ─→ read(PIN) → number-check ─→ read_face(照合番号B)
                                      tries left   four items compared     photo, expiry
                                      of every PIN
    → record(event, reason) → recorded → (交付) receipt

Registry calls are *jobs* (plain callables for a worker, app.workflows); card operations are
*card jobs*: functions that submit to a CardService and return its CardFuture, which the UI
hands to ui.card.bridge.CardBridge.run and a test calls with the service itself. Outcomes come
back to the matching method (`opened`, `probed`, `basic_read`, ...), each on the UI thread.

The card is compared field by field by app.card_match; the individual number never leaves
the card for the register's: the registry compares it (POST .../number-check). 交付 is offered
only when every item matches, the face was read with 照合番号B and the card is not expired;
the registry checks the state transition and the expiry again (409 card_state_conflict, 422
card_expired). One Idempotency-Key belongs to one event the clerk asked for: a retry after
the registry was unreachable sends the same key, so an event is never recorded twice.
Everything held here is resident data: `clear_personal_data` drops it all (and on a lock).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, Protocol, TypeVar

from app.card_match import CardComparison, compare
from app.domain import clock
from app.domain.card_lifecycle import (
    EVENT_LABELS,
    REASON_REQUIRED,
    STATE_LABELS,
    CardEvent,
    CardState,
    allowed_events,
)
from app.registry_api import RegistryApi, RequestSender, ResidentRecord
from app.registry_client import RegistryError, new_idempotency_key
from app.workflows import Job
from app.workflows.errors import Problem, card_problem, problem_of
from app.workflows.search import SearchApi, SearchFlow
from cardreader.channel import PinState
from cardreader.errors import PinBlockedError, Secret, WrongPinError
from cardreader.models import BasicInfo, CardFace, CardKind, ProbeResult

if TYPE_CHECKING:
    from cardreader.future import CardFuture
    from cardreader.service import CardService
    from printing.card_receipt import CardReceipt

T = TypeVar("T")
CardJob = Callable[["CardService"], "CardFuture[T]"]

# Every secret of the card, in the order the desk shows them, with the name the holder knows.
PINS: Final = (
    ("input_support_pin", "券面事項入力補助用暗証番号（4桁）"),
    ("jpki_auth_pin", "利用者証明用電子証明書の暗証番号（4桁）"),
    ("jpki_sign_password", "署名用電子証明書のパスワード（6〜16桁）"),
)
_SECRET_KEYS: Final = {Secret.INPUT_SUPPORT_PIN: "input_support_pin",
                       Secret.JPKI_AUTH_PIN: "jpki_auth_pin",
                       Secret.JPKI_SIGN_PASSWORD: "jpki_sign_password"}
# What a clerk picks from most days; any other reason may be typed.
SUGGESTED_REASONS: Final[Mapping[CardEvent, tuple[str, ...]]] = {
    CardEvent.SUSPEND: ("紛失", "盗難", "その他"),
    CardEvent.REVOKE: ("本人からの返納", "有効期限切れ", "記載事項の変更", "転出・死亡による失効",
                       "その他"),
}
MESSAGES: Final = {
    "no_person": "先に住民を選んでください。",
    "card_not_read": "暗証番号でカードを読み取り、住民票と照合してください。",
    "card_mismatch": "カードの記載事項が住民票と一致しないため交付できません。",
    "face_not_read": "照合番号Bで券面を読み取り、顔写真と有効期限を確認してください。",
    "card_expired": "有効期限が切れているカードは交付できません。",
    "not_resident": "住民でない方（消除された方）にはカードを交付できません。",
    "reason_required": "理由を入力してください。",
    "card_state_conflict": "カードの状態が変わっています。最新の状態を読み込みました。もう一度確認してください。",
    "not_a_my_number_card": "マイナンバーカードではありません。",
    "no_receipt": "交付の記録がないため受領書を作れません。",
}


# -- the registry's card endpoints -------------------------------------------------------------


@dataclass(frozen=True)
class CardEventEntry:
    event_id: str
    event: CardEvent
    state: CardState
    reason: str | None
    card_expiry: date | None
    recorded_at: str
    staff_id: str | None
    terminal_id: str | None
    receipt_number: str | None = None  # 交付 only


@dataclass(frozen=True)
class CardStatus:
    resident_id: str
    state: CardState
    expiry_date: date | None
    events: tuple[CardEventEntry, ...]


@dataclass(frozen=True)
class RecordedEvent:
    event_id: str
    resident_id: str
    event: CardEvent
    state: CardState
    recorded_at: str
    receipt_number: str | None  # 交付 only


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def status_of(raw: Mapping[str, Any]) -> CardStatus:
    return CardStatus(
        str(raw["resident_id"]), CardState(raw["state"]), _date(raw.get("expiry_date")),
        tuple(CardEventEntry(str(e["event_id"]), CardEvent(e["event"]), CardState(e["state"]),
                             e.get("reason"), _date(e.get("card_expiry")), str(e["recorded_at"]),
                             e.get("staff_id"), e.get("terminal_id"), e.get("receipt_number"))
              for e in raw.get("events", ())),
    )


class CardDeskApi:
    """GET .../card, POST .../number-check, POST .../card-events, and the record itself."""

    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender
        self._registry = RegistryApi(sender)

    def resident(self, resident_id: str) -> ResidentRecord:
        return self._registry.resident(resident_id)

    def search_api(self) -> SearchApi:
        return self._registry

    def card(self, resident_id: str) -> CardStatus:
        return status_of(self._sender.request("GET", f"/v1/residents/{resident_id}/card").json())

    def number_check(self, resident_id: str, individual_number: str) -> bool:
        answer = self._sender.request("POST", f"/v1/residents/{resident_id}/number-check",
                                      json={"individual_number": individual_number}).json()
        return answer["matches"] is True

    def record_event(self, resident_id: str, event: CardEvent, *, reason: str | None,
                     card_expiry: date | None, idempotency_key: str) -> RecordedEvent:
        body = {"event": event.value, "reason": reason,
                "card_expiry": card_expiry.isoformat() if card_expiry else None}
        raw = self._sender.request("POST", f"/v1/residents/{resident_id}/card-events", json=body,
                                   idempotency_key=idempotency_key).json()
        return RecordedEvent(str(raw["event_id"]), str(raw["resident_id"]), CardEvent(raw["event"]),
                             CardState(raw["state"]), str(raw["recorded_at"]),
                             raw.get("receipt_number"))


class DeskApi(Protocol):
    def resident(self, resident_id: str) -> ResidentRecord: ...

    def card(self, resident_id: str) -> CardStatus: ...

    def number_check(self, resident_id: str, individual_number: str) -> bool: ...

    def record_event(self, resident_id: str, event: CardEvent, *, reason: str | None,
                     card_expiry: date | None, idempotency_key: str) -> RecordedEvent: ...


# -- the flow ------------------------------------------------------------------------------------


class DeskStep(Enum):
    PERSON = "person"  # nobody chosen yet
    LOADING = "loading"
    READY = "ready"  # person and card state shown; the card may be read
    RECORDING = "recording"


@dataclass(frozen=True)
class DeskPerson:
    record: ResidentRecord
    card: CardStatus


@dataclass(frozen=True)
class FaceCheck:
    face: CardFace = field(repr=False)
    expired: bool


@dataclass(frozen=True)
class PendingEvent:
    """An event asked for and not yet answered: a resend carries the same key."""

    resident_id: str
    event: CardEvent
    reason: str | None
    card_expiry: date | None
    idempotency_key: str = field(default_factory=new_idempotency_key)

    def same_request(self, other: PendingEvent) -> bool:
        return (self.resident_id, self.event, self.reason, self.card_expiry) == (
            other.resident_id, other.event, other.reason, other.card_expiry)


class EventRefused(ValueError):
    """The desk will not send this event: `problem` says why (Japanese)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def municipality_of(record: ResidentRecord) -> str:
    """The city's name as the register writes it in addresses (大阪府寝屋川市… → 寝屋川市)."""
    address = record.record.address
    at = address.full.find(address.town_name) if address.town_name else -1
    prefix = address.full[:at] if at > 0 else address.full
    match = re.match(r"^(東京都|北海道|(?:京都|大阪)府|.{2,3}県)?(.+?[市区町村])", prefix)
    return match.group(2) if match else prefix


class CardDeskFlow:
    def __init__(self, api: DeskApi, search_api: SearchApi, *, staff_name: str,
                 today: Callable[[], date] = clock.today,
                 municipality_name: str | None = None) -> None:
        self._api = api
        self.search = SearchFlow(search_api)
        self.staff_name = staff_name
        self.today = today
        self._municipality = municipality_name
        self.pending: PendingEvent | None = None
        self.clear_personal_data()

    # -- state ----------------------------------------------------------------------------------

    def clear_personal_data(self) -> None:
        self.search.clear_personal_data()
        self.step = DeskStep.PERSON
        self.person: DeskPerson | None = None
        self.problem: Problem | None = None
        self._wanted: str | None = None
        self.pending = None
        self.last_recorded: RecordedEvent | None = None
        self.receipt_expiry: date | None = None
        self.clear_card()

    def clear_card(self) -> None:
        """Forget what was read from the card (it was taken away, or another one put down)."""
        self.probe_result: ProbeResult | None = None
        self.pins: dict[str, PinState] = {}
        self.basic: BasicInfo | None = None
        self.comparison: CardComparison | None = None
        self.face: FaceCheck | None = None

    @property
    def state(self) -> CardState | None:
        return self.person.card.state if self.person is not None else None

    def events_allowed(self) -> dict[CardEvent, bool]:
        """Which event buttons are on: what the state allows, 交付 only once the card passed."""
        state = self.state
        if state is None or self.step is not DeskStep.READY:
            return {event: False for event in CardEvent}
        allowed = set(allowed_events(state))
        return {event: event in allowed and (event is not CardEvent.ISSUE or self.issue_blocker() is None)
                for event in CardEvent}

    def issue_blocker(self) -> str | None:
        """Why 交付 cannot be recorded now (a code of MESSAGES), or None."""
        if self.person is None:
            return "no_person"
        if self.person.record.status != "resident":
            return "not_resident"
        if self.comparison is None:
            return "card_not_read"
        if not self.comparison.all_match:
            return "card_mismatch"
        if self.face is None:
            return "face_not_read"
        if self.face.expired:
            return "card_expired"
        return None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state] if self.state is not None else ""

    # -- the person -----------------------------------------------------------------------------

    def open(self, resident_id: str) -> Job[DeskPerson]:
        self.clear_card()
        self.person, self.pending, self.last_recorded = None, None, None
        self.step, self.problem, self._wanted = DeskStep.LOADING, None, resident_id
        api = self._api
        return lambda: DeskPerson(api.resident(resident_id), api.card(resident_id))

    def opened(self, person: DeskPerson) -> None:
        if person.record.id != self._wanted:
            return  # an earlier choice answering late
        self.person, self.step = person, DeskStep.READY

    def open_failed(self, error: Exception) -> None:
        self.problem = problem_of(error)
        self.step = DeskStep.READY if self.person is not None else DeskStep.PERSON

    def refresh(self) -> Job[CardStatus]:
        """The card state again (after a conflict, or to see another desk's event)."""
        if self.person is None:
            raise LookupError("no person is open")
        api, resident_id = self._api, self.person.record.id
        return lambda: api.card(resident_id)

    def refreshed(self, status: CardStatus) -> None:
        if self.person is not None and status.resident_id == self.person.record.id:
            self.person = DeskPerson(self.person.record, status)

    # -- the card -----------------------------------------------------------------------------

    def probe(self) -> CardJob[ProbeResult]:
        self.problem = None
        return lambda service: service.probe()

    def probed(self, result: ProbeResult) -> None:
        self.probe_result = result
        self.pins = dict(result.pins)
        if result.kind is not CardKind.MY_NUMBER:
            self.problem = Problem("not_a_my_number_card", result.kind.label + "です。"
                                   + MESSAGES["not_a_my_number_card"])

    def read(self, pin: bytearray) -> CardJob[BasicInfo]:
        """The card job that reads the number and four items with the holder's PIN (wiped)."""
        if self.person is None:
            pin[:] = bytes(len(pin))
            raise EventRefused(Problem("no_person", MESSAGES["no_person"]))
        self.problem, self.basic, self.comparison = None, None, None
        return lambda service: service.read_basic(pin)

    def basic_read(self, info: BasicInfo) -> Job[bool]:
        """The card answered: the PIN is good (tries reset); the job that asks the registry
        whether the card's number is this person's."""
        if self.person is None:
            raise LookupError("no person is open")
        self.basic = info
        self.pins["input_support_pin"] = PinState(None, False)  # verified: the card gives no count
        api, resident_id, number = self._api, self.person.record.id, info.individual_number
        return lambda: api.number_check(resident_id, number)

    def number_checked(self, matches: bool) -> None:
        if self.person is not None and self.basic is not None:
            self.comparison = compare(self.basic, self.person.record.record, number_matches=matches)

    def read_face(self, *, birth_date: date, expiry_year: int,
                  security_code: bytearray) -> CardJob[CardFace]:
        """照合番号B from the card face (the code is wiped by the card code)."""
        self.problem, self.face = None, None
        return lambda service: service.read_face(birth_date=birth_date, expiry_year=expiry_year,
                                                 security_code=security_code)

    def face_read(self, face: CardFace) -> None:
        self.face = FaceCheck(face, expired=face.expiry_date < self.today())
        if self.face.expired:
            self.problem = Problem("card_expired", MESSAGES["card_expired"])

    def card_failed(self, error: Exception) -> None:
        """A card operation failed: the message, and the tries left where the card said."""
        self.problem = card_problem(error)
        if isinstance(error, WrongPinError) and error.secret in _SECRET_KEYS:
            self.pins[_SECRET_KEYS[error.secret]] = PinState(error.tries_left, error.tries_left == 0)
        elif isinstance(error, PinBlockedError) and error.secret in _SECRET_KEYS:
            self.pins[_SECRET_KEYS[error.secret]] = PinState(0, True)

    def card_removed(self) -> None:
        self.clear_card()

    # -- events -----------------------------------------------------------------------------------

    def record(self, event: CardEvent, reason: str | None = None) -> Job[RecordedEvent]:
        """The job that records `event`; EventRefused when the desk will not send it."""
        person = self.person
        if person is None or self.step is not DeskStep.READY:
            raise EventRefused(Problem("no_person", MESSAGES["no_person"]))
        reason = " ".join(reason.split()) if reason else None
        if event in REASON_REQUIRED and not reason:
            raise EventRefused(Problem("reason_required", MESSAGES["reason_required"], "reason"))
        if event not in allowed_events(person.card.state):
            raise EventRefused(Problem(
                "card_state_conflict", f"カードの状態が「{STATE_LABELS[person.card.state]}」のため"
                f"「{EVENT_LABELS[event]}」は記録できません。"))
        expiry = None
        if event is CardEvent.ISSUE:
            blocker = self.issue_blocker()
            if blocker is not None:
                raise EventRefused(Problem(blocker, MESSAGES[blocker]))
            assert self.face is not None
            expiry = self.face.face.expiry_date
        wanted = PendingEvent(person.record.id, event, reason, expiry)
        if self.pending is None or not self.pending.same_request(wanted):
            self.pending = wanted
        pending, api = self.pending, self._api
        self.step, self.problem = DeskStep.RECORDING, None
        return lambda: api.record_event(pending.resident_id, pending.event, reason=pending.reason,
                                        card_expiry=pending.card_expiry,
                                        idempotency_key=pending.idempotency_key)

    def recorded(self, result: RecordedEvent) -> Job[CardStatus] | None:
        """The registry recorded it; the job that reloads the card state and its history."""
        pending, self.pending = self.pending, None
        self.step = DeskStep.READY
        self.last_recorded = result
        self.receipt_expiry = pending.card_expiry if pending is not None else None
        if result.event in (CardEvent.REVOKE, CardEvent.COLLECT):
            self.clear_card()  # that card is finished: a new 交付 starts from a new read
        if self.person is not None:
            card = self.person.card
            self.person = DeskPerson(self.person.record, CardStatus(
                card.resident_id, result.state, card.expiry_date, card.events))
            return self.refresh()
        return None

    def record_failed(self, error: Exception) -> Job[CardStatus] | None:
        """Refused or unreachable. Unreachable keeps the pending event (same key on resend);
        a conflict gives the job that reloads the state someone else changed."""
        self.step = DeskStep.READY if self.person is not None else DeskStep.PERSON
        problem = problem_of(error)
        if problem.retryable:
            self.problem = problem
            return None
        self.pending = None
        if isinstance(error, RegistryError) and error.code == "card_state_conflict":
            self.problem = Problem(problem.code, MESSAGES["card_state_conflict"])
            return self.refresh() if self.person is not None else None
        self.problem = problem
        return None

    def resend(self) -> Job[RecordedEvent] | None:
        """The unanswered event again, with its key (the registry carries it out at most once)."""
        if self.pending is None or self.person is None:
            return None
        return self.record(self.pending.event, self.pending.reason)

    # -- the receipt ----------------------------------------------------------------------------

    def receipt(self) -> CardReceipt:
        """The 交付 receipt of the event just recorded; EventRefused if there is none."""
        from printing.card_receipt import CardReceipt
        from printing.model import Address, Name

        done, person = self.last_recorded, self.person
        if done is None or person is None or done.event is not CardEvent.ISSUE \
                or not done.receipt_number or self.receipt_expiry is None:
            raise EventRefused(Problem("no_receipt", MESSAGES["no_receipt"]))
        p = person.record.record
        address = p.address.full
        main = address.split("\u3000")[0] if p.address.building else address
        return CardReceipt(
            receipt_number=done.receipt_number, issued_on=self.today(),
            name=Name(p.name.family_name, p.name.given_name, p.name.family_name_kana or None,
                      p.name.given_name_kana or None),
            address=Address(main, p.address.building or None), card_expiry=self.receipt_expiry,
            staff_name=self.staff_name,
            municipality_name=self._municipality or municipality_of(person.record),
        )

    def receipt_job(self) -> Job[bytes]:
        """The job that renders the receipt to PDF bytes (in memory)."""
        from printing.card_receipt import render_receipt

        receipt = self.receipt()
        return lambda: render_receipt(receipt)
