"""The card's four items against the register: folded writing matches, real differences do not,
and the number's result is the registry's, never a comparison made here."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.card_match import addresses_match, compare, fold_text, names_match
from app.domain.individual_number import make
from app.registry_api import person_of
from cardreader.models import BasicInfo, Name, Sex

NUMBER = make("31415926535")


def person(**changes: Any) -> Any:
    raw: dict[str, Any] = {
        "name": {"family_name": "見本", "given_name": "花子", "family_name_kana": "ミホン",
                 "given_name_kana": "ハナコ"},
        "birth_date": "1980-02-17", "sex": "2", "resident_type": "japanese",
        "address": {"postal_code": "5720030", "town_code": "029000", "town_name": "池田本町",
                    "detail": "1丁目2番3号", "building": "コーポ見本　101号室",
                    "full": "大阪府寝屋川市池田本町1丁目2番3号\u3000コーポ見本　101号室"},
        "household_number": None, "relationship": "世帯主", "is_head": True,
    }
    raw.update(changes)
    return person_of(raw)


def card(**changes: Any) -> BasicInfo:
    info = BasicInfo(
        individual_number=NUMBER,
        name=Name("見本", "花子", "見本\u3000花子"),
        address="大阪府寝屋川市池田本町一丁目２番３号\u3000コーポ見本\u3000１０１号室",
        birth_date=date(1980, 2, 17),
        sex=Sex.FEMALE,
    )
    return replace(info, **changes)


def test_the_same_person_written_differently_matches() -> None:
    result = compare(card(), person(), number_matches=True)
    assert result.all_match, [f.field for f in result.mismatches]
    assert [f.field for f in result.fields] == [
        "individual_number", "name", "address", "birth_date", "sex"]
    assert result.flags() == dict.fromkeys(
        ("individual_number", "name", "address", "birth_date", "sex"), True)


def test_the_number_is_shown_masked_and_judged_by_the_registry_alone() -> None:
    unchecked = compare(card(), person(), number_matches=None)
    number = unchecked.get("individual_number")
    assert number is not None and not number.matches
    assert number.card_value == f"****-****-{NUMBER[-4:]}"
    assert NUMBER not in number.register_value
    assert not compare(card(), person(), number_matches=False).all_match
    assert NUMBER not in repr(unchecked)


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": Name("見本", "花江", "見本\u3000花江")}, "name"),
    ({"name": Name("見本", "花子", "見夲\u3000花子")}, "name"),
    ({"address": "大阪府寝屋川市池田本町一丁目２番４号\u3000コーポ見本\u3000１０１号室"}, "address"),
    ({"address": "大阪府寝屋川市池田本町一丁目２番３号"}, "address"),
    ({"birth_date": date(1980, 2, 18)}, "birth_date"),
    ({"sex": Sex.MALE}, "sex"),
])
def test_a_real_difference_is_a_mismatch_of_that_item_only(changes: dict[str, Any], field: str) -> None:
    result = compare(card(**changes), person(), number_matches=True)
    assert [f.field for f in result.mismatches] == [field]
    assert not result.all_match


@pytest.mark.parametrize(("on_card", "in_register"), [
    ("池田本町１丁目２－３", "池田本町一丁目2番地3"),
    ("池田本町十二丁目3番地の4", "池田本町12丁目3-4"),
    ("池田本町1丁目2番3号\u3000ハイツ 1号棟", "池田本町1丁目2-3 ハイツ1号棟"),
])
def test_address_notations_fold(on_card: str, in_register: str) -> None:
    assert addresses_match(on_card, in_register)


def test_names_fold_width_and_spaces_but_not_variant_kanji() -> None:
    assert names_match("ＳＭＩＴＨ\u3000ＪＯＨＮ", "SMITH", "JOHN")
    assert names_match("見本　花子\u200b", "見本", "花子")
    assert not names_match("髙橋\u3000太郎", "高橋", "太郎")
    assert fold_text(" ｱ\u3000イ ") == "アイ"
