"""How the 監査 workspace writes a row: whom it concerns, and what was done."""

from __future__ import annotations

import pytest

from ui.audit.workspace import action_text, targets_text

pytestmark = [pytest.mark.ui, pytest.mark.terminal]

HITS = ("1000000019", "1000000027", "1000000035", "1000000043", "1000000051")


def test_in_a_residents_report_the_others_are_counted_not_named(qapp: object) -> None:
    assert targets_text(HITS, "1000000027") == "この方（ほか 4 名）"
    assert targets_text(("1000000027",), "1000000027") == "この方"


def test_in_a_staff_listing_the_first_few_are_named(qapp: object) -> None:
    assert targets_text(HITS, None) == "1000000019 1000000027 1000000035 ほか 2 名"
    assert targets_text(HITS[:2], None) == "1000000019 1000000027"


def test_actions_in_words(qapp: object) -> None:
    assert action_text("resident.read") == "住民記録の閲覧"
    assert action_text("denied:GET /v1/audit") == "権限のない操作: GET /v1/audit"
    assert action_text("something.new") == "something.new"
