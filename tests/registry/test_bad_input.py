"""Bad input gets a 4xx with a stable code and a Japanese message, never a crash."""

from __future__ import annotations

import re

import pytest

from tests.support.registry_process import RegistryProcess

pytestmark = pytest.mark.registry

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"name": "山田", "birth_date": "1980-02-30"}, 422, "invalid_date"),
        ({"name": "山田", "birth_date": "1980/02/17"}, 422, "invalid_date"),
        ({"name": "山田", "birth_date": "１９８０-０２-１７"}, 422, "invalid_date"),
        ({"name": "山田", "birth_date": "S55.2.17"}, 422, "invalid_date"),
        ({"name": "山田", "birth_date": "1980-02-17", "nickname": "x"}, 422, "unknown_parameter"),
        ({"name": "山" * 61, "birth_date": "1980-02-17"}, 422, "value_too_long"),
        ({"name": "山田", "address": "池" * 121}, 422, "value_too_long"),
        ({"resident_code": "12345678901"}, 422, "invalid_resident_code"),
        ({"resident_code": "１２３"}, 422, "invalid_resident_code"),
        ({"individual_number": "621498320258"}, 422, "invalid_individual_number"),
        ({"individual_number": "62149832025"}, 422, "invalid_individual_number"),
        ({"name": "山田\x00", "birth_date": "1980-02-17"}, 422, "invalid_characters"),
        ({"name": "山田\u202e", "birth_date": "1980-02-17"}, 422, "invalid_characters"),
        ({"name_kana": "yamada", "birth_date": "1980-02-17"}, 422, "invalid_kana"),
        ({"name": "山田", "birth_date": "1980-02-17", "sex": "male"}, 422, "invalid_sex"),
        ({"name": "山田", "birth_date": "1980-02-17", "limit": "0"}, 422, "out_of_range"),
        ({"name": "山田", "birth_date": "1980-02-17", "limit": "101"}, 422, "out_of_range"),
        ({"name": "山田", "birth_date": "1980-02-17", "offset": "-1"}, 422, "invalid_parameter"),
        ({"name": "山田", "birth_date": "1980-02-17", "include_removed": "maybe"}, 422,
         "invalid_parameter"),
    ],
)
def test_bad_search_parameters(
    registry: RegistryProcess, params: dict[str, str], status: int, code: str
) -> None:
    with registry.client() as client:
        response = client.get("/v1/residents/search", params=params)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["code"] == code
    assert JAPANESE.search(error["message"]), error["message"]


def test_repeated_parameter_is_refused(registry: RegistryProcess) -> None:
    with registry.client() as client:
        response = client.get(
            "/v1/residents/search?name=a&name=b&birth_date=1980-02-17"
        )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "duplicate_parameter"


