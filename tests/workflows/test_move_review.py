"""The review rows the clerk compares with the paper form: the notice as sent, each person's
changes before → after, the households, and each warning on the row it names."""

from __future__ import annotations

import pytest

from app.domain.move_fields import LABELS
from app.registry_api import review_of
from app.workflows.dates import readable
from app.workflows.move_review import NOTICE, review_rows
from tests.workflows.fakes import review_json

pytestmark = [pytest.mark.terminal]


def test_rows_with_warnings_in_place() -> None:
    review = review_of(review_json(warnings=[
        {"code": "late_notification", "message": "期間経過です。", "field": "late_reason"},
        {"code": "possible_duplicate", "message": "同じ方がいます。", "field": "persons[0]"},
        {"code": "household_dissolved", "message": "世帯員がいなくなります。", "field": None},
    ]))
    body = {"kind": "tenkyo", "notified_on": "2025-02-13", "move_date": "2025-02-10",
            "late_reason": "入院", "address": {"town_code": "001000"}, "persons": [{"id": "1"}]}
    rows = review_rows(review, body, LABELS)
    notice = {r.label: r for r in rows if r.who == NOTICE}
    assert notice["異動日"].after == "令和7年2月10日"
    assert notice["届出が遅れた理由"].note == "期間経過です。"
    person = [r for r in rows if r.who.startswith("試験")]
    assert person[0].label == "異動事由" and person[0].note == "同じ方がいます。"
    assert (person[1].label, person[1].before, person[1].after) == (
        "住所", "大阪府寝屋川市池田本町1-2", "大阪府寝屋川市成田東町3-4")
    household = next(r for r in rows if r.label == "世帯員")
    assert household.before == household.after == "試験　一郎（世帯主）"
    assert rows[-1].note == "世帯員がいなくなります。"
    assert sum(1 for r in rows if r.note) == 3  # each warning once


def _person(ref: str, person_id: str | None, action: str) -> dict[str, object]:
    person = review_json()["persons"][0]
    return {**person, "ref": ref, "id": person_id, "action": action}


def test_a_warning_at_a_request_path_lands_on_the_person_the_registry_names_by_ref() -> None:
    """The registry names persons by 宛名番号 (or new-N), warnings by the request's path."""
    raw = review_json(warnings=[
        {"code": "possible_duplicate", "message": "二人目に注意。", "field": "persons[1]"},
        {"code": "x", "message": "一人目の続柄。", "field": "persons[0].relationship"},
    ])
    raw["persons"] = [_person("new-1", None, "create"), _person("new-2", None, "create")]
    body = {"kind": "tennyu", "persons": [{"family_name": "試験"}, {"family_name": "試験"}]}
    notes = [r.note for r in review_rows(review_of(raw), body, LABELS) if r.label == "異動事由"]
    assert notes == ["一人目の続柄。", "二人目に注意。"]
    raw["persons"] = [_person("0000000002", "0000000002", "update"),
                      _person("0000000001", "0000000001", "update")]
    body = {"kind": "tenkyo", "persons": [{"id": "0000000001"}, {"id": "0000000002"}]}
    notes = [r.note for r in review_rows(review_of(raw), body, LABELS) if r.label == "異動事由"]
    assert notes == ["二人目に注意。", "一人目の続柄。"]  # matched by 宛名番号, not by position


def test_dates_in_the_registrys_diff_read_as_wareki() -> None:
    raw = review_json()
    raw["persons"][0]["changes"].append(
        {"field": "address_set_on", "label": "住所を定めた日", "before": "1997-01-06", "after": "2026-11-26"})
    rows = review_rows(review_of(raw), {"persons": [{"id": "0000000001"}]}, LABELS)
    row = next(r for r in rows if r.label == "住所を定めた日")
    assert (row.before, row.after) == ("平成9年1月6日", "令和8年11月26日")
    assert readable("大阪府寝屋川市成田東町5-6") == "大阪府寝屋川市成田東町5-6"
    assert readable("2026-13-01") == "2026-13-01" and readable(None) is None
