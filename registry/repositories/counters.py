"""Numbers the register hands out: 宛名番号, 世帯番号 and the 更新順番号 of outbound notices.

On PostgreSQL, 宛名番号 and 世帯番号 come from sequences: nextval never waits for another
transaction, so concurrent commits do not queue behind each other (a rolled-back commit leaves
a gap, as a deleted draft does in the city's own numbering). Elsewhere, and for the 更新順番号
always, a counter row is advanced by one UPDATE ... RETURNING, whose row lock orders the
takers; SQLite admits one writer at a time anyway."""

from __future__ import annotations

from typing import Final

from sqlalchemy import Connection, String, bindparam, cast, func, select, text, update
from sqlalchemy.orm import Session

from registry.models import Counter, Household, Person
from registry.models.base import table_of

ATENA: Final = "atena"
HOUSEHOLD: Final = "household"
NOTICE: Final = "notice"
SEQUENCES: Final = {ATENA: "atena_number_seq", HOUSEHOLD: "household_number_seq"}
_C = table_of(Counter)
ADVANCE: Final = (
    update(_C)
    .where(_C.c.name == bindparam("counter"))
    .values(value=_C.c.value + bindparam("n"))
    .returning(_C.c.value)
)
NEXTVAL: Final = {
    name: text(f"SELECT nextval('{seq}') FROM generate_series(1, :n)")
    for name, seq in SEQUENCES.items()
}
# The next number as the text the register stores, for an INSERT to take in the same statement
# (PostgreSQL only; the sequences run from 10 digits to 10 digits, so no padding is needed).
NEXT_IN_STATEMENT: Final = {
    name: cast(func.nextval(seq), String(10)) for name, seq in SEQUENCES.items()
}


def in_statement(conn: Connection) -> bool:
    """Whether new 宛名番号 and 世帯番号 are drawn inside the INSERT (NEXT_IN_STATEMENT)."""
    return conn.dialect.name == "postgresql"


def take(session: Session, name: str, count: int = 1) -> list[int]:
    """`count` new numbers from the counter `name`, in increasing order."""
    if count < 1:
        return []
    conn = session.connection()
    if name in NEXTVAL and conn.dialect.name == "postgresql":
        return list(conn.execute(NEXTVAL[name], {"n": count}).scalars())
    last = conn.execute(ADVANCE, {"counter": name, "n": count}).scalar_one_or_none()
    if last is None:
        raise RuntimeError(f"counter {name!r} is missing: run `madoguchi-registry init`")
    return list(range(last - count + 1, last + 1))


def catch_up(session: Session) -> None:
    """After a bulk load: move the number counters past every number now in the register."""
    atena = session.scalar(select(func.max(Person.atena_number)))
    household = session.scalar(select(func.max(Household.household_number)))
    postgres = session.get_bind().dialect.name == "postgresql"
    for name, highest in ((ATENA, atena), (HOUSEHOLD, household)):
        if highest is None:
            continue
        session.execute(
            update(Counter).where(Counter.name == name, Counter.value < int(highest)).values(value=int(highest))
        )
        if postgres:
            session.execute(
                text(f"SELECT setval('{SEQUENCES[name]}', GREATEST(:n, (SELECT last_value FROM {SEQUENCES[name]})))"),
                {"n": int(highest)},
            )
