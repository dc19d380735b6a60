"""Era calendar: table boundaries, formatting, parsing, strict ISO dates."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import wareki
from app.domain.errors import DomainError

pytestmark = pytest.mark.domain


def test_era_table() -> None:
    assert [(e.name, e.letter, e.start) for e in wareki.ERAS] == [
        ("明治", "M", date(1868, 1, 25)),
        ("大正", "T", date(1912, 7, 30)),
        ("昭和", "S", date(1926, 12, 25)),
        ("平成", "H", date(1989, 1, 8)),
        ("令和", "R", date(2019, 5, 1)),
    ]


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(1873, 1, 1), "明治6年1月1日"),
        (date(1912, 7, 29), "明治45年7月29日"),
        (date(1912, 7, 30), "大正元年7月30日"),
        (date(1926, 12, 24), "大正15年12月24日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1989, 1, 7), "昭和64年1月7日"),
        (date(1989, 1, 8), "平成元年1月8日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2025, 2, 13), "令和7年2月13日"),
        (date(1980, 2, 17), "昭和55年2月17日"),
    ],
)
def test_boundaries_format_and_parse(d: date, text: str) -> None:
    assert wareki.format_wareki(d) == text
    assert wareki.parse_wareki(text) == d


def test_gannen_off() -> None:
    assert wareki.format_wareki(date(2019, 5, 1), gannen=False) == "令和1年5月1日"
    assert wareki.parse_wareki("令和1年5月1日") == date(2019, 5, 1)


def test_to_wareki() -> None:
    w = wareki.to_wareki(date(2025, 2, 13))
    assert (w.era.name, w.year, w.month, w.day) == ("令和", 7, 2, 13)


def test_before_solar_calendar_rejected() -> None:
    for fn in (wareki.to_wareki, wareki.format_wareki, wareki.era_yymmdd):
        with pytest.raises(DomainError) as info:
            fn(date(1872, 12, 31))
        assert info.value.code == "invalid_date"
    with pytest.raises(DomainError):
        wareki.parse_wareki("明治5年12月31日")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和７年２月１３日", date(2025, 2, 13)),
        (" 令和 7年 2月 13日 ", date(2025, 2, 13)),
        ("R7.2.13", date(2025, 2, 13)),
        ("r7.2.13", date(2025, 2, 13)),
        ("Ｒ７．２．１３", date(2025, 2, 13)),
        ("H31.4.30", date(2019, 4, 30)),
        ("S55/2/17", date(1980, 2, 17)),
        ("T15-12-24", date(1926, 12, 24)),
        ("M45.7.29", date(1912, 7, 29)),
        ("R元.5.1", date(2019, 5, 1)),
        ("㍻31年4月30日", date(2019, 4, 30)),
    ],
)
def test_parse_forms(text: str, expected: date) -> None:
    assert wareki.parse_wareki(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "平成31年5月1日",  # 平成 had ended
        "令和1年4月30日",  # 令和 had not begun
        "昭和64年1月8日",
        "大正1年7月29日",
        "令和7年2月30日",
        "令和7年13月1日",
        "令和0年5月1日",
        "大化1年1月1日",
        "X7.2.13",
        "R7.2/13",
        "R7.2",
        "2025年2月13日",
        "",
        "令和7年2月13",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(DomainError) as info:
        wareki.parse_wareki(text)
    assert info.value.code == "invalid_date"


def test_parse_error_messages_are_for_clerks() -> None:
    with pytest.raises(DomainError, match="平成の期間外"):
        wareki.parse_wareki("平成31年5月1日")
    with pytest.raises(DomainError, match="存在しない日付"):
        wareki.parse_wareki("令和7年2月30日")
    with pytest.raises(DomainError, match="元号「大化」"):
        wareki.parse_wareki("大化1年1月1日")


def test_era_yymmdd() -> None:
    assert wareki.era_yymmdd(date(1980, 2, 17)) == "550217"
    assert wareki.era_yymmdd(date(2019, 5, 1)) == "010501"
    assert wareki.era_yymmdd(date(2019, 4, 30)) == "310430"


dates = st.dates(min_value=date(1873, 1, 1), max_value=date(2100, 12, 31))


@given(dates, st.booleans())
def test_format_parse_round_trip(d: date, gannen: bool) -> None:
    assert wareki.parse_wareki(wareki.format_wareki(d, gannen=gannen)) == d


@given(dates)
def test_letter_form_round_trip(d: date) -> None:
    w = wareki.to_wareki(d)
    assert wareki.parse_wareki(f"{w.era.letter}{w.year}.{w.month}.{w.day}") == d


def test_parse_iso_date() -> None:
    assert wareki.parse_iso_date("2025-02-13", "birth_date") == date(2025, 2, 13)


@pytest.mark.parametrize(
    "text",
    [
        "2025-2-13",
        "20250213",
        " 2025-02-13",
        "2025-02-13 ",
        "２０２５-０２-１３",
        "2025/02/13",
        "2025-02-30",
        "0000-01-01",
        "2025-02-13T00:00",
        "",
        "٢٠٢٥-٠٢-١٣",
    ],
)
def test_parse_iso_date_rejects(text: str) -> None:
    with pytest.raises(DomainError) as info:
        wareki.parse_iso_date(text, "birth_date")
    assert info.value.code == "invalid_date"
    assert info.value.field == "birth_date"
