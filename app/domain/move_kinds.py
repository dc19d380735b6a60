"""The kinds of 住民異動 and, for each, the items its paper form carries.

Only the items of the form can be entered (seed l.894): a field outside a kind's lists is
refused, never ignored. The terminal builds its forms from these lists and the registry checks
requests against the same lists, so the two agree by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final

from app.domain.errors import DomainError


class Group(Enum):
    ARRIVAL = "arrival"  # a person becomes a resident: a new or returning record
    TENKYO = "tenkyo"  # the address changes within the city
    DEPARTURE = "departure"  # the person is removed (消除)
    HOUSEHOLD = "household"  # only 世帯 and 続柄 change
    RECORD = "record"  # items of the record change, not the address or household


class DateRule(Enum):
    # A 届出 of a fact that has happened: move date ≤ notice date ≤ today, 14 days or a reason.
    NOTIFIED = "notified"
    # A 転出届 may come before the move (転出予定), or late with a reason.
    DEPARTURE = "departure"
    # Recorded ex officio or from another office's notice: the date has passed, no deadline.
    EX_OFFICIO = "ex_officio"


NOTICE_DEADLINE_DAYS: Final = 14  # 住基法 §22-25

# Household fields appear on every 異動届 form (世帯主・続柄 columns).
NEW_PERSON_FIELDS: Final = frozenset(
    {
        "family_name", "given_name", "family_name_kana", "given_name_kana",
        "birth_date", "sex", "resident_type", "relationship",
        "resident_code", "individual_number",
        "honseki", "hittosha",
        "old_surname", "old_surname_kana", "old_surname_romaji",
        "nationality", "article_30_45", "residence_status", "residence_expiry",
        "residence_card_number", "alias_name", "alias_name_kana",
    }
)
NAME_FIELDS: Final = frozenset(
    {"family_name", "given_name", "family_name_kana", "given_name_kana"}
)
ALIAS_FIELDS: Final = frozenset({"alias_name", "alias_name_kana"})
OLD_SURNAME_FIELDS: Final = frozenset({"old_surname", "old_surname_kana", "old_surname_romaji"})
RESIDENCE_FIELDS: Final = frozenset(
    {"residence_status", "residence_expiry", "residence_card_number", "article_30_45"}
)
# Items a 記載事項変更 (from 戸籍 or a foreign resident's notice) may change.
RECORD_CHANGE_FIELDS: Final = (
    NAME_FIELDS | ALIAS_FIELDS | OLD_SURNAME_FIELDS | {"honseki", "hittosha", "sex", "nationality"}
)
# Items a 職権修正 may correct: any item of the record except identity numbers and household.
CORRECTION_FIELDS: Final = (
    RECORD_CHANGE_FIELDS
    | RESIDENCE_FIELDS
    | {"birth_date", "address_detail", "building", "previous_address"}
)

_COMMON_NOTIFIED: Final = frozenset(
    {"kind", "notified_on", "move_date", "late_reason", "notifier_name", "notifier_relationship",
     "persons"}
)
_COMMON_EX_OFFICIO: Final = frozenset({"kind", "move_date", "notified_on", "reason", "persons"})


@dataclass(frozen=True)
class MoveKind:
    code: str  # the API's name for the kind
    reason: str  # 異動事由, as recorded on the version
    group: Group
    date_rule: DateRule
    fields: frozenset[str]  # top-level items of the form
    person_fields: frozenset[str]  # items per person
    required: frozenset[str] = frozenset()
    person_required: frozenset[str] = frozenset()
    removal_reason: str | None = None  # 消除事由, for departures

    @property
    def notified(self) -> bool:
        return self.date_rule is not DateRule.EX_OFFICIO


def _kind(
    code: str,
    reason: str,
    group: Group,
    rule: DateRule,
    fields: set[str],
    person_fields: frozenset[str] | set[str],
    required: set[str],
    person_required: set[str],
    removal_reason: str | None = None,
) -> MoveKind:
    common = _COMMON_EX_OFFICIO if rule is DateRule.EX_OFFICIO else _COMMON_NOTIFIED
    base_required = {"kind", "move_date", "persons"} | (
        {"notified_on"} if rule is not DateRule.EX_OFFICIO else set()
    )
    return MoveKind(
        code=code,
        reason=reason,
        group=group,
        date_rule=rule,
        fields=frozenset(common | fields),
        person_fields=frozenset(person_fields),
        required=frozenset(base_required | required),
        person_required=frozenset(person_required),
        removal_reason=removal_reason,
    )


_NEW_REQUIRED: Final = {
    "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex",
    "relationship",
}
_DESTINATION: Final = {"address", "household"}
_EXISTING: Final = {"id"}
_WITH_RELATIONSHIP: Final = {"id", "relationship"}

KINDS: Final[dict[str, MoveKind]] = {
    k.code: k
    for k in (
        _kind("tennyu", "転入", Group.ARRIVAL, DateRule.NOTIFIED,
              {*_DESTINATION, "previous_address", "planned_move_out_date"},
              NEW_PERSON_FIELDS, {*_DESTINATION, "previous_address"},
              {*_NEW_REQUIRED, "resident_code"}),
        _kind("tokurei_tennyu", "転入", Group.ARRIVAL, DateRule.NOTIFIED,
              {*_DESTINATION}, {"transfer_notice_id", "relationship", "individual_number"},
              {*_DESTINATION}, {"transfer_notice_id", "relationship"}),
        _kind("kokugai_tennyu", "国外転入", Group.ARRIVAL, DateRule.NOTIFIED,
              {*_DESTINATION, "previous_address"},
              NEW_PERSON_FIELDS, {*_DESTINATION, "previous_address"}, _NEW_REQUIRED),
        _kind("shussei", "出生", Group.ARRIVAL, DateRule.EX_OFFICIO,
              {*_DESTINATION},
              NEW_PERSON_FIELDS - {"resident_code", "individual_number"} - OLD_SURNAME_FIELDS,
              {"household"}, _NEW_REQUIRED),
        _kind("shokken_kisai", "職権記載", Group.ARRIVAL, DateRule.EX_OFFICIO,
              {*_DESTINATION, "previous_address"},
              NEW_PERSON_FIELDS, {*_DESTINATION, "reason"}, _NEW_REQUIRED),
        _kind("tenkyo", "転居", Group.TENKYO, DateRule.NOTIFIED,
              {*_DESTINATION, "remaining"}, _WITH_RELATIONSHIP, {"address"}, _EXISTING),
        _kind("tenshutsu", "転出", Group.DEPARTURE, DateRule.DEPARTURE,
              {"moved_out_to", "remaining"}, _EXISTING, {"moved_out_to"}, _EXISTING,
              removal_reason="転出"),
        _kind("kokugai_tenshutsu", "国外転出", Group.DEPARTURE, DateRule.DEPARTURE,
              {"moved_out_to", "remaining"}, _EXISTING, {"moved_out_to"}, _EXISTING,
              removal_reason="国外転出"),
        _kind("shibo", "死亡", Group.DEPARTURE, DateRule.EX_OFFICIO,
              {"remaining"}, _EXISTING, set(), _EXISTING, removal_reason="死亡"),
        _kind("shokken_shojo", "職権消除", Group.DEPARTURE, DateRule.EX_OFFICIO,
              {"remaining"}, _EXISTING, {"reason"}, _EXISTING, removal_reason="職権消除"),
        _kind("setai_bunri", "世帯分離", Group.HOUSEHOLD, DateRule.NOTIFIED,
              {"remaining"}, _WITH_RELATIONSHIP, set(), _WITH_RELATIONSHIP),
        _kind("setai_gappei", "世帯合併", Group.HOUSEHOLD, DateRule.NOTIFIED,
              {"household", "remaining"}, _WITH_RELATIONSHIP, {"household"}, _WITH_RELATIONSHIP),
        _kind("setainushi_henko", "世帯主変更", Group.HOUSEHOLD, DateRule.NOTIFIED,
              set(), _WITH_RELATIONSHIP, set(), _WITH_RELATIONSHIP),
        _kind("setai_kosei_henko", "世帯構成変更", Group.HOUSEHOLD, DateRule.NOTIFIED,
              {"household", "remaining"}, _WITH_RELATIONSHIP, set(), _WITH_RELATIONSHIP),
        _kind("kisai_jiko_henko", "記載事項変更", Group.RECORD, DateRule.EX_OFFICIO,
              set(), {"id", *RECORD_CHANGE_FIELDS}, set(), _EXISTING),
        _kind("shokken_shusei", "職権修正", Group.RECORD, DateRule.EX_OFFICIO,
              set(), {"id", *CORRECTION_FIELDS}, {"reason"}, _EXISTING),
        _kind("zairyu_henko", "在留資格等変更", Group.RECORD, DateRule.EX_OFFICIO,
              set(), {"id", *RESIDENCE_FIELDS}, set(), _EXISTING),
    )
}

# Household modes a kind accepts in its `household` item.
HOUSEHOLD_MODES: Final[dict[str, frozenset[str]]] = {
    "tennyu": frozenset({"new", "existing"}),
    "tokurei_tennyu": frozenset({"new", "existing"}),
    "kokugai_tennyu": frozenset({"new", "existing"}),
    "shussei": frozenset({"new", "existing"}),
    "shokken_kisai": frozenset({"new", "existing"}),
    "tenkyo": frozenset({"same", "new", "existing"}),
    "setai_gappei": frozenset({"existing"}),
    "setai_kosei_henko": frozenset({"same", "existing"}),
}

def kind_of(code: object) -> MoveKind:
    if not isinstance(code, str) or code not in KINDS:
        raise DomainError("invalid_move_kind", "異動の種別が正しくありません。", field="kind")
    return KINDS[code]
