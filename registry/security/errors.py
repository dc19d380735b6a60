"""Refusals of the security layer, each with its HTTP status, stable code and Japanese message."""

from __future__ import annotations


class SecurityError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


def invalid_credentials() -> SecurityError:
    return SecurityError(401, "invalid_credentials", "職員IDまたはパスワードが違います。")


def account_locked() -> SecurityError:
    return SecurityError(
        423, "account_locked",
        "ログインに続けて失敗したため、このIDはしばらく使えません。管理責任者に連絡してください。",
    )


def session_required() -> SecurityError:
    return SecurityError(401, "session_required", "ログインが必要です。")


def session_expired() -> SecurityError:
    return SecurityError(401, "session_expired", "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。")


def permission_denied() -> SecurityError:
    return SecurityError(403, "permission_denied", "この操作を行う権限がありません。")
