"""Fixtures for the certificate tests: PDFs read back with poppler, and synthetic households.

The PDFs are rendered in memory; only the tests write them, into pytest's tmp_path, so that
pdftotext, pdffonts and pdftoppm (poppler-utils) can read them as any other program would.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from printing.model import (
    Address,
    Change,
    Domicile,
    ForeignResidentItems,
    Name,
    Notified,
    Person,
    Reading,
    Sex,
)
from registry.synth.generator import city_towns, generate_city
from registry.synth.records import PersonRecord
from registry.synth.towns import CITY, PREFECTURE

POPPLER = ("pdftotext", "pdffonts", "pdftoppm", "pdfinfo")


def _require_poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:
        pytest.fail(f"poppler-utils is missing ({', '.join(missing)}): apt-get install poppler-utils")


def squeeze(text: str) -> str:
    """Text without any whitespace (ASCII or U+3000), so that a value is found whatever
    spacing or line layout the extraction produced."""
    return "".join(text.split())


@dataclass
class Pdf:
    path: Path
    data: bytes

    def run(self, *args: str) -> str:
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    @property
    def page_count(self) -> int:
        info = self.run("pdfinfo", str(self.path))
        return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))

    def text(self, page: int | None = None, *, layout: bool = True) -> str:
        """The text in the order of the lines on the page, top to bottom (-layout), or in
        poppler's reading order."""
        span = ["-f", str(page), "-l", str(page)] if page else []
        mode = ["-layout"] if layout else []
        return self.run("pdftotext", "-enc", "UTF-8", *mode, *span, str(self.path), "-")

    def pages(self, *, layout: bool = True) -> list[str]:
        return [self.text(n, layout=layout) for n in range(1, self.page_count + 1)]

    def fonts(self) -> list[list[str]]:
        lines = self.run("pdffonts", str(self.path)).splitlines()[2:]
        return [line.split() for line in lines if line.strip()]

    def png(self, page: int, dpi: int = 150) -> Path:
        prefix = self.path.with_suffix("")
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
                        "-singlefile", str(self.path), f"{prefix}-p{page}"], check=True)
        return Path(f"{prefix}-p{page}.png")


@pytest.fixture
def as_pdf(tmp_path: Path) -> Callable[[bytes], Pdf]:
    _require_poppler()
    count = 0

    def write(data: bytes) -> Pdf:
        nonlocal count
        count += 1
        path = tmp_path / f"certificate{count}.pdf"
        path.write_bytes(data)
        return Pdf(path, data)

    return write


def person_from_record(record: PersonRecord, towns: dict[str, str]) -> tuple[Person, Address]:
    """The registry's synthetic resident as the registry would fill a certificate for 本人
    or 同一世帯 asking for every item: the current version, every item present."""
    v = record.versions[-1]
    foreign = v.resident_type == "foreign"
    person = Person(
        name=Name(v.family_name, v.given_name, v.family_name_kana, v.given_name_kana),
        is_head=v.relationship == "世帯主",
        birth_date=v.birth_date,
        sex=Sex.from_jis(v.sex),
        relationship=v.relationship,
        became_resident=Notified(v.became_resident_on, v.became_resident_notified_on),
        address_settled=Notified(v.address_set_on, v.address_set_notified_on),
        previous_address=Address(v.previous_address) if v.previous_address else None,
        domicile=Domicile(v.honseki, v.hittosha or "") if v.honseki else None,
        individual_number=record.individual_number,
        resident_code=record.resident_code,
        former_surname=Reading(v.old_surname, v.old_surname_kana) if v.old_surname else None,
        alias=Reading(v.alias_name, v.alias_name_kana) if v.alias_name else None,
        foreign=ForeignResidentItems(
            nationality=v.nationality, article_30_45=v.article_30_45,
            residence_status=v.residence_status, period_expires_on=v.residence_expiry,
            card_number=v.residence_card_number,
        ) if foreign else None,
        change=Change(v.change_reason, v.change_date, v.notified_on),
    )
    address = Address.of(PREFECTURE, CITY, towns[v.town_code], v.address_detail, v.building)
    return person, address


@pytest.fixture(scope="session")
def synth_households() -> list[tuple[Address, list[Person]]]:
    """Current households of the synthetic city with three or more members, in register order
    (the head is not necessarily first: the renderer must put them first)."""
    towns = {t.town_code: t.name for t in city_towns()}
    out: list[tuple[Address, list[Person]]] = []
    for _, members in generate_city(400, seed=77, today=date(2026, 11, 1)):
        current = [m for m in members if m.versions[-1].removed_on is None]
        if len(current) < 3:
            continue
        pairs = [person_from_record(m, towns) for m in current]
        # Head last, to prove the order is the renderer's doing.
        persons = sorted((p for p, _ in pairs), key=lambda p: p.is_head)
        out.append((pairs[0][1], persons))
    assert len(out) >= 5
    return out
