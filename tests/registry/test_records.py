"""One record, its history, a household, and the health check."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from registry.models import PersonVersion
from tests.registry import truth
from tests.support.registry_process import RegistryProcess

pytestmark = pytest.mark.registry


def test_health_names_the_database(registry: RegistryProcess) -> None:
    with registry.client() as client:
        body = client.get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["database"] == ("sqlite" if registry.db_url.startswith("sqlite") else "postgresql")
    assert body["version"]


def test_health_is_https_only(registry: RegistryProcess) -> None:
    import httpx

    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{registry.port}/v1/health", timeout=5)


def test_record_without_individual_number(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=2)[1]
    number = truth.individual_number(registry_engine, person.person_id)
    with registry.client() as client:
        response = client.get(f"/v1/residents/{person.atena_number}")
    assert response.status_code == 200
    body = response.json()
    assert body["resident_code"] == person.resident_code
    assert body["record"]["name"]["given_name"] == person.given_name
    assert body["individual_number"] is None
    assert number not in response.text


def test_reveal_needs_number_view_permission(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    person = truth.residents(registry_engine, limit=1)[0]
    with registry.client("t-clerk2") as client:  # a clerk without number view
        response = client.get(
            f"/v1/residents/{person.atena_number}", params={"reveal": "individual_number"}
        )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_reveal_by_someone_permitted_is_logged(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    from registry.models import AuditEntry, AuditTarget, NumberAccessLog

    person = truth.residents(registry_engine, limit=3)[2]
    number = truth.individual_number(registry_engine, person.person_id)
    with registry.client("t-clerk") as client:
        response = client.get(
            f"/v1/residents/{person.atena_number}", params={"reveal": "individual_number"},
            headers={"X-Madoguchi-Purpose": "%E7%A2%BA%E8%AA%8D"},  # 確認, percent-encoded UTF-8
        )
    assert response.status_code == 200
    assert response.json()["individual_number"] == number
    with registry_engine.connect() as conn:
        logged = conn.execute(
            select(NumberAccessLog.action, NumberAccessLog.staff_id, NumberAccessLog.terminal_id,
                   NumberAccessLog.purpose)
            .where(NumberAccessLog.person_id == person.person_id, NumberAccessLog.action == "reveal")
        ).all()
        audited = conn.execute(
            select(AuditEntry.action, AuditEntry.number_access, AuditEntry.staff_id)
            .join(AuditTarget, AuditTarget.audit_id == AuditEntry.id)
            .where(AuditTarget.atena_number == person.atena_number)
        ).all()
    assert ("reveal", "t-clerk", "test-terminal", "確認") in logged
    assert ("resident.read", True, "t-clerk") in audited


def test_history_has_every_version_oldest_first(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    with registry_engine.connect() as conn:
        person_id, count = conn.execute(
            select(PersonVersion.person_id, func.count())
            .group_by(PersonVersion.person_id)
            .having(func.count() >= 3)
            .limit(1)
        ).one()
    person = truth.resident(registry_engine, person_id)
    with registry.client() as client:
        body = client.get(f"/v1/residents/{person.atena_number}/history").json()
    versions = [v["info"]["version"] for v in body["versions"]]
    assert versions == list(range(1, count + 1))
    dates = [v["info"]["change_date"] for v in body["versions"]]
    assert dates == sorted(dates)
    assert body["versions"][-1]["record"]["name"]["family_name"] == person.family_name


def test_household_has_one_head_listed_first(
    registry: RegistryProcess, registry_engine: Engine
) -> None:
    for person in truth.residents(registry_engine, limit=10):
        with registry.client() as client:
            body = client.get(f"/v1/households/{person.household_number}").json()
        members = body["members"]
        assert person.atena_number in [m["id"] for m in members]
        assert [m["is_head"] for m in members].count(True) == 1
        assert members[0]["is_head"] and body["head_id"] == members[0]["id"]
        assert all(m["status"] == "resident" for m in members)
