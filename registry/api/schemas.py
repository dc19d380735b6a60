"""What the API answers, as pydantic models (they make the OpenAPI schema).

No model here has a field for the individual number except `ResidentDetail.individual_number`,
which is filled only on an explicit, permitted and logged reveal.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, Field

from app.domain.address import format_address
from registry.config import Municipality
from registry.models import PersonVersion, Town


class Health(BaseModel):
    status: str
    version: str
    database: str


class Name(BaseModel):
    family_name: str
    given_name: str
    family_name_kana: str
    given_name_kana: str
    alias_name: str | None = Field(None, description="通称 (foreign residents)")
    alias_name_kana: str | None = None


class Address(BaseModel):
    postal_code: str
    town_code: str
    town_name: str
    detail: str
    building: str | None
    full: str = Field(description="都道府県から方書まで、証明書に書く形")


class PersonCore(BaseModel):
    """What every view of a person shows: who, where, in which household, whether current."""

    name: Name
    birth_date: date
    sex: str
    resident_type: str
    address: Address
    household_number: str | None = Field(
        description="世帯番号; null for a household a draft move creates (numbered on commit)"
    )
    relationship: str
    is_head: bool
    removed_on: date | None
    removal_reason: str | None
    processing_stop: bool = Field(description="処理停止 (e.g. DV support): issue only to the person")


class ResidentSummary(PersonCore):
    """One line of a search result list: enough to pick the right person, nothing more."""

    id: str = Field(description="宛名番号")
    status: str = Field(description="resident | removed")


class SearchResult(BaseModel):
    items: list[ResidentSummary]
    limit: int
    offset: int
    has_more: bool
    next_offset: int | None


class RecordState(PersonCore):
    """The full state of a record in one version."""

    became_resident_on: date
    became_resident_notified_on: date | None
    address_set_on: date
    address_set_notified_on: date | None
    previous_address: str | None
    moved_out_to: str | None
    honseki: str | None
    hittosha: str | None
    old_surname: str | None
    old_surname_kana: str | None
    old_surname_romaji: str | None
    nationality: str | None
    residence_status: str | None
    residence_expiry: date | None
    residence_card_number: str | None
    article_30_45: str | None


class VersionInfo(BaseModel):
    version: int
    change_reason: str = Field(description="異動事由")
    change_date: date = Field(description="異動年月日")
    notified_on: date | None = Field(description="届出年月日")
    late_notification: bool = Field(description="期間経過")
    late_reason: str | None
    recorded_at: datetime
    operator_id: str | None
    terminal_id: str | None


class ResidentDetail(BaseModel):
    id: str = Field(description="宛名番号")
    resident_code: str = Field(description="住民票コード")
    status: str
    current: VersionInfo
    record: RecordState
    individual_number: str | None = Field(
        None, description="only with ?reveal=individual_number and the number.view permission"
    )


class HistoryEntry(BaseModel):
    info: VersionInfo
    record: RecordState


class History(BaseModel):
    id: str
    versions: list[HistoryEntry]


class HouseholdDetail(BaseModel):
    household_number: str
    created_on: date
    address: Address | None
    head_id: str | None
    members: list[ResidentSummary]


class TownNames(Protocol):
    """What an address needs of its town: a Town, or the town columns of a search hit."""

    @property
    def town_code(self) -> str: ...

    @property
    def postal_code(self) -> str: ...

    @property
    def name(self) -> str: ...


def address_of(v: PersonVersion, town: TownNames, municipality: Municipality) -> Address:
    return Address(
        postal_code=town.postal_code,
        town_code=town.town_code,
        town_name=town.name,
        detail=v.address_detail,
        building=v.building,
        full=format_address(
            municipality.prefecture, municipality.city, town.name, v.address_detail, v.building
        ),
    )


def name_of(v: PersonVersion) -> Name:
    return Name(
        family_name=v.family_name,
        given_name=v.given_name,
        family_name_kana=v.family_name_kana,
        given_name_kana=v.given_name_kana,
        alias_name=v.alias_name,
        alias_name_kana=v.alias_name_kana,
    )


PersonView = TypeVar("PersonView", bound=PersonCore)


def _person(
    model: type[PersonView], v: PersonVersion, town: TownNames, household_number: str | None,
    m: Municipality, **extra: Any,
) -> PersonView:
    computed: dict[str, Any] = {
        "name": name_of(v),
        "address": address_of(v, town, m),
        "household_number": household_number,
        **extra,
    }
    stored = {f: getattr(v, f) for f in model.model_fields if f not in computed}
    return model(**computed, **stored)


def summary_of(
    atena_number: str, v: PersonVersion, town: TownNames, household_number: str, m: Municipality
) -> ResidentSummary:
    status = "removed" if v.removed_on else "resident"
    return _person(ResidentSummary, v, town, household_number, m, id=atena_number, status=status)


def state_of(
    v: PersonVersion, town: Town, household_number: str | None, m: Municipality
) -> RecordState:
    return _person(RecordState, v, town, household_number, m)


def info_of(v: PersonVersion) -> VersionInfo:
    return VersionInfo(**{field: getattr(v, field) for field in VersionInfo.model_fields})
