"""The audit trail: a row for every read and change of resident data, the access report of a
resident (開示請求), the hash chain and its verification, tampering detected."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select, text

from registry.models import Person
from tests.registry.security.conftest import Secure

pytestmark = pytest.mark.registry


def _resident(engine: Engine, offset: int) -> str:
    with engine.connect() as conn:
        return str(conn.scalar(select(Person.atena_number).order_by(Person.id).offset(offset).limit(1)))


def test_the_access_report_of_a_resident(secure: Secure) -> None:
    atena = _resident(secure.engine, 11)
    with secure.client("t-clerk") as c:
        assert c.get(f"/v1/residents/{atena}").status_code == 200
        assert c.get(f"/v1/residents/{atena}/history").status_code == 200
    with secure.client("t-card") as c:
        assert c.get(f"/v1/residents/{atena}").status_code == 200
    with secure.client("t-super") as c:
        report = c.get("/v1/audit", params={"resident": atena}).json()["items"]
    seen = [(r["staff_id"], r["action"], r["terminal_id"]) for r in report]
    assert ("t-clerk", "resident.read", "test-terminal") in seen
    assert ("t-clerk", "resident.history", "test-terminal") in seen
    assert ("t-card", "resident.read", "test-terminal") in seen
    assert all(atena in r["targets"] for r in report)


def test_a_search_is_audited_with_the_residents_it_showed(secure: Secure) -> None:
    with secure.engine.connect() as conn:
        code = conn.scalar(select(Person.resident_code).order_by(Person.id).offset(3).limit(1))
        atena = conn.scalar(select(Person.atena_number).where(Person.resident_code == code))
    with secure.client("t-super") as c:
        found = c.get("/v1/residents/search", params={"resident_code": code, "include_removed": "true"}).json()
        assert [i["id"] for i in found["items"]] == [atena]
        rows = c.get("/v1/audit", params={"staff_id": "t-super", "action": "resident.search", "limit": 1}).json()
    assert rows["items"][0]["targets"] == [atena]


def test_chain_verifies(secure: Secure) -> None:
    with secure.client("t-audit") as c:
        report = c.get("/v1/audit/verify").json()
    assert report["ok"] is True and report["checked"] > 0
    code, out, _ = secure.cli("audit", "verify")
    assert code == 0 and "intact" in out


def test_rows_cannot_be_changed_through_the_database_casually(secure: Secure) -> None:
    with secure.client("t-audit") as c:
        c.get("/v1/audit/verify")  # everything sealed
    with pytest.raises(Exception, match=r"append-only|sealed"):
        with secure.engine.begin() as conn:
            conn.execute(text("UPDATE audit_log SET detail = 'x' WHERE chain_seq = 1"))
    with pytest.raises(Exception, match="append-only"):
        with secure.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_log WHERE chain_seq = 2"))
