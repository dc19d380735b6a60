"""The certificate desk as a GUI-free flow (Electrum's wizard shape): the clerk's order in, the
registry's answer out, rendered to PDF bytes in memory, and the approval a bulk job needs.

    order → issue ─┬─ issued → preview → print / 再交付 (reissue with a reason)
                   └─ approval_required ─┬─ a supervisor approves on this terminal → issue again
                                         └─ queued for the 承認 workspace → poll → issue again

The registry decides what is printed; the terminal only checks that the order is complete
enough to send. One Idempotency-Key belongs to one order: sending the same order again (a
second press, a retry after a timeout, the resubmission with an approval token) carries the
same key, so the registry issues once and answers the same serial. A new order gets a new key.

Methods run on the UI thread and never block; the ones that must talk to the registry return
a job (a plain callable) for a worker, whose result or RegistryError is handed back to the
matching `*_succeeded` / `*_failed` method. Everything held here is resident data: the UI
registers the desk's holder with the personal-data registry, and `clear` drops it all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Final

import httpx

from app.approval_queue import (
    KIND_CERTIFICATE,
    ApprovalQueueApi,
    ApprovalWait,
    Count,
    InPersonApproval,
    QueuedRequest,
    RequestSender,
    WaitState,
    ask_job,
    in_person_job,
)
from app.certificates import Seal
from app.certificates import certificate as to_printing
from app.domain.text import is_ascii_digits
from app.registry_client import RegistryError, new_idempotency_key
from printing.errors import MissingGlyph
from printing.model import Certificate

KINDS: Final = ("juminhyo_household", "juminhyo_individual", "johyo", "kisai_jiko", "tenshutsu",
                "resident_code_notice")
PER_PERSON_KINDS: Final = frozenset({"juminhyo_individual", "johyo"})  # one document per person
ITEMS: Final = ("relationship", "head", "became_resident", "address_settled", "previous_address",
                "change", "former_surname", "alias", "foreign", "honseki", "individual_number",
                "resident_code")
RESTRICTED_ITEMS: Final = frozenset({"honseki", "individual_number", "resident_code"})
REQUESTER_TYPES: Final = ("self", "household_member", "agent", "third_party", "official", "professional")
OWN_HOUSEHOLD: Final = frozenset({"self", "household_member"})
PROFESSIONS: Final = ("弁護士", "司法書士", "土地家屋調査士", "税理士", "社会保険労務士", "弁理士",
                      "海事代理士", "行政書士")
MAX_COPIES: Final = 50
MAX_PERSONS: Final = 200
APPROVAL_HEADER: Final = "X-Approval-Token"


def _ten_digits(value: Any) -> bool:
    return is_ascii_digits(value, 10)


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


class OrderProblems(ValueError):
    """The order is not complete: field → code, for the form to mark each field."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        super().__init__(", ".join(f"{k}={v}" for k, v in problems.items()))
        self.problems = dict(problems)


@dataclass(frozen=True)
class Requester:
    type: str
    person_id: str | None = None  # 本人 / 同一世帯: the asker's 宛名番号
    name: str | None = None  # 代理人, 第三者, 職務上請求
    power_of_attorney: bool = False  # 代理人: the 委任状 was shown
    interest: str | None = None  # 第三者: the stated legitimate interest
    office: str | None = None  # 公用請求
    profession: str | None = None  # 職務上請求
    registration_number: str | None = None

    def body(self) -> dict[str, Any]:
        wanted = {
            "self": ("person_id",), "household_member": ("person_id",),
            "agent": ("name", "power_of_attorney"), "third_party": ("name", "interest"),
            "official": ("office",), "professional": ("name", "profession", "registration_number"),
        }[self.type]
        return {"type": self.type, **{key: getattr(self, key) for key in wanted}}


