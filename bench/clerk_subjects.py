"""Who moves where in the keystroke benchmark: residents of the synthetic city who live alone
(for the 転居), a family of four arriving (for the 転入), and towns a postal code names alone.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import jaconv

from app.domain import clock, individual_number, resident_code
from app.domain.wareki import ERAS
from bench.clerk_keyboard import Word


@dataclass(frozen=True)
class Mover:
    atena: str
    family_kana: str
    given_kana: str
    birth_date: date


@dataclass(frozen=True)
class Destination:
    postal_code: str  # names one town
    town_name: str
    address_detail: str


@dataclass(frozen=True)
class Newcomer:
    family: Word
    given: Word
    family_kana: str
    given_kana: str
    birth_date: date
    sex: str  # "1" | "2"
    relationship: str
    resident_code: str
    individual_number: str


FAMILY: tuple[Word, ...] = (
    Word("試験", "しけん"), Word("見本", "みほん"), Word("架空", "かくう"), Word("仮名", "かめい"),
)
GIVEN: tuple[tuple[Word, str, str], ...] = (  # (name, sex, relationship)
    (Word("太郎", "たろう"), "1", "世帯主"), (Word("花子", "はなこ"), "2", "妻"),
    (Word("一郎", "いちろう"), "1", "子"), (Word("桜", "さくら"), "2", "子"),
)
PREVIOUS: tuple[Word, ...] = (Word("東京都千代田区千代田", "とうきょうとちよだくちよだ"), Word("1-1", "1-1", kanji=False))


def newcomers(rng: random.Random, today: date) -> list[Newcomer]:
    family = rng.choice(FAMILY)
    ages = (42, 40, 12, 9)
    out = []
    for (given, sex, relationship), age in zip(GIVEN, ages, strict=True):
        birth = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
        out.append(Newcomer(
            family, given, jaconv.hira2kata(family.reading), jaconv.hira2kata(given.reading),
            birth, sex, relationship,
            resident_code.make(f"{rng.randrange(10**9, 10**10)}"),
            individual_number.make(f"{rng.randrange(10**10, 10**11)}"),
        ))
    return out


def newcomer_body(persons: Sequence[Newcomer], move_date: date, town_code: str, detail: str) -> dict[str, Any]:
    """The 転入 the screens send, for the API baseline."""
    return {
        "kind": "tennyu", "notified_on": clock.today().isoformat(), "move_date": move_date.isoformat(),
        "notifier_name": f"{persons[0].family.text}\u3000{persons[0].given.text}",
        "notifier_relationship": "本人",
        "address": {"town_code": town_code, "address_detail": detail},
        "household": {"mode": "new"}, "previous_address": "東京都千代田区千代田1-1",
        "persons": [{"family_name": p.family.text, "given_name": p.given.text,
                     "family_name_kana": p.family_kana, "given_name_kana": p.given_kana,
                     "birth_date": p.birth_date.isoformat(), "sex": p.sex,
                     "relationship": p.relationship, "resident_type": "japanese",
                     "resident_code": p.resident_code, "individual_number": p.individual_number}
                    for p in persons],
    }


def movers_living_alone(engine: Any, count: int) -> list[tuple[Mover, str]]:
    """(Mover, town_code) of Japanese residents who live alone, born in the 昭和 era or later."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from registry.models import Person, PersonVersion

    showa = next(e for e in ERAS if e.name == "昭和").start
    with Session(engine) as session:
        alone = (select(PersonVersion.household_id)
                 .join(Person, Person.current_version_id == PersonVersion.id)
                 .where(PersonVersion.removed_on.is_(None))
                 .group_by(PersonVersion.household_id).having(func.count() == 1).subquery())
        rows = session.execute(
            select(Person.atena_number, PersonVersion)
            .join(PersonVersion, PersonVersion.id == Person.current_version_id)
            .where(PersonVersion.household_id.in_(select(alone.c.household_id)),
                   PersonVersion.resident_type == "japanese", PersonVersion.processing_stop.is_(False),
                   PersonVersion.birth_date >= showa)
            .order_by(Person.atena_number)
        ).all()
        out = [(Mover(atena, v.family_name_kana, v.given_name_kana, v.birth_date), v.town_code)
               for atena, v in rows]
    if len(out) < count:
        raise LookupError("not enough residents living alone")
    return out[:count]


def destination(engine: Any, not_town: str, detail: str) -> tuple[Destination, str]:
    """A town whose postal code names it alone (the postal code fills it), and its code."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from registry.models import Town

    with Session(engine) as session:
        towns = session.execute(select(Town.town_code, Town.name, Town.postal_code)
                                .order_by(Town.town_code)).all()
    by_postal: dict[str, int] = {}
    for _, _, postal in towns:
        by_postal[postal] = by_postal.get(postal, 0) + 1
    code, name, postal = next(t for t in towns if t[0] != not_town and by_postal[t[2]] == 1)
    return Destination(postal, name, detail), code
