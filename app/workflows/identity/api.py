"""The registry calls of the identity check (contract: registry API v1) and the values they
return: the person checked and the check on record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.registry_api import Person, RequestSender, record_of


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
