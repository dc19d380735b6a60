"""Search abuse blocks the searcher and alerts supervisors; bulk output needs a supervisor's
single-use approval, bound to the clerk's session and the job, before it happens."""

from __future__ import annotations

import time

import httpx
import pytest
from sqlalchemy import select

from registry.models import AuditEntry, Person
from tests.registry.security.conftest import APPROVAL_TTL_S, SEARCH_LIMIT, Secure
from tests.support.registry_process import PASSWORD

pytestmark = pytest.mark.registry


def _ids(secure: Secure, count: int) -> list[str]:
    with secure.engine.connect() as conn:
        return list(conn.scalars(select(Person.atena_number).order_by(Person.id).limit(count)))


def test_too_many_searches_block_the_searcher_until_a_supervisor_lifts_it(secure: Secure) -> None:
    code, _, err = secure.cli("staff", "add", "t-curious", "--name", "検索 多い", "--roles", "card_desk",
                              "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0, err
    query = {"name": "ヤマ", "birth_date": "1980-01-01"}
    with secure.client("t-curious") as c:
        statuses = [c.get("/v1/residents/search", params=query).status_code for _ in range(SEARCH_LIMIT + 2)]
        assert statuses[:SEARCH_LIMIT] == [200] * SEARCH_LIMIT
        blocked = c.get("/v1/residents/search", params=query)
        assert (blocked.status_code, blocked.json()["error"]["code"]) == (429, "search_limit_exceeded")
        assert c.get("/v1/moves/kinds").status_code == 200  # only searching is blocked
    with secure.client("t-super") as c:
        alerts = [a for a in c.get("/v1/alerts").json()["items"] if a["staff_id"] == "t-curious"]
        assert [a["kind"] for a in alerts] == ["search_limit_exceeded"]
        resolved = c.post(f"/v1/alerts/{alerts[0]['id']}/resolve").json()
        assert resolved["resolved_by"] == "t-super"
    with secure.client("t-curious") as c:
        # Lifted: the hour's count starts again, so the clerk is not blocked at once by the
        # searches that blocked them, and is blocked again only past the limit.
        again = [c.get("/v1/residents/search", params=query).status_code for _ in range(SEARCH_LIMIT + 1)]
        assert again == [200] * SEARCH_LIMIT + [429]
    _, listing, _ = secure.cli("staff", "list")
    assert "t-curious" in listing


def _approve(c: httpx.Client, count: int, supervisor: str = "t-super", password: str = PASSWORD,
             kind: str = "export.residents") -> httpx.Response:
    return c.post("/v1/approvals", json={
        "supervisor_id": supervisor, "supervisor_password": password, "kind": kind,
        "count": count, "purpose": "国保年金課への対象者一覧",
    })


def test_bulk_export_needs_an_approval_that_works_once(secure: Secure) -> None:
    ids = _ids(secure, 60)
    with secure.client("t-clerk") as c:
        small = c.post("/v1/exports/residents", json={"ids": ids[:10]})
        assert small.status_code == 200 and "individual_number" not in small.text
        refused = c.post("/v1/exports/residents", json={"ids": ids})
        assert (refused.status_code, refused.json()["error"]["code"]) == (403, "approval_required")
        granted = _approve(c, len(ids))
        assert granted.status_code == 201, granted.text
        token = granted.json()["token"]
        done = c.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": token})
        assert done.status_code == 200 and done.json()["items"]
        again = c.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": token})
        assert (again.status_code, again.json()["error"]["code"]) == (403, "approval_invalid")
    with secure.engine.connect() as conn:
        row = conn.execute(
            select(AuditEntry.staff_id, AuditEntry.approver_id)
            .where(AuditEntry.action == "export.residents", AuditEntry.result == "ok",
                   AuditEntry.approver_id.is_not(None))
        ).first()
    assert row == ("t-clerk", "t-super")  # both identities in the trail


def test_approval_misuse(secure: Secure) -> None:
    ids = _ids(secure, 60)
    with secure.client("t-clerk") as c:
        for_other_job = _approve(c, 55).json()["token"]
        bigger = c.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": for_other_job})
        assert bigger.json()["error"]["code"] == "approval_invalid"
        wrong_kind = _approve(c, 60, kind="certificate").json()["token"]
        kind = c.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": wrong_kind})
        assert kind.json()["error"]["code"] == "approval_invalid"
        for_this_clerk = _approve(c, 60).json()["token"]
        bad_password = _approve(c, 60, password="not-the-one-1")
        assert (bad_password.status_code, bad_password.json()["error"]["code"]) == (401, "invalid_credentials")
        not_a_supervisor = _approve(c, 60, supervisor="t-clerk2")
        assert not_a_supervisor.json()["error"]["code"] == "permission_denied"
        expiring = _approve(c, 60).json()["token"]
    with secure.client("t-clerk2") as c:  # another clerk with the first clerk's approval
        other = c.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": for_this_clerk})
        assert other.json()["error"]["code"] == "approval_invalid"
    lead = _clerk_and_supervisor(secure)
    with secure.client(lead) as c:  # a supervisor asking for their own job
        themselves = _approve(c, 60, supervisor=lead)
        assert (themselves.status_code, themselves.json()["error"]["code"]) == (403, "self_approval")
    time.sleep(APPROVAL_TTL_S + 1)  # let one approval expire
    with secure.client("t-clerk") as c:
        late = c.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": expiring})
        assert late.json()["error"]["code"] == "approval_invalid"
        assert "有効期限" in late.json()["error"]["message"]


def test_queued_request_approved_in_the_supervisors_workspace(secure: Secure) -> None:
    ids = _ids(secure, 70)
    with secure.client("t-clerk") as clerk, secure.client("t-super") as boss:
        asked = clerk.post("/v1/approval-requests", json={"kind": "export.residents", "count": 70,
                                                          "purpose": "福祉課への名簿"}).json()
        queue = boss.get("/v1/approval-requests").json()["items"]
        mine = next(q for q in queue if q["id"] == asked["id"])
        assert (mine["clerk_id"], mine["terminal_id"], mine["count"], mine["purpose"]) == (
            "t-clerk", "test-terminal", 70, "福祉課への名簿")
        assert clerk.get(f"/v1/approval-requests/{asked['id']}").json()["token"] is None  # not yet
        decided = boss.post(f"/v1/approval-requests/{asked['id']}/approve").json()
        assert decided["status"] == "approved" and decided["decided_by"] == "t-super"
        assert decided["token"] is None  # the supervisor never holds the clerk's token
        again = boss.post(f"/v1/approval-requests/{asked['id']}/approve")
        assert (again.status_code, again.json()["error"]["code"]) == (409, "approval_request_decided")
        token = clerk.get(f"/v1/approval-requests/{asked['id']}").json()["token"]
        assert token and clerk.get(f"/v1/approval-requests/{asked['id']}").json()["token"] is None
        done = clerk.post("/v1/exports/residents", json={"ids": ids}, headers={"X-Approval-Token": token})
        assert done.status_code == 200
    with secure.client("t-clerk2") as other:
        assert other.get(f"/v1/approval-requests/{asked['id']}").status_code == 404


def _clerk_and_supervisor(secure: Secure) -> str:
    """A staff member with both roles: the one who could ask and approve."""
    code, _out, err = secure.cli("staff", "add", "t-lead", "--name", "試験 班長", "--roles",
                                 "clerk,supervisor", "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0 or "既に登録" in err, err
    return "t-lead"


def test_queued_request_declined_or_self_approved(secure: Secure) -> None:
    with secure.client(_clerk_and_supervisor(secure)) as lead, secure.client("t-super") as boss:
        own = lead.post("/v1/approval-requests", json={"kind": "certificate", "count": 20,
                                                       "purpose": "一括発行"}).json()
        refused = lead.post(f"/v1/approval-requests/{own['id']}/approve")
        assert (refused.status_code, refused.json()["error"]["code"]) == (403, "self_approval")
        declined = boss.post(f"/v1/approval-requests/{own['id']}/decline", json={"reason": "目的が不明確"}).json()
        assert (declined["status"], declined["decline_reason"]) == ("declined", "目的が不明確")
        assert lead.get(f"/v1/approval-requests/{own['id']}").json()["token"] is None
    with secure.client("t-clerk") as clerk:
        assert clerk.get("/v1/approval-requests").status_code == 403


@pytest.mark.parametrize(("user", "kind"), [("t-help", "certificate"), ("t-admin", "export.residents"),
                                            ("t-audit", "certificate"), ("t-super", "certificate"),
                                            ("t-card", "export.residents")])
def test_only_who_may_do_the_job_asks_for_its_approval(secure: Secure, user: str, kind: str) -> None:
    body = {"kind": kind, "count": 20, "purpose": "一括"}
    with secure.client(user) as c:
        asked = c.post("/v1/approval-requests", json=body)
        in_person = c.post("/v1/approvals", json={**body, "supervisor_id": "t-super",
                                                  "supervisor_password": PASSWORD})
    for answer in (asked, in_person):
        assert (answer.status_code, answer.json()["error"]["code"]) == (403, "permission_denied"), answer.text
    with secure.client("t-super") as boss:
        assert not [q for q in boss.get("/v1/approval-requests").json()["items"] if q["clerk_id"] == user]


def test_a_retried_request_is_queued_once(secure: Secure) -> None:
    body = {"kind": "certificate", "count": 30, "purpose": "再送の確認"}
    with secure.client("t-clerk2") as clerk:
        first = clerk.post("/v1/approval-requests", json=body, headers={"Idempotency-Key": "ask-once"})
        again = clerk.post("/v1/approval-requests", json=body, headers={"Idempotency-Key": "ask-once"})
    assert first.status_code == 201 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"]
    with secure.client("t-super") as boss:
        queued = [q for q in boss.get("/v1/approval-requests").json()["items"] if q["purpose"] == "再送の確認"]
    assert len(queued) == 1


def test_only_the_asking_session_withdraws_and_only_while_pending(secure: Secure) -> None:
    body = {"kind": "certificate", "count": 25, "purpose": "取り下げ"}
    with secure.client("t-clerk") as clerk, secure.client("t-clerk2") as other, \
            secure.client("t-super") as boss:
        asked = clerk.post("/v1/approval-requests", json=body).json()
        foreign = other.post(f"/v1/approval-requests/{asked['id']}/withdraw")
        assert (foreign.status_code, foreign.json()["error"]["code"]) == (404, "approval_request_not_found")
        withdrawn = clerk.post(f"/v1/approval-requests/{asked['id']}/withdraw").json()
        assert (withdrawn["status"], withdrawn["decided_by"]) == ("withdrawn", "t-clerk")
        assert asked["id"] not in [q["id"] for q in boss.get("/v1/approval-requests").json()["items"]]
        late = boss.post(f"/v1/approval-requests/{asked['id']}/approve")
        assert (late.status_code, late.json()["error"]["code"]) == (409, "approval_request_decided")
        decided = clerk.post("/v1/approval-requests", json=body).json()
        boss.post(f"/v1/approval-requests/{decided['id']}/approve")
        again = clerk.post(f"/v1/approval-requests/{decided['id']}/withdraw")
        assert (again.status_code, again.json()["error"]["code"]) == (409, "approval_request_decided")
        rows = clerk.get(f"/v1/approval-requests/{asked['id']}")
        assert rows.json()["status"] == "withdrawn"
