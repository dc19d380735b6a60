"""The entry form of each kind of 住民異動届, built from GET /v1/moves/kinds: only the items of
that kind's paper form, in the order of the paper form (seed l.890, 894).

The registry lists a kind's items as sets; the order in which a clerk reads them off the paper
is the terminal's to know, and is fixed here. An item the registry adds later and this table
does not know yet is still shown (after the known ones, as plain text), never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Final

from app.domain.move_fields import DATE_FIELDS, KANA_FIELDS, TEXT_LIMITS
from app.domain.relationships import HEAD, RELATIONSHIPS
from app.registry_api import MoveKindInfo, MoveKinds


class Input(Enum):
    """How an item is entered; the UI has one widget per kind of input."""

    TEXT = "text"
    DATE = "date"
    KANA = "kana"
    SEX = "sex"
    RESIDENT_TYPE = "resident_type"
    ARTICLE_30_45 = "article_30_45"
    RELATIONSHIP = "relationship"
    RESIDENT_CODE = "resident_code"
    INDIVIDUAL_NUMBER = "individual_number"
    RESIDENCE_CARD = "residence_card"
    ADDRESS = "address"
    HOUSEHOLD = "household"
    PERSON = "person"  # 宛名番号 of a person in the register, picked from a search
    TRANSFER_NOTICE = "transfer_notice"


# The paper form, top to bottom: 届出日 and 届出人, 異動日, 新住所 and 世帯, 前住所 or 転出先; the
# persons follow, then the 世帯員 who stay; 備考 (the reasons) at the foot.
NOTICE_ORDER: Final = (
    "notified_on", "notifier_name", "notifier_relationship", "move_date",
    "address", "household", "previous_address", "planned_move_out_date", "moved_out_to",
    "reason", "late_reason",
)
PERSON_ORDER: Final = (
    "id", "transfer_notice_id",
    "family_name", "given_name", "family_name_kana", "given_name_kana",
    "birth_date", "sex", "relationship", "resident_type",
    "resident_code", "individual_number",
    "honseki", "hittosha",
    "old_surname", "old_surname_kana", "old_surname_romaji",
    "nationality", "article_30_45", "residence_status", "residence_expiry", "residence_card_number",
    "alias_name", "alias_name_kana",
    "address_detail", "building", "previous_address",
)
# Not items the clerk fills in field by field: the kind is chosen, persons and the members who
# stay are lists of their own.
STRUCTURAL: Final = frozenset({"kind", "persons", "remaining"})
# The kinds in the order of the picker: the everyday ones first.
KIND_ORDER: Final = (
    "tenkyo", "tennyu", "tenshutsu", "tokurei_tennyu", "setainushi_henko", "setai_bunri",
    "setai_gappei", "setai_kosei_henko", "kokugai_tennyu", "kokugai_tenshutsu",
    "kisai_jiko_henko", "zairyu_henko", "shussei", "shibo", "shokken_kisai", "shokken_shojo",
    "shokken_shusei",
)
# 続柄 in the order a picker offers them: the common ones first, then the rest of the domain's
# list (which is a set) in a stable order.
COMMON_RELATIONSHIPS: Final = (
    HEAD, "妻", "夫", "子", "父", "母", "祖父", "祖母", "孫", "子の妻", "子の夫",
    "兄", "姉", "弟", "妹", "妻の父", "妻の母", "夫の父", "夫の母", "妻（未届）", "夫（未届）",
    "同居人", "縁故者",
)
RELATIONSHIP_CHOICES: Final = (
    *COMMON_RELATIONSHIPS, *sorted(RELATIONSHIPS - set(COMMON_RELATIONSHIPS)),
)

_SPECIAL_INPUTS: Final[dict[str, Input]] = {
    "sex": Input.SEX,
    "resident_type": Input.RESIDENT_TYPE,
    "article_30_45": Input.ARTICLE_30_45,
    "relationship": Input.RELATIONSHIP,
    "resident_code": Input.RESIDENT_CODE,
    "individual_number": Input.INDIVIDUAL_NUMBER,
    "residence_card_number": Input.RESIDENCE_CARD,
    "address": Input.ADDRESS,
    "household": Input.HOUSEHOLD,
    "id": Input.PERSON,
    "transfer_notice_id": Input.TRANSFER_NOTICE,
}


def input_of(key: str) -> Input:
    if key in _SPECIAL_INPUTS:
        return _SPECIAL_INPUTS[key]
    if key in DATE_FIELDS:
        return Input.DATE
    if key in KANA_FIELDS:
        return Input.KANA
    return Input.TEXT


@dataclass(frozen=True, slots=True)
class FieldSpec:
    key: str  # the API's name of the item
    label: str  # as the registry labels it (Japanese)
    input: Input
    required: bool
    max_length: int | None = None


@dataclass(frozen=True)
class FormSpec:
    kind: str
    title: str  # 異動事由 (転入, 転居, ...)
    group: str  # arrival | tenkyo | departure | household | record
    notified: bool  # a 届出 (with 届出日), not an ex-officio record
    notice_fields: tuple[FieldSpec, ...]
    person_fields: tuple[FieldSpec, ...]
    has_remaining: bool
    household_modes: tuple[str, ...]

    @property
    def existing_persons(self) -> bool:
        """The persons are in the register already and are picked, not typed in."""
        return any(f.key == "id" for f in self.person_fields)

    def notice_field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.notice_fields if f.key == key), None)

    def person_field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.person_fields if f.key == key), None)


def _ordered(keys: Iterable[str], order: tuple[str, ...]) -> list[str]:
    rank = {key: i for i, key in enumerate(order)}
    return sorted(keys, key=lambda k: (rank.get(k, len(order)), k))


def _field(key: str, required: frozenset[str], labels: dict[str, str]) -> FieldSpec:
    return FieldSpec(key, labels.get(key, key), input_of(key), key in required,
                     TEXT_LIMITS.get(key))


def form_spec(kind: MoveKindInfo, labels: dict[str, str]) -> FormSpec:
    notice = _ordered((k for k in kind.fields if k not in STRUCTURAL), NOTICE_ORDER)
    person = _ordered(kind.person_fields, PERSON_ORDER)
    return FormSpec(
        kind=kind.code, title=kind.change_reason, group=kind.group, notified=kind.notified,
        notice_fields=tuple(_field(k, kind.required, labels) for k in notice),
        person_fields=tuple(_field(k, kind.person_required, labels) for k in person),
        has_remaining="remaining" in kind.fields,
        household_modes=tuple(m for m in ("same", "new", "existing") if m in kind.household_modes),
    )


def form_specs(kinds: MoveKinds) -> dict[str, FormSpec]:
    """Every kind's form, in the order of the kind picker."""
    labels = dict(kinds.labels)
    by_code = {k.code: k for k in kinds.kinds}
    return {code: form_spec(by_code[code], labels) for code in _ordered(by_code, KIND_ORDER)}
