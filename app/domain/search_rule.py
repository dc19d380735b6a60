"""The identity-search rule (本人確認情報の検索条件).

The assessment (seed l.1425-1428) requires, to keep anyone from building a database by
browsing: 「少なくとも性別を除く２情報以上（氏名と住所の組み合わせ、氏名と生年月日の組み合わせ）
の指定を必須とする」 — at least two of the basic four items other than sex, i.e. of name, birth
date and address, and the combinations it names both contain the name.

The parenthesis names examples; the registry contract (architecture.md) and the issue make the
rule "any two of name, birth date and address", so birth date + address is allowed too: at a
given address it still identifies a person, as the name does. A resident code or an individual number identifies one
person by itself and is enough on its own (the caller still logs such a search).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from app.domain.errors import DomainError

NAME: Final = "name"
BIRTH_DATE: Final = "birth_date"
ADDRESS: Final = "address"

ALLOWED_COMBINATIONS: Final[tuple[frozenset[str], ...]] = (
    frozenset({NAME, ADDRESS}),
    frozenset({NAME, BIRTH_DATE}),
    frozenset({BIRTH_DATE, ADDRESS}),
)


@dataclass(frozen=True, slots=True)
class SearchCriteria:
    name: str | None = None
    name_kana: str | None = None
    birth_date: date | None = None
    address: str | None = None
    sex: str | None = None  # never counts towards the rule
    resident_code: str | None = None
    individual_number: str | None = None


def _given(value: str | None) -> bool:
    """Blank input (incl. U+3000 only) is what an empty form field sends: treat it as absent."""
    return value is not None and value.strip() != ""


def counted_items(c: SearchCriteria) -> set[str]:
    """The items of `c` that count towards the rule: a subset of {"name", "birth_date", "address"}.

    Kanji name and kana name together are one item: both describe the same fact.
    """
    items: set[str] = set()
    if _given(c.name) or _given(c.name_kana):
        items.add(NAME)
    if c.birth_date is not None:
        items.add(BIRTH_DATE)
    if _given(c.address):
        items.add(ADDRESS)
    return items


def check(c: SearchCriteria) -> None:
    """Raise DomainError("search_too_broad") unless the criteria are narrow enough."""
    if _given(c.resident_code) or _given(c.individual_number):
        return
    items = counted_items(c)
    if any(combination <= items for combination in ALLOWED_COMBINATIONS):
        return
    raise DomainError(
        "search_too_broad",
        "検索条件が不足しています。氏名・生年月日・住所のうち二つ以上を指定してください。",
    )
