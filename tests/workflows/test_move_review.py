"""The review rows the clerk compares with the paper form: the notice as sent, each person's
changes before → after, the households, and each warning on the row it names."""

from __future__ import annotations

import pytest

from app.domain.move_fields import LABELS
from app.registry_api import review_of
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
