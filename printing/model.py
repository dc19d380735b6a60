"""What a certificate prints: the content the registry fills in and the renderer draws.

The registry decides what may be printed (requester rules, 処理停止, requested items). Every
item that is not allowed or not asked for is simply None (or absent from a tuple): the renderer
prints every item it is given and nothing else. Dates are `datetime.date`; the renderer writes
them in the era calendar. All classes are frozen and hold tuples, so content handed to the
renderer cannot change under it, and light (no reportlab), so the registry can import them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Final

from app.domain.address import format_address

IDEOGRAPHIC_SPACE: Final = "\u3000"


class CertificateKind(StrEnum):
    HOUSEHOLD = "juminhyo_household"  # 住民票の写し（世帯連記式）: several persons per page
    INDIVIDUAL = "juminhyo_individual"  # 住民票の写し（個人票）: one person per page
    REMOVED = "johyo"  # 除票の写し
    ENTRY_CERTIFICATE = "kisai_jiko"  # 住民票記載事項証明書: only the requested items
    MOVE_OUT = "tenshutsu"  # 転出証明書
    RESIDENT_CODE_NOTICE = "resident_code_notice"  # 住民票コード通知書


class Sex(StrEnum):
    MALE = "男"
    FEMALE = "女"

    @classmethod
    def from_jis(cls, code: str) -> Sex:
        """JIS X 0303 as the register stores it: "1" male, "2" female."""
        try:
            return {"1": cls.MALE, "2": cls.FEMALE}[code]
        except KeyError:
            raise ValueError(f"no printable sex for JIS X 0303 code {code!r}") from None


@dataclass(frozen=True, slots=True)
class Address:
    """An address as printed: `main` up to the 番地・号, then the 方書 (building, room)."""

    main: str
    building: str | None = None  # 方書

    @classmethod
    def of(
        cls, prefecture: str, city: str, town: str, detail: str, building: str | None = None
    ) -> Address:
        return cls(format_address(prefecture, city, town, detail), building or None)

    @property
    def text(self) -> str:
        return f"{self.main}{IDEOGRAPHIC_SPACE}{self.building}" if self.building else self.main


@dataclass(frozen=True, slots=True)
class Name:
    family: str
    given: str = ""  # empty for a name written as one string (some foreign residents)
    family_kana: str | None = None  # 氏名の振り仮名 (katakana), None when not printed
    given_kana: str | None = None

    @property
    def text(self) -> str:
        return f"{self.family}{IDEOGRAPHIC_SPACE}{self.given}" if self.given else self.family

    @property
    def kana(self) -> str | None:
        parts = [p for p in (self.family_kana, self.given_kana) if p]
        return IDEOGRAPHIC_SPACE.join(parts) or None


@dataclass(frozen=True, slots=True)
class Reading:
    """A name item with its reading: 旧氏 and 通称."""

    text: str
    kana: str | None = None


@dataclass(frozen=True, slots=True)
class Notified:
    """A date of the register and the day it was notified (None for 職権 entries)."""

    on: date
    notified_on: date | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """The 記載事由: the change (異動) that made the entry as it reads now."""

    reason: str  # 転入, 出生, 転居, 世帯主変更, 職権修正, ...
    on: date  # 異動日
    notified_on: date | None = None  # 届出日


@dataclass(frozen=True, slots=True)
class Removal:
    """消除: only on a 除票."""

    reason: str  # 転出, 死亡, 国外転出, 職権消除, ...
    on: date  # 消除日 (the day of the 異動, e.g. the 転出日)
    notified_on: date | None = None
    destination: Address | None = None  # 転出先, when the reason is a move


@dataclass(frozen=True, slots=True)
class Domicile:
    """本籍 and 筆頭者, printed together or not at all."""

    place: str
    head: str


@dataclass(frozen=True, slots=True)
class ForeignResidentItems:
    """Items of a foreign resident's 住民票 (住基法 §30の45); each may be left out."""

    nationality: str | None = None  # 国籍・地域
    article_30_45: str | None = None  # 法第30条の45に規定する区分: 中長期在留者, 特別永住者, ...
    residence_status: str | None = None  # 在留資格
    period_of_stay: str | None = None  # 在留期間, e.g. "3年"
    period_expires_on: date | None = None  # 在留期間の満了の日
    card_number: str | None = None  # 在留カード等の番号


