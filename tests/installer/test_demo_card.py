"""`make card-demo`'s card belongs to a resident of the demo register, so the card desk and the
identity check find its holder (installer/dev/demo_card.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain import individual_number
from cardreader.virtual.contents import Resident

pytestmark = [pytest.mark.installer]

REPO = Path(__file__).resolve().parents[2]


def _registry(state: Path, *args: str) -> None:
    subprocess.run([sys.executable, "-m", "registry.cli", "--state", str(state), *args],
                   check=True, cwd=REPO, capture_output=True, timeout=600)


def test_the_demo_card_is_a_resident_of_the_demo_register(tmp_path: Path) -> None:
    state = tmp_path / "demo"
    _registry(state, "init")
    _registry(state, "seed", "--residents", "60", "--seed", "7")
    out = tmp_path / "card.json"
    done = subprocess.run([sys.executable, "installer/dev/demo_card.py", "--state", str(state),
                           "--out", str(out)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    holder = Resident.from_json_file(out)
    assert individual_number.is_valid(holder.individual_number)
    atena = done.stdout.split("宛名番号 ")[1].split()[0]
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from registry.config import load_settings
    from registry.db import make_engine
    from registry.models import IndividualNumber, Person

    engine = make_engine(load_settings(state).db_url)
    with Session(engine) as session:
        registered = session.scalar(
            select(IndividualNumber.number).join(Person, Person.id == IndividualNumber.person_id)
            .where(Person.atena_number == atena))
    engine.dispose()
    assert registered == holder.individual_number
    assert json.loads(out.read_text())["pin"] == "1234"


def test_an_unknown_resident_is_refused_clearly(tmp_path: Path) -> None:
    state = tmp_path / "demo"
    _registry(state, "init")
    done = subprocess.run([sys.executable, "installer/dev/demo_card.py", "--state", str(state),
                           "--resident", "9999999999", "--out", str(tmp_path / "c.json")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "make run" in done.stderr
    assert not (tmp_path / "c.json").exists()
