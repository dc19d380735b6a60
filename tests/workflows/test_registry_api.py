"""The typed calls over the real client, with httpx's mock transport standing in for the
registry: paths, query parameters, idempotency keys and parsing."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import httpx
import pytest

from app.domain.search_rule import SearchCriteria
from app.registry_api import RegistryApi
from app.registry_client import ClientConfig, RegistryClient
from tests.workflows.fakes import kinds_json, record_json, result_json, review_json, summary_json

pytestmark = [pytest.mark.terminal]


class Registry:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        answer: Any
        if path == "/v1/sessions":
            return httpx.Response(201, json={
                "token": "t", "staff": {"id": "t-clerk", "name": "試験"}, "roles": ["clerk"],
                "permissions": ["resident.search"],
                "policy": {"shield_after_s": 60, "lock_after_s": 300, "logout_after_s": 900}})
        if path == "/v1/residents/search":
            answer = {"items": [summary_json("0000000001")], "limit": 20, "offset": 0,
                      "has_more": False, "next_offset": None}
        elif path == "/v1/residents/0000000001":
            number = "123456789018" if request.url.params.get("reveal") else None
            answer = record_json("0000000001", number=number)
        elif path == "/v1/moves/kinds":
            answer = kinds_json()
        elif path == "/v1/moves":
            answer = review_json()
        elif path.endswith("/commit"):
            answer = result_json()
        elif request.method == "DELETE":
            return httpx.Response(404, json={"error": {"code": "move_not_found", "message": "x"}})
        else:
            return httpx.Response(404, json={"error": {"code": "not_found", "message": "x"}})
        return httpx.Response(200, json=answer)


@pytest.fixture
def registry() -> Registry:
    return Registry()


@pytest.fixture
def api(registry: Registry) -> RegistryApi:
    client = RegistryClient(ClientConfig(base_url="https://registry.test", ca_file=None, retries=0),
                            transport=httpx.MockTransport(registry))
    client.login("t-clerk", "pw")
    return RegistryApi(client)


def test_search_sends_only_what_was_given(api: RegistryApi, registry: Registry) -> None:
    page = api.search(SearchCriteria(name="しけん", birth_date=date(1980, 2, 17), sex=None))
    params = dict(registry.requests[-1].url.params)
    assert params == {"name": "しけん", "birth_date": "1980-02-17", "limit": "20"}
    assert page.items[0].person.name.full == "試験\u3000一郎"
    assert page.items[0].person.birth_date == date(1980, 2, 17)


def test_record_and_reveal(api: RegistryApi, registry: Registry) -> None:
    assert api.resident("0000000001").individual_number is None
    assert "reveal" not in registry.requests[-1].url.params
    assert api.resident("0000000001", reveal_number=True).individual_number == "123456789018"
    assert registry.requests[-1].url.params["reveal"] == "individual_number"


def test_moves_carry_the_idempotency_key(api: RegistryApi, registry: Registry) -> None:
    kinds = api.move_kinds()
    assert len(kinds.kinds) == 17 and kinds.labels["move_date"] == "異動日"
    review = api.create_move({"kind": "tenkyo", "persons": []}, idempotency_key="k1")
    sent = registry.requests[-1]
    assert sent.headers["Idempotency-Key"] == "k1"
    assert json.loads(sent.content) == {"kind": "tenkyo", "persons": []}
    assert review.persons[0].after.address.town_name == "成田東町"
    result = api.commit_move(review.id, idempotency_key="k2")
    assert registry.requests[-1].headers["Idempotency-Key"] == "k2"
    assert result.persons[0].id == "0000000001"
    api.discard_move(review.id)  # already gone: nothing to do


def test_towns_not_served_is_a_404(api: RegistryApi) -> None:
    from app.registry_client import RegistryError

    with pytest.raises(RegistryError) as caught:
        api.towns()
    assert caught.value.status == 404