@pytest.mark.parametrize(
    "name",
    ["' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE persons; --", '"', "山田%' --", "\U0010ffff"],
)
def test_sql_metacharacters_are_just_text(registry: RegistryProcess, name: str) -> None:
    with registry.client() as client:
        response = client.get(
            "/v1/residents/search", params={"name": name, "birth_date": "1980-02-17"}
        )
        assert response.status_code in (200, 422), response.text
        if response.status_code == 200:
            assert response.json()["items"] == []
        assert client.get("/v1/health").status_code == 200


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/v1/residents/12345", 422, "invalid_resident_id"),
        ("/v1/residents/abcdefghij", 422, "invalid_resident_id"),
        ("/v1/residents/9999999999", 404, "resident_not_found"),
        ("/v1/residents/9999999999/history", 404, "resident_not_found"),
        ("/v1/households/9999999999", 404, "household_not_found"),
        ("/v1/households/x", 422, "invalid_household_number"),
        ("/v1/nowhere", 404, "not_found"),
    ],
)
def test_bad_paths(registry: RegistryProcess, path: str, status: int, code: str) -> None:
    with registry.client() as client:
        response = client.get(path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert JAPANESE.search(response.json()["error"]["message"])


JSON_ROUTES = ["/v1/moves", "/v1/certificates", "/v1/identity-checks", "/v1/approvals",
               "/v1/approval-requests", "/v1/sessions"]
NESTED_LIST = b"[" * 3000 + b"]" * 3000
NESTED_OBJECT = b'{"a":' * 3000 + b"1" + b"}" * 3000


@pytest.mark.parametrize("path", JSON_ROUTES)
@pytest.mark.parametrize(
    ("raw", "content_type", "status", "code"),
    [
        (NESTED_LIST, "application/json", 422, "invalid_json"),
        (NESTED_OBJECT, "application/json", 422, "invalid_json"),
        (b'{"a":' * 20 + b"1" + b"}" * 20, "application/json", 422, "invalid_json"),
        (b'{"notifier_name": "\\ud800"}', "application/json", 422, "invalid_characters"),
        (b'{"\\udfff": 1}', "application/json", 422, "invalid_characters"),
        (b'{"user_id": "t-clerk", "password": "\\ud800"}', "application/json", 422,
         "invalid_characters"),
    ],
    ids=["nested-list", "nested-object", "too-deep", "surrogate-value", "surrogate-key",
         "surrogate-password"],
)
def test_bodies_no_parser_accepts(
    registry: RegistryProcess, path: str, raw: bytes, content_type: str, status: int, code: str
) -> None:
    headers = {"Content-Type": content_type, "Idempotency-Key": "bad-body"}
    with registry.client() as client:
        response = client.post(path, content=raw, headers=headers)
        assert (response.status_code, response.json()["error"]["code"]) == (status, code), response.text
        assert JAPANESE.search(response.json()["error"]["message"])
        assert client.get("/v1/health").status_code == 200


def test_a_json_body_labelled_as_a_form_is_read_as_json(registry: RegistryProcess) -> None:
    """`curl -d '{...}'` sends application/x-www-form-urlencoded: the body is JSON all the same."""
    with registry.client(None) as client:
        response = client.post("/v1/sessions", content=b'{"user_id": "t-nobody", "password": "wrong-one-1"}',
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert (response.status_code, response.json()["error"]["code"]) == (401, "invalid_credentials")


def test_a_well_formed_pair_of_surrogates_is_text(registry: RegistryProcess) -> None:
    """An escaped character outside the BMP (𠮷, written as its two halves) is read as the one
    character it is: only an unpaired half is refused."""
    with registry.client() as client:
        response = client.post("/v1/sessions", content=b'{"user_id": "t-nobody", "password": "\\ud842\\udfb7"}',
                               headers={"Content-Type": "application/json; charset=utf-8"})
    assert (response.status_code, response.json()["error"]["code"]) == (401, "invalid_credentials")


SELF = {"type": "self", "person_id": "1000000001"}


@pytest.mark.parametrize(
    ("path", "body", "code"),
    [
        ("/v1/certificates", {"kind": [], "persons": ["1000000001"], "requester": SELF},
         "invalid_certificate_kind"),
        ("/v1/certificates", {"kind": "juminhyo_individual", "persons": ["1000000001"],
                              "requester": {"type": []}}, "invalid_requester"),
        ("/v1/certificates", {"kind": "juminhyo_individual", "persons": ["1000000001"],
                              "requester": {"type": "professional", "name": "士業 花子",
                                            "profession": ["弁護士"], "registration_number": "1"}},
         "professional_registration_required"),
        ("/v1/approvals", {"supervisor_id": "t-super", "supervisor_password": "x", "kind": [],
                           "count": 20, "purpose": "一括"}, "invalid_kind"),
        ("/v1/approval-requests", {"kind": {}, "count": 20, "purpose": "一括"}, "invalid_kind"),
    ],
    ids=["certificate-kind", "requester-type", "profession", "approval-kind", "request-kind"],
)
def test_a_list_or_object_where_a_word_belongs(
    registry: RegistryProcess, path: str, body: dict[str, object], code: str
) -> None:
    with registry.client() as client:
        response = client.post(path, json=body)
    assert (response.status_code, response.json()["error"]["code"]) == (422, code), response.text
    assert JAPANESE.search(response.json()["error"]["message"])


@pytest.mark.parametrize("serial", ["2026--0000001", "2026-²²²²²²²²", "２０２６-00000001", "2026-0000001",
                                    "202600000001", "2026-000000012"])
def test_a_serial_that_is_not_four_and_eight_digits(registry: RegistryProcess, serial: str) -> None:
    with registry.client() as client:
        response = client.get(f"/v1/certificates/{serial}/verify", params={"code": "AAAAAAAA"})
    assert (response.status_code, response.json()["error"]["code"]) == (422, "invalid_serial"), response.text


@pytest.mark.parametrize("atena", ["１０００００００１９", "100000001²"])
def test_a_resident_id_in_other_digits(registry: RegistryProcess, atena: str) -> None:
    with registry.client() as client:
        certificate = client.post("/v1/certificates", json={
            "kind": "juminhyo_individual", "persons": [atena], "requester": SELF})
        record = client.get(f"/v1/residents/{atena}")
    assert (certificate.status_code, certificate.json()["error"]["code"]) == (422, "invalid_persons")
    assert (record.status_code, record.json()["error"]["code"]) == (422, "invalid_resident_id")