def requester_from(raw: Mapping[str, Any], problems: dict[str, str]) -> Requester:
    kind = raw.get("type")
    if kind not in REQUESTER_TYPES:
        problems["requester.type"] = "requester_type_required"
        return Requester("self")
    found = Requester(
        str(kind), person_id=_clean(raw.get("person_id")), name=_clean(raw.get("name")),
        power_of_attorney=raw.get("power_of_attorney") is True, interest=_clean(raw.get("interest")),
        office=_clean(raw.get("office")), profession=_clean(raw.get("profession")),
        registration_number=_clean(raw.get("registration_number")),
    )
    if kind in OWN_HOUSEHOLD and not _ten_digits(found.person_id):
        problems["requester.person_id"] = "requester_person_required"
    if kind in ("agent", "third_party", "professional") and found.name is None:
        problems["requester.name"] = "requester_name_required"
    if kind == "agent" and not found.power_of_attorney:
        problems["requester.power_of_attorney"] = "power_of_attorney_required"
    if kind == "third_party" and found.interest is None:
        problems["requester.interest"] = "legitimate_interest_required"
    if kind == "official" and found.office is None:
        problems["requester.office"] = "office_required"
    if kind == "professional":
        if found.profession not in PROFESSIONS:
            problems["requester.profession"] = "profession_required"
        if found.registration_number is None:
            problems["requester.registration_number"] = "registration_number_required"
    return found


@dataclass(frozen=True)
class CertificateOrder:
    kind: str
    requester: Requester
    persons: tuple[str, ...] = ()
    household: str | None = None
    items: frozenset[str] = frozenset()
    copies: int = 1
    move_id: str | None = None
    household_size: int | None = None  # when the clerk's screen knows it: the approval's count

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"kind": self.kind, "items": sorted(self.items),
                                "requester": self.requester.body(), "copies": self.copies}
        if self.household is not None:
            body["household"] = self.household
        elif self.persons:
            body["persons"] = list(self.persons)
        if self.move_id is not None:
            body["move_id"] = self.move_id
        return body

    def documents(self) -> int | None:
        """Documents the job prints, as the registry counts them for the bulk threshold; None
        for a whole household of individual copies whose size only the registry knows."""
        if self.kind not in PER_PERSON_KINDS:
            return self.copies
        if self.household is not None:
            return self.copies * self.household_size if self.household_size else None
        return self.copies * max(1, len(self.persons))


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.replace(",", " ").replace("、", " ").split()
    return [str(v).strip() for v in value or ()]


def order_from(values: Mapping[str, Any]) -> CertificateOrder:
    """The order from plain values (the form's, or a test's dict); OrderProblems if it is not
    complete enough to send."""
    problems: dict[str, str] = {}
    kind = values.get("kind")
    if kind not in KINDS:
        problems["kind"] = "kind_required"
    persons = list(dict.fromkeys(_ids(values.get("persons"))))
    household = _clean(values.get("household"))
    move_id = _clean(values.get("move_id"))
    if persons and household:
        problems["persons"] = "persons_or_household"
    elif not persons and not household and kind != "tenshutsu":
        problems["persons"] = "target_required"
    if any(not _ten_digits(p) for p in persons):
        problems["persons"] = "invalid_person_id"
    elif len(persons) > MAX_PERSONS:
        problems["persons"] = "too_many_persons"
    if household is not None and not _ten_digits(household):
        problems["household"] = "invalid_household_number"
    if kind == "tenshutsu" and (move_id is None or len(move_id) != 32):
        problems["move_id"] = "move_required"
    items = frozenset(values.get("items") or ())
    if items - set(ITEMS):
        problems["items"] = "invalid_item"
    try:
        copies = int(values.get("copies", 1))
    except (TypeError, ValueError):
        copies = 0
    if not 1 <= copies <= MAX_COPIES:
        problems["copies"] = "invalid_copies"
    requester = requester_from(values.get("requester") or {}, problems)
    size = values.get("household_size")
    if problems:
        raise OrderProblems(problems)
    return CertificateOrder(
        kind=str(kind), requester=requester, persons=tuple(persons), household=household, items=items,
        copies=copies, move_id=move_id if kind == "tenshutsu" else None,
        household_size=int(size) if isinstance(size, int) and size > 0 else None,
    )


# -- the registry's side ------------------------------------------------------------------------

def _send(sender: RequestSender, method: str, path: str, *, json: Any, idempotency_key: str,
          headers: Mapping[str, str]) -> httpx.Response:
    if not headers:
        return sender.request(method, path, json=json, idempotency_key=idempotency_key)
    return sender.request(method, path, json=json, idempotency_key=idempotency_key,
                          headers=dict(headers))


