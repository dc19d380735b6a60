"""Forms built from the kinds answer: only the paper form's items, in paper-form order."""

from __future__ import annotations

import pytest

from app.domain.move_kinds import KINDS
from app.domain.relationships import RELATIONSHIPS
from app.registry_api import kinds_of
from app.workflows.move_form import (
    NOTICE_ORDER,
    PERSON_ORDER,
    RELATIONSHIP_CHOICES,
    Input,
    form_spec,
    form_specs,
)
from tests.workflows.fakes import kinds_json

pytestmark = [pytest.mark.terminal]


def test_every_kind_gets_exactly_its_items() -> None:
    specs = form_specs(kinds_of(kinds_json()))
    assert list(specs)[:3] == ["tenkyo", "tennyu", "tenshutsu"]
    assert set(specs) == set(KINDS)
    for code, spec in specs.items():
        kind = KINDS[code]
        assert {f.key for f in spec.notice_fields} == kind.fields - {"kind", "persons", "remaining"}
        assert {f.key for f in spec.person_fields} == kind.person_fields
        assert spec.has_remaining == ("remaining" in kind.fields)
        assert [f.key for f in spec.notice_fields] == [k for k in NOTICE_ORDER if k in kind.fields]
        assert [f.key for f in spec.person_fields] == [k for k in PERSON_ORDER if k in kind.person_fields]
        assert all(f.required == (f.key in kind.required) for f in spec.notice_fields)


def test_tenkyo_and_tennyu() -> None:
    specs = form_specs(kinds_of(kinds_json()))
    tenkyo = specs["tenkyo"]
    assert [f.key for f in tenkyo.notice_fields] == [
        "notified_on", "notifier_name", "notifier_relationship", "move_date", "address",
        "household", "late_reason"]
    assert tenkyo.existing_persons and tenkyo.household_modes == ("same", "new", "existing")
    tennyu = specs["tennyu"]
    assert not tennyu.existing_persons
    assert [f.key for f in tennyu.person_fields][:6] == [
        "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex"]
    kinds = {f.key: f.input for f in tennyu.person_fields}
    assert kinds["birth_date"] is Input.DATE and kinds["family_name_kana"] is Input.KANA
    assert kinds["relationship"] is Input.RELATIONSHIP
    assert tennyu.notice_field("address") is not None and tennyu.notice_field("address").required  # type: ignore[union-attr]
    assert tennyu.title == "転入"


def test_an_item_the_terminal_does_not_know_is_shown_last() -> None:
    raw = kinds_json()
    tenkyo = next(k for k in raw["kinds"] if k["code"] == "tenkyo")
    tenkyo["fields"].append("zz_new_item")
    spec = form_spec(next(k for k in kinds_of(raw).kinds if k.code == "tenkyo"), raw["labels"])
    assert spec.notice_fields[-1].key == "zz_new_item"
    assert spec.notice_fields[-1].input is Input.TEXT


def test_relationship_choices_cover_the_domain_list_once() -> None:
    assert RELATIONSHIP_CHOICES[0] == "世帯主"
    assert sorted(RELATIONSHIP_CHOICES) == sorted(RELATIONSHIPS)
