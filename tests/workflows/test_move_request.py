"""Entry dicts to request bodies: normalised values, and every problem at its field's path."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.registry_api import kinds_of
from app.workflows.errors import FieldErrors
from app.workflows.move_form import FormSpec, form_specs
from app.workflows.move_request import build_move_body

pytestmark = [pytest.mark.terminal]
TODAY = date(2025, 2, 13)


@pytest.fixture(scope="module")
def specs() -> dict[str, FormSpec]:
    from tests.workflows.fakes import kinds_json

    return form_specs(kinds_of(kinds_json()))


def _errors(spec: FormSpec, entry: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(FieldErrors) as caught:
        build_move_body(spec, entry, TODAY)
    return caught.value.errors


def test_a_tenkyo_body(specs: dict[str, FormSpec]) -> None:
    body = build_move_body(specs["tenkyo"], {
        "kind": "tenkyo", "notified_on": "R7.2.13", "move_date": {"text": "7.2.10", "era": "R"},
        "address": {"postal_code": "５７２−０００１", "town_code": "001000", "address_detail": " 3-4 ",
                    "building": ""},
        "household": {"mode": "same"},
        "persons": [{"id": "0000000001", "relationship": "子"}],  # dropped: same household
        "remaining": [{"id": "0000000002", "relationship": ""}],
        "moved_out_to": "東京都",  # not on this form: never sent
    }, TODAY)
    assert body == {
        "kind": "tenkyo", "notified_on": "2025-02-13", "move_date": "2025-02-10",
        "address": {"town_code": "001000", "postal_code": "5720001", "address_detail": "３－４"},
        "household": {"mode": "same"}, "persons": [{"id": "0000000001"}],
    }


def test_every_problem_at_once(specs: dict[str, FormSpec]) -> None:
    errors = _errors(specs["tenkyo"], {
        "notified_on": "R7.2.13", "move_date": "R7.2.40",
        "address": {"postal_code": "572", "address_detail": ""},
        "household": {"mode": "new"},
        "persons": [{"id": "12"}],
    })
    assert set(errors) == {"move_date", "address.town_code", "address.postal_code",
                           "address.address_detail", "persons[0].id", "persons[0].relationship"}


def test_late_notice_needs_a_reason(specs: dict[str, FormSpec]) -> None:
    entry = {"notified_on": "R7.2.13", "move_date": "R6.12.1",
             "address": {"town_code": "001000", "address_detail": "1"},
             "household": {"mode": "same"}, "persons": [{"id": "0000000001"}]}
    errors = _errors(specs["tenkyo"], entry)
    assert list(errors) == ["late_reason"] and "期間経過" in errors["late_reason"]
    body = build_move_body(specs["tenkyo"], {**entry, "late_reason": "入院のため"}, TODAY)
    assert body["late_reason"] == "入院のため"


def test_a_tennyu_of_a_family(specs: dict[str, FormSpec]) -> None:
    person = {"family_name": "試験", "given_name": "一郎", "family_name_kana": "ｼｹﾝ",
              "given_name_kana": "いちろう", "birth_date": "S55.2.17", "sex": "1",
              "relationship": "世帯主", "resident_code": "12345678901"}
    child = {**person, "given_name": "太郎", "given_name_kana": "たろう", "birth_date": "H20.5.5",
             "relationship": "子"}
    entry = {"notified_on": "R7.2.13", "move_date": "R7.2.1",
             "address": {"postal_code": "5720001", "town_code": "001000", "address_detail": "1-2"},
             "household": {"mode": "new"}, "previous_address": "京都府京都市中京区1",
             "persons": [person, child]}
    body = build_move_body(specs["tennyu"], entry, TODAY)
    assert body["persons"][0]["family_name_kana"] == "シケン"
    assert body["persons"][1]["given_name_kana"] == "タロウ"
    assert body["persons"][0]["birth_date"] == "1980-02-17"
    # A child older than the head: the household rule of app/domain, at the child's 続柄.
    child["birth_date"] = "S40.1.1"
    errors = _errors(specs["tennyu"], entry)
    assert list(errors) == ["persons[1].relationship"]
    child["birth_date"] = "H20.5.5"
    child["family_name_kana"] = "試験"
    child["individual_number"] = "123456789012"
    errors = _errors(specs["tennyu"], entry)
    assert set(errors) == {"persons[1].family_name_kana", "persons[1].individual_number"}


def test_persons_and_household_checks(specs: dict[str, FormSpec]) -> None:
    errors = _errors(specs["setai_gappei"], {"notified_on": "R7.2.13", "move_date": "R7.2.13",
                                              "household": {"mode": "existing"}, "persons": []})
    assert set(errors) == {"household.household_number", "persons"}
    errors = _errors(specs["kisai_jiko_henko"], {"move_date": "R7.2.13",
                                                 "persons": [{"id": "0000000001"}]})
    assert errors == {"persons[0]": "変更する項目を入力してください。"}
