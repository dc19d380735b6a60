"""Households as a move leaves them: every household it touches is rebuilt from its current
members and the persons moving in, out or within, then checked as a whole (one head, 続柄
that fit the head, one address), so the household rules hold for every kind alike."""

from __future__ import annotations

from typing import Protocol

from app.domain.errors import DomainError
from app.domain.relationships import HEAD, Member, check_household
from registry.moves import records
from registry.moves.loader import RegisterReader
from registry.moves.plan import NEW_HOUSEHOLD, household_key
from registry.moves.records import State
from registry.moves.request import MoveRequest
from registry.moves.subjects import HouseholdView, Subject, member_view


class Context(Protocol):
    read: RegisterReader
    req: MoveRequest

    def warn(self, code: str, message: str, path: str | None = None) -> None: ...


def rebuild(ctx: Context, subjects: list[Subject], remaining: list[Subject]) -> list[HouseholdView]:
    """Every household the move touches, as it will stand, checked as a whole."""
    affected: dict[str, None] = {}
    for s in subjects:
        if s.current is not None and s.current.resident:
            affected[household_key(s.current.version.household_id)] = None
        if s.resident_after:
            affected[s.household] = None
    for r in remaining:
        if r.household not in affected:
            raise DomainError(
                "not_in_affected_household",
                "残る世帯員の指定は、この届出で変わる世帯の方だけです。",
                field=f"{r.path}.id",
            )
    changed = {s.current.person.id: s for s in subjects + remaining if s.current is not None}
    views = [_rebuild(ctx, key, subjects + remaining, changed) for key in affected]
    if ctx.req.kind.code == "setainushi_henko":
        _check_head_change(subjects, views)
    return views

def _rebuild(ctx: Context, key: str, movers: list[Subject], changed: dict[int, Subject]) -> HouseholdView:
    base = [] if key == NEW_HOUSEHOLD else ctx.read.members(int(key[3:]))
    number = None if key == NEW_HOUSEHOLD else ctx.read.household(int(key[3:])).household_number
    version = None if key == NEW_HOUSEHOLD else ctx.read.household(int(key[3:])).version
    after: list[tuple[str, str | None, State]] = [
        (c.person.atena_number, c.person.atena_number, records.of_version(c.version))
        for c in base
        if c.person.id not in changed
    ]
    after += [
        (s.path, s.current.person.atena_number if s.current else None, s.state)
        for s in movers
        if s.resident_after and s.household == key
    ]
    name = f"世帯（世帯番号 {number}）" if number else "新しい世帯"
    addresses = {records.address_of(state) for _, _, state in after}
    if len(addresses) > 1:
        culprit = next((ref for ref, _, _ in after if ref.startswith("persons")), after[0][0])
        raise DomainError(
            "household_address_mismatch",
            f"{name}の世帯員の住所が一致しません。世帯の一部の方の転居は、新しい世帯か転居先の世帯を指定してください。",
            field=culprit,
        )
    check_household(
        (Member(ref, state["relationship"], state["birth_date"]) for ref, _, state in after), name
    )
    before_heads = [c.person.id for c in base if c.version.is_head]
    after_heads = [s.current.person.id if s.current else None for s in movers
                   if s.resident_after and s.household == key and s.state["is_head"]]
    after_heads += [c.person.id for c in base if c.person.id not in changed and c.version.is_head]
    if base and before_heads != after_heads:
        for s in movers:
            if s.path.startswith("remaining") and s.household == key:
                s.state["change_reason"] = "世帯主変更"
    if base and not after:
        ctx.warn("household_dissolved", f"{name}には世帯員がいなくなります。")
    return HouseholdView(
        key, number, version,
        before=[member_view(c.person.atena_number, c.person.atena_number, records.of_version(c.version)) for c in base],
        after=[member_view(ref, atena, state) for ref, atena, state in after],
    )

def _check_head_change(subjects: list[Subject], views: list[HouseholdView]) -> None:
    if len(views) != 1:
        raise DomainError(
            "household_mismatch", "世帯主変更は一つの世帯の世帯員について届け出てください。", field="persons"
        )
    view = views[0]
    listed = {s.ref for s in subjects}
    missing = [m for m in view.before if m.atena_number not in listed]
    if missing:
        raise DomainError(
            "household_members_incomplete",
            "世帯主変更では世帯員全員の続柄を入力してください。",
            field="persons",
        )
    old_head = next((m.atena_number for m in view.before if m.relationship == HEAD), None)
    new_head = next((s.ref for s in subjects if s.state["is_head"]), None)
    if old_head == new_head:
        raise DomainError("head_unchanged", "世帯主が変わっていません。", field="persons")
