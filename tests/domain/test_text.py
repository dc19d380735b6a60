"""Free text and digit strings as the API and the forms accept them."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.text import clean_text, is_ascii_digits

pytestmark = pytest.mark.domain


@pytest.mark.parametrize("value", ["1000000019", "0000000000"])
def test_ten_ascii_digits(value: str) -> None:
    assert is_ascii_digits(value, 10)


@pytest.mark.parametrize(
    "value",
    ["１０００００００１９", "100000001²", "١٠٠٠٠٠٠٠١٩", "100000001", "10000000190", "1000-00019",
     " 100000001", None, 1000000019, ["1000000019"]],
)
def test_anything_else_is_not(value: object) -> None:
    assert not is_ascii_digits(value, 10)


@pytest.mark.parametrize(("value", "code"), [("山田\x00", "invalid_characters"),
                                             ("山" * 11, "value_too_long"), (["山田"], "invalid_type")])
def test_clean_text_refuses(value: object, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        clean_text(value, "name", "氏名", 10)
    assert caught.value.code == code


def test_clean_text_strips_and_blanks() -> None:
    assert clean_text("  山田 太郎 ", "name", "氏名", 20) == "山田 太郎"
    assert clean_text("   ", "name", "氏名", 20) is None
