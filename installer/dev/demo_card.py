"""The virtual card of a demo resident, so that the card desk and the identity check of
`make run` find the card's holder in the register (`make card-demo`).

    python installer/dev/demo_card.py --state state/demo [--resident ATENA] --out FILE

Reads the demo registry's database directly (a developer's tool beside the demo, not part of
the terminal or the service) and writes the holder as cardreader.virtual.contents.Resident
JSON: the register's name, address (digits full-width, as cards print them), birth date, sex
and individual number, a card valid for ten more years, PIN 1234 and security code 2285.
Everything in the demo register is synthetic.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import jaconv
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock
from app.domain.address import format_address
from cardreader.virtual.contents import Resident
from registry.config import load_settings
from registry.db import make_engine
from registry.models import IndividualNumber, Person, PersonVersion, Town

# 照合番号B spells the birth date in an era (明治 onwards).
_FIRST_ERA_DAY = date(1912, 7, 30)


def holder(state: Path, atena: str | None) -> tuple[str, Resident]:
    settings = load_settings(state)
    engine = make_engine(settings.db_url)
    try:
        with Session(engine) as session:
            query = (
                select(Person, PersonVersion, Town, IndividualNumber.number)
                .join(PersonVersion, PersonVersion.id == Person.current_version_id)
                .join(Town, Town.town_code == PersonVersion.town_code)
                .join(IndividualNumber, IndividualNumber.person_id == Person.id)
                .where(PersonVersion.removed_on.is_(None))
                .order_by(Person.atena_number)
            )
            if atena is not None:
                query = query.where(Person.atena_number == atena)
            else:
                query = query.where(PersonVersion.resident_type == "japanese",
                                    PersonVersion.processing_stop.is_(False),
                                    PersonVersion.birth_date >= _FIRST_ERA_DAY)
            row = session.execute(query.limit(1)).first()
    finally:
        engine.dispose()
    if row is None:
        raise SystemExit(f"no current resident {atena or ''} in {state}: run `make run` once first")
    person, version, town, number = row
    city = settings.municipality
    address = format_address(city.prefecture, city.city, town.name, version.address_detail,
                             version.building)
    today = clock.today()
    return person.atena_number, Resident(
        individual_number=number,
        family_name=version.family_name,
        given_name=version.given_name,
        address=jaconv.h2z(address, kana=False, ascii=False, digit=True),
        birth_date=version.birth_date,
        sex=version.sex,
        expiry_date=today.replace(year=today.year + 10, day=min(today.day, 28)),
        security_code="2285",
        pin="1234",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--state", type=Path, required=True)
    parser.add_argument("--resident", help="宛名番号 (default: the first suitable resident)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    atena, card = holder(args.state, args.resident)
    args.out.write_text(card.to_json() + "\n", encoding="utf-8")
    print(f"the card's holder is 宛名番号 {atena} (PIN 1234, security code 2285): {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
