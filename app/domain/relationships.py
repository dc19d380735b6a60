"""続柄 (relationship to the head of household) and the rules a household's composition must
satisfy after any move: one head, relationships that fit the head."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Final

from app.domain.errors import DomainError

HEAD: Final = "世帯主"

SPOUSES: Final = frozenset({"妻", "夫", "妻（未届）", "夫（未届）"})
# Relatives who are necessarily of a younger generation than the head (an adoptee may not be
# older than the adopter, 民法793条) and those necessarily of an older one.
YOUNGER: Final = frozenset({"子", "孫", "曾孫", "子の妻", "子の夫", "孫の妻", "孫の夫"})
YOUNGER_BY_BIRTH: Final = frozenset({"子", "孫", "曾孫"})
OLDER_BY_BIRTH: Final = frozenset({"父", "母", "祖父", "祖母"})
# At most one person can stand in each of these relations to one head.
SINGULAR: Final = frozenset(
    {"父", "母", "妻の父", "妻の母", "夫の父", "夫の母"}
)

RELATIONSHIPS: Final = frozenset(
    {
        HEAD,
        *SPOUSES,
        *YOUNGER,
        *OLDER_BY_BIRTH,
        "妻の子", "夫の子",
        "妻の父", "妻の母", "夫の父", "夫の母",
        "兄", "姉", "弟", "妹",
        "兄の妻", "弟の妻", "姉の夫", "妹の夫",
        "父の妻", "母の夫",
        "伯父", "叔父", "伯母", "叔母", "おじ", "おば",
        "甥", "姪", "いとこ",
        "縁故者", "同居人",
    }
)


@dataclass(frozen=True)
class Member:
    """One member of a household as it will stand after a move; `ref` names them in errors."""

    ref: str
    relationship: str
    birth_date: date


def validate_relationship(value: str, field: str) -> str:
    text = value.strip()
    if text not in RELATIONSHIPS:
        raise DomainError(
            "invalid_relationship", f"続柄「{text[:20]}」は使用できません。", field=field
        )
    return text


def check_household(members: Iterable[Member], household: str) -> None:
    """Raise DomainError unless the members form a valid household: exactly one 世帯主, at most
    one spouse and one of each parent, and generations that fit the head's birth date.

    `household` names the household in the message (its number, or 新しい世帯)."""
    people = list(members)
    if not people:
        return
    heads = [m for m in people if m.relationship == HEAD]
    if not heads:
        raise DomainError(
            "household_without_head", f"{household}に世帯主がいません。世帯主を指定してください。"
        )
    if len(heads) > 1:
        raise DomainError(
            "household_multiple_heads",
            f"{household}に世帯主が{len(heads)}人います。世帯主は一人です。",
            field=heads[1].ref,
        )
    head = heads[0]
    counts = Counter(m.relationship for m in people)
    if sum(counts[s] for s in SPOUSES) > 1:
        raise _inconsistent(household, "配偶者（妻・夫）は一人までです。", _first(people, SPOUSES))
    for rel in SINGULAR:
        if counts[rel] > 1:
            raise _inconsistent(household, f"続柄「{rel}」は一人までです。", _first(people, {rel}))
    for m in people:
        if m.relationship in YOUNGER_BY_BIRTH and m.birth_date <= head.birth_date:
            raise _inconsistent(
                household, f"続柄「{m.relationship}」の方が世帯主より年長です。", m.ref
            )
        if m.relationship in OLDER_BY_BIRTH and m.birth_date >= head.birth_date:
            raise _inconsistent(
                household, f"続柄「{m.relationship}」の方が世帯主より年少です。", m.ref
            )


def _first(people: list[Member], relations: Iterable[str]) -> str:
    wanted = set(relations)
    return next(m.ref for m in reversed(people) if m.relationship in wanted)


def _inconsistent(household: str, detail: str, ref: str) -> DomainError:
    return DomainError("relationship_inconsistent", f"{household}の続柄が矛盾しています。{detail}", field=ref)