class CertificateApi:
    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender

    def issue(self, body: Mapping[str, Any], *, idempotency_key: str,
              approval_token: str | None = None) -> dict[str, Any]:
        headers = {APPROVAL_HEADER: approval_token} if approval_token else {}
        answer = _send(self._sender, "POST", "/v1/certificates", json=dict(body),
                       idempotency_key=idempotency_key, headers=headers)
        return dict(answer.json())

    def reissue(self, serial: str, reason: str, *, idempotency_key: str) -> dict[str, Any]:
        answer = self._sender.request("POST", f"/v1/certificates/{serial}/reissue",
                                      json={"reason": reason}, idempotency_key=idempotency_key)
        return dict(answer.json())

    def verify(self, serial: str, code: str) -> dict[str, Any]:
        return dict(self._sender.request("GET", f"/v1/certificates/{serial}/verify",
                                         params={"code": code}).json())

    def household_size(self, household: str) -> int:
        return len(self._sender.request("GET", f"/v1/households/{household}").json()["members"])


@dataclass(frozen=True, eq=False)
class Issued:
    """One issued certificate, ready to preview: the printing model and its PDF in memory."""

    serial: str
    kind: str
    issued_on: date
    copies: int
    fee_yen: int
    total_fee_yen: int
    reissue_of: str | None
    certificate: Certificate = field(repr=False)
    pdf: bytes | None = field(repr=False)  # None while characters are missing: never boxes
    missing: tuple[MissingGlyph, ...] = ()

    @property
    def printable(self) -> bool:
        return self.pdf is not None and not self.missing


def prepare(answer: Mapping[str, Any], seal: Seal | bytes) -> Issued:
    """The registry's answer mapped, checked for glyphs and rendered (on a worker)."""
    from printing import render  # reportlab and the font: only when issuing
    from printing.errors import MissingGlyphError

    cert = to_printing(dict(answer), seal)
    missing: tuple[MissingGlyph, ...] = ()
    pdf: bytes | None = None
    try:
        pdf = render(cert)  # checks every glyph before it draws anything
    except MissingGlyphError as error:
        missing = error.missing
    return Issued(
        serial=cert.serial, kind=str(answer["kind"]), issued_on=cert.issued_on,
        copies=int(answer.get("copies", 1)), fee_yen=int(answer["fee_yen"]),
        total_fee_yen=int(answer.get("total_fee_yen", answer["fee_yen"])),
        reissue_of=answer.get("reissue_of"), certificate=cert,
        pdf=pdf, missing=missing,
    )


# -- the desk -----------------------------------------------------------------------------------


class DeskStep(Enum):
    ORDER = "order"
    ISSUING = "issuing"
    APPROVAL_REQUIRED = "approval_required"
    APPROVING = "approving"  # a supervisor's in-person approval is being checked
    AWAITING_APPROVAL = "awaiting_approval"  # queued for the 承認 workspace
    ISSUED = "issued"
    REISSUING = "reissuing"


