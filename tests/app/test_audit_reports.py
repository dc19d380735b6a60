"""What a supervisor types in the 監査 workspace, as the registry's query."""

from __future__ import annotations

import pytest

from app.audit_reports import entry_of, query_of
from app.workflows.errors import FieldErrors

pytestmark = pytest.mark.terminal


def test_a_resident_and_a_period_of_whole_days_in_japan_time() -> None:
    query = query_of({"resident": " １０００００００１９ ", "since": "R7.11.1", "until": "2025-11-30"})
    assert query == {"resident": "1000000019", "since": "2025-11-01T00:00:00+09:00",
                     "until": "2025-12-01T00:00:00+09:00"}


def test_a_staff_member_alone() -> None:
    assert query_of({"staff_id": "t-clerk"}) == {"staff_id": "t-clerk"}


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({}, "resident", "宛名番号か職員IDを入力してください。"),
        ({"resident": "12345"}, "resident", "宛名番号は10桁の数字で入力してください。"),
        ({"staff_id": "山田"}, "staff_id", "職員IDは英数字と - _ . の2〜40文字です。"),
        ({"staff_id": "t-clerk", "since": "2025-02-30"}, "since", None),
        ({"staff_id": "t-clerk", "since": "R7.12.1", "until": "R7.11.1"}, "until", "期間の終わりが始まりより前です。"),
    ],
)
def test_what_cannot_be_asked(values: dict[str, str], field: str, message: str | None) -> None:
    with pytest.raises(FieldErrors) as refused:
        query_of(values)
    assert field in refused.value.errors
    if message is not None:
        assert refused.value.errors[field] == message


def test_an_entry_from_the_registry() -> None:
    entry = entry_of({"id": 7, "at": "2026-11-30T04:21:33.1Z", "staff_id": "t-clerk", "terminal_id": "t1",
                      "action": "resident.read", "result": "ok", "number_access": True, "reference": None,
                      "approver_id": None, "detail": None, "targets": ["1000000019"]})
    assert entry.at.utcoffset() is not None and entry.targets == ("1000000019",) and entry.number_access
