"""Resident search, one record, its history."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.domain import individual_number, resident_code
from app.domain.kana import is_kana
from app.domain.search_rule import SearchCriteria
from app.domain.wareki import parse_iso_date
from registry import single_read
from registry.api import params, search_limit
from registry.api.auth import Deferred, require, require_in_handler
from registry.api.auth import record as audit_read
from registry.api.deps import db_session, db_write_session, json_response, settings
from registry.api.errors import ApiError
from registry.api.schemas import (
    History,
    HistoryEntry,
    ResidentDetail,
    ResidentSummary,
    SearchResult,
    info_of,
    state_of,
    summary_of,
)
from registry.audit import writer
from registry.audit.writer import Event, write
from registry.config import Settings
from registry.models.base import utcnow
from registry.models.person import SEX_CODES
from registry.repositories import numbers, residents, search
from registry.repositories.actor import Actor
from registry.repositories.residents import ResidentRecord
from registry.security.permissions import NUMBER_SEARCH, NUMBER_VIEW, RESIDENT_READ, RESIDENT_SEARCH

router = APIRouter(tags=["residents"])

SEARCH_PARAMS = (
    "name",
    "name_kana",
    "birth_date",
    "address",
    "sex",
    "resident_code",
    "individual_number",
    "include_removed",
    "limit",
    "offset",
)
MAX_OFFSET = 10_000
SEARCH_ACTION = "resident.search"
NOT_FOUND = ApiError(404, "resident_not_found", "該当する住民が見つかりません。")


def _criteria(request: Request, cfg: Settings) -> SearchCriteria:
    q = request.query_params
    name_kana = params.text(q.get("name_kana"), "name_kana", 120)
    if name_kana is not None and not is_kana(name_kana):
        raise ApiError(
            422, "invalid_kana", "氏名（カナ）はカタカナまたはひらがなで入力してください。",
            field="name_kana",
        )
    birth_text = params.text(q.get("birth_date"), "birth_date", 10)
    code_text = params.text(q.get("resident_code"), "resident_code", 20)
    number_text = params.text(q.get("individual_number"), "individual_number", 20)
    return SearchCriteria(
        name=params.text(q.get("name"), "name", 60),
        name_kana=name_kana,
        birth_date=parse_iso_date(birth_text, "birth_date") if birth_text else None,
        address=params.text(q.get("address"), "address", 120),
        sex=params.choice(q.get("sex"), "sex", SEX_CODES),
        resident_code=(
            resident_code.validate(code_text, cfg.resident_code_scheme) if code_text else None
        ),
        individual_number=individual_number.validate(number_text) if number_text else None,
    )


# Read from the request by the handler itself (see params.documented); documented here.
_SEARCH_DOC = params.documented("query", [
    ("name", "氏名 (kanji, kana or 通称), prefix match"),
    ("name_kana", "氏名のカナ, prefix match"),
    ("birth_date", "YYYY-MM-DD"),
    ("address", "住所; a prefix of the town part suffices"),
    ("sex", "JIS X 0303 code; narrows, never counts"),
    ("resident_code", "住民票コード"),
    ("individual_number", "個人番号 (access-logged)"),
    ("include_removed", "true to include 消除者"),
    ("limit", "1-100, default 20"),
    ("offset", "0-10000"),
])


@router.get("/v1/residents/search", response_model=SearchResult, openapi_extra=_SEARCH_DOC)
def search_residents(
    request: Request,
    checked: Deferred = Depends(require_in_handler(RESIDENT_SEARCH)),
) -> Response:
    """Identity search. At least two of name / birth date / address, or a 住民票コード or
    individual number alone; otherwise 422 `search_too_broad`. Results never carry the
    individual number."""
    # The caller's check and the search limit's state are one statement, on a connection that
    # only reads (registry.db.read_engine); the check decides before anything else is looked at.
    # The answer is sent only once its audit row is committed. A search by number writes its
    # access-log rows and its audit row in one write transaction, as the revealed numbers must
    # not leave without them.
    cfg: Settings = request.app.state.settings
    postgresql = request.app.state.engine.dialect.name == "postgresql"
    with request.app.state.auth_engine.connect() as conn:
        who, row = checked.read_beside(conn, search_limit.WITH_CALLER, search_limit.window(utcnow()))
        page_request = _page_request(request, who, cfg)
        recent = search_limit.over_limit(request, row)
        if recent is None:
            if page_request.criteria.individual_number is not None:
                with db_write_session(request) as session:
                    items, has_more = _page(session, cfg, page_request, who)
                    write(session.connection(), who, _event(items, by_number=True))
                    session.commit()
            elif postgresql:
                items, has_more = _audited_page(conn, cfg, page_request, who)
            else:
                items, has_more = _summaries(search.search_on(
                    conn, page_request.criteria, address_prefixes=cfg.address_prefixes,
                    include_removed=page_request.include_removed, limit=page_request.limit,
                    offset=page_request.offset,
                ), cfg)
    if recent is not None:
        search_limit.block(request, who, recent)
    if not postgresql and page_request.criteria.individual_number is None:
        # SQLite: the audit row in a short write transaction of its own, once the read is over,
        # so that searches never queue behind the single writer for the length of a query.
        audit_read(request, who, _event(items, by_number=False))
    return _answer(page_request, items, has_more)


def _audited_page(
    conn: Connection, cfg: Settings, page: _PageRequest, who: Actor,
) -> tuple[list[ResidentSummary], bool]:
    query, values = search.audited(
        page.criteria, address_prefixes=cfg.address_prefixes, include_removed=page.include_removed,
        limit=page.limit, offset=page.offset,
    )
    # One statement in autocommit: the page and its audit row are one transaction, committed
    # (without waiting for the disk: registry.db.read_engine) before the rows come back.
    rows = single_read.rows_on(conn, query, {**values, **writer.values_of(who, Event(SEARCH_ACTION))})
    return _summaries(search.page_of(rows, page.limit), cfg)


@dataclass(frozen=True)
class _PageRequest:
    criteria: SearchCriteria
    limit: int
    offset: int
    include_removed: bool


def _page_request(request: Request, who: Actor, cfg: Settings) -> _PageRequest:
    """The search's parameters, checked once the caller is (their errors come after its)."""
    params.reject_unknown(request, SEARCH_PARAMS)
    criteria = _criteria(request, cfg)
    q = request.query_params
    if criteria.individual_number is not None and not who.can(NUMBER_SEARCH):
        audit_read(request, who, Event(SEARCH_ACTION, result="denied", number_access=True,
                                   detail=NUMBER_SEARCH))
        raise ApiError(403, "permission_denied", "個人番号で検索する権限がありません。")
    return _PageRequest(
        criteria,
        params.integer(q.get("limit"), "limit", cfg.search_default_limit, 1, cfg.search_max_limit),
        params.integer(q.get("offset"), "offset", 0, 0, MAX_OFFSET),
        params.boolean(q.get("include_removed"), "include_removed"),
    )


