"""Bulk-job approvals seen from the terminal, GUI-free.

Two ways to the single-use token a bulk job needs (registry/security/approvals.py):
- in person: the supervisor types their own ID and password on the clerk's terminal
  (`POST /v1/approvals`); the token comes back at once;
- through the queue: the clerk asks (`POST /v1/approval-requests`), a supervisor approves or
  declines in their own 承認 workspace, and the clerk's session collects the token, once
  (`GET /v1/approval-requests/{id}`).

`ApprovalQueueApi` shapes those calls; `QueueFlow` is the supervisor's workspace state;
`ApprovalWait` is the clerk's side of a queued request. Calls block: the UI runs them on a
worker (ui/operations.py) and hands the answers back to the flows on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import Enum
from typing import Any, Final

from app.registry_api import RequestSender
from app.registry_client import new_idempotency_key

KIND_CERTIFICATE: Final = "certificate"
KIND_EXPORT: Final = "export.residents"
MAX_TEXT: Final = 200  # purpose and decline reason, as the registry's clean_text allows


class ApprovalInputError(ValueError):
    """What the supervisor or clerk typed cannot be sent; `code` names it for the UI."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _text(value: str, code: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ApprovalInputError(code)
    if len(cleaned) > MAX_TEXT:
        raise ApprovalInputError("text_too_long")
    return cleaned


@dataclass(frozen=True)
class QueuedRequest:
    id: int
    created_at: datetime
    clerk_id: str
    terminal_id: str
    kind: str
    count: int
    purpose: str
    status: str  # pending | approved | declined
    decided_at: datetime | None = None
    decided_by: str | None = None
    decline_reason: str | None = None
    token: str | None = field(default=None, repr=False)  # to the asking session, once


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None


def queued_of(raw: Mapping[str, Any]) -> QueuedRequest:
    created = _when(raw["created_at"])
    assert created is not None
    return QueuedRequest(
        id=int(raw["id"]), created_at=created, clerk_id=str(raw["clerk_id"]),
        terminal_id=str(raw["terminal_id"]), kind=str(raw["kind"]), count=int(raw["count"]),
        purpose=str(raw["purpose"]), status=str(raw["status"]), decided_at=_when(raw.get("decided_at")),
        decided_by=raw.get("decided_by"), decline_reason=raw.get("decline_reason"),
        token=raw.get("token"),
    )


@dataclass(frozen=True)
class InPersonApproval:
    token: str = field(repr=False)
    supervisor_id: str
    kind: str
    count: int


class ApprovalQueueApi:
    def __init__(self, sender: RequestSender) -> None:
        self._sender = sender

    def approve_in_person(self, supervisor_id: str, password: str, *, kind: str, count: int,
                          purpose: str) -> InPersonApproval:
        """The supervisor's own credentials on this terminal; InvalidCredentials, or a
        RegistryError `self_approval` / `permission_denied` / `account_locked`."""
        body = {"supervisor_id": supervisor_id, "supervisor_password": password, "kind": kind,
                "count": count, "purpose": purpose}
        raw = self._sender.request("POST", "/v1/approvals", json=body).json()
        return InPersonApproval(str(raw["token"]), str(raw["supervisor_id"]), str(raw["kind"]),
                                int(raw["count"]))

    def ask(self, *, kind: str, count: int, purpose: str) -> QueuedRequest:
        body = {"kind": kind, "count": count, "purpose": purpose}
        # A key of its own: a retry after a lost answer queues the request once.
        return queued_of(self._sender.request("POST", "/v1/approval-requests", json=body,
                                              idempotency_key=new_idempotency_key()).json())

    def pending(self) -> tuple[QueuedRequest, ...]:
        raw = self._sender.request("GET", "/v1/approval-requests").json()
        return tuple(queued_of(item) for item in raw["items"])

    def approve(self, request_id: int) -> QueuedRequest:
        return queued_of(self._sender.request("POST", f"/v1/approval-requests/{request_id}/approve").json())

    def decline(self, request_id: int, reason: str) -> QueuedRequest:
        answer = self._sender.request("POST", f"/v1/approval-requests/{request_id}/decline",
                                      json={"reason": reason})
        return queued_of(answer.json())

    def collect(self, request_id: int) -> QueuedRequest:
        return queued_of(self._sender.request("GET", f"/v1/approval-requests/{request_id}").json())

    def withdraw(self, request_id: int) -> QueuedRequest:
        """Take a pending request back out of the supervisors' queue."""
        return queued_of(self._sender.request("POST", f"/v1/approval-requests/{request_id}/withdraw").json())


