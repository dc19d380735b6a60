"""From what the clerk typed (a plain dict) to the body of POST /v1/moves, with the comfort
checks of app/domain run first, every one of them, so that the clerk sees all problems at once,
each at its field's path, before the registry refuses the first.

The registry remains the authority: it checks all of this again, and the rules that need the
register (who lives where, which household) only it can check.

An entry looks like the request, with text as typed and dates as typed:

    {"kind": "tenkyo", "notified_on": "R7.2.13", "move_date": {"text": "7.2.10", "era": "R"},
     "address": {"postal_code": "572-0001", "town_code": "001000", "address_detail": "1-2"},
     "household": {"mode": "same"}, "persons": [{"id": "0000001234"}],
     "remaining": [{"id": "0000001235", "relationship": "世帯主"}]}
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Final

from app.domain.errors import DomainError
from app.domain.move_dates import check_dates
from app.domain.move_fields import validate_field
from app.domain.move_kinds import KINDS
from app.domain.relationships import Member, check_household
from app.domain.text import clean_text
from app.workflows.dates import is_blank_date, parse_entry_date
from app.workflows.errors import FieldErrors
from app.workflows.move_form import FieldSpec, FormSpec, Input

_TEN_DIGITS: Final = re.compile(r"[0-9]{10}")
_TOWN_CODE: Final = re.compile(r"[0-9]{6}")
_HEX32: Final = re.compile(r"[0-9a-f]{32}")


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, Mapping):
        return is_blank_date(value)
    return isinstance(value, str) and not value.strip()


def _missing(label: str) -> str:
    return f"{label}を入力してください。"


def _digits(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return re.sub(r"[\s\-\u2010-\u2015\u2212\uff0d\u30fc〒]", "", text)


def _item(spec: FieldSpec, value: Any, path: str) -> Any:
    """One item normalised as the registry stores it; DomainError at `path` otherwise."""
    if spec.input is Input.DATE:
        return parse_entry_date(value, path).isoformat()
    if spec.input is Input.PERSON:
        digits = _digits(value)
        if not _TEN_DIGITS.fullmatch(digits):
            raise DomainError("invalid_id", "宛名番号は10桁の数字です。", field=path)
        return digits
    if spec.input is Input.TRANSFER_NOTICE:
        text = str(value).strip().lower()
        if not _HEX32.fullmatch(text):
            raise DomainError("invalid_transfer_notice_id", "転出証明書情報の指定が正しくありません。",
                              field=path)
        return text
    if spec.input is Input.RESIDENT_CODE:
        # The check digit's scheme is the registry's setting: only the shape is checked here.
        digits = _digits(value)
        if not (len(digits) == 11 and digits.isascii() and digits.isdigit()):
            raise DomainError("invalid_resident_code", "住民票コードは11桁の数字です。", field=path)
        return digits
    if spec.input is Input.INDIVIDUAL_NUMBER:
        return validate_field(spec.key, _digits(value), path)
    try:
        checked = validate_field(spec.key, value, path)
    except DomainError as err:
        if err.code != "field_not_allowed":
            raise
        # An item this terminal does not know yet: send it as the clerk wrote it.
        checked = clean_text(value, path, spec.label, spec.max_length or 200)
    return checked.isoformat() if isinstance(checked, date) else checked


def _address(value: Any, required: bool, errors: dict[str, str]) -> dict[str, Any] | None:
    raw = value if isinstance(value, Mapping) else {}
    if all(_blank(raw.get(k)) for k in ("postal_code", "town_code", "address_detail", "building")):
        if required:
            errors["address.town_code"] = "町丁目を選択してください。"
            errors["address.address_detail"] = _missing("番地・号")
        return None
    out: dict[str, Any] = {}
    town = str(raw.get("town_code") or "").strip()
    if not _TOWN_CODE.fullmatch(town):
        errors["address.town_code"] = "町丁目を選択してください。"
    else:
        out["town_code"] = town
    if not _blank(raw.get("postal_code")):
        postal = _digits(raw["postal_code"])
        if not (len(postal) == 7 and postal.isascii() and postal.isdigit()):
            errors["address.postal_code"] = "郵便番号は7桁の数字で入力してください。"
        else:
            out["postal_code"] = postal
    for key, label in (("address_detail", "番地・号"), ("building", "方書")):
        try:
            checked = validate_field(key, raw.get(key) or None, f"address.{key}")
        except DomainError as err:
            errors[err.field or f"address.{key}"] = err.message
            continue
        if checked is not None:
            out[key] = checked
        elif key == "address_detail":
            errors["address.address_detail"] = _missing(label)
    return out


def _household(value: Any, spec: FormSpec, required: bool,
               errors: dict[str, str]) -> dict[str, Any] | None:
    raw = value if isinstance(value, Mapping) else {}
    mode = str(raw.get("mode") or "").strip()
    if not mode:
        if required:
            errors["household.mode"] = "世帯の指定（新しい世帯・既存の世帯）を選んでください。"
        return None
    if mode not in spec.household_modes:
        errors["household.mode"] = "世帯の指定（新しい世帯・既存の世帯）が正しくありません。"
        return None
    if mode != "existing":
        return {"mode": mode}
    number = _digits(raw.get("household_number") or "")
    if not _TEN_DIGITS.fullmatch(number):
        errors["household.household_number"] = "世帯番号は10桁の数字です。"
        return {"mode": mode}
    return {"mode": mode, "household_number": number}


def _person(spec: FormSpec, index: int, raw: Mapping[str, Any], mode: str | None,
            errors: dict[str, str]) -> dict[str, Any]:
    path = f"persons[{index}]"
    out: dict[str, Any] = {}
    tenkyo = spec.group == "tenkyo"
    for field in spec.person_fields:
        if tenkyo and field.key == "relationship" and mode in (None, "same"):
            continue  # staying in the same household, a 転居 cannot restate the 続柄
        required = field.required or (tenkyo and field.key == "relationship")
        value = raw.get(field.key)
        where = f"{path}.{field.key}"
        if _blank(value):
            if required:
                errors[where] = _missing(field.label)
            continue
        try:
            out[field.key] = _item(field, value, where)
        except DomainError as err:
            errors[err.field or where] = err.message
    if spec.group == "record" and set(out) <= {"id"} and not any(
        k.startswith(path + ".") for k in errors
    ):
        errors[path] = "変更する項目を入力してください。"
    return out


def _remaining(value: Any, errors: dict[str, str]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for raw in value if isinstance(value, Sequence) else ():
        if not isinstance(raw, Mapping) or _blank(raw.get("relationship")) or _blank(raw.get("id")):
            continue  # a member whose 続柄 stays as it is
        path = f"remaining[{len(out)}]"
        try:
            relationship = validate_field("relationship", raw["relationship"], f"{path}.relationship")
        except DomainError as err:
            errors[err.field or path] = err.message
            continue
        out.append({"id": _digits(raw["id"]), "relationship": relationship})
    return out


def _check_dates(kind: str, body: Mapping[str, Any], today: date, errors: dict[str, str]) -> None:
    if kind not in KINDS or "move_date" not in body or {"move_date", "notified_on"} & set(errors):
        return
    notified = body.get("notified_on")
    try:
        check_dates(KINDS[kind], date.fromisoformat(body["move_date"]),
                    date.fromisoformat(notified) if notified else None,
                    body.get("late_reason"), today)
    except DomainError as err:
        errors.setdefault(err.field or "move_date", err.message)


def _check_new_household(persons: list[dict[str, Any]], errors: dict[str, str]) -> None:
    members = [
        Member(f"persons[{i}].relationship", p["relationship"], date.fromisoformat(p["birth_date"]))
        for i, p in enumerate(persons) if "relationship" in p and "birth_date" in p
    ]
    if len(members) != len(persons):
        return  # someone's 続柄 or birth date is missing: already reported
    try:
        check_household(members, "新しい世帯")
    except DomainError as err:
        errors.setdefault(err.field or "persons", err.message)


def build_move_body(spec: FormSpec, entry: Mapping[str, Any], today: date) -> dict[str, Any]:
    """The request body for this kind, or FieldErrors with every problem found."""
    errors: dict[str, str] = {}
    body: dict[str, Any] = {"kind": spec.kind}
    for field in spec.notice_fields:
        if field.input is Input.ADDRESS:
            address = _address(entry.get("address"), field.required, errors)
            if address is not None:
                body["address"] = address
            continue
        if field.input is Input.HOUSEHOLD:
            household = _household(entry.get("household"), spec, field.required, errors)
            if household is not None:
                body["household"] = household
            continue
        value = entry.get(field.key)
        if _blank(value):
            if field.required:
                errors[field.key] = _missing(field.label)
            continue
        try:
            body[field.key] = _item(field, value, field.key)
        except DomainError as err:
            errors[err.field or field.key] = err.message
    mode = body.get("household", {}).get("mode")
    raw_persons = entry.get("persons") or []
    persons = [_person(spec, i, p, mode, errors) for i, p in enumerate(raw_persons)
               if isinstance(p, Mapping)]
    if not persons:
        errors["persons"] = "異動者を一人以上入力してください。"
    body["persons"] = persons
    if spec.has_remaining:
        remaining = _remaining(entry.get("remaining"), errors)
        if remaining:
            body["remaining"] = remaining
    _check_dates(spec.kind, body, today, errors)
    if spec.group == "arrival" and mode == "new" and not errors:
        _check_new_household(persons, errors)
    if errors:
        raise FieldErrors(errors)
    return body
