"""The administrators' commands refuse bad input with a clear message and exit status 2."""

from __future__ import annotations

import pytest

from tests.registry.security.conftest import Secure
from tests.support.registry_process import PASSWORD

pytestmark = pytest.mark.registry


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (("staff", "add", "x1", "--name", "名", "--roles", "boss", "--password-stdin"), f"{PASSWORD}\n", "unknown role"),
        (("staff", "add", "x2", "--name", "名", "--roles", "clerk", "--password-stdin"), "short1\n", "パスワード"),
        (("staff", "add", "x3", "--name", "名", "--roles", "clerk", "--password-stdin"), "onlyletterslong\n", "英字と数字"),
        (("staff", "add", "t-clerk", "--name", "名", "--roles", "clerk", "--password-stdin"), f"{PASSWORD}\n", "既に登録"),
        (("staff", "add", "bad id!", "--name", "名", "--roles", "clerk", "--password-stdin"), f"{PASSWORD}\n", "職員ID"),
        (("staff", "disable", "nobody"), None, "登録されていません"),
        (("terminal", "revoke", "no-such-terminal"), None, "登録されていません"),
        (("terminal", "enroll", "test-terminal", "--out", "/tmp/should-not-exist"), None, "既に登録"),
    ],
)
def test_refusals(secure: Secure, args: tuple[str, ...], stdin: str | None, message: str) -> None:
    code, _, err = secure.cli(*args, stdin=stdin)
    assert code == 2
    assert message in err


def test_reset_password_ends_sessions_and_the_new_one_works(secure: Secure) -> None:
    code, _, err = secure.cli("staff", "add", "t-forgetful", "--name", "忘却 試験", "--roles", "auditor",
                              "--password-stdin", stdin=f"{PASSWORD}\n")
    assert code == 0, err
    code, out, _ = secure.cli("staff", "reset-password", "t-forgetful", "--password-stdin", stdin="Brandnew2027pw\n")
    assert code == 0 and "reset" in out
    with secure.client(None) as c:
        assert c.post("/v1/sessions", json={"user_id": "t-forgetful", "password": PASSWORD}).status_code == 401
        assert c.post("/v1/sessions", json={"user_id": "t-forgetful", "password": "Brandnew2027pw"}).status_code == 201


def test_admin_commands_are_audited(secure: Secure) -> None:
    with secure.client("t-audit") as c:
        rows = c.get("/v1/audit", params={"action": "staff.add"}).json()["items"]
    assert rows and all(r["staff_id"].startswith("admin:") and r["terminal_id"] == "registry-host" for r in rows)
