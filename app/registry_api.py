"""Typed calls on top of app/registry_client.py for the counter workflows: search, record,
history, household, moves, move kinds, towns, received 転出証明書情報 and certificates.

The client does transport, TLS, retries and typed errors; this module only shapes requests and
turns answers into frozen dataclasses, so that the workflows in app/workflows never touch JSON.
Calls block: the UI runs them on a worker (ui/operations.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

import httpx

from app.domain.search_rule import SearchCriteria
from app.registry_client import RegistryError


class RequestSender(Protocol):
    """What RegistryClient offers; a test may pass anything with the same method."""

    def request(self, method: str, path: str, *, json: Any = None,
                params: Mapping[str, str] | None = None, idempotency_key: str | None = None,
                authenticated: bool = True,
                headers: Mapping[str, str] | None = None) -> httpx.Response: ...


def field_of(error: Exception) -> str | None:
    """The field path a refusal names (`persons[1].family_name_kana`), when the client kept it."""
    value = getattr(error, "field", None)
    return value if isinstance(value, str) and value else None


# -- answers -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonName:
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    alias_name: str | None = None
    alias_name_kana: str | None = None

    @property
    def full(self) -> str:
        return f"{self.family_name}\u3000{self.given_name}".strip()

    @property
    def kana(self) -> str:
        return f"{self.family_name_kana}\u3000{self.given_name_kana}".strip()


@dataclass(frozen=True, slots=True)
class Address:
    postal_code: str
    town_code: str
    town_name: str
    detail: str
    building: str | None
    full: str


@dataclass(frozen=True)
class Person:
    """A person as one version of the record shows them. `raw` keeps the answer as sent, for
    the items a view shows verbatim and for comparing two states field by field."""

    name: PersonName
    birth_date: date
    sex: str
    resident_type: str
    address: Address
    household_number: str | None
    relationship: str
    is_head: bool
    removed_on: date | None
    removal_reason: str | None
    processing_stop: bool
    raw: Mapping[str, Any]


@dataclass(frozen=True)
class ResidentSummary:
    id: str  # 宛名番号
    status: str  # resident | removed
    person: Person


@dataclass(frozen=True)
class SearchPage:
    items: tuple[ResidentSummary, ...]
    offset: int
    has_more: bool
    next_offset: int | None


@dataclass(frozen=True, slots=True)
class VersionInfo:
    version: int
    change_reason: str
    change_date: date
    notified_on: date | None
    late_notification: bool
    late_reason: str | None


@dataclass(frozen=True)
class ResidentRecord:
    id: str
    resident_code: str
    status: str
    current: VersionInfo
    record: Person
    individual_number: str | None  # only on an explicit, permitted and logged reveal


@dataclass(frozen=True)
class HistoryEntry:
    info: VersionInfo
    record: Person


@dataclass(frozen=True)
class Household:
    household_number: str
    address: Address | None
    head_id: str | None
    members: tuple[ResidentSummary, ...]


@dataclass(frozen=True)
class MoveKindInfo:
    code: str
    change_reason: str
    group: str
    notified: bool
    fields: frozenset[str]
    required: frozenset[str]
    person_fields: frozenset[str]
    person_required: frozenset[str]
    household_modes: tuple[str, ...]


@dataclass(frozen=True)
class MoveKinds:
    kinds: tuple[MoveKindInfo, ...]
    labels: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    label: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class PersonChange:
    ref: str
    id: str | None
    action: str  # create | update | remove
    change_reason: str
    before: Person | None
    after: Person
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class HouseholdMember:
    ref: str
    id: str | None
    name: str
    relationship: str


@dataclass(frozen=True)
class HouseholdChange:
    household_number: str | None
    action: str  # create | update | dissolve
    members_before: tuple[HouseholdMember, ...]
    members_after: tuple[HouseholdMember, ...]


@dataclass(frozen=True, slots=True)
class MoveWarning:
    code: str
    message: str
    field: str | None


@dataclass(frozen=True)
class MoveReview:
    id: str
    kind: str
    change_reason: str
    status: str
    move_date: date
    notified_on: date | None
    late_notification: bool
    expires_at: str
    persons: tuple[PersonChange, ...]
    households: tuple[HouseholdChange, ...]
    warnings: tuple[MoveWarning, ...]


@dataclass(frozen=True, slots=True)
class CommittedPerson:
    ref: str
    id: str
    resident_code: str
    change_reason: str


@dataclass(frozen=True)
class MoveResult:
    id: str
    kind: str
    persons: tuple[CommittedPerson, ...]
    household_numbers: tuple[str, ...]
    transfer_certificates: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Town:
    code: str
    name: str
    kana: str
    postal_code: str


@dataclass(frozen=True, slots=True)
class TransferNoticeSummary:
    """Received 転出証明書情報 as a lookup lists it (never with the individual number)."""

    id: str  # 32 hex characters, what a 特例転入 names
    received_at: datetime
    from_municipality: str  # 転出元 地方公共団体コード
    planned_move_date: date  # 転出予定日
    name: str = field(repr=False)
    birth_date: date = field(repr=False)
    used: bool = False


# -- parsing ---------------------------------------------------------------------------------------


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _address(raw: Mapping[str, Any]) -> Address:
    return Address(str(raw["postal_code"]), str(raw["town_code"]), str(raw["town_name"]),
                   str(raw["detail"]), raw.get("building"), str(raw["full"]))


def person_of(raw: Mapping[str, Any]) -> Person:
    name = raw["name"]
    birth = _date(raw["birth_date"])
    assert birth is not None
    return Person(
        name=PersonName(name["family_name"], name["given_name"], name["family_name_kana"],
                        name["given_name_kana"], name.get("alias_name"), name.get("alias_name_kana")),
        birth_date=birth, sex=str(raw["sex"]), resident_type=str(raw["resident_type"]),
        address=_address(raw["address"]), household_number=raw.get("household_number"),
        relationship=str(raw["relationship"]), is_head=bool(raw["is_head"]),
        removed_on=_date(raw.get("removed_on")), removal_reason=raw.get("removal_reason"),
        processing_stop=bool(raw.get("processing_stop")), raw=dict(raw),
    )


def summary_of(raw: Mapping[str, Any]) -> ResidentSummary:
    return ResidentSummary(str(raw["id"]), str(raw["status"]), person_of(raw))


def _info(raw: Mapping[str, Any]) -> VersionInfo:
    changed = _date(raw["change_date"])
    assert changed is not None
    return VersionInfo(int(raw["version"]), str(raw["change_reason"]), changed,
                       _date(raw.get("notified_on")), bool(raw.get("late_notification")),
                       raw.get("late_reason"))


def record_of(raw: Mapping[str, Any]) -> ResidentRecord:
    return ResidentRecord(str(raw["id"]), str(raw["resident_code"]), str(raw["status"]),
                          _info(raw["current"]), person_of(raw["record"]),
                          raw.get("individual_number"))


def household_of(raw: Mapping[str, Any]) -> Household:
    address = raw.get("address")
    return Household(str(raw["household_number"]), _address(address) if address else None,
                     raw.get("head_id"), tuple(summary_of(m) for m in raw["members"]))


def kinds_of(raw: Mapping[str, Any]) -> MoveKinds:
    kinds = tuple(
        MoveKindInfo(
            code=str(k["code"]), change_reason=str(k["change_reason"]), group=str(k["group"]),
            notified=bool(k["notified"]), fields=frozenset(k["fields"]),
            required=frozenset(k["required"]), person_fields=frozenset(k["person_fields"]),
            person_required=frozenset(k["person_required"]),
            household_modes=tuple(k.get("household_modes", ())),
        )
        for k in raw["kinds"]
    )
    return MoveKinds(kinds, dict(raw.get("labels", {})))


def _members(raw: Sequence[Mapping[str, Any]]) -> tuple[HouseholdMember, ...]:
    return tuple(HouseholdMember(str(m["ref"]), m.get("id"), str(m["name"]), str(m["relationship"]))
                 for m in raw)


def review_of(raw: Mapping[str, Any]) -> MoveReview:
    move_date = _date(raw["move_date"])
    assert move_date is not None
    return MoveReview(
        id=str(raw["id"]), kind=str(raw["kind"]), change_reason=str(raw["change_reason"]),
        status=str(raw["status"]), move_date=move_date, notified_on=_date(raw.get("notified_on")),
        late_notification=bool(raw.get("late_notification")), expires_at=str(raw.get("expires_at", "")),
        persons=tuple(
            PersonChange(
                ref=str(p["ref"]), id=p.get("id"), action=str(p["action"]),
                change_reason=str(p["change_reason"]),
                before=person_of(p["before"]) if p.get("before") else None,
                after=person_of(p["after"]),
                changes=tuple(FieldChange(str(c["field"]), str(c["label"]), c.get("before"),
                                          c.get("after")) for c in p["changes"]),
            )
            for p in raw["persons"]
        ),
        households=tuple(
            HouseholdChange(h.get("household_number"), str(h["action"]),
                            _members(h["members_before"]), _members(h["members_after"]))
            for h in raw["households"]
        ),
        warnings=tuple(MoveWarning(str(w["code"]), str(w["message"]), w.get("field"))
                       for w in raw["warnings"]),
    )


def result_of(raw: Mapping[str, Any]) -> MoveResult:
    return MoveResult(
        id=str(raw["id"]), kind=str(raw["kind"]),
        persons=tuple(CommittedPerson(str(p["ref"]), str(p["id"]), str(p["resident_code"]),
                                      str(p["change_reason"])) for p in raw["persons"]),
        household_numbers=tuple(str(h["household_number"]) for h in raw["households"]),
        transfer_certificates=tuple(raw.get("transfer_certificates", ())),
    )


def transfer_notice_of(raw: Mapping[str, Any]) -> TransferNoticeSummary:
    planned, born = _date(raw["planned_move_date"]), _date(raw["birth_date"])
    assert planned is not None and born is not None
    return TransferNoticeSummary(
        id=str(raw["id"]), received_at=datetime.fromisoformat(str(raw["received_at"])),
        from_municipality=str(raw["from_municipality"]), planned_move_date=planned,
        name=str(raw["name"]), birth_date=born, used=bool(raw["used"]),
    )


def search_params(criteria: SearchCriteria, *, limit: int, offset: int,
                  include_removed: bool) -> dict[str, str]:
    params: dict[str, str] = {"limit": str(limit)}
    if offset:
        params["offset"] = str(offset)
    if include_removed:
        params["include_removed"] = "true"
    for key in ("name", "name_kana", "address", "sex", "resident_code", "individual_number"):
        value = getattr(criteria, key)
        if value is not None and value.strip():
            params[key] = value.strip()
    if criteria.birth_date is not None:
        params["birth_date"] = criteria.birth_date.isoformat()
    return params


# -- calls -------------------------------------------------------------------------------------------


class RegistryApi:
    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender

    def _get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        return self._sender.request("GET", path, params=params).json()

    def search(self, criteria: SearchCriteria, *, limit: int = 20, offset: int = 0,
               include_removed: bool = False) -> SearchPage:
        body = self._get("/v1/residents/search", search_params(
            criteria, limit=limit, offset=offset, include_removed=include_removed))
        return SearchPage(tuple(summary_of(i) for i in body["items"]), int(body["offset"]),
                          bool(body["has_more"]), body.get("next_offset"))

    def resident(self, resident_id: str, *, reveal_number: bool = False) -> ResidentRecord:
        params = {"reveal": "individual_number"} if reveal_number else None
        return record_of(self._get(f"/v1/residents/{resident_id}", params))

    def history(self, resident_id: str) -> tuple[HistoryEntry, ...]:
        body = self._get(f"/v1/residents/{resident_id}/history")
        return tuple(HistoryEntry(_info(v["info"]), person_of(v["record"])) for v in body["versions"])

    def household(self, household_number: str) -> Household:
        return household_of(self._get(f"/v1/households/{household_number}"))

    def move_kinds(self) -> MoveKinds:
        return kinds_of(self._get("/v1/moves/kinds"))

    def towns(self) -> tuple[Town, ...]:
        """GET /v1/towns (404 `not_found` from a registry that does not serve it yet)."""
        body = self._get("/v1/towns")
        items = body["towns"] if isinstance(body, dict) else body
        return tuple(Town(str(t["town_code"]), str(t["name"]), str(t.get("kana", "")),
                          str(t["postal_code"])) for t in items)

    def transfer_notices(self, *, resident_code: str | None = None, name: str | None = None,
                         birth_date: date | None = None) -> tuple[TransferNoticeSummary, ...]:
        """GET /v1/transfer-notices: by 住民票コード alone (every notice), or by the name and
        birth date on the Individual Number Card together (the notices not yet used)."""
        if resident_code is not None:
            if name is not None or birth_date is not None:
                raise ValueError("a 住民票コード or a name with a birth date, not both")
            params = {"resident_code": resident_code}
        elif name is not None and birth_date is not None:
            params = {"name": name, "birth_date": birth_date.isoformat()}
        else:
            raise ValueError("a 住民票コード, or a name together with a birth date")
        body = self._get("/v1/transfer-notices", params)
        return tuple(transfer_notice_of(i) for i in body["items"])

    def create_move(self, body: Mapping[str, Any], *, idempotency_key: str) -> MoveReview:
        response = self._sender.request("POST", "/v1/moves", json=dict(body),
                                        idempotency_key=idempotency_key)
        return review_of(response.json())

    def commit_move(self, move_id: str, *, idempotency_key: str) -> MoveResult:
        response = self._sender.request("POST", f"/v1/moves/{move_id}/commit",
                                        idempotency_key=idempotency_key)
        return result_of(response.json())

    def move(self, move_id: str) -> tuple[MoveReview, MoveResult | None]:
        body = self._get(f"/v1/moves/{move_id}")
        return review_of(body["review"]), result_of(body["result"]) if body.get("result") else None

    def discard_move(self, move_id: str) -> None:
        try:
            self._sender.request("DELETE", f"/v1/moves/{move_id}")
        except RegistryError as exc:
            # Already gone (expired, purged or committed): nothing is left to discard.
            if exc.status not in (404, 409, 410):
                raise

    def issue_certificate(self, body: Mapping[str, Any], *, idempotency_key: str) -> dict[str, Any]:
        """POST /v1/certificates; the answer goes to app.certificates.certificate() unchanged."""
        answer = self._sender.request("POST", "/v1/certificates", json=dict(body),
                                      idempotency_key=idempotency_key).json()
        return dict(answer)
