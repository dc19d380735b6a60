"""Runs a writing request so that a retry with the same Idempotency-Key gets the first answer
and applies nothing twice: the answer is stored in the same transaction as the effect."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from registry.api.deps import db_write_session
from registry.api.errors import ApiError
from registry.repositories import idempotency

REPLAYED_HEADER = "Idempotent-Replayed"
Work = Callable[[Session], tuple[int, str]]


async def read_json(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        raise ApiError(422, "invalid_body", "要求の本文がありません。")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise ApiError(422, "invalid_json", "要求の本文がJSONとして読めません。") from None


def run(request: Request, scope: str, key: str | None, body: Any, work: Work) -> Response:
    digest = idempotency.request_hash(body) if key is not None else ""
    for attempt in (1, 2):
        with db_write_session(request) as session:
            if key is not None:
                stored = idempotency.lookup(session, scope, key, digest)
                if stored is not None:
                    return Response(
                        stored.body, stored.status_code, media_type="application/json",
                        headers={REPLAYED_HEADER: "true"},
                    )
            status, text = work(session)
            try:
                if key is not None:
                    idempotency.store(session, scope, key, digest, status, text)
                session.commit()
            except IntegrityError:
                # A concurrent request with the same key stored its answer first: on the
                # second pass the lookup finds it. Any other conflict is not ours to hide.
                if key is None or attempt == 2:
                    raise
                continue
            return Response(text, status, media_type="application/json")
    raise AssertionError("unreachable")
