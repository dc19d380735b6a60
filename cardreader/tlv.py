"""BER-TLV as the card's files use it: bounded, every offset checked, nothing trusted.

Tags are one to three bytes (`30`, `DF22`, `FF20`, `7F21`); lengths are short form (one byte
below 0x80) or long form (`81 xx`, `82 xx xx`, `83 xx xx xx`). Indefinite lengths (`80`) and
anything that would reach past the bytes at hand raise MalformedDataError: a length field read
from a card is an untrusted number, never a promise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple

from cardreader.errors import MalformedDataError

MAX_TAG_BYTES: Final = 3
MAX_LENGTH_BYTES: Final = 3  # 16 MiB, far beyond any EF on the card; 84+ is refused


# Tuples rather than frozen dataclasses: just as immutable, and several per file are built.
class Header(NamedTuple):
    tag: int
    length: int
    size: int  # bytes taken by tag and length together


class Tlv(NamedTuple):
    tag: int
    value: bytes
    offset: int  # where the tag starts in the buffer that was parsed
    size: int  # tag + length + value


def parse_header(
    buf: bytes | bytearray | memoryview, offset: int = 0, end: int | None = None
) -> Header:
    """Tag and length at `offset`; the value itself is not required to be present."""
    limit = len(buf) if end is None else min(end, len(buf))
    if offset < 0 or offset >= limit:
        raise MalformedDataError(detail=f"TLV header at {offset} outside 0..{limit}")
    pos = offset
    first = buf[pos]
    pos += 1
    tag = first
    if first & 0x1F == 0x1F:  # more tag bytes follow, each with bit 8 saying "one more"
        while True:
            if pos >= limit:
                raise MalformedDataError(detail=f"TLV tag at {offset} truncated")
            if pos - offset >= MAX_TAG_BYTES:
                raise MalformedDataError(
                    detail=f"TLV tag at {offset} longer than {MAX_TAG_BYTES} bytes"
                )
            byte = buf[pos]
            pos += 1
            tag = (tag << 8) | byte
            if not byte & 0x80:
                break
    if pos >= limit:
        raise MalformedDataError(detail=f"TLV length at {offset} missing")
    first_len = buf[pos]
    pos += 1
    if first_len < 0x80:
        length = first_len
    elif first_len == 0x80:
        raise MalformedDataError(detail=f"TLV at {offset}: indefinite length")
    else:
        count = first_len & 0x7F
        if count > MAX_LENGTH_BYTES:
            raise MalformedDataError(detail=f"TLV at {offset}: {count}-byte length field")
        if pos + count > limit:
            raise MalformedDataError(detail=f"TLV at {offset}: length field truncated")
        length = int.from_bytes(bytes(buf[pos : pos + count]), "big")
        pos += count
    return Header(tag, length, pos - offset)


def parse_one(buf: bytes | bytearray | memoryview, offset: int = 0, end: int | None = None) -> Tlv:
    """The TLV at `offset`, whose value must lie wholly before `end` (default: buffer end)."""
    limit = len(buf) if end is None else min(end, len(buf))
    tag, length, size = parse_header(buf, offset, limit)
    start = offset + size
    stop = start + length
    if stop > limit:
        raise MalformedDataError(
            detail=f"TLV {tag:X} at {offset}: {length} bytes declared, "
            f"{max(0, limit - start)} present"
        )
    return Tlv(tag, bytes(buf[start:stop]), offset, stop - offset)


def iter_children(
    buf: bytes | bytearray | memoryview, start: int = 0, end: int | None = None
) -> Iterator[Tlv]:
    """Consecutive TLVs filling buf[start:end] exactly; a ragged tail is malformed."""
    limit = len(buf) if end is None else min(end, len(buf))
    pos = start
    while pos < limit:
        item = parse_one(buf, pos, limit)
        yield item
        pos += item.size


def children_by_tag(value: bytes, *, required: tuple[int, ...], context: str) -> dict[int, bytes]:
    """Children of a constructed value, each tag at most once, the required ones present."""
    found: dict[int, bytes] = {}
    for child in iter_children(value):
        if child.tag in found:
            raise MalformedDataError(detail=f"{context}: tag {child.tag:X} repeated")
        found[child.tag] = child.value
    missing = [f"{t:X}" for t in required if t not in found]
    if missing:
        raise MalformedDataError(detail=f"{context}: missing {', '.join(missing)}")
    return found


def encode_length(length: int) -> bytes:
    """BER length in the shortest form (used by the virtual card and by tests)."""
    if length < 0:
        raise ValueError("negative length")
    if length < 0x80:
        return bytes([length])
    body = length.to_bytes((length.bit_length() + 7) // 8, "big")
    if len(body) > MAX_LENGTH_BYTES:
        raise ValueError("length too large")
    return bytes([0x80 | len(body)]) + body


def encode(tag: int, value: bytes, *, long_form: bool = False) -> bytes:
    """One TLV; `long_form` forces an `81`/`82` length even when short form would do."""
    tag_bytes = tag.to_bytes(max(1, (tag.bit_length() + 7) // 8), "big")
    if long_form and len(value) < 0x100:
        length = bytes([0x81, len(value)])
    elif long_form and len(value) < 0x10000:
        length = b"\x82" + len(value).to_bytes(2, "big")
    else:
        length = encode_length(len(value))
    return tag_bytes + length + value
