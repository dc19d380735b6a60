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


def test_a_search_audits_the_page_it_showed_and_no_more(secure: Secure) -> None:
    """On PostgreSQL the page and its audit row come from one statement: the row must name the
    residents shown, in their order, and not the row read beyond the page to tell that another
    page exists; an empty page is audited too."""
    with secure.engine.connect() as conn:
        family_kana, town = conn.execute(text(
            "SELECT substr(v.family_name_kana, 1, 1), t.name FROM person_versions v"
            " JOIN persons p ON p.current_version_id = v.id JOIN towns t ON t.town_code = v.town_code"
            " WHERE v.removed_on IS NULL GROUP BY 1, 2 HAVING count(*) > 4 ORDER BY count(*) DESC, 1, 2 LIMIT 1"
        )).one()
    criteria = {"name": family_kana, "address": town, "limit": "2"}
    with secure.client("t-super2") as c:
        pages = [
            c.get("/v1/residents/search", params={**criteria, "offset": str(offset)}).json()
            for offset in (0, 2)
        ]
        empty = c.get("/v1/residents/search", params={"name": "ヲヲヲヲ", "address": town}).json()
        rows = c.get("/v1/audit", params={"staff_id": "t-super2", "action": "resident.search", "limit": 3}).json()
    assert all(p["has_more"] for p in pages) and empty["items"] == []
    newest_first = rows["items"]
    assert [r["targets"] for r in newest_first] == [[], *([i["id"] for i in p["items"]] for p in reversed(pages))]
    assert [r["detail"] for r in newest_first] == ["hits=0", "hits=2", "hits=2"]
    assert all(r["result"] == "ok" and r["terminal_id"] == "test-terminal" for r in newest_first)
    with secure.engine.connect() as conn:
        for row in newest_first:
            named = conn.scalars(
                text("SELECT atena_number FROM audit_targets WHERE audit_id = :id ORDER BY atena_number"),
                {"id": row["id"]},
            ).all()
            assert named == sorted(row["targets"])


_REFUSE_SEARCH_ROWS = {
    "sqlite": [
        "CREATE TRIGGER refuse_t_clerk2_search BEFORE INSERT ON audit_log"
        " WHEN NEW.staff_id = 't-clerk2' AND NEW.action = 'resident.search'"
        " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_t_clerk2_search() RETURNS trigger LANGUAGE plpgsql AS"
        " $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$",
        "CREATE TRIGGER refuse_t_clerk2_search BEFORE INSERT ON audit_log FOR EACH ROW"
        " WHEN (NEW.staff_id = 't-clerk2' AND NEW.action = 'resident.search')"
        " EXECUTE FUNCTION refuse_t_clerk2_search()",
    ],
}
_ALLOW_SEARCH_ROWS = {
    "sqlite": ["DROP TRIGGER refuse_t_clerk2_search"],
    "postgresql": ["DROP TRIGGER refuse_t_clerk2_search ON audit_log", "DROP FUNCTION refuse_t_clerk2_search()"],
}


def test_a_search_whose_audit_row_fails_answers_nothing(secure: Secure) -> None:
    """The hits leave only with their audit row committed: a row the database refuses makes the
    search fail with the service's error, and no resident's data is in the answer."""
    with secure.engine.connect() as conn:
        family_name, birth_date = conn.execute(text(
            "SELECT v.family_name, v.birth_date FROM person_versions v"
            " JOIN persons p ON p.current_version_id = v.id WHERE v.removed_on IS NULL ORDER BY p.id LIMIT 1"
        )).one()
    criteria = {"name": family_name, "birth_date": str(birth_date)}
    dialect = secure.engine.dialect.name
    with secure.client("t-clerk2") as c:
        assert c.get("/v1/residents/search", params=criteria).json()["items"]
        with secure.engine.begin() as conn:
            for statement in _REFUSE_SEARCH_ROWS[dialect]:
                conn.execute(text(statement))
        try:
            refused = c.get("/v1/residents/search", params=criteria)
        finally:
            with secure.engine.begin() as conn:
                for statement in _ALLOW_SEARCH_ROWS[dialect]:
                    conn.execute(text(statement))
    assert refused.status_code == 500 and refused.json()["error"]["code"] == "internal_error"
    assert family_name not in refused.text
    with secure.client("t-clerk2") as c:  # the service closes a connection after an error of its own
        assert c.get("/v1/residents/search", params=criteria).json()["items"]


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


def test_a_time_filter_means_the_same_instant_in_any_offset(secure: Secure) -> None:
    """since/until are instants: 10:00+09:00 and 01:00Z filter alike, and every `at` comes back
    with its offset (on SQLite, which keeps none, as on PostgreSQL)."""
    from datetime import UTC, datetime, timedelta, timezone

    atena = _resident(secure.engine, 17)
    with secure.client("t-clerk") as c:
        assert c.get(f"/v1/residents/{atena}").status_code == 200
    since = datetime.now(UTC) - timedelta(minutes=30)
    in_tokyo = since.astimezone(timezone(timedelta(hours=9)))
    read = {"resident": atena, "action": "resident.read"}  # reading the trail is audited too
    with secure.client("t-audit") as c:
        rows = {
            label: c.get("/v1/audit", params={**read, "since": when.isoformat()}).json()["items"]
            for label, when in (("utc", since), ("tokyo", in_tokyo))
        }
        until = c.get("/v1/audit", params={**read, "until": in_tokyo.isoformat()}).json()["items"]
    assert rows["utc"] and rows["utc"] == rows["tokyo"]
    assert not [r for r in until if datetime.fromisoformat(r["at"]) >= since]
    for row in rows["utc"]:
        at = datetime.fromisoformat(row["at"])
        assert at.utcoffset() == timedelta(0) and at >= since
