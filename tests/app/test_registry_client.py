"""The registry client: retries, idempotency keys, typed errors; and against the real
registry over mutual TLS: login per role, unlock, logout."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from app.registry_client import (
    AccountLocked,
    ClientConfig,
    InvalidCredentials,
    NotLoggedIn,
    RegistryClient,
    RegistryError,
    RegistryUnreachable,
    SessionEnded,
    TerminalNotEnrolled,
    new_idempotency_key,
)
from app.session import unlock as unlock_errors
from app.session.permissions import workspaces_for

pytestmark = pytest.mark.terminal

CONFIG = ClientConfig(base_url="https://registry.test", ca_file=None, timeout_s=7, retries=3,
                      backoff_s=0.5)


def _client(handler: Callable[[httpx.Request], httpx.Response]) -> tuple[RegistryClient, list[float]]:
    delays: list[float] = []
    client = RegistryClient(CONFIG, transport=httpx.MockTransport(handler), sleep=delays.append)
    client._token = "tok"
    return client, delays


def test_connect_errors_are_retried_with_backoff_and_the_same_key() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if len(seen) < 3:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(201, json={"id": "m1"})

    client, delays = _client(handler)
    key = new_idempotency_key()
    response = client.request("POST", "/v1/moves", json={"kind": "tenkyo"}, idempotency_key=key)
    assert response.json() == {"id": "m1"}
    assert [r.headers["Idempotency-Key"] for r in seen] == [key] * 3
    assert all(r.headers["Authorization"] == "Bearer tok" for r in seen)
    assert delays == [0.5, 1.0]


def test_a_write_without_a_key_is_not_repeated_after_it_may_have_arrived() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ReadTimeout("slow", request=request)

    client, _ = _client(handler)
    with pytest.raises(RegistryUnreachable):
        client.request("POST", "/v1/moves", json={})
    assert calls == 1
    calls = 0
    with pytest.raises(RegistryUnreachable):
        client.request("POST", "/v1/moves", json={}, idempotency_key="k")
    assert calls == 4  # the first try and three retries


def test_gateway_errors_are_retried_for_safe_calls() -> None:
    answers = iter([httpx.Response(503), httpx.Response(200, json={"status": "ok"})])
    client, delays = _client(lambda request: next(answers))
    assert client.health() == {"status": "ok"}
    assert delays == [0.5]


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(401, "invalid_credentials", InvalidCredentials), (423, "account_locked", AccountLocked),
     (401, "session_expired", SessionEnded), (401, "terminal_not_enrolled", TerminalNotEnrolled),
     (422, "search_too_broad", RegistryError), (500, None, RegistryUnreachable)],
)
def test_refusals_are_typed_by_code(status: int, code: str | None, error: type[RegistryError]) -> None:
    body = {"error": {"code": code, "message": "日本語の説明"}} if code else {}
    client, _ = _client(lambda request: httpx.Response(status, json=body))
    with pytest.raises(error) as caught:
        client.request("POST", "/v1/x", json={})
    if code:
        assert caught.value.code == code and caught.value.message == "日本語の説明"


def test_every_call_has_a_timeout_and_needs_a_session() -> None:
    client, _ = _client(lambda request: httpx.Response(200, json={}))
    client.health()
    assert client._http is not None and client._http.timeout.read == 7
    client._token = None
    with pytest.raises(NotLoggedIn):
        client.request("GET", "/v1/moves/kinds")


# -- the real registry ----------------------------------------------------------------------

@pytest.fixture
def real(registry) -> Iterator[Callable[..., RegistryClient]]:  # type: ignore[no-untyped-def]
    made: list[RegistryClient] = []

    def make(terminal: bool = True) -> RegistryClient:
        enrolment = registry.terminal_dir
        client = RegistryClient(ClientConfig(
            base_url=registry.base_url, ca_file=registry.ca_cert,
            client_cert=enrolment / "terminal.pem" if terminal else None,
            client_key=enrolment / "terminal-key.pem" if terminal else None,
            timeout_s=15, retries=1, backoff_s=0.1,
        ))
        made.append(client)
        return client

    yield make
    for client in made:
        client.logout()
        client.close()




@pytest.mark.parametrize(
    ("user", "workspaces"),
    [("t-clerk", ["counter"]), ("t-card", ["card_desk"]), ("t-super", ["approvals", "audit"]),
     ("t-help", ["diagnostics"]), ("t-admin", ["diagnostics", "audit"]), ("t-audit", ["audit"])],
)
@pytest.mark.registry
@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_login_for_every_role(real: Callable[..., RegistryClient], user: str, workspaces: list[str]) -> None:
    from tests.support.registry_process import PASSWORD

    session = real().login(user, PASSWORD)
    assert session.staff.id == user
    assert workspaces_for(session.permissions) == workspaces
    assert session.policy.shield_after_s < session.policy.lock_after_s <= session.policy.logout_after_s


@pytest.mark.registry
@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_wrong_password_unlock_and_logout(real: Callable[..., RegistryClient]) -> None:
    from tests.support.registry_process import PASSWORD

    client = real()
    with pytest.raises(InvalidCredentials):
        client.login("t-clerk2", "not the password")
    session = client.login("t-clerk2", PASSWORD)  # also resets the failure count
    assert "number.view" not in session.permissions
    with pytest.raises(unlock_errors.InvalidPassword):
        client.unlock("not the password")
    client.unlock(PASSWORD)
    token = client._token
    client.logout()
    assert not client.logged_in
    client._token = token  # the old token no longer works at the server
    with pytest.raises(unlock_errors.SessionEnded):
        client.unlock(PASSWORD)


@pytest.mark.registry
@pytest.mark.parametrize("registry", ["sqlite"], indirect=True)
def test_a_terminal_without_its_certificate_is_refused(real: Callable[..., RegistryClient]) -> None:
    with pytest.raises(TerminalNotEnrolled):
        real(terminal=False).login("t-clerk", "whatever")
