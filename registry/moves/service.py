"""The move service: make a draft, commit it, discard it. Each function runs in the caller's
write transaction and leaves committing to the caller, so that the idempotency record and the
effect are stored together."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.domain import clock
from registry.api.errors import ApiError
from registry.api.move_schemas import MoveResult, MoveReview, MoveState
from registry.audit import writer as audit
from registry.audit.writer import Event
from registry.batch import Batch
from registry.config import Settings
from registry.models import Move
from registry.models.base import table_of, utcnow
from registry.moves import commit as committer
from registry.moves import request as move_request
from registry.moves import review as reviews
from registry.moves.plan import Plan
from registry.moves.planner import Planner
from registry.repositories.actor import Actor

MOVE_NOT_FOUND = ApiError(404, "move_not_found", "指定された異動届が見つかりません（期限切れで削除された可能性があります）。")


@dataclass(frozen=True)
class CommitOutcome:
    result: MoveResult
    replayed: bool  # the move had been committed before: nothing was applied now


def create_draft(session: Session, settings: Settings, actor: Actor, body: Any) -> MoveReview:
    req = move_request.parse(body, settings.resident_code_scheme)
    planner = Planner(session, settings, actor, clock.today())
    planned = planner.plan(req)
    committer.with_keys(session.connection(), planned.plan)
    now = utcnow()
    move_id = uuid.uuid4().hex
    expires_at = now + settings.draft_ttl
    review = reviews.build(
        move_id, req, planned, planner.read, settings.municipality, now, expires_at
    )
    audit.write(session.connection(), actor, Event(
        "move.draft", targets_of(review), reference=move_id, detail=req.kind.code
    ))
    session.add(
        Move(
            id=move_id,
            kind=req.kind.code,
            status="draft",
            created_at=now,
            expires_at=expires_at,
            staff_id=actor.staff_id,
            terminal_id=actor.terminal_id,
            request=json.dumps(_without_numbers(move_request.canonical(req)), ensure_ascii=False),
            plan=planned.plan.to_json(),
            numbers=planned.plan.numbers_json(),
            review=review.model_dump_json(),
        )
    )
    return review


_M = table_of(Move)
LOCK_MOVE = (
    select(_M.c.status, _M.c.expires_at, _M.c.plan, _M.c.numbers, _M.c.result)
    .where(_M.c.id == bindparam("move_id"))
    .with_for_update()
)
FINISH_MOVE = update(_M).where(_M.c.id == bindparam("move_id"))


def _locked(session: Session, move_id: str, row: Any = None) -> Any:
    """The draft's row, locked: LOCK_MOVE's row if the caller read it in this transaction
    already, else read here. FOR UPDATE: two commits of one draft queue here; the second then
    sees it committed."""
    move = row or session.connection().execute(LOCK_MOVE, {"move_id": move_id}).first()
    if move is None:
        raise MOVE_NOT_FOUND
    return move


def commit(session: Session, settings: Settings, actor: Actor, move_id: str, locked: Any = None) -> CommitOutcome:
    """Applies the draft `move_id`; `locked` is its LOCK_MOVE row if the caller read it already
    in `session`'s transaction (None: not read, or no such draft)."""
    move = _locked(session, move_id, locked)
    if move.status == "committed":
        assert move.result is not None
        return CommitOutcome(MoveResult.model_validate_json(move.result), replayed=True)
    if move.status == "discarded":
        raise ApiError(409, "move_discarded", "この異動届は取り消されています。")
    now = utcnow()
    if _aware(move.expires_at) <= now:
        raise ApiError(410, "move_expired", "この異動届の下書きは有効期限を過ぎました。もう一度入力内容を確認して作成してください。")
    plan = Plan.from_json(move.plan, move.numbers)
    conn = session.connection()
    batch = Batch(conn)
    applied = committer.apply(session, move_id, plan, actor, settings.resident_code_scheme, now, batch)
    event = Event("move.commit", [p.id for p in applied.result.persons], reference=move_id, detail=plan.kind)
    audited = audit.queue(batch, conn, actor, event, at=now)
    finish: dict[str, Any] = {
        "move_id": move_id, "status": "committed", "committed_at": now,
        "result": applied.result.model_dump_json(),
    }
    if move.numbers is not None:
        finish["numbers"] = None  # from now on only in their own table
    batch.add(FINISH_MOVE, finish)
    applied.verify(batch.run())
    if not audited:
        audit.write(conn, actor, event, at=now)
    result = applied.result
    return CommitOutcome(result, replayed=False)


def discard(session: Session, move_id: str) -> None:
    move = _locked(session, move_id)
    if move.status == "committed":
        raise ApiError(409, "move_already_committed", "この異動届は既に確定しています。")
    session.connection().execute(FINISH_MOVE, {"move_id": move_id, "status": "discarded", "numbers": None})


def state(session: Session, move_id: str) -> MoveState:
    move = session.get(Move, move_id)
    if move is None:
        raise MOVE_NOT_FOUND
    review = MoveReview.model_validate_json(move.review)
    review.status = move.status  # type: ignore[assignment]
    result = MoveResult.model_validate_json(move.result) if move.result else None
    return MoveState(review=review, result=result)


def targets_of(review: MoveReview) -> list[str]:
    """The residents a move concerns, by 宛名番号 (new persons have none until committed)."""
    ids = [p.id for p in review.persons if p.id]
    for h in review.households:
        ids += [m.id for m in h.members_before + h.members_after if m.id]
    return list(dict.fromkeys(ids))


def _without_numbers(data: dict[str, Any]) -> dict[str, Any]:
    """The request as stored, without any individual number presented: a commit needs only
    the new persons' numbers, which the draft keeps apart from it (Plan.numbers_json)."""
    for person in data.get("persons", []):
        values = person.get("values", {})
        if "individual_number" in values:
            values["individual_number"] = None
    return data


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored as UTC.
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)
