"""Stored first answers of requests that carried an Idempotency-Key (see models.move)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from registry.models import IdempotencyRecord
from registry.models.base import table_of, utcnow

MAX_KEY_LENGTH = 200


@dataclass(frozen=True)
class Stored:
    status_code: int
    body: str


def validate_key(key: str | None) -> str | None:
    if key is None:
        return None
    if not (1 <= len(key) <= MAX_KEY_LENGTH) or not key.isascii() or not key.isprintable():
        raise DomainError(
            "invalid_idempotency_key",
            "Idempotency-Key は200文字以内の英数字・記号で指定してください。",
            field="Idempotency-Key",
        )
    return key


def request_hash(body: Any) -> str:
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


_T = table_of(IdempotencyRecord)
FIND = select(_T.c.request_hash, _T.c.status_code, _T.c.body).where(
    _T.c.scope == bindparam("scope"), _T.c.key == bindparam("key")
)
STORE = insert(_T)


def lookup(session: Session, scope: str, key: str, digest: str) -> Stored | None:
    found = session.connection().execute(FIND, {"scope": scope, "key": key}).first()
    if found is None:
        return None
    if found.request_hash != digest:
        raise DomainError(
            "idempotency_key_reused",
            "この Idempotency-Key は別の内容の要求に使われています。",
            field="Idempotency-Key",
        )
    return Stored(found.status_code, found.body)


def store(session: Session, scope: str, key: str, digest: str, status_code: int, body: str) -> None:
    session.connection().execute(STORE, {
        "scope": scope, "key": key, "request_hash": digest, "status_code": status_code,
        "body": body, "created_at": utcnow(),
    })
