"""The items of a 住民異動届, one check each: what the item is called on the form, how long it
may be, and what a valid value looks like. The terminal checks each field as the clerk types;
the registry checks the same way before anything is stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Final

from app.domain import individual_number, kana
from app.domain import resident_code as resident_codes
from app.domain.address import normalise_address_text
from app.domain.errors import DomainError
from app.domain.relationships import validate_relationship
from app.domain.resident_code import DEFAULT_SCHEME, ResidentCodeScheme
from app.domain.text import clean_text
from app.domain.wareki import parse_iso_date

LABELS: Final[dict[str, str]] = {
    "kind": "異動の種別",
    "notified_on": "届出日",
    "move_date": "異動日",
    "late_reason": "届出が遅れた理由",
    "reason": "職権処理の理由",
    "notifier_name": "届出人氏名",
    "notifier_relationship": "届出人と本人との関係",
    "persons": "異動者",
    "address": "住所",
    "postal_code": "郵便番号",
    "town_code": "町丁目",
    "address_detail": "番地・号",
    "building": "方書",
    "household": "世帯",
    "household_number": "世帯番号",
    "mode": "世帯の指定",
    "previous_address": "前住所",
    "planned_move_out_date": "転出予定日",
    "planned_move_date": "転出予定日",
    "moved_out_to": "転出先",
    "remaining": "残る世帯員",
    "id": "宛名番号",
    "family_name": "氏",
    "given_name": "名",
    "family_name_kana": "氏（フリガナ）",
    "given_name_kana": "名（フリガナ）",
    "birth_date": "生年月日",
    "sex": "性別",
    "resident_type": "住民の種別",
    "relationship": "続柄",
    "resident_code": "住民票コード",
    "individual_number": "個人番号",
    "honseki": "本籍",
    "hittosha": "筆頭者",
    "old_surname": "旧氏",
    "old_surname_kana": "旧氏（フリガナ）",
    "old_surname_romaji": "旧氏（ローマ字）",
    "nationality": "国籍・地域",
    "article_30_45": "法第30条の45に規定する区分",
    "residence_status": "在留資格",
    "residence_expiry": "在留期間の満了日",
    "residence_card_number": "在留カード等の番号",
    "alias_name": "通称",
    "alias_name_kana": "通称（フリガナ）",
    "transfer_notice_id": "転出証明書情報",
}

SEXES: Final = {"1": "男", "2": "女"}
RESIDENT_TYPES: Final = ("japanese", "foreign")
ARTICLE_30_45: Final = (
    "中長期在留者",
    "特別永住者",
    "一時庇護許可者",
    "仮滞在許可者",
    "出生による経過滞在者",
    "国籍喪失による経過滞在者",
)
# Parts of an address, written in the register's width (app.domain.address).
ADDRESS_TEXT_FIELDS: Final = frozenset({"address_detail", "building", "previous_address", "moved_out_to"})
TEXT_LIMITS: Final[dict[str, int]] = {
    "late_reason": 200,
    "reason": 200,
    "notifier_name": 60,
    "notifier_relationship": 20,
    "address_detail": 60,
    "building": 80,
    "previous_address": 200,
    "moved_out_to": 200,
    "family_name": 60,
    "given_name": 60,
    "honseki": 200,
    "hittosha": 60,
    "old_surname": 60,
    "old_surname_romaji": 120,
    "nationality": 60,
    "residence_status": 60,
    "alias_name": 120,
}
KANA_FIELDS: Final = frozenset(
    {"family_name_kana", "given_name_kana", "old_surname_kana", "alias_name_kana"}
)
DATE_FIELDS: Final = frozenset(
    {"notified_on", "move_date", "birth_date", "residence_expiry", "planned_move_out_date",
     "planned_move_date"}
)
RESIDENCE_CARD_LENGTH: Final = 12


def label(field: str) -> str:
    return LABELS.get(field.rsplit(".", 1)[-1].split("[", 1)[0], field)


def _date(value: Any, path: str) -> date:
    if not isinstance(value, str):
        raise DomainError("invalid_date", f"{label(path)}はYYYY-MM-DD形式で入力してください。", field=path)
    try:
        return parse_iso_date(value, path)
    except DomainError as err:
        raise DomainError("invalid_date", f"{label(path)}: {err.message}", field=path) from None


def _choice(options: tuple[str, ...] | dict[str, str]) -> Callable[[Any, str], str]:
    def check(value: Any, path: str) -> str:
        if not isinstance(value, str) or value not in options:
            raise DomainError(
                f"invalid_{path.rsplit('.', 1)[-1]}",
                f"{label(path)}の指定が正しくありません。",
                field=path,
            )
        return value

    return check


def _residence_card(value: Any, path: str) -> str:
    text = clean_text(value, path, label(path), RESIDENCE_CARD_LENGTH)
    # Two letters, eight digits, two letters (e.g. AB12345678CD).
    if (
        text is None
        or len(text) != RESIDENCE_CARD_LENGTH
        or not (text[:2].isascii() and text[:2].isalpha() and text[:2].isupper())
        or not (text[2:10].isascii() and text[2:10].isdigit())
        or not (text[10:].isascii() and text[10:].isalpha() and text[10:].isupper())
    ):
        raise DomainError(
            "invalid_residence_card_number",
            "在留カード等の番号は英字2桁・数字8桁・英字2桁で入力してください。",
            field=path,
        )
    return text


def validate_field(
    name: str,
    value: Any,
    path: str,
    scheme: ResidentCodeScheme = DEFAULT_SCHEME,
) -> Any:
    """One item of a person or of the notice, normalised: kana to full-width katakana, dates to
    `date`, codes to ASCII digits. Raises DomainError pointing at `path`."""
    if value is None:
        return None
    if name in DATE_FIELDS:
        return _date(value, path)
    if name in KANA_FIELDS:
        if not isinstance(value, str):
            raise DomainError("invalid_kana", f"{label(path)}は文字で入力してください。", field=path)
        text = clean_text(value, path, label(path), 120)
        if text is None:
            return None
        return kana.validate_kana_field(text, path)
    if name == "sex":
        return _choice(SEXES)(value, path)
    if name == "resident_type":
        return _choice(RESIDENT_TYPES)(value, path)
    if name == "article_30_45":
        return _choice(ARTICLE_30_45)(value, path)
    if name == "relationship":
        if not isinstance(value, str):
            raise DomainError("invalid_relationship", "続柄は文字で入力してください。", field=path)
        return validate_relationship(value, path)
    if name == "resident_code":
        if not isinstance(value, str):
            raise DomainError("invalid_resident_code", "住民票コードは文字列で指定してください。", field=path)
        return resident_codes.validate(value, scheme, field=path)
    if name == "individual_number":
        if not isinstance(value, str):
            raise DomainError(
                "invalid_individual_number", "個人番号は文字列で指定してください。", field=path
            )
        return individual_number.validate(value, field=path)
    if name == "residence_card_number":
        return _residence_card(value, path)
    if name in TEXT_LIMITS:
        text = clean_text(value, path, label(path), TEXT_LIMITS[name])
        if text is not None and name in ADDRESS_TEXT_FIELDS:
            return normalise_address_text(text)
        return text
    raise DomainError("field_not_allowed", f"「{name[:40]}」は入力できない項目です。", field=path)
