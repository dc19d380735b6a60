"""Addresses as the register writes them."""

from __future__ import annotations

import pytest

from app.domain.address import format_address, format_postal_code, normalise_address_text
from app.domain.move_fields import validate_field

pytestmark = pytest.mark.domain


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("3-5", "３－５"),
        ("3‐5", "３－５"),
        ("3−5", "３－５"),
        ("12番地の3", "１２番地の３"),
        ("１２番地の３", "１２番地の３"),
        ("ｻﾝﾊｲﾂ A棟 201", "サンハイツ\u3000Ａ棟\u3000２０１"),
        ("グランドメゾン寝屋川１０１号室", "グランドメゾン寝屋川１０１号室"),
    ],
)
def test_address_text_in_the_registers_width(typed: str, stored: str) -> None:
    assert normalise_address_text(typed) == stored


def test_address_fields_are_normalised_and_other_text_is_not() -> None:
    assert validate_field("address_detail", " 3-5 ", "address.address_detail") == "３－５"
    assert validate_field("building", "ﾒｿﾞﾝ 2F", "address.building") == "メゾン\u3000２Ｆ"
    assert validate_field("late_reason", "入院 3-5日", "late_reason") == "入院 3-5日"


def test_format_address_puts_the_building_after_a_full_width_space() -> None:
    assert format_address("大阪府", "寝屋川市", "池田北町", "２６番４０号", "メゾン") == \
        "大阪府寝屋川市池田北町２６番４０号\u3000メゾン"


def test_a_postal_code_as_written_on_paper() -> None:
    assert format_postal_code("5720865") == "〒572-0865"
    assert format_postal_code("") == "" and format_postal_code("572") == "572"
