"""A 住民異動届 as the API receives it, checked item by item against its kind's paper form.

Everything a clerk could get wrong is refused here with a code and the path of the field
(`persons[1].family_name_kana`), before the register is read: unknown and out-of-kind items,
missing items, malformed values. The rules that need the register (who lives here, which
household) are the planner's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from app.domain.errors import DomainError
from app.domain.move_fields import ARTICLE_30_45, label, validate_field
from app.domain.move_kinds import (
    CORRECTION_FIELDS,
    HOUSEHOLD_MODES,
    NEW_PERSON_FIELDS,
    Group,
    MoveKind,
    kind_of,
)
from app.domain.resident_code import ResidentCodeScheme

MAX_PERSONS: Final = 30
ADDRESS_KEYS: Final = frozenset({"postal_code", "town_code", "address_detail", "building"})
HOUSEHOLD_KEYS: Final = frozenset({"mode", "household_number"})
REMAINING_KEYS: Final = frozenset({"id", "relationship"})
# Items of a person's record that a 転居 may not touch (seed l.1572-1576).
RECORD_ITEMS: Final = NEW_PERSON_FIELDS | CORRECTION_FIELDS
FOREIGN_ONLY: Final = frozenset(
    {"nationality", "article_30_45", "residence_status", "residence_expiry",
     "residence_card_number", "alias_name", "alias_name_kana"}
)
JAPANESE_ONLY: Final = frozenset({"honseki", "hittosha"})
_TEN_DIGITS: Final = re.compile(r"[0-9]{10}")
_POSTAL: Final = re.compile(r"([0-9]{3})-?([0-9]{4})")
_TOWN: Final = re.compile(r"[0-9]{6}")
_HEX32: Final = re.compile(r"[0-9a-f]{32}")


@dataclass(frozen=True)
class AddressInput:
    town_code: str
    address_detail: str
    building: str | None
    postal_code: str | None


@dataclass(frozen=True)
class HouseholdInput:
    mode: str  # new | existing | same
    household_number: str | None


@dataclass(frozen=True)
class PersonInput:
    index: int
    id: str | None  # 宛名番号 of an existing record
    transfer_notice_id: str | None
    values: dict[str, Any]  # the other items, normalised

    @property
    def path(self) -> str:
        return f"persons[{self.index}]"


@dataclass(frozen=True)
class RemainingInput:
    index: int
    id: str
    relationship: str

    @property
    def path(self) -> str:
        return f"remaining[{self.index}]"


@dataclass(frozen=True)
class MoveRequest:
    kind: MoveKind
    move_date: date
    notified_on: date | None
    persons: list[PersonInput]
    late_reason: str | None = None
    reason: str | None = None
    notifier_name: str | None = None
    notifier_relationship: str | None = None
    address: AddressInput | None = None
    household: HouseholdInput | None = None
    previous_address: str | None = None
    planned_move_out_date: date | None = None
    moved_out_to: str | None = None
    remaining: list[RemainingInput] = field(default_factory=list)


def _not_allowed(kind: MoveKind, path: str) -> DomainError:
    name = path.rsplit(".", 1)[-1]
    return DomainError(
        "field_not_allowed",
        f"この届出（{kind.reason}）では「{label(name)[:40]}」は入力できません。",
        field=path,
    )


def _missing(path: str) -> DomainError:
    return DomainError("missing_field", f"{label(path)}を入力してください。", field=path)


def _object(value: Any, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise DomainError("invalid_type", f"{label(path)}の形式が正しくありません。", field=path)
    return value


def _ten_digits(value: Any, path: str, what: str) -> str:
    if not isinstance(value, str) or not _TEN_DIGITS.fullmatch(value):
        raise DomainError(f"invalid_{path.rsplit('.', 1)[-1]}", f"{what}は10桁の数字です。", field=path)
    return value


def parse(body: Any, scheme: ResidentCodeScheme) -> MoveRequest:
    top = _object(body, "body")
    kind = kind_of(top.get("kind"))
    for key in top:
        if key not in kind.fields:
            if kind.group is Group.TENKYO and key in RECORD_ITEMS:
                raise _tenkyo_change(key)
            raise _not_allowed(kind, key)
    for key in kind.required:
        if top.get(key) is None:
            raise _missing(key)

    def item(name: str) -> Any:
        return validate_field(name, top.get(name), name, scheme)

    household = _household(kind, top.get("household"))
    persons = _persons(kind, top["persons"], household, scheme)
    return MoveRequest(
        kind=kind,
        move_date=item("move_date"),
        notified_on=item("notified_on"),
        persons=persons,
        late_reason=item("late_reason"),
        reason=item("reason"),
        notifier_name=item("notifier_name"),
        notifier_relationship=item("notifier_relationship"),
        address=_address(top.get("address")),
        household=household,
        previous_address=item("previous_address"),
        planned_move_out_date=item("planned_move_out_date"),
        moved_out_to=item("moved_out_to"),
        remaining=_remaining(top.get("remaining")),
    )


def _tenkyo_change(path: str) -> DomainError:
    name = path.rsplit(".", 1)[-1]
    return DomainError(
        "tenkyo_non_address_change",
        f"転居届で変更できるのは住所と世帯だけです。「{label(name)}」は変更できません。",
        field=path,
    )


def _address(value: Any) -> AddressInput | None:
    if value is None:
        return None
    raw = _object(value, "address")
    for key in raw:
        if key not in ADDRESS_KEYS:
            raise DomainError(
                "field_not_allowed", f"住所に「{str(key)[:40]}」は入力できません。", field=f"address.{key}"
            )
    town_code = raw.get("town_code")
    if not isinstance(town_code, str) or not _TOWN.fullmatch(town_code):
        raise DomainError(
            "invalid_town_code", "町丁目を選択してください。", field="address.town_code"
        )
    detail = validate_field("address_detail", raw.get("address_detail"), "address.address_detail")
    if detail is None:
        raise _missing("address.address_detail")
    postal = raw.get("postal_code")
    if postal is not None:
        match = _POSTAL.fullmatch(postal) if isinstance(postal, str) else None
        if match is None:
            raise DomainError(
                "invalid_postal_code", "郵便番号は7桁の数字で入力してください。",
                field="address.postal_code",
            )
        postal = match.group(1) + match.group(2)
    return AddressInput(
        town_code=town_code,
        address_detail=detail,
        building=validate_field("building", raw.get("building"), "address.building"),
        postal_code=postal,
    )


def _household(kind: MoveKind, value: Any) -> HouseholdInput | None:
    if value is None:
        return None
    raw = _object(value, "household")
    for key in raw:
        if key not in HOUSEHOLD_KEYS:
            raise DomainError(
                "field_not_allowed", f"世帯の指定に「{str(key)[:40]}」は入力できません。",
                field=f"household.{key}",
            )
    mode = raw.get("mode")
    if not isinstance(mode, str) or mode not in HOUSEHOLD_MODES.get(kind.code, frozenset()):
        raise DomainError(
            "invalid_household_mode", "世帯の指定（新しい世帯・既存の世帯）が正しくありません。",
            field="household.mode",
        )
    number = raw.get("household_number")
    if mode == "existing":
        if number is None:
            raise _missing("household.household_number")
        number = _ten_digits(number, "household.household_number", "世帯番号")
    elif number is not None:
        raise DomainError(
            "field_not_allowed", "新しい世帯には世帯番号を指定できません。",
            field="household.household_number",
        )
    return HouseholdInput(mode=mode, household_number=number)


def _persons(
    kind: MoveKind, value: Any, household: HouseholdInput | None, scheme: ResidentCodeScheme
) -> list[PersonInput]:
    if not isinstance(value, list) or not value:
        raise DomainError("missing_field", "異動者を一人以上入力してください。", field="persons")
    if len(value) > MAX_PERSONS:
        raise DomainError(
            "too_many_persons", f"一つの届出で異動できるのは{MAX_PERSONS}人までです。", field="persons"
        )
    persons = [_person(kind, i, raw, household, scheme) for i, raw in enumerate(value)]
    seen: dict[str, int] = {}
    for p in persons:
        key = p.id or p.transfer_notice_id
        if key is not None:
            if key in seen:
                raise DomainError(
                    "duplicate_person", "同じ方が二度入力されています。", field=f"{p.path}.id"
                )
            seen[key] = p.index
    return persons


def _person(
    kind: MoveKind, index: int, value: Any, household: HouseholdInput | None,
    scheme: ResidentCodeScheme,
) -> PersonInput:
    path = f"persons[{index}]"
    raw = _object(value, path)
    for key in raw:
        if key not in kind.person_fields:
            if kind.group is Group.TENKYO and key in RECORD_ITEMS:
                raise _tenkyo_change(f"{path}.{key}")
            raise _not_allowed(kind, f"{path}.{key}")
    if kind.group is Group.TENKYO and "relationship" in raw and (
        household is None or household.mode == "same"
    ):
        # Staying in the same household, the 続柄 cannot change on a 転居.
        raise _tenkyo_change(f"{path}.relationship")
    required = set(kind.person_required)
    if kind.group is Group.TENKYO and household is not None and household.mode != "same":
        required.add("relationship")
    for key in required:
        if raw.get(key) is None:
            raise _missing(f"{path}.{key}")
    person_id = raw.get("id")
    if person_id is not None:
        person_id = _ten_digits(person_id, f"{path}.id", "宛名番号")
    notice_id = raw.get("transfer_notice_id")
    if notice_id is not None and (not isinstance(notice_id, str) or not _HEX32.fullmatch(notice_id)):
        raise DomainError(
            "invalid_transfer_notice_id", "転出証明書情報の指定が正しくありません。",
            field=f"{path}.transfer_notice_id",
        )
    values = {
        key: validate_field(key, v, f"{path}.{key}", scheme)
        for key, v in raw.items()
        if key not in ("id", "transfer_notice_id")
    }
    values = {k: v for k, v in values.items() if v is not None}
    if kind.group is Group.ARRIVAL and kind.code != "tokurei_tennyu":
        _check_new_person(values, path)
    if kind.code == "shokken_shusei" or kind.group is Group.RECORD:
        if not values:
            raise DomainError("no_change", "変更する項目を入力してください。", field=path)
    return PersonInput(index=index, id=person_id, transfer_notice_id=notice_id, values=values)


def _check_new_person(values: dict[str, Any], path: str) -> None:
    resident_type = values.setdefault("resident_type", "japanese")
    wrong = JAPANESE_ONLY if resident_type == "foreign" else FOREIGN_ONLY
    for key in values:
        if key in wrong:
            what = "外国人住民" if resident_type == "foreign" else "日本人住民"
            raise DomainError(
                "field_not_allowed", f"{what}には「{label(key)}」は入力できません。",
                field=f"{path}.{key}",
            )
    if resident_type == "foreign":
        for key in ("nationality", "article_30_45"):
            if key not in values:
                raise _missing(f"{path}.{key}")
        if values["article_30_45"] == ARTICLE_30_45[0]:  # 中長期在留者
            for key in ("residence_status", "residence_expiry", "residence_card_number"):
                if key not in values:
                    raise _missing(f"{path}.{key}")
    if "alias_name_kana" in values and "alias_name" not in values:
        raise _missing(f"{path}.alias_name")
    if "old_surname_kana" in values and "old_surname" not in values:
        raise _missing(f"{path}.old_surname")


def _remaining(value: Any) -> list[RemainingInput]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_PERSONS:
        raise DomainError("invalid_type", "残る世帯員の指定が正しくありません。", field="remaining")
    out = []
    for i, item in enumerate(value):
        path = f"remaining[{i}]"
        raw = _object(item, path)
        for key in raw:
            if key not in REMAINING_KEYS:
                raise DomainError(
                    "field_not_allowed", f"残る世帯員には「{str(key)[:40]}」は入力できません。",
                    field=f"{path}.{key}",
                )
        if raw.get("id") is None:
            raise _missing(f"{path}.id")
        if raw.get("relationship") is None:
            raise _missing(f"{path}.relationship")
        out.append(
            RemainingInput(
                index=i,
                id=_ten_digits(raw["id"], f"{path}.id", "宛名番号"),
                relationship=validate_field("relationship", raw["relationship"], f"{path}.relationship"),
            )
        )
    return out


def canonical(request: MoveRequest) -> dict[str, Any]:
    """The request as stored with the draft: normalised values, dates as ISO text."""

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if hasattr(value, "__dataclass_fields__"):
            return plain({k: getattr(value, k) for k in value.__dataclass_fields__})
        return value

    out = plain({k: getattr(request, k) for k in request.__dataclass_fields__ if k != "kind"})
    out["kind"] = request.kind.code
    return out  # type: ignore[no-any-return]
