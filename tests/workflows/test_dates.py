"""Date entry in every form a clerk types."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import DomainError
from app.workflows.dates import format_date, parse_date_input, parse_entry_date, short_wareki

pytestmark = [pytest.mark.terminal]


@pytest.mark.parametrize(("text", "era", "expected"), [
    ("R7.2.13", None, date(2025, 2, 13)),
    ("r7/2/13", None, date(2025, 2, 13)),
    ("令和7年2月13日", None, date(2025, 2, 13)),
    ("令和元年5月1日", None, date(2019, 5, 1)),
    ("Ｒ７．２．１３", None, date(2025, 2, 13)),
    ("7/2/13", "R", date(2025, 2, 13)),
    ("55.2.17", "S", date(1980, 2, 17)),
    ("550217", "S", date(1980, 2, 17)),
    ("S550217", None, date(1980, 2, 17)),
    ("元.5.1", "R", date(2019, 5, 1)),
    ("31年4月30日", "H", date(2019, 4, 30)),
    ("2025-02-13", None, date(2025, 2, 13)),
    ("2025/2/13", "S", date(2025, 2, 13)),  # a four-digit year is Gregorian whatever the era
    ("20250213", None, date(2025, 2, 13)),
    ("2025年2月13日", None, date(2025, 2, 13)),
])
def test_accepted_forms(text: str, era: str | None, expected: date) -> None:
    assert parse_date_input(text, era) == expected


@pytest.mark.parametrize(("text", "era", "words"), [
    ("7/2/13", None, "元号を選ぶ"),
    ("7/2/13", "AD", "西暦は4桁"),
    ("H31.5.1", None, "期間外"),
    ("R7.2.30", None, "存在しない"),
    ("2025-02-30", None, "存在しない"),
    ("あした", None, "R7.2.13"),
])
def test_refusals_say_why(text: str, era: str | None, words: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_date_input(text, era, field="move_date")
    assert caught.value.code == "invalid_date" and caught.value.field == "move_date"
    assert words in caught.value.message


def test_entry_values_carry_their_era() -> None:
    assert parse_entry_date({"text": "7.2.13", "era": "R"}, "x") == date(2025, 2, 13)
    assert parse_entry_date("R7.2.13", "x") == date(2025, 2, 13)


def test_formats() -> None:
    assert format_date(date(2019, 5, 1)) == "令和元年5月1日"
    assert short_wareki(date(2025, 2, 13)) == "R7.2.13"
    assert parse_date_input(short_wareki(date(1989, 1, 8))) == date(1989, 1, 8)
