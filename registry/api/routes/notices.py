"""What passes to and from 住基ネット: the outbound 本人確認情報 update notices, read by the CS
in 更新順番号 order, and the 転出証明書情報 the CS delivers ahead of a 特例転入."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain import resident_code as resident_codes
from app.domain.address import format_address
from app.domain.errors import DomainError
from app.domain.kana import kanji_key
from app.domain.move_fields import validate_field
from app.domain.request_shape import reject_unknown_keys, require_keys
from app.domain.wareki import parse_iso_date
from registry.api import idempotent, params
from registry.api.auth import record as audit_read
from registry.api.auth import require
from registry.api.deps import db_session, db_write_session, json_response, settings
from registry.api.errors import ApiError
from registry.api.routes.moves import IDEMPOTENCY_DOC
from registry.api.schemas import Name, name_of
from registry.audit.writer import Event, write
from registry.config import Settings
from registry.models import TransferNotice
from registry.models.base import utcnow
from registry.moves.transfer import TRANSFER_ITEMS
from registry.repositories import notices
from registry.repositories import numbers as number_store
from registry.repositories.actor import Actor
from registry.repositories.idempotency import validate_key
from registry.security.permissions import NOTICE_EXPORT, NOTICE_RECEIVE, TRANSFER_NOTICE_READ

router = APIRouter(tags=["住基ネット"])

MAX_PAGE = 1000


class OutboundNoticeItem(BaseModel):
    """One 本人確認情報 update, as the CS sends it on."""

    sequence: int = Field(description="更新順番号, strictly increasing; given when first read")
    resident_code: str = Field(description="住民票コード")
    individual_number: str | None = Field(description="個人番号, only for a reader permitted to see numbers")
    name: Name
    name_seion_kana: str = Field(description="清音化かな氏名")
    birth_date: date
    sex: str
    municipality_code: str
    town_code: str = Field(description="大字・字コード")
    postal_code: str
    address: str
    change_reason: str = Field(description="異動事由")
    change_date: date = Field(description="異動年月日")
    removed: bool
    old_surname: str | None
    old_surname_kana: str | None
    operator_id: str | None = Field(description="操作者ID")
    terminal_id: str | None = Field(description="操作端末ID")
    recorded_at: datetime


class OutboundPage(BaseModel):
    items: list[OutboundNoticeItem]
    next_after: int = Field(description="pass as `after` to read on")


@router.get("/v1/notices/outbound", response_model=OutboundPage)
def outbound_notices(
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(NOTICE_EXPORT)),
    after: str | None = Query(None, description="the last 更新順番号 already read (default 0)"),
    limit: str | None = Query(None, description="1-1000, default 100"),
) -> Response:
    params.reject_unknown(request, ("after", "limit"))
    start = params.integer(after, "after", 0, 0, 10**15)
    page_limit = params.integer(limit, "limit", 100, 1, MAX_PAGE)
    m = cfg.municipality
    with db_write_session(request) as session:
        notices.publish(session)
        rows = notices.outbound_after(session, start, page_limit)
        items = []
        for r in rows:
            v = r.version
            number = number_store.reveal(session, r.person.id, who) if who.may_view_numbers else None
            assert r.notice.sequence is not None
            items.append(OutboundNoticeItem(
                sequence=r.notice.sequence,
                resident_code=r.person.resident_code,
                individual_number=number,
                name=name_of(v),
                name_seion_kana=v.name_seion_kana,
                birth_date=v.birth_date,
                sex=v.sex,
                municipality_code=m.code,
                town_code=v.town_code,
                postal_code=r.town.postal_code,
                address=format_address(m.prefecture, m.city, r.town.name, v.address_detail, v.building),
                change_reason=r.notice.change_reason,
                change_date=r.notice.change_date,
                removed=v.removed_on is not None,
                old_surname=v.old_surname,
                old_surname_kana=v.old_surname_kana,
                operator_id=r.notice.operator_id,
                terminal_id=r.notice.terminal_id,
                recorded_at=v.recorded_at,
            ))
        write(session.connection(), who, Event(
            "notice.export", [r.person.atena_number for r in rows],
            number_access=who.may_view_numbers and bool(rows), detail=f"after={start} count={len(rows)}",
        ))
        session.commit()  # the numbers given, the audit row, access-log rows of revealed numbers
    next_after = items[-1].sequence if items else start
    return json_response(OutboundPage(items=items, next_after=next_after))


TRANSFER_FIELDS = frozenset({
    "from_municipality", "resident_code", "individual_number", "planned_move_date",
    "previous_address", "head_name", "relationship_before", *TRANSFER_ITEMS,
})
TRANSFER_REQUIRED = (
    "from_municipality", "resident_code", "planned_move_date", "previous_address",
    "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex",
)


class TransferNoticeIn(BaseModel):
    """転出証明書情報 as the CS delivers it."""

    from_municipality: str = Field(description="転出元 地方公共団体コード (6 digits)")
    resident_code: str
    individual_number: str | None = None
    planned_move_date: date = Field(description="転出予定日")
    previous_address: str = Field(description="転出元の住所")
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    birth_date: date
    sex: str
    resident_type: str | None = None
    honseki: str | None = None
    hittosha: str | None = None
    head_name: str | None = None
    relationship_before: str | None = None


class TransferNoticeSummary(BaseModel):
    id: str
    received_at: datetime
    from_municipality: str
    resident_code: str
    planned_move_date: date
    name: str
    birth_date: date
    used: bool


class TransferNoticeList(BaseModel):
    items: list[TransferNoticeSummary]


def _checked_transfer(body: Any, cfg: Settings) -> dict[str, Any]:
    raw = reject_unknown_keys(body, TRANSFER_FIELDS, "転出証明書情報")
    require_keys(raw, TRANSFER_REQUIRED)
    origin = raw["from_municipality"]
    if not isinstance(origin, str) or len(origin) != 6 or not origin.isdigit() or not origin.isascii():
        raise DomainError("invalid_municipality", "転出元の地方公共団体コードは6桁の数字です。", field="from_municipality")
    out: dict[str, Any] = {"from_municipality": origin}
    for key, value in raw.items():
        if key in ("from_municipality", "head_name", "relationship_before"):
            continue
        out[key] = validate_field(key, value, key, cfg.resident_code_scheme)
    out["head_name"] = validate_field("notifier_name", raw.get("head_name"), "head_name")
    out["relationship_before"] = validate_field(
        "notifier_relationship", raw.get("relationship_before"), "relationship_before"
    )
    out.setdefault("resident_type", "japanese")
    out["resident_code"] = resident_codes.validate(out["resident_code"], cfg.resident_code_scheme)
    return out


class Received(BaseModel):
    id: str
    received_at: datetime


@router.post(
    "/v1/transfer-notices",
    status_code=201,
    response_model=Received,
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/TransferNoticeIn"}}}}},
)
async def receive_transfer_notice(
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(NOTICE_RECEIVE)),
    idempotency_key: str | None = Header(None, alias="Idempotency-Key", description=IDEMPOTENCY_DOC),
) -> Response:
    """Store 転出証明書情報 received through 住基ネット for a coming 特例転入. It is deleted
    when unused past its retention period after the 転出予定日."""
    params.reject_unknown(request, ())
    key = validate_key(idempotency_key)
    body = await idempotent.read_json(request)
    content = _checked_transfer(body, cfg)

    def work(session: Session) -> tuple[int, str]:
        notice = TransferNotice(
            id=uuid.uuid4().hex,
            received_at=utcnow(),
            from_municipality=content["from_municipality"],
            resident_code=content["resident_code"],
            planned_move_date=content["planned_move_date"],
            content=json.dumps(
                {k: v for k, v in content.items()
                 if k not in ("from_municipality", "resident_code", "planned_move_date")},
                ensure_ascii=False, default=_iso,
            ),
        )
        session.add(notice)
        write(session.connection(), who, Event("transfer_notice.receive", reference=notice.id))
        return 201, Received(id=notice.id, received_at=notice.received_at).model_dump_json()

    return await run_in_threadpool(idempotent.run, request, who, "POST /v1/transfer-notices", key, body, work)


LOOKUP_PARAMS = ("resident_code", "name", "birth_date")
NAME_LIMIT = 130
NOTICE_LOOKUP_TOO_BROAD = "転出証明書情報は、住民票コード、または氏名と生年月日の両方で検索してください。"


@router.get("/v1/transfer-notices", response_model=TransferNoticeList)
def find_transfer_notices(
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(TRANSFER_NOTICE_READ)),
    resident_code: str | None = Query(None, description="住民票コード; alone"),
    name: str | None = Query(
        None, description="氏名 as on the Individual Number Card (kanji; the space between family "
                          "and given name optional); with birth_date, for the unused notices only"),
    birth_date: str | None = Query(None, description="生年月日, YYYY-MM-DD; with name"),
) -> Response:
    """Received 転出証明書情報 (never with the individual number), found either by 住民票コード
    (every notice, used or not) or, for a 特例転入 from what the card holds, by name and birth
    date together (the unused notices within their retention period). Anything else is 422:
    `search_too_broad` when an item of the pair is missing, `invalid_parameter` for a code
    together with the pair."""
    params.reject_unknown(request, LOOKUP_PARAMS)
    # The card's full name: a family and a given name of up to 60 characters each, and spaces.
    name_text = params.text(name, "name", NAME_LIMIT)
    birth_text = params.text(birth_date, "birth_date", 10)
    if resident_code is not None and (name is not None or birth_date is not None):
        raise ApiError(422, "invalid_parameter",
                       "住民票コードと氏名・生年月日は同時に指定できません。", field="resident_code")
    if resident_code is not None:
        code = resident_codes.validate(resident_code, cfg.resident_code_scheme, field="resident_code")
        with db_session(request) as session:
            found = notices.transfer_notices_for(session, code)
            items = [_summary(n, json.loads(n.content)) for n in found]
        detail = f"found={len(items)}"
    else:
        if name_text is None or birth_text is None:
            missing = "name" if name_text is None else "birth_date"
            raise ApiError(422, "search_too_broad", NOTICE_LOOKUP_TOO_BROAD, field=missing)
        born = parse_iso_date(birth_text, "birth_date")
        key = kanji_key(name_text)
        if not key:
            raise ApiError(422, "search_too_broad", NOTICE_LOOKUP_TOO_BROAD, field="name")
        with db_session(request) as session:
            items = _by_name(session, cfg, key, born)
        detail = f"by=name_birth_date found={len(items)}"
    # The detail says how the notices were looked for and how many came back: never the values.
    audit_read(request, who, Event("transfer_notice.read", detail=detail))
    return json_response(TransferNoticeList(items=items))


def _by_name(session: Session, cfg: Settings, key: str, born: date) -> list[TransferNoticeSummary]:
    """The unused notices whose name folds (kanji_key: widths, spaces incl. U+3000, variant
    kanji, as the resident search folds names) to `key`, born on `born`.

    Name and birth date live only in the notice's JSON content, so they are compared here in
    Python rather than in SQL: the notices still usable are few (a month of 特例転入 arrivals
    at most, since the purge deletes the rest), and the query reads only those."""
    out = []
    for n in notices.unused_transfer_notices(session, clock.today(), cfg.transfer_notice_retention):
        content = json.loads(n.content)
        if content.get("birth_date") != born.isoformat():
            continue
        full = f"{content.get('family_name', '')}{content.get('given_name', '')}"
        if kanji_key(full) == key:
            out.append(_summary(n, content))
    return out


def _summary(n: TransferNotice, content: dict[str, Any]) -> TransferNoticeSummary:
    return TransferNoticeSummary(
        id=n.id,
        received_at=n.received_at,
        from_municipality=n.from_municipality,
        resident_code=n.resident_code,
        planned_move_date=n.planned_move_date,
        name=f"{content['family_name']}\u3000{content['given_name']}",
        birth_date=date.fromisoformat(content["birth_date"]),
        used=n.used_by_move_id is not None,
    )


def _iso(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)
