"""Specimen certificates of invented people, for tests, the docs, the benchmark and demos.

Every person here is fictitious; individual numbers and resident codes are made with valid
check digits from fixed digits. The seal is drawn here too (a square 市長之印 in red): the real
seal image comes from the registry's configuration, never from this module.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from app.domain import individual_number, resident_code
from printing.model import (
    Address,
    Certificate,
    CertificateKind,
    Change,
    Domicile,
    ForeignResidentItems,
    Household,
    Issuer,
    MoveOut,
    Name,
    Notified,
    Person,
    Reading,
    Removal,
    Sex,
    Verification,
    qr_text_for,
)

SPECIMEN_REMARK: Final = "見本：記載の人物はすべて架空のものです。"
ISSUED_ON: Final = date(2025, 2, 13)
HOME: Final = Address.of("大阪府", "寝屋川市", "池田一丁目", "３番１２号", "メゾン池田２０１号")


def seal_png(text: str = "寝屋川市長之印", size: int = 240) -> bytes:
    """A square red seal with `text` in columns read right to left, transparent around it."""
    from PIL import Image, ImageDraw, ImageFont

    from printing.fonts import locate

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 32, 40, 235)
    border = max(2, size // 24)
    draw.rectangle((border, border, size - border - 1, size - border - 1), outline=red,
                   width=border)
    inner = size - 4 * border
    columns = _columns(text)
    col_w = inner / len(columns)
    for i, column in enumerate(columns):
        cell_h = inner / len(column)
        face = ImageFont.truetype(str(locate()), int(min(col_w, cell_h) * 0.92))
        x = size - 2 * border - (i + 0.5) * col_w  # first column on the right
        for j, char in enumerate(column):
            y = 2 * border + (j + 0.5) * cell_h
            draw.text((x, y), char, fill=red, font=face, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _columns(text: str, count: int = 3) -> list[str]:
    """Split into `count` columns, the longer ones first (寝屋川 / 市長 / 之印)."""
    base, extra = divmod(len(text), count)
    sizes = [base + (1 if i < extra else 0) for i in range(count)]
    out, at = [], 0
    for n in sizes:
        out.append(text[at:at + n])
        at += n
    return [c for c in out if c]


def issuer(seal: bytes | None = None) -> Issuer:
    return Issuer("寝屋川市", "272159", "寝屋川市長", "見本　太郎", seal or seal_png())


def _number(seed: int) -> str:
    return individual_number.make(f"{(seed * 7919 + 31337) % 10**11:011d}")


def _code(seed: int) -> str:
    return resident_code.make(f"{(seed * 104729 + 4242) % 10**10:010d}")


# Fictitious members: (family, given, kana family, kana given, birth, sex, relationship)
_MEMBERS: Final = (
    ("山田", "太郎", "ヤマダ", "タロウ", date(1980, 2, 17), Sex.MALE, "世帯主"),
    ("山田", "花子", "ヤマダ", "ハナコ", date(1982, 7, 3), Sex.FEMALE, "妻"),
    ("山田", "一郎", "ヤマダ", "イチロウ", date(2019, 4, 30), Sex.MALE, "子"),
    ("山田", "令子", "ヤマダ", "レイコ", date(2019, 5, 1), Sex.FEMALE, "子"),
    ("山田", "和子", "ヤマダ", "カズコ", date(1950, 11, 23), Sex.FEMALE, "母"),
    ("山田", "次郎", "ヤマダ", "ジロウ", date(2021, 1, 8), Sex.MALE, "子"),
    ("山田", "桜", "ヤマダ", "サクラ", date(2023, 3, 27), Sex.FEMALE, "子"),
    ("佐藤", "健", "サトウ", "ケン", date(1998, 9, 9), Sex.MALE, "同居人"),
    ("NGUYEN", "VAN AN", None, None, date(2000, 12, 1), Sex.MALE, "同居人"),
)


def person(index: int, *, full: bool = True) -> Person:
    """Member `index` (0 = the head). full=False leaves out 本籍, 個人番号 and 住民票コード, as
    for a third-party requester."""
    family, given, fk, gk, birth, sex, relationship = _MEMBERS[index % len(_MEMBERS)]
    foreign = family.isascii()
    moved_in = date(2015, 4, 1)
    became = birth if birth > moved_in else moved_in
    p = Person(
        name=Name(family, given, fk, gk),
        is_head=index == 0,
        birth_date=birth,
        sex=sex,
        relationship=relationship,
        became_resident=Notified(became, became if became == moved_in else None),
        address_settled=Notified(became, date(2015, 4, 3) if became == moved_in else None),
        previous_address=(Address("東京都新宿区西新宿二丁目８番１号")
                          if became == moved_in else None),
        change=(Change("転入", moved_in, date(2015, 4, 3)) if became == moved_in
                else Change("出生", birth, birth + timedelta(days=5))),
    )
    if index == 1:
        p = replace(p, former_surname=Reading("佐藤", "サトウ"))
    if foreign:
        p = replace(p, alias=Reading("中村　安", "ナカムラ　ヤス"), foreign=ForeignResidentItems(
            nationality="ベトナム", article_30_45="中長期在留者", residence_status="技術・人文知識・国際業務",
            period_of_stay="3年", period_expires_on=date(2027, 3, 31), card_number="AB12345678CD"))
    elif full:
        p = replace(p, domicile=Domicile("大阪府寝屋川市本町１番", "山田　太郎"))
    if full:
        p = replace(p, individual_number=_number(index), resident_code=_code(index))
    return p


def certificate(kind: CertificateKind = CertificateKind.HOUSEHOLD, persons: int = 1, *,
                serial: str = "R07-0000123", code: str = "7K3Q9XPA", full: bool = True,
                seal: bytes | None = None) -> Certificate:
    """A specimen of `kind` listing the first `persons` members."""
    members = tuple(person(i, full=full) for i in range(persons))
    move_out = None
    if kind is CertificateKind.REMOVED:
        members = tuple(replace(p, removal=Removal("転出", date(2025, 1, 31), date(2025, 1, 20),
                                                  Address("京都府京都市左京区下鴨本町１番地")))
                        for p in members)
    elif kind is CertificateKind.MOVE_OUT:
        move_out = MoveOut(Address("京都府京都市左京区下鴨本町１番地"), date(2025, 3, 1),
                           ISSUED_ON, Name("山田", "太郎"))
    elif kind is CertificateKind.ENTRY_CERTIFICATE:
        # Only what was asked for: here name, birth date and address (in the header).
        members = tuple(Person(p.name, p.is_head, p.birth_date) for p in members)
    elif kind is CertificateKind.RESIDENT_CODE_NOTICE:
        members = tuple(Person(p.name, p.is_head, p.birth_date, resident_code=_code(i))
                        for i, p in enumerate(members))
    return Certificate(
        kind=kind,
        issuer=issuer(seal),
        issued_on=ISSUED_ON,
        serial=serial,
        verification=Verification(code, qr_text_for(serial, code),
                                  "受け取った機関は、証明書番号と照合番号により発行の事実を寝屋川市に照会できます。"),
        fee_yen=300,
        household=Household(HOME, Name("山田", "太郎"), None, whole=persons >= len(_MEMBERS)),
        persons=members,
        move_out=move_out,
        remarks=(SPECIMEN_REMARK,),
    )
