"""A registry in a few dicts for the desk's pure flow tests: the certificate answer's shape
(registry/certificates/service.py) with invented people, the bulk threshold, approvals and
the queue. Nothing here is a real person."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from app.registry_client import InvalidCredentials, RegistryError

ISSUED_ON = "2026-02-13"
THRESHOLD = 10


def person(family: str = "見本", given: str = "太郎", *, head: bool = True) -> dict[str, Any]:
    return {
        "name": {"family": family, "given": given, "family_kana": "ミホン", "given_kana": "タロウ"},
        "is_head": head, "birth_date": "1980-02-17", "sex": "男",
        "address": {"main": "大阪府寝屋川市池田一丁目3番12号", "building": None},
        "relationship": "世帯主" if head else "子", "became_resident": None, "address_settled": None,
        "previous_address": None, "domicile": None, "individual_number": None, "resident_code": None,
        "former_surname": None, "alias": None, "foreign": None, "change": None, "removal": None,
    }


def answer(serial: str, persons: list[dict[str, Any]] | None = None, *, kind: str = "juminhyo_individual",
           copies: int = 1, reissue_of: str | None = None) -> dict[str, Any]:
    persons = persons or [person()]
    return {
        "kind": kind, "kind_label": "住民票の写し", "issued_on": ISSUED_ON, "serial": serial,
        "verification_code": "ABCD2345", "qr_text": f"MDG1:{serial}:ABCD2345", "fee_yen": 300,
        "issuer": {"municipality_name": "寝屋川市", "municipality_code": "272159",
                   "mayor_title": "寝屋川市長", "mayor_name": "見本 市長"},
        "household": {"address": {"main": "大阪府寝屋川市池田一丁目3番12号", "building": None},
                      "head": None, "number": "0000000001", "whole": False},
        "persons": persons, "move_out": None, "copies": copies, "total_fee_yen": 300 * copies,
        "reissue_of": reissue_of,
    }


@dataclass
class Call:
    method: str
    path: str
    json: Any
    key: str | None
    headers: dict[str, str]


class FakeRegistry:
    """Answers like the registry for the calls the desk makes."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.by_key: dict[str, dict[str, Any]] = {}
        self.serials = itertools.count(1)
        self.tokens: dict[str, int] = {}  # token → approved count, single use
        self.queue: dict[int, dict[str, Any]] = {}
        self.household_members = 3
        self.persons: list[dict[str, Any]] | None = None
        self.refuse: RegistryError | None = None

    def request(self, method: str, path: str, *, json: Any = None, params: Mapping[str, str] | None = None,
                idempotency_key: str | None = None, authenticated: bool = True,
                headers: Mapping[str, str] | None = None) -> httpx.Response:
        self.calls.append(Call(method, path, json, idempotency_key, dict(headers or {})))
        if self.refuse is not None:
            raise self.refuse
        if (method, path) == ("POST", "/v1/certificates"):
            return self._issue(json, idempotency_key, dict(headers or {}))
        if method == "POST" and path.endswith("/reissue"):
            serial = path.split("/")[3]
            key = idempotency_key or ""
            if key not in self.by_key:
                self.by_key[key] = answer(self._serial(), self.persons, reissue_of=serial)
            return httpx.Response(201, json=self.by_key[key])
        if method == "GET" and path.startswith("/v1/households/"):
            return httpx.Response(200, json={"members": [{}] * self.household_members})
        if (method, path) == ("POST", "/v1/approvals"):
            if json["supervisor_password"] != "Testpass2026x":
                raise InvalidCredentials("invalid_credentials", 401)
            token = f"token-{len(self.tokens) + 1}"
            self.tokens[token] = json["count"]
            return httpx.Response(201, json={"token": token, "kind": json["kind"], "count": json["count"],
                                             "supervisor_id": json["supervisor_id"], "expires_at": None})
        if (method, path) == ("POST", "/v1/approval-requests"):
            number = len(self.queue) + 1
            self.queue[number] = {"id": number, "created_at": "2026-02-13T01:02:03Z", "clerk_id": "t-clerk",
                                  "terminal_id": "test-terminal", "status": "pending", **json}
            return httpx.Response(201, json=self.queue[number])
        if method == "GET" and path.startswith("/v1/approval-requests/"):
            row = self.queue[int(path.rsplit("/", 1)[1])]
            view, row["token"] = dict(row), None  # the token goes out once
            return httpx.Response(200, json=view)
        raise AssertionError(f"unexpected call {method} {path}")

    def decide(self, number: int, *, approve: bool, reason: str | None = None) -> None:
        row = self.queue[number]
        row.update(status="approved" if approve else "declined", decided_by="t-super",
                   decline_reason=reason)
        if approve:
            row["token"] = f"queued-{number}"
            self.tokens[row["token"]] = row["count"]

    def _serial(self) -> str:
        return f"2026-{next(self.serials):08d}"

    def _issue(self, body: dict[str, Any], key: str | None, headers: dict[str, str]) -> httpx.Response:
        if key in self.by_key:
            return httpx.Response(201, json=self.by_key[key])
        per_person = body["kind"] in ("juminhyo_individual", "johyo")
        size = self.household_members if "household" in body else len(body.get("persons", []))
        documents = body["copies"] * (size if per_person else 1)
        if documents > THRESHOLD:
            token = headers.get("X-Approval-Token")
            if token is None:
                raise RegistryError("approval_required", 403, "管理責任者の事前承認が必要です。")
            if self.tokens.pop(token, -1) < documents:
                raise RegistryError("approval_invalid", 403, "承認が使えません。")
        made = answer(self._serial(), self.persons, kind=body["kind"], copies=body["copies"])
        if key is not None:
            self.by_key[key] = made
        return httpx.Response(201, json=made)
