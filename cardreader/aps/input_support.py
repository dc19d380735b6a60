"""券面事項入力補助AP: the PIN, the individual number (EF 0001) and the four basic items (EF 0002)."""

from __future__ import annotations

import logging
import re
from datetime import date

from app.domain.errors import DomainError
from app.domain.individual_number import validate
from cardreader import tlv
from cardreader.channel import CardChannel, PinState
from cardreader.errors import MalformedDataError, Secret
from cardreader.models import Name, Sex
from cardreader.pins import check_pin
from cardreader.protocol import (
    IS_BASIC_ITEMS,
    IS_NUMBER,
    IS_PIN,
    MAX_BASIC_ITEMS,
    NUMBER_FILE_SIZE,
    TAG_ADDRESS,
    TAG_BIRTH,
    TAG_NAME,
    TAG_NUMBER_FILE,
    TAG_OFFSETS,
    TAG_SEX,
    TAG_TEMPLATE,
    Application,
)

log = logging.getLogger(__name__)

IDEOGRAPHIC_SPACE = "\u3000"
_CONTROL = re.compile(r"[\x00-\x1f]")


def pin_state(ch: CardChannel) -> PinState:
    ch.require_application(Application.INPUT_SUPPORT)
    return ch.pin_state(IS_PIN, Secret.INPUT_SUPPORT_PIN)


def verify_pin(ch: CardChannel, pin: bytearray) -> None:
    check_pin(pin)  # before any APDU: a malformed PIN must not cost a try
    ch.require_application(Application.INPUT_SUPPORT)
    ch.verify(IS_PIN, pin, Secret.INPUT_SUPPORT_PIN)


def read_number(ch: CardChannel) -> str:
    ch.require_application(Application.INPUT_SUPPORT)
    return parse_number_file(ch.read_exact(IS_NUMBER, NUMBER_FILE_SIZE))


def parse_number_file(data: bytes) -> str:
    """EF 0001: FF 10 0C + 12 ASCII digits (+ FF padding), check digit verified."""
    item = tlv.parse_one(data)
    if item.tag != TAG_NUMBER_FILE:
        raise MalformedDataError(detail=f"EF 0001: tag {item.tag:X}")
    try:
        text = item.value.decode("ascii")
        return validate(text)
    except (UnicodeDecodeError, DomainError):
        raise MalformedDataError(
            "カードに記録された個人番号が正しくありません（検査用数字の不一致または形式不正）。",
            detail=f"EF 0001: {len(item.value)}-byte value is not a valid individual number",
        ) from None


def read_basic_items(ch: CardChannel) -> tuple[Name, str, date, Sex]:
    ch.require_application(Application.INPUT_SUPPORT)
    _, data = ch.read_tlv_file(IS_BASIC_ITEMS, max_size=MAX_BASIC_ITEMS)
    return parse_basic_items(data)


def template_content(data: bytes, context: str) -> bytes:
    """The value of the FF20 template at the start of `data`.

    If the file ended before the declared length (one published trace shows a header that does
    not match its file) the content is what is there; the children must still be whole.
    """
    header = tlv.parse_header(data)
    if header.tag != TAG_TEMPLATE:
        raise MalformedDataError(detail=f"{context}: template tag {header.tag:X}")
    end = header.size + header.length
    if end > len(data):
        log.debug("%s: header declares %d bytes, file holds %d", context, end, len(data))
    return data[header.size : min(end, len(data))]


def parse_basic_items(data: bytes) -> tuple[Name, str, date, Sex]:
    content = template_content(data, "EF 0002")
    items = tlv.children_by_tag(
        content, required=(TAG_NAME, TAG_ADDRESS, TAG_BIRTH, TAG_SEX), context="EF 0002"
    )
    offsets = items.get(TAG_OFFSETS)
    if offsets is not None:
        check_offsets(offsets, len(data), "EF 0002")
    return (
        parse_name(items[TAG_NAME]),
        parse_text(items[TAG_ADDRESS], "address"),
        parse_date(items[TAG_BIRTH], "birth date"),
        parse_sex(items[TAG_SEX]),
    )


def check_offsets(value: bytes, file_size: int, context: str) -> None:
    """DF21: big-endian u16 offsets into the file; each must point inside it."""
    if len(value) % 2:
        raise MalformedDataError(detail=f"{context}: offsets field of {len(value)} bytes")
    for i in range(0, len(value), 2):
        offset = int.from_bytes(value[i : i + 2], "big")
        if offset >= file_size:
            raise MalformedDataError(detail=f"{context}: offset {offset} beyond {file_size}")


def parse_text(value: bytes, what: str) -> str:
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedDataError(detail=f"{what}: not UTF-8") from None
    if not text.strip(" " + IDEOGRAPHIC_SPACE) or _CONTROL.search(text):
        raise MalformedDataError(detail=f"{what}: empty or control characters")
    return text


def parse_name(value: bytes) -> Name:
    full = parse_text(value, "name")
    family, sep, given = full.partition(IDEOGRAPHIC_SPACE)
    if not sep:
        return Name(family=full, given="", full=full)
    return Name(family=family, given=given, full=full)


def parse_date(value: bytes, what: str) -> date:
    if len(value) != 8 or not value.isdigit():
        raise MalformedDataError(detail=f"{what}: {len(value)} bytes, not YYYYMMDD")
    try:
        return date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise MalformedDataError(detail=f"{what}: impossible date") from None


def parse_sex(value: bytes) -> Sex:
    try:
        return Sex(value.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise MalformedDataError(detail=f"sex: {len(value)}-byte code not in JIS X 0303") from None
