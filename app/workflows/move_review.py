"""The review of a draft as rows the clerk reads against the paper form: the notice's items as
sent, then per person every item that changes (before → after), then each household's members
before and after; each warning of the draft on the row of the item it names."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from app.registry_api import HouseholdMember, MoveReview
from app.workflows.dates import format_date, readable

NOTICE: Final = "届出"
NEW_HOUSEHOLD: Final = "新しい世帯"
ACTIONS: Final = {"create": "記載", "update": "変更", "remove": "消除", "dissolve": "解消"}
_SHOWN_LATER: Final = frozenset({"kind", "persons", "remaining", "address", "household"})


@dataclass(frozen=True, slots=True)
class ReviewRow:
    who: str  # 届出, a person's name, or a household
    label: str  # the item (Japanese)
    before: str | None
    after: str | None
    note: str = ""  # the draft's warnings about this item

    @property
    def is_warning(self) -> bool:
        return bool(self.note)


def _value(value: Any) -> str:
    if isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value)) if len(value) == 10 and value[4] == "-" else value
        except ValueError:
            return value
    if isinstance(value, Mapping):
        return "　".join(str(v) for v in value.values() if v)
    return "" if value is None else str(value)


def _members(members: tuple[HouseholdMember, ...]) -> str:
    return "、".join(f"{m.name}（{m.relationship}）" for m in members)


def _person_paths(review: MoveReview, body: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """The request paths (persons[i], remaining[j]) of each person of the review, by ref.

    The review names a person by 宛名番号 (or new-N for one the commit creates), a warning by
    the request's path: persons already in the register are matched by 宛名番号; persons an
    arrival brings, who have none yet, come in the review in the order of the request."""
    paths: dict[str, list[str]] = {}
    arrivals: list[str] = []
    for key in ("persons", "remaining"):
        for i, item in enumerate(body.get(key) or ()):
            if isinstance(item, Mapping) and item.get("id"):
                paths.setdefault(str(item["id"]), []).append(f"{key}[{i}]")
            elif key == "persons":
                arrivals.append(f"persons[{i}]")
    created = [p.ref for p in review.persons if p.ref not in paths]
    for ref, path in zip(created, arrivals, strict=False):
        paths.setdefault(ref, []).append(path)
    return {ref: tuple(found) for ref, found in paths.items()}


def review_rows(review: MoveReview, body: Mapping[str, Any],
                labels: Mapping[str, str]) -> list[ReviewRow]:
    warnings = list(review.warnings)
    placed: set[int] = set()

    def notes_for(match: Any) -> str:
        hits = [i for i, w in enumerate(warnings) if match(w.field)]
        placed.update(hits)
        return "\n".join(warnings[i].message for i in hits)

    rows = [ReviewRow(NOTICE, labels.get("kind", "異動の種別"), None, review.change_reason)]
    for key, value in body.items():
        if key in _SHOWN_LATER:
            continue
        rows.append(ReviewRow(NOTICE, labels.get(key, key), None, _value(value),
                              notes_for(lambda f, k=key: f == k)))
    if review.late_notification:
        rows.append(ReviewRow(NOTICE, "期間経過", None, "はい"))
    paths = _person_paths(review, body)
    for person in review.persons:
        who = f"{person.after.name.full}（{ACTIONS.get(person.action, person.action)}）"
        names = {person.ref, *paths.get(person.ref, ())}
        note = notes_for(lambda f, names=names: f is not None and any(
            f == n or f.startswith(n + ".") for n in names))
        rows.append(ReviewRow(who, "異動事由", None, person.change_reason, note))
        rows += [ReviewRow(who, c.label, readable(c.before), readable(c.after)) for c in person.changes]
    for household in review.households:
        who = f"世帯番号 {household.household_number}" if household.household_number else NEW_HOUSEHOLD
        rows.append(ReviewRow(who, "世帯員", _members(household.members_before) or None,
                              _members(household.members_after) or None,
                              ACTIONS.get(household.action, "") if household.action == "dissolve" else ""))
    rest = [w for i, w in enumerate(warnings) if i not in placed]
    rows += [ReviewRow(NOTICE, labels.get(w.field or "", "注意"), None, None, w.message) for w in rest]
    return rows
