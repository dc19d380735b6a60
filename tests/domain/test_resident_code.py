"""住民票コード: the configurable (assumed) scheme and its parser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import resident_code
from app.domain.errors import DomainError
from app.domain.resident_code import DEFAULT_SCHEME, ResidentCodeScheme, scheme_from_string

pytestmark = pytest.mark.domain

digits10 = st.text(alphabet="0123456789", min_size=10, max_size=10)


def test_default_scheme_is_the_documented_assumption() -> None:
    assert DEFAULT_SCHEME == ResidentCodeScheme(weights=(6, 5, 4, 3, 2, 7, 6, 5, 4, 3), modulus=11)
    assert DEFAULT_SCHEME.to_string() == "11:6,5,4,3,2,7,6,5,4,3"


def test_check_digit_by_hand() -> None:
    # 1234567890: 6+10+12+12+10+42+42+40+36+0 = 210; 210 mod 11 = 1 -> 0
    assert resident_code.check_digit("1234567890") == 0
    # 0000000001: 3 mod 11 = 3 -> 8
    assert resident_code.check_digit("0000000001") == 8
    # 0000000000: r = 0 -> 0
    assert resident_code.make("0000000000") == "00000000000"
    assert resident_code.make("１２３４５６７８９０") == "12345678900"


def test_validate_normalises_and_rejects() -> None:
    assert resident_code.validate(" ０００００００００１８　") == "00000000018"
    for bad in ["00000000019", "0000000001", "000000000188", "0000000001a", ""]:
        assert not resident_code.is_valid(bad)
        with pytest.raises(DomainError) as info:
            resident_code.validate(bad, field="resident_code")
        assert info.value.code == "invalid_resident_code"
        assert info.value.field == "resident_code"
    with pytest.raises(DomainError, match="検査用数字が一致しません"):
        resident_code.validate("00000000019")


def test_another_scheme_changes_the_result() -> None:
    mod10 = scheme_from_string(" 10 : 1,2,1,2,1,2,1,2,1,2 ")
    assert mod10 == ResidentCodeScheme(weights=(1, 2) * 5, modulus=10)
    # 0000000003: mod 10 with last weight 2 gives r = 6 -> 4; the default gives r = 9 -> 2
    assert resident_code.check_digit("0000000003", mod10) == 4
    assert resident_code.check_digit("0000000003") == 2
    code = resident_code.make("1234567890", mod10)
    assert resident_code.is_valid(code, mod10)
    assert scheme_from_string(DEFAULT_SCHEME.to_string()) == DEFAULT_SCHEME


@pytest.mark.parametrize(
    "text",
    [
        "",
        "11",
        "11:",
        "x:6,5,4,3,2,7,6,5,4,3",
        "11:6,5,4",
        "11:6,5,4,3,2,7,6,5,4,3,2",
        "12:6,5,4,3,2,7,6,5,4,3",
        "1:6,5,4,3,2,7,6,5,4,3",
        "11:6,5,4,3,2,7,6,5,4,-3",
        "11:6,5,4,3,2,7,6,5,4,a",
    ],
)
def test_bad_configuration_rejected(text: str) -> None:
    with pytest.raises(DomainError) as info:
        scheme_from_string(text)
    assert info.value.code == "invalid_configuration"


@given(digits10)
def test_make_then_is_valid(body: str) -> None:
    assert resident_code.is_valid(resident_code.make(body))


@given(digits10, st.integers(1, 9))
def test_changed_check_digit_is_invalid(body: str, delta: int) -> None:
    code = resident_code.make(body)
    changed = code[:10] + str((int(code[10]) + delta) % 10)
    assert not resident_code.is_valid(changed)
