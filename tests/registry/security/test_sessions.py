"""Login, lockout, sessions bound to the terminal, the server's idle timeout, unlock, logout,
and terminals: enrolment required, revocation at the next request."""

from __future__ import annotations

import ssl
import time

import httpx
import pytest
from sqlalchemy import select

from registry.models import AuditEntry
from tests.registry.security.conftest import IDLE_S, Secure
from tests.support.registry_process import PASSWORD

pytestmark = pytest.mark.registry


def _login(c: httpx.Client, user: str, password: str = PASSWORD) -> httpx.Response:
    return c.post("/v1/sessions", json={"user_id": user, "password": password})


def test_login_answers_token_permissions_and_screen_policy(secure: Secure) -> None:
    with secure.client(None) as c:
        response = _login(c, "t-card")
    assert response.status_code == 201
    body = response.json()
    assert body["staff"] == {"id": "t-card", "name": "試験 t-card"}
    assert body["roles"] == ["card_desk"] and body["role_labels"] == ["カード交付担当"]
    assert "resident.read" in body["permissions"] and "number.view" not in body["permissions"]
    assert body["policy"] == {"shield_after_s": 60, "lock_after_s": 300, "logout_after_s": IDLE_S}
    assert len(body["token"]) >= 40


@pytest.mark.parametrize(("user", "password"), [("t-card", "wrong-password1"), ("nobody", PASSWORD), ("", "")])
def test_wrong_credentials(secure: Secure, user: str, password: str) -> None:
    with secure.client(None) as c:
        response = _login(c, user, password)
    assert response.status_code in (401, 422)
    if response.status_code == 401:
        assert response.json()["error"] == {"code": "invalid_credentials",
                                            "message": "職員IDまたはパスワードが違います。"}


