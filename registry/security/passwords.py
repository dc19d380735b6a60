"""Passwords: argon2id hashes and the password policy."""

from __future__ import annotations

from typing import Final

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.domain.errors import DomainError

MIN_LENGTH: Final = 10
MAX_LENGTH: Final = 128
_HASHER: Final = PasswordHasher()  # argon2id with the library's current parameters
# Verified when the staff ID is unknown, so that a wrong ID takes as long as a wrong password.
_DUMMY: Final = _HASHER.hash("madoguchi-dummy-password")
_COMMON: Final = frozenset({"password123", "passw0rd12", "1234567890", "qwertyuiop", "madoguchi1"})


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _HASHER.check_needs_rehash(password_hash)


def check_policy(password: str, staff_id: str) -> None:
    """At least 10 characters with letters and digits, not the ID, not a well-known one."""
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise DomainError(
            "weak_password", f"パスワードは{MIN_LENGTH}文字以上{MAX_LENGTH}文字以内にしてください。"
        )
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        raise DomainError("weak_password", "パスワードには英字と数字の両方を含めてください。")
    if staff_id.lower() in password.lower() or password.lower() in _COMMON:
        raise DomainError("weak_password", "推測されやすいパスワードは使用できません。")
