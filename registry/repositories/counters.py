"""Numbers the register hands out: 宛名番号, 世帯番号 and the 更新順番号 of outbound notices.

`take` advances a counter with one UPDATE ... RETURNING. The row stays locked until the
transaction ends, so numbers come out in commit order; callers take the `notice` number last,
just before committing, to keep that lock short."""

from __future__ import annotations

from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from registry.models import Counter, Household, Person

ATENA: Final = "atena"
HOUSEHOLD: Final = "household"
NOTICE: Final = "notice"


def take(session: Session, name: str, count: int = 1) -> list[int]:
    """`count` consecutive numbers from the counter `name`."""
    last = session.execute(
        update(Counter)
        .where(Counter.name == name)
        .values(value=Counter.value + count)
        .returning(Counter.value)
    ).scalar_one_or_none()
    if last is None:
        raise RuntimeError(f"counter {name!r} is missing: run `madoguchi-registry init`")
    return list(range(last - count + 1, last + 1))


def catch_up(session: Session) -> None:
    """After a bulk load: move the number counters past every number now in the register."""
    atena = session.scalar(select(func.max(Person.atena_number)))
    household = session.scalar(select(func.max(Household.household_number)))
    for name, highest in ((ATENA, atena), (HOUSEHOLD, household)):
        if highest is not None:
            session.execute(
                update(Counter)
                .where(Counter.name == name, Counter.value < int(highest))
                .values(value=int(highest))
            )
