"""A person's record as a plain mapping of the version columns a move can set, and the rows a
commit writes from it (with the matching keys computed by the same code as seeding)."""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from registry.models import PersonVersion
from registry.repositories.keys import address_column, name_columns

State = dict[str, Any]

STATE_COLUMNS: Final = (
    "change_reason", "change_date", "notified_on", "late_notification", "late_reason",
    "family_name", "given_name", "family_name_kana", "given_name_kana",
    "birth_date", "sex", "resident_type",
    "household_id", "relationship", "is_head",
    "became_resident_on", "became_resident_notified_on",
    "address_set_on", "address_set_notified_on",
    "town_code", "address_detail", "building", "previous_address", "moved_out_to",
    "honseki", "hittosha", "removed_on", "removal_reason",
    "old_surname", "old_surname_kana", "old_surname_romaji",
    "nationality", "residence_status", "residence_expiry", "residence_card_number",
    "alias_name", "alias_name_kana", "article_30_45",
    "processing_stop",
)
DATE_COLUMNS: Final = frozenset(
    {"change_date", "notified_on", "birth_date", "became_resident_on",
     "became_resident_notified_on", "address_set_on", "address_set_notified_on", "removed_on",
     "residence_expiry"}
)
# The 本人確認情報 items (別添1 file 2): a change to any of them is notified to 住基ネット.
NOTICE_ITEMS: Final = (
    "family_name", "given_name", "family_name_kana", "given_name_kana", "birth_date", "sex",
    "town_code", "address_detail", "building", "removed_on",
    "old_surname", "old_surname_kana", "old_surname_romaji", "alias_name", "alias_name_kana",
)
ADDRESS_ITEMS: Final = ("town_code", "address_detail", "building")


def blank() -> State:
    state: State = dict.fromkeys(STATE_COLUMNS)
    state["late_notification"] = False
    state["processing_stop"] = False
    return state


def of_version(v: PersonVersion) -> State:
    return {c: getattr(v, c) for c in STATE_COLUMNS}


def to_json(state: State) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in state.items()}


def from_json(data: dict[str, Any]) -> State:
    state = blank()
    for key, value in data.items():
        if key not in state:
            raise ValueError(f"unknown record column {key!r}")
        state[key] = date.fromisoformat(value) if key in DATE_COLUMNS and value else value
    return state


def address_of(state: State) -> tuple[Any, ...]:
    return tuple(state[k] for k in ADDRESS_ITEMS)


def notice_changed(before: State | None, after: State) -> bool:
    return before is None or any(before[k] != after[k] for k in NOTICE_ITEMS)


def keys_of(state: State, town_name: str) -> dict[str, Any]:
    """The matching keys and 清音化 kana of a state (registry.repositories.keys)."""
    names = name_columns(
        state["family_name"], state["given_name"], state["family_name_kana"],
        state["given_name_kana"], state["alias_name"], state["alias_name_kana"],
    )
    return {**names, "address_key": address_column(town_name, state["address_detail"])}


def version_row(state: State, town_name: str, keys: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every column of a new person_versions row but its ids, version and bookkeeping. `keys`:
    keys_of(state, town_name), if computed already (a draft computes them for its commit)."""
    return {**state, **(keys if keys is not None else keys_of(state, town_name))}


def transient_version(state: State) -> PersonVersion:
    """An unsaved PersonVersion carrying `state`, so the API's views of a record apply to a
    planned state exactly as to a stored one."""
    return PersonVersion(**state)
