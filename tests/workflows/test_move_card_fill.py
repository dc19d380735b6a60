"""A card read mapped onto a move form: each item into the item of the kind's form that takes
it, the card's address as the 前住所, what the form has no place for shown beside the person,
and what the clerk typed kept."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.registry_api import kinds_of
from app.workflows.card_fill import apply_card, can_fill, card_fill
from app.workflows.move_entry import MoveEntryFlow
from app.workflows.move_form import form_specs
from app.workflows.move_request import build_move_body
from cardreader.models import BasicInfo, Name, Sex
from tests.workflows.fakes import FakeApi, kinds_json

pytestmark = [pytest.mark.terminal]

SPECS = form_specs(kinds_of(kinds_json()))
CARD = BasicInfo(
    individual_number="123456789018",
    name=Name("試験", "花子", "試験\u3000花子"),
    address="東京都千代田区千代田１番１号",
    birth_date=date(1982, 3, 3),
    sex=Sex.FEMALE,
)


def test_only_arrivals_with_an_individual_number_item_take_a_card() -> None:
    assert {code for code, spec in SPECS.items() if can_fill(spec)} == {
        "tokurei_tennyu", "tennyu", "kokugai_tennyu"}


def test_tennyu_gets_the_four_items_the_number_and_the_previous_address() -> None:
    fill = card_fill(SPECS["tennyu"], CARD)
    assert fill.person == {"family_name": "試験", "given_name": "花子",
                           "birth_date": {"text": "S57.3.3", "era": "S"}, "sex": "2",
                           "individual_number": "123456789018"}
    assert fill.notice == {"previous_address": "東京都千代田区千代田１番１号"}
    assert fill.unmapped == ()
    assert "123456789018" not in repr(fill) and "花子" not in repr(fill)


def test_tokurei_tennyu_fills_the_number_and_shows_the_rest_for_comparison() -> None:
    fill = card_fill(SPECS["tokurei_tennyu"], CARD)
    assert fill.person == {"individual_number": "123456789018"}
    assert fill.notice == {}
    assert set(fill.unmapped) == {"family_name", "given_name", "birth_date", "sex", "address"}
    assert dict(fill.shown) == {"氏名": "試験\u3000花子", "生年月日": "昭和57年3月3日",
                                "性別": "女", "住所（カード記載）": "東京都千代田区千代田１番１号"}


def test_a_sex_the_form_does_not_take_is_left_to_the_clerk() -> None:
    odd = BasicInfo(CARD.individual_number, CARD.name, CARD.address, CARD.birth_date,
                    Sex.NOT_APPLICABLE)
    assert "sex" not in card_fill(SPECS["tennyu"], odd).person


def test_applying_keeps_what_was_typed_and_fills_the_right_person() -> None:
    entry: dict[str, Any] = {"kind": "tennyu", "move_date": "R7.2.10",
             "persons": [{"family_name": "別人"}, {"family_name_kana": "シケン", "family_name": "誤記"}]}
    out = apply_card(entry, 1, card_fill(SPECS["tennyu"], CARD))
    assert out["persons"][0] == {"family_name": "別人"}
    assert out["persons"][1]["family_name_kana"] == "シケン"
    assert out["persons"][1]["family_name"] == "試験"  # the card's item replaces a slip
    assert out["previous_address"] == "東京都千代田区千代田１番１号"
    assert out["move_date"] == "R7.2.10"
    assert entry["persons"][1]["family_name"] == "誤記"  # the entry given is not changed


def test_a_filled_tennyu_passes_the_comfort_checks_once_the_clerk_adds_the_rest() -> None:
    spec = SPECS["tennyu"]
    flow = MoveEntryFlow(FakeApi(), today=lambda: date(2025, 2, 13))
    flow.kinds_loaded(kinds_of(kinds_json()))
    flow.start("tennyu")
    entry = apply_card(flow.entry, 0, card_fill(spec, CARD))
    entry["persons"][0].update(family_name_kana="シケン", given_name_kana="ハナコ",
                               relationship="世帯主", resident_code="12345678906")
    entry.update(move_date="R7.2.10", household={"mode": "new"},
                 address={"town_code": "001000", "address_detail": "1-2"})
    body = build_move_body(spec, entry, date(2025, 2, 13))
    person = body["persons"][0]
    assert person["birth_date"] == "1982-03-03" and person["sex"] == "2"
    assert person["individual_number"] == "123456789018"
    assert body["previous_address"] == "東京都千代田区千代田１番１号"
