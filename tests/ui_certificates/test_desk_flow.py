"""The certificate desk and the approval queue as GUI-free flows, driven with plain dicts
against a registry in dicts (fakes.py): no Qt, no network."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.approval_queue import ApprovalInputError, ApprovalQueueApi, QueueFlow, WaitState, queued_of
from app.certificate_desk import (
    CertificateApi,
    CertificateDesk,
    DeskStep,
    OrderProblems,
    order_from,
)
from app.registry_client import ClientConfig, InvalidCredentials, RegistryClient, RegistryError
from printing.specimen import seal_png
from tests.ui_certificates.fakes import FakeRegistry, person

pytestmark = [pytest.mark.terminal]

TSUCHI_YOSHI = "\U00020bb7"  # 𠮷: not in IPAex明朝 (tests/printing/test_glyphs.py)
SELF = {"type": "self", "person_id": "0000000101"}


SEAL = seal_png(size=96)


def desk_over(fake: Any) -> CertificateDesk:
    return CertificateDesk(CertificateApi(fake), ApprovalQueueApi(fake), seal=lambda: SEAL)


def order(**changes: Any) -> dict[str, Any]:
    return {"kind": "juminhyo_individual", "persons": "0000000101", "requester": SELF, "copies": 1,
            **changes}


# -- the order ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("requester", "field", "code"), [
    ({}, "requester.type", "requester_type_required"),
    ({"type": "self"}, "requester.person_id", "requester_person_required"),
    ({"type": "agent", "name": "代理 人子"}, "requester.power_of_attorney", "power_of_attorney_required"),
    ({"type": "third_party", "name": "債権 者男"}, "requester.interest", "legitimate_interest_required"),
    ({"type": "official", "office": "  "}, "requester.office", "office_required"),
    ({"type": "professional", "name": "士業 花子", "profession": "占い師", "registration_number": "1"},
     "requester.profession", "profession_required"),
])
def test_incomplete_requesters_are_named_per_field(requester: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(OrderProblems) as raised:
        order_from(order(requester=requester))
    assert raised.value.problems[field] == code


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"kind": "meishi"}, "kind", "kind_required"),
    ({"persons": ""}, "persons", "target_required"),
    ({"household": "0000000001"}, "persons", "persons_or_household"),
    ({"persons": "12345"}, "persons", "invalid_person_id"),
    ({"persons": "", "household": "12"}, "household", "invalid_household_number"),
    ({"copies": "0"}, "copies", "invalid_copies"),
    ({"copies": 51}, "copies", "invalid_copies"),
    ({"items": ["blood_type"]}, "items", "invalid_item"),
    ({"kind": "tenshutsu", "persons": ""}, "move_id", "move_required"),
])
def test_incomplete_orders_are_named_per_field(changes: dict[str, Any], field: str, code: str) -> None:
    with pytest.raises(OrderProblems) as raised:
        order_from(order(**changes))
    assert raised.value.problems[field] == code


def test_order_body_carries_only_what_the_requester_type_has() -> None:
    made = order_from(order(persons="0000000101、0000000102 0000000101", items=["relationship"], copies="2",
                            requester={"type": "professional", "name": " 士業  花子 ", "profession": "弁護士",
                                       "registration_number": "12345", "person_id": "0000000101"}))
    assert made.body() == {
        "kind": "juminhyo_individual", "persons": ["0000000101", "0000000102"], "items": ["relationship"],
        "copies": 2, "requester": {"type": "professional", "name": "士業 花子", "profession": "弁護士",
                                   "registration_number": "12345"},
    }
    assert made.documents() == 4  # one document per person and copy
    household = order_from(order(persons="", household="0000000001", kind="juminhyo_household", copies=3))
    assert household.body()["household"] == "0000000001" and household.documents() == 3
    unknown = order_from(order(persons="", household="0000000001"))
    assert unknown.documents() is None  # individual copies of a household: the registry knows its size


# -- issuing ------------------------------------------------------------------------------------


@pytest.mark.printing
def test_issue_renders_in_memory_and_resubmission_keeps_the_key() -> None:
    fake = FakeRegistry()
    desk = desk_over(fake)
    issued = desk.submit(order())()
    desk.issue_succeeded(issued)
    assert desk.step is DeskStep.ISSUED and issued.printable and issued.pdf is not None
    assert issued.pdf.startswith(b"%PDF") and issued.serial == "2026-00000001"
    again = desk.submit(order())()  # a second press: the same key, the same serial
    assert again.serial == issued.serial
    assert fake.calls[0].key == fake.calls[1].key
    other = desk.submit(order(copies=2))()
    assert other.serial == "2026-00000002" and fake.calls[2].key != fake.calls[0].key
    desk.clear()
    desk.submit(order())
    assert desk.step is DeskStep.ISSUING and desk.issued is None


def test_a_refusal_keeps_the_order_and_its_key() -> None:
    fake = FakeRegistry()
    desk = desk_over(fake)
    fake.refuse = RegistryError("item_not_allowed", 403, "本人または同一世帯の方の請求にしか記載できません。")
    with pytest.raises(RegistryError) as raised:
        desk.submit(order())()
    desk.issue_failed(raised.value)
    assert desk.step is DeskStep.ORDER and desk.error is not None and desk.error.code == "item_not_allowed"
    fake.refuse = None
    desk.submit(order())
    assert len({c.key for c in fake.calls}) == 1


@pytest.mark.printing
def test_missing_glyphs_stop_the_pdf() -> None:
    fake = FakeRegistry()
    fake.persons = [person("吉田", f"{TSUCHI_YOSHI}子")]
    issued = desk_over(fake).submit(order())()
    assert not issued.printable and issued.pdf is None
    assert [(m.field, m.characters) for m in issued.missing] == [("persons[0].name", (TSUCHI_YOSHI,))]


# -- approvals ----------------------------------------------------------------------------------


@pytest.mark.printing
def test_bulk_job_approved_in_person_then_sent_again_with_the_token() -> None:
    fake = FakeRegistry()
    desk = desk_over(fake)
    bulk = order(copies=11)
    with pytest.raises(RegistryError) as raised:
        desk.submit(bulk)()
    desk.issue_failed(raised.value)
    assert desk.step is DeskStep.APPROVAL_REQUIRED
    with pytest.raises(ApprovalInputError) as missing:
        desk.approve_in_person("t-super", "", "一括発行")
    assert missing.value.code == "password_required"
    with pytest.raises(InvalidCredentials) as wrong:
        desk.approve_in_person("t-super", "wrong", "一括発行")()
    desk.approval_failed(wrong.value)
    assert desk.step is DeskStep.APPROVAL_REQUIRED and desk.error is not None
    approval = desk.approve_in_person("t-super", "Testpass2026x", "法務局への一括提出")()
    assert fake.calls[-1].json["count"] == 11
    issued = desk.approved_in_person(approval)()
    desk.issue_succeeded(issued)
    sent = [c for c in fake.calls if c.path == "/v1/certificates"]
    assert sent[-1].headers == {"X-Approval-Token": "token-1"} and sent[0].headers == {}
    assert sent[0].key == sent[-1].key and desk.approver == "t-super"
    assert desk.step is DeskStep.ISSUED and "token-1" not in fake.tokens  # spent


@pytest.mark.printing
def test_bulk_job_through_the_queue() -> None:
    fake = FakeRegistry()
    desk = desk_over(fake)
    fake.household_members = 4
    with pytest.raises(RegistryError) as raised:
        desk.submit(order(persons="", household="0000000001", copies=3))()
    desk.issue_failed(raised.value)
    asked = desk.queue_for_approval("  年金事務所への提出  ")()
    assert (asked.count, asked.purpose) == (12, "年金事務所への提出")  # 3 copies × 4 members
    desk.queued(asked)
    assert desk.step is DeskStep.AWAITING_APPROVAL
    assert desk.observed(desk.poll()()) is WaitState.WAITING
    fake.decide(asked.id, approve=True)
    assert desk.observed(desk.poll()()) is WaitState.APPROVED
    issued = desk.resubmit()()
    assert issued.serial == "2026-00000001"
    assert fake.calls[-1].headers == {"X-Approval-Token": f"queued-{asked.id}"}


def test_queued_request_declined_or_its_token_lost() -> None:
    fake = FakeRegistry()
    desk = desk_over(fake)
    desk.submit(order(copies=20))
    desk.issue_failed(RegistryError("approval_required", 403))
    with pytest.raises(ApprovalInputError):
        desk.queue_for_approval(" ")
    desk.queued(desk.queue_for_approval("一括")())
    assert desk.wait is not None
    fake.decide(desk.wait.request.id, approve=False, reason="目的が不明確")
    assert desk.observed(desk.poll()()) is WaitState.DECLINED
    assert desk.step is DeskStep.APPROVAL_REQUIRED and desk.wait.request.decline_reason == "目的が不明確"
    desk.queued(desk.queue_for_approval("一括")())
    fake.decide(desk.wait.request.id, approve=True)
    desk.poll()()  # this answer carried the token but never arrived
    assert desk.observed(desk.poll()()) is WaitState.TOKEN_LOST
    assert desk.give_up_approval() is None  # decided already: nothing to withdraw
    assert desk.step is DeskStep.ORDER and desk.order is not None  # the order stays


# -- 再交付 and the lock ----------------------------------------------------------------------------


@pytest.mark.printing
def test_reissue_needs_a_reason_and_keeps_its_key_on_retry() -> None:
    fake = FakeRegistry()
    desk = desk_over(fake)
    desk.issue_succeeded(desk.submit(order())())
    with pytest.raises(OrderProblems):
        desk.reissue("  ")
    fake.refuse = RegistryError("registry_unreachable")
    with pytest.raises(RegistryError) as raised:
        desk.reissue("用紙詰まり")()
    desk.reissue_failed(raised.value)
    assert desk.step is DeskStep.ISSUED
    fake.refuse = None
    again = desk.reissue("用紙詰まり")()
    desk.reissue_succeeded(again)
    keys = [c.key for c in fake.calls if c.path.endswith("/reissue")]
    assert len(keys) == 2 and keys[0] == keys[1]
    assert (again.reissue_of, fake.calls[-1].path) == ("2026-00000001", "/v1/certificates/2026-00000001/reissue")
    desk.clear()
    assert desk.issued is None and desk.order is None and desk.step is DeskStep.ORDER


# -- the supervisor's queue ---------------------------------------------------------------------


def test_queue_flow_keeps_the_pending_oldest_first() -> None:
    raw = {"created_at": "2026-02-13T01:02:03Z", "clerk_id": "t-clerk", "terminal_id": "t1", "kind": "certificate",
           "count": 12, "purpose": "一括", "status": "pending"}
    flow = QueueFlow(ApprovalQueueApi(FakeRegistry()))
    flow.refreshed([queued_of({**raw, "id": 5}), queued_of({**raw, "id": 2})])
    assert [r.id for r in flow.items] == [2, 5] and flow.items[0].created_at.tzinfo is not None
    with pytest.raises(ApprovalInputError) as raised:
        flow.decline(2, "")
    assert raised.value.code == "reason_required"
    flow.decided(flow.items[0])
    flow.gone(5)
    assert flow.items == ()


# -- the approval header through the real client -------------------------------------------------


def test_approval_header_reaches_only_its_own_call() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v1/sessions":
            return httpx.Response(201, json={"token": "s", "staff": {"id": "t-clerk", "name": "試験"},
                                             "roles": ["clerk"], "permissions": [], "screen_policy": {}})
        return httpx.Response(201, json={"ok": True})

    client = RegistryClient(ClientConfig("https://registry.test", None), transport=httpx.MockTransport(handler))
    client._token = "s"  # logged in: the login answer's shape is not what this test is about
    api = CertificateApi(client)
    api.issue({"kind": "x"}, idempotency_key="k1", approval_token="secret")
    api.issue({"kind": "x"}, idempotency_key="k2")
    assert seen[0].headers["X-Approval-Token"] == "secret" and seen[0].headers["Idempotency-Key"] == "k1"
    assert "X-Approval-Token" not in seen[1].headers
