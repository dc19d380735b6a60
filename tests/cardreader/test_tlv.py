"""BER-TLV parsing: short and long form, bounds, and random bytes that must never crash it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cardreader import tlv
from cardreader.errors import MalformedDataError

pytestmark = pytest.mark.card


def test_short_and_long_form_lengths() -> None:
    assert tlv.parse_header(b"\xdf\x22\x05abcde") == tlv.Header(0xDF22, 5, 3)
    assert tlv.parse_header(b"\xff\x20\x81\x90") == tlv.Header(0xFF20, 0x90, 4)
    assert tlv.parse_header(b"\x30\x82\x04\xd2") == tlv.Header(0x30, 1234, 4)
    assert tlv.parse_header(b"\x7f\x21\x83\x01\x00\x00") == tlv.Header(0x7F21, 65536, 6)
    assert tlv.parse_one(b"\xdf\x25\x81\x01\x32").value == b"2"  # long form where short would do


def test_padding_after_the_number_file() -> None:
    item = tlv.parse_one(b"\xff\x10\x0c" + b"123456789018" + b"\xff\xff")
    assert (item.tag, item.value, item.size) == (0xFF10, b"123456789018", 15)


@pytest.mark.parametrize(
    "data",
    [
        b"",  # nothing
        b"\xdf",  # tag cut
        b"\xdf\x22",  # length missing
        b"\xdf\x22\x80",  # indefinite
        b"\xdf\x22\x84\x00\x00\x00\x01",  # 4-byte length field
        b"\xdf\x22\x82\x01",  # long length cut
        b"\xdf\x22\x05abc",  # value shorter than declared
        b"\xdf\xff\xff\x22\x01a",  # 4-byte tag
    ],
)
def test_malformed_headers(data: bytes) -> None:
    with pytest.raises(MalformedDataError):
        tlv.parse_one(data)


def test_children_must_fill_exactly_and_not_repeat() -> None:
    good = tlv.encode(0xDF22, b"a") + tlv.encode(0xDF23, b"bc")
    assert tlv.children_by_tag(good, required=(0xDF22,), context="t") == {
        0xDF22: b"a",
        0xDF23: b"bc",
    }
    with pytest.raises(MalformedDataError):
        tlv.children_by_tag(good + b"\xdf", required=(), context="t")
    with pytest.raises(MalformedDataError):
        tlv.children_by_tag(good + tlv.encode(0xDF22, b"x"), required=(), context="t")
    with pytest.raises(MalformedDataError, match="missing DF25"):
        tlv.children_by_tag(good, required=(0xDF25,), context="t")


def test_end_bounds_a_parse_inside_a_bigger_buffer() -> None:
    data = tlv.encode(0xDF22, b"abcdef") + b"more"
    with pytest.raises(MalformedDataError):
        tlv.parse_one(data, 0, end=5)


tags = st.sampled_from([0x30, 0x90, 0xDF22, 0xDF2A, 0xFF20, 0x7F21])


@pytest.mark.property
@given(tag=tags, value=st.binary(max_size=70000), long_form=st.booleans())
@settings(max_examples=150, deadline=None)
def test_encode_parse_round_trip(tag: int, value: bytes, long_form: bool) -> None:
    encoded = tlv.encode(tag, value, long_form=long_form)
    item = tlv.parse_one(encoded)
    assert (item.tag, item.value, item.size) == (tag, value, len(encoded))


@pytest.mark.property
@given(data=st.binary(max_size=300), offset=st.integers(min_value=-2, max_value=310))
@settings(max_examples=400, deadline=None)
def test_random_bytes_raise_only_malformed(data: bytes, offset: int) -> None:
    try:
        item = tlv.parse_one(data, offset)
    except MalformedDataError:
        return
    assert 0 <= item.offset and item.offset + item.size <= len(data)
    assert len(item.value) <= len(data)


@pytest.mark.property
@given(
    children=st.lists(st.tuples(tags, st.binary(max_size=300)), max_size=6), cut=st.integers(0, 40)
)
@settings(max_examples=200, deadline=None)
def test_truncated_templates_never_yield_a_short_child(
    children: list[tuple[int, bytes]], cut: int
) -> None:
    content = b"".join(tlv.encode(t, v) for t, v in children)
    truncated = content[: max(0, len(content) - cut)]
    try:
        parsed = list(tlv.iter_children(truncated))
    except MalformedDataError:
        return
    # What parses is exactly a prefix of the whole children, each complete.
    assert [(c.tag, c.value) for c in parsed] == children[: len(parsed)]