def _page(session: Session, cfg: Settings, page: _PageRequest, who: Actor) -> tuple[list[ResidentSummary], bool]:
    found = search.search(
        session, page.criteria, address_prefixes=cfg.address_prefixes, include_removed=page.include_removed,
        limit=page.limit, offset=page.offset, actor=who,
    )
    return _summaries(found, cfg)


def _summaries(found: search.SearchPage, cfg: Settings) -> tuple[list[ResidentSummary], bool]:
    m = cfg.municipality
    return [summary_of(h.atena_number, h.version, h.town, h.household_number, m) for h in found.hits], found.has_more


def _event(items: list[ResidentSummary], by_number: bool) -> Event:
    return Event(
        SEARCH_ACTION, [i.id for i in items], number_access=by_number, detail=f"{search.HITS_DETAIL}{len(items)}",
    )


def _answer(page: _PageRequest, items: list[ResidentSummary], has_more: bool) -> Response:
    return json_response(
        SearchResult(
            items=items,
            limit=page.limit,
            offset=page.offset,
            has_more=has_more,
            next_offset=page.offset + page.limit if has_more else None,
        )
    )


def _atena(resident_id: str) -> str:
    return params.ten_digit_id(resident_id, "invalid_resident_id", "宛名番号は10桁の数字です。")


@router.get("/v1/residents/{resident_id}", response_model=ResidentDetail)
def get_resident(
    resident_id: str,
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(RESIDENT_READ)),
    reveal: str | None = Query(None, description="individual_number, with number.view only"),
) -> Response:
    params.reject_unknown(request, ("reveal",))
    params.choice(reveal, "reveal", ("individual_number",))
    atena = _atena(resident_id)
    if reveal and not who.can(NUMBER_VIEW):
        audit_read(request, who, Event("resident.read", [atena], result="denied", number_access=True,
                                   detail=NUMBER_VIEW))
        raise ApiError(403, "permission_denied", "個人番号を表示する権限がありません。")
    event = Event("resident.read", [atena])
    if reveal:
        with db_write_session(request) as session:
            record = _found(residents.get(session, atena))
            detail = _detail(record, cfg)
            detail.individual_number = numbers.reveal(session, record.person.id, who)
            write(session.connection(), who, Event("resident.read", [atena], number_access=True,
                                                    detail="reveal=individual_number"))
            session.commit()  # the number leaves only once its access-log rows are stored
    elif request.app.state.engine.dialect.name == "postgresql":
        # The read needs no transaction, and its audit row is one statement committed on its
        # own (registry.db.read_engine): two round trips where a transaction around both took four.
        with request.app.state.auth_engine.connect() as conn:
            with Session(bind=conn) as session:
                detail = _detail(_found(residents.get(session, atena)), cfg)
            write(conn, who, event)
    else:
        # SQLite keeps the audit row in a short write transaction of its own, as the search does.
        with db_session(request) as session:
            detail = _detail(_found(residents.get(session, atena)), cfg)
        audit_read(request, who, event)
    return json_response(detail)


def _found(record: ResidentRecord | None) -> ResidentRecord:
    if record is None:
        raise NOT_FOUND
    return record


def _detail(record: ResidentRecord, cfg: Settings) -> ResidentDetail:
    return ResidentDetail(
        id=record.person.atena_number,
        resident_code=record.person.resident_code,
        status="removed" if record.version.removed_on else "resident",
        individual_number=None,
        current=info_of(record.version),
        record=state_of(record.version, record.town, record.household_number, cfg.municipality),
    )


@router.get("/v1/residents/{resident_id}/history", response_model=History)
def get_history(
    resident_id: str,
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(RESIDENT_READ)),
) -> Response:
    """Every version of the record, oldest first."""
    params.reject_unknown(request, ())
    atena = _atena(resident_id)
    with db_session(request) as session:
        record = residents.get(session, atena)
        if record is None:
            raise NOT_FOUND
        versions = [
            HistoryEntry(
                info=info_of(e.version),
                record=state_of(e.version, e.town, e.household_number, cfg.municipality),
            )
            for e in residents.history(session, record.person.id)
        ]
    audit_read(request, who, Event("resident.history", [atena]))
    return json_response(History(id=atena, versions=versions))