@dataclass(frozen=True, slots=True)
class Item:
    """A further item the registry adds as label and text (e.g. 国民健康保険 on a 転出証明書)."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Person:
    """One person's entry; None means "not printed", never "unknown"."""

    name: Name
    is_head: bool = False  # not printed as such; the 世帯主 comes first in the listing
    birth_date: date | None = None
    sex: Sex | None = None
    relationship: str | None = None  # 続柄
    became_resident: Notified | None = None  # 住民となった年月日
    address_settled: Notified | None = None  # 住所を定めた年月日 and its 届出日
    previous_address: Address | None = None  # 前住所
    domicile: Domicile | None = None  # 本籍・筆頭者: only for 本人/同一世帯 and when asked
    individual_number: str | None = None  # 個人番号, 12 digits: same rule
    resident_code: str | None = None  # 住民票コード, 11 digits: same rule
    former_surname: Reading | None = None  # 旧氏
    alias: Reading | None = None  # 通称
    foreign: ForeignResidentItems | None = None
    change: Change | None = None  # 記載事由 (異動事由, 異動日, 届出日)
    removal: Removal | None = None  # 消除: 除票 only
    other_items: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class Household:
    """What heads every page: the address and the 世帯主, whoever of the household is listed."""

    address: Address | None = None
    head: Name | None = None  # 世帯主
    number: str | None = None  # 世帯番号
    whole: bool = False  # every member is listed (世帯全員), else some of them (世帯一部)


@dataclass(frozen=True, slots=True)
class MoveOut:
    """The 転出 a 転出証明書 certifies."""

    destination: Address  # 転出先
    planned_on: date  # 転出予定年月日
    notified_on: date | None = None  # 届出年月日
    new_head: Name | None = None  # 転出先の世帯主


@dataclass(frozen=True, slots=True)
class Issuer:
    """The issuing municipality, from the registry's configuration."""

    municipality_name: str  # 寝屋川市
    municipality_code: str  # 全国地方公共団体コード, 6 digits with check digit
    mayor_title: str  # 寝屋川市長
    mayor_name: str
    seal_png: bytes = field(repr=False)  # the 公印, PNG, transparent around the seal
    # The terminal has no seal of the city configured and prints the synthetic specimen seal:
    # the page then says 見本 beside it, plainly, so that no such paper passes as genuine.
    specimen_seal: bool = False


@dataclass(frozen=True, slots=True)
class Verification:
    """How a receiving office checks the paper against the registry."""

    code: str  # short code printed beside the serial, entered at GET .../{serial}/verify
    qr_text: str  # exact ASCII text the QR code carries; must contain the serial and the code
    note: str | None = None  # printed beside the QR code, e.g. where to verify


def qr_text_for(serial: str, code: str) -> str:
    """The compact QR text this package proposes: "MDG1:<serial>:<code>".

    Upper-case letters, digits and "-" keep it in the QR alphanumeric mode, so the symbol
    stays at version 2 or 3 (25 or 29 modules): large modules that survive a fax or a copy.
    """
    return f"MDG1:{serial}:{code}".upper()


@dataclass(frozen=True, slots=True)
class Certificate:
    kind: CertificateKind
    issuer: Issuer
    issued_on: date
    serial: str  # 証明書番号, printed and encoded on every page
    verification: Verification
    fee_yen: int  # 手数料 of this copy (0 for 公用)
    household: Household
    persons: tuple[Person, ...]  # in the order the registry gives; the 世帯主 is put first
    move_out: MoveOut | None = None  # 転出証明書 only
    remarks: tuple[str, ...] = ()  # 備考, printed after the last entry

    def __post_init__(self) -> None:
        from printing.validation import validate

        validate(self)
