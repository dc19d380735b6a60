"""The pure move rules the terminal and the registry share."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.move_dates import check_dates
from app.domain.move_fields import LABELS, validate_field
from app.domain.move_kinds import KINDS, NEW_PERSON_FIELDS, DateRule, kind_of
from app.domain.relationships import RELATIONSHIPS, Member, check_household, validate_relationship

pytestmark = pytest.mark.domain

TODAY = date(2026, 11, 29)


def m(ref: str, rel: str, birth: str) -> Member:
    return Member(ref, rel, date.fromisoformat(birth))


def code_of(call: object) -> str:
    with pytest.raises(DomainError) as err:
        call()  # type: ignore[operator]
    return err.value.code


class TestHousehold:
    def test_a_family(self) -> None:
        check_household([m("a", "世帯主", "1970-01-01"), m("b", "妻", "1972-01-01"),
                         m("c", "子", "2000-01-01"), m("d", "母", "1945-01-01")], "世帯")

    def test_empty_household_is_allowed(self) -> None:
        check_household([], "世帯")

    @pytest.mark.parametrize(
        ("members", "code"),
        [
            ([("妻", "1970-01-01")], "household_without_head"),
            ([("世帯主", "1970-01-01"), ("世帯主", "1971-01-01")], "household_multiple_heads"),
            ([("世帯主", "1970-01-01"), ("妻", "1971-01-01"), ("妻（未届）", "1972-01-01")],
             "relationship_inconsistent"),
            ([("世帯主", "1970-01-01"), ("父", "1940-01-01"), ("父", "1941-01-01")], "relationship_inconsistent"),
            ([("世帯主", "1970-01-01"), ("子", "1970-01-01")], "relationship_inconsistent"),
            ([("世帯主", "1970-01-01"), ("祖母", "1980-01-01")], "relationship_inconsistent"),
        ],
    )
    def test_broken_households(self, members: list[tuple[str, str]], code: str) -> None:
        people = [m(f"p{i}", rel, birth) for i, (rel, birth) in enumerate(members)]
        assert code_of(lambda: check_household(people, "世帯")) == code

    def test_the_message_names_the_household(self) -> None:
        with pytest.raises(DomainError) as err:
            check_household([m("x", "子", "2000-01-01")], "世帯（世帯番号 5000000001）")
        assert "5000000001" in err.value.message

    def test_unknown_relationship(self) -> None:
        assert code_of(lambda: validate_relationship("上司", "r")) == "invalid_relationship"
        assert validate_relationship(" 子 ", "r") == "子"

    @given(st.lists(st.sampled_from(sorted(RELATIONSHIPS - {"世帯主"})), max_size=6))
    def test_without_a_head_never_passes(self, rels: list[str]) -> None:
        people = [m(f"p{i}", rel, "1990-01-01") for i, rel in enumerate(rels)]
        if people:
            assert code_of(lambda: check_household(people, "世帯")) == "household_without_head"


class TestDates:
    tennyu = KINDS["tennyu"]
    tenshutsu = KINDS["tenshutsu"]
    shibo = KINDS["shibo"]

    def test_on_time(self) -> None:
        checked = check_dates(self.tennyu, TODAY - timedelta(days=14), TODAY, None, TODAY)
        assert not checked.late and not checked.planned

    def test_late_needs_a_reason(self) -> None:
        move = TODAY - timedelta(days=15)
        assert code_of(lambda: check_dates(self.tennyu, move, TODAY, None, TODAY)) == \
            "late_notification_reason_required"
        assert code_of(lambda: check_dates(self.tennyu, move, TODAY, "  ", TODAY)) == \
            "late_notification_reason_required"
        assert check_dates(self.tennyu, move, TODAY, "入院", TODAY).late

    def test_move_after_notice(self) -> None:
        assert code_of(lambda: check_dates(self.tennyu, TODAY, TODAY - timedelta(days=1), None, TODAY)) == \
            "invalid_date"

    def test_planned_departure(self) -> None:
        checked = check_dates(self.tenshutsu, TODAY + timedelta(days=10), TODAY, None, TODAY)
        assert checked.planned and not checked.late

    def test_notice_in_the_future(self) -> None:
        assert code_of(lambda: check_dates(self.tennyu, TODAY, TODAY + timedelta(days=1), None, TODAY)) == \
            "invalid_date"

    def test_ex_officio_in_the_future(self) -> None:
        assert code_of(lambda: check_dates(self.shibo, TODAY + timedelta(days=1), None, None, TODAY)) == \
            "invalid_date"
        assert not check_dates(self.shibo, TODAY - timedelta(days=400), None, None, TODAY).late

    @given(st.integers(min_value=0, max_value=3000))
    def test_late_exactly_after_fourteen_days(self, days: int) -> None:
        move = TODAY - timedelta(days=days)
        if days > 14:
            assert check_dates(self.tennyu, move, TODAY, "理由", TODAY).late
        else:
            assert not check_dates(self.tennyu, move, TODAY, None, TODAY).late


class TestKinds:
    def test_every_kind_requires_only_items_of_its_form(self) -> None:
        for kind in KINDS.values():
            assert kind.required <= kind.fields, kind.code
            assert kind.person_required <= kind.person_fields, kind.code
            assert kind.notified == (kind.date_rule is not DateRule.EX_OFFICIO)

    def test_every_item_has_a_label(self) -> None:
        items = set().union(*(k.fields | k.person_fields for k in KINDS.values()))
        assert items - {"kind"} <= set(LABELS)

    def test_tenkyo_carries_no_record_items(self) -> None:
        assert not (KINDS["tenkyo"].person_fields & (NEW_PERSON_FIELDS - {"relationship"}))

    def test_unknown_kind(self) -> None:
        assert code_of(lambda: kind_of("hikkoshi")) == "invalid_move_kind"
        assert code_of(lambda: kind_of(None)) == "invalid_move_kind"


class TestFields:
    @pytest.mark.parametrize(
        ("name", "value", "expected"),
        [
            ("family_name_kana", "やまだ", "ヤマダ"),
            ("given_name_kana", "ﾀﾛｳ", "タロウ"),
            ("birth_date", "2000-02-29", date(2000, 2, 29)),
            ("sex", "2", "2"),
            ("residence_card_number", "AB12345678CD", "AB12345678CD"),
            ("building", "  ハイツ１０１  ", "ハイツ１０１"),
        ],
    )
    def test_normalised(self, name: str, value: str, expected: object) -> None:
        assert validate_field(name, value, name) == expected

    @pytest.mark.parametrize(
        ("name", "value", "code"),
        [
            ("family_name_kana", "Yamada", "invalid_kana"),
            ("birth_date", "2001-02-29", "invalid_date"),
            ("birth_date", 20010101, "invalid_date"),
            ("residence_card_number", "ab12345678cd", "invalid_residence_card_number"),
            ("article_30_45", "観光客", "invalid_article_30_45"),
            ("family_name", 12, "invalid_type"),
            ("mystery", "x", "field_not_allowed"),
        ],
    )
    def test_refused(self, name: str, value: object, code: str) -> None:
        assert code_of(lambda: validate_field(name, value, f"persons[0].{name}")) == code
