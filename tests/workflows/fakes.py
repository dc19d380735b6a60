"""A fake registry for the flow tests: answers are plain dicts in the API's JSON shapes, parsed
by the same functions that parse the real answers. Synthetic people only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.move_fields import LABELS
from app.domain.move_kinds import HOUSEHOLD_MODES, KINDS
from app.domain.search_rule import SearchCriteria
from app.registry_api import (
    HistoryEntry,
    Household,
    MoveKinds,
    MoveResult,
    MoveReview,
    ResidentRecord,
    SearchPage,
    Town,
    household_of,
    kinds_of,
    person_of,
    record_of,
    result_of,
    review_of,
    summary_of,
)
from app.registry_client import RegistryError

HOUSEHOLD = "0000000101"


def person_json(family: str = "試験", given: str = "一郎", *, kana: tuple[str, str] = ("シケン", "イチロウ"),
                birth: str = "1980-02-17", sex: str = "1", relationship: str = "世帯主",
                town: tuple[str, str, str] = ("029000", "池田本町", "5720030"),
                detail: str = "1-2", household: str | None = HOUSEHOLD) -> dict[str, Any]:
    return {
        "name": {"family_name": family, "given_name": given, "family_name_kana": kana[0],
                 "given_name_kana": kana[1], "alias_name": None, "alias_name_kana": None},
        "birth_date": birth, "sex": sex, "resident_type": "japanese",
        "address": {"postal_code": town[2], "town_code": town[0], "town_name": town[1],
                    "detail": detail, "building": None,
                    "full": f"大阪府寝屋川市{town[1]}{detail}"},
        "household_number": household, "relationship": relationship,
        "is_head": relationship == "世帯主", "removed_on": None, "removal_reason": None,
        "processing_stop": False,
    }


def summary_json(resident_id: str, **kw: Any) -> dict[str, Any]:
    return {**person_json(**kw), "id": resident_id, "status": "resident"}


def info_json(version: int = 1, reason: str = "転入") -> dict[str, Any]:
    return {"version": version, "change_reason": reason, "change_date": "2020-04-01",
            "notified_on": "2020-04-03", "late_notification": False, "late_reason": None,
            "recorded_at": "2020-04-03T01:00:00Z", "operator_id": "t-clerk", "terminal_id": "t"}


def record_json(resident_id: str, number: str | None = None, **kw: Any) -> dict[str, Any]:
    state = {**person_json(**kw), "became_resident_on": "2020-04-01", "became_resident_notified_on": None,
             "address_set_on": "2020-04-01", "address_set_notified_on": None,
             "previous_address": None, "moved_out_to": None, "honseki": "大阪府寝屋川市池田本町1",
             "hittosha": "試験 一郎", "old_surname": None, "old_surname_kana": None,
             "old_surname_romaji": None, "nationality": None, "residence_status": None,
             "residence_expiry": None, "residence_card_number": None, "article_30_45": None}
    return {"id": resident_id, "resident_code": "12345678901", "status": "resident",
            "current": info_json(), "record": state, "individual_number": number}


def kinds_json() -> dict[str, Any]:
    return {
        "kinds": [
            {"code": k.code, "change_reason": k.reason, "group": k.group.value,
             "notified": k.notified, "fields": sorted(k.fields), "required": sorted(k.required),
             "person_fields": sorted(k.person_fields), "person_required": sorted(k.person_required),
             "household_modes": sorted(HOUSEHOLD_MODES.get(k.code, ()))}
            for k in KINDS.values()
        ],
        "labels": LABELS,
    }


def review_json(move_id: str = "a" * 32, *, before: dict[str, Any] | None = None,
                after: dict[str, Any] | None = None, person_id: str | None = "0000000001",
                warnings: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    before = before if before is not None else person_json()
    after = after if after is not None else person_json(town=("001000", "成田東町", "5720001"),
                                                        detail="3-4")
    return {
        "id": move_id, "kind": "tenkyo", "change_reason": "転居", "status": "draft",
        "created_at": "2025-02-13T01:00:00Z", "expires_at": "2025-02-13T02:00:00Z",
        "move_date": "2025-02-10", "notified_on": "2025-02-13", "late_notification": False,
        "persons": [{
            "ref": "persons[0]", "id": person_id, "action": "update", "change_reason": "転居",
            "version": 2, "before": before, "after": after, "notice": True,
            "changes": [{"field": "address.full", "label": "住所",
                         "before": before["address"]["full"], "after": after["address"]["full"]}],
        }],
        "households": [{"household_number": HOUSEHOLD, "action": "update", "version": 1,
                        "members_before": [{"ref": "0000000001", "id": "0000000001",
                                            "name": "試験　一郎", "relationship": "世帯主"}],
                        "members_after": [{"ref": "persons[0]", "id": "0000000001",
                                           "name": "試験　一郎", "relationship": "世帯主"}]}],
        "warnings": warnings or [],
    }


def result_json(move_id: str = "a" * 32) -> dict[str, Any]:
    return {"id": move_id, "kind": "tenkyo", "status": "committed",
            "committed_at": "2025-02-13T01:01:00Z",
            "persons": [{"ref": "persons[0]", "id": "0000000001", "resident_code": "12345678901",
                         "version": 2, "change_reason": "転居", "notice": True}],
            "households": [{"household_number": HOUSEHOLD, "version": 2}], "notices": 1,
            "transfer_certificates": []}


def refusal(code: str, status: int = 422, message: str = "だめです。",
            field: str | None = None) -> RegistryError:
    error = RegistryError(code, status, message)
    if field is not None:
        error.field = field  # type: ignore[attr-defined]  # what the client will keep
    return error


class FakeApi:
    """Records every call; answers from the dicts it is given, or raises what is queued."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.errors: dict[str, list[Exception]] = {}
        self.search_pages: list[dict[str, Any]] = []
        self.records: dict[str, dict[str, Any]] = {}
        self.households: dict[str, dict[str, Any]] = {}
        self.reviews: list[dict[str, Any]] = [review_json()]
        self.result = result_json()
        self.town_list: list[Town] | None = None

    def _raise(self, name: str) -> None:
        queued = self.errors.get(name)
        if queued:
            raise queued.pop(0)

    def search(self, criteria: SearchCriteria, *, limit: int = 20, offset: int = 0,
               include_removed: bool = False) -> SearchPage:
        self.calls.append(("search", (criteria, limit, offset)))
        self._raise("search")
        page = self.search_pages.pop(0)
        items = tuple(summary_of(i) for i in page["items"])
        return SearchPage(items, offset, bool(page.get("has_more")), page.get("next_offset"))

    def resident(self, resident_id: str, *, reveal_number: bool = False) -> ResidentRecord:
        self.calls.append(("resident", (resident_id, reveal_number)))
        self._raise("resident")
        raw = dict(self.records[resident_id])
        if not reveal_number:
            raw["individual_number"] = None
        return record_of(raw)

    def history(self, resident_id: str) -> tuple[HistoryEntry, ...]:
        self.calls.append(("history", resident_id))
        raw = self.records[resident_id]
        return (HistoryEntry(record_of(raw).current, person_of(raw["record"])),)

    def household(self, household_number: str) -> Household:
        self.calls.append(("household", household_number))
        self._raise("household")
        if household_number not in self.households:
            raise refusal("household_not_found", 404)
        return household_of(self.households[household_number])

    def move_kinds(self) -> MoveKinds:
        self.calls.append(("move_kinds", None))
        return kinds_of(kinds_json())

    def towns(self) -> tuple[Town, ...]:
        self._raise("towns")
        if self.town_list is None:
            raise refusal("not_found", 404)
        return tuple(self.town_list)

    def create_move(self, body: Mapping[str, Any], *, idempotency_key: str) -> MoveReview:
        self.calls.append(("create_move", (dict(body), idempotency_key)))
        self._raise("create_move")
        return review_of(self.reviews[0] if len(self.reviews) == 1 else self.reviews.pop(0))

    def commit_move(self, move_id: str, *, idempotency_key: str) -> MoveResult:
        self.calls.append(("commit_move", (move_id, idempotency_key)))
        self._raise("commit_move")
        return result_of(self.result)

    def discard_move(self, move_id: str) -> None:
        self.calls.append(("discard_move", move_id))

    def called(self, name: str) -> list[Any]:
        return [args for call, args in self.calls if call == name]