class CertificateDesk:
    def __init__(self, api: CertificateApi, approvals: ApprovalQueueApi,
                 seal: Callable[[], Seal | bytes]) -> None:
        self._api, self._approvals, self._seal = api, approvals, seal
        self.clear()

    def clear(self) -> None:
        """Drop the order, the answer, the PDF and any approval: a lock, or a new customer."""
        self.step = DeskStep.ORDER
        self.order: CertificateOrder | None = None
        self.issued: Issued | None = None
        self.error: RegistryError | None = None
        self.wait: ApprovalWait | None = None
        self.approver: str | None = None
        self._token: str | None = None
        self._key: str | None = None
        self._reissue_key: tuple[str, str, str] | None = None  # serial, reason, key

    # -- issuing --------------------------------------------------------------------------------

    def submit(self, values: Mapping[str, Any]) -> Callable[[], Issued]:
        """OrderProblems, or the job that issues the order (the same key for the same order)."""
        order = order_from(values)
        if order != self.order or self._key is None:
            self.order, self._key, self._token, self.wait, self.approver = (
                order, new_idempotency_key(), None, None, None)
        return self._issue_job()

    def resubmit(self) -> Callable[[], Issued]:
        """The current order again, with the approval token when there is one."""
        if self.order is None or self._key is None:
            raise RuntimeError("no order to send")
        return self._issue_job()

    def _issue_job(self) -> Callable[[], Issued]:
        assert self.order is not None and self._key is not None
        self.step, self.error = DeskStep.ISSUING, None
        api, body, key, token, seal = self._api, self.order.body(), self._key, self._token, self._seal
        return lambda: prepare(api.issue(body, idempotency_key=key, approval_token=token), seal())

    def issue_succeeded(self, issued: Issued) -> None:
        self.step, self.issued, self.error, self._token = DeskStep.ISSUED, issued, None, None

    def issue_failed(self, error: Exception) -> None:
        """approval_required (or an approval the registry no longer takes) asks for one; any
        other refusal goes back to the order, whose key stays for the next attempt."""
        self.error = error if isinstance(error, RegistryError) else RegistryError("unexpected_error")
        self._token = None
        if self.error.code in ("approval_required", "approval_invalid"):
            self.step, self.wait = DeskStep.APPROVAL_REQUIRED, None
        else:
            self.step = DeskStep.ORDER

    # -- approvals ------------------------------------------------------------------------------

    def approval_count(self) -> Count:
        order = self.order
        assert order is not None
        known = order.documents()
        if known is not None:
            return known
        api, household, copies = self._api, order.household or "", order.copies
        return lambda: copies * api.household_size(household)

    def approve_in_person(self, supervisor_id: str, password: str,
                          purpose: str) -> Callable[[], InPersonApproval]:
        """ApprovalInputError for a missing field, or the job checking the supervisor."""
        job = in_person_job(self._approvals, supervisor_id, password, kind=KIND_CERTIFICATE,
                            count=self.approval_count(), purpose=purpose)
        self.step, self.error = DeskStep.APPROVING, None
        return job

    def approved_in_person(self, approval: InPersonApproval) -> Callable[[], Issued]:
        """The token in hand: the job that sends the order again with it."""
        self._token, self.approver = approval.token, approval.supervisor_id
        return self.resubmit()

    def approval_failed(self, error: Exception) -> None:
        self.error = error if isinstance(error, RegistryError) else RegistryError("unexpected_error")
        self.step = DeskStep.APPROVAL_REQUIRED

    def queue_for_approval(self, purpose: str) -> Callable[[], QueuedRequest]:
        job = ask_job(self._approvals, kind=KIND_CERTIFICATE, count=self.approval_count(),
                      purpose=purpose)
        self.error = None
        return job

    def queued(self, view: QueuedRequest) -> None:
        self.step, self.wait = DeskStep.AWAITING_APPROVAL, ApprovalWait(view)

    def poll(self) -> Callable[[], QueuedRequest]:
        assert self.wait is not None
        api, request_id = self._approvals, self.wait.request.id
        return lambda: api.collect(request_id)

    def observed(self, view: QueuedRequest) -> WaitState:
        """A poll's answer; APPROVED puts the token in hand for `resubmit`."""
        if self.wait is None or view.id != self.wait.request.id:
            return WaitState.WAITING  # an answer for a request given up meanwhile
        self.wait = self.wait.observed(view)
        if self.wait.state is WaitState.APPROVED:
            self._token, self.approver = self.wait.token, view.decided_by
        elif self.wait.state is not WaitState.WAITING:
            self.step = DeskStep.APPROVAL_REQUIRED
        return self.wait.state

    def give_up_approval(self) -> Callable[[], QueuedRequest] | None:
        """Back to the order (kept, with its key). A request still waiting in the supervisors'
        queue is to be withdrawn: the job that does it, or None."""
        wait = self.wait
        self.step, self.wait, self._token = DeskStep.ORDER, None, None
        if wait is None or wait.state is not WaitState.WAITING:
            return None
        api, request_id = self._approvals, wait.request.id
        return lambda: api.withdraw(request_id)

    # -- 再交付 -----------------------------------------------------------------------------------

    def reissue(self, reason: str) -> Callable[[], Issued]:
        """A spoiled print: the registry voids this serial and issues the same request anew."""
        if self.issued is None:
            raise RuntimeError("nothing issued to reissue")
        cleaned = " ".join(reason.split())
        if not cleaned:
            raise OrderProblems({"reason": "reason_required"})
        if len(cleaned) > 200:
            raise OrderProblems({"reason": "text_too_long"})
        serial = self.issued.serial
        if self._reissue_key is None or self._reissue_key[:2] != (serial, cleaned):
            self._reissue_key = (serial, cleaned, new_idempotency_key())
        key, api, seal = self._reissue_key[2], self._api, self._seal
        self.step, self.error = DeskStep.REISSUING, None
        return lambda: prepare(api.reissue(serial, cleaned, idempotency_key=key), seal())

    def reissue_succeeded(self, issued: Issued) -> None:
        self.step, self.issued, self.error, self._reissue_key = DeskStep.ISSUED, issued, None, None

    def reissue_failed(self, error: Exception) -> None:
        self.error = error if isinstance(error, RegistryError) else RegistryError("unexpected_error")
        self.step = DeskStep.ISSUED
