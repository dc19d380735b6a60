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
from registry.audit.writer import Event, write
from registry.repositories import idempotency
from registry.repositories.actor import Actor

REPLAYED_HEADER = "Idempotent-Replayed"
# The audit row of an answer given again: the first answer's own rows name what it held.
REPLAY_ACTION = "request.replay"
Work = Callable[[Session], tuple[int, str]]


# Deeper than any body the API defines (a move is four levels); bounded so that nothing after
# the parser (the request hash, the checks) can recurse without limit.
MAX_JSON_DEPTH = 16


async def read_json(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        raise ApiError(422, "invalid_body", "要求の本文がありません。")
    # The body is read as JSON whatever its Content-Type says: `curl -d` labels it a form, and
    # scripts of the city's IT staff send it that way.
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ApiError(422, "invalid_json", "要求の本文がJSONとして読めません。") from None
    if _depth(body) > MAX_JSON_DEPTH:
        raise ApiError(422, "invalid_json", "要求の本文の入れ子が深すぎます。")
    # JSON may escape half of a surrogate pair (\ud800): Python reads it as a str that no
    # encoder, database or password hash accepts.
    if b"\\u" in raw and not _encodable(body):
        raise ApiError(422, "invalid_characters", "要求の本文に使用できない文字が含まれています。")
    return body


def _depth(value: Any) -> int:
    deepest, level = 0, [(value, 1)]
    while level:
        item, depth = level.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_JSON_DEPTH:
            break
        if isinstance(item, dict):
            level.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            level.extend((child, depth + 1) for child in item)
    return deepest


def _encodable(body: Any) -> bool:
    try:
        json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return False
    return True


def run(request: Request, who: Actor, scope: str, key: str | None, body: Any, work: Work) -> Response:
    """`scope` is the method and path. A key is the caller's own: stored answers are kept per
    staff member, so nobody can replay somebody else's answer (and the checks that produced it)
    by sending the same key."""
    owned = f"{who.staff_id} {scope}"
    digest = idempotency.request_hash(body) if key is not None else ""
    for attempt in (1, 2):
        with db_write_session(request) as session:
            if key is not None:
                stored = idempotency.lookup(session, owned, key, digest)
                if stored is not None:
                    write(session.connection(), who, Event(REPLAY_ACTION, detail=scope))
                    session.commit()
                    return Response(
                        stored.body, stored.status_code, media_type="application/json",
                        headers={REPLAYED_HEADER: "true"},
                    )
            status, text = work(session)
            try:
                if key is not None:
                    idempotency.store(session, owned, key, digest, status, text)
                session.commit()
            except IntegrityError:
                # A concurrent request with the same key stored its answer first: on the
                # second pass the lookup finds it. Any other conflict is not ours to hide.
                if key is None or attempt == 2:
                    raise
                continue
            return Response(text, status, media_type="application/json")
    raise AssertionError("unreachable")
