"""What the move endpoints take and answer, as pydantic models for the OpenAPI schema.

The request is parsed by registry.moves.request (for field-level Japanese errors and the
per-kind item lists); `MoveRequestDoc` documents its shape.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from app.domain.move_kinds import KINDS
from registry.api.schemas import Name, RecordState

MoveKindCode = Literal[tuple(KINDS)]  # type: ignore[valid-type]
PersonAction = Literal["create", "update", "remove"]
HouseholdAction = Literal["create", "update", "dissolve"]


class AddressDoc(BaseModel):
    postal_code: str | None = Field(None, description="7 digits, NNN-NNNN accepted; must match the town")
    town_code: str = Field(description="町丁目 code of this city (GET /v1/towns)")
    address_detail: str = Field(description="番地・号")
    building: str | None = Field(None, description="方書")


class HouseholdDoc(BaseModel):
    mode: Literal["new", "existing", "same"]
    household_number: str | None = Field(None, description="with mode=existing")


class RemainingDoc(BaseModel):
    id: str = Field(description="宛名番号 of a member who stays")
    relationship: str = Field(description="their 続柄 after the move")


class PersonDoc(BaseModel):
    """Which items are accepted depends on the kind (GET /v1/moves/kinds)."""

    id: str | None = Field(None, description="宛名番号, for a person already in the register")
    transfer_notice_id: str | None = Field(None, description="特例転入: the received 転出証明書情報")
    family_name: str | None = None
    given_name: str | None = None
    family_name_kana: str | None = None
    given_name_kana: str | None = None
    birth_date: date | None = None
    sex: Literal["1", "2"] | None = None
    resident_type: Literal["japanese", "foreign"] | None = None
    relationship: str | None = Field(None, description="続柄 to the head; 世帯主 for the head")
    resident_code: str | None = None
    individual_number: str | None = None
    honseki: str | None = None
    hittosha: str | None = None
    old_surname: str | None = None
    old_surname_kana: str | None = None
    old_surname_romaji: str | None = None
    nationality: str | None = None
    article_30_45: str | None = None
    residence_status: str | None = None
    residence_expiry: date | None = None
    residence_card_number: str | None = None
    alias_name: str | None = None
    alias_name_kana: str | None = None
    address_detail: str | None = Field(None, description="職権修正 only")
    building: str | None = Field(None, description="職権修正 only")
    previous_address: str | None = Field(None, description="職権修正 only")


class MoveRequestDoc(BaseModel):
    """A 住民異動届. Items outside the kind's paper form are refused (422 field_not_allowed;
    on a 転居, any record item: 422 tenkyo_non_address_change)."""

    kind: MoveKindCode  # type: ignore[valid-type]
    notified_on: date | None = Field(None, description="届出日 (not for ex-officio kinds)")
    move_date: date = Field(description="異動日 (転出: 転出予定日)")
    late_reason: str | None = Field(None, description="required when more than 14 days late")
    reason: str | None = Field(None, description="職権記載・消除・修正: the reason")
    notifier_name: str | None = None
    notifier_relationship: str | None = None
    address: AddressDoc | None = None
    household: HouseholdDoc | None = None
    previous_address: str | None = Field(None, description="前住所 (転入: from the 転出証明書)")
    planned_move_out_date: date | None = Field(None, description="転出予定日 on the 転出証明書")
    moved_out_to: str | None = Field(None, description="転出先")
    remaining: list[RemainingDoc] | None = Field(None, description="new 続柄 of members who stay")
    persons: list[PersonDoc]


class FieldChange(BaseModel):
    field: str
    label: str
    before: str | None
    after: str | None


class PersonChange(BaseModel):
    ref: str = Field(description="宛名番号, or new-N for a person the commit creates")
    id: str | None = Field(description="宛名番号 (null until a new person is committed)")
    action: PersonAction
    change_reason: str
    version: int = Field(description="the version the commit will write")
    before: RecordState | None
    after: RecordState
    changes: list[FieldChange]
    notice: bool = Field(description="a 本人確認情報 update notice will be sent")


class MemberDoc(BaseModel):
    ref: str
    id: str | None
    name: str
    relationship: str


class HouseholdChange(BaseModel):
    household_number: str | None = Field(description="null: created by the commit")
    action: HouseholdAction
    version: int | None = Field(description="the version the draft was made against")
    members_before: list[MemberDoc]
    members_after: list[MemberDoc]


class MoveWarning(BaseModel):
    code: str
    message: str
    field: str | None = None


class MoveReview(BaseModel):
    """The draft: what the commit will change, for the clerk to compare with the paper form."""

    id: str
    kind: str
    change_reason: str = Field(description="異動事由")
    status: Literal["draft", "committed", "discarded"]
    created_at: datetime
    expires_at: datetime
    move_date: date
    notified_on: date | None
    late_notification: bool = Field(description="期間経過")
    persons: list[PersonChange]
    households: list[HouseholdChange]
    warnings: list[MoveWarning]


class CommittedPerson(BaseModel):
    ref: str
    id: str = Field(description="宛名番号")
    resident_code: str
    version: int
    change_reason: str
    notice: bool = Field(description="a 本人確認情報 update notice was written for 住基ネット")


class CommittedHousehold(BaseModel):
    household_number: str
    version: int


class TransferCertificate(BaseModel):
    """The content of a 転出証明書 (住基法施行令 §23), for printing."""

    ref: str
    resident_code: str
    name: Name
    birth_date: date
    sex: str
    resident_type: str
    is_head: bool
    head_name: str | None
    relationship: str
    address: str
    became_resident_on: date
    moved_out_to: str | None
    planned_move_date: date
    honseki: str | None
    hittosha: str | None
    nationality: str | None
    article_30_45: str | None
    residence_status: str | None
    residence_expiry: date | None
    residence_card_number: str | None
    municipality_code: str
    municipality: str


class MoveResult(BaseModel):
    id: str
    kind: str
    status: Literal["committed"]
    committed_at: datetime
    persons: list[CommittedPerson]
    households: list[CommittedHousehold]
    notices: int = Field(
        description="本人確認情報 update notices written; numbered (更新順番号) when the CS reads them"
    )
    transfer_certificates: list[TransferCertificate]


class MoveState(BaseModel):
    """GET /v1/moves/{id}: the draft as reviewed and, once committed, what the commit did."""

    review: MoveReview
    result: MoveResult | None
