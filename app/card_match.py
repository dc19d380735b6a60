"""The card's number and four items (基本4情報) compared with the register, item by item.

    comparison = compare(basic_info, person, number_matches=answer_of_number_check)
    comparison.all_match, comparison.mismatches, comparison.fields  # FieldMatch each

Both sides are folded before comparing, so that a difference in writing is no mismatch:
NFKC (full-width digits and Latin, half-width kana), every kind of space (U+3000 between the
family and the given name, the one before a 方書) and invisible characters removed; addresses
also with 丁目・番地・号 notation, kanji numerals and dash look-alikes made one
(app.domain.kana.address_key, so "一丁目２番３号" equals "1丁目2-3"). Names are compared exactly
after that: a variant kanji (髙/高) is a difference the clerk must see, not fold away.

The individual number is never compared here: the terminal does not fetch the register's
number for this. The registry compares it (POST /v1/residents/{id}/number-check) and the
answer comes in as `number_matches` (None: not checked yet, which is no match).
The values in FieldMatch are for the screen only; nothing here logs or stores them.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from typing import Final

from app.domain.kana import address_key
from app.privacy.masking import mask_individual_number
from app.registry_api import Person
from app.workflows.dates import format_date
from cardreader.models import BasicInfo

_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff")
SEX_LABELS: Final = {"0": "不明", "1": "男", "2": "女", "9": "適用不能"}
NUMBER_BY_REGISTRY: Final = "（住基システムで照合）"
NUMBER_NOT_CHECKED: Final = "（未照合）"
LABELS: Final = {
    "individual_number": "個人番号",
    "name": "氏名",
    "address": "住所",
    "birth_date": "生年月日",
    "sex": "性別",
}
FIELDS: Final = ("individual_number", "name", "address", "birth_date", "sex")


@dataclass(frozen=True)
class FieldMatch:
    field: str  # individual_number | name | address | birth_date | sex
    label: str  # Japanese
    card_value: str = dataclasses.field(repr=False)  # as shown to the clerk
    register_value: str = dataclasses.field(repr=False)
    matches: bool


@dataclass(frozen=True)
class CardComparison:
    fields: tuple[FieldMatch, ...]

    @property
    def all_match(self) -> bool:
        return all(f.matches for f in self.fields)

    @property
    def mismatches(self) -> tuple[FieldMatch, ...]:
        return tuple(f for f in self.fields if not f.matches)

    def flags(self) -> dict[str, bool]:
        """{field: matches} for the audit record (no values)."""
        return {f.field: f.matches for f in self.fields}

    def get(self, name: str) -> FieldMatch | None:
        return next((f for f in self.fields if f.field == name), None)


def fold_text(value: str) -> str:
    """NFKC without any space or invisible character: how a name is compared."""
    value = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in value if not (ch.isspace() or ch in _INVISIBLE))


def fold_address(value: str) -> str:
    """The address as compared: address_key keeps the prefecture and city (a card issued
    elsewhere names them) and folds 丁目・番地・号 and numerals."""
    return address_key(value, strip_prefixes=())


def names_match(card_name: str, family: str, given: str) -> bool:
    return fold_text(card_name) == fold_text(f"{family}{given}")


def addresses_match(card_address: str, register_address: str) -> bool:
    return fold_address(card_address) == fold_address(register_address)


def compare(card: BasicInfo, person: Person, *, number_matches: bool | None) -> CardComparison:
    register_name = person.name.full
    card_sex = card.sex.value
    return CardComparison((
        FieldMatch(
            "individual_number", LABELS["individual_number"],
            mask_individual_number(card.individual_number),
            NUMBER_BY_REGISTRY if number_matches is not None else NUMBER_NOT_CHECKED,
            number_matches is True,
        ),
        FieldMatch(
            "name", LABELS["name"], card.name.full, register_name,
            names_match(card.name.full, person.name.family_name, person.name.given_name),
        ),
        FieldMatch(
            "address", LABELS["address"], card.address, person.address.full,
            addresses_match(card.address, person.address.full),
        ),
        FieldMatch(
            "birth_date", LABELS["birth_date"], format_date(card.birth_date),
            format_date(person.birth_date), card.birth_date == person.birth_date,
        ),
        FieldMatch(
            "sex", LABELS["sex"], SEX_LABELS.get(card_sex, card_sex),
            SEX_LABELS.get(person.sex, person.sex), card_sex == person.sex,
        ),
    ))
