"""Date rules of a move: the order of move and notice dates, and the 14-day deadline after
which a notice is still accepted but recorded as 期間経過 with its reason (住基法 §22-25)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.errors import DomainError
from app.domain.move_kinds import NOTICE_DEADLINE_DAYS, DateRule, MoveKind
from app.domain.wareki import format_wareki

DEADLINE = timedelta(days=NOTICE_DEADLINE_DAYS)
EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class DateCheck:
    late: bool  # 期間経過
    planned: bool  # a 転出 notified before the move (転出予定)


def check_dates(
    kind: MoveKind,
    move_date: date,
    notified_on: date | None,
    late_reason: str | None,
    today: date,
) -> DateCheck:
    if move_date < EARLIEST:
        raise DomainError("invalid_date", "異動日が古すぎます。", field="move_date")
    if notified_on is not None and notified_on > today:
        raise DomainError(
            "invalid_date", "届出日に将来の日付は指定できません。", field="notified_on"
        )
    if kind.date_rule is DateRule.EX_OFFICIO:
        if move_date > today:
            raise DomainError(
                "invalid_date", "異動日に将来の日付は指定できません。", field="move_date"
            )
        if notified_on is not None and notified_on < move_date:
            raise DomainError(
                "invalid_date", "通知を受けた日が異動日より前になっています。", field="notified_on"
            )
        return DateCheck(late=False, planned=False)
    if notified_on is None:
        raise DomainError("missing_field", "届出日を入力してください。", field="notified_on")
    planned = move_date > notified_on
    if planned and kind.date_rule is DateRule.NOTIFIED:
        raise DomainError(
            "invalid_date",
            f"異動日（{format_wareki(move_date)}）が届出日より後になっています。"
            "この届出は異動の後にしかできません。",
            field="move_date",
        )
    late = notified_on - move_date > DEADLINE
    if late and not (late_reason and late_reason.strip()):
        raise DomainError(
            "late_notification_reason_required",
            f"異動日から{NOTICE_DEADLINE_DAYS}日を過ぎた届出です（期間経過）。"
            "届出が遅れた理由を入力してください。",
            field="late_reason",
        )
    if late_reason and not late:
        raise DomainError(
            "field_not_allowed",
            "届出期間内の届出には遅延理由を入力できません。",
            field="late_reason",
        )
    return DateCheck(late=late, planned=planned)
