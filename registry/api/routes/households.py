from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from registry.api import params
from registry.api.auth import record as audit_read
from registry.api.auth import require
from registry.api.deps import db_session, json_response, settings
from registry.api.errors import ApiError
from registry.api.schemas import HouseholdDetail, address_of, summary_of
from registry.audit.writer import Event
from registry.config import Municipality, Settings
from registry.repositories import residents
from registry.repositories.actor import Actor
from registry.security.permissions import HOUSEHOLD_READ

router = APIRouter(tags=["households"])


@router.get("/v1/households/{household_number}", response_model=HouseholdDetail)
def get_household(
    household_number: str,
    request: Request,
    cfg: Settings = Depends(settings),
    who: Actor = Depends(require(HOUSEHOLD_READ)),
) -> Response:
    """A household with its current members, the head first."""
    params.reject_unknown(request, ())
    params.ten_digit_id(household_number, "invalid_household_number", "世帯番号は10桁の数字です。")
    with db_session(request) as session:
        found = residents.household(session, household_number)
        if found is None:
            raise ApiError(404, "household_not_found", "該当する世帯が見つかりません。")
        detail = _detail(found, cfg.municipality)
    audit_read(request, who, Event("household.read", [m.id for m in detail.members],
                               reference=household_number))
    return json_response(detail)


def _detail(found: residents.HouseholdRecord, m: Municipality) -> HouseholdDetail:
    head = next((r for r in found.members if r.version.is_head), None)
    first = found.members[0] if found.members else None
    number = found.household.household_number
    return HouseholdDetail(
        household_number=number,
        created_on=found.household.created_on,
        address=address_of(first.version, first.town, m) if first else None,
        head_id=head.person.atena_number if head else None,
        members=[
            summary_of(r.person.atena_number, r.version, r.town, number, m) for r in found.members
        ],
    )
