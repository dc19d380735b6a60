"""Recording an identity check: the request's shape, the rule (app.domain.identity_documents),
and the stored row with its audit row. Only the method is kept — which documents, how many
questions, which card items matched — never a value read from a card or a document."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.domain.identity_documents import (
    CARD_FIELDS,
    Assessment,
    Document,
    Evidence,
    assess,
    card_checked,
    card_of_someone_else,
)
from app.domain.request_shape import reject_unknown_keys, require_keys
from registry.api.errors import ApiError
from registry.audit.writer import Event, write
from registry.models import IdentityCheck
from registry.repositories import residents
from registry.repositories.actor import Actor

PURPOSES: Final = ("certificate", "move", "card", "other")
OUTCOMES: Final = ("confirmed", "not_confirmed")
FIELDS: Final = (
    "resident_id", "purpose", "documents", "questions_asked", "questions_correct", "card", "outcome",
)
CARD_KEYS: Final = ("pin_verified", "fields_matched", "face_compared")
MAX_DETAIL: Final = 200


@dataclass(frozen=True)
class CardCheck:
    pin_verified: bool
    face_compared: bool
    fields_matched: dict[str, bool]


@dataclass(frozen=True)
class CheckRequest:
    resident_id: str
    purpose: str
    evidence: Evidence
    card: CardCheck | None
    outcome: str


def _flag(value: Any, field: str, label: str) -> bool:
    if not isinstance(value, bool):
        raise DomainError("invalid_type", f"{label}は true か false で指定してください。", field=field)
    return value


def _count(value: Any, field: str, label: str) -> int:
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool):
        raise DomainError("invalid_type", f"{label}は整数で指定してください。", field=field)
    return value


def _card(value: Any) -> CardCheck | None:
    if value is None:
        return None
    raw = reject_unknown_keys(value, CARD_KEYS, "個人番号カードの照合結果")
    matched = raw.get("fields_matched") or {}
    reject_unknown_keys(matched, CARD_FIELDS, "カードと記録の照合項目")
    return CardCheck(
        pin_verified=_flag(raw.get("pin_verified", False), "card.pin_verified", "暗証番号の照合"),
        face_compared=_flag(raw.get("face_compared", False), "card.face_compared", "顔写真の照合"),
        fields_matched={
            f: _flag(matched[f], f"card.fields_matched.{f}", "照合結果")
            for f in CARD_FIELDS if f in matched
        },
    )


def _documents(value: Any) -> tuple[Document, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > len(Document):
        raise DomainError("invalid_document", "本人確認書類は種類の一覧で指定してください。",
                          field="documents")
    known = {d.value for d in Document}
    for item in value:
        if not isinstance(item, str) or item not in known:
            raise DomainError("invalid_document", "本人確認書類の種類が正しくありません。",
                              field="documents")
    return tuple(Document(v) for v in dict.fromkeys(value))


def parse(body: Any) -> CheckRequest:
    raw = reject_unknown_keys(body, FIELDS, "本人確認の記録")
    require_keys(raw, ("resident_id", "purpose", "outcome"))
    atena = raw["resident_id"]
    if not (isinstance(atena, str) and atena.isascii() and atena.isdigit() and len(atena) == 10):
        raise DomainError("invalid_resident_id", "宛名番号は10桁の数字です。", field="resident_id")
    if not isinstance(raw["purpose"], str) or raw["purpose"] not in PURPOSES:
        raise DomainError("invalid_purpose", "本人確認の目的が正しくありません。", field="purpose")
    if not isinstance(raw["outcome"], str) or raw["outcome"] not in OUTCOMES:
        raise DomainError("invalid_outcome", "本人確認の結果が正しくありません。", field="outcome")
    documents = _documents(raw.get("documents"))
    card = _card(raw.get("card"))
    if card is not None and Document.MY_NUMBER_CARD not in documents:
        raise DomainError(
            "invalid_field",
            "個人番号カードの照合結果は、提示書類に個人番号カードがあるときだけ記録できます。",
            field="card",
        )
    verified = card is not None and card_checked(
        pin_verified=card.pin_verified, face_compared=card.face_compared,
        fields_matched=card.fields_matched,
    )
    evidence = Evidence(
        documents=documents,
        questions_asked=_count(raw.get("questions_asked"), "questions_asked", "質問の数"),
        questions_correct=_count(raw.get("questions_correct"), "questions_correct", "正答の数"),
        card_verified=verified,
        card_foreign=card is not None and card_of_someone_else(card.fields_matched),
    )
    return CheckRequest(atena, raw["purpose"], evidence, card, raw["outcome"])


def _detail(req: CheckRequest, assessment: Assessment) -> str:
    e = req.evidence
    parts = [
        f"purpose={req.purpose}",
        f"outcome={req.outcome}",
        f"sufficient={'yes' if assessment.sufficient else 'no'}",
        f"q={e.questions_correct}/{e.questions_asked}",
    ]
    if req.card is not None:
        methods = [m for m, on in (("pin", req.card.pin_verified), ("face", req.card.face_compared)) if on]
        parts.append(f"card={'+'.join(methods) or 'unverified'}")
        flags = "".join(
            "-" if f not in req.card.fields_matched else "1" if req.card.fields_matched[f] else "0"
            for f in CARD_FIELDS
        )
        parts.append(f"match={flags}")  # in the order of CARD_FIELDS; - not compared
    parts.append(f"docs={'+'.join(d.value for d in e.documents) or 'none'}")
    return " ".join(parts)[:MAX_DETAIL]


def _fields_text(card: CardCheck | None) -> str | None:
    if card is None:
        return None
    return ",".join(f"{f}={int(v)}" for f, v in card.fields_matched.items())


def record(session: Session, actor: Actor, req: CheckRequest, now: datetime) -> dict[str, Any]:
    assessment = assess(req.evidence)
    if req.outcome == "confirmed" and not assessment.sufficient:
        raise DomainError(assessment.code or "identity_insufficient", assessment.message,
                          field="documents")
    found = residents.get(session, req.resident_id)
    if found is None:
        raise ApiError(404, "resident_not_found", "指定された宛名番号の住民が見つかりません。")
    check_id = uuid.uuid4().hex
    e = req.evidence
    session.add(IdentityCheck(
        id=check_id, person_id=found.person.id, purpose=req.purpose,
        documents=",".join(d.value for d in e.documents),
        questions_asked=e.questions_asked, questions_correct=e.questions_correct,
        card_presented=req.card is not None,
        pin_verified=None if req.card is None else req.card.pin_verified,
        face_compared=None if req.card is None else req.card.face_compared,
        fields_matched=_fields_text(req.card),
        sufficient=assessment.sufficient, outcome=req.outcome, recorded_at=now,
        staff_id=actor.staff_id, terminal_id=actor.terminal_id,
    ))
    session.flush()
    write(session.connection(), actor, Event(
        "identity.check", [req.resident_id], result="ok", reference=check_id,
        detail=_detail(req, assessment),
    ), at=now)
    return {
        "check_id": check_id,
        "resident_id": req.resident_id,
        "sufficient": assessment.sufficient,
        "outcome": req.outcome,
        "recorded_at": now.isoformat(),
    }
