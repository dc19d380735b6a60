"""住民異動届: draft, review, commit (architecture.md, "Registry API contract")."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.domain.move_fields import LABELS
from app.domain.move_kinds import HOUSEHOLD_MODES, KINDS
from registry.api import idempotent, params
from registry.api.auth import SESSION, Deferred, require, require_in_handler
from registry.api.auth import record as audit_read
from registry.api.deps import db_session, db_write_session, in_commit_pool, json_response, settings
from registry.api.errors import ApiError
from registry.api.move_schemas import MoveRequestDoc, MoveResult, MoveReview, MoveState
from registry.audit.writer import Event, write
from registry.batch import Batch
from registry.config import Settings
from registry.moves import service
from registry.moves.commit import VersionConflict
from registry.repositories.actor import Actor
from registry.repositories.idempotency import validate_key
from registry.security.permissions import MOVE_COMMIT, MOVE_DRAFT

router = APIRouter(tags=["moves"])

_MOVE_ID = re.compile(r"[0-9a-f]{32}")
_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MoveRequestDoc"}}},
    }
}
IDEMPOTENCY_DOC = "a retried request with the same key gets the first answer and applies nothing twice"


def _move_id(value: str) -> str:
    if not _MOVE_ID.fullmatch(value):
        raise ApiError(422, "invalid_move_id", "異動届の番号が正しくありません。", field="id")
    return value


def conflict(ref: str) -> ApiError:
    return ApiError(
        409,
        "version_conflict",
        "下書きの作成後に、この届出に関わる記録が他の処理で変更されました。"
        "最新の記録で届出を作り直してください。",
        ref=ref,
    )


@router.post(
    "/v1/moves", status_code=201, response_model=MoveReview, openapi_extra=_REQUEST_BODY
)
async def create_move(
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(MOVE_DRAFT)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
) -> Response:
    """Validate a 住民異動届 and store it as a server-side draft. Answers the before/after of
    every record and household it touches and the warnings, for the clerk to compare with the
    paper form. Nothing in the register changes until the commit."""
    params.reject_unknown(request, ())
    key = validate_key(idempotency_key)
    body = await idempotent.read_json(request)

    def work(session: Session) -> tuple[int, str]:
        return 201, service.create_draft(session, cfg, who, body).model_dump_json()

    return await run_in_threadpool(idempotent.run, request, who, "POST /v1/moves", key, body, work)


# The commit route reads its header and settings itself: FastAPI's dependency solving was a
# measurable part of a commit's CPU. The header stays documented in the OpenAPI document.
_KEY_HEADER = params.documented("header", [("Idempotency-Key", IDEMPOTENCY_DOC)])


@router.post("/v1/moves/{move_id}/commit", response_model=MoveResult, openapi_extra=_KEY_HEADER)
async def commit_move(
    move_id: str,
    request: Request,
    checked: Deferred = Depends(require_in_handler(MOVE_COMMIT)),
) -> Response:
    """Apply the draft in one transaction. 409 `version_conflict` if any record or household
    changed since the draft, and then nothing is applied. Committing a committed draft again
    answers its first result and applies nothing."""
    raw = await request.body()
    cfg: Settings = request.app.state.settings

    def work() -> Response:
        # The staff and terminal checks first, in this thread (one hop, not two, per commit);
        # on PostgreSQL in one round trip with the draft's lock, right after BEGIN.
        who = None if checked.folds else checked()
        with db_write_session(request) as session:
            locked = None
            if who is None:
                first = Batch(session.connection())
                answer = checked.read_with(first)
                # A malformed id locks nothing (and is refused once the check has passed).
                lock = first.add(service.LOCK_MOVE, {"move_id": move_id if _MOVE_ID.fullmatch(move_id) else ""})
                outcomes = first.run()
                who, locked = answer(outcomes), outcomes[lock].first()
            params.reject_unknown(request, ())
            validate_key(request.headers.get("idempotency-key"))
            move = _move_id(move_id)
            if raw.strip():
                raise ApiError(422, "invalid_body", "確定の要求に本文は指定できません。")
            # The move row itself records the commit and its answer, so a retry, with this key,
            # another key or none, gets the first answer and applies nothing (no key table needed).
            try:
                outcome = service.commit(session, cfg, who, move, locked)
                session.commit()
            except VersionConflict as exc:
                raise conflict(str(exc)) from None
            except IntegrityError:
                # A unique record (住民票コード, 個人番号) written meanwhile by another move.
                raise conflict("register") from None
        headers = {idempotent.REPLAYED_HEADER: "true"} if outcome.replayed else {}
        return Response(outcome.result.model_dump_json(), 200, media_type="application/json",
                        headers=headers)

    return await in_commit_pool(request, work)


class KindDoc(BaseModel):
    code: str
    change_reason: str
    group: str
    notified: bool
    fields: list[str]
    required: list[str]
    person_fields: list[str]
    person_required: list[str]
    household_modes: list[str]


class Kinds(BaseModel):
    kinds: list[KindDoc]
    labels: dict[str, str]


@router.get("/v1/moves/kinds", response_model=Kinds)
def move_kinds(request: Request, who: Actor = Depends(require(SESSION))) -> Response:
    """Every kind of move with the items of its paper form, for building the entry forms."""
    params.reject_unknown(request, ())
    kinds = [
        KindDoc(
            code=k.code,
            change_reason=k.reason,
            group=k.group.value,
            notified=k.notified,
            fields=sorted(k.fields),
            required=sorted(k.required),
            person_fields=sorted(k.person_fields),
            person_required=sorted(k.person_required),
            household_modes=sorted(HOUSEHOLD_MODES.get(k.code, ())),
        )
        for k in KINDS.values()
    ]
    return json_response(Kinds(kinds=kinds, labels=LABELS))


@router.get("/v1/moves/{move_id}", response_model=MoveState)
def get_move(move_id: str, request: Request, who: Actor = Depends(require(MOVE_DRAFT))) -> Response:
    """A draft as reviewed and, once committed, its result."""
    params.reject_unknown(request, ())
    move = _move_id(move_id)
    with db_session(request) as session:
        found = service.state(session, move)
    audit_read(request, who, Event("move.read", service.targets_of(found.review), reference=move))
    return json_response(found)


class Discarded(BaseModel):
    id: str
    status: str


@router.delete("/v1/moves/{move_id}", response_model=Discarded)
def discard_move(move_id: str, request: Request, who: Actor = Depends(require(MOVE_DRAFT))) -> Response:
    """Discard a draft (the clerk abandons the entry). A committed move cannot be discarded."""
    params.reject_unknown(request, ())
    move = _move_id(move_id)
    with db_write_session(request) as session:
        service.discard(session, move)
        write(session.connection(), who, Event("move.discard", reference=move))
        session.commit()
    return json_response(Discarded(id=move, status="discarded"))


def openapi_components() -> dict[str, Any]:
    """Schemas the hand-parsed request body refers to, for the OpenAPI document."""
    schema = MoveRequestDoc.model_json_schema(ref_template="#/components/schemas/{model}")
    defs = schema.pop("$defs", {})
    return {"MoveRequestDoc": schema, **defs}