# -- the supervisor's queue -----------------------------------------------------------------------


class QueueFlow:
    """The 承認 workspace's state: the pending requests, oldest first. Jobs are plain
    callables for a worker; their answers come back through `refreshed` / `decided`."""

    def __init__(self, api: ApprovalQueueApi) -> None:
        self._api = api
        self.items: tuple[QueuedRequest, ...] = ()

    def refresh(self) -> Callable[[], tuple[QueuedRequest, ...]]:
        return self._api.pending

    def refreshed(self, items: Sequence[QueuedRequest]) -> None:
        self.items = tuple(sorted(items, key=lambda r: r.id))

    def find(self, request_id: int) -> QueuedRequest | None:
        return next((r for r in self.items if r.id == request_id), None)

    def approve(self, request_id: int) -> Callable[[], QueuedRequest]:
        api = self._api
        return lambda: api.approve(request_id)

    def decline(self, request_id: int, reason: str) -> Callable[[], QueuedRequest]:
        """ApprovalInputError `reason_required` before anything is sent."""
        cleaned, api = _text(reason, "reason_required"), self._api
        return lambda: api.decline(request_id, cleaned)

    def decided(self, view: QueuedRequest) -> None:
        self.items = tuple(r for r in self.items if r.id != view.id)

    def gone(self, request_id: int) -> None:
        """Decided elsewhere meanwhile (409) or no longer there (404): off the list."""
        self.items = tuple(r for r in self.items if r.id != request_id)

    def clear(self) -> None:
        self.items = ()


# -- the clerk's side of a queued request ---------------------------------------------------------


class WaitState(Enum):
    WAITING = "waiting"
    APPROVED = "approved"  # the token is in hand
    DECLINED = "declined"
    TOKEN_LOST = "token_lost"  # approved, but the one delivery of the token did not reach us


@dataclass(frozen=True)
class ApprovalWait:
    """A request this session queued, as last seen."""

    request: QueuedRequest
    state: WaitState = WaitState.WAITING

    @property
    def token(self) -> str | None:
        return self.request.token if self.state is WaitState.APPROVED else None

    def observed(self, view: QueuedRequest) -> ApprovalWait:
        if view.status == "declined":
            return ApprovalWait(view, WaitState.DECLINED)
        if view.status == "approved":
            # The registry hands the token over once; an approved request answered without it
            # was collected by an earlier poll whose answer never arrived. Only a new
            # request helps then.
            return ApprovalWait(view, WaitState.APPROVED if view.token else WaitState.TOKEN_LOST)
        return ApprovalWait(replace(view, token=None), WaitState.WAITING)


Count = int | Callable[[], int]  # a callable when only the registry knows it (a household's size)


def _resolve(count: Count) -> int:
    return count() if callable(count) else count


def ask_job(api: ApprovalQueueApi, *, kind: str, count: Count, purpose: str) -> Callable[[], QueuedRequest]:
    """ApprovalInputError `purpose_required` before anything is sent."""
    cleaned = _text(purpose, "purpose_required")
    return lambda: api.ask(kind=kind, count=_resolve(count), purpose=cleaned)


def in_person_job(api: ApprovalQueueApi, supervisor_id: str, password: str, *, kind: str,
                  count: Count, purpose: str) -> Callable[[], InPersonApproval]:
    """ApprovalInputError `supervisor_required` / `password_required` / `purpose_required`."""
    supervisor = supervisor_id.strip()
    if not supervisor:
        raise ApprovalInputError("supervisor_required")
    if not password:
        raise ApprovalInputError("password_required")
    cleaned = _text(purpose, "purpose_required")
    return lambda: api.approve_in_person(supervisor, password, kind=kind, count=_resolve(count),
                                         purpose=cleaned)