def test_five_failures_lock_the_account_for_everyone(secure: Secure) -> None:
    code, _, err = secure.cli("staff", "add", "t-lockme", "--name", "施錠 試験", "--roles", "clerk",
                              "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0, err
    with secure.client(None) as c:
        answers = [_login(c, "t-lockme", "bad-password9").status_code for _ in range(5)]
        assert answers == [401, 401, 401, 401, 423]
        locked = _login(c, "t-lockme")  # even the right password
        assert (locked.status_code, locked.json()["error"]["code"]) == (423, "account_locked")
    with secure.engine.connect() as conn:
        actions = conn.execute(
            select(AuditEntry.action, AuditEntry.result).where(AuditEntry.staff_id == "t-lockme")
        ).all()
    assert ("staff.locked_out", "ok") in actions
    assert actions.count(("session.login", "invalid_credentials")) == 4
    code, out, _ = secure.cli("staff", "unlock", "t-lockme")
    assert code == 0 and "unlocked" in out
    with secure.client(None) as c:
        assert _login(c, "t-lockme").status_code == 201


def test_no_terminal_certificate_no_connection(secure: Secure) -> None:
    with pytest.raises((httpx.ConnectError, httpx.ReadError, httpx.RemoteProtocolError, ssl.SSLError)):
        with secure.client(None, terminal=False) as c:
            c.get("/v1/health")


@pytest.mark.parametrize("header", [None, "Bearer forged-token-123", "Basic dXNlcjpwYXNz", "Bearer"])
def test_requests_without_a_real_session(secure: Secure, header: str | None) -> None:
    with secure.client(None) as c:
        headers = {"Authorization": header} if header else {}
        response = c.get("/v1/moves/kinds", headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "session_required"


def test_token_is_bound_to_its_terminal(secure: Secure) -> None:
    from tests.support.registry_process import provision  # noqa: F401  (the test terminal exists)

    other = _other_terminal(secure, "bound-terminal")
    with secure.client(None) as c:
        token = _login(c, "t-clerk").json()["token"]
    with httpx.Client(base_url=secure.server.base_url, verify=other) as c:
        response = c.get("/v1/moves/kinds", headers={"Authorization": f"Bearer {token}"})
    assert (response.status_code, response.json()["error"]["code"]) == (401, "session_required")


def _other_terminal(secure: Secure, name: str) -> ssl.SSLContext:
    out = secure.state / name
    code, _, err = secure.cli("terminal", "enroll", name, "--out", str(out))
    assert code == 0, err
    context = ssl.create_default_context(cafile=str(out / "registry-ca.pem"))
    context.load_cert_chain(out / "terminal.pem", out / "terminal-key.pem")
    return context


def test_revoked_terminal_is_refused_at_the_next_request(secure: Secure) -> None:
    context = _other_terminal(secure, "doomed-terminal")
    with httpx.Client(base_url=secure.server.base_url, verify=context) as c:
        token = _login(c, "t-card").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert c.get("/v1/moves/kinds", headers=headers).status_code == 200
        code, _, err = secure.cli("terminal", "revoke", "doomed-terminal")
        assert code == 0, err
        # The same keep-alive connection: refused without a new handshake.
        response = c.get("/v1/moves/kinds", headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (403, "terminal_revoked")
    _, listing, _ = secure.cli("terminal", "list")
    assert "doomed-terminal" in listing and "REVOKED" in listing


def test_logout_ends_the_session_at_the_server(secure: Secure) -> None:
    with secure.client(None) as c:
        token = _login(c, "t-super").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert c.delete("/v1/sessions/current", headers=headers).json() == {"status": "logged_out"}
        response = c.get("/v1/moves/kinds", headers=headers)
    assert (response.status_code, response.json()["error"]["code"]) == (401, "session_expired")


def test_idle_session_ends_at_the_server(secure: Secure) -> None:
    with secure.client(None) as c:
        token = _login(c, "t-card").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert c.get("/v1/moves/kinds", headers=headers).status_code == 200
        time.sleep(IDLE_S + 1)  # idle past the server's timeout
        response = c.get("/v1/moves/kinds", headers=headers)
        assert (response.status_code, response.json()["error"]["code"]) == (401, "session_expired")
        again = c.post("/v1/sessions/current/unlock", json={"password": PASSWORD}, headers=headers)
    assert again.status_code == 401  # a session that ended cannot be unlocked


def test_unlock_by_the_same_person(secure: Secure) -> None:
    with secure.client(None) as c:
        token = _login(c, "t-clerk2").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        wrong = c.post("/v1/sessions/current/unlock", json={"password": "not-it-2026"}, headers=headers)
        assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "invalid_credentials")
        right = c.post("/v1/sessions/current/unlock", json={"password": PASSWORD}, headers=headers)
        assert right.status_code == 200 and right.json()["staff"]["id"] == "t-clerk2"
        assert c.get("/v1/moves/kinds", headers=headers).status_code == 200


def test_disabled_staff_lose_access_at_once(secure: Secure) -> None:
    code, _, err = secure.cli("staff", "add", "t-leaver", "--name", "退職 試験", "--roles", "clerk",
                              "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0, err
    with secure.client(None) as c:
        token = _login(c, "t-leaver").json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert c.get("/v1/moves/kinds", headers=headers).status_code == 200
        code, out, _ = secure.cli("staff", "disable", "t-leaver")
        assert code == 0 and "1 session(s) ended" in out
        assert c.get("/v1/moves/kinds", headers=headers).status_code == 401
        assert _login(c, "t-leaver").status_code == 401


def test_role_change_ends_sessions(secure: Secure) -> None:
    code, _, err = secure.cli("staff", "add", "t-mover", "--name", "異動 試験", "--roles", "clerk",
                              "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0, err
    with secure.client(None) as c:
        token = _login(c, "t-mover").json()["token"]
        code, _, _ = secure.cli("staff", "roles", "t-mover", "--roles", "helpdesk")
        assert code == 0
        assert c.get("/v1/moves/kinds", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        assert _login(c, "t-mover").json()["roles"] == ["helpdesk"]
