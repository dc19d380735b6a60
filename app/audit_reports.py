"""The audit trail as supervisors and auditors read it on the terminal: who accessed a
resident's record and when (the 開示請求 report, seed l.899-901), what one staff member did in a
period, and the open security alerts (a clerk blocked for too many searches), which a
supervisor resolves. GUI-free: the 監査 workspace (ui/audit) shows what this module answers.

Every listing is itself audited by the registry (audit.read, naming the resident asked about).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from app.domain.clock import JST
from app.domain.errors import DomainError
from app.domain.text import is_ascii_digits
from app.registry_api import RequestSender
from app.workflows.dates import parse_date_input
from app.workflows.errors import FieldErrors

PAGE_SIZE: Final = 100
_STAFF_ID: Final = re.compile(r"[A-Za-z0-9._\-]{2,40}")
_FULL_WIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    staff_id: str | None
    terminal_id: str | None
    action: str
    result: str
    number_access: bool
    reference: str | None
    approver_id: str | None
    detail: str | None
    targets: tuple[str, ...]


@dataclass(frozen=True)
class AuditPage:
    items: tuple[AuditEntry, ...]
    next_before: int | None


@dataclass(frozen=True)
class Alert:
    id: int
    at: datetime
    kind: str
    staff_id: str | None
    terminal_id: str | None
    detail: str
    resolved_at: datetime | None
    resolved_by: str | None


def _when(value: Any) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=JST)


def entry_of(raw: Mapping[str, Any]) -> AuditEntry:
    return AuditEntry(
        id=int(raw["id"]), at=_when(raw["at"]), staff_id=raw.get("staff_id"),
        terminal_id=raw.get("terminal_id"), action=str(raw["action"]), result=str(raw["result"]),
        number_access=bool(raw.get("number_access")), reference=raw.get("reference"),
        approver_id=raw.get("approver_id"), detail=raw.get("detail"),
        targets=tuple(str(t) for t in raw.get("targets") or ()),
    )


def alert_of(raw: Mapping[str, Any]) -> Alert:
    resolved = raw.get("resolved_at")
    return Alert(
        id=int(raw["id"]), at=_when(raw["at"]), kind=str(raw["kind"]), staff_id=raw.get("staff_id"),
        terminal_id=raw.get("terminal_id"), detail=str(raw.get("detail") or ""),
        resolved_at=_when(resolved) if resolved else None, resolved_by=raw.get("resolved_by"),
    )


class AuditApi:
    """`GET /v1/audit`, `GET /v1/alerts`, `POST /v1/alerts/{id}/resolve`."""

    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender

    def listing(self, query: Mapping[str, str], before: int | None = None) -> AuditPage:
        params = dict(query)
        params["limit"] = str(PAGE_SIZE)
        if before is not None:
            params["before"] = str(before)
        raw = self._sender.request("GET", "/v1/audit", params=params).json()
        next_before = raw.get("next_before")
        return AuditPage(tuple(entry_of(item) for item in raw["items"]),
                         int(next_before) if next_before is not None else None)

    def alerts(self) -> tuple[Alert, ...]:
        raw = self._sender.request("GET", "/v1/alerts").json()
        return tuple(alert_of(item) for item in raw["items"])

    def resolve(self, alert_id: int) -> Alert:
        return alert_of(self._sender.request("POST", f"/v1/alerts/{alert_id}/resolve").json())


def query_of(values: Mapping[str, str]) -> dict[str, str]:
    """The registry's query for what was typed: `resident` (宛名番号), `staff_id`, and the days
    `since`/`until` (both included, Japan time; any date form the counter accepts). At least a
    resident or a staff member: the whole trail is not browsed from a terminal.
    FieldErrors by field otherwise, in Japanese."""
    errors: dict[str, str] = {}
    query: dict[str, str] = {}
    resident = "".join(values.get("resident", "").split()).translate(_FULL_WIDTH_DIGITS)
    staff_id = values.get("staff_id", "").strip()
    if resident:
        if is_ascii_digits(resident, 10):
            query["resident"] = resident
        else:
            errors["resident"] = "宛名番号は10桁の数字で入力してください。"
    if staff_id:
        if _STAFF_ID.fullmatch(staff_id):
            query["staff_id"] = staff_id
        else:
            errors["staff_id"] = "職員IDは英数字と - _ . の2〜40文字です。"
    if not resident and not staff_id and not errors:
        errors["resident"] = "宛名番号か職員IDを入力してください。"
    days: dict[str, date] = {}
    for key in ("since", "until"):
        text = values.get(key, "").strip()
        if not text:
            continue
        try:
            days[key] = parse_date_input(text, "R", field=key)
        except DomainError as error:
            errors[key] = error.message
    if "since" in days and "until" in days and days["since"] > days["until"]:
        errors["until"] = "期間の終わりが始まりより前です。"
    if errors:
        raise FieldErrors(errors)
    if "since" in days:
        query["since"] = datetime.combine(days["since"], time(), JST).isoformat()
    if "until" in days:  # the whole last day
        query["until"] = datetime.combine(days["until"] + timedelta(days=1), time(), JST).isoformat()
    return query
