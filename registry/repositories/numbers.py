"""The only way to read or look up an individual number: every call writes an access-log row
in the same transaction, so a read that is not logged cannot happen (seed l.899-901)."""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from registry.bulk import bulk_insert
from registry.models import IndividualNumber, NumberAccessLog
from registry.models.base import table_of
from registry.repositories.actor import Actor

# What the log says when the terminal sent no purpose of its own.
DEFAULT_PURPOSES = {
    "reveal": "個人番号の表示",
    "search": "個人番号による検索",
    "assign": "個人番号の記録",
    "export": "住基ネットへの通知",
    "check": "個人番号の照合",
}


def purpose_of(actor: Actor, action: str) -> str:
    return actor.purpose or DEFAULT_PURPOSES.get(action, "住民記録の事務")


def _log(session: Session, person_id: int | None, action: str, actor: Actor) -> None:
    session.add(
        NumberAccessLog(
            person_id=person_id,
            action=action,
            purpose=purpose_of(actor, action),
            staff_id=actor.staff_id,
            terminal_id=actor.terminal_id,
        )
    )


def reveal(session: Session, person_id: int, actor: Actor) -> str | None:
    """The person's individual number, logged as a reveal."""
    number = session.scalar(
        select(IndividualNumber.number).where(IndividualNumber.person_id == person_id)
    )
    _log(session, person_id, "reveal", actor)
    return number


def matches(session: Session, person_id: int, presented: str, actor: Actor) -> bool:
    """Whether `presented` is the person's number, logged as a check; the number itself never
    leaves this function."""
    registered = session.scalar(
        select(IndividualNumber.number).where(IndividualNumber.person_id == person_id)
    )
    _log(session, person_id, "check", actor)
    return registered is not None and secrets.compare_digest(registered, presented)


def person_for_number(session: Session, number: str, actor: Actor) -> int | None:
    """The person holding `number`, logged as a search whether or not anyone matched."""
    person_id = session.scalar(
        select(IndividualNumber.person_id).where(IndividualNumber.number == number)
    )
    _log(session, person_id, "search", actor)
    return person_id


def assign(session: Session, person_id: int, number: str, actor: Actor) -> None:
    session.add(IndividualNumber(person_id=person_id, number=number))
    _log(session, person_id, "assign", actor)


def bulk_assign(session: Session, rows: list[tuple[int, str]], actor: Actor) -> None:
    """Load many (person_id, number) pairs at once (seeding, migration from another system):
    one log row per batch, since nothing is read."""
    if not rows:
        return
    table = table_of(IndividualNumber)
    bulk_insert(session.connection(), table, ("person_id", "number"), rows)
    _log(session, None, "load", actor)
